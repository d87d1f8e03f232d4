"""The beta-binomial model of attacks: maximum-likelihood fit and profile-likelihood interval.

Each attack's ``x`` intercepted of ``n`` launched is beta-binomial: the attack's rate is
drawn from Beta(a, b), with mean ``mu = a / (a + b)`` and intra-attack correlation
``rho = 1 / (a + b + 1)``. :func:`betabinomial_fit` is the public fit;
:func:`profile_fit` is the vectorized kernel shared with :mod:`airdef.stats.cluster`
and :mod:`airdef.stats.pooling`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from airdef.stats._clusters import Clusters, Summary, select, summarize
from airdef.stats._common import check_groups, counts_1d
from airdef.stats._special import dpoch, lnpoch, tpoch

__all__ = ["Profile", "betabinomial_fit", "profile_fit"]

# Beta-binomial likelihood grid: one point at a negligible correlation, then log-spaced
# gamma = rho / (1 - rho) from 0.01 / (largest attack) to 1000 (rho = 0.999).
_GRID_POINTS = 12
_GAMMA_MAX = 1e3


def _cond_mle(
    cl: Clusters, unit_h: np.ndarray, s: np.ndarray, start: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Maximise the log-likelihood over mu at fixed s, per unit (safeguarded Newton).

    The beta-binomial log-likelihood is concave in mu at fixed s, so the score is
    decreasing and the bracket it gives keeps Newton safe. Returns mu, the maximised
    log-likelihood and its second derivative in mu.
    """
    U = unit_h.size
    mu, lo, hi = start.astype(float), np.zeros(U), np.ones(U)
    act = np.arange(U)
    with np.errstate(all="ignore"):
        for _ in range(100):
            if act.size == 0:
                break
            row, unit = cl.rows(unit_h[act])
            su, m = s[act][unit], mu[act][unit]
            x, n, w = cl.x[row], cl.n[row], cl.weight[row]
            score = np.bincount(
                unit, w * su * (dpoch(m * su, x) - dpoch((1 - m) * su, n - x)), act.size
            )
            curv = np.bincount(
                unit, w * su * su * (tpoch(m * su, x) + tpoch((1 - m) * su, n - x)), act.size
            )
            ma = mu[act]
            lo[act] = np.where(score > 0, ma, lo[act])
            hi[act] = np.where(score > 0, hi[act], ma)
            new = ma - score / curv
            inside = (new >= lo[act]) & (new <= hi[act]) & (new > 0) & (new < 1)
            new = np.where(inside, new, 0.5 * (lo[act] + hi[act]))
            tol = 1e-10 * np.minimum(ma, 1 - ma) + 1e-300
            done = (np.abs(new - ma) <= tol) | (hi[act] - lo[act] <= tol)
            mu[act] = new
            act = act[~done]
    ll, _, curv = _loglik(cl, unit_h, s, mu, need=2)
    return mu, ll, curv


