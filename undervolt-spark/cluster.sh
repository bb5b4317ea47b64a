#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the jars the build resolves (docs/SPARK.md, "A cluster
# on one machine"): a Master and N Workers as separate JVMs bound to 127.0.0.1 on free ports; Workers
# launch executors in JVMs of their own. State, pid files and logs live under undervolt-spark/target/cluster/.
#
#   cluster.sh start [--workers N] [--cores C] [--memory M] [--owner PID]
#                                                              prints spark://HOST:PORT as its last stdout line;
#                                                              with --owner, the cluster stops itself when PID ends
#   cluster.sh status                                          what runs, and the master URL
#   cluster.sh stop                                            stops what start started; safe to call twice
#   cluster.sh submit MASTER SPEC --out DIR --store DB [--partitions P] [--executor-memory M]
#                     [--chunk N] [--json]                     the sweep on MASTER (client deploy mode)
#
# The build (./mvnw -B -pl undervolt-spark -am package -DskipTests) makes target/undervolt-spark-cluster.jar
# and target/spark-home-classpath.txt; start and submit run it when either is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/target"
state="${UNDERVOLT_CLUSTER_DIR:-$target/cluster}"   # another folder: another cluster beside this one
home="$target/spark-home"
app_jar="$target/undervolt-spark-cluster.jar"
wait_s="${UNDERVOLT_CLUSTER_WAIT:-180}"

die() { echo "cluster.sh: $*" >&2; exit 2; }

java_flags() {
  local p
  printf '%s\n' --add-modules=jdk.incubator.vector -XX:+IgnoreUnrecognizedVMOptions
  for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
           java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
    printf '%s\n' "--add-opens=java.base/$p=ALL-UNNAMED"
  done
  printf '%s\n' --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
}

# target/spark-home/jars: links to the jars of Spark and its dependencies (not Undervolt's: the application
# jar carries those). A Worker builds its executors' class path from $SPARK_HOME/jars.
ensure_build() {
  if [[ ! -f "$app_jar" || ! -f "$target/spark-home-classpath.txt" ]]; then
    echo "cluster.sh: building undervolt-spark (./mvnw -B -pl undervolt-spark -am package -DskipTests)" >&2
    (cd "$here/.." && ./mvnw -q -B -pl undervolt-spark -am package -DskipTests >&2) \
      || die "the build failed; run ./mvnw -B -pl undervolt-spark -am package -DskipTests to see why"
  fi
  if [[ ! -d "$home/jars" || "$target/spark-home-classpath.txt" -nt "$home/jars" ]]; then
    rm -rf "$home/jars"
    mkdir -p "$home/jars" "$home/conf"
    local jar
    tr ':' '\n' < "$target/spark-home-classpath.txt" | while read -r jar; do
      [[ -n "$jar" ]] && ln -sf "$jar" "$home/jars/$(basename "$jar")"
    done
    cp "$here/src/main/cluster/log4j2.properties" "$home/conf/log4j2.properties"
  fi
}

# A pid file's process, if it is still one this cluster started (its command line names the state folder).
live_pid() {
  local f="$1" pid
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-Dundervolt.cluster=$state" \
    && echo "$pid"
}

daemon() { # name main-class args...
  local name="$1" main="$2"; shift 2
  local -a flags; mapfile -t flags < <(java_flags)
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_CONF_DIR="$home/conf" \
    setsid java "${flags[@]}" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "-Dundervolt.cluster=$state" \
    -Dspark.master.rest.enabled=false \
    -Dlog4j2.configurationFile="$home/conf/log4j2.properties" -Dspark.log.structuredLogging.enabled=false \
    -cp "$home/conf:$home/jars/*" "$main" "$@" > "$state/$name.log" 2>&1 < /dev/null &
  echo $! > "$state/$name.pid"
}

