#!/usr/bin/env python3
"""Golden values for mini-batch gradient descent (course 2, "Improving Deep Neural Networks", week 2).

What it writes
--------------
``src/test/resources/golden/mini-batch-<rule>.json`` for rule in gd, momentum, adam, on the relu-leaky case of
gen_network_golden.py (m = 12 samples; its data, layers, activations and initial parameters), with

    "seed", "batch_size", "epochs", "optimizer", "beta1", "beta2", "epsilon", "learning_rate"
    "permutations"        epochs lists   np.random.permutation(m) after np.random.seed(seed + 1 + e)
    "costs"               epochs numbers the course's cost_avg: the epoch's mini-batch cost sums over m
    "parameters_after"    dict           the parameters after all epochs

computed with the course's ``random_mini_batches`` and ``model`` loop (``seed = seed + 1`` before each epoch,
``t`` counting Adam's updates across epochs), ported below; ``backward`` divides by the mini-batch's own size.

``src/test/resources/golden/numpy-permutation.json``: ``np.random.permutation(n)`` after ``np.random.seed(s)``
for a few (s, n), large n included (masks above 16 bits, redraws); past 1000 values only the first and last 50
and ``weighted_sum`` = Σ (i + 1)·permutation[i], exact.

Regenerate from the repository root: ``python3 src/test/python/gen_mini_batch_golden.py``.
"""

import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_network_golden as net  # noqa: E402
import gen_optimizer_golden as opt  # noqa: E402

CASE = "relu-leaky"
SEED = 7
BATCH_SIZE = 5
EPOCHS = 3
RULES = {
    "gd": dict(beta1=0.9, beta2=0.999, epsilon=1e-8, learning_rate=0.3),
    "momentum": dict(beta1=0.9, beta2=0.999, epsilon=1e-8, learning_rate=0.3),
    "adam": dict(beta1=0.9, beta2=0.999, epsilon=1e-8, learning_rate=0.01),
}
PERMUTATIONS = [(0, 1), (0, 2), (1, 10), (42, 1000), (4294967295, 70001), (123, 65536)]


def random_mini_batches(X, Y, mini_batch_size, seed):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete_minibatches * mini_batch_size:m],
                             shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]))
    return mini_batches, permutation


def build(rule):
    base, X, Y, params = net.load_case(CASE)
    acts = base["activations"]
    L = len(acts)
    h = RULES[rule]
    m = X.shape[1]
    v = {"d" + k: np.zeros_like(val) for k, val in params.items()}
    s = {"d" + k: np.zeros_like(val) for k, val in params.items()}
    seed = SEED
    t = 0
    costs = []
    permutations = []
    for _ in range(EPOCHS):
        seed = seed + 1
        minibatches, permutation = random_mini_batches(X, Y, BATCH_SIZE, seed)
        permutations.append([int(i) for i in permutation])
        cost_total = 0.0
        for mX, mY in minibatches:
            Zs, As = net.forward(params, mX, acts)
            cost_total += net.cost_from_z(Zs[-1], mY) * mX.shape[1]
            grads = net.backward(params, Zs, As, mY, acts)
            if rule == "gd":
                params = net.update(params, grads, h["learning_rate"], L)
            elif rule == "momentum":
                params, v = opt.update_parameters_with_momentum(params, grads, v, h["beta1"], h["learning_rate"], L)
            else:
                t = t + 1
                params, v, s = opt.update_parameters_with_adam(params, grads, v, s, t, h["learning_rate"],
                                                               h["beta1"], h["beta2"], h["epsilon"], L)
        costs.append(cost_total / m)
    return {
        "layers": base["layers"], "activations": acts, "optimizer": rule,
        "beta1": h["beta1"], "beta2": h["beta2"], "epsilon": h["epsilon"],
        "learning_rate": h["learning_rate"], "seed": SEED, "batch_size": BATCH_SIZE, "epochs": EPOCHS,
        "X": base["X"], "Y": base["Y"], "parameters": base["parameters"],
        "permutations": permutations,
        "costs": [float(c) for c in costs],
        "parameters_after": net.param_json(params, L),
    }


def permutations():
    out = []
    for seed, n in PERMUTATIONS:
        np.random.seed(seed)
        perm = [int(i) for i in np.random.permutation(n)]
        if n <= 1000:
            out.append({"seed": seed, "n": n, "permutation": perm})
        else:
            out.append({"seed": seed, "n": n, "head": perm[:50], "tail": perm[-50:],
                        "weighted_sum": sum((i + 1) * v for i, v in enumerate(perm))})
    return {"permutations": out}


def main():
    for rule in RULES:
        path = os.path.join(net.OUT_DIR, "mini-batch-%s.json" % rule)
        with open(path, "w") as f:
            f.write(net.dumps(build(rule)) + "\n")
        print("wrote", path)
    path = os.path.join(net.OUT_DIR, "numpy-permutation.json")
    with open(path, "w") as f:
        f.write(net.dumps(permutations()) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
