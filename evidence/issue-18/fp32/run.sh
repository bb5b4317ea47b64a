#!/bin/bash
# usage (from the repository root, after ./undervolt has built undervolt-core/target):
#   BASE=DIR/model/base.uvnn WORK=/tmp/fp32h evidence/issue-18/fp32/run.sh NAME key=value...
# compiles Proxy.java and BitClasses.java into $WORK/cls, runs one proxy on one thread, writes $WORK/NAME.log
# (and $WORK/NAME.uvnn, the retrained network); model=NAME.uvnn / start=NAME.uvnn refer to earlier outputs by path.
set -euo pipefail
WORK=${WORK:-/tmp/fp32h}
CP=undervolt-core/target/classes:$(cat undervolt-core/target/runtime-classpath.txt)
mkdir -p "$WORK/cls"
javac -d "$WORK/cls" -cp "$CP" evidence/issue-18/fp32/Proxy.java evidence/issue-18/fp32/BitClasses.java
name=$1; shift
/usr/bin/time -f "wall %e s, cpu %U+%S s" java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 \
  --add-modules=jdk.incubator.vector -cp "$WORK/cls:$CP" Proxy "$BASE" "$WORK/$name.uvnn" "$@" > "$WORK/$name.log" 2>&1
