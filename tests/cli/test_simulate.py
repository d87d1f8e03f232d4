"""airdef simulate on the command line."""

from __future__ import annotations

import dataclasses

import pandas as pd

import airdef
from airdef.cli import main
from airdef.model import EVENT_SCHEMA
from airdef.synthetic import SimulationSpec, read_truth, simulate, true_rates

#: Columns compared between what was simulated and what was written and read back.
COMPARED = [c for c in EVENT_SCHEMA if c not in ("origin", "source_row")]


def test_cli_writes_and_says_what(tmp_path, capsys):
    out = tmp_path / "sim.csv"
    assert main(["simulate", "--out", str(out), "--months", "2", "--seed", "3"]) == 0
    printed = capsys.readouterr().out.splitlines()
    data = simulate(months=2, seed=3)
    assert printed[0] == (
        f"wrote {out} ({len(data.events)} events in {data.attacks} attacks, "
        "2024-07-01 to 2024-08-31)"
    )
    assert (
        printed[1]
        == f"wrote {tmp_path / 'sim.casualties.csv'} ({len(data.casualties)} casualty rows)"
    )
    assert printed[2] == f"wrote {tmp_path / 'sim.truth.csv'} (true rates of 11 weapon types)"
    loaded = airdef.load(out)
    pd.testing.assert_frame_equal(loaded.events[COMPARED], data.events[COMPARED])


def test_cli_options_reach_the_spec(tmp_path, capsys):
    out = tmp_path / "sim.csv"
    args = ["simulate", "--out", str(out), "--months", "4", "--start", "2025-01-01"]
    args += ["--ew-fold-month", "2", "--no-regional", "--seed", "1"]
    assert main(args) == 0
    spec = dataclasses.replace(
        SimulationSpec(), months=4, start="2025-01-01", ew_fold_month=2, regional=None
    )
    pd.testing.assert_frame_equal(read_truth(out), true_rates(spec))
    assert (airdef.load(out).events["reporter"] == "synthetic").all()


def test_cli_bad_months(tmp_path, capsys):
    assert main(["simulate", "--out", str(tmp_path / "x.csv"), "--months", "0"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: airdef simulate")
    assert err[-1] == "airdef simulate: error: --months must be a whole number from 1 to 240, not 0"
    assert not (tmp_path / "x.csv").exists()
