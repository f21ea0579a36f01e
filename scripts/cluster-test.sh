#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1, tested: a Master and two Workers (1 core each) run as separate JVMs
# from the project's own Maven classpath, and target/spark-dnn-app.jar is submitted to them with scripts/submit.sh
# to train the course's planar model (week 3: 2,4,1, tanh, course-small, seed 2, α = 1.2) on 2 partitions.
#
#   scripts/cluster-test.sh [--phases LIST] [--iterations T]
#
# Phases (default: all, in this order):
#   local        the cluster's parameters.bin is byte-identical to the same run in local mode (local[2])
#   worker-kill  a Worker (and with it its executor) is killed with kill -9 mid-training; the job still finishes
#                with the identical model
#   driver-kill  a run with --checkpoint-dir/--checkpoint-every has its driver killed with kill -9 mid-training;
#                the rerun with --resume finishes with the identical model
#   exit-code    the driver's exit code reaches scripts/submit.sh's caller (a missing --train file: exit 3)
#   nightly      scripts/nightly-retrain.sh, five nights on one publish root (in local[2]: what it tests is the
#                routine, not the cluster): the first publishes a model that `spark-dnn evaluate --model ROOT`
#                verifies and reads, a second warm-started from it moves current, a clearly worse model exits 5,
#                a held ROOT/.lock exits 6 and a malformed NIGHTLY_CONF line exits 2, the last three leaving
#                current where it was
# Every process the script starts is stopped by PID on exit, also on failure or Ctrl-C. Logs: target/cluster-test/.
# Exit code: 0 when every selected phase passes, 1 when one fails, 2 on a usage error.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$root/target/cluster-test"

phases="local,worker-kill,driver-kill,exit-code,nightly"
iterations=400
usage="usage: scripts/cluster-test.sh [--phases local,worker-kill,driver-kill,exit-code,nightly] [--iterations T]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --phases) phases="${2:?$usage}"; shift 2 ;;
    --iterations) iterations="${2:?$usage}"; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "cluster-test: unknown option '$1'; $usage" >&2; exit 2 ;;
  esac
done
for phase in ${phases//,/ }; do
  case "$phase" in
    local|worker-kill|driver-kill|exit-code|nightly) ;;
    *) echo "cluster-test: unknown phase '$phase': expected local, worker-kill, driver-kill, exit-code or nightly" >&2
       exit 2 ;;
  esac
done
if [[ ! "$iterations" =~ ^[0-9]+$ || "$iterations" -lt 400 ]]; then
  echo "cluster-test: --iterations must be a whole number >= 400 (the kills land after iterations 150 and 250)," \
    "found '$iterations'" >&2
  exit 2
fi
print_every=50

started_pids=()   # every process this script started, stopped by PID on exit
results=()        # "PASS phase (time)" / "FAIL phase: reason"
failed=0
t0=$SECONDS

log() { echo "cluster-test: $*" >&2; }

