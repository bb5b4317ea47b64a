#!/bin/bash
# Runs Probe (compiled into this folder) against the core classes of this checkout.
# Compile: javac -cp "$CP" -d evidence/issue-18/dnc evidence/issue-18/dnc/Probe.java (CP as below).
root="$(git rev-parse --show-toplevel)"
CP="$root/undervolt-core/target/classes:$(cat "$root/undervolt-core/target/runtime-classpath.txt")"
exec java --add-modules jdk.incubator.vector -XX:+UseSerialGC -cp "$(dirname "$0"):$CP" "$@" 2> >(grep -v WARNING >&2)
