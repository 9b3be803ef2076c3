"""The curate pipeline's stages as spark-submit command lines, and the quality gate.

Plain Python 3 (standard library only, no Airflow import), so that CI can test it without Airflow:
``dags/curation_pipeline.py`` builds one ``SparkSubmitOperator`` per stage from
:func:`operator_kwargs`, and its gate task calls :func:`enforce_gate`.

The stages are data: :data:`STAGES` lists them in pipeline order. Adding a stage of the
application jar (``curate dedup``, ``curate decontaminate``, ``curate train-tokenizer``,
``curate tokenize`` ...) is one more :class:`Stage` entry: its ``curate`` subcommand, the stage whose
output it reads, and which of its stage-config keys become command-line options.

Configuration (a dict; the DAG takes it from the Airflow Variable ``curation_pipeline`` and its
params)::

    {
      "application": "/opt/curate/curation-jobs-0.1.0-SNAPSHOT.jar",   # the shaded application jar
      "main_class": "org.curate.jobs.Curate",
      "input": "hdfs:///crawl/2026-11-27/*.warc.gz",                   # crawl files, dirs or globs
      "output_root": "hdfs:///curated/2026-11-27",                     # each stage writes <root>/<stage>
      "conf": {"spark.sql.shuffle.partitions": "200"},                 # Spark properties, every stage
      "stages": {                                                      # per stage; a missing stage runs with defaults
        "extract": {},
        "filter": {"filters": "/opt/curate/filters.yaml", "conf": {"spark.executor.memory": "4g"}},
      },
      "enabled_stages": ["extract", "filter"],                         # optional; default: all of STAGES
      "gate": {                                                        # see check_gate()
        "max_dropped_fraction": {"filter": 0.9},
        "max_failed_fraction": {"*": 0.01},
        "min_out": {"filter": 1},
      },
    }
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

MAIN_CLASS = "org.curate.jobs.Curate"


@dataclass(frozen=True)
class Stage:
    """One ``curate`` subcommand run as its own spark-submit job."""

    name: str
    """Task id, and the folder ``<output_root>/<name>`` the stage writes."""
    command: str
    """The ``curate`` subcommand."""
    reads: Optional[str]
    """The stage whose output this stage reads; None: the configured crawl ``input``."""
    options: Tuple[Tuple[str, str], ...] = field(default=())
    """(stage-config key, command-line flag) pairs, passed when the stage's config sets the key."""


STAGES: Tuple[Stage, ...] = (
    Stage("extract", "extract", reads=None),
    Stage("filter", "filter", reads="extract", options=(("filters", "--filters"),)),
)

# Keys a config may hold; anything else is a mistake (a typo would otherwise be silently ignored).
_CONFIG_KEYS = {"application", "main_class", "input", "output_root", "conf", "stages", "enabled_stages",
                "gate", "conn_id", "name_prefix"}
_STAGE_KEYS = {"conf", "args"}
_GATE_KEYS = {"max_dropped_fraction", "max_failed_fraction", "min_out"}


class ConfigError(ValueError):
    """The pipeline configuration is invalid; the message names the key."""


class QualityGateError(RuntimeError):
    """A run's statistics broke the configured bounds; ``violations`` lists each broken bound."""

    def __init__(self, violations: Sequence[str]):
        super().__init__("quality gate failed:\n  " + "\n  ".join(violations))
        self.violations = list(violations)


def stage(name: str) -> Stage:
    for s in STAGES:
        if s.name == name:
            return s
    raise ConfigError(f"unknown stage {name!r}; known: {', '.join(s.name for s in STAGES)}")