# Stops every process this script started (and the executors its Workers launched): TERM, then KILL.
cleanup() {
  local pid child pids=()
  for pid in "${started_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      for child in $(pgrep -P "$pid" 2>/dev/null); do pids+=("$child"); done
      pids+=("$pid")
    fi
  done
  [[ ${#pids[@]} -eq 0 ]] && return 0
  kill -TERM "${pids[@]}" 2>/dev/null
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive -eq 0 ]] && return 0
    sleep 0.2
  done
  kill -KILL "${pids[@]}" 2>/dev/null
  return 0
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

# --- build: the shaded jar and the Maven classpath (Spark, Hadoop and their dependencies) ------------------------
jar="$root/target/spark-dnn-app.jar"
classpath_file="$root/target/classpath.txt"
classpath_goal=(dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile)
if [[ ! -f "$jar" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  log "building target/spark-dnn-app.jar (mvn package) ..."
  (cd "$root" && mvn -B -q -DskipTests package "${classpath_goal[@]}") >&2 || { log "FAIL: build"; exit 1; }
elif [[ ! -f "$classpath_file" || "$root/pom.xml" -nt "$classpath_file" ]]; then
  log "writing target/classpath.txt (mvn dependency:build-classpath) ..."
  (cd "$root" && mvn -B -q "${classpath_goal[@]}") >&2 || { log "FAIL: build"; exit 1; }
fi
classpath="$(cat "$classpath_file")"

# --- a SPARK_HOME for the Workers ---------------------------------------------------------------------------------
# A Worker starts each executor as `java -cp $SPARK_HOME/jars/* ...` (Spark's WorkerCommandBuilder through the
# launcher's AbstractCommandBuilder.buildClassPath, which also needs SPARK_SCALA_VERSION outside a Spark build).
# With no Spark distribution here, jars/ holds links to the Maven classpath's jars.
rm -rf "$base"
mkdir -p "$base/spark-home/jars" "$base/out"
IFS=: read -r -a cp_entries <<< "$classpath"
for entry in "${cp_entries[@]}"; do
  [[ "$entry" == *.jar ]] && ln -sf "$entry" "$base/spark-home/jars/$(basename "$entry")"
done
export SPARK_HOME="$base/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=127.0.0.1
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Waits until FILE has a line matching the extended REGEX; 1 after SECONDS or when PID (if given) has exited.
wait_for_line() {
  local file="$1" regex="$2" seconds="$3" pid="${4:-}" deadline=$((SECONDS + $3))
  while (( SECONDS < deadline )); do
    grep -Eq "$regex" "$file" 2>/dev/null && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      grep -Eq "$regex" "$file" 2>/dev/null
      return
    fi
    sleep 0.2
  done
  return 1
}

# Starts a Master or Worker JVM (CLASS, log NAME, arguments) in the background; sets daemon_pid.
start_daemon() {
  local class="$1" name="$2"
  shift 2
  "$java_bin" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 @"$root/conf/jvm.options" \
    -Dspark.master.rest.enabled=false -cp "$classpath" \
    "$class" "$@" > "$base/$name.log" 2>&1 &
  daemon_pid=$!
  started_pids+=("$daemon_pid")
}

# --- the cluster --------------------------------------------------------------------------------------------------
cluster_started=$SECONDS
start_daemon org.apache.spark.deploy.master.Master master --host 127.0.0.1 --port 0 --webui-port 0
master_pid=$daemon_pid
if ! wait_for_line "$base/master.log" 'Starting Spark master at spark://' 120 "$master_pid"; then
  log "FAIL: the Master did not start (see $base/master.log)"
  exit 1
fi
master_url="$(grep -Eo 'spark://127\.0\.0\.1:[0-9]+' "$base/master.log" | head -1)"
worker_pids=()
# Starts Worker N (1 or 2; log NAME) with 1 core and 768 MiB.
start_worker() {
  start_daemon org.apache.spark.deploy.worker.Worker "$2" --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 768m --work-dir "$base/work-$1" "$master_url"
  worker_pids[$(($1 - 1))]=$daemon_pid
}
# Waits until Worker N (log NAME) has registered with the Master; 1 if it has not within 120 s.
await_worker() {
  wait_for_line "$base/$2.log" 'Successfully registered with master' 120 "${worker_pids[$(($1 - 1))]}"
}
for n in 1 2; do start_worker "$n" "worker-$n"; done
for n in 1 2; do
  if ! await_worker "$n" "worker-$n"; then
    log "FAIL: Worker $n did not register with $master_url (see $base/worker-$n.log)"
    exit 1
  fi
done
log "cluster up at $master_url: Master pid $master_pid, Workers ${worker_pids[*]} ($((SECONDS - cluster_started)) s)"

# spark-submit options for the cluster: two 1-core executors. Training waits until both have registered, so that
# each holds one of the 2 cached partitions.
on_cluster=(--master "$master_url" --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1
  --conf spark.ui.enabled=false --executor-memory 512m --executor-cores 1 --total-executor-cores 2)
cluster_submit=("${on_cluster[@]}" --conf spark.scheduler.minRegisteredResourcesRatio=1.0
  --conf spark.scheduler.maxRegisteredResourcesWaitingTime=60s)
planar=(train --train "$root/data-samples/planar/flower.csv" --layers 2,4,1 --activations tanh,sigmoid
  --init course-small --seed 2 --learning-rate 1.2 --iterations "$iterations" --partitions 2
  --print-every "$print_every")

# Starts scripts/submit.sh in the background (log NAME, then its arguments); sets driver_pid, the driver JVM's PID
# (submit.sh execs it).
start_driver() {
  local name="$1"
  shift
  OPENBLAS_NUM_THREADS=1 "$root/scripts/submit.sh" "$@" > "$base/$name.out" 2> "$base/$name.err" &
  driver_pid=$!
  started_pids+=("$driver_pid")
}

# Waits at most SECONDS for the driver PID to exit; sets driver_status (124 when it had to be killed).
wait_driver() {
  local pid="$1" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    driver_status=124
  else
    wait "$pid"
    driver_status=$?
  fi
}

# Runs a driver to completion (log NAME, then submit.sh's arguments); 0 when it exits 0.
run_driver() {
  local name="$1"
  shift
  start_driver "$name" "$@"
  wait_driver "$driver_pid" 600
  if [[ $driver_status -ne 0 ]]; then
    reason="$name exited with $driver_status (see $base/$name.err)"
    return 1
  fi
}

# Iteration of the last cost line in FILE (-1 if none).
last_iteration() {
  local it
  it="$(grep -Eo 'Cost after iteration [0-9]+' "$1" 2>/dev/null | tail -1 | grep -Eo '[0-9]+$')"
  echo "${it:--1}"
}

# Waits until the driver writing FILE (PID) has printed the cost of iteration AT or later; 1 if it ended first.
wait_for_iteration() {
  local file="$1" at="$2" pid="$3" deadline=$((SECONDS + 600))
  while (( SECONDS < deadline )) && kill -0 "$pid" 2>/dev/null; do
    (( $(last_iteration "$file") >= at )) && return 0
    sleep 0.1
  done
  return 1
}

# 0 when the model in DIR has the reference's parameters, byte for byte.
same_model() {
  if [[ ! -f "$1/parameters.bin" ]]; then
    reason="no model in $1"
    return 1
  fi
  if ! cmp -s "$base/out/local/parameters.bin" "$1/parameters.bin"; then
    reason="$1/parameters.bin differs from local mode's ($(sha256sum < "$1/parameters.bin" | cut -c1-16) vs $(
      sha256sum < "$base/out/local/parameters.bin" | cut -c1-16))"
    return 1
  fi
}

# The reference: the same run in local mode, through the same scripts/submit.sh.
reference() {
  [[ -f "$base/out/local/parameters.bin" ]] && return 0
  run_driver local --master 'local[2]' --conf spark.ui.enabled=false -- "${planar[@]}" --output "$base/out/local"
}

phase_local() {
  reference || return 1
  run_driver cluster "${cluster_submit[@]}" -- "${planar[@]}" --output "$base/out/cluster" || return 1
  same_model "$base/out/cluster"
}

phase_worker_kill() {
  reference || return 1
  start_driver worker-kill "${cluster_submit[@]}" -- "${planar[@]}" --output "$base/out/worker-kill"
  local pid=$driver_pid victim=${worker_pids[1]}
  if ! wait_for_iteration "$base/worker-kill.out" 150 "$pid"; then
    wait_driver "$pid" 5
    reason="training did not reach iteration 150 (see $base/worker-kill.err)"
    return 1
  fi
  if ! compgen -G "$base/work-2/app-*/*" > /dev/null; then
    reason="Worker 2 runs no executor of the job: nothing to kill"
    wait_driver "$pid" 5
    return 1
  fi
  local at executor
  at=$(last_iteration "$base/worker-kill.out")
  for executor in $(pgrep -P "$victim"); do started_pids+=("$executor"); done
  kill -KILL "$victim"
  { wait "$victim"; } 2>/dev/null
  log "worker-kill: killed Worker 2 (pid $victim) with kill -9 after iteration $at"
  wait_driver "$pid" 600
  start_worker 2 worker-2-restarted   # two Workers again for the next phases
  if ! await_worker 2 worker-2-restarted; then
    reason="Worker 2 did not register again after the kill (see $base/worker-2-restarted.log)"
    return 1
  fi
  if [[ $driver_status -ne 0 ]]; then
    reason="the job exited with $driver_status after the kill (see $base/worker-kill.err)"
    return 1
  fi
  if (( at >= iterations - 1 )); then
    reason="the kill came after the last iteration: raise --iterations"
    return 1
  fi
  if ! grep -q 'Lost executor' "$base/worker-kill.err"; then
    reason="the driver never lost an executor (see $base/worker-kill.err)"
    return 1
  fi
  same_model "$base/out/worker-kill"
}

phase_driver_kill() {
  reference || return 1
  local checkpoints="$base/out/checkpoints"
  local run=("${planar[@]}" --output "$base/out/driver-kill" --checkpoint-dir "$checkpoints" --checkpoint-every 100)
  start_driver driver-kill "${cluster_submit[@]}" -- "${run[@]}"
  local pid=$driver_pid
  if ! wait_for_iteration "$base/driver-kill.out" 250 "$pid"; then
    wait_driver "$pid" 5
    reason="training did not reach iteration 250 (see $base/driver-kill.err)"
    return 1
  fi
  local at
  at=$(last_iteration "$base/driver-kill.out")
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  log "driver-kill: killed the driver (pid $pid) with kill -9 after iteration $at"
  if [[ -e "$base/out/driver-kill" ]]; then
    reason="the killed run left $base/out/driver-kill"
    return 1
  fi
  if [[ -z "$(ls -A "$checkpoints" 2>/dev/null)" ]]; then
    reason="no checkpoint in $checkpoints after iteration $at"
    return 1
  fi
  run_driver driver-resume "${cluster_submit[@]}" -- "${run[@]}" --resume || return 1
  if ! grep -Eq 'Resumed from .* at iteration [1-9]' "$base/driver-resume.out"; then
    reason="the rerun did not resume from a checkpoint (see $base/driver-resume.out)"
    return 1
  fi
  same_model "$base/out/driver-kill"
}

phase_exit_code() {
  start_driver exit-code "${on_cluster[@]}" -- train --train "$base/missing.csv" --layers 2,4,1 \
    --learning-rate 1.2 --iterations 10 --output "$base/out/exit-code"
  wait_driver "$driver_pid" 300
  if [[ $driver_status -ne 3 ]]; then
    reason="a missing --train file: submit.sh exited with $driver_status, expected 3 (see $base/exit-code.err)"
    return 1
  fi
  if ! grep -q 'missing.csv' "$base/exit-code.err"; then
    reason="the error does not name the missing file (see $base/exit-code.err)"
    return 1
  fi
}

# The run id ROOT/current names ("" if none).
current_run() {
  grep -Eo '"run_id" *: *"[^"]*"' "$1/current" 2>/dev/null | grep -Eo '"[^"]*"$' | tr -d '"'
}

# Runs scripts/nightly-retrain.sh to completion like a driver (log NAME, then VAR=value settings over the phase's
# NIGHTLY_CONF), with none of its variables inherited from this script's environment; sets driver_status (124
# when it had to be killed after 300 s, its driver JVM, a child of the script, first).
nightly() {
  local name="$1" child
  shift
  env -u PUBLISH_ROOT -u TRAIN -u TEST -u TRAIN_CONFIG -u CHECKPOINTS -u CHECKPOINT_DIR -u CHECKPOINT_EVERY \
    -u WARM_START -u GATE_METRIC -u GATE_TOLERANCE -u PUBLISH_WAIT -u SUBMIT_ARGS -u TRAIN_ARGS \
    OPENBLAS_NUM_THREADS=1 NIGHTLY_CONF="$base/nightly/nightly.env" "$@" "$root/scripts/nightly-retrain.sh" \
    > "$base/$name.out" 2> "$base/$name.err" &
  driver_pid=$!
  started_pids+=("$driver_pid")
  local deadline=$((SECONDS + 300))
  while kill -0 "$driver_pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  for child in $(pgrep -P "$driver_pid" 2>/dev/null); do kill -KILL "$child" 2>/dev/null; done
  wait_driver "$driver_pid" 0
}

# 0 when the night NAME exited with EXPECTED and left ROOT/current naming run WANT.
night_ended() {
  local name="$1" expected="$2" want="$3" found
  if [[ $driver_status -ne $expected ]]; then
    reason="$name: nightly-retrain.sh exited with $driver_status, expected $expected (see $base/$name.err)"
    return 1
  fi
  found="$(current_run "$base/nightly/root")"
  if [[ "$found" != "$want" ]]; then
    reason="$name: current names '$found', expected '$want' (see $base/$name.err)"
    return 1
  fi
}

phase_nightly() {
  local dir="$base/nightly" first second status
  local publish_root="$dir/root"
  mkdir -p "$dir"
  # the planar data: every 4th sample for the gate's test file, the others to train on
  awk 'NR % 4 != 0' "$root/data-samples/planar/flower.csv" > "$dir/train.csv"
  awk 'NR % 4 == 0' "$root/data-samples/planar/flower.csv" > "$dir/test.csv"
  # He initialisation leaves the flat start of the course's planar run at once: about 0.85 test accuracy after 100
  printf '%s\n' 'layers = 2,4,1' 'activations = tanh,sigmoid' 'init = he' 'seed = 2' 'learning-rate = 1.2' \
    'iterations = 100' 'print-every = 50' 'eval-every = 0' 'partitions = 2' > "$dir/train.properties"
  # a tolerance: the second night trains on from the first's model, whose test accuracy may move a little.
  # local[2] rather than the cluster: each run starts no executors, and the cluster's runs are the other phases'
  printf '%s\n' '# nightly-retrain.sh configuration of cluster-test.sh --phases nightly' \
    "PUBLISH_ROOT=$publish_root" "TRAIN=$dir/train.csv" "TEST=$dir/test.csv" "TRAIN_CONFIG=$dir/train.properties" \
    'CHECKPOINT_EVERY=50' 'GATE_TOLERANCE=0.05' 'SUBMIT_ARGS=--master local[2] --conf spark.ui.enabled=false' \
    > "$dir/nightly.env"

  nightly nightly-1
  first="$(current_run "$publish_root")"
  if [[ -z "$first" ]]; then
    reason="nightly-1: exited with $driver_status, published nothing (see $base/nightly-1.err)"
    return 1
  fi
  night_ended nightly-1 0 "$first" || return 1
  OPENBLAS_NUM_THREADS=1 SPARK_DNN_HEAP=512m "$root/scripts/spark-dnn" evaluate --model "$publish_root" \
    --input "$dir/test.csv" --master 'local[2]' > "$base/nightly-evaluate.out" 2> "$base/nightly-evaluate.err"
  status=$?
  if [[ $status -ne 0 ]]; then
    reason="evaluate --model $publish_root (run $first) exited with $status (see $base/nightly-evaluate.err)"
    return 1
  fi

  nightly nightly-2
  second="$(current_run "$publish_root")"
  night_ended nightly-2 0 "$second" || return 1
  if [[ "$second" == "$first" ]]; then
    reason="nightly-2: current still names the first night's run $first (see $base/nightly-2.err)"
    return 1
  fi
  if ! grep -q "Warm start from .*/runs/$first\$" "$base/nightly-2.out"; then
    reason="nightly-2: did not warm-start from the first night's run $first (see $base/nightly-2.out)"
    return 1
  fi

  # one iteration from the initial weights: near chance, far more than the tolerance below the current model
  nightly nightly-worse WARM_START=none TRAIN_ARGS="--iterations 1"
  night_ended nightly-worse 5 "$second" || return 1

  # ROOT/.lock as a run still publishing would hold it (io.PublishLock's lines), this script's pid its owner
  printf 'host=%s\npid=%s\nrun_id=%s\nsince=%s\ntoken=%s\n' "$(hostname)" "$$" cluster-test-holder \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" cluster-test > "$publish_root/.lock"
  nightly nightly-locked PUBLISH_WAIT=1 TRAIN_ARGS="--iterations 1"
  rm -f "$publish_root/.lock"
  night_ended nightly-locked 6 "$second" || return 1
  if ! grep -q 'cluster-test-holder' "$base/nightly-locked.err"; then
    reason="nightly-locked: the refusal does not name the lock's holder (see $base/nightly-locked.err)"
    return 1
  fi

  printf '%s\n' "PUBLISH_ROOT=$publish_root" 'GATE TOLERANCE=0.05' > "$dir/malformed.env"
  nightly nightly-malformed NIGHTLY_CONF="$dir/malformed.env"
  night_ended nightly-malformed 2 "$second" || return 1
  if ! grep -q 'malformed.env' "$base/nightly-malformed.err"; then
    reason="nightly-malformed: the error does not name the file (see $base/nightly-malformed.err)"
    return 1
  fi
}

for phase in ${phases//,/ }; do
  reason=""
  phase_started=$SECONDS
  log "phase $phase ..."
  if "phase_${phase//-/_}"; then
    results+=("PASS  $phase ($((SECONDS - phase_started)) s)")
  else
    results+=("FAIL  $phase ($((SECONDS - phase_started)) s): $reason")
    failed=1
  fi
done

echo "cluster-test: $master_url, 2 workers, $iterations iterations; logs in $base"
printf '  %s\n' "${results[@]}"
echo "cluster-test: $([[ $failed -eq 0 ]] && echo PASS || echo FAIL) in $((SECONDS - t0)) s"
exit $failed
