"""Parquet and JSON inputs: damage, deep nesting, bytes that are not text, two tables."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import airdef
from airdef import DataError


def test_deeply_nested_json_is_a_data_error(tmp_path):
    # Regression: RecursionError.
    path = tmp_path / "deep.json"
    path.write_text('{"events": [' + "[" * 100_000 + "]" * 100_000 + "]}", encoding="utf-8")
    with pytest.raises(
        DataError, match=r"deep.json: the JSON nests tables or lists deeper than the limit"
    ):
        airdef.load(path)
    shallow = tmp_path / "shallow.json"
    nested: object = 1
    for _ in range(33):
        nested = [nested]
    shallow.write_text(json.dumps({"events": [{"a": nested}]}), encoding="utf-8")
    with pytest.raises(
        DataError, match="shallow.json: the JSON nests tables or lists deeper than the limit of 32"
    ):
        airdef.load(shallow)


def test_broken_json_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"events": [\n{"a": 1},\n{"a": }\n]}', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.json: line 3: not valid JSON"):
        airdef.load(path)


def test_json_rows_that_are_not_objects_are_quarantined(tmp_path):
    path = tmp_path / "rows.json"
    rows = [{"attack_id": "a1", "weapon_label": "Kalibr", "launched": 6, "intercepted": 5}, 7]
    path.write_text(json.dumps(rows), encoding="utf-8")
    data = airdef.load(path)
    assert len(data.events) == 1
    assert data.quarantine[["source_row", "reason"]].values.tolist() == [
        [2, "the row is not a JSON object"]
    ]


def test_json_events_and_casualties_keys_are_unique(tmp_path):
    # Regression: a bad row in each table gave a false "bug in airdef" message.
    path = tmp_path / "two.json"
    payload = {
        "events": [
            {"attack_id": "a1", "weapon_label": "Kalibr", "launched": 6, "intercepted": 5},
            {"attack_id": "a2", "weapon_label": "Kalibr", "launched": "x", "intercepted": 1},
        ],
        "casualties": [
            {"attack_id": "a1", "city": "Kyiv", "killed": 1, "injured": 2},
            {"attack_id": "a2", "city": "Odesa", "killed": "many", "injured": 2},
        ],
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    data = airdef.load(path)
    prov = data.provenance.iloc[0]
    assert (prov["rows_read"], prov["rows_loaded"], prov["rows_quarantined"]) == (4, 2, 2)
    assert data.quarantine["origin"].str.endswith(("two.json", "two.json (casualties)")).all()


def test_parquet_bytes_that_are_not_utf8_quarantine_their_row(tmp_path):
    # Regression: UnicodeDecodeError without the file name.
    path = tmp_path / "bin.parquet"
    table = pa.table(
        {
            "attack_id": ["a1", "a2"],
            "weapon_label": pa.array([b"Kalibr", b"\xff\xfe bad"], type=pa.binary()),
            "launched": [6, 4],
            "intercepted": [5, 4],
        }
    )
    pq.write_table(table, path)
    data = airdef.load(path)
    assert data.events["weapon_label"].tolist() == ["Kalibr"]
    assert data.quarantine[["source_row", "column", "reason"]].values.tolist() == [
        [3, "weapon_label", "weapon_label holds bytes that are not UTF-8 text"]
    ]


@pytest.mark.parametrize(
    "content", [b"PAR1 not really parquet", b"PAR1" + b"\x00" * 50 + b"PAR1", b"hello"]
)
def test_damaged_parquet_speaks_plainly(tmp_path, content):
    path = tmp_path / "x.parquet"
    path.write_bytes(content)
    with pytest.raises(DataError, match=r"x.parquet: not a (readable )?Parquet file") as err:
        airdef.load(path)
    assert "magic" not in str(err.value).lower()


def test_parquet_mixed_object_columns_export(tmp_path):
    from airdef.io.export import read_table, write_table

    frame = pd.DataFrame({"v": ["a", 1, None]})
    back = read_table(write_table(frame, tmp_path / "m.parquet"))
    assert back["v"].tolist()[:2] == ["a", "1"]


def test_an_over_long_json_cell_quarantines_its_row(tmp_path):
    path = tmp_path / "long.json"
    rows = [
        {"attack_id": "a1", "weapon_label": "Kalibr", "launched": 6, "intercepted": 5},
        {"attack_id": "a2", "weapon_label": "K" * 150_000, "launched": 6, "intercepted": 5},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    data = airdef.load(path)
    assert data.events["attack_id"].tolist() == ["a1"]
    assert data.quarantine[["source_row", "column"]].values.tolist() == [[2, "weapon_label"]]
    assert "150,000 characters" in data.quarantine["reason"].iloc[0]
