"""airdef validate and airdef load on the command line: the option vocabulary and --quiet."""

from __future__ import annotations

import airdef
from airdef.cli import main

SAMPLE = str(airdef.sample_path("attack_2024-01-23.csv"))


def test_format_for_the_input_still_works_with_a_note(capsys):
    assert main(["validate", SAMPLE, "--format", "canonical"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        "airdef validate: note: --format for the input format is deprecated; use --input-format\n"
    )
    assert "(canonical, sha256" in captured.out


def test_input_format_is_the_name_shown(capsys):
    assert main(["validate", "--help"]) == 0
    text = capsys.readouterr().out
    assert "--input-format" in text and "--format" not in text


def test_validate_quiet_prints_the_counts_only(capsys):
    assert main(["validate", SAMPLE, "--quiet"]) == 0
    # the sample's three rows: one event and two casualty rows (see its two files)
    assert capsys.readouterr().out == "rows read 3  loaded 3  quarantined 0\n"


def test_load_quiet_prints_nothing(tmp_path, capsys):
    out = tmp_path / "x.parquet"
    assert main(["load", SAMPLE, "--out", str(out), "-q", "--input-format", "canonical"]) == 0
    assert capsys.readouterr() == ("", "")
    assert len(airdef.load(out).events) == 1


def test_load_format_alias_with_quiet_has_no_note(tmp_path, capsys):
    assert main(["load", SAMPLE, "--format", "canonical", "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_quarantine_in_any_table_format(tmp_path, capsys):
    import pandas as pd

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "time_start,time_end,model,launched,destroyed,source\n"
        "2024-01-01,2024-01-01 08:00,Kalibr,4,9,x\n"
        "2024-01-02,2024-01-02 08:00,Kalibr,4,3,x\n"
    )
    out = tmp_path / "q.xlsx"
    assert main(["validate", str(bad), "--quarantine", str(out)]) == 0
    assert f"quarantine written to {out} (1 entry)" in capsys.readouterr().out
    table = pd.read_excel(out)
    assert table["reason"].tolist() == ["destroyed (9) exceeds launched (4)"]
