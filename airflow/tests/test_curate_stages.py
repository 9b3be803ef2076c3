"""Unit tests of curate_stages: stage command lines from a config, config validation, the quality gate."""

import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import curate_stages as cs  # noqa: E402


def config(**overrides):
    base = {
        "application": "/opt/curate/app.jar",
        "input": "hdfs://nn:8020/crawl/*.warc.gz",
        "output_root": "hdfs://nn:8020/curated/run1/",
        "conf": {"spark.sql.shuffle.partitions": "8", "spark.executor.memory": "2g"},
        "stages": {"filter": {"filters": "/opt/curate/filters.yaml", "conf": {"spark.executor.memory": "4g"}}},
    }
    base.update(overrides)
    return base


class StageCommandTest(unittest.TestCase):
    def test_stages_run_in_pipeline_order_and_each_reads_the_previous_output(self):
        self.assertEqual(cs.stage_names(config()), ["extract", "filter"])
        self.assertEqual(cs.application_args(config(), "extract"),
                         ["extract", "--input", "hdfs://nn:8020/crawl/*.warc.gz",
                          "--output", "hdfs://nn:8020/curated/run1/extract"])
        self.assertEqual(cs.application_args(config(), "filter"),
                         ["filter", "--input", "hdfs://nn:8020/curated/run1/extract",
                          "--output", "hdfs://nn:8020/curated/run1/filter",
                          "--filters", "/opt/curate/filters.yaml"])

    def test_every_stage_reads_a_stage_that_comes_before_it(self):
        seen = set()
        for stage in cs.STAGES:
            if stage.reads is not None:
                self.assertIn(stage.reads, seen, stage.name)
            seen.add(stage.name)
        self.assertEqual(len(seen), len(cs.STAGES), "stage names are unique")

    def test_stage_conf_overrides_the_shared_conf(self):
        self.assertEqual(cs.spark_conf(config(), "filter"),
                         {"spark.sql.shuffle.partitions": "8", "spark.executor.memory": "4g"})
        self.assertEqual(cs.spark_conf(config(), "extract")["spark.executor.memory"], "2g")

    def test_spark_submit_args_match_the_operator_kwargs(self):
        kw = cs.operator_kwargs(config(conn_id="spark_yarn"), "filter")
        self.assertEqual(kw["task_id"], "filter")
        self.assertEqual(kw["conn_id"], "spark_yarn")
        self.assertEqual(kw["java_class"], "org.curate.jobs.Curate")
        args = cs.spark_submit_args(config(), "filter", master="yarn", deploy_mode="cluster")
        self.assertEqual(args[:2], ["--master", "yarn"])
        self.assertIn("spark.executor.memory=4g", args)
        self.assertEqual(args[args.index("--class") + 1], "org.curate.jobs.Curate")
        jar = args.index("/opt/curate/app.jar")
        self.assertEqual(args[jar + 1:], kw["application_args"])
        self.assertEqual(args[args.index("--deploy-mode") + 1], "cluster")

    def test_extra_args_are_appended(self):
        c = config(stages={"extract": {"args": ["--conf", "spark.sql.files.maxPartitionBytes=64m"]}})
        self.assertEqual(cs.application_args(c, "extract")[-2:], ["--conf", "spark.sql.files.maxPartitionBytes=64m"])

    def test_enabled_stages_selects_a_prefix(self):
        self.assertEqual(cs.stage_names(config(enabled_stages=["extract"])), ["extract"])

    def test_invalid_configs_name_the_key(self):
        cases = [
            (config(inptu="x"), "inptu"),
            (config(output_root=""), "output_root"),
            (config(stages={"dedupe": {}}), "dedupe"),
            (config(stages={"filter": {"filter": "x.yaml"}}), "stages.filter"),
            (config(enabled_stages=["filter"]), "extract"),
            (config(enabled_stages=["filter", "extract"]), "order"),
            (config(gate={"max_drop": {}}), "max_drop"),
            (config(conf=["spark.x=1"]), "conf"),
        ]
        for c, word in cases:
            with self.subTest(word=word):
                with self.assertRaises(cs.ConfigError) as e:
                    cs.stage_names(c)
                self.assertIn(word, str(e.exception))


