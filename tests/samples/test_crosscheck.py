"""Agreement of compiled figures with a reference table."""

from __future__ import annotations

import pandas as pd

from airdef.model import StrikeData
from airdef.samples.crosscheck import agrees, cross_check


def test_agreement_follows_the_qualifier():
    value = pd.Series([71, 71, 30, 30, 90, 90, 5, 5])
    qual = pd.Series(
        ["at_least", "at_least", "at_most", "at_most", "approx", "approx", "exact", "exact"]
    )
    ref = pd.Series([71, 70, 30, 31, 94, 95, 5, None])
    # approx: within 5% of 90 (4.5) -> 94 agrees, 95 does not; a blank reference never agrees
    assert agrees(value, qual, ref).tolist() == [True, False, True, False, True, False, True, False]


def events(rows):
    frame = pd.DataFrame(
        rows,
        columns=[
            "time_start",
            "weapon_label",
            "weapon_class",
            "launched",
            "launched_qual",
            "intercepted",
            "intercepted_qual",
        ],
    )
    frame["time_start"] = pd.to_datetime(frame["time_start"])
    frame["time_end"] = pd.NaT
    frame["part_of"] = pd.NA
    for col in ("launched", "intercepted"):
        frame[col] = frame[col].astype("Int64")
    return StrikeData(events=frame)


def test_press_drone_total_may_match_the_reference_total_of_all_drones():
    mine = events([["2023-10-23", "drones", "strike_drone", 14, "exact", 14, "exact"]])
    ref = events(
        [
            ["2023-10-23", "Shahed-136/131", "strike_drone", 13, "exact", 13, "exact"],
            ["2023-10-23", "Unknown UAV", "unknown", 1, "exact", 1, "exact"],
        ]
    )
    out = cross_check(mine, ref)
    assert out["group"].tolist() == ["strike_drone"] and out["agrees"].tolist() == [True]


def test_untyped_missiles_are_compared_with_the_night_total():
    mine = events([["2023-01-26", "missiles", "unknown", 55, "exact", 47, "exact"]])
    ref = events(
        [
            ["2023-01-26", "Kh-101", "cruise_missile", 49, "exact", 44, "exact"],
            ["2023-01-26", "Kinzhal", "ballistic_missile", 6, "exact", 3, "exact"],
        ]
    )
    out = cross_check(mine, ref)
    assert out[["group", "ref_launched", "ref_intercepted"]].values.tolist() == [
        ["missiles", 55, 47]
    ]
    assert out["agrees"].all()
