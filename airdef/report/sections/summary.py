"""The summary: the key figures and the at-a-glance table of classes."""

from __future__ import annotations

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.sections.layout import Numbering, Table, ci_cell, reliability_note

__all__ = ["glance_table", "key_figures"]


def glance_table(a: Analysis, num: Numbering, level: str) -> Table | None:
    """The summary's table: each class's launches, share, rate and latest change."""
    if not a.usable or a.by_class is None:
        return None
    t = a.by_class.loc[a.by_class["launched"].fillna(0) > 0].copy()
    t["share"] = t["launched"].astype(float) / float(t["launched"].sum())
    cols = [
        ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
        ("Launched", "num", lambda r: fmt.count(r["launched"])),
        ("Share", "num", lambda r: fmt.pct(r["share"])),
        ("Rate", "num", lambda r: fmt.pct(r["rate"])),
        (level, "num", lambda r: ci_cell(r, pooled="rate_pooled")),
        ("Neutralized", "num", lambda r: fmt.pct(r["rate_neutralized"])),
    ]
    days = a.options.compare_days
    if a.compare is not None and len(a.compare):
        keep = a.compare[["weapon_class", "diff", "diff_low", "diff_high", "reliable"]].rename(
            columns={"reliable": "reliable_change"}
        )
        t = t.merge(keep, on="weapon_class", how="left")
        cols += [
            (f"Change, latest {days} days", "num", lambda r: fmt.pp(r["diff"])),
            (
                f"{level} of change",
                "num",
                lambda r: (
                    fmt.pp_ci(r["diff_low"], r["diff_high"])
                    if fmt.is_missing(r["reliable_change"]) or r["reliable_change"]
                    else "uninformative"
                ),
            ),
        ]
    return num.table(
        "tab-glance",
        "At a glance: interception rates by weapon class",
        t,
        cols,
        note=f"Change: the rate of the latest {days} days minus the rate of the {days} days "
        "before (section 5); “uninformative” where either period's interval is. Neutralized: "
        "intercepted plus lost to electronic warfare (suppressed), over launched. Method per row "
        "and pooled rates: section 3. " + reliability_note(t, pooled=True),
        wide=True,
    )


def key_figures(a: Analysis) -> list[tuple[str, str, str]]:
    if not a.usable or a.overall is None:
        return [
            ("Rows read", fmt.count(a.quality.rows_read), ""),
            ("Quarantined", fmt.count(a.quality.rows_quarantined), ""),
        ]
    row = a.overall.iloc[0]
    level = f"{a.options.confidence_level:.0%} CI"
    return [
        ("Attacks", fmt.count(a.selection["attacks"]), ""),
        ("Launched", fmt.count(row["launched"]), ""),
        ("Intercepted", fmt.count(row["intercepted"]), ""),
        (
            "Interception rate",
            fmt.pct(row["rate"]),
            f"{level} {fmt.pct_ci(row['ci_low'], row['ci_high'])}",
        ),
        (
            "Neutralized",
            fmt.pct(row["rate_neutralized"]),
            f"{level} {fmt.pct_ci(row['ci_low_neutralized'], row['ci_high_neutralized'])}; "
            "intercepted + lost to EW",
        ),
    ]
