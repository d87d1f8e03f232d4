"""Sections 4 and 5: monthly trends, and the latest period against the one before."""

from __future__ import annotations

from typing import Any

from airdef.analysis import Analysis
from airdef.analysis.pipeline import TREND_MAX_WEAPONS, TREND_MIN_ATTACKS
from airdef.report import fmt
from airdef.report.sections.layout import UNINFORMATIVE, Numbering, ci_cell, notes
from airdef.stats.cluster import RELIABLE_MIN_ATTACKS, RELIABLE_MIN_MINORITY

__all__ = ["comparisons_section", "decoy_words", "trends_section"]


def decoy_month(a: Analysis) -> dict[str, Any] | None:
    """The month the decoy sentence quotes: the latest whole month whose reports with a
    Shahed-type count cover at least half its launches, else the best-covered month."""
    d = a.decoys
    if d is None or d.empty:
        return None
    partial = set() if a.partial_periods is None else set(a.partial_periods["period"])
    whole = d.loc[~d["period"].isin(partial)]
    whole = whole if len(whole) else d
    good = whole.loc[whole["coverage"] >= 0.5]
    row = good.iloc[-1] if len(good) else whole.loc[whole["coverage"].idxmax()]
    return dict(row)


def decoy_words(a: Analysis) -> str:
    """One sentence on decoys among the reported strike drones, from the data; empty
    when the input has no Shahed-type counts."""
    row = decoy_month(a)
    if row is None:
        return ""
    d = a.decoys
    return (
        f"From {fmt.date(d['period'].min(), '%B %Y')} the reports say how many of the strike "
        "drones launched were Shahed-type: the Shahed counts include decoys (Gerbera and other "
        "drones), counted in launched and intercepted alike. In "
        f"{fmt.date(row['period'], '%B %Y')}, {fmt.pct(row['share'], 0)} of the "
        f"{fmt.count(row['launched'])} strike drones launched in the reports that say so were "
        f"Shahed-type ({fmt.pct(row['coverage'], 0)} of that month's launches); in every month "
        f"with such reports the share lies between {fmt.pct(d['share'].min(), 0)} and "
        f"{fmt.pct(d['share'].max(), 0)}."
    )


def decoy_table(a: Analysis, num: Numbering):
    d = a.decoys
    if d is None or d.empty:
        return None
    partial = set() if a.partial_periods is None else set(a.partial_periods["period"])
    return num.table(
        "tab-decoys",
        "Shahed-type drones among the strike drones launched, per month",
        d,
        [
            ("Month", "text", lambda r: fmt.date(r["period"], "%Y-%m")
             + (" (partial)" if r["period"] in partial else "")),
            ("Reports", "num", lambda r: fmt.count(r["rows"])),
            ("Launched", "num", lambda r: fmt.count(r["launched"])),
            ("Shahed-type", "num", lambda r: fmt.count(r["shahed_type"])),
            ("Decoys and others", "num", lambda r: fmt.count(r["decoys"])),
            ("Share Shahed-type", "num", lambda r: fmt.pct(r["share"])),
            ("Month's launches covered", "num", lambda r: fmt.pct(r["coverage"], 0)),
        ],
        note="Only the reports that give a Shahed-type count are counted (the counts are "
        "rounded, “about 60”); months without such a report are not shown. Covered: the "
        "launches of these reports over all launches of the same weapons that month.",
    )  # fmt: skip


def partial_words(a: Analysis) -> str:
    """The caption's sentence on the partial months left out of the monthly figures."""
    p = a.partial_periods
    if (
        p is None
        or p.empty
        or len(p) >= (0 if a.periods is None else a.periods["period"].nunique())
    ):
        return ""
    months = [
        f"{fmt.date(r['period'], '%B %Y')} ({fmt.plural(int(r['days']), 'day')}, "
        f"{fmt.date(r['first_day'])} to {fmt.date(r['last_day'])})"
        for r in p.to_dict("records")
    ]
    return (
        " Left out as partial months (they are in tables/monthly_rates.csv): "
        + "; ".join(months)
        + "."
    )


#: What the monthly figures say of the months without a band.
SHAKY_MONTHS = (
    " Open dots: months with too few independent attacks for an interval (section 3);"
    " they have no band."
)


