"""Weapon groups of English reports: classes of plain "missiles" counts.

Every text here was written for these tests; expected values follow the corpus
annotation rules (the corpus README beside the data).
"""

from __future__ import annotations

import pandas as pd

from tests.io.text.helpers import counts, one, parse


def test_plain_missiles_beside_one_named_type_are_mixed():
    # the dev sets' convention: a plain "missiles" total is mixed when the text
    # names missile types anywhere ("60 cruise missiles" beside "76 missiles fired")
    data = parse(
        "Russia launched eight missiles overnight. Officials said four X-type cruise "
        "missiles, X-101 and X-555, were shot down over Mykolaiv."
    )
    row = one(data.events, launched=8)
    assert row["weapon_class"] == "mixed"


def test_plain_missiles_beside_a_counted_type_are_mixed():
    data = parse(
        "The Air Force intercepted all 10 Kinzhals Russia launched overnight. "
        "Russia launched 99 missiles in all."
    )
    assert one(data.events, launched=99)["weapon_class"] == "mixed"


def test_plain_missiles_in_a_text_naming_no_missile_type_are_unknown():
    # "Russia launched 472 drones and seven missiles" names no missile type
    data = parse("Russia launched 472 drones and seven missiles. Ukraine downed 382 drones.")
    assert one(data.events, launched=7)["weapon_class"] == "unknown"


def test_one_plain_missile_takes_the_type_named_later():
    data = parse(
        "Forces shot down 16 of the 18 drones and one missile overnight. "
        "The Kh-59 missile was downed over Poltava."
    )
    row = one(data.events, intercepted=1)
    assert row["weapon_class"] == "cruise_missile"  # airdef files Kh-59 under cruise_missile


def test_plain_missiles_beside_several_named_classes_are_mixed():
    data = parse(
        "Russia fired 40 missiles overnight, cruise and ballistic among them, "
        "including Kalibr and Iskander-M."
    )
    assert one(data.events, launched=40)["weapon_class"] == "mixed"


def test_more_after_a_count_is_a_peer_of_the_group_before():
    data = parse(
        "The air force shot down all 29 drones over eight regions. The governor of Mykolaiv "
        "said five drones were shot down there. Eight more drones were downed over Kherson."
    )
    total = one(data.events, intercepted=29)
    for n in (5, 8):
        assert one(data.events, intercepted=n)["part_of"] == total["weapon_label"]


def test_more_without_a_total_stays_top_level():
    data = parse(
        "Air defences shot down 11 Shaheds over Mykolaiv, while three more Shahed-136s "
        "were shot down by other units. Gunners finished off two more drones in the east."
    )
    assert data.events["part_of"].isna().all()
    assert sorted(data.events["intercepted"].astype(int)) == [2, 3, 11]


def test_one_unknown_word_before_the_weapon_noun():
    # a typo or an adjective the word lists lack ("strile", "suicide")
    data = parse("Russia launched 108 strile drones; forces shot down six Russian suicide drones.")
    assert one(data.events, weapon_class="strike_drone")["launched"] == 108


def test_a_total_beside_one_group_of_other_fields_is_that_group():
    data = parse(
        "Ukraine's air defence intercepted 58 Shahed drones overnight. Radars spotted 67 "
        "incoming air targets."
    )
    assert len(data.events) == 1
    row = one(data.events, weapon_class="strike_drone")
    assert (int(row["launched"]), int(row["intercepted"])) == (67, 58)


def test_a_total_beside_two_groups_stays():
    data = parse(
        "Radars spotted 67 incoming air targets. Forces shot down 50 drones and 5 missiles."
    )
    assert len(data.events) == 3


def test_all_of_a_downed_count_were_launched():
    data = parse(
        "Air defences downed 14 Russian drones overnight. All the drones were intercepted "
        "over Mykolaiv and Kherson oblasts."
    )
    row = one(data.events, weapon_class="strike_drone")
    assert (int(row["launched"]), int(row["intercepted"])) == (14, 14)


