"""The sample of attack nights compiled from public reports (airdef/data/sample/public_reports*)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef.errors import DataError
from airdef.samples import PUBLIC_REPORTS, sample_files, sample_path
from airdef.samples.build import build, report_files
from airdef.samples.corpus import read_reports
from airdef.samples.crosscheck import cross_check

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "data" / "public_reports"
SAMPLE = sample_path(PUBLIC_REPORTS).parent
# The two halves of the collection: 2022-2023 and 2024-2026 (issue: >= 150 nights in all).
HALVES = {"2022_2023": (2022, 2023), "2024_2026": (2024, 2025, 2026)}
#: corpus class in the disagreements file -> comparison group of the cross-check
GROUP_OF = {
    "drone": {"strike_drone", "recon_drone"},
    "cruise": {"cruise_missile"},
    "guided": {"cruise_missile"},
    "ballistic": {"ballistic_missile"},
    "anti_aircraft": {"anti_aircraft_missile"},
    "unknown": {"missiles"},
    "mixed": {"missiles", "air_targets"},
}


@pytest.fixture(scope="module")
def compiled():
    return airdef.load(sample_path(PUBLIC_REPORTS))


@pytest.fixture(scope="module")
def table():
    return pd.read_csv(sample_path(PUBLIC_REPORTS), dtype=str, keep_default_na=False)


def present_halves() -> list[str]:
    return [k for k in HALVES if (REPORTS / f"reports_{k}.json").exists()]


def test_bundled_table_loads_whole(compiled, table):
    assert len(compiled.events) == len(table) > 0
    assert len(compiled.quarantine) == 0
    assert len(compiled.casualties) > 0
    assert set(compiled.events["weapon_class"]) <= set(airdef.model.WEAPON_CLASSES)


def test_every_row_has_a_url_a_publication_field_and_a_check(table):
    assert table["source"].str.match(r"https?://\S+$").all()
    assert table["checked"].isin(["reader agreed", "corrected by hand"]).all()
    dated = table["published"] != ""
    assert table.loc[dated, "published"].str.match(r"\d{4}-\d{2}-\d{2}$").all()
    casualties = pd.read_csv(SAMPLE / "public_reports.casualties.csv", dtype=str)
    assert casualties["source"].str.match(r"https?://\S+$").all()


def test_no_page_text_is_bundled(table):
    texts = [r.text for path in report_files(REPORTS) for r in read_reports(path)]
    bundled = "\n".join(
        (SAMPLE / name).read_text(encoding="utf-8")
        for name in (
            "public_reports.csv",
            "public_reports.casualties.csv",
            "public_reports.review.csv",
            "public_reports.disagreements.csv",
        )
    )
    # a sentence of an excerpt never appears in the bundled tables
    sentences = [s for t in texts for s in t.split(". ") if len(s) > 60]
    assert sentences and not any(s in bundled for s in sentences)


def test_public_reports_stay_out_of_the_default_report_data():
    assert all(not p.name.startswith("public_reports") for p in sample_files())


def test_rebuild_gives_the_bundled_bytes(tmp_path):
    _, first = build(REPORTS, tmp_path / "a")
    _, second = build(REPORTS, tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert a.read_bytes() == (SAMPLE / a.name).read_bytes(), f"{a.name}: run make sample"


def test_nights_cover_every_year_of_each_collected_half(compiled):
    years = set(compiled.events["time_start"].dt.year)
    halves = present_halves()
    assert "2022_2023" in halves
    for half in halves:
        assert set(HALVES[half]) <= years, half
    if len(halves) < len(HALVES):
        pytest.skip(
            "data/public_reports/reports_2024_2026.json is not in this checkout yet; "
            f"years present: {sorted(years)}"
        )


def test_at_least_150_nights(compiled):
    nights = compiled.events["time_start"].dt.normalize().nunique()
    if len(present_halves()) < len(HALVES):
        assert nights >= 60  # the 2022-2023 half alone
        pytest.skip(f"{nights} nights from 2022-2023 only; 150 are expected with both halves")
    assert nights >= 150


def test_every_night_keeps_its_largest_attacks(compiled):
    # The issue asks for the largest attacks: the 2022-2023 half must include the
    # mass strikes of 15 Nov 2022, 16 Dec 2022 and 29 Dec 2023 (press: 90-160 missiles).
    days = set(compiled.events["time_start"].dt.strftime("%Y-%m-%d"))
    assert {"2022-11-15", "2022-12-16", "2023-12-29"} <= days


def test_a_bad_annotation_file_is_named(tmp_path):
    path = tmp_path / "reports_bad.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": "x",
                    "source_url": "not a url",
                    "text": "t",
                    "expected": {"date": "2023-01-01"},
                }
            ]
        )
    )
    with pytest.raises(DataError, match=r"reports_bad.json: item 1 \(x\): field source_url"):
        read_reports(path)


@pytest.fixture(scope="module")
def checked_against_air_force(compiled, request):
    from tests.conftest import SNAPSHOTS

    path = SNAPSHOTS["2026-06"]
    if not path.exists():
        pytest.skip(f"the real Air Force snapshot not found at {path}")
    reference = airdef.load(path).select(reporters=["kpszsu"])
    return cross_check(compiled, reference)


def test_cross_check_with_the_air_force_table(checked_against_air_force):
    check = checked_against_air_force
    share = check["agrees"].mean()
    by_night = check.groupby("date")["agrees"].all()
    print(
        f"\n{check['agrees'].sum()} of {len(check)} (night, class) figures agree "
        f"({share:.1%}) over {len(by_night)} nights also in the Air Force table; "
        f"{by_night.sum()} nights ({by_night.mean():.1%}) agree on every class"
    )
    assert len(by_night) >= 20
    # measured on both halves (214 nights, 201 of them in the Air Force table): 268 of
    # 294 figures (91.2%), 177 of 201 nights (88.1%); the 2022-2023 half 70 of 83
    # (84.3%), the 2024-2026 half 198 of 211 (93.8%). The target: 90%.
    assert share >= 0.90
    assert by_night.mean() >= 0.88


def test_every_disagreement_with_the_air_force_is_explained(checked_against_air_force):
    explained = set()
    for path in report_files(REPORTS, "disagreements"):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if row.get("compared_with") == "air_force_table":
                explained |= {(row["date"], g) for g in GROUP_OF[row["class"]]}
    wrong = checked_against_air_force.loc[~checked_against_air_force["agrees"]]
    missing = [
        (d.strftime("%Y-%m-%d"), g)
        for d, g in zip(wrong["date"], wrong["group"], strict=True)
        if (d.strftime("%Y-%m-%d"), g) not in explained
    ]
    assert not missing, f"disagreements with the Air Force table not explained: {missing}"


#: classes whose interception rates the report states
RATE_CLASSES = ("strike_drone", "cruise_missile", "ballistic_missile")


def _rates(nights: pd.DataFrame, suffix: str = "") -> pd.Series:
    by_class = nights.groupby("group")
    return by_class[f"intercepted{suffix}"].sum() / by_class[f"launched{suffix}"].sum()


@pytest.fixture(scope="module")
def rate_nights(compiled):
    """Compiled (night, class) totals with both figures, beside the table's for that night."""
    from airdef.samples.crosscheck import night_totals
    from tests.conftest import SNAPSHOTS

    path = SNAPSHOTS["2026-06"]
    if not path.exists():
        pytest.skip(f"the real Air Force snapshot not found at {path}")
    reference = airdef.load(path).select(reporters=["kpszsu"])
    mine = night_totals(compiled.events)
    mine = mine[mine["group"].isin(RATE_CLASSES)].dropna(subset=["launched", "intercepted"])
    theirs = night_totals(reference.events)
    both = mine.merge(theirs, on=["date", "group"], suffixes=("", "_ref"))
    return both.dropna(subset=["launched_ref", "intercepted_ref"])


