"""interception_rates: the analyst-facing table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef.rates import RATE_COLUMNS, interception_rates
from airdef.stats.binomial import binomial_ci


@pytest.fixture
def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "attack_id": ["a", "a", "b", "b", "c", "c", "d"],
            "weapon": [
                "Shahed-136/131",
                "Kalibr",
                "Shahed-136/131",
                "Kalibr",
                "Shahed-136/131",
                "Kalibr",
                "Kalibr",
            ],
            "weapon_class": ["strike_drone", "cruise_missile"] * 3 + ["cruise_missile"],
            "launched": pd.array([40, 6, 25, 4, 60, None, 8], dtype="Int64"),
            "launched_qual": ["exact", "exact", "exact", "at_least", "exact", None, "exact"],
            "intercepted": pd.array([35, 5, 20, 4, 41, 3, None], dtype="Int64"),
            "intercepted_qual": ["exact", "exact", "exact", "exact", "exact", "exact", None],
            "suppressed": pd.array([3, None, 2, None, None, None, None], dtype="Int64"),
            "region": ["south", "south", "north", "north", "south", "south", "north"],
        }
    )


def test_columns_are_fixed(events):
    table = interception_rates(events, by="weapon_class", method="wilson")
    assert list(table.columns) == ["weapon_class", *RATE_COLUMNS]
    pooled = interception_rates(events, by="weapon", method="wilson", pooled=True)
    assert list(pooled.columns)[-3:] == ["rate_pooled", "ci_low_pooled", "ci_high_pooled"]


def test_counts_exclusions_and_censoring(events):
    t = interception_rates(events, by="weapon_class", method="wilson").set_index("weapon_class")
    # cruise: rows a (6/5), b (4/4, launched "at least"), c and d have an unknown count.
    assert t.loc[
        "cruise_missile", ["attacks", "launched", "intercepted", "excluded", "censored"]
    ].tolist() == [
        2,
        10,
        9,
        2,
        1,
    ]
    # drones: attacks a, b, c; launched 40 + 25 + 60 = 125, intercepted 35 + 20 + 41 = 96
    assert t.loc["strike_drone", ["attacks", "launched", "intercepted", "excluded"]].tolist() == [
        3,
        125,
        96,
        0,
    ]
    assert t.loc["strike_drone", "rate"] == pytest.approx(96 / 125)


@pytest.mark.parametrize(
    "method", ["wilson", "clopper_pearson", "jeffreys", "agresti_coull", "likelihood"]
)
def test_binomial_methods_use_pooled_counts(events, method):
    t = interception_rates(events, by="weapon_class", method=method)
    low, high = binomial_ci(t["intercepted"].astype(int), t["launched"].astype(int), method=method)
    np.testing.assert_allclose(t["ci_low"], low, atol=1e-12)
    np.testing.assert_allclose(t["ci_high"], high, atol=1e-12)
    assert (t["method"] == method).all()


def test_any_by_column_and_overall(events):
    t = interception_rates(events, by=["region", "weapon_class"], method="wilson")
    assert len(t) == 4
    overall = interception_rates(events, by=[], method="wilson")
    assert overall[["launched", "intercepted"]].iloc[0].tolist() == [135, 105]


def test_strikedata_and_dataframe_agree(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    a = interception_rates(data, by="weapon_class")
    b = interception_rates(data.events, by="weapon_class")
    pd.testing.assert_frame_equal(a, b)


def test_neutralized_adds_suppressed(events):
    t = interception_rates(events, by="weapon_class", outcome="neutralized", method="wilson")
    drones = t.set_index("weapon_class").loc["strike_drone"]
    assert drones["intercepted"] == 96 + 3 + 2  # blank suppressed adds nothing
    assert drones["outcome"] == "neutralized"


def test_neutralized_overcount_is_excluded():
    ev = pd.DataFrame(
        {
            "attack_id": ["x", "y"],
            "weapon_class": "strike_drone",
            "launched": [16, 10],
            "intercepted": [15, 5],
            "suppressed": [11, 2],
        }
    )
    t = interception_rates(ev, by="weapon_class", outcome="neutralized", method="wilson")
    assert t[["launched", "intercepted", "excluded"]].iloc[0].tolist() == [10, 7, 1]


def test_sums_match_plain_groupby(newest_snapshot):
    data = airdef.load(newest_snapshot)
    t = interception_rates(data, by="weapon", method="wilson", kills_only="include")
    t = t.set_index("weapon")
    ev = data.events.dropna(subset=["launched", "intercepted"])
    plain = ev.groupby("weapon")[["launched", "intercepted"]].sum()
    assert (t.loc[plain.index, "launched"] == plain["launched"]).all()
    assert (t.loc[plain.index, "intercepted"] == plain["intercepted"]).all()


def test_method_reported_per_row_and_auto(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    t = interception_rates(data, by="weapon")
    assert set(t["method"]) <= {"attack_level", "korn_graubard", "none"}
    single = t.loc[t["attacks"] == 1]
    assert (single["method"] == "attack_level").all()  # one attack: nothing to cluster
    assert not single["reliable"].any()
    ok = t["launched"] > 0
    assert (
        (t.loc[ok, "ci_low"] <= t.loc[ok, "rate"] + 1e-12)
        & (t.loc[ok, "rate"] <= t.loc[ok, "ci_high"] + 1e-12)
    ).all()


def test_clustered_intervals_are_not_narrower_than_wilson(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    auto = interception_rates(data, by="weapon_class")
    wilson = interception_rates(data, by="weapon_class", method="wilson")
    clustered = auto["method"] != "wilson"
    width_auto = (auto["ci_high"] - auto["ci_low"])[clustered]
    width_wilson = (wilson["ci_high"] - wilson["ci_low"])[clustered]
    assert (width_auto >= width_wilson - 1e-9).all()


def test_pooling_moves_rare_weapons_most(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    t = interception_rates(data, by="weapon", pooled=True).set_index("weapon")
    shahed = t.loc["Shahed-136/131"]
    assert abs(shahed["rate_pooled"] - shahed["rate"]) < 0.005  # 100,000 launches barely move
    kn23 = t.loc["KN-23"]  # 8 launched, 2 intercepted
    assert kn23["ci_high_pooled"] - kn23["ci_low_pooled"] > 0.1
    assert 0 <= kn23["ci_low_pooled"] <= kn23["rate_pooled"] <= kn23["ci_high_pooled"] <= 1


def test_break_is_noted_on_the_shahed_row(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    t = interception_rates(data, by="weapon").set_index("weapon")
    assert "from 2026-01 suppressed (EW) counted in intercepted" in t.loc["Shahed-136/131", "note"]
    assert t.loc["Kalibr", "note"] == ""


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": "magic"}, "unknown method 'magic'; valid methods: auto, "),
        ({"outcome": "hit"}, "outcome must be one of intercepted, neutralized"),
        ({"confidence_level": 1.5}, "confidence_level must be strictly between 0 and 1"),
        ({"by": "no_such_column"}, "data lacks the column"),
    ],
)
def test_bad_arguments(events, kwargs, message):
    with pytest.raises(ValueError, match=message):
        interception_rates(events, **kwargs)


def test_empty_data_gives_empty_table():
    t = interception_rates(airdef.StrikeData(), by="weapon_class")
    assert len(t) == 0 and list(t.columns) == ["weapon_class", *RATE_COLUMNS]
