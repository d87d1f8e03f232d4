"""Helpers shared by the analysis modules: class order, each group's main class, the rows a
figure shows, and what the selection kept."""

from __future__ import annotations

from typing import Any

import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.model import StrikeData, event_time

__all__ = ["class_order", "figure_rows", "main_class", "selection_summary"]


def class_order(frame: pd.DataFrame, column: str = "weapon_class") -> pd.Series:
    """Each row's position in :data:`airdef.catalog.WEAPON_CLASSES` (unknown classes last).

    Examples
    --------
    >>> class_order(pd.DataFrame({"weapon_class": ["cruise_missile", "strike_drone", "x"]})).tolist()
    [2, 0, 8]
    """
    order = {c: i for i, c in enumerate(WEAPON_CLASSES)}
    return frame[column].map(order).fillna(len(order)).astype(int)


def main_class(events: pd.DataFrame, table: pd.DataFrame, by: str) -> pd.Series:
    """The weapon class of most of each group's launches, for the rows of ``table``.

    This is the one copy in the analysis; ties go to the class seen first.

    Examples
    --------
    >>> ev = pd.DataFrame({"weapon": ["a", "a", "b"], "launched": [5, 1, 2],
    ...                    "weapon_class": ["strike_drone", "cruise_missile", "cruise_missile"]})
    >>> main_class(ev, pd.DataFrame({"weapon": ["b", "a"]}), "weapon").tolist()
    ['cruise_missile', 'strike_drone']
    """
    frame = pd.DataFrame(
        {
            by: events[by].astype("string").fillna("(missing)"),
            "weapon_class": events["weapon_class"].astype("string").fillna("unknown"),
            "w": pd.to_numeric(events["launched"], errors="coerce").fillna(0) + 1e-9,
        }
    )
    main = frame.groupby([by, "weapon_class"], observed=True)["w"].sum().reset_index()
    main = main.sort_values("w", ascending=False, kind="stable").drop_duplicates(by)
    return table[[by]].merge(main[[by, "weapon_class"]], on=by, how="left")["weapon_class"]


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
