#!/usr/bin/env bash
# Runs a spark-dnn command with spark-submit, using target/spark-dnn-app.jar (built when missing or older than the
# sources) and conf/spark-defaults.conf.
#   scripts/submit.sh [spark-submit options] -- <train|predict|evaluate|export|course> [spark-dnn options]
# e.g. scripts/submit.sh --master yarn --deploy-mode cluster --num-executors 8 -- train --train hdfs:///d/train ...
# spark-submit comes from $SPARK_HOME/bin, else from PATH; without either (a build machine, CI), Spark's own
# org.apache.spark.deploy.SparkSubmit runs from the project's Maven classpath. The driver's exit code is passed on.
set -euo pipefail
log_name=submit
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

submit_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  submit_args+=("$1")
  shift
done
if [[ $# -eq 0 ]]; then
  echo "usage: scripts/submit.sh [spark-submit options] -- <command> [options]" >&2
  exit 2
fi
shift
build_if_stale

jar="$root/target/spark-dnn-app.jar"
common=(--class org.sparkdnn.cli.SparkDnn --properties-file "$root/conf/spark-defaults.conf")
if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${common[@]}" "${submit_args[@]}" "$jar" "$@"
elif command -v spark-submit >/dev/null; then
  exec spark-submit "${common[@]}" "${submit_args[@]}" "$jar" "$@"
fi
exec "$java_bin" @"$root/conf/jvm.options" -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
  -cp "$(cat "$root/target/classpath.txt")" org.apache.spark.deploy.SparkSubmit \
  "${common[@]}" "${submit_args[@]}" "$jar" "$@"
