#!/usr/bin/env python3
"""Golden values for ``train --scale standardize`` (scikit-learn's ``StandardScaler``, population std).

What it writes
--------------
``src/test/resources/golden/standardize.json``:

    "rows"   m lists        the CSV rows: label first, then the n features, each a Python float repr
                            (the shortest text that reads back as the same double)
    "mean"   n numbers      np.mean(X, axis=0)
    "std"    n numbers      np.std(X, axis=0)  (ddof=0, the population standard deviation)
    "constant" integers     the 0-based indexes of the features whose std is 0

The data is tabular in the way issue 14's breast-cancer set is: features in units 5 orders of magnitude apart,
one with a large offset and a small spread (a naive sum of squares cancels), one negative, one constant, one of
small integers; m = 37 is prime, so 2 and 5 partitions cut it unevenly.

Self-check: numpy's two-pass float64 statistics against exact rational arithmetic (``fractions.Fraction``),
relative error < 1e-12 (the tests' tolerance; numpy's std of the offset feature is off by ~1e-14), or nothing is
written.

Regenerate from the repository root: ``python3 src/test/python/gen_standardize_golden.py``.
"""

import json
import math
import os
from fractions import Fraction

import numpy as np

OUT = os.path.join("src", "test", "resources", "golden", "standardize.json")
M = 37


def data():
    rng = np.random.RandomState(14)
    X = np.empty((M, 6))
    X[:, 0] = 0.05 + 0.01 * rng.randn(M)            # a ratio, range ~0.05
    X[:, 1] = 4000.0 * rng.rand(M)                  # an area, range ~4000
    X[:, 2] = 1.0e6 + 1.0e-3 * rng.randn(M)         # large offset, tiny spread
    X[:, 3] = -7.25                                 # constant
    X[:, 4] = rng.randint(0, 5, M).astype(float)    # small integers
    X[:, 5] = -300.0 + 20.0 * rng.randn(M)          # negative
    y = (X[:, 1] / 4000.0 + 0.2 * rng.randn(M) > 0.5).astype(float)
    return X, y


def exact(column):
    values = [Fraction(float(v)) for v in column]
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return float(mean), math.sqrt(float(variance))


def main():
    X, y = data()
    mean = np.mean(X, axis=0)
    std = np.std(X, axis=0)
    for i in range(X.shape[1]):
        m, s = exact(X[:, i])
        assert abs(mean[i] - m) <= 1e-12 * max(1.0, abs(m)), (i, mean[i], m)
        assert abs(std[i] - s) <= 1e-12 * max(1e-300, s) or s == std[i] == 0.0, (i, std[i], s)
    rows = [[repr(float(y[j]))] + [repr(float(v)) for v in X[j]] for j in range(M)]
    golden = {
        "rows": rows,
        "mean": [float(v) for v in mean],
        "std": [float(v) for v in std],
        "constant": [int(i) for i in np.flatnonzero(std == 0.0)],
    }
    with open(OUT, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
