"""Turn a table of strings into canonical events, quarantining rows that cannot load.

Both the Air Force loader and the canonical loader go through
:func:`build_events`, so every input is checked the same way: counts must be
whole, non-negative and plausible, times must parse and be in order, qualifiers
and classes must be known, and intercepted may not exceed launched.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.io.parsers import is_blank, parse_counts, parse_positive_ints, parse_times
from airdef.model import COUNT_COLUMNS, EVENT_SCHEMA, QUALIFIERS

__all__ = ["build_events", "attack_ids", "problems_to_quarantine"]

_TEXT_COLUMNS = [c for c, t in EVENT_SCHEMA.items() if t == "string"]


def problems_to_quarantine(
    problems: pd.Series, raw: pd.Series, column: str, origin: str
) -> pd.DataFrame:
    """Quarantine entries for the rows where ``problems`` has a message."""
    hit = problems.notna()
    return pd.DataFrame(
        {
            "origin": origin,
            "source_row": problems.index[hit],
            "column": column,
            "value": raw[hit].astype("string").to_numpy(),
            "reason": problems[hit].to_numpy(),
        }
    )


def attack_ids(
    reporter: pd.Series, source: pd.Series, start: pd.Series, end: pd.Series
) -> pd.Series:
    """Deterministic attack identifiers shared by the rows of one report window.

    The id reads ``<reporter>:<end time>:<hash>``, the hash taken over the source
    post and both times, so rows of one post and window share it.
    """
    key = pd.DataFrame(
        {
            "source": source.astype("string").fillna(""),
            "start": start.astype("string").fillna(""),
            "end": end.astype("string").fillna(""),
        }
    )
    digest = pd.util.hash_pandas_object(key, index=False).to_numpy(dtype=np.uint64)
    codes, uniques = pd.factorize(digest >> np.uint64(32))
    hexes = pd.Series(
        np.char.mod("%08x", uniques.astype(np.uint64))[codes], index=source.index, dtype="string"
    )
    when = end.fillna(start).dt.strftime("%Y-%m-%dT%H:%M").astype("string").fillna("undated")
    who = reporter.astype("string").fillna("report")
    return who + ":" + when + ":" + hexes


def _clean_text(raw: pd.Series) -> pd.Series:
    text = raw.astype("string")
    return text.where(~is_blank(text))


def build_events(
    rows: pd.DataFrame, columns: Mapping[str, str], *, origin: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse and check a table of strings.

    Parameters
    ----------
    rows : pandas.DataFrame
        Cells as strings, indexed by ``source_row``.
    columns : mapping
        Canonical column name -> the input's column name, for the columns present.
    origin : str
        The input's name, for messages and the ``origin`` column.

    Returns
    -------
    events : pandas.DataFrame
        Good rows, with the canonical columns that could be filled
        (``weapon``/``weapon_class`` only if given).
    quarantine : pandas.DataFrame
        One entry per (row, problem).
    """
    out: dict[str, pd.Series] = {}
    held: list[pd.DataFrame] = []

    def note(problems: pd.Series, canonical: str) -> None:
        src = columns[canonical]
        held.append(problems_to_quarantine(problems, rows[src], src, origin))

    for name in ("time_start", "time_end"):
        if name in columns:
            out[name], problems = parse_times(rows[columns[name]], name=columns[name])
            note(problems, name)
    for name, qual in COUNT_COLUMNS.items():
        if name in columns:
            out[name], problems = parse_counts(rows[columns[name]], name=columns[name])
            note(problems, name)
        if qual is not None and qual in columns:
            text = rows[columns[qual]].astype("string").str.strip().str.casefold()
            blank = is_blank(text)
            bad = ~blank & ~text.isin(QUALIFIERS).fillna(False)
            problems = pd.Series(pd.NA, index=rows.index, dtype="string")
            problems[bad] = f"{columns[qual]} must be one of {', '.join(QUALIFIERS)}, not " + text[
                bad
            ].map(repr)
            if name in out:
                orphan = ~blank & ~bad & out[name].isna() & is_blank(rows[columns[name]])
                problems[orphan] = f"{columns[qual]} is given for a blank {columns[name]}"
            note(problems, qual)
            out[qual] = text.where(~blank & ~bad)
    for name in _TEXT_COLUMNS:
        if name in columns and name not in out:
            out[name] = _clean_text(rows[columns[name]])
    if "weapon_class" in out:
        cls = out["weapon_class"].str.strip().str.casefold()
        bad = cls.notna() & ~cls.isin(WEAPON_CLASSES).fillna(False)
        problems = pd.Series(pd.NA, index=rows.index, dtype="string")
        problems[bad] = (
            "weapon_class must be one of "
            + ", ".join(WEAPON_CLASSES)
            + ", not "
            + cls[bad].map(repr)
        )
        note(problems, "weapon_class")
        out["weapon_class"] = cls
    if "weapon_label" in columns:
        # The label is kept exactly as written; only a blank one becomes missing.
        label = rows[columns["weapon_label"]].astype("string")
        out["weapon_label"] = label.where(~is_blank(label))

    # Row-level consistency: time order and intercepted <= launched.
    if "time_start" in out and "time_end" in out:
        backwards = out["time_end"] < out["time_start"]
        problems = pd.Series(pd.NA, index=rows.index, dtype="string")
        problems[backwards] = (
            f"{columns['time_end']} ("
            + out["time_end"][backwards].dt.strftime("%Y-%m-%d %H:%M")
            + f") is before {columns['time_start']} ("
            + out["time_start"][backwards].dt.strftime("%Y-%m-%d %H:%M")
            + ")"
        )
        note(problems, "time_end")
    if "launched" in out and "intercepted" in out:
        lq = out.get("launched_qual", pd.Series("exact", index=rows.index)).fillna("exact")
        iq = out.get("intercepted_qual", pd.Series("exact", index=rows.index)).fillna("exact")
        # Impossible only when intercepted's lower bound exceeds launched's upper bound.
        over = (
            (out["intercepted"] > out["launched"]).fillna(False)
            & lq.isin(["exact", "at_most"])
            & iq.isin(["exact", "at_least"])
        )
        problems = pd.Series(pd.NA, index=rows.index, dtype="string")
        problems[over] = (
            f"{columns['intercepted']} ("
            + out["intercepted"][over].astype("string")
            + f") exceeds {columns['launched']} ("
            + out["launched"][over].astype("string")
            + ")"
        )
        note(problems, "intercepted")

    given = None
    if "source_row" in columns:
        given, problems = parse_positive_ints(rows[columns["source_row"]], name="source_row")
        note(problems, "source_row")

    quarantine = pd.concat(held, ignore_index=True) if held else pd.DataFrame()
    bad_rows = set(quarantine["source_row"]) if len(quarantine) else set()
    keep = ~rows.index.isin(list(bad_rows))
    events = pd.DataFrame({k: v[keep] for k, v in out.items()}, index=rows.index[keep])
    # Rows remember where they first came from: a canonical file may carry its own
    # origin and source_row; elsewhere they are this input and its line numbers.
    here = pd.Series(events.index.to_numpy(), index=events.index, dtype="Int64")
    events["source_row"] = here if given is None else given[keep].fillna(here)
    events["origin"] = events["origin"].fillna(origin) if "origin" in events else origin
    return events.reset_index(drop=True), quarantine