def validate(config: Mapping[str, Any]) -> None:
    """Raises ConfigError for unknown keys, missing required keys and wrong types."""
    unknown = sorted(set(config) - _CONFIG_KEYS)
    if unknown:
        raise ConfigError(f"unknown config key(s): {', '.join(unknown)}")
    for key in ("application", "input", "output_root"):
        if not isinstance(config.get(key), str) or not config[key]:
            raise ConfigError(f"config key {key!r} must be a non-empty string")
    if not isinstance(config.get("conf", {}), Mapping):
        raise ConfigError("config key 'conf' must be a mapping of Spark properties")
    stages = config.get("stages", {})
    if not isinstance(stages, Mapping):
        raise ConfigError("config key 'stages' must be a mapping stage -> settings")
    for name, settings in stages.items():
        s = stage(name)
        allowed = _STAGE_KEYS | {key for key, _ in s.options}
        bad = sorted(set(settings or {}) - allowed)
        if bad:
            raise ConfigError(f"stages.{name}: unknown key(s) {', '.join(bad)}; allowed: {', '.join(sorted(allowed))}")
        if not isinstance((settings or {}).get("conf", {}), Mapping):
            raise ConfigError(f"stages.{name}.conf must be a mapping")
        if not isinstance((settings or {}).get("args", []), list):
            raise ConfigError(f"stages.{name}.args must be a list")
    enabled = config.get("enabled_stages")
    if enabled is not None:
        if not isinstance(enabled, list) or not enabled:
            raise ConfigError("enabled_stages must be a non-empty list")
        for name in enabled:
            stage(name)
        order = [s.name for s in STAGES if s.name in enabled]
        for name in enabled:
            reads = stage(name).reads
            if reads is not None and reads not in enabled:
                raise ConfigError(f"enabled_stages: {name} reads {reads}'s output, which is not enabled")
        if order != list(enabled):
            raise ConfigError(f"enabled_stages must keep pipeline order: {order}")
    gate = config.get("gate", {})
    bad = sorted(set(gate) - _GATE_KEYS)
    if bad:
        raise ConfigError(f"gate: unknown bound(s) {', '.join(bad)}; allowed: {', '.join(sorted(_GATE_KEYS))}")


def stage_names(config: Mapping[str, Any]) -> List[str]:
    """The stages to run, in pipeline order."""
    validate(config)
    enabled = config.get("enabled_stages")
    return [s.name for s in STAGES if enabled is None or s.name in enabled]


def stage_output(config: Mapping[str, Any], name: str) -> str:
    return config["output_root"].rstrip("/") + "/" + name


def application_args(config: Mapping[str, Any], name: str) -> List[str]:
    """The arguments after the application jar: ``<command> --input … --output … [options]``."""
    validate(config)
    s = stage(name)
    settings = config.get("stages", {}).get(name) or {}
    source = config["input"] if s.reads is None else stage_output(config, s.reads)
    args = [s.command, "--input", source, "--output", stage_output(config, name)]
    for key, flag in s.options:
        if settings.get(key) is not None:
            args += [flag, str(settings[key])]
    args += [str(a) for a in settings.get("args", [])]
    return args


def spark_conf(config: Mapping[str, Any], name: str) -> Dict[str, str]:
    """Spark properties for a stage: the shared ``conf``, overridden by the stage's own."""
    settings = config.get("stages", {}).get(name) or {}
    merged = {str(k): str(v) for k, v in config.get("conf", {}).items()}
    merged.update({str(k): str(v) for k, v in settings.get("conf", {}).items()})
    return merged


def operator_kwargs(config: Mapping[str, Any], name: str) -> Dict[str, Any]:
    """Keyword arguments of the stage's ``SparkSubmitOperator``."""
    validate(config)
    return {
        "task_id": name,
        "conn_id": config.get("conn_id", "spark_default"),
        "application": config["application"],
        "java_class": config.get("main_class", MAIN_CLASS),
        "name": f"{config.get('name_prefix', 'curate')}-{name}",
        "conf": spark_conf(config, name),
        "application_args": application_args(config, name),
    }


def spark_submit_args(config: Mapping[str, Any], name: str, master: Optional[str] = None,
                      deploy_mode: Optional[str] = None) -> List[str]:
    """The stage's spark-submit argument list (without the ``spark-submit`` program itself), built from
    :func:`operator_kwargs` in the order the provider's hook builds it: master, conf, name, class,
    application, application arguments. ``master`` / ``deploy_mode`` stand for the Airflow connection."""
    kw = operator_kwargs(config, name)
    args: List[str] = []
    if master:
        args += ["--master", master]
    for key, value in kw["conf"].items():
        args += ["--conf", f"{key}={value}"]
    if deploy_mode:
        args += ["--deploy-mode", deploy_mode]
    args += ["--name", kw["name"], "--class", kw["java_class"], kw["application"]]
    return args + kw["application_args"]


