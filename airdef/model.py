"""The canonical strike-report model that every loader produces.

:class:`StrikeData` holds four tables:

``events``
    One row per (attack report, weapon label): see :data:`EVENT_SCHEMA`.
    Counts are nullable integers, and a blank count is unknown (``<NA>``), never 0.
    Every count has a qualifier column (``exact``, ``at_least``, ``at_most``,
    ``approx``) that is missing exactly when the count is.
``casualties``
    Killed and injured by attack, city and district (:data:`CASUALTY_SCHEMA`).
``quarantine``
    Every input row that could not be loaded, with the reason written for a
    person (:data:`QUARANTINE_SCHEMA`).
``provenance``
    One row per input: path, sha256, detected format, rows read, loaded and
    quarantined, airdef version (:data:`PROVENANCE_SCHEMA`).

Invariant, checked on every load: for each input, rows read = rows in ``events``
+ distinct quarantined rows. Nothing is dropped silently.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources

import pandas as pd

from airdef.catalog import WEAPON_CLASSES

__all__ = [
    "CASUALTY_SCHEMA",
    "COUNT_COLUMNS",
    "EVENT_SCHEMA",
    "EVIDENCE_SCHEMA",
    "PROVENANCE_SCHEMA",
    "QUALIFIERS",
    "QUARANTINE_SCHEMA",
    "WEAPON_CLASSES",
    "StrikeData",
    "concat",
    "empty_frame",
    "conform",
    "event_time",
]

#: Qualifiers a count may carry.
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "at_most", "approx")

#: The events table: column name -> pandas dtype, in order.
EVENT_SCHEMA: dict[str, str] = {
    "attack_id": "string",  # rows of one report/window share it
    "time_start": "datetime64[ns]",  # start of the reporting window (local time as reported)
    "time_end": "datetime64[ns]",  # end of the reporting window
    "source": "string",  # the report: post id, URL or document name
    "reporter": "string",  # who reported: kpszsu (national), PvKPivden, ..., or a publisher
    "weapon_label": "string",  # exactly as the source wrote it
    "weapon": "string",  # canonical name; parts joined by " + " for multi-model rows
    "weapon_class": "string",  # one of WEAPON_CLASSES
    "launched": "Int64",
    "launched_qual": "string",
    "intercepted": "Int64",
    "intercepted_qual": "string",
    "suppressed": "Int64",  # lost to electronic warfare, where reported separately
    "still_attacking": "Int64",  # still in the air when the report was issued
    "shahed_type": "Int64",  # of those launched, how many were Shahed-type (the rest decoys)
    "target": "string",
    "launch_place": "string",
    "carrier": "string",
    "launched_details": "string",  # a source's own per-model split, kept as an annotation
    "part_of": "string",  # weapon_label of the group this row is a subset of (text reports)
    # "shot_down_or_suppressed" where one figure counts both (the Air Force's "збито/подавлено"
    # since August 2025, read from text); blank: intercepted counts weapons shot down
    "intercept_definition": "string",
    "origin": "string",  # the input this row came from (file name or text source)
    "source_row": "Int64",  # row in that input; the header is row 1, as in a spreadsheet
}

#: The casualties table.
CASUALTY_SCHEMA: dict[str, str] = {
    "attack_id": "string",
    "date": "datetime64[ns]",
    "city": "string",  # several cities with one combined figure are joined by "; "
    "district": "string",
    "district_count": "Int64",  # "in four districts of Kyiv" -> 4, with district missing
    "killed": "Int64",
    "killed_qual": "string",
    "injured": "Int64",
    "injured_qual": "string",
    "source": "string",
    "origin": "string",
}

#: Rows that could not be loaded.
QUARANTINE_SCHEMA: dict[str, str] = {
    "origin": "string",
    "source_row": "Int64",
    "column": "string",
    "value": "string",
    "reason": "string",
}

#: Where each extracted number came from (text reports).
EVIDENCE_SCHEMA: dict[str, str] = {
    "attack_id": "string",
    "table": "string",  # events or casualties
    "label": "string",  # weapon_label, or the city/district of a casualty row
    "field": "string",  # launched, intercepted, killed, injured, date, ...
    "value": "string",
    "qualifier": "string",
    "start": "Int64",  # character span of the quote in the input text
    "end": "Int64",
    "quote": "string",
    "sentence": "string",
    "origin": "string",
}

#: One row per input.
PROVENANCE_SCHEMA: dict[str, str] = {
    "path": "string",
    "sha256": "string",
    "format": "string",
    "rows_read": "Int64",
    "rows_loaded": "Int64",
    "rows_quarantined": "Int64",
    "airdef_version": "string",
}

#: Count columns of the events table, with their qualifier column (or None).
COUNT_COLUMNS: dict[str, str | None] = {
    "launched": "launched_qual",
    "intercepted": "intercepted_qual",
    "suppressed": None,
    "still_attacking": None,
    "shahed_type": None,
}


def empty_frame(schema: Mapping[str, str]) -> pd.DataFrame:
    """An empty table with the columns and dtypes of ``schema``."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in schema.items()})


