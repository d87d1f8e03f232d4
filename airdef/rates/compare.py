"""Compare two periods: the latest days against the same number of days before."""

from __future__ import annotations

import numpy as np
import pandas as pd

from airdef.model import StrikeData
from airdef.rates._prepare import as_events, by_columns, event_times
from airdef.rates.table import interception_rates

__all__ = ["compare_periods", "mover_diff"]


def mover_diff(
    p1: np.ndarray, l1: np.ndarray, u1: np.ndarray, p2: np.ndarray, l2: np.ndarray, u2: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Interval for p1 - p2 from intervals for each (the MOVER / square-and-add method).

    With Wilson intervals this is exactly Newcombe's (1998) hybrid score interval,
    method 10; with clustered intervals it carries their width into the difference.

    Examples
    --------
    >>> from airdef.stats.binomial import binomial_ci
    >>> (l1, u1), (l2, u2) = binomial_ci(56, 70), binomial_ci(48, 80)
    >>> low, high = mover_diff(56 / 70, l1, u1, 48 / 80, l2, u2)
    >>> round(float(low), 4), round(float(high), 4)
    (0.0524, 0.3339)
    """
    d = np.asarray(p1, float) - np.asarray(p2, float)
    low = d - np.sqrt((np.asarray(p1) - l1) ** 2 + (np.asarray(u2) - p2) ** 2)
    high = d + np.sqrt((np.asarray(u1) - p1) ** 2 + (np.asarray(p2) - l2) ** 2)
    return np.clip(low, -1.0, 1.0), np.clip(high, -1.0, 1.0)


def compare_periods(
    data: StrikeData | pd.DataFrame,
    *,
    by: str | list[str] = "weapon_class",
    days: int = 90,
    end: str | pd.Timestamp | None = None,
    method: str = "auto",
    confidence_level: float = 0.95,
    outcome: str = "intercepted",
    seed: int = 0,
) -> pd.DataFrame:
    """Rates in the latest ``days`` days against the ``days`` before, with a difference interval.

    Parameters
    ----------
    data : StrikeData or pandas.DataFrame
    by : str or list of str, default "weapon_class"
    days : int, default 90
    end : date, optional
        End of the recent period (default: the latest time in the data).
    method, confidence_level, outcome, seed
        As in :func:`airdef.interception_rates`; each period's interval uses
        ``method``, and the difference interval combines them by MOVER (with Wilson
        intervals this is Newcombe's hybrid score interval).

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns; ``launched, intercepted, rate, ci_low, ci_high, method``
        for each period with suffixes ``_recent`` and ``_before``; ``diff``,
        ``diff_low``, ``diff_high``; ``recent_from``, ``recent_to``, ``before_from``;
        ``note`` (definition breaks between or inside the periods).
    """
    if days < 1:
        raise ValueError(f"days must be a positive whole number; not {days!r}")
    by = by_columns(by)
    events = as_events(data)
    when = event_times(events)
    stop = pd.Timestamp(end) if end is not None else when.max()
    if pd.isna(stop):
        raise ValueError("the data has no times; periods cannot be compared")
    if end is not None and stop == stop.normalize():
        stop = stop + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    mid = stop - pd.Timedelta(days=days)
    start = mid - pd.Timedelta(days=days)
    recent_rows = (when > mid) & (when <= stop)
    before_rows = (when > start) & (when <= mid)
    kwargs = {
        "by": by,
        "method": method,
        "confidence_level": confidence_level,
        "outcome": outcome,
        "seed": seed,
    }
    recent = interception_rates(events.loc[recent_rows], **kwargs)
    before = interception_rates(events.loc[before_rows], **kwargs)
    keep = ["launched", "intercepted", "rate", "ci_low", "ci_high", "method", "note"]
    if by:
        both = recent[[*by, *keep]].merge(
            before[[*by, *keep]], on=by, how="outer", suffixes=("_recent", "_before")
        )
    else:
        both = pd.concat(
            [recent[keep].add_suffix("_recent"), before[keep].add_suffix("_before")], axis=1
        )
    low, high = mover_diff(
        both["rate_recent"].to_numpy(float),
        both["ci_low_recent"].to_numpy(float),
        both["ci_high_recent"].to_numpy(float),
        both["rate_before"].to_numpy(float),
        both["ci_low_before"].to_numpy(float),
        both["ci_high_before"].to_numpy(float),
    )
    both["diff"] = both["rate_recent"] - both["rate_before"]
    both["diff_low"] = low
    both["diff_high"] = high
    both["recent_from"] = mid
    both["recent_to"] = stop
    both["before_from"] = start
    notes = both[["note_recent", "note_before"]].fillna("").astype(str)
    both["note"] = (notes["note_recent"] + "; " + notes["note_before"]).str.strip("; ")
    if "weapon" in events and outcome == "intercepted":
        from airdef.rates.breaks import break_note, definition_breaks, groups_with

        window = events.loc[recent_rows | before_rows]
        for brk in definition_breaks(events).itertuples(index=False):
            if start < brk.date <= stop:
                mask = groups_with(window, by, both, brk.weapon)
                text = break_note(brk.weapon, brk.date, brk.change)
                both.loc[mask, "note"] = (both.loc[mask, "note"] + "; " + text).str.strip("; ")
    return both.drop(columns=["note_recent", "note_before"]).reset_index(drop=True)
