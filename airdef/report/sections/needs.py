"""Section 7, munition needs, and the doctrine's assumptions of the appendix.

The projection holds facts (:class:`~airdef.needs.result.NeedsProjection`); the
sentences about its basis, its notes and its model are written here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from airdef.analysis import Analysis
from airdef.analysis.projection import quiet_classes
from airdef.report import fmt
from airdef.report.sections.layout import Numbering, text
from airdef.report.sections.supply import supply_section

__all__ = ["doctrine_section", "forecast_basis", "needs_notes", "needs_section"]


def forecast_basis(model: Any) -> str:
    """Where the launches of the forecast come from, as a sentence."""
    start, end = getattr(model, "start", None), getattr(model, "end", None)
    if start is None or end is None:
        return "Launches: a scenario of fixed launches per week (no count uncertainty)."
    days = (end - start).days + 1
    where = "national reports" if model.source == "national" else "all reports"
    out = (
        f"Launches: a negative-binomial forecast from the {days} days {fmt.date(start)} to "
        f"{fmt.date(end)} ({where}); a day with no report counts as a day without launches"
    )
    if model.blank_rows:
        out += (
            f"; {fmt.plural(model.blank_rows, 'row')} with a blank launched count read as at "
            "least their intercepted count"
        )
    return out + "."


def needs_notes(notes: pd.DataFrame, window_days: int) -> list[str]:
    """The projection's notes (facts of kind and class) as sentences."""
    out = []
    for n in notes.itertuples(index=False):
        c = fmt.class_title(n.weapon_class)
        if n.kind == "unengaged_class":
            out.append(
                f"{c}: {fmt.count(n.value)} launched in the window, but the doctrine "
                "engages no system against this class, so it adds no interceptor needs."
            )
        elif n.kind == "rate_above_doctrine":
            how = fmt.pct(n.value, 0) if n.value >= 0.005 else "under 1%"
            out.append(
                f"{c}: in {how} of draws the interception rate is above what the "
                "doctrine can explain; the per-shot kill probability is capped at 1 there."
            )
        elif n.kind == "no_rate":
            out.append(
                f"{c}: no launches with a reported outcome in the last {window_days} "
                "days, so no interception rate to solve a kill probability from; its "
                "shoot-look-shoot and target needs are blank and left out of the totals."
            )
        elif n.kind == "censored_days" and not fmt.is_missing(n.value) and n.value > 0:
            out.append(
                f"{c}: {fmt.plural(int(n.value), 'day')} with a blank launched count, "
                "read as at least the intercepted count."
            )
    return out  # fmt: skip


def model_assumptions(p: Any) -> list[str]:
    """The modelling assumptions of the projection, as sentences."""
    a = p.assumptions
    rates = a[a["topic"] == "rates"].iloc[0]
    if rates["item"] == "data":
        rate = (
            f"Interception rates: {rates['source']} by weapon class over {rates['text']}; "
            "each rate is drawn from a beta distribution matched to its interval in every draw."
        )
    else:
        rate = (
            "Interception rates: the rate table passed in, its intervals carried into every draw."
        )
    out = [rate]
    items = set(a.loc[a["topic"] == "model", "item"])
    if "one_system_per_threat" in items:
        out.append(
            "Each threat is engaged by one system at most; engagements are multinomial "
            "counts and kills binomial counts per salvo, shots independent."
        )
    if "shared_pk" in items:
        out.append(
            "The systems of a class share one per-shot kill probability (or the doctrine's "
            "pk_prior ratios), solved from the class's observed interception rate in every draw."
        )
    if "days_of_supply_at_expected_rate" in items:
        out.append(
            "Days of supply are the inventory divided by the expected shots per day of "
            "each draw, so they do not depend on the horizon."
        )
    price = a[a["item"] == "price_year"]
    if len(price):
        y = price.iloc[0]
        out.append(
            f"Costs are in {y['value']:.0f} {p.currency}, each unit cost moved from its "
            f"own year by a consumer price index ({y['text']}): {y['source']}."
        )
    return out  # fmt: skip


