"""A logistic trend in time with small-sample cluster-robust inference, vectorized.

:func:`logistic_trend` fits ``logit p_i = b0 + b1 (t_i - mean t)`` to ``x_i`` successes
of ``n_i`` trials (one row per attack, the attack being the cluster) by Newton's method,
for many independent data sets at once (rows of 2-D arrays). The slope's variance is the
CR2 ("bias-reduced linearization") sandwich of Bell and McCaffrey (2002, Survey
Methodology 28:169), with the leverage of each attack taken out of its residual, and the
interval uses a t distribution with Bell and McCaffrey's Satterthwaite degrees of freedom
(recommended by Imbens and Kolesar 2016, Rev. Econ. Stat. 98:701, and Pustejovsky and
Tipton 2018, J. Bus. Econ. Stat. 36:672). With six attacks the normal CR1 interval
covered 0.82-0.88; with ten or more attacks this one covers at least 0.92 in the seeded
grid of the tests.

Examples
--------
>>> import numpy as np
>>> t = np.linspace(0, 1, 12)
>>> x = np.array([1, 2, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8])
>>> fit = logistic_trend(x, np.full(12, 10), t)
>>> round(float(fit.slope[0]), 3), round(float(fit.df[0]), 1)
(3.185, 6.4)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import special, stats

from airdef.stats._common import check_level

__all__ = ["TrendFit", "logistic_trend"]


@dataclass
class TrendFit:
    """Per data set: intercept and slope (log odds per unit of time, at the mean time),
    the slope's CR2 standard error, Bell-McCaffrey degrees of freedom, the interval
    ``slope_low, slope_high``, the two-sided ``p_value`` and ``converged``."""

    intercept: np.ndarray
    slope: np.ndarray
    se: np.ndarray
    df: np.ndarray
    slope_low: np.ndarray
    slope_high: np.ndarray
    p_value: np.ndarray
    converged: np.ndarray
    t_mean: np.ndarray


def _rows(value: Any) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    return arr[None, :] if arr.ndim == 1 else arr


def logistic_trend(
    x: Any,
    n: Any,
    t: Any,
    *,
    mask: Any = None,
    confidence_level: float = 0.95,
    max_iter: int = 50,
) -> TrendFit:
    """Logistic regression of ``x / n`` on ``t`` per row, with CR2 / Bell-McCaffrey inference.

    Parameters
    ----------
    x, n, t : array_like
        Successes, trials and times; 1-D (one data set) or 2-D (one data set per row).
    mask : array_like of bool, optional
        Which entries are used (for rows of different lengths); default all with
        ``n > 0``.
    confidence_level : float, default 0.95
    max_iter : int, default 50
        Newton steps; a row whose slope has not settled (separation) has
        ``converged = False``.

    Returns
    -------
    TrendFit
        Arrays with one value per row.
    """
    level = check_level(confidence_level)
    X, N, T = np.broadcast_arrays(_rows(x), _rows(n), _rows(t))
    use = (N > 0) if mask is None else (_rows(mask).astype(bool) & (N > 0))
    w0 = use.astype(float)
    k = w0.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        t_mean = (T * w0).sum(axis=1) / k
    tc = np.where(use, T - t_mean[:, None], 0.0)
    Nm = np.where(use, N, 0.0)
    Xm = np.where(use, X, 0.0)
    R = X.shape[0]
    with np.errstate(all="ignore"):
        p0 = (Xm.sum(1) + 0.5) / (Nm.sum(1) + 1.0)
    beta = np.column_stack([special.logit(p0), np.zeros(R)])
    converged = np.zeros(R, dtype=bool)
    with np.errstate(all="ignore"):
        for _ in range(max_iter):
            eta = beta[:, :1] + beta[:, 1:] * tc
            p = special.expit(eta)
            w = Nm * p * (1 - p)
            r = Xm - Nm * p
            g0, g1 = r.sum(1), (r * tc).sum(1)
            h00, h01, h11 = w.sum(1), (w * tc).sum(1), (w * tc * tc).sum(1)
            det = h00 * h11 - h01 * h01
            d0 = (h11 * g0 - h01 * g1) / det
            d1 = (h00 * g1 - h01 * g0) / det
            step = np.column_stack([d0, d1])
            step = np.where(np.isfinite(step), step, 0.0)
            step = np.clip(step, -5.0, 5.0)
            beta = beta + np.where(converged[:, None], 0.0, step)
            converged |= np.abs(step).max(axis=1) < 1e-10
            if converged.all():
                break
        eta = beta[:, :1] + beta[:, 1:] * tc
        p = special.expit(eta)
        w = Nm * p * (1 - p)
        h00, h01, h11 = w.sum(1), (w * tc).sum(1), (w * tc * tc).sum(1)
        det = h00 * h11 - h01 * h01
        # A = (Z'Z)^-1 with z_i = sqrt(w_i) (1, tc_i)
        a00, a01, a11 = h11 / det, -h01 / det, h00 / det
        a00, a01, a11 = a00[:, None], a01[:, None], a11[:, None]
        lev = w * (a00 + 2 * a01 * tc + a11 * tc * tc)  # h_ii
        c = np.sqrt(w) * (a01 + a11 * tc)  # c_i = e_slope' A z_i
        pearson = np.where(w > 0, (Xm - Nm * p) / np.sqrt(w), 0.0)
        one_minus = np.clip(1.0 - lev, 1e-12, None)
        d = np.where(use, c * c / one_minus, 0.0)  # a_i^2
        var = (d * pearson * pearson).sum(1)
        # Bell-McCaffrey: df = tr(D(I-H))^2 / tr(D(I-H)D(I-H)), D = diag(a^2)
        tr1 = (d * (1.0 - lev)).sum(1)
        m00 = (d * w).sum(1)
        m01 = (d * w * tc).sum(1)
        m11 = (d * w * tc * tc).sum(1)
        a00, a01, a11 = a00[:, 0], a01[:, 0], a11[:, 0]
        # tr(A M A M) for 2x2 symmetric A, M
        am00 = a00 * m00 + a01 * m01
        am01 = a00 * m01 + a01 * m11
        am10 = a01 * m00 + a11 * m01
        am11 = a01 * m01 + a11 * m11
        tram = am00 * am00 + 2 * am01 * am10 + am11 * am11
        tr2 = (d * d).sum(1) - 2 * (d * d * lev).sum(1) + tram
        df = np.maximum(tr1 * tr1 / tr2, 1.0)
        se = np.sqrt(var)
        q = stats.t.ppf(0.5 + level / 2.0, df)
        slope = beta[:, 1]
        p_value = 2 * stats.t.sf(np.abs(slope / se), df)
    return TrendFit(
        intercept=beta[:, 0],
        slope=slope,
        se=se,
        df=df,
        slope_low=slope - q * se,
        slope_high=slope + q * se,
        p_value=p_value,
        converged=converged,
        t_mean=t_mean,
    )
