"""The section of text reports against the tables: matched attacks, the figures that agree
and conflict, and the text reports that match nothing."""

from __future__ import annotations

from typing import Any

import pandas as pd

from airdef.analysis import Analysis
from airdef.analysis.reconciliation import APPROX_TOLERANCE
from airdef.report import fmt
from airdef.report.sections.layout import Numbering

__all__ = ["reconciliation_section"]

_QUALIFIER = {"at_least": "at least ", "at_most": "at most ", "approx": "about "}


def _classes(value: Any) -> str:
    """A set of classes as a cell: its names, or "drones and missiles" / "missiles" for a
    total over more than three classes."""
    ids = [c.strip() for c in str(value).split(",") if c.strip()]
    if len(ids) == 1:
        return fmt.class_title(ids[0])
    if len(ids) > 3:
        drones = any(c.endswith("_drone") for c in ids)
        return "all: drones and missiles" if drones else "all missiles"
    return ", ".join(fmt.class_name(c) for c in ids)


def _figure(r: Any, what: str) -> str:
    value = r[f"{what}_text"]
    if fmt.is_missing(value):
        return "not given"
    qual = r[f"{what}_qual_text"]
    return _QUALIFIER.get("" if fmt.is_missing(qual) else str(qual), "") + fmt.count(value)


def _verdict(r: Any) -> str:
    """``agree``, or what conflicts and by how much (text minus table)."""
    if not r["conflict"]:
        given = [w for w in ("launched", "intercepted") if not fmt.is_missing(r[f"{w}_text"])]
        return "agree" if len(given) == 2 else f"agree ({' and '.join(given)} only)"
    parts = []
    for what in ("launched", "intercepted"):
        diff = r[f"{what}_diff"]
        if not fmt.is_missing(diff) and int(diff) != 0:
            parts.append(f"{what} {int(diff):+,}")
    return "conflict: " + (", ".join(parts) if parts else "outside the stated bounds")


def counts(a: Analysis) -> dict[str, int]:
    """How many text attacks matched, how many class sets agree and conflict, unmatched."""
    m, u = a.reconciled, a.unreconciled
    m = m if m is not None else pd.DataFrame(columns=["attack_id_text", "conflict"])
    u = u if u is not None else pd.DataFrame(columns=["attack_id", "linked"])
    linked = u["linked"].astype(bool)
    return {
        "matched": int(m["attack_id_text"].nunique()),
        "agree": int((~m["conflict"].astype(bool)).sum()),
        "conflict": int(m["conflict"].astype(bool).sum()),
        "no_figure": int(u.loc[linked, "attack_id"].nunique()),
        "unmatched": int(u.loc[~linked, "attack_id"].nunique()),
    }


def reconciliation_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    """The matched and unmatched tables and their summary; empty without text reports
    beside a table."""
    if a.reconciled is None:
        return {}
    n = counts(a)
    out: dict[str, Any] = {"n": n}
    total = n["matched"] + n["no_figure"] + n["unmatched"]
    out["lead"] = (
        f"The text reports describe {fmt.plural(total, 'attack')}: "
        f"{fmt.count(n['matched'])} matched an attack in the tables with figures to compare, "
        f"{fmt.count(n['no_figure'])} matched one but give no launched or intercepted count "
        f"for the classes both name, and {fmt.count(n['unmatched'])} matched none. Of the "
        f"{fmt.plural(n['agree'] + n['conflict'], 'set')} of weapon classes compared, "
        f"{fmt.count(n['agree'])} agree and {fmt.count(n['conflict'])} conflict. The "
        f"{fmt.plural(a.selection.get('text_attacks_left_out', 0), 'text attack')} that "
        "match an attack in the tables are left out of every estimate of this report (the "
        "table counts that attack already); those that match none are kept."
    )
    m = a.reconciled
    if len(m):
        out["matched"] = num.table(
            "tab-reconciled",
            "Text reports against the table's attack of the same night, by set of weapon classes",
            m,
            [
                ("Date", "text", lambda r: fmt.date(r["date_text"])),
                ("Text report", "text", lambda r: str(r["reporter_text"])),
                ("Table attack ends", "text", lambda r: fmt.date(r["date_table"])),
                ("Classes", "text", lambda r: _classes(r["classes"])),
                ("Launched, table", "num", lambda r: fmt.count(r["launched_table"])),
                ("Launched, text", "num", lambda r: _figure(r, "launched")),
                ("Intercepted, table", "num", lambda r: fmt.count(r["intercepted_table"])),
                ("Intercepted, text", "num", lambda r: _figure(r, "intercepted")),
                ("Verdict", "text", _verdict),
            ],
            note="A text report is set beside the table's attacks dated nearest to it (the "
            "same day where there is one; a night the table gives in two posts appears "
            "twice). Figures conflict when they cannot both be true: two different exact "
            f"counts, or a bound the other count breaks (“about” n stands for n ± "
            f"{fmt.pct(APPROX_TOLERANCE, 0)}); the "
            "difference is the text's figure minus the table's. Both figures are kept; "
            "neither is preferred. All pairs are in tables/reconciled.csv.",
            wide=True,
        )
    u = a.unreconciled
    if u is not None and len(u):
        out["unmatched"] = num.table(
            "tab-unreconciled",
            "Text reports with no figure compared",
            u,
            [
                ("Date", "text", lambda r: fmt.date(r["date"])),
                ("Text report", "text", lambda r: str(r["reporter"])),
                (
                    "Why",
                    "text",
                    lambda r: (
                        "no count for a class the table names"
                        if r["linked"]
                        else "no attack in the tables"
                    ),
                ),
                ("Weapons", "text", lambda r: str(r["weapons"])[:80]),
                ("Launched", "num", lambda r: fmt.count(r["launched"])),
                ("Intercepted", "num", lambda r: fmt.count(r["intercepted"])),
            ],
            wide=True,
        )
    return out