def stats(*stages):
    return {"stages": [dict(name=n, **{"in": i, "out": o, "dropped": d, "failed": f}) for n, i, o, d, f in stages]}


SAMPLE = stats(("extract", 100, 90, {"not_html": 6}, {"bad_record": 4}),
               ("filter", 90, 30, {"gopher_quality/too_few_words": 50, "pii/x": 10}, {}))


class QualityGateTest(unittest.TestCase):
    def test_a_run_within_bounds_passes(self):
        gate = {"max_dropped_fraction": {"*": 0.7}, "max_failed_fraction": {"*": 0.05}, "min_out": {"filter": 30}}
        self.assertEqual(cs.check_gate(SAMPLE, gate, ["extract", "filter"]), [])

    def test_dropped_fraction_above_the_bound_fails_with_the_top_reasons(self):
        violations = cs.check_gate(SAMPLE, {"max_dropped_fraction": {"filter": 0.6}})
        self.assertEqual(len(violations), 1)
        self.assertIn("filter: dropped 60/90 = 66.7% > max_dropped_fraction 60.0%", violations[0])
        self.assertIn("gopher_quality/too_few_words=50, pii/x=10", violations[0])

    def test_a_stage_bound_overrides_the_default(self):
        gate = {"max_dropped_fraction": {"*": 0.01, "filter": 0.9}}
        self.assertEqual([v.split(":")[0] for v in cs.check_gate(SAMPLE, gate)], ["extract"])

    def test_failed_fraction_and_min_out(self):
        gate = {"max_failed_fraction": {"*": 0.03}, "min_out": {"*": 50}}
        self.assertEqual(cs.check_gate(SAMPLE, gate), [
            "extract: failed 4/100 = 4.0% > max_failed_fraction 3.0% (bad_record=4)",
            "filter: out 30 < min_out 50",
        ])

    def test_a_missing_stage_fails(self):
        self.assertEqual(cs.check_gate(stats(("extract", 1, 1, {}, {})), {}, ["extract", "filter"]),
                         ["filter: missing from the statistics"])

    def test_an_empty_stage_does_not_divide_by_zero(self):
        self.assertEqual(cs.check_gate(stats(("extract", 0, 0, {}, {})), {"max_dropped_fraction": {"*": 0}}), [])
        self.assertEqual(cs.check_gate(stats(("extract", 0, 0, {}, {})), {"min_out": {"*": 1}}),
                         ["extract: out 0 < min_out 1"])

    def test_unknown_bound_is_an_error(self):
        with self.assertRaises(cs.ConfigError):
            cs.check_gate(SAMPLE, {"max_dropped": {"*": 0.5}})

    def test_enforce_reads_per_stage_stats_or_the_run_report(self):
        with tempfile.TemporaryDirectory() as root:
            for s in SAMPLE["stages"]:
                os.makedirs(os.path.join(root, s["name"]))
                with open(os.path.join(root, s["name"], "_stats.json"), "w") as f:
                    json.dump({k: v for k, v in s.items() if k != "name"}, f)
            loaded = cs.enforce_gate("file://" + root, {"min_out": {"*": 1}}, ["extract", "filter"])
            self.assertEqual([s["out"] for s in loaded["stages"]], [90, 30])
            with self.assertRaises(cs.QualityGateError) as e:
                cs.enforce_gate(root, {"max_dropped_fraction": {"filter": 0.5}}, ["extract", "filter"])
            self.assertEqual(len(e.exception.violations), 1)
            # A run report, when present, is what the gate reads.
            os.makedirs(os.path.join(root, "report"))
            with open(os.path.join(root, "report", "stats.json"), "w") as f:
                json.dump(stats(("extract", 5, 0, {}, {}), ("filter", 0, 0, {}, {})), f)
            with self.assertRaises(cs.QualityGateError) as e:
                cs.enforce_gate(root, {"min_out": {"*": 1}}, ["extract", "filter"])
            self.assertEqual(len(e.exception.violations), 2)

    def test_missing_stats_fail_the_gate(self):
        with tempfile.TemporaryDirectory() as root:
            with self.assertRaises(cs.QualityGateError) as e:
                cs.enforce_gate(root, {}, ["extract"])
            self.assertIn("extract/_stats.json", str(e.exception))


if __name__ == "__main__":
    unittest.main()
