"""Cost exchange: what the defender spends against what the attacker spent, by threat class.

Attacker unit costs come from a sourced table (bundled:
``airdef/data/attacker_costs.csv``; columns ``weapon, weapon_class, cost_low,
cost_high, currency, year, source, url``), each moved to the projection's price
year by the price index. Which weapons make up a class's launches is not known
in the forecast, so each draw takes one unit cost per class, **log-uniform
between the lowest and the highest sourced figure** of the class (for drones:
the CSIS range of 20,000-50,000 USD and the 35,000 and 70,000 point estimates).

Per class and draw: attacker cost = launches x unit cost; defender cost = the
interceptors fired at the class x their unit costs; the **cost-exchange ratio**
is defender / attacker cost, and the **cost per threat killed** (leaker
prevented) is defender cost / interceptor kills. The literature's caveat
applies to every number here: a cost-exchange ratio leaves out the value of
what is defended (a power station, a life), the cost of the launch platforms
and of the defence systems themselves, so a ratio above 1 does not mean that
defending is a loss.
"""

from __future__ import annotations

from importlib import resources
from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.errors import DataError
from airdef.needs.prices import load_price_index
from airdef.needs.result import NeedsProjection

__all__ = ["BUNDLED_ATTACKER_COSTS", "cost_exchange", "load_attacker_costs"]

#: How the bundled table is named in messages and reports.
BUNDLED_ATTACKER_COSTS = "airdef/data/attacker_costs.csv"
_COLUMNS = ["weapon", "weapon_class", "cost_low", "cost_high", "currency", "year", "source", "url"]


def load_attacker_costs(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check an attacker unit-cost table (default the bundled, sourced one).

    Raises
    ------
    airdef.DataError
        Naming the file and row: a missing column, an unknown class, a negative or
        reversed range, a row without a source or URL.

    Examples
    --------
    >>> t = load_attacker_costs()
    >>> t.loc[t["weapon"] == "Kh-101", "cost_high"].tolist()
    [13000000.0]
    """
    if path is None:
        name = BUNDLED_ATTACKER_COSTS
        text = (resources.files("airdef") / "data" / "attacker_costs.csv").read_text("utf-8")
    else:
        name = str(path)
        if not Path(path).is_file():
            raise DataError(f"{name}: no such file")
        text = Path(path).read_text("utf-8")
    t = pd.read_csv(StringIO(text), dtype={"source": str, "url": str, "weapon": str})
    missing = [c for c in _COLUMNS if c not in t.columns]
    if missing:
        raise DataError(f"{name}: the header lacks the column(s) {', '.join(missing)}")
    for i, r in enumerate(t.itertuples(index=False), start=2):
        if r.weapon_class not in WEAPON_CLASSES:
            raise DataError(f"{name}: row {i}: unknown weapon class {r.weapon_class!r}")
        if not (0 <= r.cost_low <= r.cost_high):
            raise DataError(f"{name}: row {i}: need 0 <= cost_low <= cost_high")
        if not isinstance(r.source, str) or not str(r.url).startswith(("http://", "https://")):
            raise DataError(f"{name}: row {i}: every cost needs a source and an http(s) URL")
    return t.astype({"cost_low": float, "cost_high": float, "year": int})


def cost_exchange(
    projection: NeedsProjection, costs: pd.DataFrame | None = None, *, seed: int | None = None
) -> pd.DataFrame:
    """Cost-exchange ratio and cost per threat killed by class, with intervals.

    Parameters
    ----------
    projection : NeedsProjection
    costs : pandas.DataFrame, optional
        An attacker cost table (:func:`load_attacker_costs`); default the bundled one.
    seed : int, optional
        For the attacker unit-cost draws (default the projection's seed).

    Returns
    -------
    pandas.DataFrame
        One row per class with launches: ``weapon_class, weapons`` (the sourced
        weapons behind the range), ``unit_cost_low, unit_cost_high``,
        ``attacker_cost_*``, ``defender_cost_*``, ``exchange_ratio_*``,
        ``kills_median`` and ``cost_per_kill_*`` (``*`` = median, low, high; NaN
        where the class has no sourced cost or no kill probability).

    Examples
    --------
    >>> from airdef.needs import project
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> p = project(scenario={"cruise_missile": 70}, rates=rates, horizon_days=7, draws=2000)
    >>> x = cost_exchange(p).set_index("weapon_class")
    >>> bool(x.loc["cruise_missile", "exchange_ratio_median"] > 0)
    True
    """
    costs = load_attacker_costs() if costs is None else costs
    s = projection.samples
    prices = load_price_index()
    rng = np.random.default_rng(projection.seed if seed is None else seed)
    lo = (1 - projection.interval) / 2
    probs = [0.5, lo, 1 - lo]
    rows = []
    for j, c in enumerate(s.classes):
        launched = s.launched[:, j]
        if not launched.any():
            continue
        mine = costs[costs["weapon_class"] == c]
        rec: dict = {"weapon_class": c, "weapons": ", ".join(dict.fromkeys(mine["weapon"]))}
        if len(mine):
            f = prices.factor(mine["year"].to_numpy(int), projection.price_year)
            a, b = float((mine["cost_low"] * f).min()), float((mine["cost_high"] * f).max())
            unit = np.exp(rng.uniform(np.log(max(a, 1e-9)), np.log(max(b, 1e-9)), len(launched)))
            attacker = launched * unit
        else:
            a = b = np.nan
            attacker = np.full(len(launched), np.nan)
        defender = s.class_cost[:, j]
        kills = s.kills[:, j]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(attacker > 0, defender / attacker, np.nan)
            per_kill = np.where(kills > 0, defender / kills, np.nan)
        rec.update(unit_cost_low=a, unit_cost_high=b)
        for name, x in (("attacker_cost", attacker), ("defender_cost", defender),
                        ("exchange_ratio", ratio), ("cost_per_kill", per_kill)):  # fmt: skip
            q = np.nanquantile(x, probs) if np.isfinite(x).any() else [np.nan] * 3
            rec.update({f"{name}_median": q[0], f"{name}_low": q[1], f"{name}_high": q[2]})
        rec["kills_median"] = float(np.nanmedian(kills)) if np.isfinite(kills).any() else np.nan
        rows.append(rec)
    return pd.DataFrame(rows)