def trends_section(a: Analysis, num: Numbering, level: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if a.periods is None:
        return out
    out["launch_figure"] = num.figure(
        "fig-launches",
        "Launches per month by weapon class (each panel on its own scale); dashed lines mark "
        "definition breaks (+EW: drones lost to electronic warfare reported apart from "
        "intercepted from that month; −EW: counted inside intercepted; the weapons are in "
        "section 2)." + partial_words(a),
    )
    out["rate_figure"] = num.figure(
        "fig-monthly-rates",
        f"Monthly interception rate by weapon class with {level} bands; dashed lines mark "
        "definition breaks." + SHAKY_MONTHS + partial_words(a),
    )
    if a.weapon_periods is not None and len(a.weapon_periods):
        out["weapon_rate_figure"] = num.figure(
            "fig-weapon-rates",
            f"Monthly interception rate by weapon with {level} bands, for the weapons seen in "
            f"at least {TREND_MIN_ATTACKS} attacks whose whole-period rate is reliable (at "
            f"most {TREND_MAX_WEAPONS}, most launched first); dashed lines mark definition "
            "breaks."
            + SHAKY_MONTHS
            + " The series are in tables/weapon_monthly_rates.csv."
            + partial_words(a),
        )
        out["weapon_trend"] = trend_table(
            num, "tab-weapon-trend", "weapon", a.weapon_trend, level,
            [("Weapon", "text", lambda r: r["weapon"])],
        )  # fmt: skip
        out["weapon_trend_notes"] = notes(a.weapon_trend, "weapon")
    out["trend"] = trend_table(num, "tab-trend", "class", a.trend, level, [])
    out["trend_notes"] = notes(a.trend, "weapon_class")
    out["decoy_words"] = decoy_words(a)
    out["decoys"] = decoy_table(a, num)
    return out


def trend_table(
    num: Numbering, table_id: str, per: str, trend: Any, level: str, first: list
) -> dict[str, Any]:
    """The whole-period trend table, one row per class (or weapon, after ``first``)."""
    return num.table(
        table_id,
        f"Whole-period trend per {per}: binomial GLM of each attack's rate on time, "
        "cluster-robust by attack",
        trend,
        [
            *first,
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
            ("Launched", "num", lambda r: fmt.count(r["launched"])),
            ("From", "text", lambda r: fmt.date(r["first"])),
            ("To", "text", lambda r: fmt.date(r["last"])),
            ("Fitted rate, start", "num", lambda r: fmt.pct(r["rate_first"])),
            ("Fitted rate, end", "num", lambda r: fmt.pct(r["rate_last"])),
            ("Odds ratio / year", "num", lambda r: fmt.odds_ratio(r["odds_ratio_per_year"])),
            (level, "num", lambda r: f"{fmt.odds_ratio(r['or_low'])}–{fmt.odds_ratio(r['or_high'])}"
             if not fmt.is_missing(r["or_low"]) else fmt.MISSING),
            ("p", "num", lambda r: fmt.pvalue(r["p_value"])),
        ],
        wide=True,
    )  # fmt: skip


def window_words(a: Analysis, which: str) -> str:
    """A compared period as the dates of its first and last report (so that the two
    periods never seem to share a day)."""
    first, last = a.compare_windows.get(which, (None, None))
    if first is None:
        return "no reports"
    return f"{fmt.date(first)} to {fmt.date(last)}"


def comparisons_section(a: Analysis, num: Numbering, level: str) -> dict[str, Any]:
    c = a.compare
    if c is None or c.empty:
        return {}
    out: dict[str, Any] = {
        "recent": window_words(a, "recent"),
        "before": window_words(a, "before"),
        "days": a.options.compare_days,
    }
    out["figure"] = num.figure(
        "fig-compare",
        f"Difference in interception rate, latest {a.options.compare_days} days minus the "
        f"{a.options.compare_days} days before, with {level}s (MOVER); filled dots: the "
        "interval excludes zero; crosses: a period has too few independent attacks for an "
        "interval, so none is drawn.",
    )
    out["table"] = num.table(
        "tab-compare",
        f"Latest {a.options.compare_days} days against the {a.options.compare_days} days before, per class",
        c,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            ("Launched, recent", "num", lambda r: fmt.count(r["launched_recent"])),
            ("Rate, recent", "num", lambda r: fmt.pct(r["rate_recent"])),
            (f"{level}, recent", "num", lambda r: ci_cell(r, "ci_low_recent", "ci_high_recent", flag="reliable_recent")),
            ("Launched, before", "num", lambda r: fmt.count(r["launched_before"])),
            ("Rate, before", "num", lambda r: fmt.pct(r["rate_before"])),
            (f"{level}, before", "num", lambda r: ci_cell(r, "ci_low_before", "ci_high_before", flag="reliable_before")),
            ("Difference", "num", lambda r: fmt.pp(r["diff"])),
            (f"{level} of difference", "num", lambda r: fmt.pp_ci(r["diff_low"], r["diff_high"])
             if fmt.is_missing(r["reliable"]) or r["reliable"] else UNINFORMATIVE),
        ],
        wide=True,
        note=f"“{UNINFORMATIVE}”: fewer than {RELIABLE_MIN_ATTACKS:.0f} effective independent "
        f"attacks in that period, or fewer than {RELIABLE_MIN_MINORITY:.0f} carrying the rarer "
        "outcome, so its interval says next to nothing about the rate."
        if not c["reliable"].fillna(True).all() else "",
    )  # fmt: skip
    out["notes"] = notes(c, "weapon_class")
    return out
