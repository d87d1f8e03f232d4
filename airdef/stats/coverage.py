"""Seeded simulation of attacks, to measure how often an interval covers the true rate.

:func:`simulate_attacks` draws replicates of ``K`` attacks in one regime (attack sizes,
intra-attack correlation, rate, rate tied to size or not); :func:`coverage_grid` runs a
grid of regimes through :func:`airdef.stats.cluster.clustered_ci` in one vectorized
call per method (every replicate is a group) and reports coverage, width and the share
of replicates the reliability rule accepts.

Regimes
-------
* sizes ``"poisson"``: ``max(1, Poisson(8))`` weapons per attack;
  ``"heavy"``: ``max(1, round(lognormal))`` with median 8 and sdlog 1.2, and with
  probability 0.1 a swarm of 500.
* ``icc``: the intra-attack correlation; each attack's rate is drawn from a Beta with the
  attack's mean and ``a + b = (1 - icc) / icc`` (binomial at ``icc = 0``).
* ``tied``: the attack's mean rate is ``expit(logit(p) - 0.5 log(m / 8))``: big attacks
  fare worse. The true rate is then the population ratio ``E[m p(m)] / E[m]``, computed
  from a million seeded draws of the size distribution.

Examples
--------
>>> x, n, group, truth = simulate_attacks(5, 0.2, 0.9, "poisson", False, reps=3, seed=1)
>>> x.shape, n.shape, int(group.max()), truth.round(3)
((15,), (15,), 2, array([0.9, 0.9, 0.9]))
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import special

__all__ = [
    "SIZES",
    "attack_rates",
    "attack_sizes",
    "coverage_grid",
    "simulate_attacks",
    "simulate_classes",
    "true_ratio",
]

#: Attack-size distributions of the grid.
SIZES: tuple[str, ...] = ("poisson", "heavy")

_SWARM = 500
_SWARM_SHARE = 0.1


def attack_sizes(kind: str, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` attack sizes of the grid's ``"poisson"`` or ``"heavy"`` distribution."""
    if kind == "poisson":
        return np.maximum(rng.poisson(8.0, count), 1).astype(float)
    if kind == "heavy":
        m = np.maximum(np.round(rng.lognormal(np.log(8.0), 1.2, count)), 1.0)
        return np.where(rng.random(count) < _SWARM_SHARE, float(_SWARM), m)
    raise ValueError(f"sizes must be one of {', '.join(SIZES)}; not {kind!r}")


def attack_rates(mean: np.ndarray, icc: float, rng: np.random.Generator) -> np.ndarray:
    """Each attack's rate: Beta with mean ``mean`` and ``a + b = (1 - icc) / icc``
    (intra-attack correlation ``icc``); ``mean`` itself at ``icc = 0``."""
    if icc <= 0:
        return np.asarray(mean, dtype=float)
    s = (1.0 - icc) / icc
    return rng.beta(mean * s, (1.0 - mean) * s)


