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
    assert "from 2025-08 suppressed (EW) counted in intercepted" in t.loc["Shahed-136/131", "note"]
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


def test_neutralized_beside_intercepted(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    ev = data.events.loc[data.events["weapon"] == "Shahed-136/131"].copy()
    ev["month"] = ev["time_end"].dt.strftime("%Y-%m")
    t = interception_rates(ev, by="month", neutralized=True).set_index("month")
    # Data: July 2025 3,541 shot down + 2,023 suppressed of 6,297; August 2025 3,445
    # "shot down/suppressed" of 4,132 (one figure from then on).
    assert t.loc["2025-07", "neutralized"] == 3541 + 2023
    assert t.loc["2025-07", "rate"] == pytest.approx(3541 / 6297)
    assert t.loc["2025-08", "neutralized_rate"] == pytest.approx(3445 / 4132)
    assert t.loc["2025-08", "neutralized_rate"] == t.loc["2025-08", "rate"]
    # the intercepted-only rate jumps 0.56 -> 0.83; the neutralized rate does not
    jump = t.loc["2025-08", "rate"] - t.loc["2025-07", "rate"]
    step = t.loc["2025-08", "neutralized_rate"] - t.loc["2025-07", "neutralized_rate"]
    assert jump > 0.25 and abs(step) < 0.06
    with pytest.raises(ValueError, match="neutralized=True adds"):
        interception_rates(ev, outcome="neutralized", neutralized=True)


def test_kills_only_rows_are_not_launches():
    # The audit: recon drones 253/257 = 0.984 with regional kills-only rows counted as
    # launches; the synthetic truth is 0.90 and the national rows alone give 0.889.
    data = airdef.load(airdef.sample_path("synthetic.csv"))
    t = interception_rates(data, by="weapon_class").set_index("weapon_class")
    recon = t.loc["recon_drone"]
    assert recon["rate"] == pytest.approx(32 / 36)  # national rows, by hand
    assert recon["kills_only"] > 0
    both = interception_rates(data, by="weapon_class", kills_only="include")
    assert both.set_index("weapon_class").loc["recon_drone", "rate"] > 0.95


def test_rows_without_attack_id_are_attacks_of_their_own():
    # The audit: six rows without ids became one cluster (Wilson 0.377-0.623).
    ev = pd.DataFrame(
        {
            "attack_id": [None] * 6,
            "weapon_class": "cruise_missile",
            "launched": [10] * 6,
            "intercepted": [0, 10, 0, 10, 0, 10],
        }
    )
    t = interception_rates(ev, by="weapon_class")
    assert t.loc[0, "attacks"] == 6
    assert t.loc[0, "ci_low"] < 0.2 and t.loc[0, "ci_high"] > 0.8


def test_group_with_every_row_excluded_is_blank_not_zero():
    ev = pd.DataFrame(
        {
            "attack_id": ["a", "b"],
            "weapon": ["Kalibr", "Kh-101"],
            "launched": [None, 10],
            "intercepted": [3, 8],
        }
    )
    t = interception_rates(ev).set_index("weapon")
    assert pd.isna(t.loc["Kalibr", "launched"]) and pd.isna(t.loc["Kalibr", "intercepted"])
    assert t.loc["Kalibr", "excluded"] == 1
    assert t.loc["Kh-101", "launched"] == 10


def test_censored_counts_widen_the_interval():
    # The audit: "more than 40 launched, 38 intercepted" was used as 38/41 exactly.
    ev = pd.DataFrame(
        {
            "attack_id": ["a", "b", "c"],
            "weapon": "Shahed-136/131",
            "launched": [41, 30, 20],
            "launched_qual": ["at_least", "exact", "exact"],
            "intercepted": [38, 25, 15],
            "intercepted_qual": "exact",
        }
    )
    t = interception_rates(ev, method="wilson").iloc[0]
    exact = interception_rates(ev.assign(launched_qual="exact"), method="wilson").iloc[0]
    assert t["censored"] == 1 and t["censor_widening"] > 0
    assert t["ci_low"] < exact["ci_low"] and t["ci_high"] >= exact["ci_high"]
    assert t["rate"] == exact["rate"]  # the point estimate uses the counts as stated
    # the widened interval holds the Wilson interval at the lowest rate the bounds
    # allow: at least 41 read as 41 to 49 (CENSOR_SPAN 0.2), so 78 of 99
    from airdef.stats.binomial import binomial_ci

    low, _ = binomial_ci(78, 99)
    assert t["ci_low"] == pytest.approx(low, rel=1e-12)
    assert t["censor_widening"] == pytest.approx(
        (t["ci_high"] - t["ci_low"]) - (exact["ci_high"] - exact["ci_low"])
    )
    assert exact["censor_widening"] == 0
