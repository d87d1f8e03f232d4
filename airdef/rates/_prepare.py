"""Shared preparation of events for the rate tables: outcome, exclusions, attack clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airdef.model import REGIONAL_REPORTERS, StrikeData, event_time

__all__ = [
    "CENSOR_SPAN",
    "OUTCOMES",
    "Prepared",
    "as_events",
    "by_columns",
    "censor_range",
    "event_times",
    "prepare",
]

#: Values of ``outcome``: what counts as a success.
OUTCOMES: tuple[str, ...] = ("intercepted", "neutralized")


def as_events(data: StrikeData | pd.DataFrame) -> pd.DataFrame:
    """The events table of a StrikeData, or a caller's events DataFrame as given."""
    if isinstance(data, StrikeData):
        return data.events
    if isinstance(data, pd.DataFrame):
        return data
    raise TypeError(f"data must be a StrikeData or a pandas DataFrame, not {type(data).__name__}")


def event_times(events: pd.DataFrame) -> pd.Series:
    """When each event happened (:func:`airdef.model.event_time`); a caller's table may
    carry only one of ``time_end`` and ``time_start``. Raises ValueError when it has neither."""
    if "time_end" in events.columns and "time_start" in events.columns:
        return event_time(events)
    for column in ("time_end", "time_start"):
        if column in events.columns:
            return events[column]
    raise ValueError("data lacks a time column (time_end or time_start); a trend needs times")


#: Relative span a qualified count stands for: "about v" is v +/- 20%, "at least v" is
#: v to 1.2 v and "at most v" is 0.8 v to v (the tolerance of :mod:`airdef.reconcile`;
#: "at least" has no upper end in the report, so a documented cap is used).
CENSOR_SPAN = 0.2


