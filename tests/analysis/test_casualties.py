"""Casualty tables: sums over known counts, lower bounds marked, blank never zero."""

from __future__ import annotations

import pandas as pd

from airdef.analysis import casualty_tables


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "attack_id": ["a", "a", "b", "c"],
            "city": ["Kyiv", "Kyiv", "Kyiv", None],
            "district": ["Podil", None, "Podil", None],
            "district_count": [pd.NA, 3, pd.NA, pd.NA],
            "killed": [2, 1, pd.NA, pd.NA],
            "killed_qual": ["exact", "at_least", None, None],
            "injured": [5, 0, 4, pd.NA],
            "injured_qual": ["exact", "exact", "exact", None],
        }
    )


def test_by_city_sums_known_counts_and_marks_bounds():
    by_city, _ = casualty_tables(frame())
    kyiv = by_city.set_index("city").loc["Kyiv"]
    # hand sums of the frame above: killed 2 + 1 (+ blank), injured 5 + 0 + 4
    assert kyiv["attacks"] == 2 and kyiv["killed"] == 3 and kyiv["injured"] == 9
    assert kyiv["killed_at_least"] and not kyiv["injured_at_least"]
    unknown = by_city.set_index("city").loc["(city not given)"]
    assert pd.isna(unknown["killed"]) and pd.isna(unknown["injured"])  # blank is unknown
    assert by_city["city"].iloc[0] == "Kyiv"  # most casualties first


def test_by_district_names_counted_districts():
    _, by_district = casualty_tables(frame())
    assert set(by_district["district"]) == {"Podil", "(3 districts)", "(not given)"}
    podil = by_district.set_index(["city", "district"]).loc[("Kyiv", "Podil")]
    assert podil["killed"] == 2 and podil["injured"] == 9 and podil["killed_at_least"]
