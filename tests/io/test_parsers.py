"""Property tests of the count and time parsers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from airdef.io.parsers import MAX_COUNT, parse_counts, parse_times


@given(
    st.integers(min_value=0, max_value=MAX_COUNT), st.sampled_from(["{}", "{}.0", " {} ", "{}.00"])
)
def test_counts_round_trip(n, template):
    values, problems = parse_counts(pd.Series([template.format(n)]))
    assert values.iloc[0] == n and pd.isna(problems.iloc[0])


@given(st.integers(min_value=1000, max_value=MAX_COUNT))
def test_thousands_separator(n):
    values, _ = parse_counts(pd.Series([f"{n:,}"]))
    assert values.iloc[0] == n


@given(st.text(max_size=12))
def test_counts_never_raise_and_always_explain(text):
    values, problems = parse_counts(pd.Series([text], dtype="string"))
    # Every cell is a count, unknown (blank), or has a reason - never silently zero.
    assert (
        pd.notna(values.iloc[0])
        or pd.notna(problems.iloc[0])
        or text.strip().casefold() in {"", "nan", "na", "n/a", "null", "none", "<na>"}
    )
    if pd.notna(values.iloc[0]):
        assert 0 <= values.iloc[0] <= MAX_COUNT


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_fractional_or_negative_floats_are_rejected(x):
    values, problems = parse_counts(pd.Series([repr(x)]))
    if x < 0 and x != 0 or x != int(x) or x > MAX_COUNT:
        assert pd.isna(values.iloc[0]) and pd.notna(problems.iloc[0])
    else:
        assert values.iloc[0] == int(x)


@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.booleans(),
    st.booleans(),
)
def test_times_round_trip(when, unpadded, trailing_space):
    when = when.replace(second=0, microsecond=0)
    hour = str(when.hour) if unpadded else f"{when.hour:02d}"
    text = f"{when:%Y-%m-%d} {hour}:{when:%M}" + (" " if trailing_space else "")
    values, problems = parse_times(pd.Series([text]))
    assert values.iloc[0] == pd.Timestamp(when) and pd.isna(problems.iloc[0])


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_date_only_is_midnight(day):
    values, _ = parse_times(pd.Series([day.isoformat()]))
    assert values.iloc[0] == pd.Timestamp(day)


@given(st.text(max_size=20))
def test_times_never_raise(text):
    values, problems = parse_times(pd.Series([text], dtype="string"))
    assert pd.isna(values.iloc[0]) or pd.isna(problems.iloc[0])