# ---------------------------------------------------------------------------------------------
# Quality gate


def read_text(path: str) -> Optional[str]:
    """A small file from a local path or ``file:`` URI; other schemes (hdfs:, s3a:, ...) through
    ``hadoop fs -cat`` (the Hadoop client must be on the worker's PATH). None if it does not exist."""
    if path.startswith("file:"):
        path = path[len("file:"):]
        while path.startswith("//"):
            path = path[1:]
    if "://" not in path:
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return f.read()
    hadoop = os.environ.get("CURATE_HADOOP_CLI", "hadoop")
    result = subprocess.run([hadoop, "fs", "-cat", path], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        if "No such file" in result.stderr:
            return None
        raise OSError(f"{hadoop} fs -cat {path} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def load_stats(output_root: str, names: Sequence[str]) -> Dict[str, Any]:
    """The run's statistics: ``<root>/report/stats.json`` if a report was written (``curate run`` /
    ``curate report``), else ``{"stages": [...]}`` collected from each stage's ``<root>/<stage>/_stats.json``."""
    root = output_root.rstrip("/")
    text = read_text(root + "/report/stats.json")
    if text is not None:
        return json.loads(text)
    stages = []
    for name in names:
        text = read_text(f"{root}/{name}/_stats.json")
        if text is None:
            raise QualityGateError([f"{name}: no statistics at {root}/{name}/_stats.json (did the stage run?)"])
        stats = json.loads(text)
        stats.setdefault("name", name)
        stages.append(stats)
    return {"stages": stages}


def _bound(bounds: Mapping[str, Any], stage_name: str) -> Optional[float]:
    value = bounds.get(stage_name, bounds.get("*"))
    return None if value is None else float(value)


def check_gate(stats: Mapping[str, Any], gate: Mapping[str, Any], expected: Sequence[str] = ()) -> List[str]:
    """Returns the broken bounds (empty: the run passes). Bounds, each keyed by stage name or ``"*"``
    (every stage without its own entry):

    * ``max_dropped_fraction``: documents dropped / documents in (all reasons together);
    * ``max_failed_fraction``: documents that failed (e.g. unreadable records) / documents in;
    * ``min_out``: the least number of documents the stage must output.

    Every stage in ``expected`` must appear in the statistics."""
    bad = sorted(set(gate) - _GATE_KEYS)
    if bad:
        raise ConfigError(f"gate: unknown bound(s) {', '.join(bad)}")
    by_name = {s.get("name"): s for s in stats.get("stages", [])}
    violations = [f"{name}: missing from the statistics" for name in expected if name not in by_name]
    for name, s in by_name.items():
        n_in, n_out = int(s.get("in", 0)), int(s.get("out", 0))
        dropped = sum(int(v) for v in (s.get("dropped") or {}).values())
        failed = sum(int(v) for v in (s.get("failed") or {}).values())
        for key, count, what in (("max_dropped_fraction", dropped, "dropped"), ("max_failed_fraction", failed, "failed")):
            limit = _bound(gate.get(key, {}), name)
            if limit is None:
                continue
            fraction = count / n_in if n_in else 0.0
            if fraction > limit:
                reasons = s.get(what) or {}
                top = ", ".join(f"{r}={c}" for r, c in sorted(reasons.items(), key=lambda kv: (-int(kv[1]), kv[0]))[:5])
                violations.append(f"{name}: {what} {count}/{n_in} = {fraction:.1%} > {key} {limit:.1%} ({top})")
        least = _bound(gate.get("min_out", {}), name)
        if least is not None and n_out < least:
            violations.append(f"{name}: out {n_out} < min_out {least:g}")
    return violations


def enforce_gate(output_root: str, gate: Mapping[str, Any], names: Sequence[str]) -> Dict[str, Any]:
    """Loads the run's statistics and raises QualityGateError if any bound is broken; returns the statistics."""
    stats = load_stats(output_root, names)
    violations = check_gate(stats, gate, names)
    if violations:
        raise QualityGateError(violations)
    return stats
