"""Vectorized parsers for the cells of strike tables: counts and times.

Each parser takes a Series of raw strings and returns the parsed values with a
Series of problems (missing where the cell is fine), so that a loader can
quarantine the row and say why. Blank cells are unknown values, not problems.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = [
    "MAX_COUNT",
    "MISSING_MARKERS",
    "TIME_RANGE",
    "parse_counts",
    "parse_positive_ints",
    "parse_times",
    "is_blank",
]

#: A count above this in one row is rejected as implausible.
MAX_COUNT = 100_000

#: Cell texts read as "unknown" (compared after stripping and case folding).
MISSING_MARKERS = frozenset({"", "nan", "na", "n/a", "null", "none", "<na>"})

# ASCII digits only: full-width and other Unicode digits are not read as numbers.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_TIME = re.compile(
    r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:[ T](?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})(?:\.(?P<f>[0-9]{1,9}))?)?)?$"
)
#: The span of times pandas can hold (nanoseconds since 1970 in 64 bits).
TIME_RANGE = (pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D"))


def is_blank(raw: pd.Series) -> pd.Series:
    """True where a cell is blank or a common missing-value marker ("NaN", "null", ...)."""
    text = raw.astype("string").str.strip().str.casefold()
    return (text.isna() | text.isin(MISSING_MARKERS)).astype(bool)


def parse_counts(raw: pd.Series, *, name: str = "count") -> tuple[pd.Series, pd.Series]:
    """Parse counts written as integers, floats with a zero fraction or "1,200".

    Only plain decimal numbers with ASCII digits are read: ``1e3``, ``1e-400``
    (which a float parser turns into 0) and full-width digits are problems, not counts.

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
    >>> parse_counts(pd.Series(["1e-400", "\uff11\uff12"]))[1].tolist()
    ["count is not a number: '1e-400'", "count is not a number: '１２'"]
    """
    text = raw.astype("string").str.strip()
    blank = is_blank(text)
    thousands = text.str.fullmatch(_THOUSANDS.pattern).fillna(False).astype(bool)
    cleaned = text.where(~thousands, text.str.replace(",", "", regex=False))
    plain = cleaned.str.fullmatch(_DECIMAL.pattern).fillna(False).astype(bool)
    number = pd.to_numeric(cleaned.where(~blank & plain), errors="coerce").astype("Float64")
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
    >>> parse_times(pd.Series(["9999-12-31"]))[1].tolist()
    ["time is out of the range airdef can hold (1677-09-22 to 2262-04-11): '9999-12-31'"]
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
    if bad.any():
        # A real calendar date that pandas cannot hold is out of range, not invalid.
        candidates = parts.loc[bad & matched, ["y", "m", "d"]]
        outside = pd.Series(False, index=raw.index)
        if len(candidates):
            outside[candidates.index] = candidates.apply(_calendar_date, axis=1).astype(bool)
        low, high = (t.strftime("%Y-%m-%d") for t in TIME_RANGE)
        problems[outside] = (
            f"{name} is out of the range airdef can hold ({low} to {high}): "
            + text[outside].map(repr)
        )
    return values, problems


def _calendar_date(parts: pd.Series) -> bool:
    import datetime as dt

    try:
        dt.date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
    except (TypeError, ValueError):
        return False
    return True


def parse_positive_ints(
    raw: pd.Series, *, name: str, limit: int = 2**31 - 1
) -> tuple[pd.Series, pd.Series]:
    """Parse whole numbers from 1 to ``limit`` (row numbers); blank stays missing.

    Examples
    --------
    >>> values, problems = parse_positive_ints(pd.Series(["7", "7.9", "1e30", "-7", "0", ""]),
    ...                                        name="source_row")
    >>> values.tolist()
    [7, <NA>, <NA>, <NA>, <NA>, <NA>]
    >>> problems.dropna().tolist()[0]
    "source_row must be a whole number from 1 to 2,147,483,647, not '7.9'"
    """
    text = raw.astype("string").str.strip()
    blank = is_blank(text)
    plain = text.str.fullmatch(r"[0-9]+(?:\.0*)?").fillna(False).astype(bool)
    digits = text.str.split(".", n=1).str[0].where(plain)
    short = digits.str.len().fillna(99) <= len(str(limit))
    number = pd.to_numeric(digits.where(short), errors="coerce")
    good = plain & short & (number >= 1).fillna(False) & (number <= limit).fillna(False)
    values = pd.Series(pd.NA, index=raw.index, dtype="Int64")
    values[good] = number[good].astype("int64")
    problems = pd.Series(pd.NA, index=raw.index, dtype="string")
    bad = ~blank & ~good
    problems[bad] = f"{name} must be a whole number from 1 to {limit:,}, not " + text[bad].map(repr)
    return values, problems
