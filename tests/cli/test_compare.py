"""``airdef compare``: two periods and their difference, with misuse refused."""

from __future__ import annotations

import pytest

import airdef
from airdef.cli import main

SYNTHETIC = str(airdef.sample_path("synthetic.csv"))


def test_two_periods_from_the_real_snapshot(newest_snapshot, capsys):
    # The windows of the WSJ claim (13 May 2024): six months to November 2023 and to April 2024.
    args = ["compare", str(newest_snapshot), "--a", "2023-06-01:2023-11-30",
            "--b", "2023-11-01:2024-04-30", "--by", "weapon_class"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("intercepted rate, a (2023-06-01 to 2023-11-30) against b")
    line = next(row for row in out.splitlines() if row.strip().startswith("cruise_missile"))
    assert "pp" in line and "%" in line
    assert "0.0%-100.0%" not in out  # uninformative rows say so instead


def test_default_windows_and_csv(capsys, tmp_path):
    out = tmp_path / "cmp.csv"
    assert main(["compare", SYNTHETIC, "--days", "60", "--out", str(out), "-q"]) == 0
    table = airdef.io.export.read_table(out)
    assert {"rate_recent", "rate_before", "diff", "diff_low", "diff_high"} <= set(table.columns)
    assert (table["recent_from"] > table["before_to"]).all()  # the windows share no day


@pytest.mark.parametrize(
    ("extra", "option"),
    [
        (["--a", "2024-01-01:2024-02-01"], "--b"),
        (["--a", "2024-01-01", "--b", "2024-02-01:"], "--a"),
        (["--a", "2024-03-01:2024-02-01", "--b", "2024-02-01:"], "--a"),
        (["--a", "soon:later", "--b", "2024-02-01:"], "--a"),
        (["--days", "0"], "--days"),
    ],
)
def test_misuse_is_one_line_naming_the_option(extra, option, capsys):
    assert main(["compare", SYNTHETIC, *extra]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("airdef compare: error: ") and option in err[-1]


def test_a_difference_over_a_period_with_too_few_attacks_gives_no_interval(newest_snapshot, capsys):
    # the default 90-day windows of the 2026-06 snapshot: both ballistic-missile periods
    # rest on too few independent attacks, so their difference's interval says nothing
    assert main(["compare", str(newest_snapshot)]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if row.strip().startswith("ballistic_missile"))
    assert line.count("too few independent attacks") == 3 and " to " not in line
    drones = next(row for row in out.splitlines() if row.strip().startswith("strike_drone"))
    assert " to " in drones and "too few" not in drones
