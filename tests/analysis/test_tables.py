"""Shared helpers of the analysis: class order, main class, figure rows, selection."""

from __future__ import annotations

import pandas as pd

import airdef
from airdef.analysis.tables import class_order, figure_rows, selection_summary
from airdef.catalog import WEAPON_CLASSES


def test_class_order_follows_the_catalog_and_puts_strangers_last():
    frame = pd.DataFrame({"weapon_class": [WEAPON_CLASSES[2], "nonsense", WEAPON_CLASSES[0]]})
    assert class_order(frame).tolist() == [2, len(WEAPON_CLASSES), 0]


def test_figure_rows_falls_back_to_any_launch_and_caps():
    few = pd.DataFrame({"weapon": list("ab"), "launched": [3, 0]})
    assert figure_rows(few)["weapon"].tolist() == ["a"]
    many = pd.DataFrame({"weapon": [str(i) for i in range(40)], "launched": range(10, 50)})
    kept = figure_rows(many, max_rows=5)
    assert kept["weapon"].tolist() == ["35", "36", "37", "38", "39"]


def test_selection_counts_the_left_out_reporters(newest_snapshot):
    data = airdef.load(newest_snapshot)
    national = data.select(source="national")
    sel = selection_summary(data, national, None, None)
    assert sel["rows_kept"] == len(national.events) < sel["rows_all"]
    assert sum(sel["excluded_reporters"].values()) == sel["rows_period"] - sel["rows_kept"]
    assert "PvKPivden" in sel["excluded_reporters"]  # a regional command (kills only)


def test_partial_months_at_both_ends_and_within_one_month():
    from airdef.analysis.tables import partial_months

    # the 2026-06 snapshot runs from 2022-09-28 to 2026-06-07 (its first and last reports)
    both = partial_months(pd.Timestamp("2022-09-28 08:30"), pd.Timestamp("2026-06-07 08:30"))
    assert both["days"].tolist() == [3, 7]
    full = partial_months(pd.Timestamp("2024-01-01 07:00"), pd.Timestamp("2024-03-31 09:00"))
    assert full.empty
    one = partial_months(pd.Timestamp("2024-02-03"), pd.Timestamp("2024-02-10"))
    assert one["days"].tolist() == [8]
    assert partial_months(None, None).empty


def test_window_dates_take_whole_days_from_first_to_last():
    from airdef.analysis.tables import window_dates

    ev = pd.DataFrame({"time_start": pd.NaT, "time_end": pd.to_datetime(
        ["2026-03-08 23:30", "2026-03-09 08:30", "2026-03-10 08:30", "2026-06-08 00:10"])})  # fmt: skip
    # the days of compare_periods' before_from and before_to, both included
    first, last = window_dates(ev, pd.Timestamp("2026-03-09"), pd.Timestamp("2026-06-07"))
    assert (first, last) == (pd.Timestamp("2026-03-09 08:30"), pd.Timestamp("2026-03-10 08:30"))
