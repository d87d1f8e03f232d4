"""Which facts the summary states, chosen from the numbers by fixed rules.

Each candidate is built only when the data support it, and holds numbers, not
words (:mod:`airdef.report.findings` writes the sentences and the rules as the
methods appendix prints them):

``volume``
    The weapon class with most launches: its share of launches and its rate.
``change``
    Between the latest ``compare_days`` days and the same number of days before,
    the class whose difference interval lies farthest from zero (the largest
    ``diff_low`` above zero, or ``-diff_high`` below); or, when every interval
    contains zero, a ``change`` finding without a row (no significant change).
``break``
    A definition break (drones lost to electronic warfare reported apart from, or
    inside, "intercepted") in a weapon of the class with most launches, or else
    the break with the largest jump in rate: headline rates mix two definitions.
``lowest``
    The class with the lowest rate among those with at least
    :data:`MIN_LAUNCHED` launches and an informative (``reliable``) interval, excluding
    ``unknown`` and ``mixed``.
``trend``
    The class whose whole-period GLM trend is most significant (p < 0.05).

``missiles``
    The rates of ballistic and cruise missiles (:data:`MISSILE_CLASSES`) with at least
    :data:`MIN_LAUNCHED` launches, whatever the class with most launches.
``growth``
    Launches per month of the class with most launches: the mean of the first and of
    the last :data:`GROWTH_MONTHS` whole months, and the peak month.
``largest``
    The attack with most weapons launched.

The summary shows six: ``volume``, ``missiles``, ``growth``, ``change``, then
``break`` if there is one, else ``lowest``, then ``largest``; when fewer exist the
rest are filled from ``lowest`` and ``trend`` in that order. No figure is stated
twice: a candidate whose figures (:func:`stated`: a class's rate, its launches per
month, its change, its trend, a break, the largest attack) an earlier finding already
states is skipped, so the lowest-rate class is never a missile class the second
finding names. A trend whose data straddle a definition break is not a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from airdef.analysis.result import Analysis
from airdef.model import event_time

__all__ = ["GROWTH_MONTHS", "MIN_LAUNCHED", "MISSILE_CLASSES", "TREND_ALPHA", "Finding",
           "choose_findings", "stated"]  # fmt: skip

#: The classes of the ``missiles`` finding, always stated when they were launched.
MISSILE_CLASSES: tuple[str, ...] = ("ballistic_missile", "cruise_missile")

#: Whole months averaged at each end of the ``growth`` finding.
GROWTH_MONTHS = 3

#: Launches a class needs before it can be named the lowest-rate class.
MIN_LAUNCHED = 30

#: Significance level below which a whole-period trend is a finding.
TREND_ALPHA = 0.05


@dataclass(frozen=True)
class Finding:
    """One fact of the summary: the rule that chose it and the numbers it states.

    ``row`` is the table row the fact is about (as a dict); ``facts`` holds the
    numbers computed beside it (a share, a total, the class with most launches).
    """

    kind: str
    row: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)


def _volume(a: Analysis) -> Finding | None:
    t = a.by_class
    if t is None or t["launched"].fillna(0).sum() == 0:
        return None
    total = float(t["launched"].fillna(0).sum())
    row = t.loc[t["launched"].fillna(0).astype(float).idxmax()]
    share = float(row["launched"]) / total
    return Finding("volume", row.to_dict(), {"share": share, "total": total})


def _change(a: Analysis) -> Finding | None:
    c = a.compare
    if c is None or c.empty:
        return None
    c = c.loc[c["diff"].notna()]
    if c.empty:
        return None
    first, last = a.compare_windows.get("recent", (None, None))
    if first is None:  # the dates of the first and last report of the latest period
        first, last = c["recent_from"].iloc[0], c["recent_to"].iloc[0]
    recent = {"recent_first": first, "recent_last": last}
    low, high = c["diff_low"].to_numpy(float), c["diff_high"].to_numpy(float)
    distance = np.where(low > 0, low, np.where(high < 0, -high, -np.inf))
    if not np.isfinite(distance).any():
        return Finding("change", {}, recent)  # no significant change: no row
    row = c.iloc[int(np.argmax(distance))]
    note = str(row.get("note", "") or "")
    return Finding(
        "change", row.to_dict(), {**recent, "straddles": note if note and note != "<NA>" else ""}
    )


def _break(a: Analysis, main_class: str | None) -> Finding | None:
    b = a.breaks
    if b is None or b.empty:
        return None
    jump = (b["rate_after"] - b["rate_before"]).abs()
    mine = b.loc[b["weapon_class"].astype(str) == (main_class or "")]
    row = mine.loc[jump[mine.index].idxmax()] if len(mine) else b.loc[jump.idxmax()]
    return Finding(
        "break", row.to_dict(), {"in_main_class": str(row["weapon_class"]) == main_class}
    )


def _lowest(a: Analysis) -> Finding | None:
    t = a.by_class
    if t is None:
        return None
    ok = t.loc[
        (t["launched"].fillna(0) >= MIN_LAUNCHED)
        & ~t["weapon_class"].isin(["unknown", "mixed"])
        & t["rate"].notna()
        & t["reliable"].fillna(False).astype(bool)
    ]
    if ok.empty:
        return None
    return Finding("lowest", ok.loc[ok["rate"].astype(float).idxmin()].to_dict())


def _trend(a: Analysis) -> Finding | None:
    t = a.trend
    if t is None or t.empty:
        return None
    ok = t.loc[t["p_value"].notna() & (t["p_value"] < TREND_ALPHA)]
    if "note" in ok:  # a trend across a change of definition is not performance
        ok = ok.loc[ok["note"].fillna("").astype(str).isin(["", "<NA>"])]
    if ok.empty:
        return None
    row = ok.loc[ok["p_value"].astype(float).idxmin()]
    return Finding("trend", row.to_dict(), {"rose": bool(row["odds_ratio_per_year"] > 1)})


def _missiles(a: Analysis) -> Finding | None:
    t = a.by_class
    if t is None:
        return None
    rows = t.loc[
        t["weapon_class"].isin(MISSILE_CLASSES) & (t["launched"].fillna(0) >= MIN_LAUNCHED)
    ]
    if rows.empty:
        return None
    return Finding("missiles", {}, {"rows": [r for r in rows.to_dict("records")]})


def _growth(a: Analysis, main: str | None) -> Finding | None:
    p = a.periods
    if p is None or main is None:
        return None
    mine = p.loc[p["weapon_class"].astype(str) == main, ["period", "launched"]].copy()
    mine["period"] = pd.to_datetime(mine["period"])
    if a.partial_periods is not None and len(a.partial_periods):
        mine = mine.loc[~mine["period"].isin(pd.to_datetime(a.partial_periods["period"]))]
    mine = mine.sort_values("period")
    if len(mine) < 2 * GROWTH_MONTHS:
        return None
    head, tail = mine.head(GROWTH_MONTHS), mine.tail(GROWTH_MONTHS)
    return Finding(
        "growth",
        {},
        {
            "weapon_class": main,
            "first_from": head["period"].iloc[0], "first_to": head["period"].iloc[-1],
            "first_mean": float(head["launched"].fillna(0).mean()),
            "last_from": tail["period"].iloc[0], "last_to": tail["period"].iloc[-1],
            "last_mean": float(tail["launched"].fillna(0).mean()),
            "peak_period": mine.loc[mine["launched"].idxmax(), "period"],
            "peak": float(mine["launched"].max()),
        },
    )  # fmt: skip


def _largest(a: Analysis) -> Finding | None:
    ev = a.data.events
    if not len(ev):
        return None
    frame = pd.DataFrame(
        {
            "attack_id": ev["attack_id"],
            "when": event_time(ev),
            "launched": pd.to_numeric(ev["launched"], errors="coerce"),
            "intercepted": pd.to_numeric(ev["intercepted"], errors="coerce"),
        }
    )
    per = frame.groupby("attack_id", sort=False).agg(
        when=("when", "max"),
        launched=("launched", lambda v: v.sum(min_count=1)),
        intercepted=("intercepted", lambda v: v.sum(min_count=1)),
    )
    per = per.loc[per["launched"].notna() & (per["launched"] > 0)]
    if per.empty:
        return None
    row = per.loc[per["launched"].idxmax()]
    return Finding(
        "largest",
        {"attack_id": row.name, **row.to_dict()},
        {"attacks": len(per), "median": float(per["launched"].median())},
    )


def stated(finding: Finding) -> set[tuple[str, str]]:
    """The figures a finding states, as (kind of figure, what it is about).

    Examples
    --------
    >>> stated(Finding("lowest", {"weapon_class": "ballistic_missile"}))
    {('rate', 'ballistic_missile')}
    """
    f, row = finding, finding.row
    if f.kind == "volume":
        return {("rate", str(row["weapon_class"])), ("share", str(row["weapon_class"]))}
    if f.kind == "missiles":
        return {("rate", str(r["weapon_class"])) for r in f.facts["rows"]}
    if f.kind == "lowest":
        return {("rate", str(row["weapon_class"]))}
    if f.kind == "growth":
        return {("launches", str(f.facts["weapon_class"]))}
    if f.kind in ("change", "trend"):
        return {(f.kind, str(row.get("weapon_class", "")))}
    if f.kind == "break":
        return {("break", f"{row['weapon']} {row['date']}")}
    return {(f.kind, str(row.get("attack_id", "")))}


def choose_findings(analysis: Analysis, n: int = 6) -> list[Finding]:
    """The ``n`` facts the summary states, chosen by the rules of this module.

    Examples
    --------
    >>> import airdef
    >>> from airdef.analysis import analyse
    >>> found = choose_findings(analyse(airdef.simulate(months=6, seed=3)))
    >>> [f.kind for f in found][:2]
    ['volume', 'missiles']
    """
    if not analysis.usable:
        return []
    volume = _volume(analysis)
    main = None if volume is None else str(volume.row["weapon_class"])
    lowest = _lowest(analysis)
    if lowest is not None and str(lowest.row["weapon_class"]) == main:
        lowest = None
    brk = _break(analysis, main)
    first = [volume, _missiles(analysis), _growth(analysis, main), _change(analysis),
             brk or lowest, _largest(analysis)]  # fmt: skip
    rest = [lowest if brk else None, _trend(analysis)]
    chosen: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for f in first:
        if f is not None and not stated(f) & seen:
            chosen.append(f)
            seen |= stated(f)
    for f in rest:
        if f is not None and f.kind not in {c.kind for c in chosen} and not stated(f) & seen:
            chosen.append(f)
            seen |= stated(f)
    return chosen[:n]
