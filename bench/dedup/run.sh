#!/usr/bin/env bash
# Generates a corpus (once), then runs our dedup and MLlib MinHashLSH in separate local[2] JVMs
# under GNU time (peak RSS), then prints both result lines and the speed ratio.
#   bench/dedup/run.sh [DOCS=20000] [SEED=42] [DIR=/tmp/dedup-bench-DOCS-SEED] [HEAP=8g]
# WARMUP=N first runs each system once, untimed, on an N-document corpus in the same JVM, so the
# timed run measures warm code (as a long-lived application or a large input sees it).
# MODES="ours" (or "mllib") runs one half only; the other half's earlier result in DIR is
# removed so the report never mixes runs.
# CLUSTER=standalone runs the `ours` half only, as a driver JVM (heap HEAP, unscored) against a
# Spark standalone Master + Worker on 127.0.0.1 (standalone.sh; WORKER_CORES=2,
# EXECUTOR_MEMORY=6g), so executors run in their own JVM and the heap and RSS printed are the
# driver's; the executor's peak RSS is printed beside them.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DOCS="${1:-20000}"; SEED="${2:-42}"; DIR="${3:-/tmp/dedup-bench-$DOCS-$SEED}"; HEAP="${4:-8g}"
JAR="$ROOT/curation-jobs/target/curation-jobs-0.1.0-SNAPSHOT.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl dedup,curation-jobs -am)
(cd "$HERE" && mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
CP="$HERE/target/classes:$(cat "$HERE/target/cp.txt")"
JVM_OPENS="$(cat "$ROOT/curation-jobs/target/classes/org/curate/jobs/spark-jvm-options.txt")"
OPTS="$JVM_OPENS -Xmx$HEAP -Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties"
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$DIR"
# shellcheck disable=SC2086
java $OPTS -cp "$CP" org.curate.bench.dedup.DedupBenchmark gen "$DIR" "$DOCS" "$SEED"
if [[ -n "${WARMUP:-}" ]]; then
  # Each system first runs once, untimed, on this small corpus (another seed) in the same JVM.
  # shellcheck disable=SC2086
  java $OPTS -cp "$CP" org.curate.bench.dedup.DedupBenchmark gen "$DIR/warmup-$WARMUP" "$WARMUP" "$((SEED + 1000))"
  OPTS="$OPTS -Dbench.warmup=$DIR/warmup-$WARMUP"
fi
MODES="${MODES:-ours mllib}"
rm -rf "$DIR/cluster"
if [[ "${CLUSTER:-local}" == standalone ]]; then
  MODES=ours
  # shellcheck source=standalone.sh
  source "$HERE/standalone.sh"
  standalone_start
  trap standalone_stop EXIT
  OPTS="$OPTS -Dbench.master=$MASTER_URL -Dbench.score=false -Dspark.executor.memory=$EXECUTOR_MEMORY"
  OPTS="$OPTS -Dspark.cores.max=$WORKER_CORES -Dspark.executor.extraClassPath=$HERE/target/classes"
fi
for mode in ours mllib; do
  [[ " $MODES " == *" $mode "* ]] || { rm -f "$DIR/result-$mode.tsv" "$DIR/time-$mode.txt"; continue; }
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$DIR/time-$mode.txt" java $OPTS -cp "$CP" org.curate.bench.dedup.DedupBenchmark "$mode" "$DIR"
done
[[ "${CLUSTER:-local}" == standalone ]] && standalone_stop
# shellcheck disable=SC2086
java -cp "$CP" org.curate.bench.dedup.DedupBenchmark report "$DIR"
