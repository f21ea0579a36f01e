# shellcheck shell=bash
# Phase worker-kill (sourced by scripts/cluster-test.sh): Worker 2 is killed with kill -9 after iteration 150, its
# executor and cached partition with it, and started again at once, as a cluster manager replaces a lost node: the
# resident stage fails, Spark retries it once the new executor gives it both task slots, and the job finishes with
# the reference's model.
phase_worker_kill() {
  reference || return
  start_driver worker-kill "${cluster_submit[@]}" -- "${planar[@]}" --output "$base/out/worker-kill"
  wait_for_iteration worker-kill 150 || return
  if ! compgen -G "$base/work-2/app-*/*" > /dev/null; then
    wait_exit "$driver_pid" 5
    fail "Worker 2 runs no executor of the job: nothing to kill"
    return
  fi
  local at victim=${worker_pids[1]}
  at=$(last_iteration "$base/worker-kill.out")
  kill_hard "$victim"
  log "worker-kill: killed Worker 2 (pid $victim) with kill -9 after iteration $at"
  start_worker 2 worker-2-restarted
  await_worker 2 worker-2-restarted ||
    { wait_exit "$driver_pid" 5; fail "Worker 2 did not register again after the kill (see $base/worker-2-restarted.log)"; return; }
  wait_exit "$driver_pid" 600
  [[ $exit_status -eq 0 ]] ||
    { fail "the job exited with $exit_status after the kill (see $base/worker-kill.err)"; return; }
  (( at < iterations - 1 )) || { fail "the kill came after the last iteration: raise --iterations"; return; }
  grep -q 'Lost executor' "$base/worker-kill.err" ||
    { fail "the driver never lost an executor (see $base/worker-kill.err)"; return; }
  same_model "$base/out/worker-kill"
}
