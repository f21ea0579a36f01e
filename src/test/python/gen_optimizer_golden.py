#!/usr/bin/env python3
"""Golden values for momentum and Adam (course 2, "Improving Deep Neural Networks", week 2).

What it writes
--------------
``src/test/resources/golden/optimizer-<rule>-<case>.json`` for rule in momentum, adam and case in logistic,
relu-leaky: the data, layers, activations and initial parameters of the network golden file of the case
(written by gen_network_golden.py, whose forward, cost and backward this imports), with

    "optimizer", "beta1", "beta2", "epsilon", "learning_rate", "iterations"
    "costs"                     N numbers    J before each update
    "parameters_after_n_steps"  dict         parameters after N updates
    "v", "s"                    dicts        the moving averages after N updates (s: Adam only)

computed with the course's ``initialize_velocity`` / ``initialize_adam`` (zeros) and
``update_parameters_with_momentum`` / ``update_parameters_with_adam`` (t counts from 1), ported below.

Regenerate from the repository root: ``python3 src/test/python/gen_optimizer_golden.py``.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_network_golden as net  # noqa: E402

RULES = {
    "momentum": dict(beta1=0.9, beta2=0.999, epsilon=1e-8, learning_rate=0.1),
    "adam": dict(beta1=0.9, beta2=0.999, epsilon=1e-8, learning_rate=0.01),
}
CASES = ("logistic", "relu-leaky")
ITERATIONS = 12


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate, L):
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = p + str(l)
            v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]
            parameters[key] = parameters[key] - learning_rate * v["d" + key]
    return parameters, v


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon, L):
    for l in range(1, L + 1):
        for p in ("W", "b"):
            key = p + str(l)
            v["d" + key] = beta1 * v["d" + key] + (1 - beta1) * grads["d" + key]
            v_corrected = v["d" + key] / (1 - np.power(beta1, t))
            s["d" + key] = beta2 * s["d" + key] + (1 - beta2) * np.power(grads["d" + key], 2)
            s_corrected = s["d" + key] / (1 - np.power(beta2, t))
            parameters[key] = parameters[key] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


def build(rule, case):
    base, X, Y, params = net.load_case(case)
    acts = base["activations"]
    L = len(acts)
    h = RULES[rule]
    v = {"d" + k: np.zeros_like(val) for k, val in params.items()}
    s = {"d" + k: np.zeros_like(val) for k, val in params.items()}
    costs = []
    for t in range(1, ITERATIONS + 1):
        Zs, As = net.forward(params, X, acts)
        costs.append(net.cost_from_z(Zs[-1], Y))
        grads = net.backward(params, Zs, As, Y, acts)
        if rule == "momentum":
            params, v = update_parameters_with_momentum(params, grads, v, h["beta1"], h["learning_rate"], L)
        else:
            params, v, s = update_parameters_with_adam(params, grads, v, s, t, h["learning_rate"], h["beta1"],
                                                       h["beta2"], h["epsilon"], L)
    doc = {
        "layers": base["layers"], "activations": acts, "optimizer": rule,
        "beta1": h["beta1"], "beta2": h["beta2"], "epsilon": h["epsilon"],
        "learning_rate": h["learning_rate"], "iterations": ITERATIONS,
        "X": base["X"], "Y": base["Y"], "parameters": base["parameters"],
        "costs": [float(c) for c in costs],
        "parameters_after_n_steps": net.param_json(params, L),
        "v": net.param_json(v, L, prefix="d"),
    }
    if rule == "adam":
        doc["s"] = net.param_json(s, L, prefix="d")
    return doc


def main():
    for rule in RULES:
        for case in CASES:
            path = os.path.join(net.OUT_DIR, "optimizer-%s-%s.json" % (rule, case))
            with open(path, "w") as f:
                f.write(net.dumps(build(rule, case)) + "\n")
            print("wrote", path)


if __name__ == "__main__":
    main()
