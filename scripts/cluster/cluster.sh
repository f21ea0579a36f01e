# shellcheck shell=bash
# Sourced by scripts/cluster-test.sh: the standalone cluster on 127.0.0.1 (a Master and two 1-core Workers, each a
# JVM from the Maven classpath) and the spark-submit options that run a driver on it. Uses base, root, classpath.

# A Worker starts each executor as `java -cp $SPARK_HOME/jars/* ...` (Spark's WorkerCommandBuilder through the
# launcher's AbstractCommandBuilder.buildClassPath, which also needs SPARK_SCALA_VERSION outside a Spark build).
# With no Spark distribution here, jars/ holds links to the Maven classpath's jars.
make_spark_home() {
  local entry entries
  mkdir -p "$base/spark-home/jars"
  IFS=: read -r -a entries <<< "$classpath"
  for entry in "${entries[@]}"; do
    [[ "$entry" == *.jar ]] && ln -sf "$entry" "$base/spark-home/jars/$(basename "$entry")"
  done
  export SPARK_HOME="$base/spark-home"
  export SPARK_SCALA_VERSION=2.13
  export SPARK_LOCAL_IP=127.0.0.1
  export SPARK_LOCAL_HOSTNAME=127.0.0.1
}

# Starts a Master or Worker JVM (CLASS, log NAME, its arguments) in the background; sets started_pid. Small heaps
# and C1 only: the daemons only schedule, and two cores are shared with the drivers and executors.
start_daemon() {
  local class="$1" name="$2"
  shift 2
  start_process "$java_bin" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 @"$root/conf/jvm.options" \
    -Dspark.master.rest.enabled=false -cp "$classpath" "$class" "$@" > "$base/$name.log" 2>&1
}

worker_pids=()
# Starts Worker N (1 or 2; log NAME) with 1 core and 768 MiB.
start_worker() {
  start_daemon org.apache.spark.deploy.worker.Worker "$2" --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 768m --work-dir "$base/work-$1" "$master_url"
  worker_pids[$1 - 1]=$started_pid
}

# Waits until Worker N (log NAME) has registered with the Master; 1 if it has not within 120 s.
await_worker() {
  wait_for_line "$base/$2.log" 'Successfully registered with master' 120 "${worker_pids[$(($1 - 1))]}"
}

# Starts the Master (on a free port, read from its log) and two Workers; sets master_url, master_pid, worker_pids
# and the submit options. 1, with the reason logged, when one did not come up.
start_cluster() {
  local n started=$SECONDS
  make_spark_home
  start_daemon org.apache.spark.deploy.master.Master master --host 127.0.0.1 --port 0 --webui-port 0
  master_pid=$started_pid
  if ! wait_for_line "$base/master.log" 'Starting Spark master at spark://' 120 "$master_pid"; then
    log "FAIL: the Master did not start (see $base/master.log)"
    return 1
  fi
  master_url="$(grep -Eo 'spark://127\.0\.0\.1:[0-9]+' "$base/master.log" | head -1)"
  for n in 1 2; do start_worker "$n" "worker-$n"; done
  for n in 1 2; do
    if ! await_worker "$n" "worker-$n"; then
      log "FAIL: Worker $n did not register with $master_url (see $base/worker-$n.log)"
      return 1
    fi
  done
  log "cluster up at $master_url: Master pid $master_pid, Workers ${worker_pids[*]} ($((SECONDS - started)) s)"

  # spark-submit options for the cluster: 1-core executors, the driver bound to the loopback interface
  on_cluster=(--master "$master_url" --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1
    --conf spark.ui.enabled=false --executor-memory 512m --executor-cores 1)
  # two executors, and training waits until both have registered, so that each holds one of the 2 partitions
  cluster_submit=("${on_cluster[@]}" --total-executor-cores 2 --conf spark.scheduler.minRegisteredResourcesRatio=1.0
    --conf spark.scheduler.maxRegisteredResourcesWaitingTime=60s)
}
