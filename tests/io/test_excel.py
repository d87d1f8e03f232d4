"""Excel workbooks: used-range amplification, formulas without values, blank rows, damage."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile

import openpyxl
import pytest

import airdef
from airdef import DataError

HEADER = ["attack_id", "time_end", "weapon_label", "launched", "intercepted"]


def _book(rows, *, formula: str | None = None) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "events"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if formula:
        sheet.append(["a9", "2024-01-09 08:00", "Kalibr", formula, 1])
    return book


def _save(book, path):
    book.save(path)
    return path


def _rewrite_part(path, part: str, edit) -> None:
    with zipfile.ZipFile(path) as src:
        items = {i.filename: src.read(i.filename) for i in src.infolist()}
    items[part] = edit(items[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in items.items():
            out.writestr(name, data)


def test_a_claimed_used_range_of_xfd1048576_costs_nothing(tmp_path):
    # Regression: a sheet whose dimension says A1:XFD1048576 used 15 GB.
    path = _save(_book([["a1", "2024-01-01 08:00", "Kalibr", 6, 5]]), tmp_path / "wide.xlsx")
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda b: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', b),
    )
    assert b"XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    tracemalloc.start()
    start = time.perf_counter()
    data = airdef.load(path)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(data.events) == 1 and elapsed < 5 and peak < 200 * 1024**2


def test_a_cell_far_to_the_right_is_refused(tmp_path):
    book = _book([["a1", "2024-01-01 08:00", "Kalibr", 6, 5]])
    book.active["XFD2"] = "x"
    path = _save(book, tmp_path / "far.xlsx")
    with pytest.raises(DataError, match=r"far.xlsx: sheet 'events', row 2: a cell lies beyond"):
        airdef.load(path)


def test_a_formula_without_a_saved_value_is_quarantined(tmp_path):
    # openpyxl saves formulas without their values, as a script would.
    path = _save(
        _book([["a1", "2024-01-01 08:00", "Kalibr", 6, 5]], formula="=1+1"), tmp_path / "f.xlsx"
    )
    data = airdef.load(path)
    assert len(data.events) == 1
    (reason,) = data.quarantine["reason"]
    assert "formula with no saved value" in reason
    assert data.quarantine[["source_row", "column", "value"]].values.tolist() == [
        [3, "launched", "=1+1"]
    ]


def test_blank_rows_are_not_events(tmp_path):
    book = _book([["a1", "2024-01-01 08:00", "Kalibr", 6, 5], [None] * 5, ["", " ", None, "", ""]])
    book.active.append(["a2", "2024-01-02 08:00", "Kalibr", 4, 4])
    data = airdef.load(_save(book, tmp_path / "blank.xlsx"))
    assert data.events["attack_id"].tolist() == ["a1", "a2"]
    assert data.events["source_row"].tolist() == [2, 5]  # the sheet's own row numbers
    assert int(data.provenance["rows_read"].iloc[0]) == 2


def test_not_a_zip_and_a_damaged_zip(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 this is not a zip archive")
    with pytest.raises(DataError, match=r"fake.xlsx: not an Excel workbook \(.xlsx\)") as err:
        airdef.load(fake)
    assert "magic" not in str(err.value) and "engine" not in str(err.value)
    other = tmp_path / "other.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    other.write_bytes(buf.getvalue())
    with pytest.raises(DataError, match="no workbook part"):
        airdef.load(other)


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path, monkeypatch):
    monkeypatch.setattr("airdef.io.excel.MAX_UNPACKED_BYTES", 1000)
    path = _save(_book([["a1", "2024-01-01 08:00", "Kalibr", 6, 5]]), tmp_path / "bomb.xlsx")
    with pytest.raises(DataError, match="would unpack to"):
        airdef.load(path)


def test_events_and_casualties_sheets_keep_their_quarantine_apart(tmp_path):
    # Regression: a bad row in each table shared a source_row, and the invariant
    # reported "4 rows read but 2 loaded and 1 quarantined".
    book = _book(
        [["a1", "2024-01-01 08:00", "Kalibr", 6, 5], ["a2", "2024-01-02", "Kalibr", "x", 1]]
    )
    cas = book.create_sheet("casualties")
    cas.append(["attack_id", "date", "city", "killed", "injured"])
    cas.append(["a1", "2024-01-01", "Kyiv", 1, 2])
    cas.append(["a2", "2024-01-02", "Odesa", "many", 2])
    data = airdef.load(_save(book, tmp_path / "two.xlsx"))
    prov = data.provenance.iloc[0]
    assert (prov["rows_read"], prov["rows_loaded"], prov["rows_quarantined"]) == (4, 2, 2)
    assert sorted(data.quarantine["origin"].str.rsplit("/", n=1).str[-1]) == [
        "two.xlsx",
        "two.xlsx (sheet casualties)",
    ]
