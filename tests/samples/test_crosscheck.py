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
    ref = pd.Series([70, 69, 30, 31, 94, 95, 5, None])
    # at_least 71 is "more than 70" by the corpus rule, so a table's 70 agrees and 69
    # does not; approx: within 5% of 90 (4.5) -> 94 agrees, 95 does not; a blank
    # reference never agrees
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


def windows(rows):
    """Reference rows: start, end, label, class, launched, intercepted, suppressed."""
    cols = ["time_start", "time_end", "weapon_label", "weapon_class", "launched"]
    frame = pd.DataFrame(rows, columns=[*cols, "intercepted", "suppressed"])
    for col in ("time_start", "time_end"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("launched", "intercepted", "suppressed"):
        frame[col] = frame[col].astype("Int64")
    frame = frame.assign(launched_qual="exact", intercepted_qual="exact", part_of=pd.NA)
    return StrikeData(events=frame)


def test_an_overnight_tally_may_match_one_reporting_window_of_the_day():
    # Air Force table, 1 January 2024: 90/87 Shaheds overnight, 10/9 in a daytime report
    mine = events([["2024-01-01", "Shahed drones", "strike_drone", 90, "exact", 87, "exact"]])
    ref = windows(
        [
            [
                "2024-01-01 00:00",
                "2024-01-01 08:00",
                "Shahed-136/131",
                "strike_drone",
                90,
                87,
                None,
            ],
            ["2024-01-01 14:00", "2024-01-01 19:00", "Shahed-136/131", "strike_drone", 10, 9, None],
        ]
    )
    out = cross_check(mine, ref)
    assert out[["ref_launched", "ref_intercepted", "matched"]].values.tolist() == [
        [100, 96, "window"]
    ]
    # a figure matching neither the day nor a window still disagrees
    wrong = events([["2024-01-01", "Shahed drones", "strike_drone", 95, "exact", 90, "exact"]])
    assert not cross_check(wrong, ref)["agrees"].any()


def test_an_intercept_figure_without_a_split_may_include_suppressed_drones():
    # Air Force table, 26 May 2025: 355 launched, 233 shot down, 55 lost; press: 288 "neutralised"
    ref = windows(
        [["2025-05-25 20:15", "2025-05-26 11:00", "Shahed-136/131", "strike_drone", 355, 233, 55]]
    )
    mine = events([["2025-05-26", "drones", "strike_drone", 355, "exact", 288, "exact"]])
    assert cross_check(mine, ref)["matched"].tolist() == ["day + suppressed"]
    # a page that gives the suppressed count apart must match the shot-down figure itself
    split = mine.events.assign(suppressed=pd.array([55], dtype="Int64"))
    assert not cross_check(StrikeData(events=split), ref)["agrees"].any()


def test_a_count_of_missiles_and_drones_together_is_compared_with_all_air_targets():
    # Air Force table, 24 April 2025: 70 missiles (48 shot down) and 145 drones (64)
    mine = events(
        [
            ["2025-04-24", "projectiles", "mixed", 215, "exact", 112, "exact"],
            ["2025-04-24", "missiles", "mixed", 70, "at_least", None, None],
            ["2025-04-24", "drones", "strike_drone", 145, "at_least", None, None],
        ]
    )
    mine.events.loc[1:, "part_of"] = "projectiles"
    ref = windows(
        [
            ["2025-04-24 00:30", "2025-04-24 06:00", "X-101/X-555", "cruise_missile", 70, 48, None],
            ["2025-04-23 19:00", "2025-04-24 06:30", "Shahed-136/131", "strike_drone", 145, 64, 68],
        ]
    )
    out = cross_check(mine, ref)
    assert out[["group", "ref_launched", "ref_intercepted", "agrees"]].values.tolist() == [
        ["air_targets", 215, 112, True]
    ]