def test_a_later_count_does_not_merge_into_an_addition():
    data = parse(
        "Forces shot down 60 drones overnight. Additional 41 decoy UAVs were lost from "
        "tracking. Russia launched a total of 108 drones of Shahed-type."
    )
    row = one(data.events, launched=108)
    assert int(row["intercepted"]) == 60


def test_a_correction_names_its_field():
    data = parse(
        "The air force initially said 71 of the 75 drones had been shot down, but "
        "subsequently revised the number of downed craft to 74."
    )
    row = one(data.events, weapon_class="strike_drone")
    assert (int(row["launched"]), int(row["intercepted"])) == (75, 74)


def test_one_named_missile_as_a_singular_subject():
    data = parse(
        "Russia attacked with 14 Shahed drones; all 14 were destroyed. In addition, the Kh-22 "
        "cruise missile was launched from a Tu-22M3 aircraft."
    )
    assert int(one(data.events, weapon_class="cruise_missile")["launched"]) == 1


def test_a_count_with_its_noun_left_out_is_a_peer():
    data = parse(
        "Air defence shot down three cruise missiles over the Lviv region and one over the "
        "Mykolaiv region."
    )
    assert data.events["part_of"].isna().all()
    assert sorted(data.events["intercepted"].astype(int)) == [1, 3]
    assert "one" in set(data.evidence["quote"])


def test_a_regional_class_word_count_is_part_of_the_named_total():
    data = parse(
        "Russia launched 36 Shahed-136/131 drones overnight. All the drones were shot down. "
        "Southern Command reported destroying three drones over Mykolaiv Oblast and one over "
        "Odesa Oblast."
    )
    total = one(data.events, launched=36)
    parts = data.events.loc[data.events["part_of"].notna()]
    assert sorted(parts["intercepted"].astype(int)) == [1, 3]
    assert set(parts["part_of"]) == {total["weapon_label"]}


def test_an_estimate_restated_exactly_is_one_figure():
    data = parse(
        "Russia launched an assault with nearly 300 drones and 50 missiles. The barrage "
        "consisted of 297 drones and 50 missiles of various types. Of these, 274 drones and "
        "33 missiles were shot down or neutralised."
    )
    assert len(data.events) == 2
    drones = one(data.events, weapon_class="strike_drone")
    assert (int(drones["launched"]), drones["launched_qual"], int(drones["intercepted"])) == (
        297,
        "exact",
        274,
    )
    missiles = one(data.events, weapon_class="mixed")
    assert (int(missiles["launched"]), int(missiles["intercepted"])) == (50, 33)


def test_a_lone_loss_is_the_loss_of_the_one_group_of_its_class():
    data = parse(
        "Forces shot down 60 drones overnight. Additional 41 enemy decoy UAVs were lost from "
        "tracking."
    )
    row = one(data.events, weapon_class="strike_drone")
    assert (int(row["intercepted"]), int(row["suppressed"])) == (60, 41)


def test_a_plain_count_in_another_sentence_fills_the_plain_group_not_the_type():
    data = parse(
        "The Air Force intercepted all 10 Kinzhals Russia launched. Russia launched at least "
        "99 missiles in the morning. The Air Force said 72 Russian missiles were shot down."
    )
    top = data.events.loc[data.events["part_of"].isna()]
    row = one(top, launched=99)
    assert row["intercepted"] == 72
    assert len(top) == 1


def test_shot_down_or_suppressed_before_the_count_is_intercepted():
    data = parse("Russia launched 131 drones. Air defence shot down or suppressed 106 drones.")
    row = one(data.events, launched=131)
    assert row["intercepted"] == 106 and pd.isna(row["suppressed"])


def test_a_part_of_them_named_after_the_count_joins_that_group():
    data = parse(
        "The enemy attacked with two Iskander-M ballistic missiles, as well as 117 Shahed, "
        "Gerbera and other drones, about 70 of them being Shahed drones. Air defence shot "
        "down or suppressed 98 Shahed, Gerbera and other drones."
    )
    top = data.events.loc[data.events["part_of"].isna()]
    assert len(top) == 2
    assert one(top, launched=117)["intercepted"] == 98


