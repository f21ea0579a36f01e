#!/usr/bin/env python3
"""Golden values for class weights (``train --class-weight``, issue 14).

What it writes
--------------
``src/test/resources/golden/class-weight-relu-leaky.json`` and ``class-weight-logistic.json``: the data, layers,
activations and initial parameters of the network golden files of the same names (written by
gen_network_golden.py, whose functions this imports), with

    "class_weight"              text         the option's value: "balanced" or "W0,W1"
    "weights"                   [w0, w1]     the weights it comes to
    "lambda"                    number       L2 regularization strength (0: none)
    "learning_rate"             number
    "cost"                      number       J_w at the initial parameters
    "gradients"                 dict         mean gradients of J_w (dW[l], db[l]) at the initial parameters
    "parameters_after_one_step" dict         parameters after one gradient-descent step
    "batch_size", "seed"        integers     one epoch of mini-batches (the course's random_mini_batches,
                                             np.random.seed(seed + 1)), each batch divided by its own sum of weights
    "epoch_cost"                number       the epoch's weighted cost sums over the epoch's sum of weights
    "parameters_after_epoch"    dict         parameters after that epoch's updates

with each sample's loss weighted by its class's weight (scikit-learn's ``class_weight``):

    w_i     = w0 if y_i == 0 else w1,      Sw = sum_i w_i
    J_w     = -(1/Sw) sum_i w_i [y log a + (1 - y) log(1 - a)]  +  (1/Sw) (lambda/2) sum_l ||W[l]||_F^2
    dZ[L]   = w * (A[L] - Y)
    dW[l]   = (1/Sw) dZ[l] . A[l-1]^T  +  (lambda/Sw) W[l],   db[l] = (1/Sw) sum over columns of dZ[l]
    balanced: w_c = m / (2 m_c)       as sklearn.utils.class_weight.compute_class_weight('balanced')

Self-check: the analytic gradients against fourth-order central differences of J_w (as the network generator
checks J), relative error < 1e-7, or nothing is written.

Regenerate from the repository root: ``python3 src/test/python/gen_class_weight_golden.py``.
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_mini_batch_golden as mini  # noqa: E402
import gen_network_golden as net  # noqa: E402

# case name: (class_weight text, lambda)
CASES = {"relu-leaky": ("balanced", 0.0), "logistic": ("0.4,2.5", 0.3)}
BATCH_SIZE = 5
SEED = 7


def resolve(text, Y):
    """[w0, w1] from the option's text; balanced as scikit-learn computes it."""
    if text == "balanced":
        y = Y.astype(np.int64).ravel()
        return list(len(y) / (2 * np.bincount(y, minlength=2).astype(np.float64)))
    return [float(v) for v in text.split(",")]


def sample_weights(weights, Y):
    return np.where(Y == 1.0, weights[1], weights[0])


def cost_w(params, X, Y, activations, weights, lam):
    L = len(activations)
    w = sample_weights(weights, Y)
    Zs, _ = net.forward(params, X, activations)
    ZL = Zs[-1]
    losses = Y * net.softplus(-ZL) + (1.0 - Y) * net.softplus(ZL)
    penalty = sum(np.sum(np.square(params["W%d" % l])) for l in range(1, L + 1))
    return float((np.sum(w * losses) + (lam / 2.0) * penalty) / np.sum(w))


def gradients_w(params, X, Y, activations, weights, lam):
    L = len(activations)
    w = sample_weights(weights, Y)
    total = np.sum(w)
    Zs, As = net.forward(params, X, activations)
    grads = {}
    dZ = w * (As[L] - Y)
    for l in range(L, 0, -1):
        grads["dW%d" % l] = (dZ @ As[l - 1].T + lam * params["W%d" % l]) / total
        grads["db%d" % l] = np.sum(dZ, axis=1, keepdims=True) / total
        if l > 1:
            dA_prev = params["W%d" % l].T @ dZ
            dZ = dA_prev * net.g_prime(activations[l - 2], Zs[l - 1])
    return grads


def check(name, params, X, Y, activations, weights, lam, grads):
    h = net.GRAD_CHECK_H
    for key in params:
        for idx in np.ndindex(params[key].shape):
            J = {}
            for step in (-2, -1, 1, 2):
                q = {k: v.copy() for k, v in params.items()}
                q[key][idx] += step * h
                J[step] = cost_w(q, X, Y, activations, weights, lam)
            numeric = (-J[2] + 8.0 * J[1] - 8.0 * J[-1] + J[-2]) / (12.0 * h)
            a = grads["d" + key][idx]
            rel = abs(a - numeric) / max(abs(a) + abs(numeric), net.GRAD_CHECK_FLOOR)
            if not rel < net.GRAD_CHECK_TOL:
                raise AssertionError("class-weight gradient check failed for %s, d%s%s: analytic %r, numeric %r"
                                     % (name, key, list(idx), float(a), numeric))


def epoch(params, X, Y, activations, weights, lam, lr):
    """One epoch of the course's mini-batches, each batch's mean over its own sum of weights."""
    L = len(activations)
    batches, _ = mini.random_mini_batches(X, Y, BATCH_SIZE, SEED + 1)
    cost_total, weight_total = 0.0, 0.0
    for mX, mY in batches:
        batch_weight = float(np.sum(sample_weights(weights, mY)))
        cost_total += cost_w(params, mX, mY, activations, weights, lam) * batch_weight
        weight_total += batch_weight
        params = net.update(params, gradients_w(params, mX, mY, activations, weights, lam), lr, L)
    return cost_total / weight_total, params


def build(name, text, lam):
    with open(os.path.join(net.OUT_DIR, "network-%s.json" % name)) as f:
        base = json.load(f)
    acts = base["activations"]
    L = len(acts)
    X = np.array(base["X"])
    Y = np.array([base["Y"]])
    params = {k: np.array(v) for k, v in base["parameters"].items()}
    weights = resolve(text, Y)
    grads = gradients_w(params, X, Y, acts, weights, lam)
    check(name, params, X, Y, acts, weights, lam, grads)
    lr = base["learning_rate"]
    epoch_cost, after_epoch = epoch(params, X, Y, acts, weights, lam, lr)
    return {
        "layers": base["layers"], "activations": acts, "class_weight": text,
        "weights": [float(v) for v in weights], "lambda": lam, "learning_rate": lr,
        "X": base["X"], "Y": base["Y"], "parameters": base["parameters"],
        "cost": cost_w(params, X, Y, acts, weights, lam),
        "gradients": net.param_json(grads, L, prefix="d"),
        "parameters_after_one_step": net.param_json(net.update(params, grads, lr, L), L),
        "batch_size": BATCH_SIZE, "seed": SEED,
        "epoch_cost": epoch_cost,
        "parameters_after_epoch": net.param_json(after_epoch, L),
    }


def main():
    for name, (text, lam) in CASES.items():
        out = build(name, text, lam)
        path = os.path.join(net.OUT_DIR, "class-weight-%s.json" % name)
        with open(path, "w") as f:
            f.write(net.dumps(out) + "\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