def build_casualties(rows: pd.DataFrame, *, origin: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse and check a casualties table of strings (canonical column names)."""
    out: dict[str, pd.Series] = {}
    held: list[pd.DataFrame] = []
    if "date" in rows:
        out["date"], problems = parse_times(rows["date"], name="date")
        held.append(problems_to_quarantine(problems, rows["date"], "date", origin))
    for name in ("killed", "injured", "district_count"):
        if name in rows:
            out[name], problems = parse_counts(rows[name], name=name)
            held.append(problems_to_quarantine(problems, rows[name], name, origin))
        qual = f"{name}_qual"
        if qual in rows:
            text = rows[qual].astype("string").str.strip().str.casefold()
            blank = is_blank(text)
            bad = ~blank & ~text.isin(QUALIFIERS).fillna(False)
            problems = pd.Series(pd.NA, index=rows.index, dtype="string")
            problems[bad] = f"{qual} must be one of {', '.join(QUALIFIERS)}, not " + text[bad].map(
                repr
            )
            held.append(problems_to_quarantine(problems, rows[qual], qual, origin))
            out[qual] = text.where(~blank & ~bad)
    for name in ("attack_id", "city", "district", "source", "origin"):
        if name in rows:
            out[name] = _clean_text(rows[name])
    quarantine = pd.concat(held, ignore_index=True)
    keep = ~rows.index.isin(list(set(quarantine["source_row"])))
    frame = pd.DataFrame({k: v[keep] for k, v in out.items()}, index=rows.index[keep])
    if "origin" not in frame:
        frame["origin"] = origin
    return frame.reset_index(drop=True), quarantine
