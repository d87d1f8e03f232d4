"""Detect changes in what "intercepted" means, so they are never read as performance.

The Air Force's national reports gave drones lost to electronic warfare
(``suppressed``, "locationally lost") apart from those shot down from July 2024 to July
2025, and from August 2025 report one figure, "shot down or suppressed"; the
intercepted-only rate of Shahed-type drones jumps from 0.56 to 0.83 for that reason
alone. :func:`definition_breaks` finds such changes from the data. For each weapon, a
month *reports* suppressed counts when they are at least ``min_share`` of its launches
(so two isolated days of 15-17 drones in months of 5,000 launches do not count); a
*regime* is a run of at least ``min_months`` reporting months (one quiet month inside a
run does not end it); a regime that starts after, or ends before, at least
``min_months`` months of launches that report none marks a break. Rows with a blank
``launched`` or ``intercepted`` are skipped (unknown, not zero); a blank ``suppressed``
means none was reported apart. The rule looks only at runs, so cutting the data to a
window (``since``) cannot create a break where a run is cut short: a window that starts
inside a regime has no break at its start.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from airdef.model import REGIONAL_REPORTERS
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
    "neutralized_before",
    "neutralized_after",
    "regime_start",
    "regime_end",
)

_STARTS = "separate"  # suppressed drones start to be reported apart from intercepted
_ENDS = "folded"  # suppressed drones are counted inside intercepted from here on


def break_note(weapon: str, date: pd.Timestamp, change: str) -> str:
    """One short phrase describing a break, for tables and reports.

    Examples
    --------
    >>> break_note("Shahed-136/131", pd.Timestamp("2025-08-01"), "folded")
    'Shahed-136/131: from 2025-08 suppressed (EW) counted in intercepted'
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
    events: pd.DataFrame, *, min_months: int = 3, min_share: float = 0.01
) -> pd.DataFrame:
    """Months where a weapon's reporting of suppressed counts starts or stops.

    Parameters
    ----------
    events : pandas.DataFrame
        Canonical events (``weapon``, ``weapon_class``, ``time_end`` or ``time_start``,
        ``launched``, ``intercepted``, ``suppressed``). Kills-only regional rows
        (:data:`airdef.model.REGIONAL_REPORTERS`) are left out when a ``reporter``
        column says so.
    min_months : int, default 3
        Reporting months needed for a regime, and months with launches and none
        reported needed on the other side of a break.
    min_share : float, default 0.01
        Suppressed share of a month's launches for the month to count as reporting.

    Returns
    -------
    pandas.DataFrame
        One row per break with :data:`BREAK_COLUMNS`: ``date`` is the first month of
        the new definition, ``change`` is ``separate`` (suppressed reported apart from
        here) or ``folded`` (counted inside intercepted from here); the rates
        (``intercepted / launched``), suppressed shares and neutralized rates
        (``(intercepted + suppressed) / launched``) are over ``min_months`` months with
        launches on each side; ``regime_start`` and ``regime_end`` are the first and
        last month of the run of months that reported suppressed counts.

    Examples
    --------
    >>> months = pd.date_range("2025-01-01", periods=8, freq="MS")
    >>> ev = pd.DataFrame({"weapon": "Shahed-136/131", "weapon_class": "strike_drone",
    ...     "time_end": months, "launched": 100, "intercepted": [60] * 4 + [90] * 4,
    ...     "suppressed": [30] * 4 + [0] * 4})
    >>> definition_breaks(ev)[["weapon", "date", "change", "rate_before", "rate_after"]]
               weapon       date  change  rate_before  rate_after
    0  Shahed-136/131 2025-05-01  folded          0.6         0.9

    A blank intercepted count is skipped, not read as zero:

    >>> ev.loc[0, "intercepted"] = None
    >>> float(definition_breaks(ev)["rate_before"].iloc[0])
    0.6
    """
    cols = ["weapon", "launched", "intercepted", "suppressed"]
    empty = pd.DataFrame(columns=list(BREAK_COLUMNS))
    if not set(cols) <= set(events.columns) or events.empty:
        return empty
    try:
        when = event_times(events)
    except ValueError:
        return empty
    launched = pd.to_numeric(events["launched"], errors="coerce")
    intercepted = pd.to_numeric(events["intercepted"], errors="coerce")
    ok = when.notna() & events["weapon"].notna() & launched.notna() & intercepted.notna()
    if "reporter" in events.columns:
        names = {r.casefold() for r in REGIONAL_REPORTERS}
        ok &= ~events["reporter"].astype("string").str.casefold().isin(names).fillna(False)
    ok = ok.to_numpy(dtype=bool)
    if not ok.any():
        return empty
    codes, weapons = pd.factorize(events["weapon"].to_numpy()[ok])
    month = (when.dt.year * 12 + when.dt.month - 1).to_numpy()[ok].astype(np.int64)
    first_month = month.min()
    span = int(month.max() - first_month) + 1
    cell = codes * span + (month - first_month)
    size = len(weapons) * span

    def monthly(values: pd.Series) -> np.ndarray:
        v = pd.to_numeric(values, errors="coerce").fillna(0).to_numpy(dtype=float)[ok]
        return np.bincount(cell, weights=v, minlength=size).reshape(-1, span)

    lm, im, sm = monthly(launched), monthly(intercepted), monthly(events["suppressed"])
    active = lm > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        reporting = active & (sm / lm >= min_share)
    classes = (
        events.loc[ok, ["weapon", "weapon_class"]]
        .drop_duplicates("weapon")
        .set_index("weapon")["weapon_class"]
        if "weapon_class" in events
        else pd.Series(dtype="string")
    )
    rows = []
    for w in np.flatnonzero(reporting.sum(axis=1) >= min_months):  # weapons, not rows
        live = np.flatnonzero(active[w])  # months with launches, in order
        rep = reporting[w, live]
        for start, end in _regimes(rep, min_months):
            for at, change, quiet in (
                (start, _STARTS, rep[max(0, start - min_months) : start]),
                (end + 1, _ENDS, rep[end + 1 : end + 1 + min_months]),
            ):
                if quiet.size < min_months or quiet.any():
                    continue
                before = live[max(0, at - min_months) : at]
                after = live[at : at + min_months]
                lb, la = lm[w, before].sum(), lm[w, after].sum()
                month_at = first_month + int(live[at])
                rows.append(
                    {
                        "weapon": weapons[w],
                        "weapon_class": classes.get(weapons[w], pd.NA),
                        "date": _month(month_at),
                        "change": change,
                        "rate_before": im[w, before].sum() / lb,
                        "rate_after": im[w, after].sum() / la,
                        "suppressed_share_before": sm[w, before].sum() / lb,
                        "suppressed_share_after": sm[w, after].sum() / la,
                        "neutralized_before": (im[w, before].sum() + sm[w, before].sum()) / lb,
                        "neutralized_after": (im[w, after].sum() + sm[w, after].sum()) / la,
                        "regime_start": _month(first_month + int(live[start])),
                        "regime_end": _month(first_month + int(live[end])),
                    }
                )
    out = pd.DataFrame(rows, columns=list(BREAK_COLUMNS))
    return out.sort_values(["date", "weapon"]).reset_index(drop=True)


def _month(index: int) -> pd.Timestamp:
    return pd.Timestamp(year=int(index // 12), month=int(index % 12) + 1, day=1)


def _regimes(reporting: np.ndarray, min_months: int) -> list[tuple[int, int]]:
    """(first, last) positions of runs of reporting months at least ``min_months`` long,
    a single quiet month inside a run bridged."""
    filled = reporting.copy()
    inner = np.flatnonzero(~reporting[1:-1]) + 1
    filled[inner] |= reporting[inner - 1] & reporting[inner + 1]
    edges = np.diff(np.concatenate([[0], filled.astype(np.int8), [0]]))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [
        (int(a), int(b))
        for a, b in zip(starts, stops, strict=True)
        if reporting[a : b + 1].sum() >= min_months
    ]
