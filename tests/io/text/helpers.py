"""Helpers shared by the text-report tests."""

from __future__ import annotations

import pandas as pd

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
