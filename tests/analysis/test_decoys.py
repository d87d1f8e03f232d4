"""The share of Shahed-type drones among the strike drones reported, per month, on real data."""

from __future__ import annotations

import pandas as pd

import airdef
from airdef.analysis.decoys import decoy_table


def test_share_per_month_matches_the_raw_file(snapshot):
    raw = pd.read_csv(snapshot)
    data = airdef.load(snapshot).select(source="national")
    table = decoy_table(data)
    if "is_shahed" not in raw:  # the 2025-05 snapshot has no Shahed-type count
        assert table is None
        return
    # pandas on the raw file: national rows with both counts, by the month of time_end
    rows = raw.loc[raw["is_shahed"].notna() & raw["launched"].notna()]
    rows = rows.loc[rows["source"].astype(str).str.contains("kpszsu")]
    month = pd.to_datetime(rows["time_end"], format="mixed").dt.to_period("M")
    raw_share = rows.groupby(month)["is_shahed"].sum() / rows.groupby(month)["launched"].sum()
    got = table.set_index(table["period"].dt.to_period("M"))["share"]
    pd.testing.assert_series_equal(got, raw_share, check_names=False, check_index_type=False)
    # the first month with such counts is July 2025 (the data notes: Jul 2025 -> May 2026)
    assert table["period"].min() == pd.Timestamp("2025-07-01")
    assert table["coverage"].between(0, 1).all()
    assert (table["launched_month"] >= table["launched"]).all()


def test_no_column_no_table():
    data = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
    assert decoy_table(data) is None