def needs_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    if a.needs is None:
        return {}
    p = a.needs
    n = p.table
    cur = f"{p.price_year} {p.currency}"
    interval = f"{a.options.interval:.0%} interval"
    systems = a.needs_systems
    total = n.loc[(n["system"] == "all") & (n["weapon_class"] == "all")]
    out: dict[str, Any] = {
        "currency": cur,
        "price_year": p.price_year,
        "draws": p.draws,
        "horizon": p.horizon_days,
        "interval": interval,
        "doctrine": p.doctrine.path,
        "notes": needs_notes(p.notes, a.options.window_days),
        "basis": [forecast_basis(p.threat_model), *model_assumptions(p)[:1]],
        "model": model_assumptions(p)[1:],
        "total": total.iloc[0].to_dict() if len(total) else None,
        "target_rate": a.options.target_rate,
        "fan_draws": a.fan_draws if a.fan is not None else 0,
    }
    out["fan_figure"] = num.figure(
        "fig-fan",
        f"Forecast of cumulative launches over the next {a.options.horizon_days} days per class: "
        f"median, 50% and {interval}s ({a.fan_draws:,} Monte Carlo draws per day)."
        + quiet_words(a),
    )
    out["forecast"] = num.table(
        "tab-forecast",
        f"Launches expected over the next {a.options.horizon_days} days",
        a.forecast,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            (f"Launched, last {a.options.window_days} days", "num", lambda r: fmt.count(r["window_launched"])),
            ("Mean per day", "num", lambda r: fmt.number(r["mean_per_day"], 2)),
            ("Median", "num", lambda r: fmt.count(r["launched_median"])),
            (interval, "num", lambda r: f"{fmt.count(r['launched_low'])}–{fmt.count(r['launched_high'])}"),
        ],
        note=forecast_basis(p.threat_model),
    )  # fmt: skip
    has_days = systems["days_of_supply_median"].notna().any()
    cols: list[tuple[str, str, Callable[[Any], str]]] = [
        ("System", "text", lambda r: r["system"]),
        ("Shots, median", "num", lambda r: fmt.count(r["fired_median"])),
        (f"Shots, {interval}", "num", lambda r: f"{fmt.count(r['fired_low'])}–{fmt.count(r['fired_high'])}"),
        (f"Cost, {cur} million", "num", lambda r: fmt.money(r["cost_median"])),
        (f"Cost, {interval}", "num", lambda r: f"{fmt.money(r['cost_low'])}–{fmt.money(r['cost_high'])}"),
    ]  # fmt: skip
    if has_days:
        cols.append(
            ("Days of supply", "num", lambda r: fmt.MISSING if fmt.is_missing(r["days_of_supply_median"])
             else f"{fmt.number(r['days_of_supply_median'], 0)} ({fmt.number(r['days_of_supply_low'], 0)}–"
             f"{fmt.number(r['days_of_supply_high'], 0)})")
        )  # fmt: skip
    out["systems"] = num.table(
        "tab-needs",
        f"Interceptors fired and their cost over {a.options.horizon_days} days, per system",
        systems,
        cols,
        note=f"Medians and {interval}s of {p.draws:,} Monte Carlo draws (seed {p.seed}); "
        f"costs in {cur}. Days of supply: the doctrine's inventory divided by the expected "
        "shots per day, for systems with an inventory.",
        wide=True,
    )
    out["cost_figure"] = num.figure(
        "fig-cost",
        f"Projected cost per system over {a.options.horizon_days} days: median and {interval}.",
    )
    if a.options.target_rate is not None and "fired_target_median" in n:
        out["target"] = num.table(
            "tab-target",
            f"What an interception rate of {fmt.pct(a.options.target_rate, 0)} in every class would take",
            systems,
            [
                ("System", "text", lambda r: r["system"]),
                ("Shots, median", "num", lambda r: fmt.count(r["fired_target_median"])),
                (f"Shots, {interval}", "num",
                 lambda r: f"{fmt.count(r['fired_target_low'])}–{fmt.count(r['fired_target_high'])}"),
                (f"Cost, {cur} million", "num", lambda r: fmt.money(r["cost_target_median"])),
                (f"Cost, {interval}", "num",
                 lambda r: f"{fmt.money(r['cost_target_low'])}–{fmt.money(r['cost_target_high'])}"),
            ],
            note="To reach the target, each engagement first gets more shots (up to a kill "
            "probability of 90% per engagement), then more of the threats are engaged, at the "
            "per-shot kill probability implied by each draw's observed rate; shots and cost "
            "never fall as the target rises.",
        )  # fmt: skip
    out.update(supply_section(a, num))
    return out


