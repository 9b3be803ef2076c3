"""The DAG file: compiles, and, imported against small stand-ins of the Airflow API (Airflow itself
cannot be installed in CI), builds one SparkSubmitOperator per stage with curate_stages' arguments,
chained in order and followed by the quality gate; under both the Airflow 3 and Airflow 2 imports."""

import importlib.util
import json
import os
import py_compile
import sys
import tempfile
import types
import unittest

AIRFLOW_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DAG_FILE = os.path.join(AIRFLOW_DIR, "dags", "curation_pipeline.py")
sys.path.insert(0, AIRFLOW_DIR)
import curate_stages as cs  # noqa: E402


class FakeTask:
    def __init__(self, task_id, **kwargs):
        self.task_id = task_id
        self.kwargs = kwargs
        self.downstream = []
        FakeDag.current.tasks.append(self)

    def __rshift__(self, other):
        self.downstream.append(other)
        return other


class FakeDag:
    current = None

    def __init__(self, dag_id, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []
        if "schedule_interval" in kwargs:
            raise TypeError("schedule_interval was removed in Airflow 3")

    def __enter__(self):
        FakeDag.current = self
        return self

    def __exit__(self, *exc):
        FakeDag.current = None


class FakeVariable:
    value = None

    @classmethod
    def get(cls, key, default, deserialize_json=False):
        assert key == "curation_pipeline" and deserialize_json
        return default if cls.value is None else json.loads(cls.value)


def fake_task(task_id, retries=None):
    def wrap(fn):
        def call():
            t = FakeTask(task_id, retries=retries)
            t.fn = fn
            return t
        return call
    return wrap


class FakeSparkSubmitOperator(FakeTask):
    pass


def install_stubs(airflow3):
    modules = {name: types.ModuleType(name) for name in (
        "airflow", "airflow.providers", "airflow.providers.apache", "airflow.providers.apache.spark",
        "airflow.providers.apache.spark.operators", "airflow.providers.apache.spark.operators.spark_submit")}
    modules["airflow.providers.apache.spark.operators.spark_submit"].SparkSubmitOperator = FakeSparkSubmitOperator
    if airflow3:
        sdk = modules["airflow.sdk"] = types.ModuleType("airflow.sdk")
        sdk.DAG, sdk.Variable, sdk.task = FakeDag, FakeVariable, fake_task
    else:
        modules["airflow"].DAG = FakeDag
        modules["airflow.decorators"] = types.ModuleType("airflow.decorators")
        modules["airflow.decorators"].task = fake_task
        modules["airflow.models"] = types.ModuleType("airflow.models")
        modules["airflow.models"].Variable = FakeVariable
    for name in [m for m in sys.modules if m == "airflow" or m.startswith("airflow.")]:
        del sys.modules[name]
    sys.modules.update(modules)


def load_dag(airflow3=True, variable=None):
    install_stubs(airflow3)
    FakeVariable.value = None if variable is None else json.dumps(variable)
    spec = importlib.util.spec_from_file_location("curation_pipeline_under_test", DAG_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DagFileTest(unittest.TestCase):
    def tearDown(self):
        for name in [m for m in sys.modules if m == "airflow" or m.startswith("airflow.")]:
            del sys.modules[name]

    def test_compiles(self):
        py_compile.compile(DAG_FILE, doraise=True)

    def check_dag(self, module, stages):
        dag = module.dag
        self.assertEqual(dag.dag_id, "curation_pipeline")
        self.assertIs(dag.kwargs["catchup"], False)
        self.assertIn("schedule", dag.kwargs)
        self.assertGreater(dag.kwargs["default_args"]["retries"], 0)
        self.assertIn("quality gate", dag.kwargs["doc_md"])
        ids = [t.task_id for t in dag.tasks]
        self.assertEqual(ids, stages + ["quality_gate"])
        for task, following in zip(dag.tasks, dag.tasks[1:]):
            self.assertEqual(task.downstream, [following], task.task_id)
        self.assertEqual(dag.tasks[-1].kwargs["retries"], 0)
        templated = dict(module.CONFIG, input="{{ params.input }}", output_root="{{ params.output_root }}")
        for task in dag.tasks[:-1]:
            self.assertIsInstance(task, FakeSparkSubmitOperator)
            expected = cs.operator_kwargs(templated, task.task_id)
            del expected["task_id"]
            self.assertEqual({k: v for k, v in task.kwargs.items() if k != "doc_md"}, expected)
        self.assertEqual(dag.tasks[0].kwargs["application_args"][:3], ["extract", "--input", "{{ params.input }}"])
        return dag

    def test_airflow3_imports_default_config(self):
        self.check_dag(load_dag(airflow3=True), ["extract", "filter"])

    def test_airflow2_imports_and_variable_override(self):
        module = load_dag(airflow3=False, variable={
            "application": "/jars/curate.jar", "enabled_stages": ["extract"], "conf": {"spark.executor.memory": "6g"}})
        dag = self.check_dag(module, ["extract"])
        self.assertEqual(dag.tasks[0].kwargs["application"], "/jars/curate.jar")
        self.assertEqual(dag.tasks[0].kwargs["conf"], {"spark.executor.memory": "6g"})

    def test_an_invalid_variable_fails_the_dag_import(self):
        with self.assertRaises(cs.ConfigError):
            load_dag(variable={"stages": {"filter": {"filterz": "x"}}})

    def test_gate_task_fails_on_broken_bounds(self):
        dag = load_dag().dag
        gate = dag.tasks[-1].fn
        with tempfile.TemporaryDirectory() as root:
            for name, n_in, out in (("extract", 10, 8), ("filter", 8, 2)):
                os.makedirs(os.path.join(root, name))
                with open(os.path.join(root, name, "_stats.json"), "w") as f:
                    json.dump({"name": name, "in": n_in, "out": out, "dropped": {"r": n_in - out}, "failed": {}}, f)
            ok = {"output_root": root, "gate": {"max_dropped_fraction": {"*": 0.8}}}
            self.assertEqual(gate(params=ok), {"extract": 8, "filter": 2})
            strict = {"output_root": root, "gate": {"max_dropped_fraction": {"filter": 0.5}}}
            with self.assertRaises(cs.QualityGateError):
                gate(params=strict)


if __name__ == "__main__":
    unittest.main()
