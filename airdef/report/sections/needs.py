"""Section 7, munition needs, and the doctrine's assumptions of the appendix."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.sections.layout import Numbering, class_prefix, sentence, text

__all__ = ["doctrine_section", "needs_section"]


def needs_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    if a.needs is None:
        return {}
    n = a.needs
    facts = a.needs_facts
    cur = facts.currency
    interval = f"{a.options.interval:.0%} interval"
    systems = a.needs_systems
    total = n.loc[(n["system"] == "all") & (n["weapon_class"] == "all")]
    out: dict[str, Any] = {
        "currency": cur,
        "draws": facts.draws,
        "horizon": facts.horizon_days,
        "interval": interval,
        "doctrine": facts.doctrine,
        "notes": [sentence(class_prefix(t)) for t in facts.notes],
        "basis": [sentence(t) for t in facts.assumptions[:2]],
        "model": [sentence(t) for t in facts.model_assumptions],
        "total": total.iloc[0].to_dict() if len(total) else None,
        "target_rate": a.options.target_rate,
        "fan_draws": a.fan_draws if a.fan is not None else 0,
    }
    out["fan_figure"] = num.figure(
        "fig-fan",
        f"Forecast of cumulative launches over the next {a.options.horizon_days} days per class: "
        f"median, 50% and {interval}s ({a.fan_draws:,} Monte Carlo draws per day).",
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
        note=sentence(facts.forecast_basis),
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
        note=f"Medians and {interval}s of {facts.draws or 0:,} Monte Carlo draws (seed "
        f"{facts.seed}). Days of supply: the doctrine's inventory divided by shots per day, "
        "for systems with an inventory.",
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
            note="Plain salvos at the per-shot kill probability implied by each draw's observed rate.",
        )  # fmt: skip
    return out


def doctrine_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    doc = a.doctrine
    if doc is None:
        return {}
    return {
        "path": doc.path,
        "title": doc.title,
        "currency": doc.currency,
        "systems": num.table(
            "tab-doctrine-systems",
            f"Doctrine: interceptor systems and unit costs ({doc.currency}) — assumptions",
            doc.systems,
            [
                ("System", "text", lambda r: r["name"]),
                ("Unit cost", "num", lambda r: fmt.count(r["unit_cost"])),
                ("Year", "num", lambda r: str(r["cost_year"])),
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
