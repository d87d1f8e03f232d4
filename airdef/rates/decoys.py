"""How many of the reported strike drones were Shahed-type rather than decoys.

From mid-2025 the Air Force's strike-drone counts include decoys (Gerbera and similar); the
dataset's ``is_shahed`` column (``shahed_type`` in airdef) says, rounded, how many of those
launched were Shahed-type. A rate computed on all launched drones therefore mixes the two.
"""

from __future__ import annotations

import pandas as pd

from airdef.model import StrikeData, event_time
from airdef.rates.trend import period_start

__all__ = ["DECOY_COLUMNS", "decoy_share"]

#: Columns of :func:`decoy_share`.
DECOY_COLUMNS: tuple[str, ...] = ("period", "rows", "launched", "shahed_type", "decoys", "share")


def decoy_share(data: StrikeData, *, freq: str = "MS") -> pd.DataFrame:
    """Per period, the launched drones whose Shahed-type count was reported, and its share.

    Only rows with both ``launched`` and ``shahed_type`` known count; blanks are unknown,
    never 0, so a period with no such row is absent.

    Parameters
    ----------
    data : StrikeData
        Strike reports (the national rows are the ones that carry ``shahed_type``).
    freq : {"D", "W", "MS", "QS", "YS"}
        The period: day, week, month, quarter or year.

    Returns
    -------
    pandas.DataFrame
        ``period`` (its start), ``rows``, ``launched``, ``shahed_type``, ``decoys``
        (launched minus Shahed-type) and ``share`` (Shahed-type / launched).

    Examples
    --------
    >>> ev = pd.DataFrame({"attack_id": ["a", "b", "c"],
    ...     "time_end": pd.to_datetime(["2025-09-02 08:00", "2025-09-20 08:00", "2025-10-01 08:00"]),
    ...     "weapon_label": ["Shahed-136/131"] * 3, "launched": [100, 50, 80],
    ...     "intercepted": [90, 40, 70], "shahed_type": [60, 30, None]})
    >>> decoy_share(StrikeData(events=ev))
          period  rows  launched  shahed_type  decoys  share
    0 2025-09-01     2       150           90      60    0.6
    """
    ev = data.events
    known = ev["launched"].notna() & ev["shahed_type"].notna()
    ev = ev.loc[known]
    if ev.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in DECOY_COLUMNS})
    period = period_start(event_time(ev), freq)
    out = (
        ev.assign(period=period, rows=1)
        .groupby("period", as_index=False)[["rows", "launched", "shahed_type"]]
        .sum()
    )
    out["decoys"] = out["launched"] - out["shahed_type"]
    out["share"] = (out["shahed_type"] / out["launched"]).astype("float64")
    return out.loc[:, list(DECOY_COLUMNS)]
