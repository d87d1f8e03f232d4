"""Delimited text: a stray quote blames its own line; over-long fields quarantine one row."""

from __future__ import annotations

import random

import pytest

from airdef.io.limits import MAX_FIELD_CHARS
from airdef.io.tabular import read_table_text
from tests.conftest import SNAPSHOTS

HEADER = "time_start,time_end,model,launch_place,launched,destroyed,source"
LINES = [
    '2026-06-06 18:00,2026-06-07 08:30,Shahed-136/131,"Primorsko-Akhtarsk and Chauda, Crimea",'
    "236.0,215.0,kpszsu/posts/1",
    "2026-06-06,2026-06-06,Unknown UAV,,82.0,82.0,PvKPivden/posts/2",
    '2026-06-04 18:00,2026-06-05 07:30,X-59/X-69,"Zaporizhzhia oblast",2.0,0.0,kpszsu/posts/3',
    "2026-06-03 18:00,2026-06-04 08:00,Iskander-M/KN-23,Kursk oblast,4.0,1.0,kpszsu/posts/4",
]


def _text(lines: list[str]) -> str:
    return "\n".join([HEADER, *lines]) + "\n"


def test_a_stray_quote_at_a_field_start_blames_its_own_line():
    # Regression: the last record was quarantined and the culprit loaded with a
    # label such as "Shahed-136/131,Primorsko-Akhtarsk and ...".
    lines = list(LINES)
    lines[0] = lines[0].replace(",Shahed", ',"Shahed')
    table = read_table_text(_text(lines), "x.csv")
    assert table.quarantine["source_row"].tolist() == [2]
    assert "stray quote" in table.quarantine["reason"].iloc[0]
    assert table.rows.index.tolist() == [3, 4, 5]
    assert table.rows["model"].tolist() == ["Unknown UAV", "X-59/X-69", "Iskander-M/KN-23"]


def test_a_quote_inside_a_field_is_not_loaded_as_part_of_a_label():
    lines = list(LINES)
    lines[1] = lines[1].replace("Unknown UAV", 'Unknown "UAV')
    table = read_table_text(_text(lines), "x.csv")
    assert table.quarantine["source_row"].tolist() == [3]
    assert table.rows.index.tolist() == [2, 4, 5]


def test_a_quoted_field_that_spans_lines_is_kept():
    text = 'a,b,c\n1,"two\nlines",3\n4,5,6\n'
    table = read_table_text(text, "x.csv")
    assert table.rows.to_dict("index") == {
        2: {"a": "1", "b": "two\nlines", "c": "3"},
        4: {"a": "4", "b": "5", "c": "6"},
    }
    assert len(table.quarantine) == 0


def test_an_over_long_field_quarantines_only_its_row():
    # Regression: one field over 131,072 characters rejected the whole file.
    lines = list(LINES)
    lines[2] = lines[2].replace("Zaporizhzhia oblast", "z" * 140_000)
    table = read_table_text(_text(lines), "x.csv")
    assert table.quarantine[["source_row", "column"]].values.tolist() == [[4, "launch_place"]]
    assert f"over the limit of {MAX_FIELD_CHARS:,}" in table.quarantine["reason"].iloc[0]
    assert table.rows.index.tolist() == [2, 3, 5]
    assert table.rows_read == 4


def _real_lines() -> list[str]:
    path = SNAPSHOTS["2026-06"]
    if not path.exists():
        pytest.skip(f"the real Air Force snapshot not found at {path}")
    return path.read_text(encoding="utf-8").split("\n")


def test_quote_insertions_into_the_real_csv_blame_the_culprit():
    # 120 seeded single-quote insertions anywhere in a line of the real 2026 snapshot:
    # exactly the mutated line is quarantined, every other row reads unchanged.
    lines = _real_lines()[:300]
    base = read_table_text("\n".join(lines), "base.csv")
    assert len(base.quarantine) == 0
    rng = random.Random(15)
    for _ in range(120):
        i = rng.randrange(1, len(lines) - 1)
        j = rng.randrange(len(lines[i]) + 1)
        mutated = [*lines[:i], lines[i][:j] + '"' + lines[i][j:], *lines[i + 1 :]]
        table = read_table_text("\n".join(mutated), "m.csv")
        assert table.quarantine["source_row"].tolist() == [i + 1], (i + 1, j)
        assert table.rows.equals(base.rows.drop(index=i + 1))
