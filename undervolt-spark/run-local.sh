#!/usr/bin/env bash
# Runs a main class of undervolt-spark in a plain JVM (Spark in local mode), with the flags Spark and
# the Vector API need. Build first: ./mvnw -q -B -pl undervolt-spark -am package -DskipTests
#   undervolt-spark/run-local.sh org.undervolt.spark.SparkSweepBenchmark --cores 2
#   undervolt-spark/run-local.sh org.undervolt.spark.SparkSweepMain sweep.json --out /tmp/o --store runs/undervolt.db
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
main="$1"; shift
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java --add-modules=jdk.incubator.vector -XX:+IgnoreUnrecognizedVMOptions $opens \
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
  -Dlog4j2.configurationFile="$here/src/test/resources/log4j2.properties" ${JAVA_OPTS:-} \
  -cp "$here/target/classes:$(cat "$here/target/spark-classpath.txt")" "$main" "$@"
