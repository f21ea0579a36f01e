#!/usr/bin/env python3
"""Golden values for L2 regularization (course 2, "Improving Deep Neural Networks", week 1).

What it writes
--------------
``src/test/resources/golden/l2-relu-leaky.json`` and ``l2-logistic.json``: the data, layers, activations and
initial parameters of the network golden files of the same names (written by gen_network_golden.py, whose
functions this imports), with

    "lambda"                    number       the regularization strength
    "learning_rate"             number
    "iterations"                integer N
    "cost"                      number       J_reg at the initial parameters
    "gradients"                 dict         mean gradients of J_reg (dW[l], db[l]) at the initial parameters
    "costs"                     N numbers    J_reg before each update, as gradient descent prints it
    "parameters_after_n_steps"  dict         parameters after N updates

with the course's ``compute_cost_with_regularization`` and ``backward_propagation_with_regularization``:

    J_reg   = J + (1/m) (lambda/2) sum_l ||W[l]||_F^2          biases not regularized
    dW[l]  += (lambda/m) W[l]                                  db[l] unchanged

Self-check: the analytic gradients against fourth-order central differences of J_reg (as the network
generator checks J), relative error < 1e-7, or nothing is written.

Regenerate from the repository root: ``python3 src/test/python/gen_l2_golden.py``.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_network_golden as net  # noqa: E402

CASES = {"relu-leaky": 0.7, "logistic": 0.3}


def cost_l2(params, X, Y, activations, lam):
    L = len(activations)
    m = Y.shape[1]
    penalty = sum(np.sum(np.square(params["W%d" % l])) for l in range(1, L + 1))
    return net.cost(params, X, Y, activations) + (1.0 / m) * (lam / 2.0) * penalty


def gradients_l2(params, X, Y, activations, lam):
    L = len(activations)
    m = Y.shape[1]
    Zs, As = net.forward(params, X, activations)
    grads = net.backward(params, Zs, As, Y, activations)
    for l in range(1, L + 1):
        grads["dW%d" % l] = grads["dW%d" % l] + (lam / m) * params["W%d" % l]
    return grads


def check(name, params, X, Y, activations, lam, grads):
    h = net.GRAD_CHECK_H
    for key in params:
        for idx in np.ndindex(params[key].shape):
            J = {}
            for step in (-2, -1, 1, 2):
                q = {k: v.copy() for k, v in params.items()}
                q[key][idx] += step * h
                J[step] = cost_l2(q, X, Y, activations, lam)
            numeric = (-J[2] + 8.0 * J[1] - 8.0 * J[-1] + J[-2]) / (12.0 * h)
            a = grads["d" + key][idx]
            rel = abs(a - numeric) / max(abs(a) + abs(numeric), net.GRAD_CHECK_FLOOR)
            if not rel < net.GRAD_CHECK_TOL:
                raise AssertionError("L2 gradient check failed for %s, d%s%s: analytic %r, numeric %r"
                                     % (name, key, list(idx), float(a), numeric))


def build(case, lam):
    """The case's data and initial parameters from its network golden file, with the L2 values."""
    base, X, Y, params = net.load_case(case["name"])
    acts = base["activations"]
    L = len(acts)
    grads = gradients_l2(params, X, Y, acts, lam)
    check(case["name"], params, X, Y, acts, lam, grads)
    costs, p = [], params
    for _ in range(base["iterations"]):
        costs.append(cost_l2(p, X, Y, acts, lam))
        p = net.update(p, gradients_l2(p, X, Y, acts, lam), base["learning_rate"], L)
    return {
        "layers": base["layers"], "activations": acts, "lambda": lam,
        "learning_rate": base["learning_rate"], "iterations": base["iterations"],
        "X": base["X"], "Y": base["Y"], "parameters": base["parameters"],
        "cost": cost_l2(params, X, Y, acts, lam),
        "gradients": net.param_json(grads, L, prefix="d"),
        "costs": [float(c) for c in costs],
        "parameters_after_n_steps": net.param_json(p, L),
    }


def main():
    for case in net.CASES:
        if case["name"] in CASES:
            out = build(case, CASES[case["name"]])
            path = os.path.join(net.OUT_DIR, "l2-%s.json" % case["name"])
            with open(path, "w") as f:
                f.write(net.dumps(out) + "\n")
            print("wrote", path)


if __name__ == "__main__":
    main()
