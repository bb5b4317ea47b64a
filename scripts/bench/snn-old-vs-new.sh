#!/usr/bin/env bash
# Side by side: SNN inference of this checkout against an older build, alternately in one run on the same
# models and flags, so that machine load hits both alike (issue 17). Prints, per round and model,
# `snn eval` CPU ms per image on one thread (the JVM's own figure, warm-up included) and the predictions'
# digest, which must be equal (same seed, same spikes, same predictions); then optionally one coarse
# tolerance search per build (CPU seconds of the whole process, and its tolerable BER).
#
# Usage: scripts/bench/snn-old-vs-new.sh OLD_DIR MODELS... [-- TOLERANCE_MODEL]
#   OLD_DIR: a folder holding an older build's undervolt-cli.jar and runtime-classpath.txt (copy them from
#   undervolt-core/target of a checkout of the older commit after ./undervolt --version built it).
# Environment: IMAGES (test images per eval, default 2000), ROUNDS (default 2), TOL_IMAGES (default 1000).
set -euo pipefail
cd "$(dirname "$0")/../.."
old="$1"; shift
models=()
tol=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then tol="${2:-}"; break; fi
  models+=("$1"); shift
done
images="${IMAGES:-2000}"
rounds="${ROUNDS:-2}"
./undervolt --version > /dev/null   # builds this checkout if needed
new=undervolt-core/target

run() { # DIR ARGS...: the CLI of the build in DIR
  local d="$1"; shift
  local deps; read -r deps < "$d/runtime-classpath.txt" || true # no newline at its end
  java --add-modules=jdk.incubator.vector -Xss4m -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr \
    -cp "$d/undervolt-cli.jar:$deps" org.undervolt.cli.UndervoltCli "$@" 2>/dev/null
}

digest() { /usr/bin/python3 -c 'import json,sys,hashlib; d=json.load(sys.stdin); print(d["cpu_ms_per_image"], d["accuracy"])'; }

printf '%-28s %5s %12s %12s %8s  %s\n' model round old_ms/img new_ms/img new/old accuracy
for r in $(seq "$rounds"); do
  for m in "${models[@]}"; do
    read -r o acc_o < <(run "$old" snn eval --model "$m" --test-images "$images" --threads 1 --json | digest)
    read -r n acc_n < <(run "$new" snn eval --model "$m" --test-images "$images" --threads 1 --json | digest)
    [ "$acc_o" = "$acc_n" ] || { echo "accuracy differs on $m: old $acc_o, new $acc_n" >&2; exit 1; }
    printf '%-28s %5s %12.3f %12.3f %8.3f  %s\n' "$(basename "$m")" "$r" "$o" "$n" "$(echo "$n / $o" | bc -l)" "$acc_n"
  done
done

[ -n "$tol" ] || exit 0
for which in old new; do
  d="$old"; [ "$which" = new ] && d="$new"
  out="$(mktemp -d)"
  start=$(date +%s.%N)
  cpu="$( { /usr/bin/time -f '%U %S' bash -c "$(declare -f run); run '$d' tolerance --snn-model '$tol' --format fp32 \
      --read-correction zero --test-images ${TOL_IMAGES:-1000} --trials 2 --out '$out/t' --quiet --json > '$out/t.json'"; } 2>&1 | tail -1)"
  wall=$(echo "$(date +%s.%N) - $start" | bc -l)
  # the trials' accuracies at every BER point, as a digest: equal digests, equal trial results
  res="$(/usr/bin/python3 -c 'import json,sys,hashlib; t=json.load(open(sys.argv[1])); p=json.load(open(sys.argv[2]))
print(t["coarse"]["tolerable_ber"], hashlib.md5(json.dumps(p["points"], sort_keys=True).encode()).hexdigest()[:12])' \
    "$out/t.json" "$out/t/points.json")"
  printf 'tolerance %-4s CPU %7.1f s (user+sys)  wall %6.1f s  tolerable BER %s  trials digest %s\n' "$which" \
    "$(echo "$cpu" | awk '{print $1 + $2}')" "$wall" $res
  rm -rf "$out"
done
