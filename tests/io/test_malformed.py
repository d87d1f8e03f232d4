"""A corpus of malformed inputs, generated here: each gives a clear error or a quarantine
with nothing lost."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import airdef
from airdef import DataError
from airdef.cli import main

AF_HEADER = "time_start,time_end,model,launched,destroyed,not_reach_goal,source"
GOOD = "2024-01-23,2024-01-23 08:00,Kalibr,6.0,5.0,,kpszsu/posts/1"


def write(tmp_path: Path, text: str | bytes, name: str = "input.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def af(*rows: str) -> str:
    return "\n".join([AF_HEADER, *rows]) + "\n"


def accounted(data) -> None:
    """rows read == rows loaded + distinct quarantined rows, for every file."""
    prov = data.provenance
    assert (prov["rows_read"] == prov["rows_loaded"] + prov["rows_quarantined"]).all()


# -- fatal problems: one clear DataError naming the file ---------------------------------
FATAL = {
    "missing file": (None, "no such file"),
    "empty file": ("", "the file is empty"),
    "only blank lines": ("\n\n  \n", "the file is empty"),
    "binary content": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "wrong columns": ("name,age\nAnna,31\n", "no recognisable columns"),
    "prose, not a table": ("Russia launched 40 missiles overnight.\n", "no recognisable columns"),
    "latin-1 bytes": (
        (AF_HEADER + "\n2024-01-23,2024-01-23 08:00,Kalibr,6,5,,Kyiv caf\xe9\n").encode("latin-1"),
        r"line 2: byte 0xE9 is not valid UTF-8",
    ),
    "duplicate column names": (
        "model,model,launched,destroyed,time_start,time_end\n",
        "repeats the column",
    ),
    "corrupt parquet": (b"PAR1 not really parquet", "not a Parquet file"),
    "json not a table": ('{"hello": 1}', "no recognisable columns"),
}


@pytest.mark.parametrize("case", sorted(FATAL))
def test_fatal_inputs_raise_one_clear_error(tmp_path, case):
    content, message = FATAL[case]
    name = {"corrupt parquet": "x.parquet", "json not a table": "x.json"}.get(case, "input.csv")
    path = tmp_path / name if content is None else write(tmp_path, content, name)
    with pytest.raises(DataError, match=message) as err:
        airdef.load(path)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(DataError, match="is a folder"):
        airdef.load(tmp_path)


def test_forced_format_that_does_not_fit(tmp_path):
    path = write(tmp_path, "weapon_label,launched,intercepted\nKalibr,3,2\n")
    with pytest.raises(DataError, match="missing column"):
        airdef.load(path, format="airforce")


# -- row problems: quarantined with a reason, everything else loads ------------------------
QUARANTINE = {
    "intercepted exceeds launched": (
        "2024-01-23,2024-01-23 08:00,Kalibr,4,9,,kpszsu/posts/1",
        "destroyed",
        "destroyed (9) exceeds launched (4)",
    ),
    "negative count": (
        "2024-01-23,2024-01-23 08:00,Kalibr,-3,0,,s",
        "launched",
        "launched is negative: -3",
    ),
    "fractional count": (
        "2024-01-23,2024-01-23 08:00,Kalibr,2.5,1,,s",
        "launched",
        "not a whole number: 2.5",
    ),
    "non-numeric count": (
        "2024-01-23,2024-01-23 08:00,Kalibr,six,1,,s",
        "launched",
        "not a number: 'six'",
    ),
    "absurd count": (
        "2024-01-23,2024-01-23 08:00,Kalibr,250000,1,,s",
        "launched",
        "implausibly large",
    ),
    "unparseable time": (
        "23/01/2024,2024-01-23 08:00,Kalibr,6,5,,s",
        "time_start",
        "not a valid date",
    ),
    "impossible date": (
        "2024-02-30,2024-03-01 08:00,Kalibr,6,5,,s",
        "time_start",
        "not a valid date",
    ),
    "end before start": (
        "2024-01-23 10:00,2024-01-23 08:00,Kalibr,6,5,,s",
        "time_end",
        "is before time_start",
    ),
    "too few fields": (
        "2024-01-23,2024-01-23 08:00,Kalibr,6",
        "",
        "the row has 4 fields where the header has 7",
    ),
    "too many fields": (GOOD + ",extra", "", "the row has 8 fields where the header has 7"),
    "repeated header": (AF_HEADER, "", "a repeated header line"),
    "negative suppressed": (
        "2024-01-23,2024-01-23 08:00,Shahed-136/131,60,40,-2,s",
        "not_reach_goal",
        "negative",
    ),
}


@pytest.mark.parametrize("case", sorted(QUARANTINE))
def test_bad_rows_are_quarantined_with_a_reason(tmp_path, case):
    row, column, reason = QUARANTINE[case]
    data = airdef.load(write(tmp_path, af(GOOD, row, GOOD)))
    accounted(data)
    assert len(data.events) == 2
    q = data.quarantine
    assert q["source_row"].tolist() == [3]  # the header is row 1
    assert q["column"].iloc[0] == column
    assert reason in q["reason"].iloc[0]


def test_truncated_last_line_with_open_quote(tmp_path):
    text = af(GOOD, GOOD) + '2024-01-24,2024-01-24 08:00,"Kalibr,6'
    data = airdef.load(write(tmp_path, text))
    accounted(data)
    assert len(data.events) == 2
    assert "stray quote" in data.quarantine["reason"].iloc[0]


def test_truncated_last_line_without_newline(tmp_path):
    data = airdef.load(write(tmp_path, af(GOOD).rstrip("\n") + "\n2024-01-24,2024-01-24 08:00,Kal"))
    accounted(data)
    assert data.quarantine["reason"].iloc[0] == "the row has 3 fields where the header has 7"


def test_header_only_loads_empty(tmp_path):
    data = airdef.load(write(tmp_path, AF_HEADER + "\n"))
    accounted(data)
    assert len(data.events) == 0 and len(data.quarantine) == 0


def test_bom_and_crlf(tmp_path):
    text = "\ufeff" + af(GOOD, GOOD).replace("\n", "\r\n")
    data = airdef.load(write(tmp_path, text))
    assert len(data.events) == 2 and len(data.quarantine) == 0
    assert data.events["source"].iloc[0] == "kpszsu/posts/1"  # no stray \r


def test_latin1_loads_when_told(tmp_path):
    raw = (AF_HEADER + "\n2024-01-23,2024-01-23 08:00,Kalibr,6,5,,caf\xe9\n").encode("latin-1")
    data = airdef.load(write(tmp_path, raw), encoding="latin-1")
    assert data.events["source"].iloc[0] == "caf\xe9"


def test_semicolons(tmp_path):
    data = airdef.load(write(tmp_path, af(GOOD, GOOD).replace(",", ";")))
    assert len(data.events) == 2 and data.events["launched"].sum() == 12


def test_quoted_commas_and_blank_lines(tmp_path):
    row = '2024-01-23,2024-01-23 08:00,"X-101/X-555 and Kalibr",30,25,,"kpszsu/posts/1"'
    data = airdef.load(write(tmp_path, af(row, "", GOOD)))
    assert data.events["weapon"].tolist() == ["Kh-101/Kh-555 + Kalibr", "Kalibr"]
    assert data.events["source_row"].tolist() == [2, 4]  # line numbers, blank line skipped


def test_blank_counts_are_unknown_not_zero(tmp_path):
    data = airdef.load(
        write(tmp_path, af("2024-01-23,2024-01-23 08:00,Kalibr,,5,,s", "2024-01-23,,X-59,NaN,,,s"))
    )
    ev = data.events
    assert ev["launched"].isna().all()
    assert ev["intercepted"].tolist()[0] == 5 and pd.isna(ev["intercepted"].tolist()[1])
    assert pd.isna(ev["time_end"].iloc[1])
    assert ev["launched_qual"].isna().all()


def test_several_problems_in_one_row_count_once(tmp_path):
    data = airdef.load(write(tmp_path, af("bad,worse,Kalibr,x,-1,,s", GOOD)))
    accounted(data)
    assert data.provenance["rows_quarantined"].iloc[0] == 1
    assert len(data.quarantine) == 4  # each problem is listed


def test_unknown_labels_load_as_unknown(tmp_path):
    data = airdef.load(write(tmp_path, af("2024-01-23,2024-01-23 08:00,Mystery-9,3,1,,s", GOOD)))
    ev = data.events
    assert ev["weapon_class"].tolist() == ["unknown", "cruise_missile"]
    assert data.summary().unknown_labels == {"Mystery-9": 1}


def test_canonical_bad_qualifier_and_class(tmp_path):
    text = (
        "attack_id,weapon_label,weapon_class,launched,launched_qual,intercepted,intercepted_qual\n"
        "a,Kalibr,,5,maybe,3,\n"
        "b,Kalibr,spaceship,5,,3,\n"
        "c,Kalibr,,,at_least,3,\n"
        "d,Kalibr,,40,at_least,45,at_least\n"
        "e,Kalibr,,40,exact,45,exact\n"
    )
    data = airdef.load(write(tmp_path, text))
    accounted(data)
    reasons = dict(zip(data.quarantine["source_row"], data.quarantine["reason"], strict=True))
    assert (
        "launched_qual must be one of exact, at_least, at_most, approx, not 'maybe'" in reasons[2]
    )
    assert "weapon_class must be one of" in reasons[3]
    assert reasons[4] == "launched_qual is given for a blank launched"
    assert reasons[6] == "intercepted (45) exceeds launched (40)"
    # "at least 40 launched, at least 45 intercepted" is possible: it loads.
    assert data.events["attack_id"].tolist() == ["d"]


def test_cli_fatal_error_is_one_line(tmp_path, capsys):
    status = main(["validate", str(tmp_path / "nope.csv")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "nope.csv: no such file" in err
    assert "Traceback" not in err


def test_cli_validate_with_quarantine(tmp_path, capsys):
    path = write(tmp_path, af(GOOD, "2024-01-23,2024-01-23 08:00,Kalibr,4,9,,s"))
    out_csv = tmp_path / "q.csv"
    assert main(["validate", str(path), "--quarantine", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "rows read 2  loaded 1  quarantined 1" in out
    q = pd.read_csv(out_csv)
    assert q["reason"].tolist() == ["destroyed (9) exceeds launched (4)"]


def test_quarantine_csv_is_safe_in_a_spreadsheet(tmp_path):
    """A hostile cell lands in the quarantine file escaped, and reads back as written."""
    path = write(tmp_path, af('2024-01-23,2024-01-23 08:00,Kalibr,"=HYPERLINK(""http://x"")",1,,s'))
    out_csv = tmp_path / "q.csv"
    assert main(["validate", str(path), "--quarantine", str(out_csv)]) == 0
    lines = out_csv.read_text().splitlines()
    assert '"\'=HYPERLINK(""http://x"")"' in lines[1]
    from airdef.io.csvsafe import unescape_frame

    back = unescape_frame(pd.read_csv(out_csv, dtype="string"))
    assert back["value"].iloc[0] == '=HYPERLINK("http://x")'
