"""Coverage of the trend's odds-ratio interval and of the pooled intervals of rare weapons.

* Trend (:func:`airdef.stats.trend.logistic_trend`): K in {6, 10, 30, 100} attacks at
  uniform times over two years, slope 0.5 per year in the log odds around a rate of 0.5
  or 0.9, intra-attack correlation 0-0.5, Poisson(8) and heavy-tailed sizes (those of
  :mod:`airdef.stats.coverage`); 1,000 replicates a cell, among fits that converge.
* Pooled (:func:`airdef.stats.pooling.eb_pool`): classes of 3, 6 and 12 weapons whose
  rates are Beta with strength a + b in {5, 20, 100} and mean 0.3, 0.8 or 0.95; the
  first weapon and every third from the second have 1-5 launches, the others 20-500;
  200 replicates a cell; coverage of the true rate for the rare weapons.
"""

from __future__ import annotations

import time

import numpy as np
from scipy import special

from airdef.stats.coverage import attack_rates, attack_sizes, simulate_classes
from airdef.stats.pooling import eb_pool
from airdef.stats.trend import logistic_trend

TREND_REPS, POOL_REPS = 1000, 200


def trend_cell(K: int, sizes: str, icc: float, p: float) -> tuple[float, float]:
    """Coverage of the slope among converged fits, and the share that converged."""
    seed = K * 1000 + int(icc * 100) * 10 + int(p * 10) + (500 if sizes == "heavy" else 0)
    rng = np.random.default_rng(seed)
    m = attack_sizes(sizes, K * TREND_REPS, rng).reshape(TREND_REPS, K)
    t = rng.uniform(0, 2, (TREND_REPS, K))
    mean = special.expit(special.logit(p) + 0.5 * (t - 1))
    x = rng.binomial(m.astype(np.int64), attack_rates(mean, icc, rng)).astype(float)
    fit = logistic_trend(x, m, t)
    ok = fit.converged & np.isfinite(fit.se)
    covered = (fit.slope_low <= 0.5) & (0.5 <= fit.slope_high)
    return float(covered[ok].mean()), float(ok.mean())


def pooled_cell(J: int, strength: float, mean: float) -> float:
    """Coverage of the rare weapons' true rates by their pooled intervals."""
    rng = np.random.default_rng(J * 1000 + int(strength) * 10 + int(mean * 100))
    p, n, x, rare = simulate_classes(J, strength, mean, POOL_REPS, rng)
    est = eb_pool(x.ravel(), n.ravel(), np.repeat(np.arange(POOL_REPS), J))
    low, high = est["ci_low_pooled"].to_numpy(), est["ci_high_pooled"].to_numpy()
    return float(((low <= p.ravel()) & (p.ravel() <= high))[rare.ravel()].mean())


def main() -> None:
    start = time.perf_counter()
    rows = [
        (K, sizes, icc, p, *trend_cell(K, sizes, icc, p))
        for K in (6, 10, 30, 100)
        for sizes in ("poisson", "heavy")
        for icc in (0.0, 0.05, 0.2, 0.5)
        for p in (0.5, 0.9)
    ]
    print(f"  trend: {len(rows)} cells x {TREND_REPS} replicates in "
          f"{time.perf_counter() - start:.1f} s; coverage (min-max) and converged share:")  # fmt: skip
    for K in (6, 10, 30, 100):
        cov = [r[4] for r in rows if r[0] == K]
        conv = [r[5] for r in rows if r[0] == K]
        print(f"    K = {K:>3}: {min(cov):.3f}-{max(cov):.3f}, converged >= {min(conv):.2f}")
    worst = min((r for r in rows if r[0] >= 10), key=lambda r: r[4])
    print(f"    worst at K >= 10: {worst[4]:.3f} ({worst[1]}, K = {worst[0]}, ICC {worst[2]}, "
          f"rate {worst[3]})")  # fmt: skip
    start = time.perf_counter()
    pooled = [
        pooled_cell(J, strength, mean)
        for J in (3, 6, 12)
        for strength in (5.0, 20.0, 100.0)
        for mean in (0.3, 0.8, 0.95)
    ]
    print(f"  pooled, rare weapons: {len(pooled)} cells x {POOL_REPS} replicates in "
          f"{time.perf_counter() - start:.1f} s; coverage {min(pooled):.3f}-{max(pooled):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
