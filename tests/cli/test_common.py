"""The shared options and output of the command line."""

from __future__ import annotations

import argparse

import pandas as pd
import pytest

from airdef.cli._checks import UsageError, option_message
from airdef.cli._common import note_line, table_format, write_table


def test_a_note_does_not_repeat_its_group():
    assert note_line(["Kh-59/Kh-69"], "Kh-59/Kh-69: from 2025-05 ...") == (
        "note: Kh-59/Kh-69: from 2025-05 ..."
    )
    assert note_line(["cruise_missile"], "Kh-59/Kh-69: from 2025-05 ...") == (
        "note: cruise_missile: Kh-59/Kh-69: from 2025-05 ..."
    )
    assert note_line([], "one overall row") == "note: one overall row"


def test_table_format_from_the_ending_or_the_option(tmp_path):
    assert table_format(tmp_path / "a.XLSX") == "excel"
    assert table_format(tmp_path / "a.pq") == "parquet"
    assert table_format(tmp_path / "a.dat", "json") == "json"
    with pytest.raises(UsageError, match=r"--out: cannot tell the format from the ending \.dat"):
        table_format(tmp_path / "a.dat")


def test_text_cells_are_kept_and_made_safe_in_every_format(tmp_path):
    frame = pd.DataFrame({"label": ["=1+2", "Шахед", "'quoted"], "n": [1, 2, 3]})
    for name in ("t.csv", "t.json", "t.parquet", "t.xlsx"):
        write_table(frame, tmp_path / name)
    assert (tmp_path / "t.csv").read_text().splitlines()[1] == "'=1+2,1"
    assert pd.read_json(tmp_path / "t.json")["label"].tolist() == frame["label"].tolist()
    assert pd.read_parquet(tmp_path / "t.parquet")["label"].tolist() == frame["label"].tolist()
    excel = pd.read_excel(tmp_path / "t.xlsx")["label"].tolist()
    assert excel[0] == "'=1+2" and excel[1] == "Шахед"  # no formula in the sheet


def test_option_names_replace_library_names():
    p = argparse.ArgumentParser(prog="airdef needs")
    p.add_argument("--target-rate", type=float)
    p.add_argument("--horizon", type=int)
    assert option_message(p, "horizon_days must be a positive whole number; not 0") == (
        "--horizon must be a positive whole number; not 0"
    )
    assert option_message(p, "target_rate must be in [0, 1]; got 2.0") == (
        "--target-rate must be in [0, 1]; got 2.0"
    )
    # a word that is also an option's name, but not used as a parameter, is left alone
    assert option_message(p, "the horizon is too far") is None
