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

from airdef.rates._prepare import event_times

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
    hit = (events["weapon"] == weapon).fillna(False).to_numpy(dtype=bool)
    if not by:
        return pd.Series(bool(hit.any()), index=table.index)
    keys = events.loc[hit, by].astype("string").fillna("(missing)").drop_duplicates()
    rows = table[by].astype("string").fillna("(missing)")
    found = rows.merge(keys.assign(_hit=True), on=by, how="left")["_hit"].notna()
    return pd.Series(found.to_numpy(dtype=bool), index=table.index)


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
    when = event_times(events)
    ok = (when.notna() & events["weapon"].notna()).to_numpy(dtype=bool)
    if not ok.any():
        return pd.DataFrame(columns=list(BREAK_COLUMNS))
    codes, weapons = pd.factorize(events["weapon"].to_numpy()[ok])
    month = (when.dt.year * 12 + when.dt.month - 1).to_numpy()[ok].astype(np.int64)
    first_month = month.min()
    span = int(month.max() - first_month) + 1
    cell = codes * span + (month - first_month)

    def monthly(column: str) -> np.ndarray:
        values = pd.to_numeric(events[column], errors="coerce").fillna(0).to_numpy(dtype=float)[ok]
        return np.bincount(cell, weights=values, minlength=len(weapons) * span).reshape(-1, span)

    launched, intercepted, suppressed = (
        monthly(c) for c in ("launched", "intercepted", "suppressed")
    )
    active = launched > 0
    reported = active & (suppressed > 0)
    pos = np.cumsum(active, axis=1) - 1  # position of each month among the weapon's active months
    months = active.sum(axis=1)
    n_reported = reported.sum(axis=1)
    big = np.iinfo(np.int64).max
    first = np.where(reported, pos, big).min(axis=1)
    last = np.where(reported, pos, -1).max(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = (suppressed * reported).sum(axis=1) / (launched * reported).sum(axis=1)
    eligible = (months >= 2 * min_months) & (n_reported >= min_months) & (share >= min_share)
    candidates = [
        (w, int(first[w]), _STARTS) for w in np.flatnonzero(eligible & (first >= min_months))
    ]
    candidates += [
        (w, int(last[w]) + 1, _ENDS)
        for w in np.flatnonzero(eligible & (months - 1 - last >= min_months))
    ]
    classes = (
        events.loc[ok, ["weapon", "weapon_class"]]
        .drop_duplicates("weapon")
        .set_index("weapon")["weapon_class"]
        if "weapon_class" in events
        else pd.Series(dtype="string")
    )
    rows = []
    for w, at, change in candidates:  # a handful of breaks at most
        live = active[w]
        before = live & (pos[w] >= at - min_months) & (pos[w] < at)
        after = live & (pos[w] >= at) & (pos[w] < at + min_months)
        start_month = first_month + int(np.flatnonzero(live & (pos[w] == at))[0])
        rows.append(
            {
                "weapon": weapons[w],
                "weapon_class": classes.get(weapons[w], pd.NA),
                "date": pd.Timestamp(
                    year=int(start_month // 12), month=int(start_month % 12) + 1, day=1
                ),
                "change": change,
                "rate_before": intercepted[w, before].sum() / launched[w, before].sum(),
                "rate_after": intercepted[w, after].sum() / launched[w, after].sum(),
                "suppressed_share_before": suppressed[w, before].sum() / launched[w, before].sum(),
                "suppressed_share_after": suppressed[w, after].sum() / launched[w, after].sum(),
            }
        )
    out = pd.DataFrame(rows, columns=list(BREAK_COLUMNS))
    return out.sort_values(["date", "weapon"]).reset_index(drop=True)
