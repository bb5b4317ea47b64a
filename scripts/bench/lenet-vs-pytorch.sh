#!/usr/bin/env bash
# Side by side: one LeNet-5 epoch on MNIST and inference images/s, Undervolt vs PyTorch (CPU),
# same thread count, run one after the other on this machine; prints both and the ratios
# (Undervolt / PyTorch; > 1 means Undervolt is faster). Issue 5, item 8; issue 17.
# The last row is Undervolt's INT8 integer datapath (what an INT8 tolerance trial evaluates) against
# PyTorch's float inference (what a PyTorch trial runs after decoding the faulty INT8 weights).
#
# Usage: scripts/bench/lenet-vs-pytorch.sh [THREADS] [TRAIN_IMAGES]
# Needs Debian's python3-torch (run with /usr/bin/python3). Shared machines are noisy: compare
# ratios from one run, and repeat.
set -euo pipefail
cd "$(dirname "$0")/../.."
threads="${1:-$(nproc)}"
images="${2:-60000}"

./undervolt --version > /dev/null   # builds if needed
jar="$(tr ':' '\n' < undervolt-core/target/runtime-classpath.txt | grep kotlin-deeplearning-api | head -1)"
[ -f "$jar" ] || { echo "MNIST jar not found on the runtime classpath" >&2; exit 1; }

uv="$(./undervolt nn-bench --network lenet5 --threads "$threads" --train-images "$images" --json)"
pt="$(OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" OMP_WAIT_POLICY=PASSIVE \
      /usr/bin/python3 scripts/bench/lenet_pytorch.py "$jar" "$threads" "$images")"

/usr/bin/python3 - "$uv" "$pt" <<'PY'
import json, sys
uv, pt = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{'':24}{'undervolt':>14}{pt['framework']:>18}{'ratio':>10}")
for key, label in [("epoch_seconds", "epoch (s)"), ("train_images_per_second", "training img/s"),
                   ("infer_images_per_second", "inference img/s"), ("test_accuracy", "accuracy after 1 epoch")]:
    ratio = (pt[key] / uv[key]) if key == "epoch_seconds" else (uv[key] / pt[key])
    print(f"{label:24}{uv[key]:14.4g}{pt[key]:18.4g}{ratio:10.2f}")
print(f"{'INT8 datapath img/s':24}{uv['int8_images_per_second']:14.4g}{pt['infer_images_per_second']:18.4g}"
      f"{uv['int8_images_per_second'] / pt['infer_images_per_second']:10.2f}   (PyTorch: float inference)")
print(f"threads {uv['threads']}, training images {uv['train_images']}; ratio = speed-up of undervolt (>1: faster)")
PY
