"""Helpers shared by the analysis modules: class order, each group's main class, the rows a
figure shows, and what the selection kept."""

from __future__ import annotations

from typing import Any

import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.model import StrikeData, event_time

__all__ = [
    "RELIABLE_MAX_WIDTH",
    "RELIABLE_MIN_ATTACKS",
    "class_order",
    "figure_rows",
    "partial_months",
    "selection_summary",
    "window_dates",
    "with_reliable",
]

#: An interval is informative only for a group of at least this many attacks ...
RELIABLE_MIN_ATTACKS = 3
#: ... and when it is at most this wide (a share of the 0-1 scale).
RELIABLE_MAX_WIDTH = 0.6


def class_order(frame: pd.DataFrame, column: str = "weapon_class") -> pd.Series:
    """Each row's position in :data:`airdef.catalog.WEAPON_CLASSES` (unknown classes last).

    Examples
    --------
    >>> class_order(pd.DataFrame({"weapon_class": ["cruise_missile", "strike_drone", "x"]})).tolist()
    [2, 0, 8]
    """
    order = {c: i for i, c in enumerate(WEAPON_CLASSES)}
    return frame[column].map(order).fillna(len(order)).astype(int)


def figure_rows(table: pd.DataFrame, *, min_launched: int = 10, max_rows: int = 30) -> pd.DataFrame:
    """The rows of a rate table a forest plot can show legibly on one page.

    Rows with at least ``min_launched`` launches (all rows if none has that many), and
    at most ``max_rows`` of them, most launches first; the table's order is kept.

    Examples
    --------
    >>> t = pd.DataFrame({"weapon": list("abc"), "launched": [50, 3, 12]})
    >>> figure_rows(t)["weapon"].tolist()
    ['a', 'c']
    """
    launched = pd.to_numeric(table["launched"], errors="coerce").fillna(0)
    keep = launched >= min_launched
    if not keep.any():
        keep = launched > 0
    chosen = launched[keep].sort_values(ascending=False, kind="stable").index[:max_rows]
    return table.loc[table.index.isin(chosen)]


def selection_summary(
    data_all: StrikeData, data: StrikeData, since: str | None, until: str | None
) -> dict[str, Any]:
    """Rows in the period, rows kept, and the reporters the source choice left out."""
    period = data_all.select(since=since, until=until, source="all")
    before = period.events["reporter"].astype("string").fillna("(none)").value_counts()
    after = data.events["reporter"].astype("string").fillna("(none)").value_counts()
    dropped = (before - after.reindex(before.index, fill_value=0)).loc[lambda s: s > 0]
    when = event_time(data.events).dropna()
    return {
        "rows_all": len(data_all.events),
        "rows_period": len(period.events),
        "rows_kept": len(data.events),
        "excluded_reporters": {
            str(k): int(v) for k, v in dropped.sort_values(ascending=False).items()
        },
        "first": when.min() if len(when) else None,
        "last": when.max() if len(when) else None,
        "attacks": int(data.events["attack_id"].nunique()),
        "reporters": {str(k): int(v) for k, v in data.events["reporter"].value_counts().items()},
    }


def with_reliable(
    table: pd.DataFrame, *, low: str = "ci_low", high: str = "ci_high", attacks: str = "attacks"
) -> pd.DataFrame:
    """The table with a boolean ``reliable`` column: does the interval say something?

    A ``reliable`` column the table already has (from :mod:`airdef.rates`) is kept as
    it is. Otherwise a row is reliable when it has at least
    :data:`RELIABLE_MIN_ATTACKS` attacks (where the table counts attacks) and an
    interval no wider than :data:`RELIABLE_MAX_WIDTH`; a row without an interval is not.

    Examples
    --------
    >>> t = pd.DataFrame({"attacks": [3, 40, 2], "ci_low": [0.0, 0.7, 0.6],
    ...                   "ci_high": [1.0, 0.8, 0.7]})
    >>> with_reliable(t)["reliable"].tolist()
    [False, True, False]
    """
    if "reliable" in table:
        return table
    width = pd.to_numeric(table[high], errors="coerce") - pd.to_numeric(table[low], errors="coerce")
    ok = width.le(RELIABLE_MAX_WIDTH).fillna(False)
    if attacks in table:
        ok &= pd.to_numeric(table[attacks], errors="coerce").ge(RELIABLE_MIN_ATTACKS).fillna(False)
    return table.assign(reliable=ok.astype(bool))


def partial_months(first: pd.Timestamp | None, last: pd.Timestamp | None) -> pd.DataFrame:
    """The months at the ends of the data that the data cover only in part.

    Returns
    -------
    pandas.DataFrame
        ``period`` (month start), ``first_day``, ``last_day`` (the days covered) and
        ``days`` (how many of the month's days); at most two rows, none when the data
        begin on a month's first day and end on a month's last day.

    Examples
    --------
    >>> t = partial_months(pd.Timestamp("2022-09-28 08:30"), pd.Timestamp("2026-06-07 08:30"))
    >>> t["period"].dt.strftime("%Y-%m").tolist(), t["days"].tolist()
    (['2022-09', '2026-06'], [3, 7])
    """
    rows = []
    if first is not None and last is not None and pd.notna(first) and pd.notna(last):
        first_day, last_day = first.normalize(), last.normalize()
        fs, ls = first_day.replace(day=1), last_day.replace(day=1)
        fe, le = fs + pd.offsets.MonthEnd(0), ls + pd.offsets.MonthEnd(0)
        if fs == ls:
            if first_day > fs or last_day < le:
                rows.append((fs, first_day, last_day))
        else:
            if first_day > fs:
                rows.append((fs, first_day, fe))
            if last_day < le:
                rows.append((ls, ls, last_day))
    frame = pd.DataFrame(rows, columns=["period", "first_day", "last_day"]).astype(
        {"period": "datetime64[ns]", "first_day": "datetime64[ns]", "last_day": "datetime64[ns]"}
    )
    frame["days"] = ((frame["last_day"] - frame["first_day"]).dt.days + 1).astype(int)
    return frame


def window_dates(events: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> tuple:
    """First and last event time on the days ``first`` to ``last``, both included (the
    ``*_from`` and ``*_to`` days of :func:`airdef.compare_periods`); (None, None) if none."""
    when = event_time(events)
    day = when.dt.normalize()
    inside = when[
        (day >= pd.Timestamp(first).normalize()) & (day <= pd.Timestamp(last).normalize())
    ]
    return (inside.min(), inside.max()) if len(inside) else (None, None)
