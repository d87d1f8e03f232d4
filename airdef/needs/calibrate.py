"""From observed interception rates to per-shot kill probabilities, and back.

**The model.** For a threat class with electronic-warfare share ``ew`` and
systems ``s`` that engage shares ``share_s`` with salvos of ``shots_s`` for at
most ``looks_s`` looks, the class's interception rate is

.. math:: r = ew + \\sum_s share_s \\left(1 - (1 - pk_s)^{shots_s \\cdot looks_s}\\right) .

Each threat meets one system at most. By default every system of a class shares
one per-shot kill probability ``pk`` (the class-level rate cannot tell systems
apart). With ``pk_prior`` in the doctrine, the data scales the priors' miss
probabilities by one common exponent instead: :math:`1 - pk_s = (1 - prior_s)^\\lambda`,
keeping their ratios on the log scale. Either way the equation has one unknown,
solved per draw, vectorized: with :math:`u = e^{-\\lambda a_{min}}` it reads
:math:`\\sum_s share_s (1 - u^{e_s}) = r - ew` with exponents
:math:`e_s \\ge 1`; one common exponent has the closed form
:math:`u = 1 - (r - ew)/\\sum share_s`, otherwise Newton's method from ``u = 1``
(the left side is concave and decreasing, so the iterates fall monotonically to
the root).

A rate at or above ``ew + sum(shares)`` cannot be explained by the doctrine:
``pk`` is capped at 1 and the share of such draws is reported. A rate at or
below ``ew`` gives ``pk = 0``.

**Uncertainty of the rate.** The rate of a class is drawn, per Monte Carlo draw,
from the Jeffreys posterior of a binomial with an *effective* number of trials
:math:`n^*`: :math:`\\mathrm{Beta}(r n^* + 1/2,\\ (1 - r) n^* + 1/2)`, where
:math:`n^*` is chosen (``scipy.optimize.brentq``) so that this Beta's central
interval at the rate table's ``confidence_level`` is as wide as the table's
``ci_low`` to ``ci_high``. Wide intervals from overdispersed attacks give a small
:math:`n^*`; rates of 0 or 1 keep a proper spread; a zero-width interval fixes
the rate.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, stats

__all__ = ["RateDistribution", "implied_pk", "rate_distribution"]

_NEWTON_STEPS = 60


class RateDistribution:
    """Per-class Beta (or fixed) distributions of the interception rate.

    Attributes
    ----------
    table : pandas.DataFrame
        ``weapon_class, rate, ci_low, ci_high, confidence_level, n_eff, a, b``;
        ``n_eff`` is inf for a fixed rate and NaN where there is no rate.
    """

    def __init__(self, table: pd.DataFrame) -> None:
        self.table = table.reset_index(drop=True)

    def draw(self, classes: list[str], draws: int, rng: np.random.Generator) -> np.ndarray:
        """Rates of shape (draws, len(classes)); NaN for classes without a rate."""
        out = np.full((draws, len(classes)), np.nan)
        by_class = self.table.set_index("weapon_class")
        for j, c in enumerate(classes):
            if c not in by_class.index:
                continue
            row = by_class.loc[c]
            if math.isnan(row["n_eff"]):
                continue
            if math.isinf(row["n_eff"]):
                out[:, j] = row["rate"]
            else:
                out[:, j] = rng.beta(row["a"], row["b"], size=draws)
        return out


def _width(n: float, r: float, alpha: float) -> float:
    a, b = r * n + 0.5, (1 - r) * n + 0.5
    lo, hi = stats.beta.ppf([alpha / 2, 1 - alpha / 2], a, b)
    return float(hi - lo)


def _effective_n(r: float, lo: float, hi: float, level: float) -> float:
    target = hi - lo
    alpha = 1 - level
    if target <= 1e-12:
        return math.inf
    n_min, n_max = 1e-2, 1e12
    if _width(n_min, r, alpha) <= target:
        return n_min
    if _width(n_max, r, alpha) >= target:
        return math.inf
    f = lambda log_n: _width(math.exp(log_n), r, alpha) - target  # noqa: E731
    return math.exp(optimize.brentq(f, math.log(n_min), math.log(n_max), xtol=1e-10))


def rate_distribution(rates: pd.DataFrame) -> RateDistribution:
    """Match a Beta distribution to each row of a rate table (see the module notes).

    Parameters
    ----------
    rates : pandas.DataFrame
        With columns ``weapon_class, rate, ci_low, ci_high`` and optionally
        ``confidence_level`` (default 0.95), as from :func:`airdef.interception_rates`.

    Examples
    --------
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.8],
    ...                       "ci_low": [0.75], "ci_high": [0.85]})
    >>> d = rate_distribution(rates)
    >>> round(d.table.loc[0, "n_eff"])  # about the n of a binomial interval this wide
    244
    """
    missing = {"weapon_class", "rate", "ci_low", "ci_high"} - set(rates.columns)
    if missing:
        raise ValueError(f"a rate table needs the column(s) {', '.join(sorted(missing))}")
    rows = []
    for rec in rates.to_dict("records"):
        r, lo, hi = (_float(rec[k]) for k in ("rate", "ci_low", "ci_high"))
        level = _float(rec.get("confidence_level", 0.95))
        if any(math.isnan(v) for v in (r, lo, hi, level)):
            n = math.nan
        else:
            for key, v in (("rate", r), ("ci_low", lo), ("ci_high", hi)):
                if not 0 <= v <= 1:
                    raise ValueError(
                        f"{key} must be in [0, 1]; got {v!r} for {rec['weapon_class']}"
                    )
            n = _effective_n(r, min(lo, hi), max(lo, hi), level)
        rows.append(
            {
                "weapon_class": str(rec["weapon_class"]),
                "rate": r,
                "ci_low": lo,
                "ci_high": hi,
                "confidence_level": level,
                "n_eff": n,
                "a": r * n + 0.5 if math.isfinite(n) else math.nan,
                "b": (1 - r) * n + 0.5 if math.isfinite(n) else math.nan,
            }
        )
    return RateDistribution(pd.DataFrame(rows))


def _float(v: Any) -> float:
    return math.nan if v is None or v is pd.NA or pd.isna(v) else float(v)


class ClassLink:
    """The rate-to-pk link of one class under a doctrine (see the module notes)."""

    def __init__(self, engagements: pd.DataFrame, ew_share: float) -> None:
        e = engagements
        self.share = e["share"].to_numpy(float)
        self.shots = e["shots"].to_numpy(float)
        self.looks = e["looks"].to_numpy(float)
        prior = e["pk_prior"].to_numpy(float)
        # -log of the per-shot miss probability, up to a common scale.
        b = np.ones(len(e)) if np.isnan(prior).all() else -np.log1p(-prior)
        a = self.shots * self.looks * b
        a_min = a.min() if len(a) else 1.0
        self.exponent = a / a_min  # kill per engagement = 1 - u**exponent
        self.shot_exponent = b / a_min  # miss per shot = u**shot_exponent
        # Systems with the same exponent solve as one: shares add up.
        self._levels, inverse = np.unique(self.exponent, return_inverse=True)
        self._level_share = np.bincount(inverse, weights=self.share, minlength=len(self._levels))
        # Distinct per-shot exponents (one when the systems share a pk).
        self.shot_levels, self.shot_index = np.unique(self.shot_exponent, return_inverse=True)
        self.engaged = float(self.share.sum())
        self.ew = float(ew_share)
        self.common = len(self._levels) == 1
        self.plain = bool(np.all(self.looks == 1))

    def solve_u(self, rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``u`` for each rate (NaN stays NaN) and a mask of rates above what the doctrine explains."""
        rate = np.asarray(rate, dtype=float)
        if self.engaged == 0:
            return np.full(rate.shape, np.nan), np.zeros(rate.shape, dtype=bool)
        kinetic = rate - self.ew
        capped = kinetic >= self.engaged
        target = np.clip(kinetic, 0.0, self.engaged)
        if self.common:
            u = 1.0 - target / self.engaged
        else:
            share, expo = self._level_share[:, None], self._levels[:, None]
            flat_t = np.nan_to_num(target.reshape(-1))
            u = np.ones(flat_t.shape)
            for _ in range(_NEWTON_STEPS):
                with np.errstate(divide="ignore", invalid="ignore"):
                    log_u = np.log(u)
                    powers = np.exp(expo * log_u[None, :])
                    f = (share * (1.0 - powers)).sum(axis=0) - flat_t
                    slope = -(share * expo * powers).sum(axis=0) / u
                    step = np.where(slope < 0, f / slope, 0.0)
                new = np.clip(u - step, 0.0, 1.0)
                moved = np.abs(new - u).max() if new.size else 0.0
                u = new
                if moved < 1e-14:
                    break
            u = u.reshape(rate.shape)
            u = np.where(capped, 0.0, u)
        u = np.where(np.isnan(rate), np.nan, u)
        return u, capped & ~np.isnan(rate)

    def miss_levels(self, u: np.ndarray) -> np.ndarray:
        """Per-shot miss probability at each distinct shot exponent: shape u.shape + (levels,).

        Index the last axis with ``shot_index`` to get one column per system.
        """
        return np.asarray(u, dtype=float)[..., None] ** self.shot_levels

    def miss_per_shot(self, u: np.ndarray) -> np.ndarray:
        """Per-shot miss probability of each system, shape u.shape + (systems,)."""
        return self.miss_levels(u)[..., self.shot_index]


