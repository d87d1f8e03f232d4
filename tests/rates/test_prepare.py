"""Rows whose intercepted figure counts weapons shot down or suppressed as one."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import airdef

# The Air Force's overnight wording since August 2025 (composed for the test).
COMBINED = (
    "У ніч на 23 серпня противник атакував 49 ударними БпЛА типу Shahed. За попередніми "
    "даними, станом на 09:00 збито/подавлено 36 ворожих БпЛА."
)


def read(text: str) -> airdef.StrikeData:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return airdef.parse_report(text, published="2025-08-23")


def test_the_text_reader_marks_the_row():
    ev = read(COMBINED).events
    assert ev[["launched", "intercepted"]].values.tolist() == [[49, 36]]
    assert ev["intercept_definition"].tolist() == ["shot_down_or_suppressed"]
    plain = read("У ніч на 23 серпня противник атакував 49 ударними БпЛА. Збито 36.").events
    assert plain["intercept_definition"].isna().all()


def events(definition: str | None) -> pd.DataFrame:
    n = 12
    return pd.DataFrame({
        "attack_id": [f"a{i}" for i in range(n)], "weapon": "Shahed-136/131",
        "weapon_class": "strike_drone", "launched": 100, "intercepted": 80, "suppressed": pd.NA,
        "intercept_definition": definition,
    })  # fmt: skip


def test_a_combined_figure_is_an_upper_bound_on_weapons_shot_down():
    plain = airdef.interception_rates(events(None), by=[]).iloc[0]
    both = airdef.interception_rates(events("shot_down_or_suppressed"), by=[]).iloc[0]
    assert plain["censored"] == 0 and both["censored"] == 12
    # at most 80 of 100 were shot down: the interval reaches down, not up
    assert both["ci_low"] < plain["ci_low"] and both["ci_high"] == pytest.approx(plain["ci_high"])
    # counted as neutralized, it is exact
    neutral = airdef.interception_rates(
        events("shot_down_or_suppressed"), by=[], outcome="neutralized"
    ).iloc[0]
    assert neutral["censored"] == 0 and neutral["rate"] == pytest.approx(0.8)
