"""Per-group aggregates of attack-level counts, and the attacks of selected groups.

The module is private; its names are public within the package. Data are one row per
attack and group (``x`` intercepted of ``n`` launched, ``g`` a group code ``0..G-1``);
everything is vectorized over groups.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

__all__ = [
    "Clusters",
    "Summary",
    "design_effect",
    "interval_df",
    "jackknife_design_effect",
    "kish_attacks",
    "minority_attacks",
    "satterthwaite_df",
    "select",
    "summarize",
]


@dataclass
class Summary:
    """Per-group aggregates (arrays of length G)."""

    attacks: np.ndarray
    launched: np.ndarray
    intercepted: np.ndarray
    sum_n2: np.ndarray
    max_n: np.ndarray
    rate: np.ndarray
    chi2: np.ndarray
    df: np.ndarray
    dispersion: np.ndarray
    tarone_z: np.ndarray
    tarone_p: np.ndarray


def summarize(x: np.ndarray, n: np.ndarray, g: np.ndarray, G: int) -> Summary:
    used = n > 0
    attacks = np.bincount(g, weights=used, minlength=G).astype(np.int64)
    launched = np.bincount(g, weights=n, minlength=G)
    intercepted = np.bincount(g, weights=x, minlength=G)
    sum_n2 = np.bincount(g, weights=n * n, minlength=G)
    max_n = np.zeros(G)
    np.maximum.at(max_n, g, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(launched > 0, intercepted / launched, np.nan)
        resid2 = np.where(used, (x - n * rate[g]) ** 2, 0.0)
        # Pearson: sum (x - n p)^2 / (n p q); Tarone: S = sum (x - n p)^2 / (p q). Both are
        # 0 in the limit p -> 0 or 1 (then every attack has x = 0, or every x = n).
        per_n = np.bincount(g, weights=resid2 / np.where(used, n, 1.0), minlength=G)
        plain = np.bincount(g, weights=resid2, minlength=G)
        pq = rate * (1.0 - rate)
        chi2 = np.where(pq > 0, per_n / pq, np.where(launched > 0, 0.0, np.nan))
        s_stat = np.where(pq > 0, plain / pq, 0.0)
        df = np.maximum(attacks - 1, 0)
        dispersion = np.where(df > 0, chi2 / df, np.nan)
        pairs = sum_n2 - launched  # sum n (n - 1)
        tarone_z = np.where(pairs > 0, (s_stat - launched) / np.sqrt(2.0 * pairs), np.nan)
    tarone_p = special.ndtr(-tarone_z)
    return Summary(
        attacks,
        launched,
        intercepted,
        sum_n2,
        max_n,
        rate,
        chi2,
        df,
        dispersion,
        tarone_z,
        tarone_p,
    )


@dataclass
class Clusters:
    """Attacks (``n > 0``) of ``H`` selected groups, sorted by group code ``h``."""

    x: np.ndarray
    n: np.ndarray
    h: np.ndarray
    weight: np.ndarray  # multiplicity of identical (h, x, n) rows
    H: int
    count: np.ndarray  # rows per group
    start: np.ndarray  # first row of each group

    @classmethod
    def build(
        cls,
        x: np.ndarray,
        n: np.ndarray,
        h: np.ndarray,
        H: int,
        *,
        weight: np.ndarray | None = None,
    ) -> Clusters:
        order = np.argsort(h, kind="stable")
        x, n, h = x[order], n[order], h[order]
        weight = np.ones(x.size) if weight is None else weight[order]
        count = np.bincount(h, minlength=H)
        start = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.intp)
        return cls(x, n, h, weight, H, count, start)

    def unique(self) -> Clusters:
        """Identical attacks of one group merged into one weighted row."""
        if self.x.size == 0:
            return self
        keys, inverse = np.unique(
            np.column_stack([self.h, self.x, self.n]), axis=0, return_inverse=True
        )
        weight = np.bincount(inverse.ravel(), weights=self.weight, minlength=keys.shape[0])
        return Clusters.build(
            keys[:, 1], keys[:, 2], keys[:, 0].astype(np.intp), self.H, weight=weight
        )

    def rows(self, unit_h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For units (each belonging to a group), every row of the unit's group.

        Returns the row index into the clusters and the unit index of each such row.
        """
        counts = self.count[unit_h]
        total = int(counts.sum())
        unit = np.repeat(np.arange(unit_h.size), counts)
        first = np.cumsum(counts) - counts
        row = np.arange(total) - first[unit] + self.start[unit_h][unit]
        return row, unit


