"""Interception rates when the weapons of one attack succeed or fail together.

Air defence copes with a wave or it does not, so the outcomes of the weapons launched in
one attack are positively correlated, and a binomial interval that treats every weapon as
an independent trial is too narrow. The data here are one row per attack (a *cluster*)
and group: ``x`` intercepted of ``n`` launched, ``group`` an integer code ``0..G-1`` (a
weapon class, a month, ...). Everything is vectorized over groups (and over bootstrap
draws and likelihood grid points): one call handles thousands of groups.

* :func:`cluster_summary` -- per group: attacks, counts, the Pearson dispersion of the
  attack proportions and Tarone's (1979) score test for binomial overdispersion.
* :func:`clustered_ci` -- intervals for each group's rate that account for the attacks:
  Clopper-Pearson (mid-p with many degrees of freedom) or Wilson on
  design-effect-adjusted counts (for the pooled ratio), a beta-binomial profile
  likelihood (for the mean attack-level rate), or a cluster bootstrap (BCa);
  ``method="auto"`` uses the design-effect interval (Korn and Graubard) for every group with two or more attacks and both outcomes, with
  no pretest, and the attack-level interval otherwise. Each row says how many attacks
  it rests on (``attacks``, Kish's ``n_eff``) and whether it is ``reliable``.
* :func:`betabinomial_fit` -- maximum-likelihood beta-binomial fit per group (also the
  empirical-Bayes prior of :mod:`airdef.stats.pooling`).

Rows with unknown counts must be dropped by the caller: a NaN raises ``ValueError``.
Attacks with ``n = 0`` carry no information and are ignored.

Examples
--------
>>> from airdef.stats.cluster import cluster_summary, clustered_ci

Intercepted and launched per attack for three weapon classes (codes 0, 1, 2):

>>> x = [40, 75, 20, 110, 52, 8, 15, 3, 30, 1, 0, 2]
>>> n = [48, 80, 35, 112, 70, 10, 20, 6, 31, 4, 2, 3]
>>> group = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
>>> cluster_summary(x, n, group)[["attacks", "rate", "dispersion", "tarone_p"]].round(3)
       attacks   rate  dispersion  tarone_p
group
0            5  0.861      12.650     0.000
1            4  0.836       3.343     0.023
2            3  0.333       1.312     0.624
>>> clustered_ci(x, n, group)[["ci_low", "ci_high", "method", "n_eff", "reliable"]].round(3)
       ci_low  ci_high         method  n_eff  reliable
group
0       0.296    1.000  korn_graubard  4.348     False
1       0.178    1.000  korn_graubard  2.999     False
2       0.007    0.917  korn_graubard  2.793     False
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import special, stats

from airdef.stats._clusters import (
    Summary,
    design_effect,
    interval_df,
    jackknife_design_effect,
    kish_attacks,
    minority_attacks,
    satterthwaite_df,
    select,
    summarize,
)
from airdef.stats._common import check_boot, check_groups, check_level, counts_1d
from airdef.stats.betabinom import betabinomial_fit, profile_fit
from airdef.stats.binomial import mid_p_bounds, wilson_bounds
from airdef.stats.bootstrap import cluster_bootstrap

__all__ = [
    "AUTO_ALPHA",
    "AUTO_METHOD",
    "CLUSTER_METHODS",
    "MID_P_MIN_DF",
    "RELIABLE_MIN_ATTACKS",
    "RELIABLE_MIN_MINORITY",
    "attack_level_bounds",
    "is_reliable",
    "betabinomial_fit",
    "cluster_summary",
    "clustered_ci",
]

#: Valid values of ``method`` for :func:`clustered_ci`, the default first.
CLUSTER_METHODS: tuple[str, ...] = (
    "auto",
    "korn_graubard",
    "deff_wilson",
    "betabinomial",
    "bootstrap",
)

#: The clustered interval that ``method="auto"`` uses where a group is overdispersed.
AUTO_METHOD: str = "korn_graubard"

#: Kept for callers that print it: ``method="auto"`` no longer runs a pretest (a test of
#: overdispersion could switch clustering off where the attacks were correlated), so
#: every group with two or more attacks and both outcomes gets :data:`AUTO_METHOD`.
AUTO_ALPHA: float = 1.0

#: A row is ``reliable`` when its Kish effective number of attacks
#: ``(sum n)^2 / sum n^2`` is at least this ...
RELIABLE_MIN_ATTACKS: float = 8.0

#: ... and the effective number of attacks carrying its rarer outcome (misses when the
#: rate is above one half) at least this. Chosen from the coverage grid of
#: :mod:`airdef.stats.coverage` (see the methods guide).
RELIABLE_MIN_MINORITY: float = 4.0

#: ``korn_graubard`` (the default) uses the mid-p bounds (Lancaster 1961) instead of
#: Clopper-Pearson's on the effective counts where the interval's degrees of freedom are
#: at least this. Chosen on the coverage grid of :mod:`airdef.stats.coverage` (see the
#: methods guide): mid-p everywhere undercovers where the variance rests on few attacks.
MID_P_MIN_DF: float = 20.0


def cluster_summary(x: Any, n: Any, group: Any, *, n_groups: int | None = None) -> pd.DataFrame:
    """Per-group counts, Pearson dispersion and Tarone's overdispersion test.

    Parameters
    ----------
    x, n : array_like of int
        Intercepted and launched in each attack (one row per attack and group). Whole
        numbers with ``0 <= x <= n``; NaN raises (drop unknown counts first).
    group : array_like of int
        Group code of each row, ``0 <= group < n_groups``.
    n_groups : int, optional
        Number of groups ``G``; default ``max(group) + 1``. Groups without rows get
        zero counts and NaN statistics.

    Returns
    -------
    pandas.DataFrame
        Indexed by group ``0..G-1`` with columns

        * ``attacks`` -- attacks with ``n > 0``; ``launched``, ``intercepted`` -- sums;
          ``rate`` -- ``intercepted / launched`` (NaN when nothing was launched).
        * ``chi2`` -- Pearson chi-square of the attack proportions against the pooled
          rate, ``sum (x - n p)^2 / (n p (1 - p))``; ``df = attacks - 1``;
          ``dispersion = chi2 / df`` (about 1 for binomial data, NaN when ``df = 0``).
          This is a binomial GLM's ``pearson_chi2`` and its ``pearson_chi2 / df_resid``.
        * ``design_effect`` -- variance inflation of the rate ``sum x / sum n`` over the
          binomial variance, ``1 + rho (m_w - 1)`` with ``m_w = sum n^2 / sum n`` the
          size-weighted mean attack size and ``rho`` the moment estimate of the
          intra-attack correlation from ``chi2``, clipped to [0, 1]; at least 1.
        * ``n_eff`` -- Kish's effective number of attacks ``(sum n)^2 / sum n^2``:
          the attacks count as that many independent trials when each succeeds or
          fails as one; ``n_eff_minority`` -- the same over each attack's misses (its
          hits where the rate is below one half), 0 when every weapon had one outcome.
        * ``tarone_z``, ``tarone_p`` -- Tarone (1979, Biometrika 66:585) score test of
          the binomial against overdispersed alternatives such as the beta-binomial:
          ``Z = (S - sum n) / sqrt(2 sum n (n - 1))`` with
          ``S = sum (x - n p)^2 / (p (1 - p))``, and the one-sided ``p = P(N(0,1) > Z)``.
          NaN when every attack has ``n <= 1`` (no pairs of weapons to be correlated).

        Where every attack has ``x = 0`` (or every ``x = n``), ``chi2`` and ``S`` take
        their limit 0: no evidence of overdispersion.

    Raises
    ------
    ValueError
        For missing, negative or non-whole counts, ``x > n``, lengths that differ, or
        group codes that are negative or not below ``n_groups``.

    Examples
    --------
    >>> cluster_summary([3, 5, 0, 10], [10, 5, 2, 12], [0, 0, 1, 1]).iloc[:, :10].round(3)
           attacks  launched  intercepted   rate   chi2  df  dispersion  design_effect  tarone_z  tarone_p
    group
    0            2        15            8  0.533  6.562   1       6.562          8.199     1.938     0.026
    1            2        14           10  0.714  5.833   1       5.833         10.571     0.367     0.357
    """
    xa, na = counts_1d(x, n)
    g, G = check_groups(group, xa.size, n_groups)
    s = summarize(xa, na, g, G)
    frame = pd.DataFrame(
        {
            "attacks": s.attacks,
            "launched": s.launched.astype(np.int64),
            "intercepted": s.intercepted.astype(np.int64),
            "rate": s.rate,
            "chi2": s.chi2,
            "df": s.df,
            "dispersion": s.dispersion,
            "design_effect": design_effect(s),
            "tarone_z": s.tarone_z,
            "tarone_p": s.tarone_p,
            "n_eff": kish_attacks(s),
            "n_eff_minority": minority_attacks(xa, na, g, s),
        },
        index=pd.RangeIndex(G, name="group"),
    )
    return frame


def _clopper_pearson_float(
    x: np.ndarray, n: np.ndarray, alpha: float
) -> tuple[np.ndarray, np.ndarray]:
    """Clopper-Pearson bounds for effective (fractional) counts, ``0 < x < n``."""
    low = special.betaincinv(x, n - x + 1.0, alpha / 2.0)
    high = special.betaincinv(x + 1.0, n - x, 1.0 - alpha / 2.0)
    return low, high


def clustered_ci(
    x: Any,
    n: Any,
    group: Any,
    *,
    method: str = "auto",
    confidence_level: float = 0.95,
    n_boot: int = 2000,
    seed: int | None = 0,
    n_groups: int | None = None,
) -> pd.DataFrame:
    """Confidence interval for each group's interception rate, respecting attacks.

    The rate is the pooled ratio ``sum(x) / sum(n)`` over a group's attacks: the share
    of launched weapons that were intercepted. ``korn_graubard``, ``deff_wilson`` and
    ``bootstrap`` are intervals for that ratio. ``betabinomial`` is an interval for a
    different quantity, the mean ``mu`` of the attack-level rates under a beta-binomial
    model; the two coincide when attack size is unrelated to the attack's rate, and can
    differ a lot when it is not (a big raid faring better or worse than a single missile).

    Parameters
    ----------
    x, n, group, n_groups
        As in :func:`cluster_summary`: one row per attack and group.
    method : str, default "auto"
        One of :data:`CLUSTER_METHODS`:

        * ``"korn_graubard"`` -- Clopper-Pearson interval on effective counts
          ``x / deff``, ``n / deff``, with the effective sample size reduced by
          ``(z / t(df))^2`` (Korn and Graubard 1998, Survey Methodology 24:193, applied to
          the ratio estimator). ``deff`` is the largest of 1 and two estimates: the
          model-based ``1 + rho (m_w - 1)`` (``m_w = sum n^2 / sum n`` the size-weighted
          mean attack size, ``rho`` the moment estimate of the intra-attack correlation
          from the Pearson chi-square) and the design-based jackknife
          ``V_jack / (p q / N)`` (leave one attack out; Efron and Stein 1981), which does
          not assume that the rate is unrelated to attack size; the effective counts are
          kept between ``n_eff`` (correlation 1) and the real counts. ``df`` starts
          from Satterthwaite's (1946) for the clustered variance, ``nu_e``: the
          smallest of ``k``, the working beta-binomial model's (which counts the attack
          sizes, the correlation and, near rates of 0 or 1, the kurtosis of the
          residuals) and ``F^2 / (sum f^2 - F/2)`` over each attack's rarer outcome
          ``f``, minus 1. With unequal attacks, or few misses, the variance rests on few
          attacks. The binomial part of the variance is known from the rate with
          ``nu_b = 2 N p q / (1 - 2 p)^2`` degrees of freedom, so
          ``df = deff^2 / ((deff^2 - 1) / nu_e + 1 / nu_b)``, at most ``k - 1`` and at
          least 1: ``nu_e`` where the attacks add much, more where they add little.
          Where ``df`` is at least 20 (:data:`MID_P_MIN_DF`) the bounds are the mid-p
          ones (Lancaster 1961) on the same effective counts: Clopper-Pearson is
          conservative by construction, and with that many degrees of freedom the
          excess is not needed (mid-p everywhere undercovers where few attacks carry
          the variance). Closed form, or vectorized root finding for mid-p.
        * ``"deff_wilson"`` -- the same effective counts in a Wilson interval; a little
          narrower, and less safe near 0 and 1.
        * ``"betabinomial"`` -- profile-likelihood interval for the beta-binomial mean,
          the intra-attack correlation profiled out:
          ``{mu : max_rho l(mu, rho) >= l_max - F(1, k-1) / 2}`` with ``k`` attacks. The
          narrowest when the model holds, but it estimates ``mu``, not the ratio: when
          big attacks have lower rates it covers the ratio poorly.
        * ``"bootstrap"`` -- BCa interval from ``n_boot`` resamplings of each group's
          attacks with replacement. Each group has its own random stream, seeded by
          ``seed`` and the group's own counts, so its interval does not change with the
          other groups in the call. Covers only about 89% with 30 attacks at nominal
          95% (83% with 10): prefer it for many attacks.
        * ``"auto"`` -- ``"korn_graubard"`` (:data:`AUTO_METHOD`) for every group with
          two or more attacks and both outcomes. There is no pretest: a test of
          overdispersion (Tarone's) is dominated by the big attacks and sent
          overdispersed groups to Wilson (coverage 0.70-0.82 with swarms).

        Every method gives the **attack-level** interval (reported as
        ``"attack_level"``, :func:`attack_level_bounds`) to a group with a single attack
        or where every attack has ``x = 0`` or every ``x = n``: such data say nothing
        about the correlation, so the attacks count as ``n_eff`` trials, as if each
        attack succeeded or failed as one. A clustered interval is never narrower than
        Wilson on the pooled counts.

        Measured coverage (seeded grid of :mod:`airdef.stats.coverage`, 320 regimes of
        3-100 attacks, correlation 0-0.5, rates 0.05-0.99, Poisson and heavy-tailed
        sizes, 1,000 replicates a regime, seeds 5 and 6): at least 0.946 in every
        regime, and at least 0.94 in the rows marked ``reliable`` (see the methods
        guide).
    confidence_level : float, default 0.95
        Strictly between 0 and 1.
    n_boot : int, default 2000
        Bootstrap draws (at least 100); only for ``method="bootstrap"``.
    seed : int or None, default 0
        Seed of the bootstrap's random numbers.

    Returns
    -------
    pandas.DataFrame
        Indexed by group ``0..G-1`` with ``ci_low``, ``ci_high`` (within [0, 1]),
        ``method`` (the method used for that row; NaN bounds and ``"none"`` for a group
        with nothing launched), ``attacks`` (with launches), ``n_eff`` (Kish's effective
        number of attacks, ``(sum n)^2 / sum n^2``), ``n_eff_minority`` (the same over
        the rarer outcome: each attack's misses, or its hits where the rate is below one
        half) and ``reliable``: ``n_eff >= 8`` (:data:`RELIABLE_MIN_ATTACKS`) and
        ``n_eff_minority >= 4`` (:data:`RELIABLE_MIN_MINORITY`). An unreliable row's
        interval is still the method's, usually wide; it rests on too few independent
        attacks for its coverage to be trusted.

    Raises
    ------
    ValueError
        For an unknown method (the message lists the valid ones), bad counts or group
        codes (see :func:`cluster_summary`), ``confidence_level`` outside (0, 1), or a
        bad ``n_boot`` or ``seed``.

    Examples
    --------
    Drones (group 0) vary from attack to attack far more than binomial sampling
    explains; the three ballistic-missile attacks (group 2) do not:

    >>> x = [40, 75, 20, 110, 52, 8, 15, 3, 30, 1, 0, 2]
    >>> n = [48, 80, 35, 112, 70, 10, 20, 6, 31, 4, 2, 3]
    >>> group = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
    >>> clustered_ci(x, n, group)[["ci_low", "ci_high", "method", "attacks", "n_eff"]].round(3)
           ci_low  ci_high         method  attacks  n_eff
    group
    0       0.296    1.000  korn_graubard        5  4.348
    1       0.178    1.000  korn_graubard        4  2.999
    2       0.007    0.917  korn_graubard        3  2.793
    >>> clustered_ci(x, n, group, method="bootstrap", seed=1)[["ci_low", "ci_high"]].round(3)
           ci_low  ci_high
    group
    0       0.729    0.949
    1       0.688    0.951
    2       0.121    0.667

    Every weapon of three swarms and 27 small attacks intercepted is not 1,716
    independent successes: the attacks count as n_eff = 3.9 trials.

    >>> m = [500] * 3 + [8] * 27
    >>> clustered_ci(m, m, [0] * 30)[["ci_low", "ci_high", "method", "n_eff"]].round(3)
           ci_low  ci_high        method  n_eff
    group
    0        0.39      1.0  attack_level  3.917
    """
    if not isinstance(method, str) or method not in CLUSTER_METHODS:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(CLUSTER_METHODS)}")
    level = check_level(confidence_level)
    n_boot = check_boot(n_boot, seed)
    xa, na = counts_1d(x, n)
    g, G = check_groups(group, xa.size, n_groups)
    s = summarize(xa, na, g, G)
    alpha = 1.0 - level
    z = -float(special.ndtri(alpha / 2.0))

    X, N, k = s.intercepted, s.launched, s.attacks
    low, high = np.full(G, np.nan), np.full(G, np.nan)
    used = N > 0
    low[used], high[used] = wilson_bounds(X[used], N[used], z)
    labels = np.where(used, "wilson", "none").astype(object)
    n_eff = kish_attacks(s)
    minority = minority_attacks(xa, na, g, s)

    # Every weapon intercepted (or none), or a single attack: the data say nothing about
    # how outcomes vary between attacks, so the interval is the attack-level one.
    degenerate = used & ((k < 2) | (X == 0) | (X == N))
    if degenerate.any():
        a_low, a_high = attack_level_bounds(X[degenerate], N[degenerate], n_eff[degenerate], alpha)
        low[degenerate] = np.minimum(a_low, low[degenerate])
        high[degenerate] = np.maximum(a_high, high[degenerate])
        labels[degenerate] = "attack_level"
    clustered = used & ~degenerate
    chosen = AUTO_METHOD if method == "auto" else method
    codes = np.flatnonzero(clustered)
    if codes.size:
        cl_low, cl_high = _clustered(xa, na, g, s, clustered, chosen, level, n_boot, seed)
        low[codes] = np.minimum(cl_low, low[codes])
        high[codes] = np.maximum(cl_high, high[codes])
        labels[codes] = chosen
    reliable = used & is_reliable(n_eff, minority)
    return pd.DataFrame(
        {
            "ci_low": np.clip(low, 0.0, 1.0),
            "ci_high": np.clip(high, 0.0, 1.0),
            "method": pd.array(labels, dtype="string"),
            "attacks": k,
            "n_eff": n_eff,
            "n_eff_minority": minority,
            "reliable": reliable,
        },
        index=pd.RangeIndex(G, name="group"),
    )


def is_reliable(n_eff: Any, n_eff_minority: Any) -> np.ndarray:
    """The rule for ``reliable``: enough independent attacks for the interval to be trusted.

    ``n_eff >= 8`` (:data:`RELIABLE_MIN_ATTACKS`) and ``n_eff_minority >= 4``
    (:data:`RELIABLE_MIN_MINORITY`), both Kish effective numbers of attacks (see
    :func:`cluster_summary`). Chosen on the seeded coverage grid of
    :mod:`airdef.stats.coverage`: with it, the default interval covers at least 0.94 in
    the reliable rows of every regime with at least 100 reliable replicates of 1,000.

    Examples
    --------
    >>> is_reliable([12.0, 12.0, 3.0], [5.0, 1.5, 5.0]).tolist()
    [True, False, False]
    """
    n_eff = np.nan_to_num(np.asarray(n_eff, dtype=float), nan=0.0)
    minority = np.nan_to_num(np.asarray(n_eff_minority, dtype=float), nan=0.0)
    return (n_eff >= RELIABLE_MIN_ATTACKS) & (minority >= RELIABLE_MIN_MINORITY)


def attack_level_bounds(
    X: np.ndarray, N: np.ndarray, n_eff: np.ndarray, alpha: float
) -> tuple[np.ndarray, np.ndarray]:
    """Clopper-Pearson bounds treating the attacks as ``n_eff`` trials (Kish), ``X/N`` of them
    successes: the interval when every attack succeeds or fails as one (correlation 1).

    With every weapon intercepted the lower bound is ``(alpha / 2) ** (1 / n_eff)``; at
    ``n_eff = 1`` (one attack, or one attack holding nearly every launch) it is alpha/2.
    """
    xe, ne = X / N * n_eff, n_eff
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(X <= 0, 0.0, special.betaincinv(xe, ne - xe + 1.0, alpha / 2.0))
        high = np.where(X >= N, 1.0, special.betaincinv(xe + 1.0, ne - xe, 1.0 - alpha / 2.0))
    return low, high


def _clustered(
    x: np.ndarray,
    n: np.ndarray,
    g: np.ndarray,
    s: Summary,
    chosen: np.ndarray,
    method: str,
    level: float,
    n_boot: int,
    seed: int | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Bounds of ``method`` for the groups in ``chosen`` (each with >= 2 attacks, 0 < X < N)."""
    codes = np.flatnonzero(chosen)
    X, N, k = s.intercepted[codes], s.launched[codes], s.attacks[codes].astype(float)
    alpha = 1.0 - level
    if method in ("deff_wilson", "korn_graubard"):
        # Wilson(x, n) with quantile t equals Wilson(x c, n c) with quantile z, c = (z/t)^2:
        # the t quantile folds into the effective counts, so one call serves all groups.
        # The design effect (at least 1) is the larger of the model and jackknife ones;
        # the binomial part of the variance is known from the rate, so a group whose
        # attacks add little gets more degrees of freedom (interval_df). The effective
        # count lies between Kish's n_eff (every attack succeeding or failing as one,
        # correlation 1) and N (independent weapons).
        z = -special.ndtri(alpha / 2.0)
        deff = np.maximum(design_effect(s), jackknife_design_effect(x, n, g, s))
        df = interval_df(deff, satterthwaite_df(x, n, g, s), s)[codes]
        t = stats.t.ppf(1.0 - alpha / 2.0, df)
        shrink = np.clip((z / t) ** 2 / deff[codes], kish_attacks(s)[codes] / N, 1.0)
        if method == "deff_wilson":
            return wilson_bounds(X * shrink, N * shrink, z)
        # Mid-p (Lancaster 1961) where the variance rests on many degrees of freedom:
        # Clopper-Pearson's excess over nominal is then not needed (methods guide).
        xe, ne = X * shrink, N * shrink
        mid = df >= MID_P_MIN_DF
        low, high = np.empty_like(xe), np.empty_like(xe)
        low[mid], high[mid] = mid_p_bounds(xe[mid], ne[mid], alpha)
        low[~mid], high[~mid] = _clopper_pearson_float(xe[~mid], ne[~mid], alpha)
        return low, high
    f_crit = stats.f.ppf(level, 1.0, k - 1.0)
    cl, _ = select(x, n, g, chosen)
    if method == "bootstrap":
        return cluster_bootstrap(cl, n_boot, seed, alpha)
    fit = profile_fit(cl.unique(), s.rate[codes], s.max_n[codes], f_crit)
    return fit.low, fit.high