def implied_pk(rates: pd.DataFrame, doctrine: Any = None) -> pd.DataFrame:
    """The per-shot kill probability each system needs to explain the observed rate of its class.

    Parameters
    ----------
    rates : pandas.DataFrame
        A rate table by ``weapon_class`` with ``rate, ci_low, ci_high`` (as from
        :func:`airdef.interception_rates`).
    doctrine : Doctrine, str or Path, optional
        Default: the bundled doctrine.

    Returns
    -------
    pandas.DataFrame
        One row per (weapon class, system) of the doctrine: ``weapon_class, system,
        rate, ci_low, ci_high, engaged_share, ew_share, pk, pk_low, pk_high`` and
        ``capped`` (True when the point rate is above what the doctrine can
        explain, so pk is capped at 1). ``pk_low``/``pk_high`` map the rate's
        interval (the model is monotone in the rate).

    Examples
    --------
    The bundled doctrine engages 35% of ballistic missiles with two-shot salvos,
    so a rate of 0.224 means each salvo kills with probability 0.224 / 0.35 =
    0.64 = 1 - (1 - pk)^2, i.e. pk = 0.4:

    >>> rates = pd.DataFrame({"weapon_class": ["ballistic_missile"], "rate": [0.224],
    ...                       "ci_low": [0.1], "ci_high": [0.3]})
    >>> out = implied_pk(rates).query("weapon_class == 'ballistic_missile'")
    >>> out[["system", "rate", "engaged_share", "pk", "pk_low", "pk_high"]].round(3)
                     system   rate  engaged_share   pk  pk_low  pk_high
    17    Patriot PAC-3 MSE  0.224           0.35  0.4   0.155    0.622
    18  Patriot PAC-2 GEM-T  0.224           0.35  0.4   0.155    0.622
    19    SAMP/T (Aster 30)  0.224           0.35  0.4   0.155    0.622
    """
    from airdef.needs.doctrine import Doctrine, load_doctrine

    doc = doctrine if isinstance(doctrine, Doctrine) else load_doctrine(doctrine)
    by_class = rates.set_index(rates["weapon_class"].astype(str))
    rows = []
    for c in doc.classes.itertuples(index=False):
        eng = doc.engagements[doc.engagements["weapon_class"] == c.weapon_class]
        link = ClassLink(eng, c.ew_share)
        if c.weapon_class in by_class.index:
            rec = by_class.loc[c.weapon_class]
            r = np.array([_float(rec["rate"]), _float(rec["ci_low"]), _float(rec["ci_high"])])
        else:
            r = np.full(3, np.nan)
        u, capped = link.solve_u(r)
        pk = 1.0 - link.miss_per_shot(u)  # (3, systems)
        for j, e in enumerate(eng.itertuples(index=False)):
            rows.append(
                {
                    "weapon_class": c.weapon_class,
                    "system": e.name,
                    "rate": r[0],
                    "ci_low": r[1],
                    "ci_high": r[2],
                    "engaged_share": link.engaged,
                    "ew_share": link.ew,
                    "pk": pk[0, j],
                    "pk_low": pk[1, j],
                    "pk_high": pk[2, j],
                    "capped": bool(capped[0]),
                }
            )
    return pd.DataFrame(rows)
