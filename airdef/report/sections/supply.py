"""Section 7, continued: supply against burn, what a budget buys, cost exchange and
which assumption matters."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from airdef.analysis import Analysis
from airdef.analysis.projection import REPORT_BUDGET, SENSITIVITY_BASE
from airdef.report import fmt
from airdef.report.sections.layout import Numbering

__all__ = ["costliest_system", "factor_label", "supply_section"]

_KINDS = {
    "launches": "launches per day",
    "rate": "interception rate",
    "share": "share engaged",
    "ew": "share lost to electronic warfare",
    "shots": "shots per engagement",
    "unit_cost": "unit cost",
}


def factor_label(factor: str, names: dict[str, str]) -> str:
    """``share/strike_drone/gepard`` as ``share engaged: strike drones by Gepard ...``."""
    kind, _, rest = factor.partition("/")
    parts = rest.split("/") if rest else []
    words = []
    for part in parts:
        if part in fmt.CLASS_NAMES:
            words.append(fmt.class_name(part))
        else:
            words.append(names.get(part, part))
    what = " by ".join(words)
    return f"{_KINDS.get(kind, kind)}: {what}" if what else _KINDS.get(kind, kind)


def _source(factor: str, a: Analysis) -> str:
    """Where a factor's central value comes from."""
    kind, _, rest = factor.partition("/")
    parts = rest.split("/")
    doc = a.doctrine
    if kind == "launches":
        return f"data, last {a.options.window_days} days"
    if kind == "rate":
        return "data (interval)"
    if kind == "unit_cost":
        row = doc.systems.loc[doc.systems["system"] == parts[0]]
        return str(row["cost_source"].iloc[0]) if len(row) else "doctrine"
    if kind in ("share", "shots") and len(parts) == 2:
        e = doc.engagements
        row = e.loc[(e["weapon_class"] == parts[0]) & (e["system"] == parts[1])]
        return str(row["source"].iloc[0]) if len(row) and str(row["source"].iloc[0]) else "doctrine"
    if kind == "ew":
        row = doc.classes.loc[doc.classes["weapon_class"] == parts[0]]
        return str(row["ew_source"].iloc[0]) if len(row) else "doctrine"
    return "doctrine"


def costliest_system(a: Analysis) -> str | None:
    """The system key with the largest median cost that has sensitivity indices."""
    s = a.sensitivity
    if s is None or s.indices.empty:
        return None
    keys = set(s.indices.loc[s.indices["output"] == "cost", "system"])
    names = a.doctrine.systems.set_index("name")["system"]
    by = a.needs_systems.assign(key=a.needs_systems["system"].map(names))
    by = by[by["key"].isin(keys)].sort_values("cost_median", ascending=False, kind="stable")
    return None if by.empty else str(by["key"].iloc[0])


def _stockout(r: Any, horizon: int) -> str:
    m, lo, hi = r["stockout_date_median"], r["stockout_date_low"], r["stockout_date_high"]
    if fmt.is_missing(m):
        return f"not within {horizon} days"
    high = fmt.date(hi) if not fmt.is_missing(hi) else f"beyond {horizon} days"
    return f"{fmt.date(m)} ({fmt.date(lo)} to {high})"


