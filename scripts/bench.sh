#!/usr/bin/env bash
# spark-dnn benchmark: the BLAS's DGEMM peak; our time per iteration (compute and Spark overhead, GFLOP/s, % of
# the peak) for the issue-4 shapes at m = 1e4, 1e5, 1e6; both engines (resident: one Spark stage for the run; jobs:
# one Spark job per iteration), each measured warm (in the benchmark's JVM, over the cases' cached blocks) and cold
# (a fresh JVM per run, as a user's run: `spark-dnn train` on 100,20,7,5,1 at m = 1e4, 1e5 and `spark-dnn course
# week4-deep`, the cat model, end to end); Spark MLlib's MultilayerPerceptronClassifier on the same data; numpy on
# the same work and the course's loop; the cached size; then issue 4's and issue 13's targets, PASS/FAIL. A report
# on stdout and JSON (default target/bench/bench.json); the cold runs' CSV data in target/bench/data.
#
# Usage: scripts/bench.sh [--quick] [--sizes 1e4,1e5,1e6] [--memory-budget GIB] [--output FILE] ...
#        scripts/bench.sh --help          (every option, its default, the full run's duration and memory)
#        scripts/bench.sh tabular [...]   (issue 14's tabular benchmark: spark-dnn's configurations against
#                                          scikit-learn on three public data sets of Debian packages, installed by
#                                          scripts/tabular-data.sh; results in target/bench/tabular; --help)
#
# Builds with the Maven profile `bench` (src/bench/java, with MLlib provided); the product jars never hold it.
# numpy is optional: where `python3 -c 'import numpy'` works (python3 on the PATH, else Debian's /usr/bin/python3,
# which python3-numpy serves when a pyenv python3 comes first), scripts/bench-numpy.py is run (--numpy PYTHON);
# otherwise the report says "numpy: not measured". Nothing else needs Python. The tabular mode runs
# scripts/bench-sklearn.py where $PYTHON (default /usr/bin/python3, Debian's, whose sklearn package holds one of the
# data sets) imports sklearn; otherwise it says "scikit-learn: not measured".
# Environment: JAVA_HOME (optional), SPARK_DNN_HEAP (driver heap, default 16g; --memory-budget may use 80 % of it,
# Spark caches in 75 % of it),
# OPENBLAS_NUM_THREADS (default 1: one BLAS thread per Spark task), OPENBLAS_CORETYPE (scripts/lib/common.sh),
# PYTHON (default: the first of python3 and /usr/bin/python3 that imports numpy; tabular: /usr/bin/python3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode=cases
if [[ "${1:-}" == tabular ]]; then
  mode=tabular
  shift
fi
mkdir -p target/bench
mvn -B -q -Pbench compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=compile >&2

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck source=lib/common.sh
source "$root/scripts/lib/common.sh"
export SPARK_LOCAL_IP=127.0.0.1

if [[ "$mode" == tabular ]]; then
  "$root/scripts/tabular-data.sh"
  sklearn=()
  python="${PYTHON:-/usr/bin/python3}"
  if "$python" -c 'import sklearn' >/dev/null 2>&1; then
    sklearn=(--python "$python")
  fi
  # The harness only writes files and starts processes (a fresh spark-dnn JVM of 4 GiB per run): a small heap
  exec "$java_bin" -Xmx1g @conf/jvm.options -Dlog4j2.configurationFile=conf/log4j2.properties \
    -cp "target/classes:$(cat target/bench/classpath.txt)" org.sparkdnn.bench.TabularBenchmark "${sklearn[@]}" "$@"
fi

numpy=()
for python in ${PYTHON:-python3 /usr/bin/python3}; do
  if "$python" -c 'import numpy' >/dev/null 2>&1; then
    numpy=(--numpy "$python")
    break
  fi
done

# Cached blocks may fill 75 % of the heap (Spark's default 60 % would leave the largest cases spilling to disk).
exec "$java_bin" -Xmx"${SPARK_DNN_HEAP:-16g}" -Dspark.memory.fraction=0.75 @conf/jvm.options \
  -Dlog4j2.configurationFile=conf/log4j2.properties \
  -cp "target/classes:$(cat target/bench/classpath.txt)" org.sparkdnn.bench.Benchmark "${numpy[@]}" "$@"
