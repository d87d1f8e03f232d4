"""load -> write canonical -> load gives identical tables, in every canonical format."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.io.canonical import write_canonical
from airdef.model import StrikeData

FORMATS = {"csv": "out.csv", "parquet": "out.parquet", "excel": "out.xlsx", "json": "out.json"}


def hostile_data() -> StrikeData:
    """Qualifiers, blanks, Cyrillic, formula-like and apostrophe texts, multi-model labels."""
    events = pd.DataFrame(
        {
            "attack_id": ["a1", "a1", "a2", "a3"],
            "time_start": pd.to_datetime(
                ["2024-01-22 18:00", "2024-01-22 18:00", "2024-02-01 00:00", None]
            ),
            "time_end": pd.to_datetime(
                ["2024-01-23 08:00", "2024-01-23 08:00", "2024-02-01 06:30", None]
            ),
            "source": ['=HYPERLINK("http://evil")', "'quoted", "-minus", "@at"],
            "weapon_label": [
                "Молнія",
                "X-101/X-555 and Kalibr",
                "<script>alert(1)</script>",
                "Mystery",
            ],
            "launched": [10, None, 41, 3],
            "launched_qual": [None, None, "at_least", "approx"],
            "intercepted": [10, 7, 21, None],
            "intercepted_qual": ["exact", "exact", "at_least", None],
            "suppressed": [None, 2, None, None],
            "target": ["Kyiv, Solomianskyi", None, 'a, "b"\nc', "+1"],
            "part_of": [None, None, None, "<script>alert(1)</script>"],
        }
    )
    casualties = pd.DataFrame(
        {
            "attack_id": ["a1", "a2"],
            "date": pd.to_datetime(["2024-01-23", "2024-02-01"]),
            "city": ["Kyiv; Kharkiv", "Kyiv"],
            "district_count": [None, 4],
            "killed": [5, None],
            "killed_qual": ["at_least", None],
            "injured": [None, 20],
            "injured_qual": [None, "at_least"],
        }
    )
    evidence = pd.DataFrame(
        {
            "attack_id": ["a2"],
            "table": ["events"],
            "field": ["launched"],
            "value": ["41"],
            "start": [10],
            "end": [22],
        }
    )
    return StrikeData(events=events, casualties=casualties, evidence=evidence)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_is_lossless(tmp_path, fmt):
    made = hostile_data()
    first = airdef.load(write_canonical(made, tmp_path / FORMATS[fmt])[0])
    assert len(first.quarantine) == 0
    # Written from memory, rows learn where they were loaded from; nothing else changes.
    pd.testing.assert_frame_equal(
        first.events.drop(columns=["origin", "source_row"]),
        made.events.drop(columns=["origin", "source_row"]),
    )
    # load -> write -> load is the identity on every table.
    again = airdef.load(write_canonical(first, tmp_path / ("b" + FORMATS[fmt]))[0])
    pd.testing.assert_frame_equal(again.events, first.events)
    pd.testing.assert_frame_equal(again.casualties, first.casualties)
    pd.testing.assert_frame_equal(again.evidence, first.evidence)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_real_snapshot_round_trip(tmp_path, newest_snapshot, fmt):
    first = airdef.load(newest_snapshot)
    again = airdef.load(write_canonical(first, tmp_path / FORMATS[fmt])[0])
    pd.testing.assert_frame_equal(again.events, first.events)


def test_canonical_csv_escapes_formulas(tmp_path):
    path = write_canonical(hostile_data(), tmp_path / "x.csv")[0]
    text = path.read_text()
    assert "'=HYPERLINK" in text and "''quoted" in text and "'-minus" in text and "'@at" in text
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_concat_keeps_everything(newest_snapshot):
    sample = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
    real = airdef.load(newest_snapshot)
    both = airdef.concat([real, sample])
    assert len(both.events) == len(real.events) + 1
    assert len(both.casualties) == 2
    assert both.provenance["path"].tolist() == [
        str(newest_snapshot),
        str(airdef.sample_path("attack_2024-01-23.csv")),
    ]


def test_unknown_ending_needs_a_format(tmp_path):
    with pytest.raises(airdef.DataError, match="cannot tell the format"):
        write_canonical(hostile_data(), tmp_path / "out.dat")


def test_cli_load_writes_canonical(tmp_path, capsys):
    from airdef.cli import main

    out = tmp_path / "canon.parquet"
    assert main(["load", str(airdef.sample_path("attack_2024-01-23.csv")), "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert airdef.load(out).events["launched"].tolist() == [41]
