#!/bin/bash
# usage (from the repository root, after ./undervolt or mvn install has built undervolt-core/target):
#   BASE=DIR/model/base.uvnn WORK=/tmp/fp32s11 evidence/issue-18/fp32-s11/run.sh NAME key=value...
# snapshots the core classes into $WORK/core (once), compiles Proxy.java and BitClasses.java into $WORK/cls,
# runs one proxy on one thread, writes $WORK/NAME.log (and $WORK/NAME.uvnn, the retrained network).
set -euo pipefail
WORK=${WORK:-/tmp/fp32s11}
mkdir -p "$WORK/cls"
[ -d "$WORK/core" ] || cp -r undervolt-core/target/classes "$WORK/core"
CP=$WORK/core:$(cat undervolt-core/target/runtime-classpath.txt)
javac -d "$WORK/cls" -cp "$CP" evidence/issue-18/fp32-s11/Proxy.java evidence/issue-18/fp32-s11/BitClasses.java evidence/issue-18/fp32-s11/BitEffects.java
name=$1; shift
/usr/bin/time -f "wall %e s, cpu %U+%S s" java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 \
  --add-modules=jdk.incubator.vector -cp "$WORK/cls:$CP" Proxy "$BASE" "$WORK/$name.uvnn" "$@" > "$WORK/$name.log" 2>&1
