# shellcheck shell=bash
# Phase exit-code (sourced by scripts/cluster-test.sh): the driver's exit code on the cluster reaches
# scripts/submit.sh's caller; a missing --train file is invalid input, exit 3, with the file named.
phase_exit_code() {
  start_driver exit-code "${on_cluster[@]}" -- train --train "$base/missing.csv" --layers 2,4,1 \
    --learning-rate 1.2 --iterations 10 --output "$base/out/exit-code"
  wait_exit "$driver_pid" 300
  [[ $exit_status -eq 3 ]] || { fail "a missing --train file: submit.sh exited with $exit_status, expected 3" \
    "(see $base/exit-code.err)"; return; }
  grep -q 'missing.csv' "$base/exit-code.err" ||
    fail "the error does not name the missing file (see $base/exit-code.err)"
}
