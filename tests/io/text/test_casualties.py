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


def test_a_place_between_the_people_and_the_verb():
    data = parse("At least 45 people in Kyiv's Dniprovskyi district were injured in the attack.")
    assert rows(data) == {("Kyiv", "Dniprovskyi", None, 45)}
    assert data.casualties["injured_qual"].tolist() == ["at_least"]


def test_the_number_killed_rose_to_after_a_long_subject():
    data = parse(
        "The number of people killed as a result of a massive rocket attack by the occupiers "
        "on various Ukrainian cities on October 10 increased to 19. A total of 105 people "
        "were wounded.",
        published="2022-10-11",
    )
    assert rows(data) == {(None, None, 19, 105)}


def test_a_hedge_before_a_list_of_nouns_applies_to_both():
    data = parse("The attacks caused at least 16 fatalities and 97 injuries across the country.")
    row = data.casualties.iloc[0]
    assert (row["killed_qual"], row["injured_qual"]) == ("at_least", "at_least")


def test_a_hedge_before_a_clause_stays_with_its_figure():
    data = parse("At least seven civilians were killed and 64 wounded in Lviv.")
    row = data.casualties.iloc[0]
    assert (row["killed_qual"], row["injured_qual"]) == ("at_least", "exact")


def test_wounds_and_victims():
    data = parse(
        "In Kharkiv, a man was hospitalized with shrapnel wounds. In Odesa, the governor "
        "reports on six victims."
    )
    assert rows(data) == {("Kharkiv", None, None, 1), ("Odesa", None, None, 6)}


def test_about_one_is_one():
    data = parse(
        "It is known about one victim in the Desnianskyi district of Kyiv - a 19-year-old "
        "man received a cut wound on his foot."
    )
    assert rows(data) == {("Kyiv", "Desnianskyi", None, 1)}
    assert data.casualties["injured_qual"].tolist() == ["exact"]


def test_casualties_of_an_attack_on_another_day_are_left_out():
    data = parse(
        "A Russian drone and missile attack on Kyiv overnight killed at least six people. "
        "The strikes came nearly a week after an attack last Tuesday killed 28 people in Kyiv.",
        published="2025-06-23",  # a Monday; "last Tuesday" is the 17th
    )
    assert rows(data) == {("Kyiv", None, 6, None)}


def test_a_sentence_of_several_places_lends_none_to_the_next():
    data = parse(
        "Russian forces attacked Ukraine, targeting Kyiv and several other cities. The strike "
        "killed at least 12 people. In Kyiv, four people died. One man was killed in Mykolaiv."
    )
    assert rows(data) == {
        (None, None, 12, None),
        ("Kyiv", None, 4, None),
        ("Mykolaiv", None, 1, None),
    }


def test_in_ukraine_is_nationwide():
    data = parse(
        "At least two people have been killed in Ukraine in an airstrike on the capital and "
        "other regions. In Odesa, one person was injured."
    )
    assert rows(data) == {(None, None, 2, None), ("Odesa", None, None, 1)}


def test_that_wave_refers_to_the_earlier_attack_of_the_sentence_before():
    data = parse(
        "Air defences downed 15 cruise missiles launched overnight against Kyiv. No casualties "
        "were reported. Russia launched its biggest drone attack on Sunday night. That wave of "
        "strikes killed at least one person and injured five.",
        published="2023-05-09",  # a Tuesday; Sunday night is 7-8 May
    )
    assert rows(data) == {("Kyiv", None, 0, 0)}


def test_a_toll_of_an_attack_on_ukraine_is_nationwide():
    # "attack on Ukraine" places the figure in the whole country, not in the one city
    # the report names elsewhere
    data = parse(
        "At least 15 people were killed in an overnight Russian attack on Ukraine. "
        "Zelensky said Russia launched 440 drones, calling it a horrifying strike on Kyiv."
    )
    assert len(data.casualties) == 1
    assert pd.isna(data.casualties["city"].iloc[0])


def test_a_sentence_of_several_cities_lends_none_to_the_next():
    data = parse(
        "Russia launched 99 missiles, targeting Kyiv, the surrounding region, and Kharkiv. "
        "The attack killed 5 people and injured 127."
    )
    assert pd.isna(data.casualties["city"].iloc[0])


def test_tolls_worded_as_deaths_of_and_known_to_have_been():
    data = parse(
        "Russia launched 500 drones overnight. The assault on Kyiv resulted in the deaths of "
        "at least six people."
    )
    row = one(data.casualties, city="Kyiv")
    assert (row["killed"], row["killed_qual"]) == (6, "at_least")
    data = parse(
        "Russia launched 500 drones overnight. In the capital, 28 people are already known "
        "to have been injured, two of them children."
    )
    assert one(data.casualties, city="Kyiv")["injured"] == 28
    assert len(data.events) == 1  # "two of them children" counts people, not weapons


def test_a_toll_of_strikes_targeting_several_regions_is_nationwide():
    data = parse(
        "Officials said 15 drones were shot down around the capital Kiev. A spokesman said "
        "11 people were killed and 11 others injured in strikes targeting 11 regions."
    )
    assert pd.isna(one(data.casualties, killed=11)["city"])
