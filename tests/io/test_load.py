"""airdef.load as a whole: stricter values, one exception type, inputs given twice."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef import DataError
from airdef.io.canonical import write_canonical

AF_HEADER = "time_start,time_end,model,launched,destroyed,not_reach_goal,source"


def _af(tmp_path, *cells: str, name: str = "af.csv", post: int = 0):
    rows = [
        f"2024-01-{i + 1:02d},2024-01-{i + 1:02d} 08:00,{c},kpszsu/posts/{post + i}"
        for i, c in enumerate(cells)
    ]
    path = tmp_path / name
    path.write_text("\n".join([AF_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_stricter_counts_and_dates(tmp_path):
    # Regressions: 1e-400 loaded as 0; full-width digits; 9999-12-31 "not valid".
    path = tmp_path / "v.csv"
    path.write_text(
        AF_HEADER
        + "\n2024-01-01,2024-01-01 08:00,Kalibr,1e-400,0,,kpszsu/posts/1"
        + "\n2024-01-02,2024-01-02 08:00,Kalibr,\uff11\uff12,1,,kpszsu/posts/2"
        + "\n\uff12\uff10\uff12\uff14-01-03,2024-01-03 08:00,Kalibr,5,1,,kpszsu/posts/3"
        + "\n9999-12-31,2024-01-04 08:00,Kalibr,5,1,,kpszsu/posts/4"
        + "\n2024-01-05,2024-01-05 08:00,Kalibr,5,1,,kpszsu/posts/5\n",
        encoding="utf-8",
    )
    data = airdef.load(path)
    assert data.events["source_row"].tolist() == [6]
    reasons = data.quarantine.set_index("source_row")["reason"]
    assert reasons[2] == "launched is not a number: '1e-400'"
    assert reasons[3] == "launched is not a number: '１２'"
    assert reasons[4].startswith("time_start is not a valid date and time")
    assert reasons[5] == (
        "time_start is out of the range airdef can hold (1677-09-22 to 2262-04-11): '9999-12-31'"
    )


@pytest.mark.parametrize(
    ("given", "loaded"),
    [("7.9", None), ("1e30", None), ("-7", None), ("0", None), ("12", 12), ("", 2)],
)
def test_canonical_source_row_must_be_a_row_number(tmp_path, given, loaded):
    # Regression: 7.9, 1e30 (became -9223372036854775808), -7 and 0 were accepted.
    path = tmp_path / "c.csv"
    path.write_text(
        f"attack_id,weapon_label,launched,intercepted,source_row\na1,Kalibr,6,5,{given}\n",
        encoding="utf-8",
    )
    data = airdef.load(path)
    if loaded is None:
        assert len(data.events) == 0
        assert data.quarantine["reason"].iloc[0].startswith("source_row must be a whole number")
    else:
        assert data.events["source_row"].tolist() == [loaded]


def test_every_blank_weapon_label_loads_as_unknown(tmp_path):
    # Regression: pyarrow.lib.ArrowInvalid from catalog.resolve.
    data = airdef.load(_af(tmp_path, ",5,3,", "  ,4,4,"))
    assert data.events["weapon_class"].tolist() == ["unknown", "unknown"]
    assert data.events["weapon_label"].isna().all()
    assert data.events["launched"].tolist() == [5, 4]


def test_an_empty_text_file_is_an_error_like_an_empty_csv(tmp_path):
    for name in ("empty.txt", "empty.csv"):
        path = tmp_path / name
        path.write_text("  \n\n", encoding="utf-8")
        with pytest.raises(DataError, match=f"{name}: the file is empty"):
            airdef.load(path)


def test_a_csv_read_as_text_says_it_looks_like_a_csv(tmp_path):
    path = _af(tmp_path, "Kalibr,6,5,")
    with pytest.raises(DataError, match=r"af.csv: looks like a CSV table \(its first line is a"):
        airdef.load(path, format="text")


def test_the_same_file_twice_is_refused(tmp_path):
    first = _af(tmp_path, "Kalibr,6,5,")
    copy = tmp_path / "copy.csv"
    copy.write_bytes(first.read_bytes())
    with pytest.raises(DataError, match=r"copy.csv: the same content as .*af.csv"):
        airdef.load([first, copy])
    with pytest.raises(DataError, match="the same content"):
        airdef.load([first, first])


def test_the_same_attacks_from_two_inputs_are_counted_once(tmp_path):
    af = _af(tmp_path, "Kalibr,6,5,", "Shahed-136/131,40,35,")
    (canonical,) = write_canonical(airdef.load(af), tmp_path / "copy.parquet")
    other = _af(tmp_path, "Kalibr,2,2,", name="other.csv", post=100)  # another post
    data = airdef.load([af, canonical])
    assert len(data.events) == 2
    assert data.events["launched"].sum() == 46
    assert len(data.quarantine) == 2
    assert data.quarantine["reason"].str.contains("already loaded from .*af.csv").all()
    prov = data.provenance.set_index(data.provenance["path"].str.rsplit("/", n=1).str[-1])
    assert prov.loc["copy.parquet", ["rows_loaded", "rows_quarantined"]].tolist() == [0, 2]
    assert (prov["rows_read"] == prov["rows_loaded"] + prov["rows_quarantined"]).all()
    # Different reports (another post, so another attack id) are both kept.
    both = airdef.load([af, other])
    assert len(both.events) == 3 and len(both.quarantine) == 0


def test_damaged_inputs_name_the_file_without_library_wording(tmp_path):
    cases = {
        "x.xlsx": b"PK\x03\x04garbage",
        "y.xlsx": b"not a workbook at all",
        "z.parquet": b"PAR1",
        "w.json": b"[" * 10,
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(DataError) as err:
            airdef.load(path)
        message = str(err.value)
        assert message.startswith(str(path)), message
        for leak in ("engine manually", "magic bytes", "BadZipFile", "Traceback"):
            assert leak not in message, message


def test_text_reports_with_huge_numbers_give_data_errors(tmp_path):
    # Regressions: a 20-digit number (OverflowError) and 5,000 digits (ValueError).
    for digits in (20, 5000):
        path = tmp_path / f"n{digits}.txt"
        path.write_text(
            f"published: 2024-01-23\nRussia launched {'9' * digits} drones overnight.\n",
            encoding="utf-8",
        )
        try:
            data = airdef.load(path)
        except DataError as exc:
            assert str(path) in str(exc)
        else:
            assert (data.events["launched"].dropna() <= 100_000).all()


def test_only_data_errors_leave_load_for_odd_frames(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(
        '{"events": [{"attack_id": "a", "weapon_label": null, "launched": 1, "intercepted": 0}]}',
        encoding="utf-8",
    )
    data = airdef.load(path)
    assert data.events["weapon_class"].tolist() == ["unknown"]
    assert isinstance(data.events, pd.DataFrame)
