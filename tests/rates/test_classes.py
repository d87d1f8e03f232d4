"""airdef.rates.main_class: the weapon class with most launches per group."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.rates import main_class


def test_most_launches_wins_and_blank_launched_counts_as_none():
    ev = pd.DataFrame(
        {
            "weapon": ["Kh-59/69", "Kh-59/69", "Kh-59/69", "X"],
            "weapon_class": ["guided_missile", "cruise_missile", "guided_missile", None],
            "launched": [2, 5, None, None],
        }
    )
    out = main_class(ev)
    # 5 cruise launches against 2 known guided launches (the blank row counts as none)
    assert out["Kh-59/69"] == "cruise_missile"
    # a blank class is "unknown", and a group without known launches still gets one
    assert out["X"] == "unknown"


def test_ties_go_to_more_rows_then_first_seen():
    ev = pd.DataFrame(
        {
            "weapon": ["A", "A", "A", "B", "B"],
            "weapon_class": ["c1", "c2", "c2", "c3", "c4"],
            "launched": [4, 2, 2, 0, 0],
        }
    )
    out = main_class(ev)
    assert out["A"] == "c2"  # 4 launches each; c2 has two rows
    assert out["B"] == "c3"  # no launches, one row each: the first seen


def test_several_columns_give_a_multiindex():
    ev = pd.DataFrame(
        {
            "weapon": ["A", "A", "B"],
            "reporter": ["r1", "r2", "r1"],
            "weapon_class": ["c1", "c2", "c3"],
            "launched": [1, 3, 2],
        }
    )
    out = main_class(ev, by=["weapon", "reporter"])
    assert out.loc[("A", "r2")] == "c2"
    assert list(out.index.names) == ["weapon", "reporter"]


def test_on_the_bundled_sample_every_weapon_has_a_class():
    data = airdef.load(airdef.sample_path("synthetic.csv"))
    out = airdef.main_class(data)
    assert set(out.index) == set(data.events["weapon"].astype("string").fillna("(missing)"))
    assert out.notna().all()


def test_bad_arguments():
    with pytest.raises(ValueError, match="by must name at least one column"):
        main_class(pd.DataFrame({"weapon_class": [], "launched": []}), by=[])
    with pytest.raises(ValueError, match="data lacks the column"):
        main_class(pd.DataFrame({"weapon": ["A"]}))
