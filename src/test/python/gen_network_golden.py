#!/usr/bin/env python3
"""Golden values for the spark-dnn network math (forward, cost, backward, gradient descent).

What it writes
--------------
One JSON file per case into ``src/test/resources/golden/``:

    network-logistic.json      layers [4, 1]           activations ["sigmoid"]                     m = 8
    network-shallow-tanh.json  layers [3, 5, 1]        activations ["tanh", "sigmoid"]             m = 10
    network-relu-leaky.json    layers [4, 6, 3, 1]     activations ["relu", "leaky_relu", "sigmoid"]  m = 12
    network-deep-mixed.json    layers [5, 4, 4, 3, 1]  activations ["sigmoid", "tanh", "relu", "sigmoid"]  m = 9
    network-m1.json            layers [3, 2, 1]        activations ["relu", "sigmoid"]             m = 1

Each file is one JSON object with these keys (in this order); every matrix is a list of ROWS, so a
matrix of shape (r, c) is a list of r lists of c numbers each:

    "layers"                    [n0, n1, ..., nL]           layer sizes, n0 = features, nL = 1
    "activations"               ["...", ...]                L names, g[1]..g[L]; the last is "sigmoid"
    "learning_rate"             number                      alpha
    "iterations"                integer N                   number of gradient-descent steps
    "X"                         n0 rows of m numbers        inputs, one sample per column
    "Y"                         m numbers (0.0 or 1.0)      labels, the single row of Y
    "parameters"                {"W1": n1 x n0, "b1": n1 x 1, ..., "WL": ..., "bL": 1 x 1}
                                                            initial parameters (b as a column: n[l] rows of 1)
    "cost"                      number                      J at the initial parameters
    "gradients"                 {"dW1": n1 x n0, "db1": n1 x 1, ...}
                                                            MEAN gradients (divided by m) at the initial parameters
    "parameters_after_one_step" same shape as "parameters"  parameters - learning_rate * gradients
    "costs"                     N numbers                   costs[i] = J computed with the parameters after
                                                            i updates, before update i+1 (i = 0..N-1);
                                                            so costs[0] == cost
    "parameters_after_n_steps"  same shape as "parameters"  parameters after N updates
    "AL"                        m numbers                   A[L] at the initial parameters (probabilities)

Numbers are written with Python's ``json`` module (``repr`` of a float64), so each one parses back to
exactly the float64 that was computed (``Double.parseDouble`` in Java gives the same bits).

Math conventions (course notation, one sample per column, float64 throughout)
-----------------------------------------------------------------------------
    A[0] = X                                  (n0, m)
    Z[l] = W[l] . A[l-1] + b[l]               W[l]: (n[l], n[l-1]), b[l]: (n[l], 1) broadcast over columns
    A[l] = g[l](Z[l])
    sigmoid(z)    = 1 / (1 + exp(-z))         g' = s (1 - s)
    tanh(z)       = np.tanh(z)                g' = 1 - tanh(z)^2
    relu(z)       = max(0, z)                 g' = 1 if z > 0 else 0
    leaky_relu(z) = max(0.01 z, z)            g' = 1 if z > 0 else 0.01
    The output layer L is always one sigmoid unit.

    Cost (stable, from Z[L], never from log(A[L])):
        J = (1/m) sum_i [ y_i * softplus(-z_i) + (1 - y_i) * softplus(z_i) ]
        softplus(x) = max(x, 0) + log1p(exp(-|x|))
    which equals -(1/m) sum_i [ y log a + (1 - y) log(1 - a) ] with a = sigmoid(z).

    Backward:
        dZ[L]   = A[L] - Y
        dW[l]   = (1/m) dZ[l] . A[l-1]^T
        db[l]   = (1/m) sum over columns of dZ[l]          (shape (n[l], 1))
        dA[l-1] = W[l]^T . dZ[l]
        dZ[l-1] = dA[l-1] * g'[l-1](Z[l-1])               (element-wise)
    Update:  W[l] := W[l] - learning_rate * dW[l],  b[l] := b[l] - learning_rate * db[l]

Data and parameters
-------------------
Deterministic: each case has its own ``np.random.RandomState(seed)`` for the data (X ~ standard normal,
Y from uniform draws thresholded at 0.5, re-drawn until both classes occur when m > 1) and another for
the parameters (W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), b[l] = 0.1 * randn(n[l], 1); never zero).
Parameters are re-drawn (continuing the same stream) while any relu / leaky_relu pre-activation is
within 1e-6 of 0 in ANY of the N+1 forward passes along the trajectory (initial parameters, and after
each of the N updates), so that the value of the derivative at exactly 0 never matters and a rounding
difference in another implementation cannot flip a derivative; and also while any is within 1e-2 of 0
at the initial parameters, so that the gradient check's perturbations never cross a kink.

Self-check
----------
Before writing anything the script compares the analytic mean gradients at the initial parameters
with fourth-order central differences of J in float64,
(-J(p+2h) + 8 J(p+h) - 8 J(p-h) + J(p-2h)) / (12 h) with h = 1e-3 (the two-point formula's
truncation plus rounding error, ~1e-11 absolute, is too coarse for gradients of size 1e-5), for every
entry of every W[l] and b[l]; the relative error |a - n| / max(|a| + |n|, 1e-8) must be < 1e-7, or the
script raises and writes nothing. It asserts that no perturbation flips the sign of a relu / leaky_relu
pre-activation. It also checks the stable cost against the naive log formula.

Regenerate
----------
From the repository root:

    python3 src/test/python/gen_network_golden.py

It (over)writes src/test/resources/golden/network-*.json. Output depends only on numpy's legacy
RandomState stream (frozen) and IEEE float64 arithmetic; the last bits may in principle differ with
another numpy/BLAS build, so re-run and diff before trusting regenerated files blindly.
"""