def test_rates_and_their_changes_agree_with_the_table_on_the_same_nights(rate_nights):
    nights = rate_nights
    assert len(nights) >= 150  # measured: 188 (night, class) pairs, 159 of them drones
    overall = pd.DataFrame({"sample": _rates(nights), "table": _rates(nights, "_ref")})
    # measured: drones 0.766 vs 0.718 (pages often quote shot down or suppressed as one
    # figure, the table until August 2025 shot down alone), cruise 0.824 vs 0.814,
    # ballistic 0.857 vs 0.857; the classes rank the same on both sides
    assert (overall["sample"] - overall["table"]).abs().max() < 0.06
    assert overall["sample"].rank().tolist() == overall["table"].rank().tolist()
    # first half of the covered nights against the second: every class falls on both
    # sides (measured: drones 0.855 -> 0.755 vs 0.863 -> 0.699, cruise 0.832 -> 0.754
    # vs 0.820 -> 0.767, ballistic 1.0 -> 0.4 on both)
    split = nights["date"].sort_values().iloc[len(nights) // 2]
    early, late = nights[nights["date"] < split], nights[nights["date"] >= split]
    sample_change = _rates(late) - _rates(early)
    table_change = _rates(late, "_ref") - _rates(early, "_ref")
    print(
        "\nfirst half -> second half:\n",
        pd.DataFrame({"sample": sample_change, "table": table_change}),
    )
    assert (sample_change.dropna() != 0).all()
    assert (np.sign(sample_change) == np.sign(table_change)).all()


def test_year_on_year_changes_of_rates_go_the_same_way_as_the_table(rate_nights):
    nights = rate_nights
    year = nights["date"].dt.year
    sample = {y: _rates(g) for y, g in nights.groupby(year)}
    table = {y: _rates(g, "_ref") for y, g in nights.groupby(year)}
    years = sorted(sample)
    rows = []
    for a, b in zip(years, years[1:], strict=False):
        for cls in sorted(set(table[a].index) & set(table[b].index)):
            rows.append((a, b, cls, sample[b][cls] - sample[a][cls], table[b][cls] - table[a][cls]))
    changes = pd.DataFrame(rows, columns=["from", "to", "class", "sample", "table"])
    print("\n", changes.round(3).to_string())
    # a change of at least 5 percentage points in the table is a stated change; the
    # sample must move the same way. Measured: 7 of 8 changes go the same way; the
    # exception, cruise missiles 2024 -> 2025 (table +1.2 points, sample -2.6, on 7
    # and 5 nights), is below that size.
    stated = changes[changes["table"].abs() >= 0.05]
    assert len(stated) >= 5
    assert (np.sign(stated["sample"]) == np.sign(stated["table"])).all()