# Waits up to $wait_s s for a line matching $2 in log $1; prints the first match's captured text (sed -E $3).
await_log() {
  local log="$1" pattern="$2" edit="$3" pidfile="$4" i
  for ((i = 0; i < wait_s * 2; i++)); do
    if grep -qE "$pattern" "$log" 2>/dev/null; then
      grep -E "$pattern" "$log" | head -1 | sed -E "$edit"
      return 0
    fi
    live_pid "$pidfile" > /dev/null || return 1
    sleep 0.5
  done
  return 1
}

alive_workers() { # web UI URL; without curl, the master's log lines
  if command -v curl > /dev/null; then
    curl -fsS --max-time 5 "$1/json/" 2>/dev/null | tr -d ' \n' | grep -oE '"aliveworkers":[0-9]+' | grep -oE '[0-9]+$' || echo 0
  else
    grep -c "Master: Registering worker" "$state/master.log" || true
  fi
}

cmd_start() {
  local workers=2 cores=1 memory=1g owner=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --workers) workers="${2:?--workers needs a number}"; shift 2 ;;
      --cores) cores="${2:?--cores needs a number}"; shift 2 ;;
      --memory) memory="${2:?--memory needs a size such as 512m}"; shift 2 ;;
      --owner) owner="${2:?--owner needs a process id}"; shift 2 ;;
      *) die "start: unknown option '$1'; expected --workers N, --cores C, --memory M, --owner PID" ;;
    esac
  done
  [[ "$workers" =~ ^[1-9][0-9]*$ ]] || die "--workers $workers: expected a whole number >= 1"
  [[ "$cores" =~ ^[1-9][0-9]*$ ]] || die "--cores $cores: expected a whole number >= 1"
  [[ "$memory" =~ ^[1-9][0-9]*[mMgG]$ ]] || die "--memory $memory: expected a size such as 512m or 2g"
  [[ -z "$owner" ]] || kill -0 "$owner" 2>/dev/null || die "--owner $owner: expected the id of a running process"
  if live_pid "$state/master.pid" > /dev/null; then
    die "a cluster is already running ($(cat "$state/master.url" 2>/dev/null || echo 'starting')); run 'cluster.sh stop' first"
  fi
  ensure_build
  rm -rf "$state"
  mkdir -p "$state"
  trap 'echo "cluster.sh: start failed, stopping what it started" >&2; cmd_stop >&2' ERR
  if [[ -n "$owner" ]]; then
    # The watchdog: if the owner ends (a test JVM killed at its timeout, say), the cluster stops itself.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && [[ -f "$2/master.pid" ]]; do sleep 2; done
      [[ -f "$2/master.pid" ]] && "$3" stop' "undervolt-cluster-watchdog" "$owner" "$state" "$here/cluster.sh" \
      > "$state/watchdog.log" 2>&1 < /dev/null &
    echo $! > "$state/watchdog.pid"
  fi
  # Port 0: the master and its web UI take free ports, read back from its log.
  daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
  local url ui i
  url="$(await_log "$state/master.log" 'Starting Spark master at spark://' 's/.*(spark:\/\/[^ ]+).*/\1/' "$state/master.pid")" \
    || { tail -20 "$state/master.log" >&2; false; }
  echo "$url" > "$state/master.url"
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$state/work-$i"
    daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
      --cores "$cores" --memory "$memory" --work-dir "$state/work-$i" "$url"
  done
  ui="$(await_log "$state/master.log" 'MasterWebUI.*started at http' 's/.*(http:\/\/[^ ]+).*/\1/' "$state/master.pid")" \
    || { tail -20 "$state/master.log" >&2; false; }
  ui="${ui/localhost/127.0.0.1}"
  echo "$ui" > "$state/master.ui"
  for ((i = 0; i < wait_s * 2; i++)); do
    [[ "$(alive_workers "$ui")" -ge "$workers" ]] && break
    for ((w = 1; w <= workers; w++)); do
      live_pid "$state/worker-$w.pid" > /dev/null || { tail -20 "$state/worker-$w.log" >&2; false; }
    done
    sleep 0.5
  done
  [[ "$(alive_workers "$ui")" -ge "$workers" ]] || { echo "cluster.sh: workers not registered after ${wait_s}s" >&2; false; }
  trap - ERR
  echo "master web UI $ui; $workers workers x $cores cores x $memory; logs in $state" >&2
  echo "$url"
}

