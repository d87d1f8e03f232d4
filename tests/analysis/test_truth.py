"""Estimated rates of synthetic data against the rates they were simulated with."""

from __future__ import annotations

import airdef
from airdef.analysis import truth_comparison


def test_truth_rows_and_coverage_flag():
    spec = airdef.SimulationSpec(months=3)
    data = airdef.simulate(spec, seed=1)
    table = truth_comparison(data, airdef.true_rates(spec))
    assert len(table) > 0 and (table["launched"] > 0).all()
    inside = (table["ci_low"] <= table["reported_rate"]) & (
        table["reported_rate"] <= table["ci_high"]
    )
    assert (table["covered"] == inside).all()
    # most 95% intervals of a correct simulation contain the reported rate
    assert table["covered"].mean() >= 0.6


def test_no_synthetic_rows_gives_an_empty_table():
    spec = airdef.SimulationSpec(months=3)
    real = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
    table = truth_comparison(real, airdef.true_rates(spec))
    assert table.empty and "covered" in table.columns
