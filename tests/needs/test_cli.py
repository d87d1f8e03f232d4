"""``airdef needs`` on the command line."""

from __future__ import annotations

import io
import json

import pandas as pd

from airdef.cli import main


def test_needs_prints_a_table_on_the_real_snapshot(newest_snapshot, capsys):
    status = main(["needs", str(newest_snapshot), "--draws", "2000", "--target-rate", "0.9"])
    out, err = capsys.readouterr()
    assert status == 0
    assert err == ""
    assert "Interceptors fired over the next 30 days" in out
    assert "Patriot PAC-3 MSE" in out and "Interceptor drones" in out
    # thousands separators in counts and costs
    assert any("," in line and "Interceptor drones" in line for line in out.splitlines())
    assert "To reach an interception rate of 90% in every class" in out
    assert "Threats over the next 30 days" in out
    assert "Per-shot kill probability implied by the observed rate" in out
    assert "Assumptions" in out and "every number below is an assumption" in out
    assert "illustrative assumption, no public source" in out


def test_needs_csv_and_json(newest_snapshot, capsys):
    assert main(["needs", str(newest_snapshot), "--draws", "500", "--output", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert {"system", "weapon_class", "fired_median", "cost_high"} <= set(table.columns)
    assert main(["needs", str(newest_snapshot), "--draws", "500", "-o", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["system"] == "Patriot PAC-3 MSE"


def test_needs_with_a_scenario(newest_snapshot, tmp_path, capsys):
    scenario = tmp_path / "scenario.toml"
    scenario.write_text("[launches_per_week]\nballistic_missile = 7\n")
    args = ["needs", str(newest_snapshot), "--scenario", str(scenario), "--horizon", "14"]
    assert main([*args, "--draws", "500", "-o", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    pac3 = table[
        (table["system"] == "Patriot PAC-3 MSE") & (table["weapon_class"] == "ballistic_missile")
    ]
    # 14 ballistic missiles; the bundled doctrine: PAC-3 engages 25% with 2 shots -> 7 shots
    assert pac3["fired_median"].tolist() == [7.0]


def test_bad_doctrine_is_one_line_and_exit_2(newest_snapshot, tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'currency = "USD"\n[systems.s]\nname = "S"\nunit_cost = -1\ncost_year = 2024\n'
        'cost_source = "x"\n[classes.cruise_missile]\nsystems = []\n'
    )
    status = main(["needs", str(newest_snapshot), "--doctrine", str(bad)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("airdef needs: error: ")
    assert f"{bad}: systems.s.unit_cost: must not be negative, not -1" in lines[0]


def test_bad_target_rate_exit_2(newest_snapshot, capsys):
    assert main(["needs", str(newest_snapshot), "--target-rate", "1.5"]) == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith("airdef needs: error: --target-rate must be") and "got 1.5" in err
