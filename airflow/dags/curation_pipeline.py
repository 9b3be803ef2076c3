"""
### Curation pipeline (curate on Spark)

Runs the stages of the curate pipeline, one `SparkSubmitOperator` per stage, on the crawl in
`params.input`, each stage writing `<params.output_root>/<stage>/` (Parquet, `_stats.json`,
`_rejects/`); then a **quality gate** reads the stage statistics and fails the run when they break
the bounds in `params.gate`:

* `max_dropped_fraction`: documents dropped / documents in, per stage (or `"*"` for all stages);
* `max_failed_fraction`: documents that failed to process / documents in;
* `min_out`: the least number of documents a stage must output.

**Configuration.** The Airflow Variable `curation_pipeline` (JSON) overrides the defaults below:
the application jar, main class, Spark `conf` (shared and per stage), per-stage options (e.g. the
filter chain `stages.filter.filters`), `enabled_stages`, `conn_id` and the gate bounds. At trigger
time, the params `input`, `output_root` and `gate` can be changed per run. The meaning of every key
is in `curate_stages.py`, which builds the command lines (and is what CI tests).

**Requirements.** `apache-airflow-providers-apache-spark` (the operator), a Spark connection
(`spark_default`: host = master URL such as `spark://host:7077`, `yarn`, `k8s://…`; extra
`deploy-mode`), `spark-submit` on the worker's PATH, and `curate_stages.py` importable (next to this
file, in `plugins/`, or in the folder above `dags/`, as in the repository).

**Retries.** Stage tasks retry twice (a stage replaces its output folder, so a retry is safe); the
gate does not retry: a quality failure is not transient.

Written for Airflow 3 (`airflow.sdk`) with Airflow 2.x fallbacks (2.4+: `schedule=`).
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from datetime import datetime, timedelta, timezone

try:  # Airflow 3: the Task SDK is the stable authoring API.
    from airflow.sdk import DAG, Variable, task
except ImportError:  # Airflow 2.x
    from airflow import DAG
    from airflow.decorators import task
    from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

try:
    import curate_stages
except ImportError:  # repository layout: airflow/curate_stages.py next to airflow/dags/
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import curate_stages

log = logging.getLogger(__name__)

VARIABLE = "curation_pipeline"

DEFAULT_CONFIG = {
    "application": "/opt/curate/curation-jobs-0.1.0-SNAPSHOT.jar",
    "main_class": curate_stages.MAIN_CLASS,
    # Run paths: literal (params are not rendered twice, so no "{{ ds }}" here); give each crawl's
    # paths when triggering, e.g. airflow dags trigger -c '{"input": "...", "output_root": "..."}'.
    "input": "hdfs:///crawl/current/*.warc.gz",
    "output_root": "hdfs:///curated/current",
    "conn_id": "spark_default",
    "conf": {"spark.sql.shuffle.partitions": "200"},
    "stages": {},
    "gate": {
        "max_dropped_fraction": {"*": 0.95},
        "max_failed_fraction": {"*": 0.05},
        "min_out": {"*": 1},
    },
}


def load_config() -> dict:
    """DEFAULT_CONFIG, overridden key by key by the Variable (parsed as JSON), validated."""
    config = copy.deepcopy(DEFAULT_CONFIG)
    try:
        override = Variable.get(VARIABLE, None, deserialize_json=True)
    except Exception as e:  # no metadata DB/API while parsing (e.g. a DAG-file check): use the defaults
        log.warning("Variable %s not read (%s); using the defaults", VARIABLE, e)
        override = None
    if override:
        config.update(override)
    curate_stages.validate(config)
    return config


CONFIG = load_config()
STAGE_NAMES = curate_stages.stage_names(CONFIG)

with DAG(
    dag_id="curation_pipeline",
    description="curate: crawl -> extract -> filter (-> ...) on Spark, then a quality gate",
    doc_md=__doc__,
    schedule=None,  # triggered per crawl; Airflow 3 defaults to None too, Airflow 2 to daily
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    tags=["curation", "spark"],
    params={
        "input": CONFIG["input"],
        "output_root": CONFIG["output_root"],
        "gate": CONFIG["gate"],
    },
    default_args={"retries": 2, "retry_delay": timedelta(minutes=5)},
) as dag:
    # The run's paths come from the params (templated at run time); the structure from CONFIG.
    templated = dict(CONFIG, input="{{ params.input }}", output_root="{{ params.output_root }}")
    previous = None
    for name in STAGE_NAMES:
        submit = SparkSubmitOperator(
            doc_md=f"`curate {curate_stages.stage(name).command}`: writes `<output_root>/{name}/`.",
            **curate_stages.operator_kwargs(templated, name),
        )
        if previous is not None:
            previous >> submit
        previous = submit

    @task(task_id="quality_gate", retries=0)
    def quality_gate(**context):
        """Fails the run when the stage statistics break the bounds in params.gate."""
        params = context["params"]
        stats = curate_stages.enforce_gate(params["output_root"], params["gate"], STAGE_NAMES)
        for s in stats["stages"]:
            log.info("%s: in=%s out=%s dropped=%s failed=%s", s.get("name"), s.get("in"), s.get("out"),
                     s.get("dropped"), s.get("failed"))
        return {s["name"]: s.get("out") for s in stats["stages"]}

    previous >> quality_gate()
