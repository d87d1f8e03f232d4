"""Linking reports of one attack from different reporters, and flagging conflicting counts."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef import StrikeData, concat, parse_report, reconcile
from airdef.reconcile import RECONCILE_COLUMNS
from tests.io.text.helpers import one


def airforce(rows: list[dict], reporter: str = "kpszsu") -> StrikeData:
    """A small Air-Force-like table: one attack, the window 18:00 the day before to 09:00."""
    frame = pd.DataFrame(rows)
    day = pd.Timestamp(frame.pop("day").iloc[0])
    frame["attack_id"] = f"{reporter}:{day:%Y-%m-%d}"
    frame["reporter"] = reporter
    frame["time_start"] = day - pd.Timedelta(hours=6)
    frame["time_end"] = day + pd.Timedelta(hours=9)
    return StrikeData(events=frame)


def news(text: str, published: str = "2024-03-01") -> StrikeData:
    return parse_report(text, published=published, source="https://news.example.org/x")


def pair_row(out: pd.DataFrame, classes: str) -> dict:
    """The comparison of one class set, oriented as (news, air force)."""
    row = one(out, classes=classes).to_dict()
    if row["reporter_a"] != "news.example.org":
        row = {
            (k[:-2] + ("_b" if k.endswith("_a") else "_a") if k[-2:] in ("_a", "_b") else k): v
            for k, v in row.items()
        }
    return row


def test_seed_attack_matches_the_air_force_snapshot(newest_snapshot, corpus_dir):
    af = airdef.load(newest_snapshot)
    # On 2024-01-23 the national channel's rows sum to 41 launched and 21 destroyed.
    national = af.events.loc[
        (af.events["reporter"] == "kpszsu")
        & (af.events["time_end"].dt.strftime("%Y-%m-%d") == "2024-01-23")
    ]
    assert (int(national["launched"].sum()), int(national["intercepted"].sum())) == (41, 21)
    seed = airdef.load(corpus_dir / "000_4a348cacff320d9d.txt")
    out = concat([af, seed]).reconcile()
    linked = out.loc[
        out["attack_id_b"].str.startswith("text:") | out["attack_id_a"].str.startswith("text:")
    ]
    assert len(linked) == 1
    row = linked.iloc[0].to_dict()
    text_side = "a" if row["attack_id_a"].startswith("text:") else "b"
    af_side = "b" if text_side == "a" else "a"
    assert row[f"reporter_{af_side}"] == "kpszsu"
    assert set(row["classes"].split(", ")) == {
        "cruise_missile",
        "ballistic_missile",
        "anti_aircraft_missile",
    }
    assert (row[f"launched_{text_side}"], row[f"launched_qual_{text_side}"]) == (41, "at_least")
    assert (row[f"launched_{af_side}"], row[f"launched_qual_{af_side}"]) == (41, "exact")
    assert (row[f"intercepted_{text_side}"], row[f"intercepted_{af_side}"]) == (21, 21)
    assert not row["conflict"] and pd.isna(row["reason"])


def test_conflicting_exact_figures_are_flagged_and_both_kept():
    text = news("Russia launched 30 Shahed drones overnight; 25 were shot down.")
    table = airforce(
        [{"day": "2024-03-01", "weapon_label": "Shahed-136/131", "launched": 40, "intercepted": 25}]
    )
    out = reconcile(concat([text, table]))
    row = pair_row(out, "strike_drone")
    assert (row["launched_a"], row["launched_b"]) == (30, 40)
    assert (row["intercepted_a"], row["intercepted_b"]) == (25, 25)
    assert row["conflict"]
    assert row["reason"] in (
        "launched: 30 (exact) vs 40 (exact)",
        "launched: 40 (exact) vs 30 (exact)",
    )


@pytest.mark.parametrize(
    "phrase, conflict",
    [
        ("more than 50", True),  # at_least 51 exceeds the exact 40
        ("at least 30", False),
        ("about 45", False),  # approx: within 20 % of 40
        ("about 100", True),
        ("up to 30", True),  # at_most 30 below the exact 40
        ("up to 60", False),
        ("40", False),
    ],
)
def test_bounds_conflict_only_when_they_cannot_both_hold(phrase, conflict):
    text = news(f"Russia launched {phrase} Shahed drones overnight.")
    table = airforce(
        [{"day": "2024-03-01", "weapon_label": "Shahed-136/131", "launched": 40, "intercepted": 38}]
    )
    row = pair_row(reconcile(concat([text, table])), "strike_drone")
    assert row["conflict"] is conflict
    assert pd.isna(row["intercepted_a"])  # the text states no intercept figure


def test_mixed_text_group_is_compared_with_the_sum_of_its_classes():
    text = news("Russia fired 18 missiles, including eight ballistic missiles, overnight.")
    table = airforce(
        [
            {"day": "2024-03-01", "weapon_label": "Iskander-M", "launched": 8, "intercepted": 2},
            {"day": "2024-03-01", "weapon_label": "Kalibr", "launched": 10, "intercepted": 9},
            {
                "day": "2024-03-01",
                "weapon_label": "Shahed-136/131",
                "launched": 50,
                "intercepted": 45,
            },
        ]
    )
    out = reconcile(concat([text, table]))
    ballistic = pair_row(out, "ballistic_missile")
    assert (ballistic["launched_a"], ballistic["launched_b"], ballistic["conflict"]) == (
        8,
        8,
        False,
    )
    everything = pair_row(out, "cruise_missile, ballistic_missile, anti_aircraft_missile, unknown")
    # the 18 missiles (the eight ballistic are part of them, not added again) vs 8 + 10
    assert (everything["launched_a"], everything["launched_b"], everything["conflict"]) == (
        18,
        18,
        False,
    )
    assert "strike_drone" not in set(out["classes"])  # the text does not mention drones


def test_linking_needs_the_same_day_and_different_reporters():
    text = news("Russia launched 30 Shahed drones overnight.", published="2024-03-03")
    table = airforce(
        [{"day": "2024-03-01", "weapon_label": "Shahed-136/131", "launched": 30, "intercepted": 25}]
    )
    assert reconcile(concat([text, table])).empty
    assert len(reconcile(concat([text, table]), days=3)) == 1
    other = airforce(
        [{"day": "2024-03-01", "weapon_label": "Shahed-136/131", "launched": 31, "intercepted": 25}]
    )
    other.events["attack_id"] = "kpszsu:other"
    assert reconcile(concat([table, other])).empty  # same reporter: two attacks, not two reports


def test_regional_commands_are_left_out_unless_asked():
    table = airforce(
        [{"day": "2024-03-01", "weapon_label": "Shahed-136/131", "launched": 30, "intercepted": 25}]
    )
    region = airforce(
        [
            {
                "day": "2024-03-01",
                "weapon_label": "Shahed-136/131",
                "launched": 10,
                "intercepted": 10,
            }
        ],
        reporter="PvKPivden",
    )
    both = concat([table, region])
    assert reconcile(both).empty
    assert len(reconcile(both, source="all")) == 1


def test_method_delegates_and_empty_input_gives_the_columns():
    text = news("Russia launched 30 Shahed drones overnight.")
    table = airforce(
        [{"day": "2024-03-01", "weapon_label": "Shahed-136/131", "launched": 30, "intercepted": 25}]
    )
    data = concat([text, table])
    pd.testing.assert_frame_equal(data.reconcile(), reconcile(data))
    empty = reconcile(StrikeData())
    assert list(empty.columns) == list(RECONCILE_COLUMNS) and empty.empty


@pytest.mark.parametrize("days", [-1, 1.5, "1", True])
def test_bad_days(days):
    with pytest.raises(ValueError, match="days must be a whole number of days, 0 or more"):
        reconcile(StrikeData(), days=days)


def test_bad_source():
    with pytest.raises(ValueError, match="source must be 'national' or 'all', not 'regional'"):
        reconcile(StrikeData(), source="regional")


def test_air_force_posts_read_from_text_agree_with_the_air_force_table(corpus_dir, newest_snapshot):
    """Posts in Ukrainian, parsed, reconcile with the Air Force's own table for those nights."""
    import json

    entries = json.loads((corpus_dir / "reports_dev_uk.json").read_text(encoding="utf-8"))
    # dev_uk_25 (23 Aug 2025: 49 launched, 36 shot down or suppressed) and dev_uk_28
    # (8 Sep 2025: 142 and 112), as the posts state them
    posts = [e for e in entries if e["id"] in ("dev_uk_25", "dev_uk_28")]
    parsed = airdef.concat(
        [
            airdef.parse_report(e["text"], published=e["published"], source=e["source_url"])
            for e in posts
        ]
    )
    table = airdef.reconcile(airdef.concat([airdef.load(newest_snapshot), parsed]))
    same = table.loc[
        (table["reporter_a"] == "kpszsu")
        & table["launched_b"].notna()
        & (table["launched_a"] == table["launched_b"])
    ]
    pairs = set(zip(same["launched_b"].astype(int), same["intercepted_b"].astype(int), strict=True))
    assert {(49, 36), (142, 112)} <= pairs
    assert not same["conflict"].any()