def test_a_typed_count_smaller_than_a_class_word_count_is_its_part():
    data = parse(
        "Ukraine shot down all five Russia-launched drones overnight. Russian forces also "
        "used three ballistic Iskander-M missiles. Russia used three Shahed-type drones and "
        "two drones of an unidentified type for the attack."
    )
    top = data.events.loc[data.events["part_of"].isna()]
    assert sorted(top["launched"].tolist()) == [3, 5]
    assert (
        one(data.events, weapon_label="Shahed-type drones")["part_of"] == "Russia-launched drones"
    )


# -- report-level rules (airdef.io.text.resolve) ------------------------------------------


def test_a_regional_count_is_part_of_the_national_group_of_its_class():
    # the corpus README: a figure for one region that is part of a nationwide figure is
    # nested under it, never merged into it
    data = parse(
        "Russia launched 40 drones overnight, and air defences shot down 31. "
        "In the Kyiv region, 10 drones were shot down, the governor said."
    )
    ev = data.events
    assert one(ev, launched=40)["intercepted"] == 31
    part = one(ev, intercepted=10)
    assert part["part_of"] == "drones" and pd.isna(part["launched"])


def test_a_regional_count_beside_a_national_launch_figure_is_its_part():
    data = parse(
        "Russia launched 40 Shahed drones overnight. Eight drones were downed over the "
        "southern region of Kherson, its governor said."
    )
    part = one(data.events, intercepted=8)
    assert part["part_of"] == "Shahed drones"
    assert counts(data, "Shahed drones") == (40, "exact", None, None)


def test_a_regional_figure_that_restates_the_national_one_is_no_row():
    data = parse(
        "The air force said all six Kalibr missiles fired overnight were shot down. "
        "The southern command said all six Kalibr cruise missiles were shot down over Odesa."
    )
    assert len(data.events) == 1
    assert counts(data, "Kalibr missiles") == (6, "exact", 6, "exact")


def test_a_regional_count_with_no_national_group_stays_a_group():
    data = parse("The governor said 13 Shahed drones were shot down over the Mykolaiv region.")
    row = one(data.events, intercepted=13)
    assert pd.isna(row["part_of"])


def test_a_list_of_regions_is_no_scope():
    data = parse(
        "Russia launched 27 Shahed drones. 22 Shaheds were shot down over the Mykolaiv, "
        "Kherson and Sumy regions."
    )
    assert len(data.events) == 1
    assert counts(data, "Shahed drones") == (27, "exact", 22, "exact")


def test_a_sentence_opening_of_these_gives_parts_of_the_whole_before():
    data = parse(
        "Russia launched 367 drones and missiles overnight. Of these, Ukraine shot down "
        "45 cruise missiles and neutralized 266 UAVs."
    )
    ev = data.events
    assert one(ev, launched=367)["weapon_class"] == "mixed"
    assert one(ev, intercepted=45)["part_of"] == "drones and missiles"
    assert one(ev, intercepted=266)["part_of"] == "drones and missiles"


def test_an_intercept_figure_above_a_lower_bound_is_the_same_group():
    # "more than 100 missiles ... 102 of the missiles": 102 does not exceed an at_least 101
    data = parse(
        "The strikes used more than 100 missiles of various types. Ukraine shot down 102 "
        "of the missiles."
    )
    assert len(data.events) == 1
    row = data.events.iloc[0]
    assert (row["launched"], row["launched_qual"], row["intercepted"]) == (101, "at_least", 102)


def test_a_launch_figure_and_an_outcome_figure_told_apart_are_one_group():
    # "29 Shahed drones ... were shot down" and, later, "A total of 35 attack drones"
    data = parse(
        "Officials said 37 cruise missiles, 29 Shahed drones and one reconnaissance drone "
        "were shot down. The enemy attacked with Shahed UAVs. A total of 35 attack drones "
        "were launched."
    )
    row = one(data.events, intercepted=29)
    assert row["launched"] == 35 and row["weapon_class"] == "strike_drone"


