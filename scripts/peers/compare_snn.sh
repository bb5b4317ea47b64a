#!/usr/bin/env bash
# Side by side: the Diehl & Cook (2015) network in Undervolt and in Brian 2 (same network, same
# 0.5 ms step, 350 ms + 150 ms rest per image, same re-show rule), seconds per training and per test
# image, N100 and N400, and the ratio Brian 2 / Undervolt (> 1: Undervolt is faster). Issue 6.
#
# Usage: scripts/peers/compare_snn.sh [TRAIN_IMAGES] [TEST_IMAGES] [NEURONS...]
#        (defaults: 10 10 100 400)
# Needs Debian's python3-brian (run with /usr/bin/python3); the first Brian 2 run compiles its
# Cython code (a minute or two, cached in ~/.cython and excluded from the timings). Both sides run
# one thread and report CPU time per image (the primary figure; wall time is printed too). At a few
# images Undervolt's per-image time includes JIT warm-up, so its advantage is understated; set
# UNDERVOLT_IMAGES=K (e.g. 300) to time Undervolt on K training and test images instead (steady state;
# Brian 2's per-image cost does not depend on the count, and it is too slow to run on hundreds).
set -euo pipefail
cd "$(dirname "$0")/../.."
train="${1:-10}"
test="${2:-10}"
shift $(( $# > 2 ? 2 : $# ))
neurons=("$@")
[ ${#neurons[@]} -gt 0 ] || neurons=(100 400)

./undervolt --version > /dev/null   # builds if needed
jar="$(tr ':' '\n' < undervolt-core/target/runtime-classpath.txt | grep kotlin-deeplearning-api | head -1)"
[ -f "$jar" ] || { echo "MNIST jar not found on the runtime classpath" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for n in "${neurons[@]}"; do
  uvtrain="${UNDERVOLT_IMAGES:-$train}"
  uvtest="${UNDERVOLT_IMAGES:-$test}"
  uv="$(./undervolt snn train --neurons "$n" --train-images "$uvtrain" --label-images "$uvtrain" \
        --test-images "$uvtest" --seed 1 --threads 1 --out "$tmp/n$n.snn" --json)"
  br="$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
        /usr/bin/python3 -W ignore scripts/peers/brian2_diehl_cook.py "$jar" "$n" "$train" "$test" 2>"$tmp/brian.err" | tail -1)"
  if [ -z "$br" ]; then
    echo "compare_snn: the Brian 2 run for N$n printed nothing (needs Debian's python3-brian:" \
         "apt-get install python3-brian); its last error line: $(tail -1 "$tmp/brian.err")" >&2
    exit 2
  fi
  /usr/bin/python3 - "$uv" "$br" <<'PY'
import json, sys
uv, br = json.loads(sys.argv[1]), json.loads(sys.argv[2])
n = uv["neurons"]
rows = [("train CPU s/image", uv["train_cpu_ms_per_image"] / 1000, br["train_cpu_s_per_image"]),
        ("test CPU s/image", uv["test_cpu_ms_per_image"] / 1000, br["test_cpu_s_per_image"]),
        ("train wall s/image", uv["train_seconds"] / uv["images"], br["train_wall_s_per_image"]),
        ("test wall s/image", uv["test_seconds"] / uv["test_images"], br["test_wall_s_per_image"])]
print(f"N{n}: undervolt {uv['images']} training, {uv['test_images']} test images; "
      f"{br['framework']} {br.get('train_images', '?')} / {br.get('test_images', '?')}")
print(f"  {'':22}{'undervolt':>12}{'brian2':>12}{'brian2/undervolt':>18}")
for label, u, b in rows:
    print(f"  {label:22}{u:12.4g}{b:12.4g}{b / u:18.1f}")
PY
done
