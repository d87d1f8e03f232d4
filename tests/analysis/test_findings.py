"""The summary's facts are chosen by the stated rules."""

from __future__ import annotations

import pytest

import airdef
from airdef.analysis import ReportOptions, analyse, choose_findings
from airdef.analysis.findings import MIN_LAUNCHED


@pytest.fixture(scope="module")
def simulated():
    return analyse(airdef.simulate(months=6, seed=3), ReportOptions(draws=200))


def test_volume_first_with_the_class_of_most_launches(simulated):
    found = choose_findings(simulated)
    assert 1 <= len(found) <= 3
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
