#!/usr/bin/env bash
# Nightly retraining of a published spark-dnn model: one `train` run through scripts/submit.sh that
#   1. warm-starts from ROOT/current (from --init while nothing is published yet),
#   2. trains with checkpoints (--checkpoint-dir DIR --checkpoint-every K --resume: a rerun the same night,
#      after a crash, continues from the newest complete checkpoint),
#   3. evaluates the new model and the current one on the test data,
#   4. gates: publishes only if the new model's metric is no worse than the current's by more than the tolerance,
#   5. publishes: ROOT/runs/RUN-ID with its manifest, then ROOT/current switched atomically under ROOT/.lock.
#
# Usage: scripts/nightly-retrain.sh            (configured by environment variables or NIGHTLY_CONF)
# Exit code: spark-dnn's, passed through: 0 published, 1 other failure, 2 usage or configuration error,
# 3 invalid input data or model file, 4 training diverged, 5 quality gate refused (current kept),
# 6 publish root locked by another run; 143 on TERM and 130 on Ctrl-C, which stop the driver too. (In YARN or
# Kubernetes cluster deploy mode spark-submit reports only success or failure; run the driver in client mode where
# the scheduler needs the exact code.)
#
# Configuration (environment variables; NIGHTLY_CONF names a file of VAR=value lines, unquoted, '#' comments,
# read first; variables set in the environment win over it; a line that is not VAR=value with one of the VARs
# below is an error, exit 2):
#   PUBLISH_ROOT      publish root on any Hadoop filesystem (required)
#   TRAIN             training data (required)
#   TEST              test data for the gate (required: the gate compares on it)
#   TRAIN_CONFIG      spark-dnn properties file with the model's options (layers, activations, learning-rate,
#                     iterations, …; template conf/spark-dnn.properties) (required)
#   CHECKPOINTS       on (default) or off: off leaves out the three checkpoint options
#   CHECKPOINT_DIR    default PUBLISH_ROOT/checkpoints/YYYYMMDD (UTC): one directory per night, so that a rerun
#                     the same night resumes, while checkpoints of a night that never finished (other data,
#                     which --resume refuses) do not block the next night
#   CHECKPOINT_EVERY  default 100 (iterations between checkpoints)
#   WARM_START        current (default), none (start from the configured --init), or a model directory
#   GATE_METRIC       accuracy | log-loss | auc      (default: spark-dnn's, accuracy)
#   GATE_TOLERANCE    how much worse the new model may be   (default: spark-dnn's, 0)
#   PUBLISH_WAIT      seconds to wait for another run's lock (default: spark-dnn's, 300)
#   SUBMIT_ARGS       spark-submit options, split on spaces, e.g. "--master yarn --num-executors 8"
#                     (default: --master local[*])
#   TRAIN_ARGS        more spark-dnn train options, split on spaces
set -euo pipefail
log_name=nightly-retrain
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

variables="PUBLISH_ROOT TRAIN TEST TRAIN_CONFIG CHECKPOINTS CHECKPOINT_DIR CHECKPOINT_EVERY WARM_START GATE_METRIC
GATE_TOLERANCE PUBLISH_WAIT SUBMIT_ARGS TRAIN_ARGS"
variables="${variables//$'\n'/ }"

if [[ -n "${NIGHTLY_CONF:-}" ]]; then
  if [[ ! -r "$NIGHTLY_CONF" ]]; then
    log "NIGHTLY_CONF=$NIGHTLY_CONF: expected a readable file of VAR=value lines"
    exit 2
  fi
  line_number=0
  while IFS= read -r line || [[ -n "$line" ]]; do   # also a last line without its newline
    line_number=$((line_number + 1))
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ ! "$line" =~ ^[A-Z_][A-Z0-9_]*= ]]; then
      log "$NIGHTLY_CONF line $line_number: expected VAR=value (VAR in capitals), found '$line'"
      exit 2
    fi
    key="${line%%=*}"
    if [[ " $variables " != *" $key "* ]]; then
      log "$NIGHTLY_CONF line $line_number: expected one of $variables, found '$key'"
      exit 2
    fi
    if [[ -z "${!key+set}" ]]; then
      export "$key=${line#*=}"
    fi
  done < "$NIGHTLY_CONF"
fi

for required in PUBLISH_ROOT TRAIN TEST TRAIN_CONFIG; do
  if [[ -z "${!required:-}" ]]; then
    log "$required: expected a value (environment or NIGHTLY_CONF), found none"
    exit 2
  fi
done

args=(train --config "$TRAIN_CONFIG" --train "$TRAIN" --test "$TEST" --publish-root "$PUBLISH_ROOT")
case "${WARM_START:-current}" in
  none) ;;
  *) args+=(--warm-start "${WARM_START:-current}") ;;
esac
case "${CHECKPOINTS:-on}" in
  on)
    args+=(--checkpoint-dir "${CHECKPOINT_DIR:-$PUBLISH_ROOT/checkpoints/$(date -u +%Y%m%d)}"
      --checkpoint-every "${CHECKPOINT_EVERY:-100}" --resume) ;;
  off) ;;
  *) log "CHECKPOINTS: expected on or off, found '$CHECKPOINTS'"; exit 2 ;;
esac
if [[ -n "${GATE_METRIC:-}" ]]; then args+=(--gate-metric "$GATE_METRIC"); fi
if [[ -n "${GATE_TOLERANCE:-}" ]]; then args+=(--gate-tolerance "$GATE_TOLERANCE"); fi
if [[ -n "${PUBLISH_WAIT:-}" ]]; then args+=(--publish-wait "$PUBLISH_WAIT"); fi
read -r -a more <<< "${TRAIN_ARGS:-}"
args+=("${more[@]}")
read -r -a submit <<< "${SUBMIT_ARGS:---master local[*]}"

log "$(date -u +%Y-%m-%dT%H:%M:%SZ) scripts/submit.sh ${submit[*]} -- ${args[*]}"
# In the background, waited for: a scheduler's TERM (a task timeout) then stops the driver too, not this script alone
stop_on_exit
start_process "$root/scripts/submit.sh" "${submit[@]}" -- "${args[@]}"
status=0
wait "$started_pid" || status=$?
case "$status" in
  0) log "published" ;;
  5) log "the quality gate kept the current model (exit 5)" ;;
  6) log "another run holds the publish lock (exit 6)" ;;
  *) log "failed with exit code $status" ;;
esac
exit "$status"
