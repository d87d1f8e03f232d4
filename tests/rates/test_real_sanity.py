"""Sanity of the rate tables on the real Air Force snapshots (read in place)."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.rates import interception_rates, mover_diff

MISSILES = ["cruise_missile", "ballistic_missile", "anti_aircraft_missile"]


@pytest.fixture
def halves(newest_snapshot) -> pd.DataFrame:
    """National missile rows with a half-year column (2023H1, 2023H2, ...)."""
    events = airdef.load(newest_snapshot).select(source="national").events
    missiles = events.loc[events["weapon_class"].isin(MISSILES)].copy()
    end = missiles["time_end"]
    missiles["half"] = end.dt.year.astype(str) + "H" + (1 + (end.dt.month > 6)).astype(str)
    return missiles


def test_missile_rates_2023_and_2024_differ(halves):
    """National missile interception fell from the first half of 2023 to the first half of 2024.

    With binomial (Wilson) intervals, which treat every missile as independent, the two
    half-years do not overlap. airdef's clustered intervals are wider (missiles of one
    attack share its fate, and the variance rests on the few attacks that carry most
    missiles): the 95% interval of the difference built from them reaches just below
    zero (measured -0.008 to 0.384 on the 2026-06 snapshot), and the 90% one excludes it
    (0.032 to 0.353): a fall of 20 points, clear at 90% and borderline at 95%.
    """
    wilson = interception_rates(halves, by="half", method="wilson").set_index("half")
    early, late = wilson.loc["2023H1"], wilson.loc["2024H1"]
    assert early["rate"] - late["rate"] > 0.15
    assert late["ci_high"] < early["ci_low"]  # non-overlapping binomial intervals

    auto = interception_rates(halves, by="half").set_index("half")
    early, late = auto.loc["2023H1"], auto.loc["2024H1"]
    assert early["method"] == late["method"] == "korn_graubard"
    assert early["ci_high"] - early["ci_low"] > 2 * (
        wilson.loc["2023H1", "ci_high"] - wilson.loc["2023H1", "ci_low"]
    )
    low, high = mover_diff(
        early["rate"],
        early["ci_low"],
        early["ci_high"],
        late["rate"],
        late["ci_low"],
        late["ci_high"],
    )
    assert -0.05 < low < early["rate"] - late["rate"] < high
    at90 = interception_rates(halves, by="half", confidence_level=0.9).set_index("half")
    early, late = at90.loc["2023H1"], at90.loc["2024H1"]
    low, high = mover_diff(
        early["rate"],
        early["ci_low"],
        early["ci_high"],
        late["rate"],
        late["ci_low"],
        late["ci_high"],
    )
    assert 0 < low < early["rate"] - late["rate"] < high


def test_every_half_year_has_a_sensible_interval(halves):
    table = interception_rates(halves, by="half")
    assert (table["ci_low"] <= table["rate"]).all() and (table["rate"] <= table["ci_high"]).all()
    assert table["attacks"].min() >= 19


def test_shahed_definition_break_is_flagged(newest_snapshot):
    """The 2026 jump of the Shahed rate is a change of definition, and airdef says so."""
    data = airdef.load(newest_snapshot).select(source="national")
    ev = data.events.loc[data.events["weapon"] == "Shahed-136/131"].copy()
    ev["year"] = ev["time_end"].dt.year.astype(str)
    by_year = interception_rates(ev, by="year").set_index("year")
    assert (
        by_year.loc["2026", "rate"] - by_year.loc["2025", "rate"] > 0.15
    )  # README: ~0.68 -> ~0.89
    # ... but counting suppressed drones in 2025 too, most of the jump disappears.
    neutral = interception_rates(ev, by="year", outcome="neutralized").set_index("year")
    assert abs(neutral.loc["2026", "rate"] - neutral.loc["2025", "rate"]) < 0.05
    whole = interception_rates(data, by="weapon").set_index("weapon")
    assert (
        "from 2025-08 suppressed (EW) counted in intercepted" in whole.loc["Shahed-136/131", "note"]
    )