import json
import os
import sys

import numpy as np

OUT_DIR = os.path.join("src", "test", "resources", "golden")
KINK_MARGIN = 1e-6
GRAD_CHECK_KINK_MARGIN = 1e-2
GRAD_CHECK_H = 1e-3
GRAD_CHECK_TOL = 1e-7
GRAD_CHECK_FLOOR = 1e-8

CASES = [
    # name, layers, activations, m, data seed, parameter seed, learning rate, iterations
    dict(name="logistic", layers=[4, 1], activations=["sigmoid"],
         m=8, data_seed=101, param_seed=201, learning_rate=0.1, iterations=30),
    dict(name="shallow-tanh", layers=[3, 5, 1], activations=["tanh", "sigmoid"],
         m=10, data_seed=102, param_seed=202, learning_rate=0.1, iterations=30),
    dict(name="relu-leaky", layers=[4, 6, 3, 1], activations=["relu", "leaky_relu", "sigmoid"],
         m=12, data_seed=103, param_seed=203, learning_rate=0.1, iterations=30),
    dict(name="deep-mixed", layers=[5, 4, 4, 3, 1], activations=["sigmoid", "tanh", "relu", "sigmoid"],
         m=9, data_seed=104, param_seed=204, learning_rate=0.1, iterations=30),
    dict(name="m1", layers=[3, 2, 1], activations=["relu", "sigmoid"],
         m=1, data_seed=105, param_seed=205, learning_rate=0.1, iterations=30),
]


# ---------------------------------------------------------------- activations

def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def g(name, z):
    if name == "sigmoid":
        return sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(0.0, z)
    if name == "leaky_relu":
        return np.maximum(0.01 * z, z)
    raise ValueError("unknown activation " + name)


def g_prime(name, z):
    if name == "sigmoid":
        s = sigmoid(z)
        return s * (1.0 - s)
    if name == "tanh":
        t = np.tanh(z)
        return 1.0 - t * t
    if name == "relu":
        return np.where(z > 0, 1.0, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, 1.0, 0.01)
    raise ValueError("unknown activation " + name)


def softplus(x):
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


# ---------------------------------------------------------------- network

def forward(params, X, activations):
    """Returns (Zs, As) with As[0] = X, Zs[l], As[l] for l = 1..L (Zs[0] is None)."""
    L = len(activations)
    Zs, As = [None], [X]
    for l in range(1, L + 1):
        Z = params["W%d" % l] @ As[l - 1] + params["b%d" % l]
        Zs.append(Z)
        As.append(g(activations[l - 1], Z))
    return Zs, As


def cost_from_z(ZL, Y):
    """J = (1/m) sum [y softplus(-z) + (1 - y) softplus(z)]; ZL, Y: (1, m)."""
    m = Y.shape[1]
    return float(np.sum(Y * softplus(-ZL) + (1.0 - Y) * softplus(ZL)) / m)


