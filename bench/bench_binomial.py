"""Binomial intervals: airdef vs statsmodels and scipy

``airdef.binomial_ci`` on 10^6 random (x, n) pairs against
``statsmodels.stats.proportion.proportion_confint`` on the same arrays (same definitions;
the largest absolute difference is printed), against a loop of
``scipy.stats.binomtest(x, n).proportion_ci`` timed on 2,000 pairs and scaled to 10^6, and
the root-finding methods (mid-p, likelihood) and ``diff_ci`` score intervals on 10^5 pairs.
Ratios are "times faster than the other"; above 1 means airdef is faster.
"""

from __future__ import annotations

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from airdef.stats.binomial import binomial_ci
from airdef.stats.diff import diff_ci
from bench._timing import best_of, row

N = 10**6
SHARED = [
    ("wilson", "wilson"),
    ("clopper_pearson", "beta"),
    ("jeffreys", "jeffreys"),
    ("agresti_coull", "agresti_coull"),
    ("wald", "normal"),
]


def _counts(size: int, max_n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = rng.integers(1, max_n + 1, size)
    return rng.binomial(n, rng.uniform(0.0, 1.0, size)), n


def _max_diff(ours, theirs, keep) -> float:
    return max(
        float(np.max(np.abs(ours.low - theirs[0])[keep])),
        float(np.max(np.abs(ours.high - theirs[1])[keep])),
    )


def main() -> None:
    x, n = _counts(N, 2000, seed=2024)
    distinct = np.unique(n * 4096 + x).size / N
    print(f"  10^6 pairs, n uniform on 1..2000 ({distinct:.0%} distinct (x, n) pairs)")
    print(f"  {'':<46} {'airdef':>13} {'other':>13} {'ratio':>8}")
    for ours, theirs in SHARED:
        t_ours = best_of(lambda ours=ours: binomial_ci(x, n, method=ours), repeat=7)
        t_them = best_of(
            lambda theirs=theirs: proportion_confint(x, n, alpha=0.05, method=theirs), repeat=7
        )
        # statsmodels' Jeffreys keeps the Beta quantile at x = 0 and x = n (airdef: 0 and 1)
        keep = (x > 0) & (x < n) if ours == "jeffreys" else slice(None)
        diff = _max_diff(
            binomial_ci(x, n, method=ours), proportion_confint(x, n, method=theirs), keep
        )
        print(row(f"{ours} vs statsmodels", t_ours, t_them, f"max |diff| {diff:.1e}"))

    sub = 2000
    for ours, theirs in (("wilson", "wilson"), ("clopper_pearson", "exact")):
        xs, ns = x[:sub].tolist(), n[:sub].tolist()

        def loop(theirs=theirs, xs=xs, ns=ns):
            return [
                stats.binomtest(a, b).proportion_ci(method=theirs)
                for a, b in zip(xs, ns, strict=True)
            ]

        t_loop = best_of(loop, repeat=1) * (N / sub)
        t_ours = best_of(lambda ours=ours: binomial_ci(x, n, method=ours), repeat=3)
        print(row(f"{ours} vs scipy binomtest loop", t_ours, t_loop, "scipy: 2,000 pairs, x500"))

    small_x, small_n = x[: N // 10], n[: N // 10]
    for method in ("mid_p", "likelihood"):
        t = best_of(lambda m=method: binomial_ci(small_x, small_n, method=m), repeat=2)
        print(row(f"{method} (10^5 pairs)", t, note="vectorized root finding"))

    # Daily-report-sized counts repeat a lot; the costly methods run once per distinct pair.
    rx, rn = _counts(N, 60, seed=7)
    for ours, theirs in (("clopper_pearson", "beta"), ("jeffreys", "jeffreys")):
        t_ours = best_of(lambda ours=ours: binomial_ci(rx, rn, method=ours), repeat=3)
        t_them = best_of(lambda theirs=theirs: proportion_confint(rx, rn, method=theirs), repeat=2)
        print(row(f"{ours}, n <= 60 (10^6 pairs)", t_ours, t_them, "repeated counts"))
    t = best_of(lambda: binomial_ci(rx, rn, method="mid_p"), repeat=2)
    print(row("mid_p, n <= 60 (10^6 pairs)", t, note="repeated counts"))

    x1, n1 = _counts(N // 10, 500, seed=11)
    x2, n2 = _counts(N // 10, 500, seed=12)
    for method in ("newcombe", "miettinen_nurminen"):
        t = best_of(lambda m=method: diff_ci(x1, n1, x2, n2, method=m), repeat=2)
        print(row(f"diff_ci {method} (10^5 pairs)", t))


if __name__ == "__main__":
    main()