def censor_range(value: np.ndarray, qual: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The whole counts a qualified count allows: (lowest, highest), rows as given.

    Examples
    --------
    >>> lo, hi = censor_range(np.array([40.0, 40.0, 40.0, 40.0]),
    ...                       np.array(["exact", "at_least", "at_most", "approx"], dtype=object))
    >>> lo.tolist(), hi.tolist()
    ([40.0, 40.0, 32.0, 32.0], [40.0, 48.0, 40.0, 48.0])
    """
    up = np.floor(value * (1.0 + CENSOR_SPAN))
    down = np.ceil(value * (1.0 - CENSOR_SPAN))
    lo = np.where((qual == "at_most") | (qual == "approx"), down, value)
    hi = np.where((qual == "at_least") | (qual == "approx"), up, value)
    return lo, hi


def _attack_ids(ids: pd.Series) -> pd.Series:
    """Attack ids as strings; a row without one is an attack of its own."""
    out = ids.astype("string")
    blank = out.isna().to_numpy()
    if blank.any():
        out = out.copy()
        rows = pd.Series(np.flatnonzero(blank)).astype("string")
        out[blank] = ("(no attack id: row " + rows + ")").to_numpy()
    return out


def by_columns(by: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """``by`` as a list of column names."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(by)


@dataclass
class Prepared:
    """Events reduced to what the estimators need.

    Attributes
    ----------
    rows : pandas.DataFrame
        The usable rows: the ``by`` columns, ``attack_id``, ``x`` (successes),
        ``n`` (launched), and ``censored`` (a count carries a qualifier other than exact).
    groups : pandas.DataFrame
        One row per group: the ``by`` values plus ``excluded``, ``kills_only`` and
        ``censored`` counts.
    clusters : pandas.DataFrame
        One row per (group, attack): ``group`` (code), ``x``, ``n``.
    group_of : numpy.ndarray
        The group code of every input row, excluded rows included.
    """

    rows: pd.DataFrame
    groups: pd.DataFrame
    clusters: pd.DataFrame
    group_of: np.ndarray


def prepare(
    data: StrikeData | pd.DataFrame,
    by: list[str],
    outcome: str,
    *,
    extra: list[str] | None = None,
    kills_only: str = "exclude",
) -> Prepared:
    """Choose successes, set aside rows with unknown counts, and sum by attack.

    A row is excluded (counted, not used) when ``launched`` or the success count is
    unknown, or, for ``neutralized``, when intercepted + suppressed exceeds launched.
    With ``outcome="neutralized"`` a blank ``suppressed`` means the report counted
    no drones separately as lost to electronic warfare (so nothing is added).

    Rows of a kills-only reporter (:data:`airdef.model.REGIONAL_REPORTERS`: regional
    commands that report what they shot down, not what was launched at them) are set
    aside and counted in ``kills_only`` unless ``kills_only="include"``: their
    ``launched`` is not a count of launches. A row without an ``attack_id`` is an
    attack of its own.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}; not {outcome!r}")
    if kills_only not in ("exclude", "include"):
        raise ValueError(f"kills_only must be 'exclude' or 'include'; not {kills_only!r}")
    events = as_events(data)
    needed = ["attack_id", "launched", "intercepted", *by, *(extra or [])]
    if outcome == "neutralized":
        needed.append("suppressed")
    missing = [c for c in dict.fromkeys(needed) if c not in events.columns]
    if missing:
        raise ValueError(
            "data lacks the column(s) "
            + ", ".join(missing)
            + "; it needs attack_id, launched, intercepted and the by columns"
        )
    launched = pd.to_numeric(events["launched"], errors="coerce").astype("Float64")
    success = pd.to_numeric(events["intercepted"], errors="coerce").astype("Float64")
    if outcome == "neutralized":
        success = success + pd.to_numeric(events["suppressed"], errors="coerce").astype(
            "Float64"
        ).fillna(0)
    unknown = (launched.isna() | success.isna()).to_numpy(dtype=bool)
    over = (~unknown) & (success > launched).fillna(False).to_numpy(dtype=bool)
    excluded = unknown | over
    regional = np.zeros(len(events), dtype=bool)
    if kills_only == "exclude" and "reporter" in events.columns:
        names = {r.casefold() for r in REGIONAL_REPORTERS}
        reporter = events["reporter"].astype("string").str.casefold()
        regional = reporter.isin(names).fillna(False).to_numpy(dtype=bool)
    excluded = excluded & ~regional
    censored = np.zeros(len(events), dtype=bool)
    x_val = success.fillna(0).to_numpy(dtype=float)
    n_val = launched.fillna(0).to_numpy(dtype=float)
    both = (
        events["intercept_definition"].astype("string").eq("shot_down_or_suppressed")
        .fillna(False).to_numpy(dtype=bool)
        if "intercept_definition" in events.columns
        else np.zeros(len(events), dtype=bool)
    )  # fmt: skip
    spans = {}
    for qual, value in (("launched_qual", n_val), ("intercepted_qual", x_val)):
        q = (
            events[qual].astype("string").fillna("exact").to_numpy(dtype=object)
            if qual in events.columns
            else np.full(len(events), "exact", dtype=object)
        )
        if qual == "intercepted_qual" and outcome == "intercepted" and both.any():
            # "shot down or suppressed" as one figure: at most that many were shot down
            q = np.where(both & (q == "exact"), "at_most", q)
        censored |= q != "exact"
        spans[qual] = censor_range(value, q)
    (n_lo, n_hi), (x_lo, x_hi) = spans["launched_qual"], spans["intercepted_qual"]

    keys = (
        events[by].astype("string").fillna("(missing)") if by else pd.DataFrame(index=events.index)
    )
    frame = pd.DataFrame(
        {
            **{c: keys[c] for c in by},
            **{c: events[c] for c in (extra or []) if c not in by},
            "attack_id": _attack_ids(events["attack_id"]),
            "x": x_val,
            "n": n_val,
            # the lowest and highest rate the qualifiers allow for the row
            "x_low": np.minimum(x_lo, n_hi),
            "n_low": n_hi,
            "x_high": np.minimum(x_hi, n_lo),
            "n_high": n_lo,
            "excluded": excluded,
            "kills_only": regional,
            "censored": censored & ~excluded & ~regional,
        },
        index=events.index,
    )
    if by:
        grouper = frame.groupby(by, sort=True, observed=True)
        codes = grouper.ngroup().to_numpy()
        group_values = grouper.size().index.to_frame(index=False)[by]
    else:
        codes = np.zeros(len(frame), dtype=np.int64)
        group_values = pd.DataFrame(index=[0])
    frame["group"] = codes
    counts = frame.groupby("group").agg(
        excluded=("excluded", "sum"), kills_only=("kills_only", "sum"), censored=("censored", "sum")
    )
    groups = group_values.reset_index(drop=True)
    for column in ("excluded", "kills_only", "censored"):
        groups[column] = counts[column].reindex(groups.index, fill_value=0).astype(int).to_numpy()
    rows = frame.loc[~frame["excluded"] & ~frame["kills_only"]]
    clusters = (
        rows.groupby(["group", "attack_id"], sort=False, observed=True)[
            ["x", "n", "x_low", "n_low", "x_high", "n_high"]
        ]
        .sum()
        .reset_index()
    )
    return Prepared(rows=rows, groups=groups, clusters=clusters, group_of=np.asarray(codes))
