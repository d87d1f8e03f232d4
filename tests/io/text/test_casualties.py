"""Casualty rows of English reports: which place a figure belongs to.

Every text here was written for these tests; expected values follow the corpus
annotation rules (the corpus README beside the data).
"""

from __future__ import annotations

import pandas as pd

from tests.io.text.helpers import one, parse


def rows(data) -> set[tuple]:
    c = data.casualties
    return {
        (
            None if pd.isna(r.city) else r.city,
            None if pd.isna(r.district) else r.district,
            None if pd.isna(r.killed) else int(r.killed),
            None if pd.isna(r.injured) else int(r.injured),
        )
        for r in c.itertuples()
    }


def test_a_place_after_the_figure_wins_over_one_across_a_comma():
    data = parse(
        "Kryvyi Rih and Dnipro were attacked. At least 10 dead and more than 30 injured in "
        "Kryvyi Rih, one dead and 12 injured in Dnipro."
    )
    assert rows(data) == {("Kryvyi Rih", None, 10, 31), ("Dnipro", None, 1, 12)}


def test_a_figure_without_a_place_takes_the_place_of_the_sentence_before():
    data = parse(
        "A missile hit a residential building in Uman, Cherkasy Oblast. Five people were "
        "wounded. In Kyiv, two people were injured."
    )
    assert rows(data) == {("Uman", None, None, 5), ("Kyiv", None, None, 2)}


def test_a_district_takes_the_one_city_its_sentence_names():
    data = parse(
        "Drones hit Kyiv and the Chernihiv region. Kyiv Mayor Vitali Klitschko said six "
        "people were dead in the Shevchenkivskyi district."
    )
    assert one(data.casualties, district="Shevchenkivskyi")["city"] == "Kyiv"


def test_a_district_named_before_its_city():
    data = parse("Debris hit a block in Darnytsia Kyiv district, killing one person.")
    assert rows(data) == {("Kyiv", "Darnytskyi", 1, None)}


def test_a_city_and_its_region_are_not_a_list_of_cities():
    data = parse("A missile hit Uman, Cherkasy Oblast, injuring five people.")
    assert rows(data) == {("Uman", None, None, 5)}
