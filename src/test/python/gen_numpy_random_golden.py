"""Write the golden values of numpy's legacy random stream for NumpyRandomTest.

Writes src/test/resources/golden/numpy-random.json. For each seed in SEEDS, after np.random.seed(seed):
  - "randn": np.random.randn(2000);
  - "random_sample": after reseeding, np.random.random_sample(50);
  - "mixed": after reseeding, the calls of MIXED_CALLS in order (randn(3), random_sample(2), randn(5),
    ...); randn(3) leaves a cached Gaussian that random_sample does not touch and the next randn
    returns first, so this pins the cache behaviour.
Each randn list is {"numpy": numpy's values, "cr_log_differs": [[index, value], ...]}. numpy's
legacy_gauss takes log(r2) from the C library; glibc 2.28 and later does not round it correctly
(about one call in a thousand is 1 ulp off). The script retraces legacy_gauss in Python with this
platform's math.log (checking that it gives numpy's values exactly) and with a correctly rounded log
(50-digit decimal, then one rounding); "cr_log_differs" lists where the two differ, with the value the
correctly rounded log gives, which NumpyRandom must produce. It is empty on a C library whose log is
correctly rounded.
"log" holds [x, correctly rounded log(x)] pairs for NumpyRandom.log.
Floats are written with Python's json module, whose repr round-trips exactly.

Regenerate from the repository root with:

    python3 src/test/python/gen_numpy_random_golden.py

The Java tests read only the JSON; they never run Python.
"""

import decimal
import json
import math
import os
import platform

import numpy as np

SEEDS = [0, 1, 2, 3, 42, 4294967295]
RANDN_COUNT = 2000
RANDOM_SAMPLE_COUNT = 50
MIXED_CALLS = [("randn", 3), ("random_sample", 2), ("randn", 5), ("random_sample", 1), ("randn", 1)]
LOG_RANDOM_COUNT = 500

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "resources", "golden", "numpy-random.json")

DECIMAL = decimal.Context(prec=50)


def correctly_rounded_log(x):
    """log(x) to 50 significant digits, then rounded once to the nearest double."""
    return float(DECIMAL.ln(decimal.Decimal(x)))


class LegacyStream:
    """numpy's legacy_gauss / legacy_double, with the logarithm as a parameter."""

    def __init__(self, seed, log):
        self.uniform = np.random.RandomState(seed)
        self.log = log
        self.cached = None

    def random_sample(self):
        return self.uniform.random_sample()

    def gauss(self):
        if self.cached is not None:
            value, self.cached = self.cached, None
            return value
        while True:
            x1 = 2.0 * self.random_sample() - 1.0
            x2 = 2.0 * self.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if not (r2 >= 1.0 or r2 == 0.0):
                break
        f = math.sqrt(-2.0 * self.log(r2) / r2)
        self.cached = f * x1
        return f * x2

    def draw(self, kind, count):
        step = self.gauss if kind == "randn" else self.random_sample
        return [float(step()) for _ in range(count)]


def traced_calls(seed, calls):
    """The calls drawn from numpy itself, and retraced with the platform's and a correct log."""
    np.random.seed(seed)
    numpy_values = [(np.random.randn(n) if kind == "randn" else np.random.random_sample(n)).tolist()
                    for kind, n in calls]
    libm = LegacyStream(seed, math.log)
    exact = LegacyStream(seed, correctly_rounded_log)
    result = []
    for (kind, n), numpy_list in zip(calls, numpy_values):
        libm_list = libm.draw(kind, n)
        exact_list = exact.draw(kind, n)
        if libm_list != numpy_list:
            raise AssertionError(f"retrace of {kind}({n}) for seed {seed} does not give numpy's values")
        if kind == "random_sample":
            result.append(numpy_list)
        else:
            differs = [[i, v] for i, (u, v) in enumerate(zip(numpy_list, exact_list)) if u != v]
            result.append({"numpy": numpy_list, "cr_log_differs": differs})
    return result


def seed_case(seed):
    (randn,) = traced_calls(seed, [("randn", RANDN_COUNT)])
    (random_sample,) = traced_calls(seed, [("random_sample", RANDOM_SAMPLE_COUNT)])
    mixed = [{"call": kind, "count": n, "values": values}
             for (kind, n), values in zip(MIXED_CALLS, traced_calls(seed, MIXED_CALLS))]
    return {"seed": seed, "randn": randn, "random_sample": random_sample, "mixed": mixed}


def log_cases():
    """Edge values of r2 (its range is [2^-104, 1)) and uniform ones."""
    xs = [2.0 ** -104, 2.0 ** -53, 1e-10, 0.25, 0.5, 0.75, 1.0 - 2.0 ** -53, 1.0 - 2.0 ** -30,
          math.sqrt(0.5), math.nextafter(math.sqrt(0.5), 0.0), math.nextafter(math.sqrt(0.5), 1.0),
          math.sqrt(2.0), math.nextafter(math.sqrt(2.0), 2.0), 1.0, 1.5, 10.0]
    xs += np.random.RandomState(12345).random_sample(LOG_RANDOM_COUNT).tolist()
    return [[x, correctly_rounded_log(x)] for x in xs]


def main():
    golden = {
        "generator": "src/test/python/gen_numpy_random_golden.py",
        "numpy_version": np.__version__,
        "machine": platform.machine(),
        "libc": " ".join(platform.libc_ver()),
        "log": log_cases(),
        "cases": [seed_case(seed) for seed in SEEDS],
    }
    with open(OUTPUT, "w", encoding="utf-8") as out:
        json.dump(golden, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
