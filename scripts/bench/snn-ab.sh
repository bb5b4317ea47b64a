#!/usr/bin/env bash
# SNN simulator of this checkout against an older build in ONE JVM (one class loader per build), alternating
# slices of the same images on one thread, so that machine load and JIT state hit both alike (issue 17). Prints
# each build's thread CPU time per image and their ratio, and checks that both computed the same bits: every
# image's spike counts, and after learning the weights and thresholds (exit 1 if they differ). On a loaded
# machine this is far steadier than timing two processes one after the other (snn-old-vs-new.sh) or JMH's wall time.
#
# Usage: scripts/bench/snn-ab.sh OLD_DIR eval MODEL.snn [IMAGES [SLICE [WARM]]]   # inference on MNIST test images
#        scripts/bench/snn-ab.sh OLD_DIR train NEURONS [IMAGES [SLICE [WARM]]]    # learning from the initial network
#   OLD_DIR: an older build's undervolt-cli.jar and runtime-classpath.txt, as for snn-old-vs-new.sh.
#   Defaults: eval 2000 images in slices of 25 after 200 warm-up images per build; train 500 images in slices of
#   10, the first 150 not timed.
set -euo pipefail
cd "$(dirname "$0")/../.."
old="$1"; mode="$2"; model="$3"
if [ "$mode" = eval ]; then images="${4:-2000}"; slice="${5:-25}"; warm="${6:-200}";
else images="${4:-500}"; slice="${5:-10}"; warm="${6:-150}"; fi
./undervolt --version > /dev/null   # builds this checkout if needed
read -r deps < "$old/runtime-classpath.txt" || true # no newline at its end
harness="$(mktemp -d)"
trap 'rm -rf "$harness"' EXIT
javac -nowarn -d "$harness" -cp "$old/undervolt-cli.jar:$deps" scripts/bench/snn-ab/SnnSlices.java scripts/bench/snn-ab/SnnAb.java
java --add-modules=jdk.incubator.vector -XX:+UseSerialGC -Xlog:disable -cp "$harness" SnnAb "$mode" "$model" \
  "$images" "$slice" "$warm" "$harness" "$old/undervolt-cli.jar:$deps" "undervolt-core/target/undervolt-cli.jar:$deps" 2>/dev/null
