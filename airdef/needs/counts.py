"""Launches per calendar day and weapon class, with the days whose count is only a bound.

A row counts on the day it happened (:func:`airdef.model.event_time`). A row
with a blank ``launched`` count is unknown, never zero: its day is censored, at
least the day's other launches plus the row's ``intercepted`` count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.errors import DataError
from airdef.needs._common import event_day, positive_int

__all__ = ["DailyCounts", "daily_counts", "daily_launches"]


@dataclass(frozen=True)
class DailyCounts:
    """Launches per day and class, with the days whose count is only a lower bound.

    Attributes
    ----------
    counts : pandas.DataFrame
        Indexed by day, one ``int64`` column per class: the known launches (for a
        censored day, its lower bound).
    censored : pandas.DataFrame
        Same shape, True where a row of that day and class had a blank ``launched``.
    start, end : pandas.Timestamp
    blank_rows : int
        Rows with a blank ``launched`` count in the window.
    """

    counts: pd.DataFrame
    censored: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp
    blank_rows: int


def daily_counts(data: Any, *, window_days: int = 90, source: str = "national") -> DailyCounts:
    """Launches per day and class over the last ``window_days`` days, blanks kept as censored.

    A row with a blank ``launched`` and a known ``intercepted`` count says that at
    least that many were launched: its day is censored at the day's known
    launches plus that count. A row with both blank censors its day at the known
    rest. Nothing is read as zero.

    Examples
    --------
    >>> from airdef.model import StrikeData
    >>> data = StrikeData(events=pd.DataFrame({
    ...     "attack_id": ["a", "b"], "weapon_label": ["Shahed-136/131", "Shahed-136/131"],
    ...     "time_end": pd.to_datetime(["2025-01-01 07:00", "2025-01-02 06:00"]),
    ...     "launched": [40, None], "intercepted": [35, 30]}))
    >>> d = daily_counts(data, window_days=2)
    >>> d.counts["strike_drone"].tolist(), d.censored["strike_drone"].tolist()
    ([40, 30], [False, True])
    """
    window_days = positive_int("window_days", window_days)
    ev = data.select(source=source).events
    when = event_day(ev)
    if when.notna().sum() == 0:
        raise DataError("the data has no dated rows, so there is no recent period to forecast from")
    end = when.max()
    start = end - pd.Timedelta(days=window_days - 1)
    keep = (when >= start) & (when <= end)
    blank = ev["launched"].isna()
    known = ev["launched"].where(~blank, ev["intercepted"].where(blank))
    rows = pd.DataFrame(
        {
            "day": when[keep],
            "weapon_class": ev.loc[keep, "weapon_class"].fillna("unknown").astype(str),
            "launched": known[keep].fillna(0).astype("int64"),
            "censored": blank[keep].astype(bool),
        }
    )
    days = pd.date_range(start, end, freq="D")

    def pivot(values: str, fill: Any, kind: str) -> pd.DataFrame:
        table = rows.pivot_table(
            index="day", columns="weapon_class", values=values,
            aggfunc="sum" if kind == "int64" else "any", fill_value=fill,
        )  # fmt: skip
        table = table.reindex(days, fill_value=fill).astype(kind)
        table = table[[c for c in WEAPON_CLASSES if c in table.columns]]
        table.index.name = None
        table.columns.name = None
        return table

    counts = pivot("launched", 0, "int64")
    censored = pivot("censored", False, "bool").reindex(columns=counts.columns, fill_value=False)
    return DailyCounts(counts, censored, start, end, int((keep & blank).sum()))


def daily_launches(data: Any, *, window_days: int = 90, source: str = "national") -> pd.DataFrame:
    """Launches per calendar day and weapon class over the last ``window_days`` days of the data.

    Parameters
    ----------
    data : StrikeData
    window_days : int
        Days in the window, ending on the last day of the data.
    source : {"national", "all"}
        Passed to :meth:`StrikeData.select`; regional air commands report kills
        only, so ``national`` is the default.

    Returns
    -------
    pandas.DataFrame
        Indexed by day (every day of the window), one ``int64`` column per class
        seen in the window; days without a report are 0; a day with a blank
        count shows its known lower bound (see :func:`daily_counts`, which says
        which days are censored, with the window's ``start``, ``end`` and
        ``blank_rows``).

    Examples
    --------
    >>> from airdef.model import StrikeData
    >>> data = StrikeData(events=pd.DataFrame({
    ...     "attack_id": ["a", "b"], "weapon_label": ["Shahed-136/131", "Kalibr"],
    ...     "time_end": pd.to_datetime(["2025-01-01 07:00", "2025-01-03 06:00"]),
    ...     "launched": [40, 6], "intercepted": [35, 5]}))
    >>> daily_launches(data, window_days=3)
                strike_drone  cruise_missile
    2025-01-01            40               0
    2025-01-02             0               0
    2025-01-03             0               6
    """
    d = daily_counts(data, window_days=window_days, source=source)
    return d.counts.copy()