def simulate_classes(
    J: int, strength: float, mean: float, reps: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``reps`` classes of ``J`` weapons with Beta(mean, strength) rates, for pooling.

    The first weapon and every third from the second are rare (1-5 launches), the others
    have 20-500. Returns the true rates ``p``, launches ``n``, interceptions ``x`` and the
    rare mask, each of shape ``(reps, J)``.
    """
    p = rng.beta(mean * strength, (1 - mean) * strength, (reps, J))
    rare = np.zeros((reps, J), bool)
    rare[:, 0] = True
    rare[:, 1::3] = True
    n = np.where(rare, rng.integers(1, 6, (reps, J)), rng.integers(20, 500, (reps, J)))
    return p, n, rng.binomial(n, p), rare


def _mean_rate(p: float, m: np.ndarray, tied: bool) -> np.ndarray:
    if not tied:
        return np.full(m.shape, p)
    return special.expit(special.logit(p) - 0.5 * np.log(m / 8.0))


@lru_cache(maxsize=64)
def true_ratio(p: float, sizes: str, tied: bool) -> float:
    """The population ratio ``E[m p(m)] / E[m]`` (``p`` itself when not tied)."""
    if not tied:
        return float(p)
    m = attack_sizes(sizes, 1_000_000, np.random.default_rng(20240123))
    return float(np.sum(m * _mean_rate(p, m, True)) / np.sum(m))


def simulate_attacks(
    K: int,
    icc: float,
    p: float,
    sizes: str,
    tied: bool,
    *,
    reps: int,
    seed: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``reps`` replicates of ``K`` attacks: ``x``, ``n``, replicate code and the true rate.

    The true rate of a replicate is the expected share intercepted of its own weapons,
    ``sum m E[p | m] / sum m``: ``p`` when rates are not tied to size. (The population
    ratio over the size distribution is :func:`true_ratio`; a sample without a swarm
    cannot tell it when swarms fare differently.)
    """
    rng = np.random.default_rng(seed)
    m = attack_sizes(sizes, K * reps, rng)
    mean = _mean_rate(p, m, tied)
    rate = attack_rates(mean, icc, rng)
    x = rng.binomial(m.astype(np.int64), rate).astype(float)
    group = np.repeat(np.arange(reps), K)
    truth = np.bincount(group, m * mean, reps) / np.bincount(group, m, reps)
    return x, m, group, truth


def coverage_grid(
    K: tuple[int, ...] = (3, 5, 10, 30, 100),
    icc: tuple[float, ...] = (0.0, 0.05, 0.2, 0.5),
    p: tuple[float, ...] = (0.05, 0.5, 0.9, 0.99),
    sizes: tuple[str, ...] = SIZES,
    tied: tuple[bool, ...] = (False, True),
    *,
    reps: int = 200,
    seed: int = 0,
    method: str = "auto",
    confidence_level: float = 0.95,
) -> pd.DataFrame:
    """Coverage of :func:`~airdef.stats.cluster.clustered_ci` over a grid of regimes.

    Returns
    -------
    pandas.DataFrame
        One row per cell: ``K, icc, p, sizes, tied, truth``; ``coverage`` (all
        replicates); ``reliable_share`` (replicates the rule marks reliable) and
        ``coverage_reliable`` (coverage among them, NaN if none); ``width`` (mean) and
        ``width_wilson`` (mean width of Wilson on the pooled counts, same replicates),
        ``width_median`` and ``width_wilson_median``, ``width_reliable`` and
        ``width_wilson_reliable`` (means over the reliable replicates, NaN if none);
        ``all_same`` (share of replicates where every weapon, or none, was intercepted).
    """
    from airdef.stats.binomial import wilson_bounds
    from airdef.stats.cluster import clustered_ci

    cells = [(k, r, q, s, t) for k in K for r in icc for q in p for s in sizes for t in tied]
    xs, ns, gs, truths = [], [], [], []
    offset = 0
    for i, (k, r, q, s, t) in enumerate(cells):
        x, n, g, truth = simulate_attacks(k, r, q, s, t, reps=reps, seed=seed * 100_003 + i)
        xs.append(x)
        ns.append(n)
        gs.append(g + offset)
        truths.append(truth)
        offset += reps
    x, n, g = np.concatenate(xs), np.concatenate(ns), np.concatenate(gs)
    ci = clustered_ci(x, n, g, method=method, confidence_level=confidence_level, n_groups=offset)
    X = np.bincount(g, x, minlength=offset)
    N = np.bincount(g, n, minlength=offset)
    z = -float(special.ndtri((1.0 - confidence_level) / 2.0))
    w_low, w_high = wilson_bounds(X, N, z)
    truth = np.concatenate(truths)
    low, high = ci["ci_low"].to_numpy(), ci["ci_high"].to_numpy()
    covered = (low <= truth) & (truth <= high)
    reliable = ci["reliable"].to_numpy(dtype=bool)
    cell = np.repeat(np.arange(len(cells)), reps)
    frame = pd.DataFrame(
        {
            "cell": cell,
            "covered": covered,
            "reliable": reliable,
            "covered_reliable": np.where(reliable, covered, np.nan),
            "width": high - low,
            "width_wilson": w_high - w_low,
            "width_rel": np.where(reliable, high - low, np.nan),
            "width_wilson_rel": np.where(reliable, w_high - w_low, np.nan),
            "all_same": (X == 0) | (X == N),
        }
    )
    agg = frame.groupby("cell").agg(
        coverage=("covered", "mean"),
        reliable_share=("reliable", "mean"),
        coverage_reliable=("covered_reliable", "mean"),
        width=("width", "mean"),
        width_wilson=("width_wilson", "mean"),
        width_median=("width", "median"),
        width_wilson_median=("width_wilson", "median"),
        width_reliable=("width_rel", "mean"),
        width_wilson_reliable=("width_wilson_rel", "mean"),
        all_same=("all_same", "mean"),
    )
    out = pd.DataFrame(cells, columns=["K", "icc", "p", "sizes", "tied"])
    out["truth"] = [float(np.mean(t)) for t in truths]
    return pd.concat([out, agg.reset_index(drop=True)], axis=1)