def cost(params, X, Y, activations):
    Zs, _ = forward(params, X, activations)
    return cost_from_z(Zs[-1], Y)


def backward(params, Zs, As, Y, activations):
    """Mean gradients {dW1, db1, ...}."""
    L = len(activations)
    m = Y.shape[1]
    grads = {}
    dZ = As[L] - Y
    for l in range(L, 0, -1):
        grads["dW%d" % l] = (dZ @ As[l - 1].T) / m
        grads["db%d" % l] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dA_prev = params["W%d" % l].T @ dZ
            dZ = dA_prev * g_prime(activations[l - 2], Zs[l - 1])
    return grads


def update(params, grads, lr, L):
    new = {}
    for l in range(1, L + 1):
        new["W%d" % l] = params["W%d" % l] - lr * grads["dW%d" % l]
        new["b%d" % l] = params["b%d" % l] - lr * grads["db%d" % l]
    return new


def train(params, X, Y, activations, lr, iterations):
    """Returns (costs, trajectory) where trajectory[i] = parameters after i updates, i = 0..N."""
    L = len(activations)
    costs, trajectory = [], [params]
    p = params
    for _ in range(iterations):
        Zs, As = forward(p, X, activations)
        costs.append(cost_from_z(Zs[-1], Y))
        p = update(p, backward(p, Zs, As, Y, activations), lr, L)
        trajectory.append(p)
    return costs, trajectory


def near_kink(params, X, activations, margin):
    Zs, _ = forward(params, X, activations)
    for l, name in enumerate(activations, start=1):
        if name in ("relu", "leaky_relu") and np.any(np.abs(Zs[l]) < margin):
            return True
    return False


def kink_signs(params, X, activations):
    Zs, _ = forward(params, X, activations)
    return [Zs[l] > 0 for l, name in enumerate(activations, start=1) if name in ("relu", "leaky_relu")]


# ---------------------------------------------------------------- data, parameters

def make_data(rs, n0, m):
    X = rs.randn(n0, m)
    while True:
        Y = (rs.rand(1, m) < 0.5).astype(np.float64)
        if m == 1 or 0.0 < Y.sum() < m:
            return X, Y


def make_params(rs, layers):
    params = {}
    for l in range(1, len(layers)):
        params["W%d" % l] = rs.randn(layers[l], layers[l - 1]) / np.sqrt(layers[l - 1])
        params["b%d" % l] = 0.1 * rs.randn(layers[l], 1)
    return params


# ---------------------------------------------------------------- self-check

def gradient_check(name, params, X, Y, activations, grads):
    """Fourth-order central differences:
    dJ/dp ~ (-J(p+2h) + 8 J(p+h) - 8 J(p-h) + J(p-2h)) / (12 h), truncation error O(h^4)."""
    h = GRAD_CHECK_H
    base_signs = kink_signs(params, X, activations)
    worst = 0.0
    for key in params:
        P = params[key]
        analytic = grads["d" + key]
        for idx in np.ndindex(P.shape):
            J = {}
            for step in (-2, -1, 1, 2):
                q = {k: v.copy() for k, v in params.items()}
                q[key][idx] += step * h
                if any(np.any(s0 != s1) for s0, s1 in zip(base_signs, kink_signs(q, X, activations))):
                    raise AssertionError("case %s: perturbing %s%s by %g crosses a relu kink; "
                                         "raise GRAD_CHECK_KINK_MARGIN" % (name, key, list(idx), step * h))
                J[step] = cost(q, X, Y, activations)
            numeric = (-J[2] + 8.0 * J[1] - 8.0 * J[-1] + J[-2]) / (12.0 * h)
            a = analytic[idx]
            rel = abs(a - numeric) / max(abs(a) + abs(numeric), GRAD_CHECK_FLOOR)
            worst = max(worst, rel)
            if not rel < GRAD_CHECK_TOL:
                raise AssertionError("gradient check failed for case %s, d%s%s: analytic %r, numeric %r, "
                                     "relative error %.3e >= %.0e"
                                     % (name, key, list(idx), float(a), numeric, rel, GRAD_CHECK_TOL))
    return worst


def check_cost(name, params, X, Y, activations, J):
    _, As = forward(params, X, activations)
    a = As[-1]
    naive = float(-np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a)) / Y.shape[1])
    if not abs(naive - J) <= 1e-12 * max(1.0, abs(J)):
        raise AssertionError("case %s: stable cost %r differs from naive cost %r" % (name, J, naive))