def supply_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    """The tables and figures of supply against burn, budget, cost exchange, sensitivity."""
    p = a.needs
    out: dict[str, Any] = {"sensitivity_base": SENSITIVITY_BASE}
    interval = f"{p.interval:.0%} interval"
    cur = f"{p.price_year} {p.currency}"
    names = dict(zip(a.doctrine.systems["system"], a.doctrine.systems["name"], strict=True))
    sup = a.supply
    if sup is not None and len(sup.summary):
        ledger = a.ledger
        out["supply_start"] = fmt.date(sup.start)
        out["supply_days"] = sup.days
        out["ledger_rows"] = len(ledger.rows)
        out["ledger_quarantined"] = len(ledger.quarantine)
        out["ledger_path"] = ledger.path
        out["stock_figure"] = num.figure(
            "fig-stock",
            f"Interceptor stock over the {sup.days} days from {fmt.date(sup.start)} per system "
            f"with a known stock or counted deliveries: median, 50% and {interval}s of the "
            "projected fire. Stock at the start: the doctrine's inventory (an illustrative "
            "assumption, no public source); deliveries: the ledger's rows of stated quantity "
            "and delivery window; fire: each draw's expected shots per day, held constant.",
        )
        out["supply"] = num.table(
            "tab-supply",
            f"Supply against burn per system, {sup.days} days from {fmt.date(sup.start)}",
            sup.summary,
            [
                ("System", "text", lambda r: r["name"]),
                ("Stock at start", "num", lambda r: fmt.count(r["start_stock"])
                 if r["start_stock_known"] else "not given (0)"),
                ("Deliveries counted", "num", lambda r: fmt.count(round(r["delivered"]))),
                ("Ledger rows not counted", "num", lambda r: fmt.count(r["unquantified_rows"])),
                ("Shots a day, median", "num", lambda r: fmt.number(r["fire_per_day_median"], 1)),
                (f"Stock runs out, median ({interval})", "text", lambda r: _stockout(r, sup.days)),
                (f"Shortfall over {p.horizon_days} days, median ({interval})", "num",
                 lambda r: f"{fmt.count(r['shortfall_median'])} ({fmt.count(r['shortfall_low'])}–"
                 f"{fmt.count(r['shortfall_high'])})"),
            ],
            note=f"Deliveries from the ledger {ledger.path} ({fmt.plural(len(ledger.rows), 'row')}, "
            f"{len(ledger.quarantine)} quarantined), each spread evenly over its delivery window; "
            "rows whose quantity is not stated are unknown, never zero, and are not counted. "
            "Shortfall: shots fired over the horizon beyond the stock and deliveries.",
            wide=True,
        )  # fmt: skip
    if a.budget is not None and len(a.budget):
        b = a.budget
        out["budget"] = num.table(
            "tab-budget",
            f"What {p.currency} {REPORT_BUDGET / 1e6:,.0f} million ({p.price_year} money) buys, "
            "per system, at the observed rate of fire",
            b,
            [
                ("System", "text", lambda r: r["name"]),
                (f"Unit cost, {cur}", "num", lambda r: fmt.count(round(r["unit_cost"]))),
                ("Interceptors", "num", lambda r: fmt.count(r["interceptors"])),
                ("Days of fire, median", "num", lambda r: _days(r["days_median"])),
                (interval, "num", lambda r: f"{_days(r['days_low'])}–{_days(r['days_high'])}"),
            ],
            note=f"{p.currency} {REPORT_BUDGET / 1e6:,.0f} million is the US package of 27 "
            "December 2023 (Stinger missiles among it; Kyiv Independent, 28 December 2023). "
            "Days of fire: the interceptors divided by each draw's expected shots per day.",
        )  # fmt: skip
        stinger = b.loc[b["system"] == "manpads"]
        if len(stinger) and np.isfinite(stinger["days_median"].iloc[0]):
            r = stinger.iloc[0]
            out["budget_line"] = (
                f"{p.currency} {REPORT_BUDGET / 1e6:,.0f} million buys {fmt.count(r['interceptors'])} "
                f"{r['name']} missiles, which cover {_days(r['days_median'])} days of their fire "
                f"at the observed rate ({interval} {_days(r['days_low'])}–{_days(r['days_high'])})."
            )
    x = a.exchange
    if x is not None and len(x):
        shown = x[x["defender_cost_median"].fillna(0) > 0].reset_index(drop=True)
        out["exchange"] = num.table(
            "tab-exchange",
            f"Cost exchange by class over {p.horizon_days} days ({cur})",
            shown,
            [
                ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
                ("Attacker unit cost, range", "num", lambda r: fmt.MISSING
                 if fmt.is_missing(r["unit_cost_low"]) else _range(r["unit_cost_low"], r["unit_cost_high"])),
                ("Attacker cost, million", "num", lambda r: _ci(r, "attacker_cost", fmt.money)),
                ("Defender cost, million", "num", lambda r: _ci(r, "defender_cost", fmt.money)),
                ("Defender / attacker", "num", lambda r: _ci(r, "exchange_ratio", _ratio)),
                ("Defender cost per threat killed, million", "num",
                 lambda r: _ci(r, "cost_per_kill", fmt.money)),
            ],
            note=f"Medians and, in brackets, {interval}s. Each draw takes one attacker unit cost "
            "per class, log-uniform between the lowest and highest sourced figure (the table "
            "of attacker costs below); a class without a sourced cost shows none. The ratio "
            "leaves out the value of what is defended.",
            wide=True,
        )  # fmt: skip
        out["exchange_figure"] = num.figure(
            "fig-exchange",
            f"Cost-exchange ratio (defender / attacker cost) by class over {p.horizon_days} "
            f"days: median and {interval}, log scale; the dashed line is parity.",
        )
        out["attacker_costs"] = num.table(
            "tab-attacker-costs",
            "Attacker unit costs — assumptions",
            a.attacker_costs,
            [
                ("Weapon", "text", lambda r: r["weapon"]),
                ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
                ("Unit cost", "num", lambda r: _range(r["cost_low"], r["cost_high"])),
                ("Year", "num", lambda r: str(r["year"])),
                ("Source", "text", lambda r: f"{r['source']} ({r['url']})"),
            ],
            note=f"In the money of each row's year; moved to {p.price_year} by the price index.",
            synthetic=False,
            wide=True,
        )  # fmt: skip
    s = a.sensitivity
    if s is not None and len(s.top):
        top = s.top.copy()
        top["key"] = top["system"]
        top["name"] = top["system"].map(names)
        wide = _top_wide(top, a)
        out["sensitivity"] = num.table(
            "tab-sensitivity",
            "The three assumptions that move each system's shots and cost most",
            wide,
            [
                ("System", "text", lambda r: r["name"]),
                ("Result", "text", lambda r: r["output"]),
                *[(f"{k}.", "text", lambda r, k=k: r[f"f{k}"]) for k in (1, 2, 3)],
            ],
            note=f"Total-order Sobol indices (ST, the share of the result's variance the "
            "assumption explains with its interactions) from a Saltelli design of "
            f"{SENSITIVITY_BASE} base samples, {s.runs:,} model runs (SALib; Saltelli et al. "
            "2010). Ranges: the doctrine's shares, electronic-warfare shares and unit costs "
            "±50%, shots per engagement ±1, launches and interception rates over their "
            "forecast and interval. Each assumption's source is in the doctrine's tables of the "
            "appendix and the unit-cost table above; “no public source” marks an "
            "illustrative number.",
            wide=True,
        )  # fmt: skip
        key = costliest_system(a)
        if key is not None:
            out["tornado_figure"] = num.figure(
                "fig-tornado",
                f"What moves the cost of {names.get(key, key)}, the costliest system: total "
                "(ST) and first-order (S1) Sobol indices of the ten largest factors, with "
                "95% bootstrap half-widths.",
            )
    return out


