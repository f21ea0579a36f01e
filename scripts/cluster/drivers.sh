# shellcheck shell=bash
# Sourced by scripts/cluster-test.sh: running drivers through scripts/submit.sh, watching their progress, and the
# reference model the planar phases compare with. Logs: target/cluster-test/NAME.out and NAME.err.

# The course's planar model (week 3: 2,4,1, tanh, course-small, seed 2, α = 1.2) on 2 partitions.
planar=(train --train "$root/data-samples/planar/flower.csv" --layers 2,4,1 --activations tanh,sigmoid
  --init course-small --seed 2 --learning-rate 1.2 --iterations "$iterations" --partitions 2 --print-every 50)

# Starts scripts/submit.sh in the background (log NAME, then its arguments); sets driver_pid, the driver JVM's
# PID (submit.sh execs it).
start_driver() {
  local name="$1"
  shift
  OPENBLAS_NUM_THREADS=1 start_process "$root/scripts/submit.sh" "$@" > "$base/$name.out" 2> "$base/$name.err"
  driver_pid=$started_pid
}

# Runs a driver to completion (log NAME, then submit.sh's arguments); 0 when it exits 0 within 10 minutes.
run_driver() {
  local name="$1"
  shift
  start_driver "$name" "$@"
  wait_exit "$driver_pid" 600
  [[ $exit_status -eq 0 ]] || fail "$name exited with $exit_status (see $base/$name.err)"
}

# Iteration of the last cost line in FILE (-1 if none).
last_iteration() {
  local it
  it="$(grep -Eo 'Cost after iteration [0-9]+' "$1" 2>/dev/null | tail -1 | grep -Eo '[0-9]+$')"
  echo "${it:--1}"
}

# Waits until driver NAME (started by start_driver) has printed the cost of iteration AT or later; when it has
# not, reaps it (5 s) and fails.
wait_for_iteration() {
  local name="$1" at="$2" deadline=$((SECONDS + 600))
  while (( SECONDS < deadline )) && kill -0 "$driver_pid" 2>/dev/null; do
    (( $(last_iteration "$base/$name.out") >= at )) && return 0
    sleep 0.1
  done
  wait_exit "$driver_pid" 5
  fail "training did not reach iteration $at (see $base/$name.err)"
}

# The reference: the planar run in local mode (local[2]), through the same scripts/submit.sh; once per test.
reference() {
  [[ -f "$base/out/local/parameters.bin" ]] && return 0
  run_driver local --master 'local[2]' --conf spark.ui.enabled=false -- "${planar[@]}" --output "$base/out/local"
}

# 0 when the model in DIR has the reference's parameters, byte for byte.
same_model() {
  local model="$1/parameters.bin" expected="$base/out/local/parameters.bin"
  [[ -f "$model" ]] || { fail "no model in $1"; return; }
  cmp -s "$expected" "$model" || fail "$model differs from local mode's ($(sha256sum < "$model" | cut -c1-16)" \
    "vs $(sha256sum < "$expected" | cut -c1-16))"
}
