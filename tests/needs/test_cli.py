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
    assert main([*args, "--draws", "20000", "-o", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    pac3 = table[
        (table["system"] == "Patriot PAC-3 MSE") & (table["weapon_class"] == "ballistic_missile")
    ]
    # 14 ballistic missiles; the bundled doctrine: PAC-3 engages Binomial(14, 0.25) with 2
    # shots each; the median of 2 x Binomial(14, 0.25) is 2 x 3 = 6 (scipy.stats.binom.median;
    # P(X <= 3) = 0.521, so 20,000 draws are needed to tell it from 4)
    assert pac3["fired_median"].tolist() == [6.0]


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


def test_a_target_of_100_percent_is_unreachable(newest_snapshot, capsys):
    assert main(["needs", str(newest_snapshot), "--target-rate", "1.0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("airdef needs: error: --target-rate") and "unreachable" in err[-1]


def test_supply_budget_exchange_and_sensitivity(newest_snapshot, capsys):
    args = ["needs", str(newest_snapshot), "--draws", "1000", "--supply", "--budget", "250e6",
            "--exchange", "--sensitivity"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Supply against burn from" in out and "runs out" in out
    assert "What 250,000,000 USD (2025 prices) buys" in out
    assert "Cost exchange over the next 30 days" in out
    assert "leaves out the value of what is defended" in out
    assert "Which assumption moves each system's cost most" in out
    assert "Costs in 2025 money" in out
