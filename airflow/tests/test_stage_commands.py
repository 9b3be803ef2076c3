"""Every stage's spark-submit argument list, as curate_stages builds it for the DAG, run for real:
the application jar under org.apache.spark.deploy.SparkSubmit (the class the spark-submit script
runs) with master local[2], on the built-in sample crawl; then the quality gate on its outputs.

Needs the built application jar and the Spark classpath written by the Maven build. The Maven
failsafe test AirflowStageCommandsIT runs this with CURATE_REQUIRE_INTEGRATION=1 and the paths in
the environment; run by hand after `mvn package`, it finds them under curation-jobs/target/ and
skips (saying why) if they are missing:

    python3 -m unittest discover -s airflow/tests -v
"""

import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile
import unittest

AIRFLOW_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(AIRFLOW_DIR)
TARGET = os.path.join(REPO, "curation-jobs", "target")
sys.path.insert(0, AIRFLOW_DIR)
import curate_stages as cs  # noqa: E402

REQUIRED = os.environ.get("CURATE_REQUIRE_INTEGRATION") == "1"


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


def environment():
    """(application jar, Spark classpath, JVM flags), or a reason string why they are not available."""
    jar = os.environ.get("CURATE_APP_JAR", os.path.join(TARGET, "curation-jobs-0.1.0-SNAPSHOT.jar"))
    classpath = os.environ.get("CURATE_SPARK_CLASSPATH")
    if classpath is None:
        # A Spark distribution's jars: Maven's provided scope, plus icu4j (see ChildJvm.sparkClasspath).
        only, full = (os.path.join(TARGET, f) for f in ("spark-only-classpath.txt", "spark-classpath.txt"))
        if not (os.path.exists(only) and os.path.exists(full)):
            return f"no Spark classpath files in {TARGET} (run mvn package first)"
        jars = _read(only).split(os.pathsep)
        jars += [j for j in _read(full).split(os.pathsep) if "/com/ibm/icu/icu4j/" in j and j not in jars]
        classpath = os.pathsep.join(jars)
    opens = os.environ.get("CURATE_SPARK_JVM_OPENS")
    if opens is None:
        options = os.path.join(TARGET, "classes", "org", "curate", "jobs", "spark-jvm-options.txt")
        if not os.path.exists(options):
            return f"no {options} (run mvn package first)"
        opens = _read(options)
    if not os.path.isfile(jar):
        return f"no application jar at {jar} (run mvn package first)"
    return jar, classpath, shlex.split(opens)


ENV = environment()


class StageCommandsOnTheApplicationJarTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if isinstance(ENV, str):
            if REQUIRED:
                raise AssertionError(ENV)
            raise unittest.SkipTest(ENV)
        cls.jar, cls.classpath, cls.opens = ENV
        cls.tmp = tempfile.TemporaryDirectory(prefix="curate-airflow-")
        root = cls.tmp.name
        java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else "java"
        cls.java = java
        # The built-in sample crawl, from the generator bundled in the application jar.
        subprocess.run([java, "-cp", cls.jar, "org.curate.demo.SampleCrawl", os.path.join(root, "crawl")],
                       check=True, capture_output=True, text=True, timeout=300)
        filters = os.path.join(root, "filters.yaml")
        with open(filters, "w", encoding="utf-8") as f:
            f.write("filters:\n  - filter: gopher_quality\n  - filter: gopher_repetition\n  - filter: pii\n")
        cls.config = {
            "application": cls.jar,
            "input": os.path.join(root, "crawl", "sample-crawl.warc.gz"),
            "output_root": os.path.join(root, "out"),
            "conf": {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2",
                     "spark.sql.warehouse.dir": os.path.join(root, "warehouse")},
            "stages": {"filter": {"filters": filters}},
        }
        cls.results = {}
        for name in cs.stage_names(cls.config):
            command = [java, *cls.opens, "-Xmx1g", "-cp", cls.classpath, "org.apache.spark.deploy.SparkSubmit",
                       *cs.spark_submit_args(cls.config, name, master="local[2]")]
            env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1")
            cls.results[name] = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def stats(self, name):
        with open(os.path.join(cs.stage_output(self.config, name), "_stats.json"), encoding="utf-8") as f:
            return json.load(f)

    def test_every_stage_exits_0_and_writes_parquet_and_stats(self):
        self.assertEqual(list(self.results), [s.name for s in cs.STAGES], "every known stage ran")
        for name, result in self.results.items():
            with self.subTest(stage=name):
                self.assertEqual(result.returncode, 0, f"{name}:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
                self.assertTrue(glob.glob(os.path.join(cs.stage_output(self.config, name), "*.parquet")))
                self.assertEqual(self.stats(name)["name"], name)

    def test_each_stage_reads_the_previous_stage_output(self):
        self.assertGreater(self.stats("extract")["out"], 0)
        for stage in cs.STAGES:
            if stage.reads is not None:
                self.assertEqual(self.stats(stage.name)["in"], self.stats(stage.reads)["out"], stage.name)

    def test_the_filter_chain_option_reached_the_job(self):
        # Only the three configured filters can have dropped documents.
        dropped = self.stats("filter")["dropped"]
        self.assertTrue(dropped, "the sample has documents these filters drop")
        filters = {reason.split("/")[0].split(":")[0] for reason in dropped}
        self.assertLessEqual(filters, {"gopher_quality", "gopher_repetition", "pii"}, dropped)

    def test_quality_gate_on_the_real_outputs(self):
        names = cs.stage_names(self.config)
        stats = cs.enforce_gate(self.config["output_root"], {"max_dropped_fraction": {"*": 0.99}, "min_out": {"*": 1}}, names)
        self.assertEqual([s["name"] for s in stats["stages"]], names)
        filt = self.stats("filter")
        dropped_fraction = sum(filt["dropped"].values()) / filt["in"]
        with self.assertRaises(cs.QualityGateError) as e:
            cs.enforce_gate(self.config["output_root"], {"max_dropped_fraction": {"filter": dropped_fraction / 2}}, names)
        self.assertEqual(len(e.exception.violations), 1)
        self.assertTrue(e.exception.violations[0].startswith("filter: dropped"))


if __name__ == "__main__":
    unittest.main()
