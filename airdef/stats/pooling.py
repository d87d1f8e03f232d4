"""Empirical-Bayes shrinkage of rarely seen weapons toward their class.

A weapon seen in three launches says little about its own interception rate; the class
it belongs to says more. :func:`eb_pool` fits a Beta(a, b) prior to the items (weapons)
of each parent (class) from their beta-binomial marginal likelihood, then reports
each item's posterior Beta(a + x, b + n - x): its mean and an equal-tailed interval. An
item seen 3 times lands near its class with a wide interval; one seen 3,000 times
barely moves.

Examples
--------
>>> from airdef.stats.pooling import eb_pool
>>> weapon = ["Kh-101", "Kalibr", "Kh-555", "Kh-69", "Iskander-M", "KN-23"]
>>> cls = ["cruise", "cruise", "cruise", "cruise", "ballistic", "ballistic"]
>>> pooled = eb_pool([820, 310, 45, 2, 40, 9], [930, 380, 60, 3, 160, 30], cls)
>>> pooled.index = weapon
>>> pooled.round(3)
            rate_pooled  ci_low_pooled  ci_high_pooled  prior_mean  prior_strength
Kh-101            0.879          0.858           0.899       0.818          40.074
Kalibr            0.816          0.778           0.852       0.818          40.074
Kh-555            0.777          0.691           0.853       0.818          40.074
Kh-69             0.807          0.679           0.909       0.818          40.074
Iskander-M        0.253          0.194           0.317       0.270          30.000
KN-23             0.280          0.192           0.377       0.270          58.539
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from airdef.stats._clusters import select
from airdef.stats._common import as_vector, check_level, counts_1d
from airdef.stats.betabinom import profile_fit

__all__ = ["SINGLE_ITEM_STRENGTH", "eb_pool"]

#: Prior strength (a + b) for a parent with a single item: no between-item information,
#: so a weak prior worth two launches, centred on the parent's pooled rate.
SINGLE_ITEM_STRENGTH: float = 2.0

# The hyperprior p(a, b) ~ (a + b) ** (-5/2) (Gelman et al., Bayesian Data Analysis, 3rd
# ed., section 5.3) is a density proportional to gamma ** (1/2) on log(gamma), gamma =
# 1 / (a + b): the prior strength is its posterior mode, not the plain maximum of the
# marginal likelihood, which often sits at "no variation between items" (infinite
# strength) when a class has a dozen items, and then over-shrinks.
_LOG_GAMMA_SLOPE = 0.5


def _parent_codes(parent: Any, size: int) -> np.ndarray:
    if isinstance(parent, pd.DataFrame):
        raise ValueError("parent must be a one-dimensional array or Series, not a DataFrame")
    values = pd.Series(
        np.asarray(parent, dtype=object) if not isinstance(parent, pd.Series) else parent
    )
    if values.size != size:
        raise ValueError(f"parent must have one label per item; got {values.size} for {size} items")
    missing = values.isna().to_numpy()
    if missing.any():
        raise ValueError(
            f"parent has {int(missing.sum())} missing label(s), the first at position "
            f"{int(np.argmax(missing))}; give every item a parent (class)"
        )
    codes, _ = pd.factorize(values, sort=False)
    return codes.astype(np.intp)


def _dispersion(dispersion: Any, size: int) -> np.ndarray:
    if dispersion is None:
        return np.ones(size)
    d = as_vector(dispersion, "dispersion")
    if d.size != size:
        raise ValueError(f"dispersion must have one value per item; got {d.size} for {size} items")
    bad = (d < 0) | np.isinf(d)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(
            f"dispersion must be finite and non-negative; found {d[i]:g} at position {i}"
        )
    return np.where(np.isnan(d), 1.0, np.maximum(d, 1.0))


def eb_pool(
    x: Any,
    n: Any,
    parent: Any,
    *,
    dispersion: Any = None,
    confidence_level: float = 0.95,
) -> pd.DataFrame:
    """Empirical-Bayes beta-binomial shrinkage of each item's rate toward its parent.

    For each parent, a Beta(a, b) prior with mean ``a / (a + b)`` and strength
    ``a + b`` is fitted to its items from their marginal (beta-binomial) likelihood;
    each item then gets the posterior Beta(a + x, b + n - x). The strength is the
    posterior mode under the hyperprior ``p(a, b) ~ (a + b) ** (-5/2)`` (Gelman et al.,
    *Bayesian Data Analysis*, 3rd ed., section 5.3) -- the maximum of the marginal
    likelihood plus ``log(1 / (a + b)) / 2`` -- and the mean maximises the likelihood
    at that strength. Without the hyperprior, a class of a dozen weapons often looks
    homogeneous by chance, the fit pools completely and the intervals over-shrink (in
    simulation, 87% coverage at nominal 95%; 92% with it).

    Parameters
    ----------
    x, n : array_like of int
        Intercepted and launched per item (e.g. per weapon), whole numbers with
        ``0 <= x <= n``. NaN raises: drop unknown counts first. An item with ``n = 0``
        gets its parent's prior.
    parent : array_like
        The parent (e.g. weapon class) of each item; any labels, none missing.
    dispersion : array_like of float, optional
        Per-item variance inflation from correlated attacks: the ``design_effect`` (or
        the Pearson ``dispersion``) of :func:`airdef.stats.cluster.cluster_summary`.
        Counts are divided by ``max(1, dispersion)`` to effective counts before fitting
        and updating, so an item whose attacks are strongly correlated counts for less.
        NaN means 1.
    confidence_level : float, default 0.95
        Level of the equal-tailed posterior interval.

    Returns
    -------
    pandas.DataFrame
        One row per item, with the index of ``x`` if it is a Series (else of ``parent``
        if that is a Series, else 0..m-1), and columns

        * ``rate_pooled`` -- posterior mean ``(a + x) / (a + b + n)``;
        * ``ci_low_pooled``, ``ci_high_pooled`` -- equal-tailed posterior interval;
        * ``prior_mean``, ``prior_strength`` -- ``a / (a + b)`` and ``a + b``.

        How the prior is chosen, per parent:

        * two or more items with launches and both outcomes: the fit above. Each
          item's prior strength is capped at the launches of the parent's other items
          (at least 2), so a prior never counts the item's own data twice.
        * every launch of the parent intercepted (or none): the items cannot show any
          variation, so they are pooled as above, around
          ``(sum x + 1/2) / (sum n + 1)`` (never exactly 0 or 1).
        * a single item with launches: strength :data:`SINGLE_ITEM_STRENGTH` (2),
          centred on ``(x + 1/2) / (n + 1)``: a weak prior, little shrinkage.
        * no launches in the parent at all: NaN.

    Raises
    ------
    ValueError
        For bad counts (see :func:`~airdef.stats.cluster.cluster_summary`), a missing
        parent label, lengths that differ, negative dispersion, or a
        ``confidence_level`` outside (0, 1).

    Examples
    --------
    A weapon seen in 3 launches is pulled to its class; one seen in 3,000 is not:

    >>> pooled = eb_pool([2, 2700, 50, 35, 80], [3, 3000, 80, 40, 100], ["a"] * 5)
    >>> pooled.round(3)
       rate_pooled  ci_low_pooled  ci_high_pooled  prior_mean  prior_strength
    0        0.764          0.532           0.933       0.788          12.461
    1        0.900          0.889           0.910       0.788          12.461
    2        0.647          0.547           0.741       0.788          12.461
    3        0.854          0.748           0.935       0.788          12.461
    4        0.799          0.720           0.867       0.788          12.461
    """
    level = check_level(confidence_level)
    xa, na = counts_1d(x, n)
    codes = _parent_codes(parent, xa.size)
    d = _dispersion(dispersion, xa.size)
    index = next((v.index for v in (x, parent) if isinstance(v, pd.Series)), pd.RangeIndex(xa.size))
    xe, ne = xa / d, na / d
    P = int(codes.max()) + 1 if codes.size else 0

    used = ne > 0
    items = np.bincount(codes, weights=used, minlength=P)
    X = np.bincount(codes, weights=xe, minlength=P)
    N = np.bincount(codes, weights=ne, minlength=P)
    max_n = np.zeros(P)
    np.maximum.at(max_n, codes, ne)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (X + 0.5) / (N + 1.0)
    fitted = np.full(P, np.inf)  # 1 / gamma: infinite without between-item variation
    mixed = (items >= 2) & (X > 0) & (X < N)
    if mixed.any():
        cl, chosen = select(xe, ne, codes, mixed)
        fit = profile_fit(
            cl.unique(), X[chosen] / N[chosen], max_n[chosen], None, prior_slope=_LOG_GAMMA_SLOPE
        )
        mean[chosen] = fit.mu
        with np.errstate(divide="ignore"):
            fitted[chosen] = 1.0 / fit.gamma
    mean[items == 0] = np.nan
    # the prior is worth no more than the launches of the parent's other items
    others = np.maximum(N[codes] - ne, SINGLE_ITEM_STRENGTH)
    strength = np.minimum(fitted[codes], others)
    strength[(items == 1)[codes]] = SINGLE_ITEM_STRENGTH
    strength[(items == 0)[codes]] = np.nan

    a = mean[codes] * strength
    b = (1.0 - mean[codes]) * strength
    post_a, post_b = a + xe, b + ne - xe
    alpha = 1.0 - level
    return pd.DataFrame(
        {
            "rate_pooled": post_a / (post_a + post_b),
            "ci_low_pooled": special.betaincinv(post_a, post_b, alpha / 2.0),
            "ci_high_pooled": special.betaincinv(post_a, post_b, 1.0 - alpha / 2.0),
            "prior_mean": mean[codes],
            "prior_strength": strength,
        },
        index=index,
    )
