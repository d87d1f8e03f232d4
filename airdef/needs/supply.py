"""Supply against burn: stock over time from the ledger and the Monte Carlo fire rate.

For each system with a known stock (the doctrine's ``inventory``) or announced
deliveries of known quantity (the ledger), and each draw of a projection:

.. math:: \\text{stock}(t) = S_0 + D(t) - r\\,t ,

where :math:`S_0` is the inventory at the start (0, and flagged, when the
doctrine gives none), :math:`D(t)` the deliveries that arrive by day ``t``
(each ledger row spread evenly over its delivery window; only what arrives
after the start counts) and :math:`r` the draw's expected shots per day
(:attr:`~airdef.needs.result.NeedsSamples.daily_rate`). The **stock-out day**
is the first time the stock reaches zero (linear within a day), and its
interval comes from the draws. Rows of unknown quantity or without a delivery
window are not counted, and are listed as such: a blank quantity is unknown,
never zero. ``at_least`` and ``up_to`` quantities count as stated and are
flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from airdef.needs.ledger import Ledger, load_ledger
from airdef.needs.result import NeedsProjection

__all__ = ["SupplyBurn", "budget_days", "supply_against_burn"]


@dataclass(frozen=True)
class SupplyBurn:
    """What :func:`supply_against_burn` returns.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per system: ``system`` (key), ``name``, ``start_stock``,
        ``start_stock_known``, ``delivered`` (counted deliveries within ``days``),
        ``bounded_rows`` (counted rows whose quantity is a bound),
        ``unquantified_rows`` (ledger rows not counted), ``fire_per_day_median``,
        ``stockout_day_median``, ``stockout_day_low``, ``stockout_day_high``
        (inf: not within ``days``), ``stockout_date_median/low/high`` and, over
        the projection's horizon, ``shortfall_median/low/high`` (shots fired
        beyond the stock) and, with a target rate, ``shortfall_target_*``.
    stock : pandas.DataFrame
        Tidy fan of stock over time: ``system, name, day, date, low, q25,
        median, q75, high`` (``low``/``high`` bound the projection's interval).
    start : pandas.Timestamp
    days : int
    interval : float
    """

    summary: pd.DataFrame
    stock: pd.DataFrame
    start: pd.Timestamp
    days: int
    interval: float


def _deliveries(rows: pd.DataFrame, start: pd.Timestamp, days: int) -> np.ndarray:
    """Cumulative deliveries D(t) for t = 0..days (each row spread over its window)."""
    t = np.arange(days + 1, dtype=float)
    total = np.zeros(days + 1)
    for r in rows.itertuples(index=False):
        a = (r.delivery_start - start).days
        b = (r.delivery_end - start).days + 1  # the window's days [a, b)
        # Share of the window elapsed by day t, of the part after the start.
        frac = np.clip((t - a) / max(b - a, 1), 0.0, 1.0)
        before = np.clip((0 - a) / max(b - a, 1), 0.0, 1.0)  # already arrived at the start
        total += float(r.quantity) * np.clip(frac - before, 0.0, None)
    return total


def supply_against_burn(
    projection: NeedsProjection,
    ledger: Ledger | None = None,
    *,
    start: Any = None,
    days: int = 365,
    fan_points: int = 60,
    fan_draws: int = 4000,
) -> SupplyBurn:
    """Stock over time, stock-out dates and shortfalls per system (see the module notes).

    Parameters
    ----------
    projection : NeedsProjection
        From :func:`airdef.needs.project`.
    ledger : Ledger, optional
        Default: the bundled ledger, checked against the projection's doctrine.
    start : date, optional
        Day 0 (default: the day after the projection's data window; today for a scenario).
    days : int
        How far ahead to follow the stock (default 365).
    fan_points, fan_draws : int
        Days and draws of the stock fan (a subsample, for a chart).

    Examples
    --------
    >>> import pandas as pd
    >>> from airdef.needs import project
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> p = project(scenario={"cruise_missile": 70}, rates=rates, horizon_days=7, draws=500)
    >>> s = supply_against_burn(p, start="2025-01-01")
    >>> row = s.summary.set_index("system").loc["iris_t_slm"]
    >>> float(row["start_stock"]), float(row["stockout_day_median"])  # 100 / (10 a day x 0.25 x 2 shots)
    (100.0, 20.0)
    """
    samples = projection.samples
    doc = projection.doctrine
    if ledger is None:
        ledger = load_ledger(systems=doc)
    if start is not None:
        day0 = pd.Timestamp(start).normalize()
    elif getattr(projection.threat_model, "end", None) is not None:
        day0 = projection.threat_model.end.normalize() + pd.Timedelta(days=1)
    else:
        day0 = pd.Timestamp.today().normalize()
    lo = (1 - projection.interval) / 2
    probs = [0.5, lo, 1 - lo]
    rows = ledger.rows
    systems = doc.systems.set_index("system")
    out, fans = [], []
    grid = np.unique(np.linspace(0, days, fan_points + 1).round().astype(int))
    rng = np.random.default_rng(projection.seed)
    pick = rng.choice(
        len(samples.daily_rate), min(fan_draws, len(samples.daily_rate)), replace=False
    )
    for k, key in enumerate(samples.systems):
        inv = float(systems.loc[key, "inventory"])
        mine = rows[rows["system"] == key]
        counted = mine[mine["quantity"].notna() & mine["delivery_start"].notna()
                       & mine["delivery_end"].notna()]  # fmt: skip
        if np.isnan(inv) and counted.empty:
            continue
        s0 = 0.0 if np.isnan(inv) else inv
        deliv = _deliveries(counted, day0, days)
        r = samples.daily_rate[:, k]
        day = _stockout(s0, deliv, r)
        # draws that never run out are inf: take order statistics, never interpolate with inf
        q_day = np.quantile(day, probs, method="inverted_cdf")
        dates = [
            pd.NaT if not np.isfinite(v) else day0 + pd.Timedelta(days=float(v)) for v in q_day
        ]
        horizon = min(projection.horizon_days, days)
        have = s0 + deliv[horizon]
        short = np.clip(samples.fired[:, k] - have, 0, None)
        rec = {
            "system": key,
            "name": systems.loc[key, "name"],
            "start_stock": s0,
            "start_stock_known": not np.isnan(inv),
            "delivered": float(deliv[-1]),
            "bounded_rows": int(
                counted["quantity_qualifier"].isin(["at_least", "up_to", "about"]).sum()
            ),
            "unquantified_rows": int(len(mine) - len(counted)),
            "fire_per_day_median": float(np.median(r)),
            "stockout_day_median": q_day[0],
            "stockout_day_low": q_day[1],
            "stockout_day_high": q_day[2],
            "stockout_date_median": dates[0],
            "stockout_date_low": dates[1],
            "stockout_date_high": dates[2],
        }
        for name, v in zip(
            ("median", "low", "high"), np.quantile(short, probs, method="inverted_cdf"), strict=True
        ):
            rec[f"shortfall_{name}"] = float(v)
        if samples.fired_target is not None:
            short_t = np.clip(samples.fired_target[:, k] - have, 0, None)
            for name, v in zip(
                ("median", "low", "high"),
                np.quantile(short_t, probs, method="inverted_cdf"),
                strict=True,
            ):
                rec[f"shortfall_target_{name}"] = float(v)
        out.append(rec)
        level = s0 + deliv[grid][None, :] - r[pick][:, None] * grid[None, :]
        level = np.maximum(level, 0.0)
        qs = np.quantile(level, [lo, 0.25, 0.5, 0.75, 1 - lo], axis=0)
        fans.append(pd.DataFrame({
            "system": key, "name": systems.loc[key, "name"], "day": grid,
            "date": day0 + pd.to_timedelta(grid, unit="D"),
            "low": qs[0], "q25": qs[1], "median": qs[2], "q75": qs[3], "high": qs[4],
        }))  # fmt: skip
    summary = pd.DataFrame(out)
    stock = pd.concat(fans, ignore_index=True) if fans else pd.DataFrame(
        columns=["system", "name", "day", "date", "low", "q25", "median", "q75", "high"]
    )  # fmt: skip
    return SupplyBurn(summary=summary, stock=stock, start=day0, days=days,
                      interval=projection.interval)  # fmt: skip


def _stockout(s0: float, deliv: np.ndarray, rate: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """First time stock s0 + D(t) - rate * t reaches 0 (linear within a day); inf if never."""
    t = np.arange(len(deliv), dtype=float)
    out = np.full(len(rate), np.inf)
    if not np.any(deliv > 0):  # no deliveries: the closed form
        with np.errstate(divide="ignore"):
            exact = np.where(rate > 0, s0 / rate, np.inf)
        return np.where(exact <= t[-1], exact, np.inf)
    for a in range(0, len(rate), chunk):
        r = rate[a : a + chunk]
        level = s0 + deliv[None, :] - r[:, None] * t[None, :]
        hit = level <= 0
        first = np.where(hit.any(axis=1), hit.argmax(axis=1), -1)
        ok = first >= 0
        f = first[ok]
        before = level[ok, np.maximum(f - 1, 0)]
        after = level[ok, f]
        with np.errstate(divide="ignore", invalid="ignore"):
            frac = np.where(before > after, before / (before - after), 0.0)
        out[a : a + chunk][ok] = np.where(f == 0, 0.0, f - 1 + frac)
    return out


def budget_days(projection: NeedsProjection, budget: float) -> pd.DataFrame:
    """What a budget buys per system: interceptors at its unit cost and days of fire they cover.

    ``budget`` is in the projection's currency and price year. Days of fire are
    the interceptors divided by each draw's shots per day (median and interval).

    Examples
    --------
    >>> import pandas as pd
    >>> from airdef.needs import project
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> p = project(scenario={"cruise_missile": 70}, rates=rates, draws=200, price_year=2025)
    >>> b = budget_days(p, 250e6).set_index("system").loc["iris_t_slm"]
    >>> int(b["interceptors"]), round(float(b["days_median"]), 1)  # 250e6 // 2.08e6 = 120; / 5 a day
    (120, 24.0)
    """
    s = projection.samples
    lo = (1 - projection.interval) / 2
    names = projection.doctrine.systems.set_index("system")["name"]
    rows = []
    for k, key in enumerate(s.systems):
        n = float(np.floor(budget / s.unit_cost[k])) if s.unit_cost[k] > 0 else np.inf
        r = s.daily_rate[:, k]
        with np.errstate(divide="ignore", invalid="ignore"):
            d = np.where(r > 0, n / r, np.inf)
        q = np.quantile(d, [0.5, lo, 1 - lo], method="inverted_cdf")  # inf: no fire
        rows.append({"system": key, "name": names[key], "budget": float(budget),
                     "unit_cost": float(s.unit_cost[k]), "interceptors": n,
                     "days_median": q[0], "days_low": q[1], "days_high": q[2]})  # fmt: skip
    return pd.DataFrame(rows)
