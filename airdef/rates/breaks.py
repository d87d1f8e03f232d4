"""Detect changes in what "intercepted" means, so they are never read as performance.

The Air Force data reported drones lost to electronic warfare (``suppressed``)
separately from mid-2024 to 2025 and folded them into the destroyed count in 2026;
the intercepted-only rate of Shahed-type drones jumps for that reason alone.
:func:`definition_breaks` finds such changes from the data: for each weapon, the
months in which suppressed counts are reported (positive) form a regime; a regime
that starts after, or ends before, at least ``min_months`` months of launches with
none reported marks a break.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["BREAK_COLUMNS", "definition_breaks", "break_note", "groups_with"]

BREAK_COLUMNS: tuple[str, ...] = (
    "weapon",
    "weapon_class",
    "date",
    "change",
    "rate_before",
    "rate_after",
    "suppressed_share_before",
    "suppressed_share_after",
)

_STARTS = "separate"  # suppressed drones start to be reported apart from intercepted
_ENDS = "folded"  # suppressed drones are counted inside intercepted from here on


def break_note(weapon: str, date: pd.Timestamp, change: str) -> str:
    """One short phrase describing a break, for tables and reports.

    Examples
    --------
    >>> break_note("Shahed-136/131", pd.Timestamp("2026-01-01"), "folded")
    'Shahed-136/131: from 2026-01 suppressed (EW) counted in intercepted'
    """
    if change == _ENDS:
        return f"{weapon}: from {date:%Y-%m} suppressed (EW) counted in intercepted"
    return f"{weapon}: from {date:%Y-%m} suppressed (EW) reported apart from intercepted"


def groups_with(events: pd.DataFrame, by: list[str], table: pd.DataFrame, weapon: str) -> pd.Series:
    """Which rows of ``table`` (one per ``by`` group) hold launches of ``weapon``."""
    hit = (events["weapon"] == weapon).fillna(False)
    if not by:
        return pd.Series(bool(hit.any()), index=table.index)
    keys = events.loc[hit, by].astype("string").fillna("(missing)").drop_duplicates()
    wanted = set(keys.itertuples(index=False, name=None))
    rows = table[by].astype("string").fillna("(missing)").itertuples(index=False, name=None)
    return pd.Series([row in wanted for row in rows], index=table.index)


def definition_breaks(
    events: pd.DataFrame, *, min_months: int = 3, min_share: float = 0.05
) -> pd.DataFrame:
    """Months where a weapon's reporting of suppressed counts starts or stops.

    Parameters
    ----------
    events : pandas.DataFrame
        Canonical events (``weapon``, ``weapon_class``, ``time_end``, ``launched``,
        ``intercepted``, ``suppressed``).
    min_months : int, default 3
        Months with launches needed on each side of a break, and months reporting
        suppressed counts needed for a regime.
    min_share : float, default 0.05
        Suppressed share of launches, in the months that report it, needed for the
        change to matter.

    Returns
    -------
    pandas.DataFrame
        One row per break with :data:`BREAK_COLUMNS`; ``date`` is the first month of
        the new definition, ``change`` is ``separate`` or ``folded``, and the rates
        are intercepted / launched over ``min_months`` months on each side.

    Examples
    --------
    >>> months = pd.date_range("2025-01-01", periods=8, freq="MS")
    >>> ev = pd.DataFrame({"weapon": "Shahed-136/131", "weapon_class": "strike_drone",
    ...     "time_end": months, "launched": 100, "intercepted": [60] * 4 + [90] * 4,
    ...     "suppressed": [30] * 4 + [0] * 4})
    >>> definition_breaks(ev)[["weapon", "date", "change", "rate_before", "rate_after"]]
               weapon       date  change  rate_before  rate_after
    0  Shahed-136/131 2025-05-01  folded          0.6         0.9
    """
    cols = ["weapon", "time_end", "launched", "intercepted", "suppressed"]
    if not set(cols) <= set(events.columns) or events.empty:
        return pd.DataFrame(columns=list(BREAK_COLUMNS))
    when = events["time_end"]
    if "time_start" in events:
        when = when.fillna(events["time_start"])
    frame = pd.DataFrame(
        {
            "weapon": events["weapon"].astype("string"),
            "weapon_class": events.get("weapon_class", pd.Series(pd.NA, index=events.index)).astype(
                "string"
            ),
            "month": when.dt.to_period("M"),
            "launched": pd.to_numeric(events["launched"], errors="coerce").fillna(0).astype(float),
            "intercepted": pd.to_numeric(events["intercepted"], errors="coerce")
            .fillna(0)
            .astype(float),
            "suppressed": pd.to_numeric(events["suppressed"], errors="coerce")
            .fillna(0)
            .astype(float),
        }
    ).dropna(subset=["weapon", "month"])
    monthly = frame.groupby(["weapon", "month"], observed=True).agg(
        weapon_class=("weapon_class", "first"),
        launched=("launched", "sum"),
        intercepted=("intercepted", "sum"),
        suppressed=("suppressed", "sum"),
    )
    monthly = monthly.loc[monthly["launched"] > 0]
    rows = []
    for weapon, m in monthly.groupby(level="weapon", observed=True):  # loop over weapons
        m = m.droplevel("weapon").sort_index()
        if len(m) < 2 * min_months:
            continue
        reported = (m["suppressed"] > 0).to_numpy()
        if reported.sum() < min_months:
            continue
        if m.loc[reported, "suppressed"].sum() / m.loc[reported, "launched"].sum() < min_share:
            continue
        first, last = np.flatnonzero(reported)[[0, -1]]
        candidates = []
        if first >= min_months:
            candidates.append((first, _STARTS))
        if len(m) - 1 - last >= min_months:
            candidates.append((last + 1, _ENDS))
        for pos, change in candidates:
            before = m.iloc[max(0, pos - min_months) : pos]
            after = m.iloc[pos : pos + min_months]
            rows.append(
                {
                    "weapon": weapon,
                    "weapon_class": m["weapon_class"].iloc[0],
                    "date": m.index[pos].to_timestamp(),
                    "change": change,
                    "rate_before": before["intercepted"].sum() / before["launched"].sum(),
                    "rate_after": after["intercepted"].sum() / after["launched"].sum(),
                    "suppressed_share_before": before["suppressed"].sum()
                    / before["launched"].sum(),
                    "suppressed_share_after": after["suppressed"].sum() / after["launched"].sum(),
                }
            )
    out = pd.DataFrame(rows, columns=list(BREAK_COLUMNS))
    return out.sort_values(["date", "weapon"]).reset_index(drop=True)
