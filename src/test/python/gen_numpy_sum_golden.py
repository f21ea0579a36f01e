"""Golden values for NumpySum: numpy's pairwise np.sum of the course's accuracy terms (p == y) / m.

Writes src/test/resources/golden/numpy-sum.json: a list of cases {"m", "wrong" (indexes of misclassified
samples), "sum" (np.sum((p == y) / m), full precision)}, plus some arrays of random values {"values", "sum"}.
Regenerate from the repository root with:  python3 src/test/python/gen_numpy_sum_golden.py
"""
import json

import numpy as np

OUT = "src/test/resources/golden/numpy-sum.json"


def accuracy_case(m, wrong):
    correct = np.ones(m, dtype=bool)
    correct[list(wrong)] = False
    return {"m": m, "wrong": list(wrong), "sum": float(np.sum(correct / m))}


def main():
    rng = np.random.RandomState(7)
    cases = [accuracy_case(209, []), accuracy_case(209, [3, 100, 200]), accuracy_case(209, [0, 1]),
             accuracy_case(50, list(range(10))), accuracy_case(50, [7, 20, 33, 49]), accuracy_case(400, [])]
    for m in (5, 8, 127, 128, 129, 1000, 4097):
        cases.append(accuracy_case(m, sorted(rng.choice(m, size=m // 7, replace=False).tolist())))
    arrays = []
    for n in (1, 7, 8, 9, 16, 100, 128, 129, 255, 256, 1000, 3001):
        values = rng.randn(n)
        arrays.append({"values": values.tolist(), "sum": float(np.sum(values))})
    with open(OUT, "w") as f:
        json.dump({"numpy": np.__version__, "accuracy": cases, "arrays": arrays}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