stop_pid() { # pid: TERM, then KILL after 10 s
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  [[ -d "$state" ]] || { echo "cluster.sh: no cluster state in $state; nothing to stop" >&2; return 0; }
  local f pid children=()
  # Executors are the workers' children; a worker stopped cleanly ends them, a dead one leaves them to the KILL below.
  for f in "$state"/worker-*.pid; do
    [[ -f "$f" ]] || continue
    if pid="$(live_pid "$f")"; then
      children+=($(pgrep -P "$pid" || true))
      stop_pid "$pid"
    fi
    rm -f "$f"
  done
  # Drivers submitted with cluster.sh (a driver left without executors would wait for them forever), executors.
  for pid in $(pgrep -f -- "-Dundervolt.cluster.driver=$state" || true) "${children[@]}" \
             $(pgrep -f -- "-Dundervolt.cluster.executor=$state" || true); do
    kill -0 "$pid" 2>/dev/null && stop_pid "$pid"
  done
  if pid="$(live_pid "$state/master.pid")"; then
    stop_pid "$pid"
  fi
  rm -f "$state/master.pid"
  if [[ -f "$state/watchdog.pid" ]]; then
    pid="$(cat "$state/watchdog.pid")"
    if [[ "$pid" != "$PPID" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "undervolt-cluster-watchdog"; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$state/watchdog.pid"
  fi
  echo "cluster.sh: stopped" >&2
}

cmd_status() {
  local f pid up=0
  if pid="$(live_pid "$state/master.pid")"; then
    up=1
    echo "master pid $pid $(cat "$state/master.url") web UI $(cat "$state/master.ui" 2>/dev/null)"
    echo "alive workers: $(alive_workers "$(cat "$state/master.ui")")"
  else
    echo "master: not running"
  fi
  for f in "$state"/worker-*.pid; do
    [[ -f "$f" ]] || continue
    if pid="$(live_pid "$f")"; then
      echo "$(basename "$f" .pid) pid $pid, executors: $(pgrep -P "$pid" | tr '\n' ' ')"
    else
      echo "$(basename "$f" .pid): not running"
    fi
  done
  [[ "$up" == 1 ]]
}

cmd_submit() {
  [[ $# -ge 2 ]] || die "submit: expected MASTER SPEC --out DIR --store DB [--partitions P] [--executor-memory M] [--json]"
  local master="$1"; shift
  [[ "$master" =~ ^spark://[^:]+:[0-9]+$ ]] || die "submit: master '$master': expected spark://HOST:PORT (cluster.sh start prints it)"
  local memory=512m
  local -a args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --executor-memory) memory="${2:?--executor-memory needs a size such as 512m}"; shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  ensure_build
  local -a flags; mapfile -t flags < <(java_flags)
  mkdir -p "$target/submit"
  # Client deploy mode: this JVM is the driver (the results store and the checkpoints are on this machine).
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_CONF_DIR="$home/conf" \
    exec java "${flags[@]}" -Xmx1g -Dlog4j2.configurationFile="$home/conf/log4j2.properties" \
    "-Dundervolt.cluster.driver=$state" \
    -cp "$home/conf:$home/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --deploy-mode client --class org.undervolt.spark.SparkSweepMain \
    --name "undervolt sweep" --executor-memory "$memory" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --conf "spark.driver.extraJavaOptions=--add-modules=jdk.incubator.vector" \
    --conf "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector -Dundervolt.threads=1 -Dundervolt.cluster.executor=$state" \
    --conf spark.local.dir="$target/submit" \
    "$app_jar" "${args[@]}"
}

[[ $# -ge 1 ]] || die "expected one of: start, stop, status, submit"
sub="$1"; shift
case "$sub" in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  submit) cmd_submit "$@" ;;
  *) die "unknown command '$sub'; expected one of: start, stop, status, submit" ;;
esac