def test_an_outcome_with_the_whole_after_its_verb():
    data = parse("19 Shahed drones were shot down by the air defence out of 31 launched overnight.")
    assert counts(data, "Shahed drones") == (31, "exact", 19, "exact")


def test_they_were_not_shot_down_gives_zero():
    data = parse(
        "Air defences destroyed 15 of 16 Shahed drones. Russia also attacked with two "
        "Iskander-M ballistic missiles. They were not shot down."
    )
    row = one(data.events, launched=2)
    assert row["intercepted"] == 0
    assert one(data.events, launched=16)["intercepted"] == 15


def test_shot_it_down_gives_one_of_one():
    data = parse(
        "A Russian ballistic missile was launched toward the capital. The missile failed to "
        "reach Kyiv, air defenders shot it down."
    )
    row = one(data.events, weapon_class="ballistic_missile")
    assert (row["launched"], row["intercepted"]) == (1, 1)


def test_all_but_n_gives_the_rest():
    for text in (
        "Russia launched 20 drones. All but one of the drones were destroyed.",
        "Air defences shot down all but one of the 20 drones.",
    ):
        assert counts(parse(text), "drones") == (20, "exact", 19, "exact"), text


def test_a_list_set_off_by_commas_takes_the_passive_after_it():
    data = parse(
        "The air force said all six Kalibr missiles that were fired overnight, and 31 out of "
        "36 drones, were shot down."
    )
    assert counts(data, "Kalibr missiles") == (6, "exact", 6, "exact")
    assert counts(data, "drones") == (36, "exact", 31, "exact")


def test_a_list_whose_predicate_follows_it_is_launched():
    data = parse(
        "The total of 53 missiles of various types, including four Iskander ballistic missiles "
        "launched from Crimea, as well as 47 explosive-laden Shahed drones, targeted Ukraine "
        "overnight. All but one of the drones were destroyed, yet 18 missiles were able to "
        "evade Ukraine's air defense."
    )
    ev = data.events
    assert one(ev, launched=53)["weapon_class"] == "mixed"
    assert pd.isna(one(ev, launched=53)["intercepted"])  # "18 ... were able to evade"
    assert one(ev, launched=4)["part_of"] == "missiles of various types"
    drones = one(ev, launched=47)
    assert drones["intercepted"] == 46 and pd.isna(drones["part_of"])


def test_all_the_named_weapons_are_only_those():
    data = parse(
        "The attack involved 12 Kalibr cruise missiles, two Onyx missiles, and 19 drones, "
        "with air defenses shooting down all the drones and 11 of the Kalibr missiles."
    )
    assert counts(data, "drones") == (19, "exact", 19, "exact")
    assert pd.isna(one(data.events, launched=2)["intercepted"])


def test_drones_still_in_the_air_are_not_counted():
    data = parse("Air defences shot down 59 of 102 drones. Four more drones are still in the air.")
    assert len(data.events) == 1


def test_a_bound_and_the_exact_figure_that_meets_it_are_one_figure():
    data = parse(
        "Zelenskyy said around 120 missiles and 90 drones were fired, with air defenses "
        "downing more than 140 targets. The air force said defenders downed 144 targets -- "
        "102 missiles and 42 drones."
    )
    assert set(data.events["weapon_label"]) == {"missiles", "drones"}


def test_an_em_dash_between_words_parts_them():
    data = parse(
        "Crews shot down the vast majority\u2014more than 560 drones and 43 missiles\u2014yet some got through."
    )
    assert counts(data, "drones") == (None, None, 561, "at_least")
    assert counts(data, "missiles") == (None, None, 44, "at_least")