def doctrine_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    doc = a.doctrine
    if doc is None:
        return {}
    moved: dict[str, float] = {}
    year = None
    if a.needs is not None and a.needs.samples is not None:
        s = a.needs.samples
        moved = dict(zip(s.systems, s.unit_cost, strict=True))
        year = a.needs.price_year
    systems = doc.systems.assign(moved=doc.systems["system"].map(moved))
    cost_cols: list[tuple[str, str, Callable[[Any], str]]] = [
        ("Unit cost", "num", lambda r: fmt.count(r["unit_cost"])),
        ("Year", "num", lambda r: str(r["cost_year"])),
    ]
    if year is not None:
        cost_cols.append((f"In {year} money", "num", lambda r: fmt.count(round(r["moved"]))
                          if not fmt.is_missing(r["moved"]) else fmt.MISSING))  # fmt: skip
    return {
        "path": doc.path,
        "title": doc.title,
        "currency": doc.currency,
        "systems": num.table(
            "tab-doctrine-systems",
            f"Doctrine: interceptor systems and unit costs ({doc.currency}) — assumptions",
            systems,
            [
                ("System", "text", lambda r: r["name"]),
                *cost_cols,
                ("Inventory", "num", lambda r: fmt.count(r["inventory"])),
                ("Source", "text", lambda r: r["cost_source"]
                 + (f"; inventory: {r['inventory_source']}" if not fmt.is_missing(r["inventory"]) else "")),
            ],
            synthetic=False,
            wide=True,
        ),
        "engagements": num.table(
            "tab-doctrine-engagements",
            "Doctrine: who engages what — assumptions",
            doc.engagements,
            [
                ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
                ("System", "text", lambda r: r["name"]),
                ("Share", "num", lambda r: fmt.pct(r["share"], 0)),
                ("Shots", "num", lambda r: str(r["shots"])),
                ("Looks", "num", lambda r: str(r["looks"])),
                ("Source", "text", lambda r: r["source"]),
            ],
            synthetic=False,
            wide=True,
        ),
        "classes": num.table(
            "tab-doctrine-classes",
            "Doctrine: electronic warfare and unengaged shares — assumptions",
            doc.classes,
            [
                ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
                ("Engaged", "num", lambda r: fmt.pct(r["engaged_share"], 0)),
                ("Electronic warfare", "num", lambda r: fmt.pct(r["ew_share"], 0)),
                ("Not engaged", "num", lambda r: fmt.pct(r["unengaged_share"], 0)),
                ("Source", "text", lambda r: text(r["ew_source"]) if r["ew_share"] > 0 else fmt.MISSING),
            ],
            synthetic=False,
            wide=True,
        ),
    }  # fmt: skip


def quiet_words(a: Analysis) -> str:
    """The caption's words for the classes the fan chart leaves out."""
    quiet = quiet_classes(a.fan)
    if not quiet:
        return ""
    names = fmt.listing([fmt.class_name(c) for c in quiet])
    return (
        f" No panel for {names}: no more than one launch is forecast "
        f"({a.options.interval:.0%} interval), as in the table."
    )
