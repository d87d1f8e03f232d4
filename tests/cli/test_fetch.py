"""airdef fetch on the command line: --quiet and a folder option given a file."""

from __future__ import annotations

from airdef.cli import main


def test_quiet_fetch_prints_nothing(newest_snapshot, tmp_path, capsys):
    out = tmp_path / "raw"
    assert main(["fetch", "--url", newest_snapshot.as_uri(), "--out", str(out), "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (out / "missile_attacks_daily.csv").stat().st_size == newest_snapshot.stat().st_size


def test_fetch_says_what_it_wrote(newest_snapshot, tmp_path, capsys):
    out = tmp_path / "raw"
    assert main(["fetch", "--url", newest_snapshot.as_uri(), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"wrote {out / 'missile_attacks_daily.csv'} (")
    assert lines[-1].startswith("licence unverified")
