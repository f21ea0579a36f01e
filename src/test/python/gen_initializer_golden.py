#!/usr/bin/env python3
"""Golden values for spark-dnn's weight initialisers (org.sparkdnn.model.Initializer).

What it writes
--------------
``src/test/resources/golden/initializers.json``: one JSON object

    "generator"      this script's path
    "numpy_version", "libc"     where the values were computed
    "cases"          a list of cases, each
        "name"         e.g. "week3-shallow"
        "initializer"  the Initializer label: "course-small", "course-deep", "he" or "xavier"
        "layers"       [n0, n1, ..., nL]
        "seed"         the numpy seed
        "weights"      one entry per layer l = 1..L:
            "layer"            l
            "shape"            [n[l], n[l-1]]
            "first"            the first min(5, size) values of W[l] in ROW-MAJOR order (numpy's ravel order)
            "last"             the last min(5, size) values, in order
            "sum"              math.fsum of all values (correctly rounded sum: a checksum independent of order)
            "sum_of_squares"   math.fsum of v*v over all values
            "cr_log_differs"   [[k, value], ...]: row-major positions k where a correctly rounded log gives
                               another value than this platform's numpy (see below); usually empty

The cases (the course's, then He and Xavier on small nets; layer sizes chosen so that some matrices have an
odd number of elements, which exercises numpy's cached second Gaussian across calls):

    week3-shallow      [2, 4, 1]                course-small  seed 2   (course week 3, planar data)
    week4-two-layer    [12288, 7, 1]            course-small  seed 1   (course week 4, two-layer cat net)
    week4-deep         [12288, 20, 7, 5, 1]     course-deep   seed 1   (course week 4, L-layer cat net)
    he-small           [5, 3, 3, 1]             he            seed 3
    xavier-small       [7, 5, 3, 1]             xavier        seed 5

Formulas (exactly the course's, one stream seeded once, W[l] drawn layer by layer in order; b[l] = 0):

    np.random.seed(seed)
    for l in 1..L:
        course-small:  W[l] = np.random.randn(n[l], n[l-1]) * 0.01
        course-deep:   W[l] = np.random.randn(n[l], n[l-1]) / np.sqrt(n[l-1])
        he:            W[l] = np.random.randn(n[l], n[l-1]) * np.sqrt(2.0 / n[l-1])
        xavier:        W[l] = np.random.randn(n[l], n[l-1]) * np.sqrt(2.0 / (n[l-1] + n[l]))

The correctly rounded log
-------------------------
numpy's legacy Gaussian (polar Box-Muller) takes log(r2) from the C library; glibc 2.28 and later does not
round it correctly (about one call in a thousand is 1 ulp off), so numpy's last bits depend on the platform.
spark-dnn's NumpyRandom uses a correctly rounded log (see gen_numpy_random_golden.py). This script retraces
the Gaussian stream in Python twice, with this platform's math.log (checked to reproduce numpy's draws
exactly) and with a correctly rounded log (50-digit decimal, then one rounding), applies the same formula to
both, and lists in "cr_log_differs" every position where the resulting weights differ, with the value the
correctly rounded log gives. The Java test expects that value there and numpy's value everywhere else.
"first", "last", "sum" and "sum_of_squares" are numpy's own (the differences move the sums by ~1e-18).

Floats are written with Python's json module (repr), so each parses back to the exact float64.

Regenerate
----------
From the repository root:

    python3 src/test/python/gen_initializer_golden.py

It (over)writes src/test/resources/golden/initializers.json (a few seconds: the retrace of about 330 000
Gaussians uses decimal logarithms). The Java test (InitializerTest) reads only the JSON; it never runs Python.
"""

import decimal
import json
import math
import os
import platform

import numpy as np

OUTPUT = os.path.join("src", "test", "resources", "golden", "initializers.json")
EDGE = 5

CASES = [
    dict(name="week3-shallow", initializer="course-small", layers=[2, 4, 1], seed=2),
    dict(name="week4-two-layer", initializer="course-small", layers=[12288, 7, 1], seed=1),
    dict(name="week4-deep", initializer="course-deep", layers=[12288, 20, 7, 5, 1], seed=1),
    dict(name="he-small", initializer="he", layers=[5, 3, 3, 1], seed=3),
    dict(name="xavier-small", initializer="xavier", layers=[7, 5, 3, 1], seed=5),
]

