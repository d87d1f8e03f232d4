"""Compare two periods: the latest days against the days before, or any two periods."""

from __future__ import annotations

from typing import Any

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
    a: tuple[Any, Any] | None = None,
    b: tuple[Any, Any] | None = None,
    method: str = "auto",
    confidence_level: float = 0.95,
    outcome: str = "intercepted",
    seed: int = 0,
) -> pd.DataFrame:
    """Rates in two periods with an interval for their difference.

    Two forms: the latest ``days`` days against the ``days`` days before (the default),
    or any two periods ``a=(start, end)`` and ``b=(start, end)`` (for example to check a
    published claim). Periods are whole calendar days, both ends included, by the day
    of each event (:func:`airdef.model.event_time`); the two default windows share no day.

    Parameters
    ----------
    data : StrikeData or pandas.DataFrame
    by : str or list of str, default "weapon_class"
    days : int, default 90
        Length of each default window.
    end : date, optional
        Last day of the recent window (default: the day of the latest event).
    a, b : (date, date), optional
        Give both to compare period ``a`` with period ``b`` (``diff = rate_a -
        rate_b``); ``days`` and ``end`` are then not used. A ``None`` end is open.
    method, confidence_level, outcome, seed
        As in :func:`airdef.interception_rates`; each period's interval uses
        ``method`` (kills-only regional rows are left out), and the difference interval
        combines them by MOVER (with Wilson intervals this is Newcombe's hybrid score
        interval).

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns; ``launched, intercepted, rate, ci_low, ci_high, method,
        reliable`` for each period with suffixes ``_recent`` and ``_before`` (``_a`` and
        ``_b`` with ``a`` and ``b``); ``diff``, ``diff_low``, ``diff_high``;
        ``reliable``, False where either period's row is (the difference's interval then
        says next to nothing); the first and
        last day of each period (``recent_from``, ``recent_to``, ``before_from``,
        ``before_to``, or ``a_from``, ``a_to``, ``b_from``, ``b_to``); ``note``
        (definition breaks between or inside the periods).

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"attack_id": [f"a{i}" for i in range(8)],
    ...     "weapon_class": "cruise_missile",
    ...     "time_end": pd.date_range("2024-01-01", periods=8, freq="10D"),
    ...     "launched": 10, "intercepted": [9, 8, 9, 8, 5, 6, 5, 6]})
    >>> c = compare_periods(ev, a=("2024-01-01", "2024-01-31"), b=("2024-02-01", "2024-03-31"))
    >>> c[["launched_a", "rate_a", "launched_b", "rate_b", "diff"]]
       launched_a  rate_a  launched_b  rate_b   diff
    0          40    0.85          40    0.55    0.3
    >>> c[["a_from", "a_to", "b_from", "b_to"]].iloc[0].dt.strftime("%Y-%m-%d").tolist()
    ['2024-01-01', '2024-01-31', '2024-02-01', '2024-03-31']
    >>> w = compare_periods(ev, days=30, end="2024-03-11")
    >>> w[["before_from", "before_to", "recent_from", "recent_to"]].iloc[0].dt.strftime("%m-%d").tolist()
    ['01-12', '02-10', '02-11', '03-11']
    """
    by = by_columns(by)
    events = as_events(data)
    day = event_times(events).dt.normalize()
    if (a is None) != (b is None):
        raise ValueError("give both periods a=(start, end) and b=(start, end), or neither")
    if a is not None:
        windows = {"a": _period(a, "a"), "b": _period(b, "b")}
    else:
        if isinstance(days, bool) or not isinstance(days, int | np.integer) or days < 1:
            raise ValueError(f"days must be a positive whole number; not {days!r}")
        last = pd.Timestamp(end).normalize() if end is not None else day.max()
        if pd.isna(last):
            raise ValueError("the data has no times; periods cannot be compared")
        span = pd.Timedelta(days=int(days))
        one = pd.Timedelta(days=1)
        windows = {
            "recent": (last - span + one, last),
            "before": (last - 2 * span + one, last - span),
        }
    names = list(windows)
    masks = {
        k: (day >= lo if lo is not None else day.notna()) & (day <= hi if hi is not None else True)
        for k, (lo, hi) in windows.items()
    }
    kwargs = {
        "by": by,
        "method": method,
        "confidence_level": confidence_level,
        "outcome": outcome,
        "seed": seed,
    }
    tables = {
        k: interception_rates(events.loc[masks[k].to_numpy(dtype=bool)], **kwargs) for k in names
    }
    keep = ["launched", "intercepted", "rate", "ci_low", "ci_high", "method", "reliable", "note"]
    first, second = names
    suffixes = (f"_{first}", f"_{second}")
    if by:
        both = tables[first][[*by, *keep]].merge(
            tables[second][[*by, *keep]], on=by, how="outer", suffixes=suffixes
        )
    else:
        both = pd.concat(
            [
                tables[first][keep].add_suffix(suffixes[0]),
                tables[second][keep].add_suffix(suffixes[1]),
            ],
            axis=1,
        )
    low, high = mover_diff(
        *(both[f"{c}_{first}"].to_numpy(float) for c in ("rate", "ci_low", "ci_high")),
        *(both[f"{c}_{second}"].to_numpy(float) for c in ("rate", "ci_low", "ci_high")),
    )
    both["diff"] = both[f"rate_{first}"] - both[f"rate_{second}"]
    both["diff_low"] = low
    both["diff_high"] = high
    both["reliable"] = both[f"reliable_{first}"].astype("boolean") & both[
        f"reliable_{second}"
    ].astype("boolean")
    for k, (lo, hi) in windows.items():
        both[f"{k}_from"] = lo if lo is not None else day[masks[k]].min()
        both[f"{k}_to"] = hi if hi is not None else day[masks[k]].max()
    notes = both[[f"note_{first}", f"note_{second}"]].fillna("").astype(str)
    both["note"] = (notes[f"note_{first}"] + "; " + notes[f"note_{second}"]).str.strip("; ")
    if "weapon" in events and outcome == "intercepted":
        from airdef.rates.breaks import break_note, definition_breaks, groups_with

        inside = masks[first] | masks[second]
        window = events.loc[inside.to_numpy(dtype=bool)]
        start = min(both[f"{k}_from"].min() for k in names)
        stop = max(both[f"{k}_to"].max() for k in names)
        for brk in definition_breaks(events).itertuples(index=False):
            if start < brk.date <= stop:
                mask = groups_with(window, by, both, brk.weapon)
                text = break_note(brk.weapon, brk.date, brk.change)
                both.loc[mask, "note"] = (both.loc[mask, "note"] + "; " + text).str.strip("; ")
    return both.drop(columns=[f"note_{first}", f"note_{second}"]).reset_index(drop=True)


def _period(value: Any, name: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """(first day, last day) of a period given as (start, end); None is open."""
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise ValueError(f"{name} must be a (start, end) pair of dates; got {value!r}")
    try:
        lo, hi = (None if v is None else pd.Timestamp(v).normalize() for v in value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a (start, end) pair of dates; got {value!r}") from None
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"{name} starts after it ends: {lo:%Y-%m-%d} > {hi:%Y-%m-%d}")
    return lo, hi