# ---------------------------------------------------------------- output

def rows(a):
    return [[float(v) for v in r] for r in np.asarray(a)]


def flat(a):
    return [float(v) for v in np.asarray(a).ravel()]


def param_json(p, L, prefix=""):
    out = {}
    for l in range(1, L + 1):
        out["%sW%d" % (prefix, l)] = rows(p["%sW%d" % (prefix, l)])
        out["%sb%d" % (prefix, l)] = rows(p["%sb%d" % (prefix, l)])
    return out


def dumps(obj, indent=0):
    """JSON with one matrix row per line; scalars via json.dumps (float repr round-trips exactly)."""
    pad = "  " * indent
    if isinstance(obj, dict):
        items = ["%s  %s: %s" % (pad, json.dumps(k), dumps(v, indent + 1)) for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list) and obj and isinstance(obj[0], list):
        inner = ["%s  %s" % (pad, json.dumps(r, allow_nan=False)) for r in obj]
        return "[\n" + ",\n".join(inner) + "\n" + pad + "]"
    return json.dumps(obj, allow_nan=False)


def build_case(c):
    layers, acts, m = c["layers"], c["activations"], c["m"]
    L = len(acts)
    assert len(layers) == L + 1 and layers[-1] == 1 and acts[-1] == "sigmoid"
    X, Y = make_data(np.random.RandomState(c["data_seed"]), layers[0], m)

    rs = np.random.RandomState(c["param_seed"])
    for attempt in range(1000):
        params = make_params(rs, layers)
        costs, trajectory = train(params, X, Y, acts, c["learning_rate"], c["iterations"])
        if (not near_kink(params, X, acts, GRAD_CHECK_KINK_MARGIN)
                and not any(near_kink(p, X, acts, KINK_MARGIN) for p in trajectory)):
            break
    else:
        raise RuntimeError("case %s: could not draw parameters away from the relu kink" % c["name"])

    Zs, As = forward(params, X, acts)
    J = cost_from_z(Zs[-1], Y)
    grads = backward(params, Zs, As, Y, acts)
    check_cost(c["name"], params, X, Y, acts, J)
    worst = gradient_check(c["name"], params, X, Y, acts, grads)
    assert costs[0] == J
    after_one = update(params, grads, c["learning_rate"], L)
    for k in after_one:
        assert np.array_equal(after_one[k], trajectory[1][k])

    doc = {
        "layers": list(layers),
        "activations": list(acts),
        "learning_rate": c["learning_rate"],
        "iterations": c["iterations"],
        "X": rows(X),
        "Y": flat(Y),
        "parameters": param_json(params, L),
        "cost": J,
        "gradients": param_json(grads, L, prefix="d"),
        "parameters_after_one_step": param_json(after_one, L),
        "costs": [float(v) for v in costs],
        "parameters_after_n_steps": param_json(trajectory[-1], L),
        "AL": flat(As[-1]),
    }
    text = dumps(doc) + "\n"
    if json.loads(text) != doc:
        raise AssertionError("case %s: JSON does not round-trip" % c["name"])
    info = "%-13s m=%-2d draws=%d cost %.6f -> %.6f  max grad-check rel err %.2e" % (
        c["name"], m, attempt + 1, costs[0], costs[-1], worst)
    return text, info


def load_case(name):
    """A written case, for the generators built on it: (the JSON document, X, Y (1, m), the initial parameters)."""
    with open(os.path.join(OUT_DIR, "network-%s.json" % name)) as f:
        doc = json.load(f)
    params = {k: np.array(v) for k, v in doc["parameters"].items()}
    return doc, np.array(doc["X"]), np.array([doc["Y"]]), params


def main():
    if not os.path.isdir(os.path.join("src", "test")):
        sys.exit("run from the repository root: python3 src/test/python/gen_network_golden.py")
    # Build and check every case first, then write: a failed check writes nothing.
    outputs = []
    for c in CASES:
        text, info = build_case(c)
        outputs.append((os.path.join(OUT_DIR, "network-%s.json" % c["name"]), text))
        print(info)
    os.makedirs(OUT_DIR, exist_ok=True)
    for path, text in outputs:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote %s (%d bytes)" % (path, len(text.encode("utf-8"))))


if __name__ == "__main__":
    main()
