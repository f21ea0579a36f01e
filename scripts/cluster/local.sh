# shellcheck shell=bash
# Phase local (sourced by scripts/cluster-test.sh): the planar model trained on the cluster's two executors has
# the parameters of the same run in local mode, byte for byte.
phase_local() {
  reference || return
  run_driver cluster "${cluster_submit[@]}" -- "${planar[@]}" --output "$base/out/cluster" || return
  same_model "$base/out/cluster"
}