def _top_wide(top: pd.DataFrame, a: Analysis) -> pd.DataFrame:
    names = dict(zip(a.doctrine.systems["system"], a.doctrine.systems["name"], strict=True))
    rows = []
    for (key, output), g in top.groupby(["system", "output"], sort=False):
        rec = {"name": names.get(key, key), "output": output}
        for k, r in enumerate(g.sort_values("rank").itertuples(index=False), start=1):
            rec[f"f{k}"] = (f"{factor_label(r.factor, names)} (ST {r.ST:.2f}; "
                            f"{_origin(_source(r.factor, a))})")  # fmt: skip
        for k in range(len(g) + 1, 4):
            rec[f"f{k}"] = fmt.MISSING
        rows.append(rec)
    order = {n: i for i, n in enumerate(a.needs_systems["system"])}
    out = pd.DataFrame(rows)
    return out.iloc[np.argsort(out["name"].map(order).fillna(99).to_numpy(), kind="stable")]


def _origin(source: str) -> str:
    """What kind of source a factor's central value has, in a few words."""
    source = str(source)
    if source.startswith("data"):
        return source
    if source.startswith("illustrative assumption") or source == "doctrine":
        return "doctrine, no public source"
    if "no public source" in source:
        return "doctrine, partly sourced"
    return "doctrine, sourced"


def _days(v: Any) -> str:
    if fmt.is_missing(v):
        return fmt.MISSING
    return "no fire" if not np.isfinite(v) else fmt.number(v, 0)


def _ratio(v: Any) -> str:
    if fmt.is_missing(v):
        return fmt.MISSING
    return fmt.number(v, 2) if v < 10 else fmt.number(v, 0)


def _range(low: Any, high: Any) -> str:
    if low == high:
        return fmt.count(round(low))
    return f"{fmt.count(round(low))}–{fmt.count(round(high))}"


def _ci(r: Any, name: str, f: Any) -> str:
    m = r[f"{name}_median"]
    if fmt.is_missing(m):
        return fmt.MISSING
    return f"{f(m)} ({f(r[f'{name}_low'])}–{f(r[f'{name}_high'])})"
