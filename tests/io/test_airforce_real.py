"""The real Air Force snapshots, read in place from ../shared/data/real/."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.io.airforce import reporter_of


@pytest.fixture
def loaded(snapshot):
    return airdef.load(snapshot), snapshot


def test_invariant_nothing_lost(loaded):
    data, path = loaded
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    prov = data.provenance.iloc[0]
    assert prov["rows_read"] == len(raw)
    assert prov["rows_read"] == len(data.events) + data.quarantine["source_row"].nunique()
    assert prov["format"] == "airforce"
    assert len(prov["sha256"]) == 64


def test_label_sums_match_plain_pandas(loaded):
    """Per-label sums of launched and destroyed equal an independent sum of the raw columns."""
    data, path = loaded
    raw = pd.read_csv(path)  # pandas' own float parsing, independent of airdef's parsers
    expected = raw.groupby("model")[["launched", "destroyed", "not_reach_goal"]].sum(min_count=1)
    ours = data.events.groupby("weapon_label")[["launched", "intercepted", "suppressed"]].sum(
        min_count=1
    )
    ours.columns = ["launched", "destroyed", "not_reach_goal"]
    ours.index = ours.index.astype(object).rename("model")
    expected.index = expected.index.astype(object)
    pd.testing.assert_frame_equal(
        ours.astype("float64").sort_index(), expected.astype("float64").sort_index()
    )


def test_blanks_stay_blank(loaded):
    data, path = loaded
    raw = pd.read_csv(path)
    assert data.events["launched"].isna().sum() == raw["launched"].isna().sum()
    assert data.events["intercepted"].isna().sum() == raw["destroyed"].isna().sum()
    # A blank count has no qualifier; a stated one is exact.
    ev = data.events
    assert (ev["launched_qual"].isna() == ev["launched"].isna()).all()
    assert set(ev["launched_qual"].dropna()) == {"exact"}


def test_readme_blank_rows(newest_snapshot):
    """The 3 blank-launched rows of the 2026 snapshot (README, quirk 5) load with launched unknown."""
    ev = airdef.load(newest_snapshot).events
    blank = ev.loc[ev["launched"].isna()]
    assert len(blank) == 3  # data/real/README.md: 3 rows have launched blank
    assert sorted(blank["time_start"].dt.strftime("%Y-%m-%d")) == [
        "2024-02-12",
        "2024-02-27",
        "2024-02-28",
    ]
    assert (blank["intercepted"] == 0).all()
    assert ev["intercepted"].isna().sum() == 6  # README: 6 rows have destroyed blank


def test_attack_of_2024_01_23(snapshot):
    """The attack of the seed article: one national attack, 41 launched, 21 intercepted."""
    ev = airdef.load(snapshot).select(source="national").events
    day = ev.loc[ev["time_end"].dt.strftime("%Y-%m-%d").eq("2024-01-23")]
    assert day["attack_id"].nunique() == 1
    assert day["launched"].sum() == 41  # "more than 40 missiles" (seed article)
    assert day["intercepted"].sum() == 21  # "at least 21 of the missiles"
    assert set(day["reporter"]) == {"kpszsu"}


def test_times_and_quirks(newest_snapshot):
    ev = airdef.load(newest_snapshot).events
    # Unpadded hour "2023-05-16 3:30" and trailing spaces parse (README quirk 10).
    assert (ev["time_start"] == pd.Timestamp("2023-05-16 03:30")).sum() == 6
    assert (ev["time_start"] == pd.Timestamp("2025-03-06 21:00")).any()
    assert (ev["time_end"] >= ev["time_start"]).all()
    # Cyrillic labels are real data and known to the catalog (README quirk 3).
    assert ev.loc[ev["weapon_label"] == "Молнія", "weapon"].eq("Molniya").all()
    # not_reach_goal becomes suppressed (README: Shahed 2025 totals 54,796 / 37,016 / 10,211).
    shahed25 = ev.loc[(ev["weapon_label"] == "Shahed-136/131") & (ev["time_start"].dt.year == 2025)]
    assert shahed25[["launched", "intercepted", "suppressed"]].sum().tolist() == [
        54796,
        37016,
        10211,
    ]


def test_every_real_label_is_known(snapshot):
    """Every label of both snapshots resolves through the catalog; none is 'unknown label'."""
    data = airdef.load(snapshot)
    assert airdef.summarize(data).unknown_labels == {}


def test_snapshots_agree_on_common_period():
    """README quirk 4: up to 2025-05-26 03:20 both files have the same rows and numbers."""
    from tests.conftest import SNAPSHOTS

    if not all(p.exists() for p in SNAPSHOTS.values()):
        pytest.skip("the real snapshots are not available")
    old = airdef.load(SNAPSHOTS["2025-05"]).events
    new = airdef.load(SNAPSHOTS["2026-06"]).events
    new = new.loc[new["time_start"] <= pd.Timestamp("2025-05-26 03:20")]
    assert len(new) == len(old) == 2472
    assert old["launched"].sum() == new["launched"].sum() == 37798  # README: 37,798 in both
    # Renamed labels map to the same canonical weapon (KAB -> GBU, X-22/X-32 -> X-22 and X-32, ...).
    key = ["time_start", "time_end", "source", "launched", "intercepted", "suppressed", "target"]

    def multiset(ev, cols):
        return ev[key + cols].astype("string").fillna("").value_counts()

    by_label = multiset(old, ["weapon_label"]).sub(multiset(new, ["weapon_label"]), fill_value=0)
    assert by_label.abs().sum() == 2 * 11  # README: exactly 11 rows differ, only in their label
    by_weapon = multiset(old, ["weapon"]).sub(multiset(new, ["weapon"]), fill_value=0)
    assert (by_weapon == 0).all()


def test_regional_reporters_and_selection(newest_snapshot):
    data = airdef.load(newest_snapshot)
    national = data.select(source="national").events
    assert "PvKPivden" in set(data.events["reporter"])
    assert not national["reporter"].isin(["PvKPivden", "pvkshid", "PvkZahid", "PvkCenter"]).any()
    assert national["reporter"].eq("kpszsu").mean() > 0.98
    window = data.select(since="2024-01-01", until="2024-01-31").events
    assert window["time_end"].min() >= pd.Timestamp("2024-01-01")
    assert window["time_end"].max() < pd.Timestamp("2024-02-01")


def test_reporter_of_forms():
    sources = pd.Series(
        [
            "kpszsu/posts/pfbid02",
            "https://t.me/kpszsu/60825",
            "kharkivoda.gov.ua/news/123125",
            "watch/?v=1",
            "",
        ]
    )
    assert reporter_of(sources).tolist() == [
        "kpszsu",
        "kpszsu",
        "kharkivoda.gov.ua",
        "facebook-video",
        pd.NA,
    ]


def test_is_shahed_is_kept_as_the_shahed_type_count(newest_snapshot):
    """``is_shahed`` (how many of the launched drones were Shahed-type, the rest decoys) loads."""
    data = airdef.load(newest_snapshot)
    ev = data.events
    known = ev.loc[ev["shahed_type"].notna()]
    assert (
        len(known) == 239
    )  # data/real/README.md: is_shahed filled in 239 rows, Jul 2025 -> May 2026
    raw = pd.read_csv(newest_snapshot)
    assert int(known["shahed_type"].sum()) == int(
        raw["is_shahed"].sum()
    )  # same sum as plain pandas
    assert (known["shahed_type"] <= known["launched"]).all()
    assert set(known["weapon"]) == {"Shahed-136/131"}
