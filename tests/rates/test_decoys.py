"""decoy_share: the Shahed-type share of reported strike drones."""

from __future__ import annotations

import pandas as pd

import airdef
from airdef.model import StrikeData
from airdef.rates import decoy_share


def test_blank_shahed_type_is_unknown_not_zero() -> None:
    ev = pd.DataFrame(
        {
            "attack_id": ["a", "b"],
            "time_end": pd.to_datetime(["2025-09-02 08:00", "2025-09-03 08:00"]),
            "weapon_label": ["Shahed-136/131"] * 2,
            "launched": [100, 100],
            "intercepted": [90, 90],
            "shahed_type": [60, None],
        }
    )
    table = decoy_share(StrikeData(events=ev))
    assert table["launched"].tolist() == [100]  # the blank row is left out, not counted as 0
    assert table["share"].tolist() == [0.6]


def test_no_shahed_type_gives_an_empty_table() -> None:
    data = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
    assert decoy_share(data).empty


def test_real_snapshot_monthly_share(newest_snapshot) -> None:
    data = airdef.load(newest_snapshot).select(source="national")
    table = decoy_share(data)
    raw = pd.read_csv(newest_snapshot)
    raw = raw.loc[raw["is_shahed"].notna()]
    # Totals as plain pandas gives them from the raw file's is_shahed and launched columns.
    assert int(table["shahed_type"].sum()) == int(raw["is_shahed"].sum())
    assert int(table["launched"].sum()) == int(raw["launched"].sum())
    assert table["period"].min() == pd.Timestamp("2025-07-01")  # README: Jul 2025 -> May 2026
    assert table["share"].between(0.5, 0.7).all()  # roughly 6 in 10 reported drones were Shaheds
