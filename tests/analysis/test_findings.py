"""The summary's facts are chosen by the stated rules."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.analysis import ReportOptions, analyse, choose_findings
from airdef.analysis.findings import MIN_LAUNCHED


@pytest.fixture(scope="module")
def simulated():
    return analyse(airdef.simulate(months=6, seed=3), ReportOptions(draws=200))


def test_volume_first_with_the_class_of_most_launches(simulated):
    found = choose_findings(simulated)
    assert 1 <= len(found) <= 6
    top = simulated.by_class.loc[simulated.by_class["launched"].idxmax(), "weapon_class"]
    assert found[0].kind == "volume" and found[0].row["weapon_class"] == top
    total = simulated.by_class["launched"].sum()
    assert found[0].facts["share"] == pytest.approx(found[0].row["launched"] / total)


def test_kinds_are_distinct_and_lowest_is_not_the_main_class(simulated):
    found = choose_findings(simulated, n=5)
    kinds = [f.kind for f in found]
    assert len(kinds) == len(set(kinds))
    for f in found:
        if f.kind == "lowest":
            assert f.row["weapon_class"] != found[0].row["weapon_class"]
            assert f.row["launched"] >= MIN_LAUNCHED


def test_no_findings_without_usable_data():
    from airdef.analysis import prepare_analysis

    assert choose_findings(prepare_analysis(airdef.StrikeData())) == []


def test_missiles_growth_and_largest_on_the_real_data(newest_snapshot):
    result = analyse(airdef.load(newest_snapshot), ReportOptions(draws=200))
    found = {f.kind: f for f in choose_findings(result)}
    # every missile class with launches is stated, whatever the class with most launches
    assert {r["weapon_class"] for r in found["missiles"].facts["rows"]} == {
        "ballistic_missile",
        "cruise_missile",
    }
    growth = found["growth"].facts
    # Shahed launches grew: far more a month at the end than at the start (2026-06 snapshot)
    assert growth["last_mean"] > 10 * growth["first_mean"]
    assert growth["last_to"] < pd.Timestamp("2026-06-01")  # the partial June is left out
    largest = found["largest"].row
    per_attack = result.data.events.groupby("attack_id")["launched"].sum()
    assert largest["launched"] == per_attack.max()


@pytest.fixture(scope="module", params=["2025-05", "2026-06"], ids=lambda k: f"snapshot_{k}")
def real_rates(request):
    """The rate part of the analysis (no projection) of each real snapshot."""
    from airdef.analysis import analyse_rates, prepare_analysis
    from tests.conftest import SNAPSHOTS

    path = SNAPSHOTS[request.param]
    if not path.exists():
        pytest.skip(f"the real Air Force snapshot not found at {path}")
    return analyse_rates(prepare_analysis(airdef.load(path)))


def test_no_two_findings_state_the_same_figure(real_rates, simulated):
    from airdef.analysis.findings import stated

    for result in (real_rates, simulated):
        found = choose_findings(result)
        figures = [stated(f) for f in found]
        for i, a in enumerate(figures):
            for b in figures[i + 1 :]:
                assert not a & b, (a, b)
        # the missiles finding names ballistic missiles, so the lowest rate (theirs) is not
        # stated again
        missiles = {r["weapon_class"] for f in found if f.kind == "missiles"
                    for r in f.facts["rows"]}  # fmt: skip
        assert not [f for f in found if f.kind == "lowest" and f.row["weapon_class"] in missiles]


def test_findings_name_a_missile_class_and_no_trend_across_a_break(real_rates):
    found = choose_findings(real_rates)
    assert any(f.kind == "missiles" for f in found)
    for f in found:
        if f.kind == "trend":
            assert str(f.row.get("note") or "") in ("", "<NA>")
