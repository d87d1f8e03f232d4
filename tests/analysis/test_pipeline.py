"""The analysis stage: one result object, the same numbers as the library, no rendering."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import airdef
from airdef.analysis import (
    PROJECTION_FIELDS,
    RATE_FIELDS,
    Analysis,
    Problem,
    ReportOptions,
    analyse,
    prepare_analysis,
)
from airdef.analysis.pipeline import methods_used


@pytest.fixture(scope="module")
def sample():
    return airdef.load(airdef.sample_path("attack_2024-01-23.csv"))


@pytest.fixture(scope="module")
def result(sample) -> Analysis:
    return analyse(sample, ReportOptions(draws=500))


def test_rates_are_those_of_the_library(sample, result):
    # expected: airdef.interception_rates on the same selection, the one estimator of rates
    expected = airdef.interception_rates(sample.select(source="national"), by="weapon_class")
    got = result.by_class.set_index("weapon_class").loc[expected["weapon_class"]]
    assert got["rate"].to_numpy() == pytest.approx(expected["rate"].to_numpy())
    assert got["ci_low"].to_numpy() == pytest.approx(expected["ci_low"].to_numpy())
    assert int(result.overall["launched"].iloc[0]) == 41  # the sample file's launched total


def test_every_field_group_is_filled(result):
    assert result.usable and result.problems == {}
    for name in RATE_FIELDS + PROJECTION_FIELDS:
        assert hasattr(result, name)
    assert result.needs is not None and result.forecast is not None
    assert result.fan_draws == 500  # the fan uses the draws of the tables
    assert result.needs.draws == 500 and result.needs.seed == 0  # ReportOptions(draws=500)
    assert result.needs.price_year > 0 and result.needs.currency == "USD"
    # the projection's own launch model is the forecast's: the same classes in the same order
    assert result.forecast["weapon_class"].tolist() == result.needs.threats["weapon_class"].tolist()
    assert result.supply is not None and result.budget is not None
    assert result.exchange is not None and result.sensitivity.runs > 0
    assert result.inputs[0]["path"] == "bundled sample attack_2024-01-23.csv"


def test_needs_per_system_is_the_needs_engine_summary(result):
    from airdef.needs import needs_by_system

    pd.testing.assert_frame_equal(result.needs_systems, needs_by_system(result.needs))


def test_projection_results_carry_no_sentences_in_attrs(result):
    frames = [result.needs.table, result.needs.assumptions, result.forecast, result.fan,
              result.supply.summary, result.budget, result.exchange, result.sensitivity.top]  # fmt: skip
    assert all(f.attrs == {} for f in frames)


def test_options_reach_the_tables(sample):
    wide = analyse(sample, ReportOptions(draws=200, confidence_level=0.99, compare_days=30))
    narrow = analyse(sample, ReportOptions(draws=200, confidence_level=0.8, compare_days=30))
    w = wide.overall.iloc[0]
    n = narrow.overall.iloc[0]
    assert w["ci_low"] < n["ci_low"] <= n["ci_high"] < w["ci_high"]
    assert (wide.compare["recent_to"] - wide.compare["recent_from"]).dt.days.max() <= 30


def test_problems_are_codes_not_sentences(tmp_path):
    empty = prepare_analysis(airdef.StrikeData())
    assert empty.problems == {"data": Problem("no-rows")} and not empty.usable
    with pytest.raises(ValueError, match="unknown problem code 'nope'; valid codes: no-rows"):
        Problem("nope")


def test_nothing_selected_is_its_own_problem(sample):
    result = prepare_analysis(sample, ReportOptions(since="2030-01-01"))
    assert result.problems["data"].code == "nothing-selected"


def test_methods_used_in_order_without_none():
    tables = [pd.DataFrame({"method": ["wilson", "none"], "method_recent": ["bootstrap", None]})]
    assert methods_used(tables) == ["wilson", "bootstrap"]
    assert methods_used([None]) == []


def test_analysis_imports_no_rendering():
    code = (
        "import sys, airdef\n"
        "from airdef.analysis import analyse, ReportOptions\n"
        "analyse(airdef.load(airdef.sample_path('attack_2024-01-23.csv')), ReportOptions(draws=100))\n"
        "bad = [m for m in ('jinja2', 'weasyprint', 'matplotlib', 'seaborn', 'airdef.report',"
        " 'airdef.figures') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_weapons_with_enough_attacks_get_monthly_trends(snapshot):
    """Shahed, Kh-101/Kh-555, Kalibr, Iskander-M and Kinzhal each have a series of their own."""
    from airdef.analysis import analyse_rates, prepare_analysis
    from airdef.analysis.pipeline import TREND_MAX_WEAPONS, TREND_MIN_ATTACKS

    a = analyse_rates(prepare_analysis(airdef.load(snapshot)))
    weapons = a.weapon_trend["weapon"].tolist()
    assert {"Shahed-136/131", "Kh-101/Kh-555", "Kalibr", "Iskander-M", "Kh-47M2 Kinzhal"} <= set(
        weapons
    )
    assert (
        len(weapons) <= TREND_MAX_WEAPONS and (a.weapon_trend["attacks"] >= TREND_MIN_ATTACKS).all()
    )
    assert weapons[0] == "Shahed-136/131"  # most launched first
    periods = a.weapon_periods
    assert set(periods["weapon"]) == set(weapons) and periods["weapon_class"].notna().all()
    # the monthly series add up to the weapon's whole-period launches
    whole = a.by_weapon.set_index("weapon")["launched"]
    by_month = periods.groupby("weapon")["launched"].sum()
    assert (by_month == whole.reindex(by_month.index)).all()