def conform(frame: pd.DataFrame, schema: Mapping[str, str]) -> pd.DataFrame:
    """Return ``frame`` with exactly the schema's columns, in order, with its dtypes.

    Missing columns are added empty; extra columns are kept after the schema's
    own, so that callers may carry their own annotations. The index is reset.
    """
    out = {}
    n = len(frame)
    for col, dtype in schema.items():
        if col in frame.columns:
            values = frame[col]
            if dtype.startswith("datetime64"):
                values = pd.to_datetime(values).astype(dtype)
            else:
                values = values.astype(dtype)
            out[col] = values.reset_index(drop=True)
        else:
            out[col] = pd.Series(
                pd.NA if dtype != "datetime64[ns]" else pd.NaT, index=range(n)
            ).astype(dtype)
    extras = [c for c in frame.columns if c not in schema]
    result = pd.DataFrame(out, index=pd.RangeIndex(n))
    for col in extras:
        result[col] = frame[col].reset_index(drop=True)
    return result


def event_time(events: pd.DataFrame) -> pd.Series:
    """When each event happened: the end of its reporting window, else its start.

    Parameters
    ----------
    events : pandas.DataFrame
        A table with ``time_start`` and ``time_end`` columns (the events table).

    Returns
    -------
    pandas.Series
        Datetimes, with the index of ``events``; ``NaT`` where neither time is known.

    Examples
    --------
    >>> ev = pd.DataFrame({"time_start": pd.to_datetime(["2024-01-22 22:00", "2024-01-23 00:00"]),
    ...                    "time_end": pd.to_datetime(["2024-01-23 08:00", None])})
    >>> event_time(ev).dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2024-01-23 08:00', '2024-01-23 00:00']
    """
    return events["time_end"].fillna(events["time_start"])