def _loglik(
    cl: Clusters, unit_h: np.ndarray, s: np.ndarray, mu: np.ndarray, need: int = 0
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Log-likelihood per unit and, if ``need`` >= 1 and 2, its first and second mu-derivative."""
    row, unit = cl.rows(unit_h)
    U = unit_h.size
    su, m = s[unit], mu[unit]
    x, n, w = cl.x[row], cl.n[row], cl.weight[row]
    a, b = m * su, (1 - m) * su
    with np.errstate(all="ignore"):
        ll = np.bincount(unit, w * (lnpoch(a, x) + lnpoch(b, n - x) - lnpoch(su, n)), U)
        d1 = d2 = None
        if need >= 1:
            d1 = np.bincount(unit, w * su * (dpoch(a, x) - dpoch(b, n - x)), U)
        if need >= 2:
            d2 = np.bincount(unit, w * su * su * (tpoch(a, x) + tpoch(b, n - x)), U)
    return ll, d1, d2


def _root(
    cl: Clusters,
    unit_h: np.ndarray,
    s: np.ndarray,
    mu_hat: np.ndarray,
    ll_hat: np.ndarray,
    curv: np.ndarray,
    cutoff: np.ndarray,
    side: int,
) -> np.ndarray:
    """Where the log-likelihood at fixed s falls to ``cutoff``, below (side=-1) or above
    (side=+1) its maximum ``mu_hat``; NaN where the maximum is below the cutoff.

    Safeguarded Newton: ``l(mu) - cutoff`` is concave with a single root on each side
    (it tends to -infinity at 0 and 1 because the group has both outcomes).
    """
    U = unit_h.size
    root = np.full(U, np.nan)
    feasible = ll_hat > cutoff
    act = np.flatnonzero(feasible)
    lo = np.where(side < 0, 0.0, mu_hat)
    hi = np.where(side < 0, mu_hat, 1.0)
    with np.errstate(all="ignore"):
        step = np.sqrt(2.0 * (ll_hat - cutoff) / -curv)
        mu = mu_hat + side * step
        mu = np.where((mu > lo) & (mu < hi), mu, 0.5 * (lo + hi))
        for _ in range(100):
            if act.size == 0:
                break
            ll, d1, _ = _loglik(cl, unit_h[act], s[act], mu[act], need=1)
            f = ll - cutoff[act]
            ma = mu[act]
            # f < 0: mu lies beyond the root (further from mu_hat)
            beyond = f < 0
            if side < 0:
                lo[act] = np.where(beyond, ma, lo[act])
                hi[act] = np.where(beyond, hi[act], ma)
            else:
                hi[act] = np.where(beyond, ma, hi[act])
                lo[act] = np.where(beyond, lo[act], ma)
            new = ma - f / d1
            inside = (new >= lo[act]) & (new <= hi[act]) & (new > 0) & (new < 1)
            new = np.where(inside, new, 0.5 * (lo[act] + hi[act]))
            tol = 1e-10 * np.minimum(ma, 1 - ma) + 1e-300
            done = (np.abs(new - ma) <= tol) | (hi[act] - lo[act] <= tol)
            mu[act] = new
            root[act[done]] = new[done]
            act = act[~done]
        root[act] = mu[act]
    return root


def _refine(
    t: np.ndarray,
    f: np.ndarray,
    evaluate: Callable[[np.ndarray, np.ndarray], np.ndarray],
    steps: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Maximise f over t per row, starting from a grid (rows of ``t`` and ``f``).

    The best interior grid point and its neighbours bracket the maximum; each step
    evaluates one new point per row, alternately the vertex of the parabola through the
    bracketing triple and the golden-section point of its larger half, so the bracket
    shrinks even where f is far from quadratic. NaN (e.g. an unreachable cutoff) counts
    as -infinity. ``evaluate(rows, t_new)`` returns f at new points. Rows whose best grid
    point is at an edge keep it (the maximum is at the end of the parameter range).
    """
    R, K = f.shape
    f = np.where(np.isnan(f), -np.inf, f)
    k = np.argmax(f, axis=1)
    rows = np.arange(R)
    kk = np.clip(k, 1, K - 2)
    t1, t2, t3 = t[rows, kk - 1], t[rows, k].copy(), t[rows, kk + 1]
    f1, f2, f3 = f[rows, kk - 1], f[rows, k].copy(), f[rows, kk + 1]
    act = np.flatnonzero((k > 0) & (k < K - 1) & np.isfinite(f2))
    for step in range(steps):
        if act.size == 0:
            break
        a1, a2, a3 = t1[act], t2[act], t3[act]
        b1, b2, b3 = f1[act], f2[act], f3[act]
        wide_right = a3 - a2 > a2 - a1
        tn = np.where(wide_right, a2 + 0.381966 * (a3 - a2), a2 - 0.381966 * (a2 - a1))
        if step % 2 == 0:
            with np.errstate(all="ignore"):
                num = (a2 - a1) ** 2 * (b2 - b3) - (a2 - a3) ** 2 * (b2 - b1)
                den = (a2 - a1) * (b2 - b3) - (a2 - a3) * (b2 - b1)
                vertex = a2 - 0.5 * num / den
            gap = 1e-3 * (a3 - a1)
            fine = np.isfinite(vertex) & (vertex > a1 + gap) & (vertex < a3 - gap)
            fine &= np.abs(vertex - a2) > gap
            tn = np.where(fine, vertex, tn)
        fn = evaluate(act, tn)
        fn = np.where(np.isnan(fn), -np.inf, fn)
        better = fn > b2
        right = tn > a2
        # keep a bracketing triple with the best point in the middle
        t1[act] = np.where(better, np.where(right, a2, a1), np.where(right, a1, tn))
        f1[act] = np.where(better, np.where(right, b2, b1), np.where(right, b1, fn))
        t3[act] = np.where(better, np.where(right, a3, a2), np.where(right, tn, a3))
        f3[act] = np.where(better, np.where(right, b3, b2), np.where(right, fn, b3))
        t2[act] = np.where(better, tn, a2)
        f2[act] = np.where(better, fn, b2)
    return t2, f2


@dataclass
class Profile:
    mu: np.ndarray
    gamma: np.ndarray
    loglik: np.ndarray
    low: np.ndarray | None = None
    high: np.ndarray | None = None


def profile_fit(
    cl: Clusters,
    p_start: np.ndarray,
    max_n: np.ndarray,
    q: np.ndarray | None,
    *,
    prior_slope: float = 0.0,
) -> Profile:
    """Beta-binomial MLE per group and, when ``q`` (a chi-square-type quantile per group)
    is given, the profile-likelihood interval ``{mu : max_gamma l(mu, gamma) >= l_max - q/2}``.

    That set is the union over gamma of the sets ``{mu : l(mu, gamma) >= cutoff}``, each an
    interval because l is concave in mu. So its lower end is the minimum over gamma of
    the lower roots, taken over the gammas where the cutoff is reachable at all: that
    range is bracketed on a coarse log-gamma grid and its ends found by bisection; the
    roots are then found on a fine grid across it and refined by parabolic interpolation.

    ``prior_slope`` > 0 (only without ``q``) maximises ``l + prior_slope * log(gamma)``
    instead: the posterior mode of log(gamma) under a prior density proportional to
    ``gamma ** prior_slope`` (1/2 for the prior (a + b) ** (-5/2) on Beta(a, b)).
    """
    H, K = cl.H, _GRID_POINTS
    groups = np.arange(H)
    t_low = np.log(1e-2 / np.maximum(max_n, 1.0))
    t_grid = np.empty((H, K))
    t_grid[:, 0] = t_low + np.log(1e-8)  # a negligible correlation: the binomial limit
    t_grid[:, 1:] = np.linspace(t_low, np.full(H, np.log(_GAMMA_MAX)), K - 1, axis=1)
    unit_h = np.repeat(groups, K)
    ll = _cond_mle(cl, unit_h, np.exp(-t_grid.ravel()), p_start[unit_h])[1].reshape(H, K)

    def max_at(rows: np.ndarray, t_new: np.ndarray) -> np.ndarray:
        return _cond_mle(cl, rows, np.exp(-t_new), p_start[rows])[1] + prior_slope * t_new

    # refine on the evenly spaced part; the binomial-limit point is a separate candidate
    t_hat, ll_hat = _refine(t_grid[:, 1:], ll[:, 1:] + prior_slope * t_grid[:, 1:], max_at, steps=8)
    ll_hat -= prior_slope * t_hat
    at_zero = (ll[:, 0] >= ll_hat) & (prior_slope == 0)  # the maximum is at the binomial limit
    t_hat[at_zero] = t_grid[at_zero, 0]
    mu_hat, ll_hat2, _ = _cond_mle(cl, groups, np.exp(-t_hat), p_start)
    gamma = np.exp(t_hat)
    gamma[at_zero] = 0.0
    mu_hat[at_zero] = p_start[at_zero]
    profile = Profile(mu_hat, gamma, np.maximum(ll_hat, ll_hat2))
    if q is None:
        return profile

    # The gammas where max_mu l(mu, gamma) reaches the cutoff: an interval around t_hat.
    cutoff = profile.loglik - q / 2.0
    reach = ll > cutoff[:, None]
    ends = []
    for side in (-1, 1):
        beyond = ~reach & (side * (t_grid - t_hat[:, None]) > 0)
        # the nearest coarse point beyond the edge, or none (the whole side is reachable)
        k_out = np.where(side < 0, K - 1 - np.argmax(beyond[:, ::-1], axis=1), np.argmax(beyond, 1))
        has_out = beyond.any(axis=1)
        t_out = t_grid[groups, k_out]
        t_in = t_hat.copy()
        act = np.flatnonzero(has_out)
        for _ in range(6):  # bisection to 1/64 of the coarse step
            mid = 0.5 * (t_in[act] + t_out[act])
            ok = max_at(act, mid) > cutoff[act]
            t_in[act] = np.where(ok, mid, t_in[act])
            t_out[act] = np.where(ok, t_out[act], mid)
        edge = t_grid[:, 0 if side < 0 else K - 1]
        if side < 0:  # below t_low the likelihood hardly changes: no need to look further
            edge = t_low - 1.0
        ends.append(np.where(has_out, t_in, edge))
    t_a, t_b = ends
    frac = np.linspace(0.0, 1.0, 9)
    t_fine = t_a[:, None] + (t_b - t_a)[:, None] * frac[None, :]
    t_fine = np.concatenate([t_fine, t_hat[:, None], t_grid[:, :1]], axis=1)
    t_fine[:, :-1].sort(axis=1)  # the binomial-limit point stays last, outside the refinement
    F = t_fine.shape[1]
    unit_h = np.repeat(groups, F)
    s = np.exp(-t_fine.ravel())
    mu, llf, curv = _cond_mle(cl, unit_h, s, p_start[unit_h])
    bounds = []
    for side in (-1, 1):
        r = side * _root(cl, unit_h, s, mu, llf, curv, cutoff[unit_h], side).reshape(H, F)

        def end_at(rows: np.ndarray, t_new: np.ndarray, side: int = side) -> np.ndarray:
            s_new = np.exp(-t_new)
            m, lv, cv = _cond_mle(cl, rows, s_new, p_start[rows])
            return side * _root(cl, rows, s_new, m, lv, cv, cutoff[rows], side)

        # maximise -low and +high
        _, best = _refine(t_fine[:, :-1], r[:, :-1], end_at, steps=6)
        bounds.append(side * np.fmax(best, r[:, -1]))
    profile.low, profile.high = bounds
    return profile


def betabinomial_fit(x: Any, n: Any, group: Any, *, n_groups: int | None = None) -> pd.DataFrame:
    """Maximum-likelihood beta-binomial fit per group.

    Each attack's ``x`` is beta-binomial with mean ``mu * n`` and intra-attack
    correlation ``rho``, i.e. Beta(a, b) rates with ``mu = a / (a + b)`` and
    ``rho = 1 / (a + b + 1)``. The likelihood is maximised over ``mu`` by Newton's
    method at each point of a log-spaced grid of ``rho / (1 - rho)``, and over that
    grid by parabolic interpolation, all groups at once.

    Parameters
    ----------
    x, n, group, n_groups
        As in :func:`cluster_summary`.

    Returns
    -------
    pandas.DataFrame
        Indexed by group with columns ``mu``, ``rho`` (0 when the maximum is at the
        binomial limit; at most 0.999) and ``loglik`` (including the binomial
        coefficients, so it matches ``scipy.stats.betabinom.logpmf`` summed). Groups
        where every attack has ``x = 0`` (or every ``x = n``) get ``mu = 0`` (1),
        ``rho = 0``; groups without launches get NaN.

    Examples
    --------
    >>> x = [40, 75, 20, 110, 52, 8, 15, 3, 30]
    >>> n = [48, 80, 35, 112, 70, 10, 20, 6, 31]
    >>> betabinomial_fit(x, n, [0, 0, 0, 0, 0, 1, 1, 1, 1]).round(4)
               mu     rho   loglik
    group
    0      0.8206  0.1376 -17.3014
    1      0.7917  0.0981  -8.7722
    """
    xa, na = counts_1d(x, n)
    g, G = check_groups(group, xa.size, n_groups)
    summary = summarize(xa, na, g, G)
    return _fit_frame(xa, na, g, summary)


def _fit_frame(x: np.ndarray, n: np.ndarray, g: np.ndarray, summary: Summary) -> pd.DataFrame:
    G = summary.launched.size
    mixed = (summary.intercepted > 0) & (summary.intercepted < summary.launched)
    mu = np.where(summary.launched > 0, summary.rate, np.nan)
    rho = np.where(summary.launched > 0, 0.0, np.nan)
    cl, codes = select(x, n, g, mixed)
    if codes.size:
        fit = profile_fit(cl.unique(), summary.rate[codes], summary.max_n[codes], None)
        mu[codes] = fit.mu
        rho[codes] = fit.gamma / (1.0 + fit.gamma)
    # log-likelihood with the binomial coefficients, at the fitted values
    used = n > 0
    with np.errstate(all="ignore"):
        r = rho[g]
        s = np.where(r > 0, (1.0 - r) / r, np.inf)
        m = mu[g]
        bb = stats.betabinom.logpmf(x, n, m * s, (1.0 - m) * s)
        bi = stats.binom.logpmf(x, n, m)
        terms = np.where(used, np.where(r > 0, bb, bi), 0.0)
    loglik = np.bincount(g, weights=terms, minlength=G)
    loglik[summary.launched == 0] = np.nan
    return pd.DataFrame(
        {"mu": mu, "rho": rho, "loglik": loglik}, index=pd.RangeIndex(G, name="group")
    )
