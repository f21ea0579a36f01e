#!/usr/bin/env python3
"""numpy's side of spark-dnn's benchmark (scripts/bench.sh runs it only where `import numpy` works).

Times the course's batch gradient-descent loop (deeplearning.ai, "Neural Networks and Deep Learning", week 4:
L_model_forward, compute_cost, L_model_backward, update_parameters; ReLU hidden layers, sigmoid output, one sample
per column) with numpy's BLAS on as many threads as --threads (set before numpy is imported):

* --case LAYERS@M (repeatable): synthetic features uniform in [-1, 1) and labels from a random linear rule, as the
  Java harness's SyntheticData (numpy's own generator: same shapes and distribution, not the same values); the
  median seconds of --iterations timed iterations after --warmup untimed ones;
* --course-train FILE: the course's L-layer run itself on the course's training set (label first, 12288 pixels,
  scaled by 1/255), initialised as the course does (np.random.seed(1), randn / sqrt(n[l-1])), for
  --course-iterations iterations: load, loop and total seconds, and the last cost.

Writes the results as JSON to --output. The project never needs Python to build, run or test.
"""
import argparse
import json
import os
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, required=True, help="BLAS threads")
    parser.add_argument("--case", action="append", default=[], metavar="LAYERS@M",
                        help="e.g. 100,20,7,5,1@100000 (repeatable)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed iterations per case")
    parser.add_argument("--iterations", type=int, default=5, help="timed iterations per case")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic data and weights")
    parser.add_argument("--course-train", metavar="CSV", help="the course's train.csv.gz (label, 12288 pixels)")
    parser.add_argument("--course-iterations", type=int, default=2500)
    parser.add_argument("--output", required=True, help="JSON results")
    return parser.parse_args()


ARGS = parse_args()
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(ARGS.threads)
import numpy as np  # noqa: E402  (after the thread count is set)


def initialize_deep(layer_dims, seed):
    """The course's initialize_parameters_deep: W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), b[l] = 0."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward(X, parameters, L):
    """Z[l] = W[l]·A[l-1] + b[l]; ReLU for l < L, sigmoid for l = L. Shapes: X (n[0], m)."""
    caches = []
    A = X
    for l in range(1, L + 1):
        Z = np.dot(parameters["W" + str(l)], A) + parameters["b" + str(l)]
        caches.append((A, Z))
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
    return A, caches


def cost(AL, Y):
    """J = -(1/m) Σ [y log a + (1 - y) log(1 - a)]. Shapes: AL, Y (1, m)."""
    m = Y.shape[1]
    return float(np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m))


def backward(AL, Y, caches, parameters, L):
    """dZ[L] = A[L] - Y; dW[l] = dZ·A[l-1]ᵀ/m, db[l] = Σ dZ/m, dA[l-1] = W[l]ᵀ·dZ (l ≥ 2), dZ[l-1] = dA ∘ g'."""
    m = Y.shape[1]
    grads = {}
    dZ = AL - Y
    for l in range(L, 0, -1):
        A_prev, _ = caches[l - 1]
        grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dA_prev = np.dot(parameters["W" + str(l)].T, dZ)
            dZ = dA_prev * (caches[l - 2][1] > 0)
    return grads


def step(X, Y, parameters, L, learning_rate):
    """One iteration of the course's loop; returns the cost before the update."""
    AL, caches = forward(X, parameters, L)
    J = cost(AL, Y)
    grads = backward(AL, Y, caches, parameters, L)
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return J


def synthetic(n, m, seed):
    """Features uniform in [-1, 1) (n, m), labels where a random linear rule is positive (1, m)."""
    rng = np.random.default_rng(seed)
    w = rng.uniform(-1.0, 1.0, n + 1)
    X = rng.uniform(-1.0, 1.0, (n, m))
    Y = ((w[:n] @ X + 0.1 * w[n]) > 0).astype(np.float64).reshape(1, m)
    return X, Y


def time_case(spec):
    layers_text, m_text = spec.split("@")
    layers = [int(v) for v in layers_text.split(",")]
    m = int(float(m_text))
    X, Y = synthetic(layers[0], m, ARGS.seed)
    parameters = initialize_deep(layers, ARGS.seed)
    L = len(layers) - 1
    for _ in range(ARGS.warmup):
        step(X, Y, parameters, L, 0.0075)
    runs = []
    for _ in range(ARGS.iterations):
        start = time.perf_counter()
        step(X, Y, parameters, L, 0.0075)
        runs.append(time.perf_counter() - start)
    return {"layers": layers, "m": m, "iterations": ARGS.iterations, "seconds_per_iteration": float(np.median(runs))}


def course_run(path):
    """The course's L_layer_model on its training set: [12288, 20, 7, 5, 1], α = 0.0075, seed 1."""
    start = time.perf_counter()
    data = np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)
    Y = data[:, :1].T
    X = data[:, 1:].T / 255.
    loaded = time.perf_counter()
    layers = [X.shape[0], 20, 7, 5, 1]
    parameters = initialize_deep(layers, 1)
    J = None
    for _ in range(ARGS.course_iterations):
        J = step(X, Y, parameters, len(layers) - 1, 0.0075)
    done = time.perf_counter()
    return {"train": path, "m": X.shape[1], "layers": layers, "iterations": ARGS.course_iterations,
            "load_seconds": loaded - start, "loop_seconds": done - loaded, "total_seconds": done - start,
            "seconds_per_iteration": (done - loaded) / ARGS.course_iterations, "last_cost": J}


def blas_name():
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return "%s %s" % (blas.get("name", "?"), blas.get("version", ""))
    except Exception:  # older numpy: show_config has no dict mode
        return "unknown"


def main():
    results = {"numpy": np.__version__, "blas": blas_name(), "threads": ARGS.threads,
               "cases": [time_case(spec) for spec in ARGS.case]}
    if ARGS.course_train:
        results["course"] = course_run(ARGS.course_train)
    with open(ARGS.output, "w") as out:
        json.dump(results, out, indent=2)
    print("numpy %s (%s, %d threads): %s" % (results["numpy"], results["blas"], ARGS.threads, ARGS.output),
          file=sys.stderr)


if __name__ == "__main__":
    main()
