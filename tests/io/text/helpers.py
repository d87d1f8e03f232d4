"""Helpers shared by the text-report tests."""

from __future__ import annotations

import pandas as pd

from airdef import parse_report
from airdef.model import StrikeData


def assert_spans(text: str, data: StrikeData) -> None:
    """Every evidence quote is the exact substring of the input at its span."""
    for row in data.evidence.itertuples(index=False):
        assert text[row.start : row.end] == row.quote, row
        assert row.quote in row.sentence or row.field == "date", row


def one(frame: pd.DataFrame, **where) -> pd.Series:
    """The single row of ``frame`` matching every column=value given."""
    hit = frame
    for col, value in where.items():
        hit = hit.loc[hit[col] == value]
    assert len(hit) == 1, f"expected one row with {where}, got {len(hit)}:\n{frame}"
    return hit.iloc[0]


def parse(text: str, published: str | None = "2024-03-10", **kw) -> StrikeData:
    """The parsed report, its evidence spans checked."""
    data = parse_report(text, published=published, **kw)
    assert_spans(text, data)
    return data


def counts(data: StrikeData, label: str) -> tuple:
    """Launched and intercepted, with qualifiers, of the one group labelled ``label``."""
    row = one(data.events, weapon_label=label)
    return (
        None if pd.isna(row["launched"]) else int(row["launched"]),
        None if pd.isna(row["launched_qual"]) else row["launched_qual"],
        None if pd.isna(row["intercepted"]) else int(row["intercepted"]),
        None if pd.isna(row["intercepted_qual"]) else row["intercepted_qual"],
    )


def day(data: StrikeData) -> str | None:
    """The one attack date of the parsed report (None when undated)."""
    times = data.events["time_start"].dropna().unique()
    assert len(times) <= 1
    return str(pd.Timestamp(times[0]).date()) if len(times) else None