DECIMAL = decimal.Context(prec=50)


def scale(initializer, draws, n_l, n_prev):
    """The course's formula applied to a (n_l, n_prev) array of standard-normal draws."""
    if initializer == "course-small":
        return draws * 0.01
    if initializer == "course-deep":
        return draws / np.sqrt(n_prev)
    if initializer == "he":
        return draws * np.sqrt(2.0 / n_prev)
    if initializer == "xavier":
        return draws * np.sqrt(2.0 / (n_prev + n_l))
    raise ValueError("unknown initializer " + initializer)


def numpy_weights(case):
    """Exactly as the course: seed once, then randn per layer, in order."""
    layers = case["layers"]
    np.random.seed(case["seed"])
    return [scale(case["initializer"], np.random.randn(layers[l], layers[l - 1]), layers[l], layers[l - 1])
            for l in range(1, len(layers))]


def correctly_rounded_log(x):
    return float(DECIMAL.ln(decimal.Decimal(x)))


class LegacyGauss:
    """numpy's legacy_gauss (polar Box-Muller, caching the second value), with the log as a parameter."""

    def __init__(self, seed, log):
        self.uniform = np.random.RandomState(seed)
        self.log = log
        self.cached = None

    def gauss(self):
        if self.cached is not None:
            value, self.cached = self.cached, None
            return value
        while True:
            x1 = 2.0 * self.uniform.random_sample() - 1.0
            x2 = 2.0 * self.uniform.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if not (r2 >= 1.0 or r2 == 0.0):
                break
        f = math.sqrt(-2.0 * self.log(r2) / r2)
        self.cached = f * x1
        return f * x2

    def randn(self, rows, cols):
        return np.array([self.gauss() for _ in range(rows * cols)], dtype=np.float64).reshape(rows, cols)


def retraced_weights(case, log):
    layers = case["layers"]
    stream = LegacyGauss(case["seed"], log)
    return [scale(case["initializer"], stream.randn(layers[l], layers[l - 1]), layers[l], layers[l - 1])
            for l in range(1, len(layers))]


def build_case(case):
    weights = numpy_weights(case)
    platform_log = retraced_weights(case, math.log)
    exact_log = retraced_weights(case, correctly_rounded_log)
    entries = []
    for l, (W, W_libm, W_cr) in enumerate(zip(weights, platform_log, exact_log), start=1):
        if not np.array_equal(W, W_libm):
            raise AssertionError("%s: the retrace with math.log does not reproduce numpy's W%d"
                                 % (case["name"], l))
        flat = [float(v) for v in W.ravel()]
        cr = [float(v) for v in W_cr.ravel()]
        k = min(EDGE, len(flat))
        entries.append({
            "layer": l,
            "shape": [int(W.shape[0]), int(W.shape[1])],
            "first": flat[:k],
            "last": flat[len(flat) - k:],
            "sum": math.fsum(flat),
            "sum_of_squares": math.fsum(v * v for v in flat),
            "cr_log_differs": [[i, c] for i, (u, c) in enumerate(zip(flat, cr)) if u != c],
        })
    return {"name": case["name"], "initializer": case["initializer"], "layers": list(case["layers"]),
            "seed": case["seed"], "weights": entries}


def main():
    if not os.path.isdir(os.path.join("src", "test")):
        raise SystemExit("run from the repository root: python3 src/test/python/gen_initializer_golden.py")
    golden = {
        "generator": "src/test/python/gen_initializer_golden.py",
        "numpy_version": np.__version__,
        "libc": " ".join(platform.libc_ver()),
        "cases": [build_case(c) for c in CASES],
    }
    text = json.dumps(golden, indent=1, allow_nan=False) + "\n"
    if json.loads(text) != golden:
        raise AssertionError("JSON does not round-trip")
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    for c in golden["cases"]:
        print("%-16s %s" % (c["name"], ", ".join("W%d %dx%d (%d cr-log differences)"
                                                 % (w["layer"], w["shape"][0], w["shape"][1],
                                                    len(w["cr_log_differs"])) for w in c["weights"])))
    print("wrote %s (%d bytes)" % (OUTPUT, len(text.encode("utf-8"))))


if __name__ == "__main__":
    main()
