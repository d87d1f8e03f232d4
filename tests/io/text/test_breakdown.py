"""A neutralized total split into shot down and suppressed keeps the two apart."""

from __future__ import annotations

import warnings

import pytest

import airdef


@pytest.mark.parametrize(
    "text",
    [
        # the Air Force's wording since 2025 (composed for the test)
        "У ніч на 14 березня противник атакував 90 ударними БпЛА типу Shahed. "
        "Протиповітряною обороною знешкоджено 70 ворожих БпЛА, з яких 50 збито вогневими "
        "засобами, а 20 – подавлено засобами РЕБ.",
        "У ніч на 14 березня противник атакував 90 ударними БпЛА типу Shahed. Знешкоджено "
        "70 ворожих БпЛА: 50 збито, 20 подавлено засобами радіоелектронної боротьби.",
    ],
)
def test_the_shot_down_part_is_intercepted(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ev = airdef.parse_report(text, published="2025-03-14").events
    assert ev[["launched", "intercepted", "suppressed"]].values.tolist() == [[90, 50, 20]]


def test_a_total_not_split_is_left_as_it_is():
    text = (
        "У ніч на 14 березня противник атакував 90 ударними БпЛА типу Shahed. Знешкоджено "
        "70 ворожих БпЛА, ще 20 подавлено засобами РЕБ, у 5 локаціях зафіксовано влучання."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ev = airdef.parse_report(text, published="2025-03-14").events
    assert ev["intercepted"].tolist() == [70]
