"""How many of the reported strike drones were Shahed-type, month by month, and how much of
each month's launches the reports that say so cover."""

from __future__ import annotations

import pandas as pd

from airdef.model import StrikeData, event_time

__all__ = ["DECOY_TABLE_COLUMNS", "decoy_table"]

#: Columns of :func:`decoy_table`.
DECOY_TABLE_COLUMNS: tuple[str, ...] = (
    "period",
    "rows",
    "launched",
    "shahed_type",
    "decoys",
    "share",
    "launched_month",
    "coverage",
)


def decoy_table(data: StrikeData) -> pd.DataFrame | None:
    """:func:`airdef.rates.decoy_share` per month, with the month's launches of the same
    weapons (``launched_month``, all rows with ``launched`` known) and the share of them the
    rows with a Shahed-type count cover (``coverage``); ``None`` when no row has that count.

    Examples
    --------
    >>> ev = pd.DataFrame({"attack_id": ["a", "b", "c"],
    ...     "time_end": pd.to_datetime(["2025-09-02", "2025-09-20", "2025-09-28"]),
    ...     "weapon": "Shahed-136/131", "weapon_label": "Shahed-136/131",
    ...     "launched": [100, 50, 50], "intercepted": [90, 40, 40],
    ...     "shahed_type": pd.array([60, 30, None], dtype="Int64")})
    >>> decoy_table(StrikeData(events=ev))[["launched", "share", "launched_month", "coverage"]]
       launched  share  launched_month  coverage
    0       150    0.6             200      0.75
    """
    from airdef.rates import decoy_share

    ev = data.events
    if "shahed_type" not in ev or not ev["shahed_type"].notna().any():
        return None
    share = decoy_share(data, freq="MS")
    if share.empty:
        return None
    weapons = ev.loc[ev["shahed_type"].notna(), "weapon"].dropna().unique()
    same = ev.loc[ev["weapon"].isin(weapons).fillna(False) & ev["launched"].notna()]
    month = event_time(same).dt.to_period("M").dt.to_timestamp()
    totals = same["launched"].astype("float64").groupby(month).sum()
    out = share.assign(
        launched_month=totals.reindex(pd.to_datetime(share["period"])).to_numpy()
    ).astype({"launched_month": "Int64"})
    out["coverage"] = out["launched"].astype("float64") / out["launched_month"]
    return out.loc[:, list(DECOY_TABLE_COLUMNS)].reset_index(drop=True)