def test_a_loss_to_electronic_warfare_over_several_groups_is_the_drones():
    data = parse(
        "Air defenses intercepted 30 missiles and 47 drones, while electronic warfare was "
        "employed to redirect another 27."
    )
    assert one(data.events, intercepted=47)["suppressed"] == 27
    assert len(data.events) == 2


def test_a_slash_name_of_two_classes_takes_the_class_written():
    data = parse("Russia launched six Iskander-M/S-400 ballistic missiles overnight.")
    assert data.events.iloc[0]["weapon_class"] == "ballistic_missile"


def test_an_including_total_that_only_sums_its_parts_is_no_group():
    # the corpus README: a total that only sums the listed groups is not a group of its own
    data = parse(
        "The Air Force detected 85 aerial targets, including four Kh-59 missiles and 81 Shahed drones."
    )
    assert sorted(data.events["launched"].tolist()) == [4, 81]
    assert data.events["part_of"].isna().all()


def test_of_the_total_opening_a_sentence_gives_the_whole_and_its_outcome():
    data = parse(
        "Russia fired at least 70 missiles and 145 drones at Ukraine. Of the 215 projectiles, "
        "112 were \u201cconfirmed to have been shot down\u201d."
    )
    ev = data.events
    whole = one(ev, launched=215)
    assert (whole["weapon_class"], whole["intercepted"]) == ("mixed", 112)
    assert set(ev.loc[ev["launched"] != 215, "part_of"]) == {whole["weapon_label"]}


def test_a_misprinted_variant_of_one_family_still_names_it():
    # "Kh-101/Kh-556 missiles": a named missile type makes a plain "missiles" total mixed
    data = parse(
        "The air force destroyed all five missiles and 48 of 53 drones. Russian forces used "
        "drones and Kh-101/Kh-556 missiles to attack the Kyiv Region."
    )
    assert one(data.events, launched=5)["weapon_class"] == "mixed"


def test_a_part_that_restates_its_whole_is_the_whole_figure():
    data = parse(
        "Ukraine said its air defence shot down nearly three dozen missiles. It launched 81 "
        "missiles from different bases. Ukraine destroyed 34 cruise missiles."
    )
    assert len(data.events) == 1
    row = data.events.iloc[0]
    assert (row["launched"], row["intercepted"], row["intercepted_qual"]) == (81, 34, "exact")


def test_a_list_of_type_names_before_one_class_noun_is_one_count():
    data = parse(
        "The attack used 19 Kalibr, Onyx, Kh-22, Iskander-K, and Iskander-M ballistic missiles."
    )
    assert len(data.events) == 1
    assert data.events.iloc[0]["weapon_class"] == "mixed"


def test_n_of_those_missiles_is_the_group_of_the_sentence_before():
    data = parse(
        "Russian forces fired eight Kalibr cruise missiles from warships. All eight missiles "
        "were destroyed. On Tuesday, Russia launched seventeen X-101/X-555 cruise missiles "
        "from the Caspian Sea region. Ukraine's air defence shot down 15 of those missiles."
    )
    assert len(data.events) == 2
    assert one(data.events, launched=17)["intercepted"] == 15
    assert one(data.events, launched=8)["intercepted"] == 8


def test_a_count_far_from_its_passive_after_a_comma():
    data = parse(
        "Officials said that all of the 24 drones that Russia sent to attack across Ukraine, "
        "including 15 around the capital Kiev, were shot down."
    )
    assert counts(data, "drones") == (24, "exact", 24, "exact")


def test_two_lists_joined_by_out_of_pair_by_class():
    data = parse(
        "Air defenses shot down 36 rockets and 186 drones out of 194 attack drones and 67 "
        "missiles fired by Russia overnight."
    )
    assert len(data.events) == 2
    assert one(data.events, launched=67)["intercepted"] == 36
    assert one(data.events, launched=194)["intercepted"] == 186
    # an item of another class after an "out of" count stays a count of its own
    data = parse("Air defences shot down 31 out of 36 drones and six missiles.")
    assert one(data.events, intercepted=6)["weapon_class"] == "unknown"
