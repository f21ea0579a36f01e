#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1, tested: a Master and two Workers (1 core each) run as separate JVMs
# from the project's own Maven classpath, and target/spark-dnn-app.jar is submitted to them with scripts/submit.sh
# to train the course's planar model (week 3: 2,4,1, tanh, course-small, seed 2, α = 1.2) on 2 partitions, with the
# default engine: resident, one task per executor for the whole run.
#
#   scripts/cluster-test.sh [--phases LIST] [--iterations T]
#
# Phases (default: all, in this order; each in scripts/cluster/PHASE.sh):
#   local        the cluster's parameters.bin is byte-identical to the same run in local mode (local[2])
#   worker-kill  a Worker (and with it its executor) is killed with kill -9 mid-training and started again; Spark
#                retries the resident stage and the job finishes with the identical model
#   driver-kill  a run with --checkpoint-dir/--checkpoint-every has its driver killed with kill -9 mid-training;
#                the rerun with --resume finishes with the identical model
#   exit-code    the driver's exit code reaches scripts/submit.sh's caller (a missing --train file: exit 3)
#   nightly      scripts/nightly-retrain.sh on the cluster, five nights on one publish root: the first publishes a
#                model that `spark-dnn evaluate --model ROOT` verifies and reads, a second warm-started from it
#                moves current, a clearly worse model exits 5, a held ROOT/.lock exits 6 and a malformed
#                NIGHTLY_CONF line exits 2, the last three leaving current where it was
# Every process the script starts is stopped by PID on exit, also on failure or Ctrl-C. Logs: target/cluster-test/.
# Exit code: 0 when every selected phase passes, 1 when one fails, 2 on a usage error.
set -uo pipefail
log_name=cluster-test
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
base="$root/target/cluster-test"

all_phases="local worker-kill driver-kill exit-code nightly"
phases="${all_phases// /,}"
iterations=400
usage="usage: scripts/cluster-test.sh [--phases ${all_phases// /,}] [--iterations T]"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --phases) phases="${2:?$usage}"; shift 2 ;;
    --iterations) iterations="${2:?$usage}"; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) log "unknown option '$1'; $usage"; exit 2 ;;
  esac
done
for phase in ${phases//,/ }; do
  if [[ " $all_phases " != *" $phase "* ]]; then
    log "unknown phase '$phase': expected local, worker-kill, driver-kill, exit-code or nightly"
    exit 2
  fi
done
if [[ ! "$iterations" =~ ^[0-9]+$ || "$iterations" -lt 400 ]]; then
  log "--iterations must be a whole number >= 400 (the kills land after iterations 150 and 250), found '$iterations'"
  exit 2
fi

# A phase's checks call fail with the reason, which the summary prints; fail returns 1.
reason=""
fail() { reason="$*"; return 1; }

# shellcheck source=cluster/cluster.sh
source "$root/scripts/cluster/cluster.sh"     # the Master, the Workers and the submit options
# shellcheck source=cluster/drivers.sh
source "$root/scripts/cluster/drivers.sh"     # running and watching drivers; the reference model
for phase in $all_phases; do                  # phase_PHASE in cluster/PHASE.sh
  # shellcheck source=/dev/null
  source "$root/scripts/cluster/$phase.sh"
done

t0=$SECONDS
stop_on_exit
build_if_stale || { log "FAIL: build"; exit 1; }
classpath="$(cat "$root/target/classpath.txt")"
rm -rf "$base"
mkdir -p "$base/out"
start_cluster || exit 1

results=()   # "PASS  phase (time)" / "FAIL  phase (time): reason"
failed=0
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