@dataclass
class StrikeData:
    """Strike reports in airdef's canonical form.

    Build one with :func:`airdef.load`, :func:`airdef.parse_report` or
    :func:`airdef.simulate`; combine several with :func:`airdef.concat`.

    Attributes
    ----------
    events, casualties, quarantine, provenance, evidence : pandas.DataFrame
        See the module documentation for their columns.

    Examples
    --------
    >>> data = StrikeData(events=pd.DataFrame({
    ...     "attack_id": ["a1", "a1"], "weapon_label": ["Shahed-136/131", "Kalibr"],
    ...     "launched": [40, 6], "intercepted": [35, 5]}))
    >>> data.events[["weapon", "weapon_class", "launched", "launched_qual"]]
               weapon    weapon_class  launched launched_qual
    0  Shahed-136/131    strike_drone        40         exact
    1          Kalibr  cruise_missile         6         exact
    """

    events: pd.DataFrame = field(default_factory=lambda: empty_frame(EVENT_SCHEMA))
    casualties: pd.DataFrame = field(default_factory=lambda: empty_frame(CASUALTY_SCHEMA))
    quarantine: pd.DataFrame = field(default_factory=lambda: empty_frame(QUARANTINE_SCHEMA))
    provenance: pd.DataFrame = field(default_factory=lambda: empty_frame(PROVENANCE_SCHEMA))
    evidence: pd.DataFrame = field(default_factory=lambda: empty_frame(EVIDENCE_SCHEMA))

    def __post_init__(self) -> None:
        events = self.events
        if "weapon_label" in events and ("weapon" not in events or "weapon_class" not in events):
            from airdef.catalog import load_catalog

            resolved = load_catalog().resolve(events["weapon_label"].reset_index(drop=True))
            events = events.reset_index(drop=True)
            for col in ("weapon", "weapon_class"):
                if col not in events:
                    events = events.assign(**{col: resolved[col]})
        events = conform(events, EVENT_SCHEMA)
        for count, qual in COUNT_COLUMNS.items():
            if qual is not None:
                # A stated count with no qualifier is exact; a missing count has none.
                known = events[count].notna()
                events.loc[known & events[qual].isna(), qual] = "exact"
                events.loc[~known, qual] = pd.NA
        self.events = events
        self.casualties = conform(self.casualties, CASUALTY_SCHEMA)
        self.quarantine = conform(self.quarantine, QUARANTINE_SCHEMA)
        self.provenance = conform(self.provenance, PROVENANCE_SCHEMA)
        self.evidence = conform(self.evidence, EVIDENCE_SCHEMA)

    # -- basic facts -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        span = ""
        times = self.events["time_end"].dropna()
        if len(times):
            span = f", {times.min():%Y-%m-%d} to {times.max():%Y-%m-%d}"
        return (
            f"StrikeData({len(self.events)} events in {self.events['attack_id'].nunique()} attacks"
            f"{span}, {len(self.casualties)} casualty rows, {len(self.quarantine)} quarantined)"
        )

    def _repr_html_(self) -> str:
        """A summary and the first events, for notebooks (data are HTML-escaped)."""
        head = html.escape(repr(self))
        table = self.events.head(10).to_html(index=False, escape=True, na_rep="")
        more = len(self.events) - 10
        tail = f"<p>… {more:,} more events</p>" if more > 0 else ""
        return f"<div><p><strong>{head}</strong></p>{table}{tail}</div>"

    @property
    def attacks(self) -> int:
        """Number of distinct attacks (``attack_id``) in ``events``."""
        return int(self.events["attack_id"].nunique())

    # -- selection ---------------------------------------------------------------------
    def select(
        self,
        *,
        since: str | pd.Timestamp | None = None,
        until: str | pd.Timestamp | None = None,
        source: str = "all",
        reporters: Iterable[str] | None = None,
    ) -> StrikeData:
        """Keep the events (and casualties) of a period and of some reporters.

        Parameters
        ----------
        since, until : str or Timestamp, optional
            Keep attacks whose window ends on or after ``since`` and on or before
            ``until`` (a date means the whole day). Rows with no time are kept only
            when neither bound is given.
        source : {"all", "national"}
            ``national`` keeps the national Air Force channel (``kpszsu``) and
            every non-Air-Force source (text reports, canonical files without a
            reporter); regional air commands, which report kills only, are dropped.
        reporters : iterable of str, optional
            Keep exactly these reporters.

        Returns
        -------
        StrikeData
            A new object; quarantine and provenance are kept whole.
        """
        if source not in ("all", "national"):
            raise ValueError(f"source must be 'all' or 'national', not {source!r}")
        ev = self.events
        keep = pd.Series(True, index=ev.index)
        when = event_time(ev)
        if since is not None:
            keep &= when >= pd.Timestamp(since)
        if until is not None:
            end = pd.Timestamp(until)
            if end == end.normalize():
                end = end + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
            keep &= when <= end
        if source == "national":
            regional = {r.casefold() for r in REGIONAL_REPORTERS}
            keep &= ~ev["reporter"].str.casefold().isin(regional).fillna(False)
        if reporters is not None:
            keep &= ev["reporter"].isin(list(reporters)).fillna(False)
        events = ev.loc[keep]
        cas = self.casualties
        cas = cas.loc[
            cas["attack_id"].isin(events["attack_id"].dropna().unique()) | cas["attack_id"].isna()
        ]
        if since is not None or until is not None:
            cas = cas.loc[cas["attack_id"].isin(events["attack_id"].dropna().unique())]
        evid = self.evidence.loc[
            self.evidence["attack_id"].isin(events["attack_id"].dropna().unique())
        ]
        return StrikeData(
            events=events,
            casualties=cas,
            quarantine=self.quarantine,
            provenance=self.provenance,
            evidence=evid,
        )


def _regional_reporters() -> tuple[str, ...]:
    """Reporters of kind ``regional`` in ``airdef/data/reporters.csv``."""
    text = (resources.files("airdef") / "data" / "reporters.csv").read_text(encoding="utf-8")
    return tuple(
        row["reporter"] for row in csv.DictReader(io.StringIO(text)) if row["kind"] == "regional"
    )


#: Reporters that report what they shot down rather than what was launched (the Air Force's
#: regional commands and the simulator's regional reporter), from ``airdef/data/reporters.csv``.
REGIONAL_REPORTERS: tuple[str, ...] = _regional_reporters()


def concat(items: Iterable[StrikeData]) -> StrikeData:
    """Combine several :class:`StrikeData` into one, keeping every table.

    Examples
    --------
    >>> a = StrikeData(events=pd.DataFrame({"attack_id": ["a"], "weapon_label": ["Kalibr"],
    ...                                     "launched": [4], "intercepted": [3]}))
    >>> b = StrikeData(events=pd.DataFrame({"attack_id": ["b"], "weapon_label": ["Iskander-M"],
    ...                                     "launched": [2], "intercepted": [0]}))
    >>> len(concat([a, b]))
    2
    """
    items = list(items)
    if not items:
        return StrikeData()

    def cat(name: str) -> pd.DataFrame:
        frames = [getattr(i, name) for i in items]
        frames = [f for f in frames if len(f)] or frames[:1]
        return pd.concat(frames, ignore_index=True)

    return StrikeData(
        events=cat("events"),
        casualties=cat("casualties"),
        quarantine=cat("quarantine"),
        provenance=cat("provenance"),
        evidence=cat("evidence"),
    )
