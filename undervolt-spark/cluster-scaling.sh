#!/usr/bin/env bash
# Measures a sweep on a standalone cluster on this machine with 1 and then 2 workers (1 core, 1 GB each),
# then calibrates the scaling model on those runs and predicts 8..256 executor cores (docs/SPARK.md,
# "Scaling"). Writes everything under OUT:
#   OUT/spec/                      the sweep (SparkSweepBenchmark --write-spec: MLP 784-256-128-10, int8 weights)
#   OUT/workers-W.start_s          wall seconds of 'cluster.sh start --workers W'
#   OUT/workers-W.submit_s         wall seconds of 'cluster.sh submit' (driver JVM start to exit)
#   OUT/workers-W.json             the submission's JSON (points, timings)
#   OUT/model.json                 ClusterScalingModel's fit and prediction
# Usage: undervolt-spark/cluster-scaling.sh OUT [SparkSweepBenchmark options, e.g. --trials 16 --test-images 200]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: cluster-scaling.sh OUT [--trials N --test-images N ...]}"; shift
mkdir -p "$out"
out="$(cd "$out" && pwd)"
export UNDERVOLT_CLUSTER_DIR="$out/cluster"   # its own cluster, beside any other of this checkout
"$here/run-local.sh" org.undervolt.spark.SparkSweepBenchmark "$@" --write-spec "$out/spec" > /dev/null
trap '"$here/cluster.sh" stop >/dev/null 2>&1 || true' EXIT
for w in 1 2; do
  t0=$(date +%s.%N)
  master="$("$here/cluster.sh" start --workers "$w" --cores 1 --memory 1g --owner $$ | tail -1)"
  t1=$(date +%s.%N)
  "$here/cluster.sh" submit "$master" "$out/spec/spec.json" --out "$out/parquet-$w" --store "$out/runs-$w.db" \
    --partitions $((4 * w)) --executor-memory 1g --json > "$out/workers-$w.json" 2> "$out/workers-$w.log"
  t2=$(date +%s.%N)
  "$here/cluster.sh" stop 2>/dev/null
  awk "BEGIN { print $t1 - $t0 }" > "$out/workers-$w.start_s"
  awk "BEGIN { print $t2 - $t1 }" > "$out/workers-$w.submit_s"
  echo "workers $w: start $(cat "$out/workers-$w.start_s") s, submit $(cat "$out/workers-$w.submit_s") s" >&2
done
# The model also checks that both runs gave the same points (exit 1 if not).
"$here/run-local.sh" org.undervolt.spark.ClusterScalingModel "$out/workers-1.json:1" "$out/workers-2.json:2" > "$out/model.json"
cat "$out/model.json"
