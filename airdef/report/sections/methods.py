"""Paragraphs of the methods section written from what the analysis found."""

from __future__ import annotations

from airdef.analysis import Analysis
from airdef.report import fmt

__all__ = ["breaks_paragraph"]


def _regime(rows) -> str:
    """One weapon's breaks as a clause: when its suppressed counts were reported apart."""
    r = rows.iloc[0]
    start, end = r["regime_start"], r["regime_end"]
    kinds = set(rows["change"])
    if kinds == {"separate", "folded"}:
        folded = rows.loc[rows["change"] == "folded", "date"].iloc[0]
        return (
            f"{r['weapon']} reported them apart from {fmt.date(start, '%Y-%m')} to "
            f"{fmt.date(end, '%Y-%m')} and counted them inside intercepted from "
            f"{fmt.date(folded, '%Y-%m')}"
        )
    if kinds == {"folded"}:
        return (
            f"{r['weapon']} reported them apart until {fmt.date(end, '%Y-%m')} and counted "
            f"them inside intercepted from {fmt.date(rows['date'].iloc[0], '%Y-%m')}"
        )
    return f"{r['weapon']} reported them apart from {fmt.date(start, '%Y-%m')}"


def breaks_paragraph(a: Analysis) -> str:
    """The methods' paragraph on definition breaks: the rule, with its constants, and
    what it detected in these data (weapons, months, the rates on either side)."""
    m = a.methods
    rule = (
        "airdef finds such changes from the data: for each weapon, a month reports "
        "suppressed counts when they are at least "
        f"{fmt.pct(m.break_min_share, 0)} of its launches (so a few isolated days do not "
        f"count); a run of at least {fmt.plural(m.break_min_months, 'reporting month')} (one "
        "quiet month inside a run does not end it) is a regime; a regime that starts after, "
        f"or ends before, at least {fmt.plural(m.break_min_months, 'month')} of launches "
        "without suppressed counts marks a break. A window that starts or ends inside a "
        "regime has no break at its edge. Tables note every row whose data straddle a break, "
        "and the charts mark them."
    )
    b = a.breaks
    if b is None or b.empty:
        return (
            "Drones lost to electronic warfare (“locationally lost”, here “suppressed”) "
            "may be reported apart from those shot down or counted inside them; a change "
            "between the two makes an intercepted-only rate jump for that reason alone. "
            + rule
            + " No break was detected in these data."
        )
    clauses = [_regime(rows) for _, rows in b.groupby("weapon", sort=False)]
    jumps = [
        f"{r['weapon']} from {fmt.pct(r['rate_before'])} to {fmt.pct(r['rate_after'])} across "
        f"{fmt.date(r['date'], '%Y-%m')} (EW share {fmt.pct(r['suppressed_share_before'])} → "
        f"{fmt.pct(r['suppressed_share_after'])})"
        for r in b.to_dict("records")
    ]
    return (
        "In these data, drones and missiles lost to electronic warfare (“locationally lost”, "
        "here “suppressed”) were reported as follows: "
        + "; ".join(clauses)
        + ". The intercepted-only rate moves for that reason alone (over "
        + fmt.plural(m.break_min_months, "month")
        + " with launches on each side): "
        + "; ".join(jumps)
        + ". "
        + rule
    )