def select(
    x: np.ndarray, n: np.ndarray, g: np.ndarray, chosen: np.ndarray
) -> tuple[Clusters, np.ndarray]:
    """Clusters of the groups in ``chosen`` (bool, length G), and their group codes."""
    codes = np.flatnonzero(chosen)
    h_of_g = np.full(chosen.size, -1, dtype=np.intp)
    h_of_g[codes] = np.arange(codes.size)
    keep = (n > 0) & (h_of_g[g] >= 0)
    return Clusters.build(x[keep], n[keep], h_of_g[g[keep]], codes.size), codes


def design_effect(summary: Summary, *, floor: float = 1.0) -> np.ndarray:
    """Design effect of the ratio estimator from a moment estimate of the ICC.

    For beta-binomial attacks, Var(sum x) = p q sum n_i (1 + (n_i - 1) rho), so the design
    effect of sum(x)/sum(n) is ``1 + rho (m_w - 1)`` with the size-weighted mean attack
    size ``m_w = sum n^2 / sum n``. The expected Pearson chi-square is
    ``(k - 1) + rho (N - k - m_w + 1)``, which gives the moment estimate of rho used here.

    With ``floor=1`` (the reported design effect) rho is clipped to [0, 1]. With a lower
    ``floor`` the estimate is left as it came out (rho at most 1), so that sampling noise
    below 1 is not removed before a t quantile accounts for it; the result is at least
    ``floor``.
    """
    k, N = summary.attacks.astype(float), summary.launched
    with np.errstate(divide="ignore", invalid="ignore"):
        m_w = summary.sum_n2 / N
        denom = N - k - m_w + 1.0
        rho = np.where(denom > 0, (summary.chi2 - (k - 1.0)) / denom, 0.0)
    rho = np.minimum(np.nan_to_num(rho), 1.0)
    if floor >= 1.0:
        rho = np.maximum(rho, 0.0)
    return np.maximum(1.0 + rho * (np.nan_to_num(m_w, nan=1.0) - 1.0), floor)


