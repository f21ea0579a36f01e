#!/usr/bin/env bash
# spark-dnn benchmark: the BLAS's DGEMM peak, our time per iteration (compute and Spark overhead) and Spark MLlib's
# on the same synthetic data, the cached data size; a table on stdout and JSON (default target/bench/bench.json).
# Usage: scripts/bench.sh [--sizes 1e4,1e5,1e6] [--output FILE] [--master local[2]] ...   (--help for all)
# Builds with the Maven profile `bench` (src/bench/java, with MLlib), which the product jars never include.
# Environment: JAVA_HOME (optional), SPARK_DNN_HEAP (driver heap, default 10g), OPENBLAS_NUM_THREADS (default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p target/bench
mvn -B -q -Pbench compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=compile >&2

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export SPARK_LOCAL_IP=127.0.0.1
exec "$java_bin" -Xmx"${SPARK_DNN_HEAP:-10g}" @conf/jvm.options -Dlog4j2.configurationFile=conf/log4j2.properties \
  -cp "target/bench-classes:target/classes:$(cat target/bench/classpath.txt)" org.sparkdnn.bench.Benchmark "$@"
