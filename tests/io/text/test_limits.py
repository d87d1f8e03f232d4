"""Hostile sizes: long digit runs, huge numbers and long texts are read in linear time.

No timed asserts: each input is sized so that a quadratic pattern would run for
minutes (40,000 digits took 27-37 s with the old range pattern), while the
linear one takes well under a second; `make bench` measures throughput.
"""

from __future__ import annotations

import pytest

import airdef
from airdef.io.parsers import MAX_COUNT
from airdef.io.text import NoCountsWarning
from airdef.io.text.numbers import find_numbers
from airdef.io.text.spans import SpanSet
from airdef.io.text.unplaced import unplaced_numbers


def _unplaced(data) -> list[str]:
    ev = data.evidence
    return ev.loc[ev["table"] == "unplaced", "quote"].tolist()


def test_a_million_digits_are_no_number():
    assert find_numbers("1" * 1_000_000) == []


def test_long_runs_of_ranges_and_lists_are_linear():
    # 40,000 range-like pairs: quadratic backtracking would not finish.
    found = find_numbers("7 - " * 40_000)
    assert len(found) == 40_000 and {t.value for t in found} == {7}
    assert len(find_numbers("1,234 " * 40_000)) == 40_000


def test_twenty_digit_number_is_unplaced_not_a_count():
    data = airdef.parse_report("Russia launched 99999999999999999999 drones and 12 missiles.")
    assert data.events["launched"].dropna().tolist() == [12]
    assert _unplaced(data) == ["99999999999999999999"]


def test_more_digits_than_python_converts():
    digits = "9" * 40_000  # beyond int()'s 4,300-digit limit
    with pytest.warns(NoCountsWarning):
        data = airdef.parse_report(f"Russia launched {digits} drones overnight.")
    assert data.events.empty
    assert _unplaced(data) == [digits]


def test_counts_are_capped_as_in_tables():
    over = f"{MAX_COUNT + 1:,}"
    data = airdef.parse_report(f"Russia launched {over} drones and {MAX_COUNT:,} missiles.")
    assert data.events["launched"].dropna().tolist() == [MAX_COUNT]
    assert _unplaced(data) == [over]


def test_a_long_report_is_read():
    sentence = "Russia launched 5 drones overnight, and 4 were shot down. "
    data = airdef.parse_report(sentence * 1_000, published="2024-05-01")
    assert int(data.events["launched"].max()) == 5


def test_numbers_no_figure_uses_are_listed_with_spans():
    text = "Russia launched 12 drones at 3 regions; 7 others were seen over the sea."
    data = airdef.parse_report(text)
    rows = data.evidence.loc[data.evidence["table"] == "unplaced"]
    assert rows["quote"].tolist() == ["3", "7"]  # a count of regions, and a count left unread
    for row in rows.itertuples():
        assert text[row.start : row.end] == row.quote


def test_span_set_merges_overlaps():
    spans = SpanSet([(0, 5), (3, 9), (20, 21)])
    assert [p for p in range(25) if spans.covers(p)] == [*range(9), 20]


def test_unplaced_spans_skip_used_spans():
    text = "9 of 12 drones, and 5"
    assert unplaced_numbers(text, 0, len(text), [(0, 14)]) == [(20, 21)]
