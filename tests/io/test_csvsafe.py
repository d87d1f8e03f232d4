"""Spreadsheet safety of every CSV and Excel export, and reversibility of the escapes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import airdef
from airdef.cli import main
from airdef.io.canonical import write_canonical
from airdef.io.csvsafe import csv_text, escape_cell, unescape_cell, write_safe_csv
from airdef.io.excel import read_workbook
from airdef.io.export import read_table, write_table
from airdef.io.parsers import MISSING_MARKERS

FORMULA_START = tuple("=+-@\t\uff1d\uff0b\uff0d\uff20")
# A CSV-injection payload: after a bare carriage return a spreadsheet
# starts a new row, and this text becomes its first cell.
PAYLOAD = "ok\r=cmd|' /C calc'!A0"
HOSTILE_TEXTS = [
    PAYLOAD,
    "=1+1",
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "a\n=2",
    "a\r\n@x",
    "\r",
    "'=already",
    "\uff1d1",
    "_x000D_",
    "Шахед\u202e=1",
]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def assert_spreadsheet_safe(content: str) -> None:
    """Read CSV text as a spreadsheet would, and as a careless importer would.

    1. Quotes honoured, a bare ``\\r`` a row break (Python's csv reader does both):
       no cell may start with a formula prefix unless it is a number.
    2. Every physical line (split at ``\\r``, ``\\n`` and ``\\r\\n``, quotes ignored),
       stripped of a leading quote, may not start with a formula prefix either.
    3. No carriage return appears except in a ``\\r\\n`` line end.
    """
    for row in csv.reader(io.StringIO(content, newline="")):
        for cell in row:
            assert not cell.startswith(FORMULA_START) or _is_number(cell), (cell, content)
    for line in re.split(r"\r\n|\r|\n", content):
        first = next(csv.reader([line]), [""])
        head = line.lstrip('"')
        assert not head.startswith(FORMULA_START) or _is_number(first[0] if first else ""), line
    assert "\r" not in content.replace("\r\n", ""), content


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "weapon_label": HOSTILE_TEXTS,
            "n": range(len(HOSTILE_TEXTS)),
            "rate": [-0.5] * len(HOSTILE_TEXTS),
        }
    )


def test_a_bare_carriage_return_cannot_start_a_row(tmp_path):
    # Regression: the payload after \r used to become the first cell of a row.
    path = write_safe_csv(pd.DataFrame({"label": [PAYLOAD]}), tmp_path / "q.csv")
    content = path.read_text(encoding="utf-8")
    assert_spreadsheet_safe(content)
    assert "_x000D_" in content


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_escape_is_reversible(text):
    assert unescape_cell(escape_cell(text)) == text


def test_write_table_csv_and_excel_are_safe(tmp_path):
    table = _table()
    assert_spreadsheet_safe(write_table(table, tmp_path / "t.csv").read_text(encoding="utf-8"))
    assert_spreadsheet_safe(csv_text(table))
    write_table(table, tmp_path / "t.xlsx")
    sheet = next(iter(read_workbook((tmp_path / "t.xlsx").read_bytes(), "t.xlsx").values()))
    for cell in sheet.rows["weapon_label"]:
        assert not cell.startswith(FORMULA_START), cell
    for fmt in ("csv", "xlsx", "parquet", "json"):
        back = read_table(write_table(table, tmp_path / f"r.{fmt}"))
        assert back["weapon_label"].tolist() == HOSTILE_TEXTS, fmt


LABELS = [t for t in HOSTILE_TEXTS if t.strip()]  # an all-blank label is a missing one


def _hostile_data() -> airdef.StrikeData:
    return airdef.StrikeData(
        events=pd.DataFrame(
            {
                "attack_id": [f"a{i}" for i in range(len(LABELS))],
                "time_end": pd.date_range("2024-01-01 08:00", periods=len(LABELS), freq="D"),
                "weapon_label": LABELS,
                "launched": 5,
                "intercepted": 3,
            }
        )
    )


def _canonical_with_hostile_labels(tmp_path: Path) -> Path:
    (path,) = write_canonical(_hostile_data(), tmp_path / "hostile.csv")
    return path


def test_canonical_round_trip_keeps_carriage_returns(tmp_path):
    # Regression: a text field with \r reloaded as 1 event and 2 quarantined rows.
    data = airdef.load(_canonical_with_hostile_labels(tmp_path))
    assert len(data.quarantine) == 0
    assert data.events["weapon_label"].tolist() == LABELS
    for ending in (".csv", ".xlsx", ".json", ".parquet"):
        (written,) = write_canonical(data, tmp_path / f"out{ending}")
        if ending == ".csv":
            assert_spreadsheet_safe(written.read_text(encoding="utf-8"))
        again = airdef.load(written)
        assert len(again.quarantine) == 0, ending
        assert again.events["weapon_label"].tolist() == LABELS, ending


def test_cli_exports_are_safe(tmp_path, capsys):
    source = _canonical_with_hostile_labels(tmp_path)
    bad = tmp_path / "bad.csv"
    lines = source.read_text(encoding="utf-8").splitlines()
    bad.write_text(
        "\n".join([lines[0], *[line.replace(",5,3", ",x,3") for line in lines[1:]]]) + "\n",
        encoding="utf-8",
        newline="",
    )
    quarantine = tmp_path / "quarantine.csv"
    assert main(["validate", str(bad), "--quarantine", str(quarantine)]) in (0, 1)
    assert_spreadsheet_safe(quarantine.read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["rates", str(source), "--by", "weapon", "--output", "csv"]) == 0
    assert_spreadsheet_safe(capsys.readouterr().out)


SAFE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_characters="\x00"),
        st.sampled_from(list("=+-@\t\r\n'\",;|_x0D\u202e\u200fШахед\uff1d")),
    ),
    min_size=1,
    max_size=30,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(SAFE_TEXT, min_size=1, max_size=6))
def test_any_text_survives_every_export(tmp_path, texts):
    # Control characters, quotes, formula prefixes, Cyrillic and RTL marks come back unchanged
    # (NUL excepted: a CSV holding one reads as binary).
    table = pd.DataFrame({"row": range(len(texts)), "text": texts})
    for fmt in ("csv", "xlsx", "parquet", "json"):
        path = write_table(table, tmp_path / f"p.{fmt}")
        if fmt == "csv":
            assert_spreadsheet_safe(path.read_text(encoding="utf-8"))
        back = read_table(path)["text"].fillna("").tolist()
        assert back == texts, fmt


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    labels=st.lists(
        SAFE_TEXT.filter(lambda t: t.strip().casefold() not in MISSING_MARKERS),
        min_size=1,
        max_size=4,
    )
)
def test_any_label_survives_every_canonical_format(tmp_path, labels):
    data = airdef.StrikeData(
        events=pd.DataFrame(
            {
                "attack_id": [f"a{i}" for i in range(len(labels))],
                "time_end": pd.Timestamp("2024-01-23 08:00"),
                "weapon_label": labels,
                "launched": 5,
                "intercepted": 3,
                "target": labels,
            }
        )
    )
    for ending in (".csv", ".xlsx", ".json", ".parquet"):
        (written,) = write_canonical(data, tmp_path / f"c{ending}")
        again = airdef.load(written)
        assert again.events["weapon_label"].tolist() == labels, ending
        assert again.events["target"].tolist() == labels, ending
        written.unlink()
