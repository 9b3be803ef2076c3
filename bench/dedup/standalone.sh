# Sourced by run.sh when CLUSTER=standalone: a Spark standalone Master and one Worker on
# 127.0.0.1, each in its own JVM, from the jars of the bench classpath ($CP), so the driver JVM
# holds only driver state. Same approach as curation-jobs' StandaloneCluster test (a Worker
# launches executors through Spark's launcher code, which needs a SPARK_HOME with jars/ and a
# RELEASE file; built here from links to the Maven jars). Logs and the executor's peak RSS
# (VmHWM, sampled every second from /proc) go to $DIR/cluster/.
#   standalone_start  -> sets MASTER_URL; standalone_stop -> stops both daemons and the sampler.
WORKER_CORES="${WORKER_CORES:-2}"; EXECUTOR_MEMORY="${EXECUTOR_MEMORY:-6g}"

standalone_start() {
  local c="$DIR/cluster" jar
  rm -rf "$c"; mkdir -p "$c/spark-home/jars" "$c/spark-home/conf" "$c/work"
  : > "$c/spark-home/RELEASE"
  for jar in ${CP//:/ }; do [[ "$jar" == *.jar ]] && ln -s "$jar" "$c/spark-home/jars/"; done
  export SPARK_HOME="$c/spark-home" SPARK_SCALA_VERSION=2.13
  local daemon_cp="$SPARK_HOME/jars/*"
  # shellcheck disable=SC2086
  java $JVM_OPENS -Xmx512m -Dspark.master.rest.enabled=false -cp "$daemon_cp" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 > "$c/master.log" 2>&1 &
  MASTER_PID=$!
  MASTER_URL="$(await_log "$c/master.log" 'Starting Spark master at ' | grep -o 'spark://[0-9.:]*')"
  # shellcheck disable=SC2086
  java $JVM_OPENS -Xmx512m -cp "$daemon_cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
    --cores "$WORKER_CORES" --memory "$EXECUTOR_MEMORY" --webui-port 0 --work-dir "$c/work" "$MASTER_URL" \
    > "$c/worker.log" 2>&1 &
  WORKER_PID=$!
  await_log "$c/worker.log" 'Successfully registered with master' > /dev/null
  sample_executor_rss "$c/executor-rss.txt" &
  SAMPLER_PID=$!
  echo "standalone cluster: $MASTER_URL (master pid $MASTER_PID, worker pid $WORKER_PID, logs $c)"
}

# Prints the first line of $1 containing $2; fails after 120 s.
await_log() {
  for _ in $(seq 240); do
    grep -m1 -F "$2" "$1" 2> /dev/null && return 0
    sleep 0.5
  done
  echo "timed out waiting for '$2' in $1" >&2; tail -40 "$1" >&2; return 1
}

# The executor is a child process of the Worker; its VmHWM (peak RSS) only grows, so the last
# value read before it exits is its peak to within the last second.
sample_executor_rss() {
  local pid
  while kill -0 "$WORKER_PID" 2> /dev/null; do
    for pid in $(pgrep -P "$WORKER_PID"); do
      grep -m1 VmHWM "/proc/$pid/status" 2> /dev/null | awk -v p="$pid" '{print p, $2}' > "$1.tmp" && mv "$1.tmp" "$1"
    done
    sleep 1
  done
}

standalone_stop() {
  kill "$SAMPLER_PID" "$WORKER_PID" 2> /dev/null || true
  wait "$WORKER_PID" 2> /dev/null || true
  kill "$MASTER_PID" 2> /dev/null || true
  wait "$MASTER_PID" "$SAMPLER_PID" 2> /dev/null || true
}
