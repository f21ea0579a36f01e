#!/usr/bin/env python3
"""Golden values for ``train --validation-fraction F``: the samples held out of m training samples.

What it writes
--------------
``src/test/resources/golden/validation-split.json``: ``{"splits": [{"fraction", "m", "seed", "size",
"held_out"}, ...]}`` where ``size`` is ``ceil(F * m)`` computed in float64, as scikit-learn's ``train_test_split``
computes its test size, and ``held_out`` the sorted global indices of the first ``size`` positions of
``np.random.seed(seed); np.random.permutation(m)``.

Regenerate from the repository root: ``python3 src/test/python/gen_validation_split_golden.py``.
"""

import json
import math
import os

import numpy as np

CASES = [
    (0.2, 400, 1),
    (0.07, 100, 7),  # 0.07 * 100 is 7.000000000000001 in float64: 8 held out, as scikit-learn holds out
    (0.5, 2, 3),
    (0.25, 1000, 4294967295),
    (0.9, 11, 0),
]


def main():
    splits = []
    for fraction, m, seed in CASES:
        size = math.ceil(fraction * m)
        np.random.seed(seed)
        permutation = np.random.permutation(m)
        splits.append(dict(fraction=fraction, m=m, seed=seed, size=size,
                           held_out=sorted(int(i) for i in permutation[:size])))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden",
                       "validation-split.json")
    with open(out, "w") as f:
        json.dump(dict(splits=splits), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
