#!/usr/bin/env bash
# Builds the JMH benchmarks (no tests) and runs a subset, then prints every benchmark as a ratio to the
# baseline of its class measured in the same run (see README.md).
#
#   undervolt-bench/run.sh                       # every benchmark, short settings
#   undervolt-bench/run.sh 'GemmBench|Int8Bench' # a subset: JMH's regular expressions over class.method
#   undervolt-bench/run.sh InjectionBench -p bits=1000000 -p ber=1e-4,1e-2
#
# Short settings by default: one fork, 2 warm-up and 3 measured iterations of 1 s, one benchmark thread.
# A JMH option given after the pattern (or in JMH_OPTS) replaces its default (e.g. -wi 5 -i 10).
# The raw JMH results go to undervolt-bench/target/jmh-result.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl undervolt-bench -am -DskipTests compile
cp="undervolt-bench/target/classes:$(cat undervolt-bench/target/runtime-classpath.txt)"
out="undervolt-bench/target/jmh-result.json"
pattern="${1:-.*}"
[ $# -gt 0 ] && shift
# shellcheck disable=SC2206
user=(${JMH_OPTS:-} "$@")
args=()
# a default goes in only when the caller did not give that option (JMH refuses an option given twice)
for d in "-f 1" "-wi 2" "-i 3" "-w 1s" "-r 1s" "-t 1"; do
  flag="${d%% *}"
  given=0
  for a in "${user[@]+"${user[@]}"}"; do [ "$a" = "$flag" ] && given=1; done
  [ "$given" = 0 ] && args+=($d)
done
java -cp "$cp" org.openjdk.jmh.Main "$pattern" \
    "${args[@]}" "${user[@]+"${user[@]}"}" -rf json -rff "$out"
echo
echo "== ratios to the baseline of each class (same run, same parameters) =="
java -cp "$cp" org.undervolt.bench.Ratios "$out"
echo
java -cp "$cp" org.undervolt.bench.FlopRates "$out"
