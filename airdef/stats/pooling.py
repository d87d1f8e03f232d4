"""Shrinkage of rarely seen weapons toward their class (hierarchical and empirical Bayes).

A weapon seen in three launches says little about its own interception rate; the class
it belongs to says more. :func:`eb_pool` puts a Beta(a, b) prior on the items (weapons)
of each parent (class), integrates (a, b) over a grid against their beta-binomial
marginal likelihood (BDA3, section 5.3), and reports each item's posterior: its mean and
an equal-tailed interval that carries the uncertainty of the pooling. An
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
Kh-101            0.879          0.857           0.900       0.778          43.267
Kalibr            0.816          0.776           0.852       0.778          43.267
Kh-555            0.767          0.656           0.856       0.778          43.267
Kh-69             0.765          0.426           0.938       0.778          43.267
Iskander-M        0.255          0.194           0.320       0.309         188.968
KN-23             0.291          0.174           0.442       0.309         188.968
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


# Grid of the hyperparameters: logit mean around the items' rates, log strength from
# 0.5 to 10^4 (a + b; at 10^4 the items are pooled all but completely).
_GRID_MEAN = 24
_GRID_STRENGTH = 24
# The mixture of each item's posterior keeps the heaviest grid points of its parent
# (renormalised): the 160 heaviest of the 576 points. On the module example the bounds
# move by less than 0.004 against the full grid.
_KEEP = 160
_STRENGTH_RANGE = (np.log(0.5), np.log(1e4))


def _grid_posterior(
    x: np.ndarray, n: np.ndarray, codes: np.ndarray, chosen: np.ndarray, alpha: float
) -> np.ndarray:
    """Per item (rows of ``chosen`` parents): mixture posterior mean, equal-tailed bounds,
    and the posterior means of the prior mean and strength (an item x 5 array).

    The hyperparameters (mu, kappa) = (a / (a + b), a + b) get the density
    ``p(a, b) ~ (a + b) ** (-5/2)``, which on (logit mu, log kappa) is
    ``mu (1 - mu) kappa ** (-1/2)`` (BDA3, eq. 5.10 and exercise 5.9). The marginal
    likelihood of each grid point is the product of the items' beta-binomials.
    """
    P = chosen.size
    grid_m = np.linspace(0.0, 1.0, _GRID_MEAN)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = (x + 0.5) / (n + 1.0)
    lo_p = np.full(P, np.inf)
    hi_p = np.full(P, -np.inf)
    np.minimum.at(lo_p, codes, special.logit(raw))
    np.maximum.at(hi_p, codes, special.logit(raw))
    lo_p, hi_p = lo_p - 1.5, hi_p + 1.5
    logit_mu = lo_p[:, None] + (hi_p - lo_p)[:, None] * grid_m[None, :]  # P x Gm
    log_kappa = np.linspace(*_STRENGTH_RANGE, _GRID_STRENGTH)  # Gk
    mu = special.expit(logit_mu)[:, :, None] * np.ones(_GRID_STRENGTH)  # P x Gm x Gk
    kappa = np.exp(log_kappa)[None, None, :] * np.ones_like(mu)
    mu, kappa = mu.reshape(P, -1), kappa.reshape(P, -1)  # P x G
    a, b = mu * kappa, (1.0 - mu) * kappa
    log_prior = np.log(mu) + np.log1p(-mu) - 0.5 * np.log(kappa)
    rows = np.flatnonzero(chosen[codes])
    c = codes[rows]
    xi, ni = x[rows, None], n[rows, None]
    ai, bi = a[c], b[c]
    ll = special.betaln(ai + xi, bi + ni - xi) - special.betaln(ai, bi)  # items x G
    total = np.zeros((P, a.shape[1]))
    np.add.at(total, c, ll)
    logw = total + log_prior
    logw -= logw.max(axis=1, keepdims=True)
    w = np.exp(logw)
    top = np.argpartition(-w, _KEEP - 1, axis=1)[:, :_KEEP]  # P x KEEP
    w = np.take_along_axis(w, top, axis=1)
    w /= w.sum(axis=1, keepdims=True)
    mu, kappa = np.take_along_axis(mu, top, axis=1), np.take_along_axis(kappa, top, axis=1)
    wi = w[c]
    ai, bi = mu[c] * kappa[c], (1.0 - mu[c]) * kappa[c]
    pa, pb = ai + xi, bi + ni - xi
    post_mean = (wi * pa / (pa + pb)).sum(axis=1)

    # moment-matched Beta as the starting point, then safeguarded Newton on the mixture CDF
    second = (wi * pa * (pa + 1) / ((pa + pb) * (pa + pb + 1))).sum(axis=1)
    var = np.maximum(second - post_mean**2, 1e-12)
    strength = np.maximum(post_mean * (1 - post_mean) / var - 1.0, 1e-3)
    log_beta = special.betaln(pa, pb)
    bounds = []
    for target in (alpha / 2.0, 1.0 - alpha / 2.0):
        p = special.betaincinv(post_mean * strength, (1 - post_mean) * strength, target)
        p = np.clip(np.nan_to_num(p, nan=0.5), 1e-12, 1 - 1e-12)
        lo, hi = np.zeros(rows.size), np.ones(rows.size)
        for _ in range(30):
            f = (wi * special.betainc(pa, pb, p[:, None])).sum(axis=1) - target
            lo, hi = np.where(f < 0, p, lo), np.where(f < 0, hi, p)
            with np.errstate(all="ignore"):
                dens = (
                    wi
                    * np.exp(
                        special.xlogy(pa - 1, p[:, None])
                        + special.xlog1py(pb - 1, -p[:, None])
                        - log_beta
                    )
                ).sum(axis=1)
                new = p - f / dens
            inside = np.isfinite(new) & (new > lo) & (new < hi)
            new = np.where(inside, new, 0.5 * (lo + hi))
            done = np.abs(new - p) < 1e-9
            p = new
            if done.all():
                break
        bounds.append(p)
    out = np.full((x.size, 5), np.nan)
    out[rows, 0] = post_mean
    out[rows, 1], out[rows, 2] = bounds
    out[rows, 3] = (wi * mu[c]).sum(axis=1)
    out[rows, 4] = (wi * kappa[c]).sum(axis=1)
    return out


def eb_pool(
    x: Any,
    n: Any,
    parent: Any,
    *,
    dispersion: Any = None,
    confidence_level: float = 0.95,
    method: str = "hierarchical",
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
    method : {"hierarchical", "empirical"}, default "hierarchical"
        ``"hierarchical"`` integrates the prior's mean and strength over a grid
        (Gelman et al., BDA3, section 5.3: the posterior of the hyperparameters on a
        grid of logit mean and log strength under ``p(a, b) ~ (a + b) ** (-5/2)``),
        so each item's interval is a mixture of Beta posteriors that carries the
        uncertainty of the pooling itself; the posterior mean and equal-tailed
        quantiles of that mixture are reported, and ``prior_mean`` and
        ``prior_strength`` are the posterior means of the hyperparameters. A parent
        with a single item keeps the weak prior below. ``"empirical"`` plugs in the
        posterior mode (empirical Bayes): the intervals ignore the uncertainty of
        the prior and undercover for rare items (0.75-0.93 in simulation for items
        with 5 or fewer launches in classes of 3-12 items; the hierarchical
        intervals cover at least 0.90 there, see the tests).

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
    0        0.734          0.376           0.948       0.752          11.547
    1        0.900          0.889           0.910       0.752          11.547
    2        0.643          0.535           0.743       0.752          11.547
    3        0.856          0.744           0.941       0.752          11.547
    4        0.798          0.718           0.868       0.752          11.547
    """
    level = check_level(confidence_level)
    if method not in ("hierarchical", "empirical"):
        raise ValueError(f"method must be 'hierarchical' or 'empirical'; not {method!r}")
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
    if method == "hierarchical":
        grid_parents = (items >= 2) & (N > 0)
        if grid_parents.any():
            rows = grid_parents[codes]
            est = _grid_posterior(xe, ne, codes, grid_parents, alpha)
            out = pd.DataFrame(
                {
                    "rate_pooled": post_a / (post_a + post_b),
                    "ci_low_pooled": special.betaincinv(post_a, post_b, alpha / 2.0),
                    "ci_high_pooled": special.betaincinv(post_a, post_b, 1.0 - alpha / 2.0),
                    "prior_mean": mean[codes],
                    "prior_strength": strength,
                },
                index=index,
            )
            out.loc[rows, :] = est[rows]
            return out
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
