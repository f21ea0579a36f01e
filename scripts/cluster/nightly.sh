# shellcheck shell=bash
# Phase nightly (sourced by scripts/cluster-test.sh): scripts/nightly-retrain.sh, five nights on one publish root,
# each submitted to the standalone cluster. The first publishes a model that `spark-dnn evaluate --model ROOT`
# verifies and reads; a second, warm-started from it, moves current; a clearly worse model exits 5, a held
# ROOT/.lock exits 6 and a malformed NIGHTLY_CONF line exits 2, the last three leaving current where it was.

# The run id ROOT/current names ("" if none).
current_run() {
  grep -Eo '"run_id" *: *"[^"]*"' "$1/current" 2>/dev/null | grep -Eo '"[^"]*"$' | tr -d '"'
}

# Runs scripts/nightly-retrain.sh to completion (log NAME, then VAR=value settings over the phase's NIGHTLY_CONF),
# none of its variables inherited from this script's environment; sets exit_status (124 when killed after 300 s).
night() {
  local name="$1"
  shift
  start_process env -u PUBLISH_ROOT -u TRAIN -u TEST -u TRAIN_CONFIG -u CHECKPOINTS -u CHECKPOINT_DIR \
    -u CHECKPOINT_EVERY -u WARM_START -u GATE_METRIC -u GATE_TOLERANCE -u PUBLISH_WAIT -u SUBMIT_ARGS -u TRAIN_ARGS \
    OPENBLAS_NUM_THREADS=1 NIGHTLY_CONF="$base/nightly/nightly.env" "$@" "$root/scripts/nightly-retrain.sh" \
    > "$base/$name.out" 2> "$base/$name.err"
  wait_exit "$started_pid" 300
}

# 0 when the night NAME exited with EXPECTED and left ROOT/current naming run WANT.
night_ended() {
  local name="$1" expected="$2" want="$3" found
  [[ $exit_status -eq $expected ]] || { fail "$name: nightly-retrain.sh exited with $exit_status, expected" \
    "$expected (see $base/$name.err)"; return; }
  found="$(current_run "$base/nightly/root")"
  [[ "$found" == "$want" ]] || fail "$name: current names '$found', expected '$want' (see $base/$name.err)"
}

# The phase's data and configuration in target/cluster-test/nightly/.
nightly_setup() {
  local dir="$1"
  mkdir -p "$dir"
  # the planar data: every 4th sample for the gate's test file, the others to train on
  awk 'NR % 4 != 0' "$root/data-samples/planar/flower.csv" > "$dir/train.csv"
  awk 'NR % 4 == 0' "$root/data-samples/planar/flower.csv" > "$dir/test.csv"
  # He initialisation leaves the flat start of the course's planar run at once: about 0.85 test accuracy after 100
  printf '%s\n' 'layers = 2,4,1' 'activations = tanh,sigmoid' 'init = he' 'seed = 2' 'learning-rate = 1.2' \
    'iterations = 100' 'print-every = 50' 'eval-every = 0' 'partitions = 2' > "$dir/train.properties"
  # a tolerance: the second night trains on from the first's model, whose test accuracy may move a little.
  # One executor, C1 only: the routine on a cluster is under test here (two executors are the other phases'), and
  # every night starts a cold executor JVM, whose start-up and C2 compilations would take the two cores for long.
  local executor=(--total-executor-cores 1 --conf spark.executorEnv.JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1)
  printf '%s\n' '# nightly-retrain.sh configuration of cluster-test.sh --phases nightly' \
    "PUBLISH_ROOT=$dir/root" "TRAIN=$dir/train.csv" "TEST=$dir/test.csv" "TRAIN_CONFIG=$dir/train.properties" \
    'CHECKPOINT_EVERY=50' 'GATE_TOLERANCE=0.05' "SUBMIT_ARGS=${on_cluster[*]} ${executor[*]}" > "$dir/nightly.env"
}

phase_nightly() {
  local dir="$base/nightly" first second
  local publish_root="$dir/root"
  nightly_setup "$dir"

  night nightly-1
  first="$(current_run "$publish_root")"
  [[ -n "$first" ]] ||
    { fail "nightly-1: exited with $exit_status, published nothing (see $base/nightly-1.err)"; return; }
  night_ended nightly-1 0 "$first" || return
  # the thin launcher in local mode: it has no jar to ship to the cluster's executors
  OPENBLAS_NUM_THREADS=1 SPARK_DNN_HEAP=512m "$root/scripts/spark-dnn" evaluate --model "$publish_root" \
    --input "$dir/test.csv" --master 'local[2]' > "$base/nightly-evaluate.out" 2> "$base/nightly-evaluate.err" ||
    { fail "evaluate --model $publish_root (run $first) exited with $? (see $base/nightly-evaluate.err)"; return; }

  night nightly-2
  second="$(current_run "$publish_root")"
  night_ended nightly-2 0 "$second" || return
  [[ "$second" != "$first" ]] ||
    { fail "nightly-2: current still names the first night's run $first (see $base/nightly-2.err)"; return; }
  grep -q "Warm start from .*/runs/$first\$" "$base/nightly-2.out" ||
    { fail "nightly-2: did not warm-start from the first night's run $first (see $base/nightly-2.out)"; return; }

  # one iteration from the initial weights: near chance, far more than the tolerance below the current model
  night nightly-worse WARM_START=none TRAIN_ARGS="--iterations 1"
  night_ended nightly-worse 5 "$second" || return

  # ROOT/.lock as a run still publishing would hold it (io.PublishLock's lines), this script's pid its owner
  printf 'host=%s\npid=%s\nrun_id=%s\nsince=%s\ntoken=%s\n' "$(hostname)" "$$" cluster-test-holder \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" cluster-test > "$publish_root/.lock"
  night nightly-locked PUBLISH_WAIT=1 TRAIN_ARGS="--iterations 1"
  rm -f "$publish_root/.lock"
  night_ended nightly-locked 6 "$second" || return
  grep -q 'cluster-test-holder' "$base/nightly-locked.err" ||
    { fail "nightly-locked: the refusal does not name the lock's holder (see $base/nightly-locked.err)"; return; }

  printf '%s\n' "PUBLISH_ROOT=$publish_root" 'GATE TOLERANCE=0.05' > "$dir/malformed.env"
  night nightly-malformed NIGHTLY_CONF="$dir/malformed.env"
  night_ended nightly-malformed 2 "$second" || return
  grep -q 'malformed.env' "$base/nightly-malformed.err" ||
    fail "nightly-malformed: the error does not name the file (see $base/nightly-malformed.err)"
}
