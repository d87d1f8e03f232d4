"""Which numbers of an English report count weapons, and for which field.

Every text here was written for these tests; expected values follow the corpus
annotation rules (the corpus README beside the data).
"""

from __future__ import annotations

import warnings

import pytest

from airdef.io.text import NoCountsWarning
from tests.io.text.helpers import counts, parse


def quiet(text: str, published: str | None = "2024-03-10"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoCountsWarning)
        return parse(text, published=published)


@pytest.mark.parametrize(
    "text",
    [
        "It was not known if it was a missile or a drone attack.",
        "Officials did not say whether 12 drones or more were involved.",
        "It is unclear how many of the 20 drones were shot down.",
    ],
)
def test_a_clause_of_condition_or_question_counts_nothing(text):
    assert quiet(text).events.empty


@pytest.mark.parametrize(
    "text",
    [
        "Air defences shot down 13 missiles, but 12 missiles reached their targets.",
        "Air defences shot down 13 missiles. Two missiles destroyed an administrative building.",
    ],
)
def test_weapons_as_the_subject_of_what_they_did_are_not_counted(text):
    data = quiet(text)
    assert len(data.events) == 1
    assert counts(data, "missiles") == (None, None, 13, "exact")


def test_n_of_the_total_m():
    data = quiet("Air defences downed two of the total four missiles that were launched.")
    assert counts(data, "missiles") == (4, "exact", 2, "exact")


def test_a_total_over_a_period_in_another_clause_leaves_the_attack():
    data = quiet(
        "Zelensky said Russia launched 101 drones overnight, adding that about 1,270 drones "
        "and 39 missiles were registered over the past week."
    )
    assert counts(data, "drones") == (101, "exact", None, None)
    assert len(data.events) == 1


def test_a_total_over_a_period_alone_is_no_attack():
    assert quiet("Since the start of the year, Russia has launched 1,000 drones.").events.empty


@pytest.mark.parametrize(
    "text",
    [
        "Russian air defence downed 402 Ukrainian drones over the past day, Moscow said.",
        "Russia's Defence Ministry said its forces shot down 41 drones over Belgorod.",
    ],
)
def test_russian_claims_are_not_counted(text):
    assert quiet(text).events.empty


def test_all_before_a_list_leaves_an_n_out_of_m_item():
    data = quiet("Air defences shot down all 28 Russian missiles and 15 out of 16 drones.")
    assert counts(data, "missiles") == (28, "exact", 28, "exact")
    assert counts(data, "drones") == (16, "exact", 15, "exact")


def test_included_and_a_relative_clause_after_the_list():
    data = quiet(
        "The air force said that the attack included eight Shahed drones and three cruise "
        "missiles which were shot down."
    )
    assert counts(data, "Shahed drones") == (8, "exact", 8, "exact")
    assert counts(data, "cruise missiles") == (3, "exact", 3, "exact")


def test_n_of_which_it_was_able_to_shoot_down():
    data = quiet(
        "The air force said Russia launched a total of 67 long-range drones in a mass "
        "overnight attack, 58 of which it was able to shoot down."
    )
    assert counts(data, "long-range drones") == (67, "exact", 58, "exact")


def test_the_headline_of_another_story_inside_the_body_is_not_counted():
    data = quiet(
        "Russia launched 67 drones overnight, 58 of which were shot down.\n\n"
        "Ukraine downs 22 out of 35 missiles, 20 drones used in Russian morning attack, "
        "Air Force says\n\nSince the start of the invasion, Moscow has launched thousands "
        "of missiles."
    )
    assert len(data.events) == 1
    assert counts(data, "drones") == (67, "exact", 58, "exact")


def test_figures_over_russian_territory_are_claims():
    data = quiet(
        "Russian air defence systems destroyed 41 Ukraine-launched drones, the ministry said. "
        "Twenty-six of the drones were destroyed over Russian territory."
    )
    assert data.events.empty


def test_all_but_one_named_weapon_were_shot_down():
    data = quiet(
        "Russian forces fired 24 Shahed drones, four cruise missiles, an aeroballistic missile "
        "Kinzhal and a ballistic missile Iskander-M at Ukraine. All the projectiles, except for "
        "the Iskander-M missile, were shot down."
    )
    assert counts(data, "Shahed drones") == (24, "exact", 24, "exact")
    assert counts(data, "cruise missiles") == (4, "exact", 4, "exact")
    assert counts(data, "aeroballistic missile Kinzhal") == (1, "exact", 1, "exact")
    assert counts(data, "ballistic missile Iskander-M") == (1, "exact", 0, "exact")


def test_n_of_m_that_made_it_past_the_defences_inverts():
    # the example (reports_dev_en.json, dev_en_42): one of 12 got through, 11 did not
    data = quiet(
        "The air force reported downing all drones overnight, but one of 12 Kalibr missiles "
        "apparently made it past air defences."
    )
    assert counts(data, "Kalibr missiles") == (12, "exact", 11, "exact")


# -- drones lost to electronic warfare (corpus README: "lost" is not intercepted) ----------


