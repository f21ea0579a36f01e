# shellcheck shell=bash
# Phase driver-kill (sourced by scripts/cluster-test.sh): the driver of a run with checkpoints every 100
# iterations is killed with kill -9 after iteration 250; the rerun with --resume continues from a checkpoint and
# finishes with the reference's model.
phase_driver_kill() {
  reference || return
  local at checkpoints="$base/out/checkpoints"
  local run=("${planar[@]}" --output "$base/out/driver-kill" --checkpoint-dir "$checkpoints" --checkpoint-every 100)
  start_driver driver-kill "${cluster_submit[@]}" -- "${run[@]}"
  wait_for_iteration driver-kill 250 || return
  at=$(last_iteration "$base/driver-kill.out")
  kill_hard "$driver_pid"
  log "driver-kill: killed the driver (pid $driver_pid) with kill -9 after iteration $at"
  [[ ! -e "$base/out/driver-kill" ]] || { fail "the killed run left $base/out/driver-kill"; return; }
  [[ -n "$(ls -A "$checkpoints" 2>/dev/null)" ]] ||
    { fail "no checkpoint in $checkpoints after iteration $at"; return; }
  run_driver driver-resume "${cluster_submit[@]}" -- "${run[@]}" --resume || return
  grep -Eq 'Resumed from .* at iteration [1-9]' "$base/driver-resume.out" ||
    { fail "the rerun did not resume from a checkpoint (see $base/driver-resume.out)"; return; }
  same_model "$base/out/driver-kill"
}
