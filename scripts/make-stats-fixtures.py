#!/usr/bin/python3
"""Reference values for src/measure/stats.ts, computed with SciPy and statsmodels.

Run from the repository root:

    /usr/bin/python3 scripts/make-stats-fixtures.py          # writes test/fixtures/stats.json
    /usr/bin/python3 scripts/make-stats-fixtures.py --check  # fails if the file differs

It needs Debian's python3-scipy (1.10) and python3-statsmodels (0.13):
`apt-get install python3-scipy python3-statsmodels`. Everything is drawn from a fixed seed, so a
re-run writes the same bytes.

What it writes:

* `mann_whitney`: pairs of samples (sizes 1 to 60, with and without ties, equal and shifted
  distributions) with `scipy.stats.mannwhitneyu(x, y, alternative="two-sided")`'s U1 and p-value,
  computed with the method reprotree picks: "exact" when there are no ties and both samples have
  at most 50 values, else "asymptotic" with the continuity correction;
* `erfc`: `scipy.special.erfc` at points from -6 to 30;
* `holm`: families of p-values with `statsmodels.stats.multitest.multipletests(p, method="holm")`'s
  adjusted values (an implementation independent of reprotree's).
"""

import json
import sys

import numpy as np
from scipy import special, stats
from statsmodels.stats.multitest import multipletests

OUT = "test/fixtures/stats.json"
EXACT_MAX = 50


def has_ties(x, y):
    xy = np.concatenate([x, y])
    return len(np.unique(xy)) != len(xy)


def mwu_case(name, x, y):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    exact = not has_ties(np.array(x), np.array(y)) and len(x) <= EXACT_MAX and len(y) <= EXACT_MAX
    method = "exact" if exact else "asymptotic"
    res = stats.mannwhitneyu(x, y, alternative="two-sided", method=method, use_continuity=True)
    return {
        "name": name,
        "x": x,
        "y": y,
        "method": "exact" if exact else "normal",
        "u1": float(res.statistic),
        "p": float(res.pvalue),
    }


def mann_whitney_cases(rng):
    cases = []
    # Timings: continuous, no ties; the same distribution and shifted ones.
    for n1, n2 in [(1, 1), (1, 5), (3, 4), (5, 5), (8, 8), (9, 12), (20, 17), (30, 30), (50, 50)]:
        for shift in [0.0, 0.3, 1.0, 3.0]:
            x = rng.lognormal(0.0, 0.25, n1)
            y = rng.lognormal(shift * 0.25, 0.25, n2)
            cases.append(mwu_case(f"timings {n1}x{n2} shift {shift}", x, y))
    # Above the exact limit without ties: the normal approximation.
    for n1, n2 in [(51, 30), (60, 60)]:
        for shift in [0.0, 0.5]:
            x = rng.normal(10.0, 1.0, n1)
            y = rng.normal(10.0 + shift, 1.0, n2)
            cases.append(mwu_case(f"timings {n1}x{n2} shift {shift}", x, y))
    # Memory readings rounded to whole MiB or to 0.01: heavy ties.
    for n1, n2, digits in [(5, 5, 0), (10, 10, 0), (30, 30, 0), (30, 30, 2), (12, 7, 1)]:
        for shift in [0.0, 1.0]:
            x = np.round(rng.normal(100.0, 1.5, n1), digits)
            y = np.round(rng.normal(100.0 + shift, 1.5, n2), digits)
            cases.append(mwu_case(f"memory {n1}x{n2} rounded to {digits} shift {shift}", x, y))
    # Edge cases.
    cases.append(mwu_case("all values equal", [5.0] * 6, [5.0] * 4))
    cases.append(mwu_case("complete separation 30x30", np.arange(30), np.arange(30) + 100))
    cases.append(mwu_case("complete separation 50x50", np.arange(50), np.arange(50) + 100))
    cases.append(mwu_case("complete separation with a tie", list(range(30)) + [29], np.arange(30) + 100))
    cases.append(mwu_case("interleaved", np.arange(0, 40, 2), np.arange(1, 41, 2)))
    cases.append(mwu_case("one tie across the samples", [1.0, 2.0, 3.0], [3.0, 4.0, 5.0, 6.0]))
    return cases


def erfc_cases():
    xs = [-6, -3, -1.5, -0.5, -1e-3, 0, 1e-8, 1e-3, 0.1, 0.5, 1, 1.5, 2, 2.5, 2.9, 2.999, 3, 3.001,
          3.5, 4, 5, 6, 8, 10, 15, 20, 26, 27.5, 30]
    return [{"x": float(x), "erfc": float(special.erfc(x))} for x in xs]


def holm_cases(rng):
    families = [
        [0.01, 0.04, 0.03, 0.005],
        [0.5],
        [0.2, 0.2, 0.2],
        [1.0, 0.0, 0.04],
        [0.01, 0.01, 0.02, 0.5, 0.049],
    ]
    for m in [3, 10, 36]:
        families.append([float(v) for v in rng.uniform(0, 0.2, m)])
    return [{"p": p, "adjusted": [float(v) for v in multipletests(p, method="holm")[1]]} for p in families]


def build():
    rng = np.random.default_rng(20210420)
    return {
        "made_by": "scripts/make-stats-fixtures.py",
        "scipy": __import__("scipy").__version__,
        "statsmodels": __import__("statsmodels").__version__,
        "mann_whitney": mann_whitney_cases(rng),
        "erfc": erfc_cases(),
        "holm": holm_cases(rng),
    }


def main():
    text = json.dumps(build(), indent=1) + "\n"
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUT} differs from what this script makes; run it without --check")
        print(f"{OUT} is up to date")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
