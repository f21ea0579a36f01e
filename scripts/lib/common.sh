# shellcheck shell=bash
# Sourced, never run, by the scripts in scripts/: building the jars in a clone, and starting, watching and
# stopping the processes a script starts. Sets root (the clone) and java_bin; a script sets log_name first.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "${log_name:-spark-dnn}: $*" >&2; }

# --- BLAS ---------------------------------------------------------------------------------------------------------
# One BLAS thread per Spark task. On x86-64 CPUs with AVX2 and FMA, OpenBLAS's Haswell kernels even where the CPU
# has newer ones (AVX-512 kernels sum in another order): the same bits on every such machine, those the course's
# digits and the tests' golden values were checked with. Set OPENBLAS_CORETYPE yourself to choose otherwise.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
if [[ -z "${OPENBLAS_CORETYPE+set}" ]] && grep -qw avx2 /proc/cpuinfo 2>/dev/null \
    && grep -qw fma /proc/cpuinfo 2>/dev/null; then
  export OPENBLAS_CORETYPE=Haswell
fi

# --- building -----------------------------------------------------------------------------------------------------
# `mvn package` writes both jars: target/spark-dnn.jar (our classes, for scripts/spark-dnn with the classpath) and
# target/spark-dnn-app.jar (shaded, for spark-submit). target/classpath.txt is the Maven compile classpath (Spark,
# Hadoop): scripts/spark-dnn, SparkSubmit without a Spark distribution, and cluster-test's Master and Workers.
build_outputs=(target/spark-dnn.jar target/spark-dnn-app.jar target/classpath.txt)
classpath_goal=(dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile)

# One rule for all three: build them when one is missing or older than a file under src/main or pom.xml.
build_if_stale() {
  local output started
  for output in "${build_outputs[@]}"; do
    if [[ ! -f "$root/$output" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/$output" -print -quit)" ]]
    then
      log "building target/spark-dnn.jar, target/spark-dnn-app.jar and target/classpath.txt (mvn package) ..."
      started="$(date +%s.%N)"
      (cd "$root" && mvn -B -q -DskipTests package "${classpath_goal[@]}") >&2 || return
      # Maven leaves a jar it found up to date as old as it was; dated at the build's start, the outputs count as
      # fresh until a source changes again, also one edited while Maven ran
      (cd "$root" && touch -d "@$started" "${build_outputs[@]}")
      return
    fi
  done
}

# --- processes ----------------------------------------------------------------------------------------------------
started_pids=()   # every process start_process started (and the children kill_hard left), stopped on exit

# Starts COMMAND in the background, recorded for stop_started; sets started_pid. Redirect at the call site
# (`start_process java ... > log 2>&1`): the background process inherits the function's redirections.
start_process() {
  "$@" &
  started_pid=$!
  started_pids+=("$started_pid")
}

# PID's descendants, deepest first (a Worker's executors; the driver JVM under a script).
descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    descendants "$child"
    echo "$child"
  done
}

# Stops every recorded process and its descendants: TERM, then KILL those still alive after 10 s.
stop_started() {
  local pid pids=() alive
  for pid in "${started_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && pids+=($(descendants "$pid") "$pid")
  done
  [[ ${#pids[@]} -eq 0 ]] && return 0
  kill -TERM "${pids[@]}" 2>/dev/null
  for _ in $(seq 1 50); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive -eq 0 ]] && return 0
    sleep 0.2
  done
  kill -KILL "${pids[@]}" 2>/dev/null
  return 0
}

# Stops what this script started when it exits, also on failure, Ctrl-C or a scheduler's TERM.
stop_on_exit() {
  trap stop_started EXIT
  trap 'log "interrupted"; exit 130' INT
  trap 'log "terminated"; exit 143' TERM
}

# kill -9 PID alone (as a crash would), its children recorded so that stop_started still stops them; reaps PID.
kill_hard() {
  local pid="$1"
  started_pids+=($(descendants "$pid"))
  kill -KILL "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null
  return 0
}

# Waits at most SECONDS for PID (a child of this shell) to exit; sets exit_status, 124 when it had to be killed
# (kill -9, with its descendants first so that no driver JVM outlives the script that ran it).
wait_exit() {
  local pid="$1" deadline=$((SECONDS + $2)) child
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    for child in $(descendants "$pid"); do kill -KILL "$child" 2>/dev/null; done
    kill_hard "$pid"
    exit_status=124
  else
    exit_status=0
    wait "$pid" || exit_status=$?
  fi
}

# Waits until FILE has a line matching the extended REGEX; 1 after SECONDS, or once PID (if given) has exited.
wait_for_line() {
  local file="$1" regex="$2" deadline=$((SECONDS + $3)) pid="${4:-}"
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
