"""Vectorized parsers for the cells of strike tables: counts and times.

Each parser takes a Series of raw strings and returns the parsed values with a
Series of problems (missing where the cell is fine), so that a loader can
quarantine the row and say why. Blank cells are unknown values, not problems.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["MAX_COUNT", "MISSING_MARKERS", "parse_counts", "parse_times", "is_blank"]

#: A count above this in one row is rejected as implausible.
MAX_COUNT = 100_000

#: Cell texts read as "unknown" (compared after stripping and case folding).
MISSING_MARKERS = frozenset({"", "nan", "na", "n/a", "null", "none", "<na>"})

_INT = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_TIME = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d{1,9}))?)?)?$"
)


def is_blank(raw: pd.Series) -> pd.Series:
    """True where a cell is blank or a common missing-value marker ("NaN", "null", ...)."""
    text = raw.astype("string").str.strip().str.casefold()
    return (text.isna() | text.isin(MISSING_MARKERS)).astype(bool)


def parse_counts(raw: pd.Series, *, name: str = "count") -> tuple[pd.Series, pd.Series]:
    """Parse counts written as integers, floats with a zero fraction or "1,200".

    Parameters
    ----------
    raw : pandas.Series
        Cell texts (or numbers).
    name : str
        The column name, used in the problem messages.

    Returns
    -------
    values : pandas.Series of Int64
        Parsed counts; ``<NA>`` where the cell is blank or has a problem.
    problems : pandas.Series of string
        A message for a person where the cell cannot be a count, else ``<NA>``.

    Examples
    --------
    >>> values, problems = parse_counts(pd.Series(["236.0", "", "1,200", "2.5", "-1", "abc"]),
    ...                                 name="launched")
    >>> values.tolist()
    [236, <NA>, 1200, <NA>, <NA>, <NA>]
    >>> problems.dropna().tolist()
    ['launched is not a whole number: 2.5', 'launched is negative: -1', "launched is not a number: 'abc'"]
    """
    text = raw.astype("string").str.strip()
    blank = is_blank(text)
    thousands = text.str.fullmatch(_THOUSANDS.pattern).fillna(False).astype(bool)
    cleaned = text.where(~thousands, text.str.replace(",", "", regex=False))
    number = pd.to_numeric(cleaned.where(~blank), errors="coerce").astype("Float64")
    problems = pd.Series(pd.NA, index=raw.index, dtype="string")
    finite = number.notna() & np.isfinite(number.fillna(0).to_numpy(dtype=float))
    not_number = ~blank & ~finite
    fractional = finite & (number != number.round())
    negative = finite & ~fractional & (number < 0)
    huge = finite & ~fractional & (number > MAX_COUNT)
    problems[not_number] = f"{name} is not a number: " + text[not_number].map(repr)
    problems[fractional] = f"{name} is not a whole number: " + text[fractional]
    problems[negative] = f"{name} is negative: " + text[negative]
    problems[huge] = f"{name} is implausibly large for one row (over {MAX_COUNT:,}): " + text[huge]
    good = finite & ~fractional & ~negative & ~huge
    values = pd.Series(pd.NA, index=raw.index, dtype="Int64")
    values[good] = number[good].round().astype("Int64")
    return values, problems


def parse_times(raw: pd.Series, *, name: str = "time") -> tuple[pd.Series, pd.Series]:
    """Parse ``YYYY-MM-DD[ HH:MM[:SS]]`` times, tolerating unpadded hours and spaces.

    Parameters
    ----------
    raw : pandas.Series
        Cell texts.
    name : str
        The column name, used in the problem messages.

    Returns
    -------
    values : pandas.Series of datetime64[ns]
        Parsed times (a date alone is midnight); ``NaT`` where blank or bad.
    problems : pandas.Series of string
        A message where the text is not a valid time, else ``<NA>``.

    Examples
    --------
    >>> values, problems = parse_times(pd.Series(["2023-05-16 3:30", "2024-05-16 ", "", "2024-02-30"]))
    >>> values.tolist()
    [Timestamp('2023-05-16 03:30:00'), Timestamp('2024-05-16 00:00:00'), NaT, NaT]
    >>> problems.dropna().tolist()
    ["time is not a valid date and time: '2024-02-30'"]
    """
    text = raw.astype("string").str.strip()
    blank = is_blank(text)
    parts = text.str.extract(_TIME)
    matched = parts["y"].notna()
    iso = (
        parts["y"]
        + "-"
        + parts["m"].str.zfill(2)
        + "-"
        + parts["d"].str.zfill(2)
        + " "
        + parts["H"].fillna("0").str.zfill(2)
        + ":"
        + parts["M"].fillna("00")
        + ":"
        + parts["S"].fillna("00")
        + "."
        + parts["f"].fillna("0").str.ljust(9, "0")
    )
    values = pd.to_datetime(iso.where(matched), format="%Y-%m-%d %H:%M:%S.%f", errors="coerce")
    values = values.astype("datetime64[ns]")
    bad = ~blank & values.isna()
    problems = pd.Series(pd.NA, index=raw.index, dtype="string")
    problems[bad] = f"{name} is not a valid date and time: " + text[bad].map(repr)
    return values, problems
