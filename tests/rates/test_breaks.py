"""definition_breaks on the real Air Force snapshots and on hand-made months."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef.rates import definition_breaks


def _national(path):
    return airdef.load(path).select(source="national")


def _dates(breaks, weapon):
    mine = breaks.loc[breaks["weapon"] == weapon]
    return dict(zip(mine["change"], mine["date"], strict=True))


def test_shahed_breaks_on_both_snapshots(snapshot):
    # Data notes (../shared/data/real/README.md): suppressed reported apart from 2024-07;
    # from 2025-08 one "shot down/suppressed" figure (suppressed 0 bar two isolated days).
    data = _national(snapshot)
    dates = _dates(definition_breaks(data.events), "Shahed-136/131")
    assert dates["separate"] == pd.Timestamp("2024-07-01")
    if "2026-06" in str(snapshot):
        assert dates["folded"] == pd.Timestamp("2025-08-01")
    else:  # the 2025-05 snapshot ends inside the regime
        assert "folded" not in dates


def test_shahed_step_is_the_definition(newest_snapshot):
    breaks = definition_breaks(_national(newest_snapshot).events)
    row = breaks.loc[(breaks["weapon"] == "Shahed-136/131") & (breaks["change"] == "folded")]
    row = row.iloc[0]
    # destroyed-only rate steps up (May-Jul 2025 0.51, Aug-Oct 2025 0.83) ...
    assert row["rate_before"] < 0.6 and row["rate_after"] > 0.8
    # ... while the neutralized rate (shot down + suppressed) barely moves
    assert abs(row["neutralized_after"] - row["neutralized_before"]) < 0.06
    assert row["regime_start"] == pd.Timestamp("2024-07-01")
    assert row["regime_end"] == pd.Timestamp("2025-07-01")


@pytest.mark.parametrize("since", ["2024-10-01", "2025-01-01", "2025-03-15"])
def test_windows_do_not_move_or_invent_breaks(newest_snapshot, since):
    data = _national(newest_snapshot)
    full = definition_breaks(data.events)
    part = definition_breaks(data.select(since=since).events)
    start = pd.Timestamp(since)
    # every break found inside the window is a break of the full data, same date and kind
    got = set(zip(part["weapon"], part["date"], part["change"], strict=True))
    whole = set(zip(full["weapon"], full["date"], full["change"], strict=True))
    assert got <= whole
    # the ones the window can show (three months of launches on each side) are all there
    assert ("Shahed-136/131", pd.Timestamp("2025-08-01"), "folded") in got
    # the Kh-59/Kh-69 breaks (2024-07, 2024-12) are not moved into the window
    assert _dates(full, "Kh-59/Kh-69")["separate"] == pd.Timestamp("2024-07-01")
    assert not ((part["weapon"] == "Kh-59/Kh-69") & (part["date"] >= start)).any()


def test_isolated_days_do_not_make_a_regime():
    months = pd.date_range("2025-01-01", periods=12, freq="MS")
    sup = [300] * 6 + [0, 0, 2, 0, 0, 0]  # 2 of 1,000 launches: an isolated day
    ev = pd.DataFrame(
        {
            "weapon": "Shahed-136/131",
            "weapon_class": "strike_drone",
            "time_end": months,
            "launched": 1000,
            "intercepted": [550] * 6 + [850] * 6,
            "suppressed": sup,
        }
    )
    b = definition_breaks(ev)
    assert b["date"].tolist() == [pd.Timestamp("2025-07-01")]
    assert b["change"].tolist() == ["folded"]


def test_blank_intercepted_is_skipped_not_zero():
    # The audit: a blank intercepted read as 0 gave rate_before 0.4 instead of 0.6.
    months = pd.date_range("2025-01-01", periods=8, freq="MS")
    ev = pd.DataFrame(
        {
            "weapon": "Shahed-136/131",
            "time_end": months,
            "launched": 100,
            "intercepted": pd.array([None, 60, 60, 60, 90, 90, 90, 90], dtype="Int64"),
            "suppressed": [30] * 4 + [0] * 4,
        }
    )
    b = definition_breaks(ev)
    assert b["rate_before"].iloc[0] == pytest.approx(0.6)  # 180 / 300, by hand


def test_kills_only_rows_are_left_out():
    months = pd.date_range("2025-01-01", periods=8, freq="MS")
    national = pd.DataFrame(
        {
            "weapon": "Shahed-136/131",
            "time_end": months,
            "reporter": "kpszsu",
            "launched": 100,
            "intercepted": [60] * 4 + [90] * 4,
            "suppressed": [30] * 4 + [0] * 4,
        }
    )
    regional = national.assign(reporter="PvKPivden", intercepted=5, launched=5, suppressed=0)
    both = pd.concat([national, regional], ignore_index=True)
    a, b = definition_breaks(national), definition_breaks(both)
    np.testing.assert_allclose(a["rate_before"], b["rate_before"])