def kish_attacks(summary: Summary) -> np.ndarray:
    """Kish's effective number of attacks, ``(sum n)^2 / sum n^2`` (NaN without launches).

    The variance of the pooled rate when every attack succeeds or fails as one is
    ``p q / n_eff``: the attacks count as ``n_eff`` independent trials (Kish 1965,
    *Survey Sampling*, section 11.7).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(summary.launched > 0, summary.launched**2 / summary.sum_n2, np.nan)


def minority_attacks(x: np.ndarray, n: np.ndarray, g: np.ndarray, summary: Summary) -> np.ndarray:
    """Kish's effective number of attacks that carry the group's rarer outcome.

    With ``f`` the misses of each attack (its hits where the group's rate is below one
    half), ``(sum f)^2 / sum f^2``: 0 when every weapon had the same outcome, about 1 when
    all the misses came in one attack however many attacks there were.
    """
    G = summary.launched.size
    f = np.where((summary.rate < 0.5)[g], x, n - x)
    F = np.bincount(g, weights=f, minlength=G)
    F2 = np.bincount(g, weights=f * f, minlength=G)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(F > 0, F * F / F2, 0.0)


def jackknife_design_effect(
    x: np.ndarray, n: np.ndarray, g: np.ndarray, summary: Summary, *, floor: float = 1.0
) -> np.ndarray:
    """Design effect of the ratio from the leave-one-attack-out (jackknife) variance.

    ``V = (k - 1) / k * sum (R_(-i) - mean R_(-)) ^ 2`` over the ``k`` attacks, divided by
    the binomial variance ``R (1 - R) / N``; at least ``floor``, and 1 where it is
    undefined.
    The jackknife variance of a ratio is design-based (it assumes nothing about how
    attacks vary) and, unlike the linearised sandwich, is not biased low when there
    are few attacks (Efron and Stein 1981, Ann. Statist. 9:586; it is the cluster
    analogue of the HC3 / CR3 variance).
    """
    G = summary.launched.size
    k = summary.attacks.astype(float)
    X, N = summary.intercepted, summary.launched
    used = n > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        jack = np.where(used, (X[g] - x) / (N[g] - n), 0.0)
        jack = np.where(np.isfinite(jack), jack, 0.0)
        mean = np.bincount(g, weights=jack, minlength=G) / k
        dev = np.where(used, jack - mean[g], 0.0)
        var = (k - 1.0) / k * np.bincount(g, weights=dev * dev, minlength=G)
        pq = summary.rate * (1.0 - summary.rate)
        deff = np.where((pq > 0) & (k >= 2), var / (pq / N), 1.0)
    return np.maximum(np.nan_to_num(deff, nan=1.0, posinf=1.0), floor)


def satterthwaite_df(x: np.ndarray, n: np.ndarray, g: np.ndarray, summary: Summary) -> np.ndarray:
    """Degrees of freedom of the clustered variance of the rate, at least 1.

    The variance of the ratio is a sum over attacks of squared residuals ``e_i``; its
    degrees of freedom are Satterthwaite's (1946, Biometrics Bulletin 2:110)
    ``2 (sum Var e_i)^2 / sum Var(e_i^2)``, taken as the smallest of

    * ``k``, the number of attacks;
    * the working beta-binomial model's: ``Var e_i`` proportional to
      ``v_i = n_i (1 + (n_i - 1) rho)`` (``rho`` the moment estimate of
      :func:`design_effect`, at least 0) and
      ``Var(e_i^2) = Var(e_i)^2 (2 + kappa_i)``, with ``kappa_i = (1 - 6 p q) / (m_i p q)``
      the excess kurtosis of ``m_i = n_i / (1 + (n_i - 1) rho)`` Bernoulli trials (Kish's
      effective size of the attack): ``(sum v)^2 / sum v^2 (1 + kappa / 2)``. With a rate
      near 0 or 1 the residuals are far from normal and the variance rests on few events;
      with normal residuals this is the Bell and McCaffrey (2002) working-model count;
    * the same from the data when each attack's rarer outcome ``f`` (misses, or hits
      below one half) is Poisson-like: ``F^2 / (sum f^2 - F / 2)`` with ``F = sum f``
      (``sum f^2 - F / 2`` estimates ``sum (lambda^2 + lambda / 2)`` without bias);

    minus one for the estimated rate.
    """
    G = summary.launched.size
    k, N, rate = summary.attacks.astype(float), summary.launched, summary.rate
    pq = rate * (1.0 - rate)
    with np.errstate(divide="ignore", invalid="ignore"):
        m_w = summary.sum_n2 / N
        deff = design_effect(summary)
        rho = np.clip(np.nan_to_num((deff - 1.0) / (m_w - 1.0)), 0.0, 1.0)
        v = n * (1.0 + (n - 1.0) * rho[g])
        trials = n / (1.0 + (n - 1.0) * rho[g])
        kurtosis = np.where(n > 0, (1.0 - 6.0 * pq[g]) / (trials * pq[g]), 0.0)
        kurtosis = np.nan_to_num(kurtosis, nan=0.0, posinf=0.0)
        model = np.bincount(g, v, G) ** 2 / np.bincount(g, v * v * (1.0 + kurtosis / 2.0), G)
        f = np.where((rate < 0.5)[g], x, n - x)
        F = np.bincount(g, f, G)
        F2 = np.bincount(g, f * f, G)
        counts = np.where(F > 0, F * F / (F2 - F / 2.0), 0.0)
    df = np.fmin(np.fmin(k, model), counts) - 1.0
    return np.maximum(np.nan_to_num(df, nan=1.0), 1.0)


def interval_df(deff: np.ndarray, excess_df: np.ndarray, summary: Summary) -> np.ndarray:
    """Degrees of freedom of ``p q deff / N``, the binomial variance times a design effect.

    ``excess_df`` are the degrees of freedom ``nu_e`` of the clustered variance
    (:func:`satterthwaite_df`): its relative variance is ``2 / nu_e``, so
    ``Var = 2 (p q / N)^2 deff^2 / nu_e``. Of that, ``2 (p q / N)^2 / nu_e`` is what a
    binomial variance alone would carry on ``nu_e`` degrees of freedom; but the binomial
    part ``p q / N`` is known from the rate alone, with ``nu_b = 2 N p q / (1 - 2 p)^2``
    degrees of freedom by the delta method (``Var(p q) = (1 - 2 p)^2 p q / N``; about
    twice the rarer outcome's count, unbounded at a rate of one half). Replacing that
    share gives, by Satterthwaite's (1946) rule,
    ``deff^2 / ((deff^2 - 1) / nu_e + 1 / nu_b)``: ``nu_e`` where the attacks add much
    (``deff`` large), the binomial part's where they add nothing (``deff = 1``). At most
    ``k - 1`` (``k`` attacks) and at least 1.
    """
    rate = summary.rate
    with np.errstate(divide="ignore", invalid="ignore"):
        binomial = 2.0 * summary.launched * rate * (1.0 - rate) / (1.0 - 2.0 * rate) ** 2
        df = deff * deff / ((deff * deff - 1.0) / excess_df + 1.0 / binomial)
    k = summary.attacks.astype(float)
    df = np.fmin(np.nan_to_num(df, nan=1.0, posinf=np.inf), k - 1.0)
    return np.maximum(df, 1.0)
