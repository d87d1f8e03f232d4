"""The weapon class of each group: the class with most launches."""

from __future__ import annotations

import pandas as pd

from airdef.model import StrikeData
from airdef.rates._prepare import as_events, by_columns

__all__ = ["main_class"]


def main_class(data: StrikeData | pd.DataFrame, by: str | list[str] = "weapon") -> pd.Series:
    """The weapon class with most launches in each ``by`` group.

    Parameters
    ----------
    data : StrikeData or pandas.DataFrame
        Events with ``weapon_class``, ``launched`` and the ``by`` columns.
    by : str or list of str, default "weapon"
        The grouping, as in :func:`airdef.interception_rates`.

    Returns
    -------
    pandas.Series
        Named ``weapon_class``, indexed by the group's ``by`` value(s) as strings
        (a missing value is ``"(missing)"``, as in the rate tables; a MultiIndex for
        several columns). A group's class is the one with most known launches; a
        blank ``launched`` counts as none, a blank class as ``"unknown"``. Ties (and
        groups with no known launches) go to the class with more rows, then to the
        class seen first.

    Examples
    --------
    >>> ev = pd.DataFrame({"weapon": ["Kh-59/69", "Kh-59/69", "Shahed"],
    ...     "weapon_class": ["cruise_missile", "guided_missile", "strike_drone"],
    ...     "launched": [4, 1, None]})
    >>> main_class(ev)
    weapon
    Kh-59/69    cruise_missile
    Shahed        strike_drone
    Name: weapon_class, dtype: string
    >>> table = pd.DataFrame({"weapon": ["Shahed", "Kh-59/69"]})
    >>> table["weapon"].map(main_class(ev)).tolist()
    ['strike_drone', 'cruise_missile']
    """
    by = by_columns(by)
    if not by:
        raise ValueError("by must name at least one column")
    events = as_events(data)
    missing = [c for c in dict.fromkeys([*by, "weapon_class", "launched"]) if c not in events]
    if missing:
        raise ValueError("data lacks the column(s) " + ", ".join(missing))
    frame = events[by].astype("string").fillna("(missing)")
    frame["weapon_class"] = events["weapon_class"].astype("string").fillna("unknown")
    frame["w"] = pd.to_numeric(events["launched"], errors="coerce").fillna(0).to_numpy(float)
    frame["rows"] = 1
    frame["order"] = range(len(frame))
    totals = frame.groupby([*by, "weapon_class"], observed=True, sort=False).agg(
        w=("w", "sum"), rows=("rows", "sum"), order=("order", "min")
    )
    totals = totals.reset_index().sort_values(
        ["w", "rows", "order"], ascending=[False, False, True], kind="stable"
    )
    best = totals.drop_duplicates(by).sort_values(by, kind="stable")
    out = best.set_index(by if len(by) > 1 else by[0])["weapon_class"]
    return out.astype("string")