@pytest.mark.parametrize(
    "text, suppressed",
    [
        (
            "Russia attacked with 58 drones. Air defence destroyed 25 drones and 27 disappeared from radar.",
            27,
        ),
        (
            "Russia attacked with 97 drones. Units destroyed 57 drones. A further 34 enemy decoy drones have disappeared from radar.",
            34,
        ),
        (
            "Russia attacked with 24 drones. Units destroyed 11 UAVs. In addition, at least seven attack drones failed to reach their targets and were lost in the area.",
            7,
        ),
        (
            "Russia launched 76 drones. 72 drones were brought down. Two drones flew back to Russia, while two others were lost within the country.",
            2,
        ),
        (
            "Fifteen of the 22 Shahed drones were downed. Jamming caused an additional five Shahed drones to go off radar.",
            5,
        ),
        (
            "Russia launched 135 drones. 80 drones were shot down. Additionally, 44 Russian drones went astray.",
            44,
        ),
        (
            "Russia launched 72 drones. 47 drones were shot down. Because of countermeasures, 25 enemy drones diverted off course.",
            25,
        ),
        (
            "Russia launched 72 drones. Forces downed 47 drones. Additionally, 24 enemy simulator drones were diverted from their course.",
            24,
        ),
        (
            "Ukraine shot down 52 attack drones overnight. The Air Force added that it lost track of 44 decoy drones.",
            44,
        ),
        (
            "Russia launched 539 drones. Units intercepted 268 drones. Electronic warfare suppressed or neutralized another 208 unmanned aerial vehicles.",
            208,
        ),
    ],
)
def test_drones_lost_to_electronic_warfare_are_suppressed_on_the_one_drone_group(text, suppressed):
    data = quiet(text)
    assert len(data.events) == 1, data.events
    assert data.events["suppressed"].iloc[0] == suppressed


def test_weapons_that_failed_to_reach_their_targets_are_not_counted():
    data = quiet(
        "Russia launched 27 drones. Air defence downed 16 drones and nine others failed to reach their targets."
    )
    assert counts(data, "drones")[:3] == (27, "exact", 16)
    assert data.events["suppressed"].isna().all()


def test_a_pluperfect_launch_after_a_downed_count_is_no_new_verb():
    # "had" is an auxiliary of what happened to the weapons only for loss verbs
    data = quiet("Forces shot down 18 drones Russia had launched at Kyiv overnight.")
    assert counts(data, "drones")[2] == 18


@pytest.mark.parametrize(
    "text, expected",
    [
        # corpus README: "N of M ... launched" gives intercepted N and launched M
        (
            "Fifteen of the 22 Shahed drones launched by Russia in an overnight attack were "
            "downed by air defense.",
            (22, "exact", 15, "exact"),
        ),
        # "the majority of 135" states the whole, not what was shot down
        (
            "Air defence shot down the majority of 135 Russian drones launched overnight. "
            "80 drones were shot down in 14 oblasts.",
            (135, "exact", 80, "exact"),
        ),
        # a relative clause after a place
        (
            "Overnight, Russia launched three kamikaze drones over Ukraine, which were shot down.",
            (3, "exact", 3, "exact"),
        ),
        # "all" before modifiers of the noun
        (
            "Troops tracked 24 combat drones. All enemy UAVs were shot down.",
            (24, "exact", 24, "exact"),
        ),
    ],
)
def test_what_a_count_of_the_whole_says(text, expected):
    data = quiet(text)
    assert len(data.events) == 1, data.events
    label = data.events["weapon_label"].iloc[0]
    assert counts(data, label) == expected


def test_other_types_of_drones_are_one_group_with_the_named_ones():
    data = quiet(
        "The enemy attacked with 72 Shahed one-way attack UAVs and other types of drones. "
        "47 Shahed assault UAVs and other kinds of drones were shot down."
    )
    assert len(data.events) == 1, data.events
    assert counts(data, data.events["weapon_label"].iloc[0]) == (72, "exact", 47, "exact")


def test_missiles_from_a_named_system_take_its_type():
    data = quiet(
        "The air force said Russia had launched four missiles from S-300 surface-to-air "
        "missile systems."
    )
    assert data.events["weapon_class"].tolist() == ["anti_aircraft_missile"]


@pytest.mark.parametrize(
    ("tail", "intercepted"), [("It was not intercepted.", 0), ("It was shot down.", 1)]
)
def test_it_after_a_single_named_missile(tail, intercepted):
    data = quiet(f"Russia also fired an Iskander-K cruise missile on the city of Sumy. {tail}")
    assert counts(data, "Iskander-K cruise missile") == (1, "exact", intercepted, "exact")


def test_a_scoped_count_quoted_again_for_the_region_is_one_group():
    # the quote opens the label; "within the region" is the region named before
    data = parse(
        "Air defense forces destroyed 25 Russian Shahed drones in the Cherkasy region. "
        "\"According to preliminary data, 25 'Shaheds' were destroyed within the region,\" "
        "noted the governor.",
        published="2024-12-14",
    )
    ev = data.events
    assert len(ev) == 1 and int(ev["intercepted"].iloc[0]) == 25


def test_a_strike_by_a_drone_says_how_and_counts_nothing():
    # "as a result of a strike by an enemy combat drone": no drone was counted
    data = parse(
        "Two people were injured in Kharkiv as a result of a strike by an enemy combat drone."
    )
    assert data.events.empty


def test_counts_of_two_named_regions_are_peers_not_parts():
    for text in (
        "Air defense shot down 5 drones over the Kyiv region and 3 drones over the Odesa region.",
        "Air defense shot down 5 drones over the Kyiv region and 5 drones over the Odesa region.",
    ):
        ev = parse(text).events
        assert len(ev) == 2 and ev["part_of"].isna().all()
    # under a national total they are its parts
    ev = parse(
        "Russia launched 40 drones. Air defense shot down 5 drones over the Kyiv region and "
        "3 drones over the Odesa region."
    ).events
    assert ev["part_of"].notna().sum() == 2
