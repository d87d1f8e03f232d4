"""Confidence intervals for one binomial proportion, vectorized over arrays and Series.

:func:`binomial_ci` is the validated public entry point. :func:`wilson_bounds` is the
unvalidated float kernel that other estimators (for example the clustered intervals,
which feed it design-effect-adjusted "effective" counts) call directly.

Examples
--------
>>> from airdef.stats.binomial import binomial_ci
>>> low, high = binomial_ci(15, 148)
>>> round(low, 4), round(high, 4)
(0.0624, 0.1605)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import special

from airdef.stats._common import broadcast_inputs, check_counts, check_level, check_method
from airdef.stats._special import find_root

__all__ = [
    "METHODS",
    "BinomialCI",
    "binomial_ci",
    "mid_p_bounds",
    "wilson_bounds",
    "wilson_cc_bounds",
]

#: Valid values of ``method`` for :func:`binomial_ci`, the default first.
METHODS: tuple[str, ...] = (
    "wilson",
    "wilson_cc",
    "jeffreys",
    "clopper_pearson",
    "agresti_coull",
    "wald",
    "wald_cc",
    "mid_p",
    "likelihood",
)


def wilson_bounds(x: Any, n: Any, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score bounds for float counts, without any validation.

    The kernel behind ``binomial_ci(..., method="wilson")``. Counts may be fractional
    (design-effect-adjusted "effective" successes and trials). NaN in ``x`` or ``n``
    gives NaN bounds; ``n`` must be positive and ``0 <= x <= n`` (not checked).

    Parameters
    ----------
    x, n : array_like of float
        Successes and trials; broadcast against each other.
    z : float
        Standard normal quantile, e.g. 1.959964 for a two-sided 95% interval.

    Returns
    -------
    low, high : numpy.ndarray
        Bounds clipped to [0, 1]; ``low`` is exactly 0 where ``x <= 0`` and ``high``
        exactly 1 where ``x >= n``.

    Examples
    --------
    >>> low, high = wilson_bounds([0.0, 7.5], [20.0, 12.5], 1.959964)
    >>> low.round(4).tolist(), high.round(4).tolist()
    ([0.0, 0.3378], [0.1611, 0.8152])
    """
    x, n = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(n, dtype=float))
    shape = x.shape
    x, n = x.reshape(-1), n.reshape(-1)
    z2 = float(z) * float(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        denom = n + z2
        spread = x * (n - x)
        spread /= n
        spread += z2 / 4.0
        spread *= z2
        np.sqrt(spread, out=spread)  # z * sqrt(x(n-x)/n + z^2/4)
        centre = x + z2 / 2.0
        low = centre - spread
        low /= denom
        high = np.add(centre, spread, out=centre)
        high /= denom
    np.maximum(low, 0.0, out=low)
    np.minimum(high, 1.0, out=high)
    # x(n-x) = 0 makes the spread exactly z^2/2, so low is exactly 0 at x = 0; the
    # upper bound at x = n can miss 1 by an ulp and is set.
    high[x >= n] = 1.0
    return low.reshape(shape), high.reshape(shape)


@dataclass(frozen=True, eq=False)
class BinomialCI:
    """A confidence interval: ``low`` and ``high`` bounds that unpack as ``low, high``.

    Bounds are Python floats for scalar input, NumPy arrays for array input and
    pandas Series (named ``ci_low`` and ``ci_high``, input index kept) for Series input.

    Examples
    --------
    >>> ci = BinomialCI(0.1, 0.3, method="wilson", confidence_level=0.95)
    >>> low, high = ci
    >>> low, high
    (0.1, 0.3)
    """

    low: Any
    high: Any
    method: str
    confidence_level: float

    def __iter__(self) -> Iterator[Any]:
        return iter((self.low, self.high))


# --- one kernel per method: (x, n, z, alpha) -> (low, high), x and n valid floats -------


def _normal_bounds(centre, n, z, cc=0.0):
    """centre -/+ (z * sqrt(centre (1 - centre) / n) + cc / n), clipped to [0, 1]."""
    half = 1.0 - centre
    half *= centre
    half /= n
    np.sqrt(half, out=half)
    half *= z
    if cc:
        half += cc / n
    low = centre - half
    high = np.add(centre, half, out=half)
    np.maximum(low, 0.0, out=low)  # low <= centre <= 1 and high >= centre >= 0 already
    np.minimum(high, 1.0, out=high)
    return low, high


def _wald(x, n, z, alpha):
    return _normal_bounds(x / n, n, z)


def _wald_cc(x, n, z, alpha):
    return _normal_bounds(x / n, n, z, cc=0.5)


def _wilson(x, n, z, alpha):
    return wilson_bounds(x, n, z)


def _wilson_cc(x, n, z, alpha):
    return wilson_cc_bounds(x, n, z)


def wilson_cc_bounds(x: Any, n: Any, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Continuity-corrected Wilson bounds for float counts (Newcombe 1998, method 4),
    without validation: the kernel of ``binomial_ci(..., method="wilson_cc")``."""
    p = x / n
    q = 1.0 - p
    z2 = z * z
    denom = 2.0 * (n + z2)
    with np.errstate(invalid="ignore"):
        low_root = np.sqrt(np.maximum(z2 - 2.0 - 1.0 / n + 4.0 * p * (n * q + 1.0), 0.0))
        high_root = np.sqrt(np.maximum(z2 + 2.0 - 1.0 / n + 4.0 * p * (n * q - 1.0), 0.0))
    low = (2.0 * n * p + z2 - 1.0 - z * low_root) / denom
    high = (2.0 * n * p + z2 + 1.0 + z * high_root) / denom
    low = np.where(x == 0, 0.0, np.clip(low, 0.0, 1.0))
    high = np.where(x == n, 1.0, np.clip(high, 0.0, 1.0))
    return low, high


def _agresti_coull(x, n, z, alpha):
    z2 = z * z
    n_adj = n + z2
    return _normal_bounds((x + z2 / 2.0) / n_adj, n_adj, z)


def _beta_bounds(x, n, alpha, a_low, b_low, a_high, b_high):
    low = special.betaincinv(a_low, b_low, alpha / 2.0)
    high = special.betainccinv(a_high, b_high, alpha / 2.0)
    low[x == 0] = 0.0
    high[x == n] = 1.0
    return low, high


def _clopper_pearson(x, n, z, alpha):
    with np.errstate(invalid="ignore"):
        return _beta_bounds(x, n, alpha, x, n - x + 1.0, x + 1.0, n - x)


def _jeffreys(x, n, z, alpha):
    a, b = x + 0.5, n - x + 0.5
    return _beta_bounds(x, n, alpha, a, b, a, b)


def _by_symmetry(lower: Callable[[np.ndarray, np.ndarray], np.ndarray], x, n):
    """(lower(x, n), 1 - lower(n - x, n)) from one vectorized call on NaN-free elements."""
    ok = ~(np.isnan(x) | np.isnan(n))
    xs, ns = x[ok], n[ok]
    both = lower(np.concatenate([xs, ns - xs]), np.concatenate([ns, ns]))
    low = np.full(x.shape, np.nan)
    high = np.full(x.shape, np.nan)
    low[ok] = both[: xs.size]
    high[ok] = 1.0 - both[xs.size :]
    return low, high


def _mid_p(x, n, z, alpha):
    def lower(x, n):
        # Solve P(X > x) + P(X = x) / 2 = alpha / 2 for p. With B(p) = P(X > x) =
        # I_p(x + 1, n - x) and f(p) = P(X = x), the left side is B + f / 2.
        low = np.zeros(x.shape)
        top = x == n  # P(X > n) = 0, so p^n / 2 = alpha / 2
        low[top] = np.exp(np.log(alpha) / n[top])
        inner = (x > 0) & ~top
        xi, ni = x[inner], n[inner]
        log_comb = -np.log1p(ni) - special.betaln(xi + 1.0, ni - xi + 1.0)

        def half_pmf(p, x, n, log_comb):
            return 0.5 * np.exp(log_comb + special.xlogy(x, p) + special.xlog1py(n - x, -p))

        def f(p, x, n, log_comb):
            return special.betainc(x + 1.0, n - x, p) + half_pmf(p, x, n, log_comb) - alpha / 2

        # P(X >= x) = B + f = alpha/2 at lo, so there the mid-p tail is alpha/2 - f/2;
        # B = alpha/2 at hi, so there it is alpha/2 + f/2: the root lies between.
        lo = special.betaincinv(xi, ni - xi + 1.0, alpha / 2.0)
        hi = special.betaincinv(xi + 1.0, ni - xi, alpha / 2.0)
        args = (xi, ni, log_comb)
        low[inner] = find_root(f, lo, hi, -half_pmf(lo, *args), half_pmf(hi, *args), args)
        return low

    low, high = _by_symmetry(lower, x, n)
    high[x == 0] = -np.expm1(np.log(alpha) / n[x == 0])
    return low, high


def mid_p_bounds(x: Any, n: Any, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Mid-p bounds (Lancaster 1961) for float counts, without any validation.

    The kernel behind ``binomial_ci(..., method="mid_p")``: the lower bound solves
    ``P(X > x) + P(X = x) / 2 = alpha / 2``, the upper ``P(X < x) + P(X = x) / 2 = alpha / 2``.
    Counts may be fractional (design-effect-adjusted "effective" counts): with
    ``P(X >= x) = I_p(x, n - x + 1)`` and ``P(X > x) = I_p(x + 1, n - x)`` (regularized
    incomplete beta functions), the mid-p tail is their average, and ``P(X = x)`` their
    difference ``p^x (1 - p)^(n - x) / ((n + 1) B(x + 1, n - x + 1))``. Needs
    ``0 <= x <= n``, ``n > 0`` (not checked); found by vectorized root finding.

    Examples
    --------
    >>> low, high = mid_p_bounds([1.0, 7.5], [20.0, 12.5], 0.05)
    >>> low.round(4).tolist(), high.round(4).tolist()
    ([0.0025, 0.322], [0.2228, 0.8361])
    """
    x = np.atleast_1d(np.asarray(x, dtype=float))
    n = np.atleast_1d(np.asarray(n, dtype=float))
    x, n = np.broadcast_arrays(x, n)
    return _mid_p(x.copy(), n.copy(), 0.0, alpha)


def _likelihood(x, n, z, alpha):
    half_chi2 = z * z / 2.0

    def lower(x, n):
        # Solve log L(x/n) - log L(p) = z^2 / 2 for p < x/n.
        low = np.zeros(x.shape)
        top = x == n
        low[top] = np.exp(-half_chi2 / n[top])
        inner = (x > 0) & ~top
        xi, ni = x[inner], n[inner]
        p_hat = xi / ni

        def f(p, x, n, p_hat):  # increasing in p on (0, p_hat)
            return half_chi2 - x * np.log(p_hat / p) - (n - x) * np.log((1.0 - p_hat) / (1.0 - p))

        # The Wilson bound is close: use it to split (0, p_hat) into the side holding the root.
        guess, _ = wilson_bounds(xi, ni, z)
        f_guess = f(guess, xi, ni, p_hat)
        below = f_guess <= 0
        lo = np.where(below, guess, 0.0)
        hi = np.where(below, p_hat, guess)
        f_lo = np.where(below, f_guess, -np.inf)
        f_hi = np.where(below, half_chi2, f_guess)
        low[inner] = find_root(f, lo, hi, f_lo, f_hi, (xi, ni, p_hat))
        return low

    low, high = _by_symmetry(lower, x, n)
    high[x == 0] = -np.expm1(-half_chi2 / n[x == 0])
    return low, high


def _on_unique_pairs(kernel: Callable[..., tuple[np.ndarray, np.ndarray]], x, n, z, alpha):
    """Run ``kernel`` once per distinct (x, n) pair: counts repeat a lot in real tables,
    and the beta-quantile and root-finding kernels cost about a microsecond per bound."""
    ok = ~(np.isnan(x) | np.isnan(n))
    xs, ns = x[ok], n[ok]
    if xs.size < 2 or ns.max() >= 2.0**31:
        return kernel(x, n, z, alpha)
    key = (ns.astype(np.int64) << 32) | xs.astype(np.int64)
    unique, inverse = np.unique(key, return_inverse=True)
    low_u, high_u = kernel(
        (unique & 0xFFFFFFFF).astype(float), (unique >> 32).astype(float), z, alpha
    )
    low = np.full(x.shape, np.nan)
    high = np.full(x.shape, np.nan)
    low[ok] = low_u[inverse]
    high[ok] = high_u[inverse]
    return low, high


_KERNELS: dict[str, Callable[..., tuple[np.ndarray, np.ndarray]]] = {
    "wilson": _wilson,
    "wilson_cc": _wilson_cc,
    "jeffreys": _jeffreys,
    "clopper_pearson": _clopper_pearson,
    "agresti_coull": _agresti_coull,
    "wald": _wald,
    "wald_cc": _wald_cc,
    "mid_p": _mid_p,
    "likelihood": _likelihood,
}

_COSTLY = frozenset({"jeffreys", "clopper_pearson", "mid_p", "likelihood"})


def binomial_ci(
    successes: Any,
    trials: Any,
    *,
    method: str = "wilson",
    confidence_level: float = 0.95,
) -> BinomialCI:
    """Two-sided confidence interval for a binomial proportion, elementwise.

    Parameters
    ----------
    successes, trials : int, array_like or pandas.Series
        Counts ``x`` and ``n`` (whole numbers, ``0 <= x <= n``, ``n >= 1``), broadcast
        against each other. Missing values (NaN, None, ``pd.NA`` in a nullable ``Int64``
        Series) mean "unknown" and give NaN bounds for that element; they never raise.
    method : str, default "wilson"
        One of:

        * ``"wilson"`` -- Wilson score interval (the default; good coverage at any n).
        * ``"wilson_cc"`` -- Wilson with continuity correction (Newcombe 1998, method 4).
        * ``"jeffreys"`` -- equal-tailed Beta(x + 1/2, n - x + 1/2) quantiles, with
          ``low = 0`` at ``x = 0`` and ``high = 1`` at ``x = n``.
        * ``"clopper_pearson"`` -- the "exact" interval from Beta quantiles; conservative.
        * ``"agresti_coull"`` -- Wald on ``x + z^2/2`` successes in ``n + z^2`` trials.
        * ``"wald"`` -- ``p +/- z * sqrt(p(1-p)/n)``; poor coverage, zero width at 0 and n.
        * ``"wald_cc"`` -- Wald widened by ``1/(2n)`` on each side.
        * ``"mid_p"`` -- Clopper-Pearson with half the probability of the observed count.
        * ``"likelihood"`` -- likelihood-ratio interval, ``2 * (log L(x/n) - log L(p)) <= z^2``.

        ``mid_p`` and ``likelihood`` are found by vectorized root finding (absolute
        accuracy better than 1e-10); the rest are closed forms.
    confidence_level : float, default 0.95
        Strictly between 0 and 1.

    Returns
    -------
    BinomialCI
        ``low`` and ``high``, clipped to [0, 1]; unpacks as ``low, high``. Floats for
        scalar input, arrays for arrays, Series with the input index for Series.

    Raises
    ------
    ValueError
        For negative, non-whole or infinite counts, ``trials < 1``, ``successes > trials``,
        a ``confidence_level`` outside (0, 1), or an unknown ``method``.

    Examples
    --------
    >>> import pandas as pd
    >>> from airdef.stats.binomial import binomial_ci
    >>> binomial_ci(81, 263)
    BinomialCI(low=0.2553, high=0.3662, method='wilson', confidence_level=0.95)
    >>> low, high = binomial_ci([0, 1, 20], 20, method="clopper_pearson")
    >>> low.round(4), high.round(4)
    (array([0.    , 0.0013, 0.8316]), array([0.1684, 0.2487, 1.    ]))
    >>> shot = pd.Series([12, None, 3], index=["Shahed", "Kh-101", "Iskander-M"], dtype="Int64")
    >>> launched = pd.Series([15, 8, 9], index=shot.index, dtype="Int64")
    >>> binomial_ci(shot, launched).low.round(3)
    Shahed        0.548
    Kh-101          NaN
    Iskander-M    0.121
    Name: ci_low, dtype: float64
    """
    method = check_method(method, METHODS)
    level = check_level(confidence_level)
    (x, n), integral, wrap = broadcast_inputs({"successes": successes, "trials": trials})
    check_counts(
        x, n, names=("successes", "trials"), missing="nan", min_n=1, integral=tuple(integral)
    )
    alpha = 1.0 - level
    z = -float(special.ndtri(alpha / 2.0))
    shape = x.shape
    kernel = _KERNELS[method]
    if method in _COSTLY:
        low, high = _on_unique_pairs(kernel, x.ravel(), n.ravel(), z, alpha)
    else:
        low, high = kernel(x.ravel(), n.ravel(), z, alpha)
    return BinomialCI(
        wrap(low.reshape(shape), "ci_low"),
        wrap(high.reshape(shape), "ci_high"),
        method=method,
        confidence_level=level,
    )
