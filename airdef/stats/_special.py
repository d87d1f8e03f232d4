"""Special functions for the beta-binomial likelihood, and vectorized root finding.

The module is private; its functions are public within the package. The Pochhammer
differences use Stirling's series for large arguments so that the beta-binomial
likelihood keeps its precision in the binomial limit; :func:`find_root` is
Chandrupatla's (1997) bracketing method, elementwise over arrays.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import special

__all__ = ["dpoch", "find_root", "lnpoch", "tpoch", "trigamma"]


# --- beta-binomial likelihood ----------------------------------------------------------
#
# Parametrised by the mean mu and gamma = 1 / (a + b) = rho / (1 - rho), rho being the
# intra-attack correlation; s = 1 / gamma. For one attack, up to a constant,
#   l = lnpoch(mu s, x) + lnpoch((1 - mu) s, n - x) - lnpoch(s, n),
# lnpoch(a, k) = lnGamma(a + k) - lnGamma(a). For large a the differences are taken from
# Stirling's series so that gamma -> 0 (s -> infinity) loses no precision.


def stirling_tail(z: np.ndarray) -> np.ndarray:
    """lnGamma(z) - [(z - 1/2) ln z - z + ln(2 pi) / 2] for z >= 10 (error < 1e-12)."""
    r = 1.0 / z
    r2 = r * r
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)))


def lnpoch(a: np.ndarray, k: np.ndarray) -> np.ndarray:
    out = np.empty(a.shape)
    big = a >= 10.0
    ab, kb = a[big], k[big]
    out[big] = (
        kb * np.log(ab)
        + (ab + kb - 0.5) * np.log1p(kb / ab)
        - kb
        + stirling_tail(ab + kb)
        - stirling_tail(ab)
    )
    small = ~big
    a_s, k_s = a[small], k[small]
    out[small] = special.gammaln(a_s + k_s) - special.gammaln(a_s)
    return out


def psi_tail(z: np.ndarray) -> np.ndarray:
    """psi(z) - [ln z - 1/(2z)] for z >= 10."""
    r2 = 1.0 / (z * z)
    return -r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 / 240)))


def dpoch(a: np.ndarray, k: np.ndarray) -> np.ndarray:
    """psi(a + k) - psi(a)."""
    out = np.empty(a.shape)
    big = a >= 10.0
    ab, kb = a[big], k[big]
    out[big] = np.log1p(kb / ab) + kb / (2.0 * ab * (ab + kb)) + psi_tail(ab + kb) - psi_tail(ab)
    small = ~big
    a_s, k_s = a[small], k[small]
    out[small] = special.digamma(a_s + k_s) - special.digamma(a_s)
    return out


def trigamma(z: np.ndarray) -> np.ndarray:
    """psi'(z) for z > 0: the asymptotic series at z >= 4, shifted there by the recurrence
    (relative error < 1e-8: enough to steer Newton steps, and faster than scipy's zeta)."""
    z = np.array(z, dtype=float)
    small = z < 4.0
    shift = np.zeros(z.shape)
    zs = z[small]
    shift[small] = 1 / (zs * zs) + 1 / ((zs + 1) ** 2) + 1 / ((zs + 2) ** 2) + 1 / ((zs + 3) ** 2)
    z[small] += 4.0
    r = 1.0 / z
    r2 = r * r
    series = 1 / 6 - r2 * (1 / 30 - r2 * (1 / 42 - r2 * (1 / 30 - r2 * 5 / 66)))
    return shift + r * (1.0 + r * (0.5 + r * series))


def tpoch(a: np.ndarray, k: np.ndarray) -> np.ndarray:
    """psi'(a + k) - psi'(a); it only steers Newton steps, so the plain difference will do."""
    return trigamma(a + k) - trigamma(a)


def find_root(
    func: Callable[..., np.ndarray],
    lo: np.ndarray,
    hi: np.ndarray,
    f_lo: np.ndarray,
    f_hi: np.ndarray,
    args: tuple[np.ndarray, ...] = (),
    *,
    xatol: float = 1e-15,
    xrtol: float = 1e-13,
    maxiter: int = 200,
) -> np.ndarray:
    """Roots of ``func(x, *args)`` bracketed by ``[lo, hi]``, elementwise (Chandrupatla 1997).

    ``f_lo`` and ``f_hi`` must have opposite signs (they may be infinite). Every iteration
    evaluates ``func`` once on the still-unconverged elements only; the bracket is kept
    throughout, so the method falls back to bisection and always converges.
    """
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    root = np.where(f_lo == 0, lo, np.where(f_hi == 0, hi, np.nan))
    act = np.flatnonzero(np.isnan(root) & (f_lo != 0) & (f_hi != 0))
    x1, x2, f1, f2 = lo[act], hi[act], f_lo[act], f_hi[act]
    x3, f3 = x2.copy(), f2.copy()
    args = tuple(np.broadcast_to(a, lo.shape)[act] for a in args)
    t = np.full(act.size, 0.5)
    with np.errstate(all="ignore"):
        for _ in range(maxiter):
            if act.size == 0:
                break
            xt = x1 + t * (x2 - x1)
            ft = func(xt, *args)
            same = np.signbit(ft) == np.signbit(f1)
            x3 = np.where(same, x1, x2)
            f3 = np.where(same, f1, f2)
            x2 = np.where(same, x2, x1)
            f2 = np.where(same, f2, f1)
            x1, f1 = xt, ft
            best = np.abs(f1) < np.abs(f2)
            xm = np.where(best, x1, x2)
            tol = xrtol * np.abs(xm) + xatol
            tl = tol / np.abs(x2 - x1)
            done = (tl > 0.5) | (f1 == 0) | np.isnan(f1)
            if done.any():
                root[act[done]] = np.where(f1[done] == 0, x1[done], xm[done])
                keep = ~done
                act, x1, x2, x3, f1, f2, f3, tl = (
                    a[keep] for a in (act, x1, x2, x3, f1, f2, f3, tl)
                )
                args = tuple(a[keep] for a in args)
            xi = (x1 - x2) / (x3 - x2)
            phi = (f1 - f2) / (f3 - f2)
            interpolate = (phi * phi < xi) & ((1 - phi) * (1 - phi) < 1 - xi)
            t = (f1 / (f2 - f1)) * (f3 / (f2 - f3)) + ((x3 - x1) / (x2 - x1)) * (f1 / (f3 - f1)) * (
                f2 / (f3 - f2)
            )
            t = np.where(interpolate, t, 0.5)
            t = np.clip(t, tl, 1 - tl)
        if act.size:  # not converged in maxiter: the midpoint of the remaining bracket
            root[act] = 0.5 * (x1 + x2)
    return root


# --- one kernel per method: (x, n, z, alpha) -> (low, high), x and n valid floats -------
