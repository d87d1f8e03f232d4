"""Weapon groups of English reports: classes of plain "missiles" counts.

Every text here was written for these tests; expected values follow the corpus
annotation rules (the corpus README beside the data).
"""

from __future__ import annotations

from tests.io.text.helpers import one, parse


def test_plain_missiles_stay_unknown_beside_one_named_type():
    # the corpus README: "unknown: the text says only missiles"; a type named
    # beside the count need not be the type of all of it
    data = parse(
        "Russia launched eight missiles overnight. Officials said four X-type cruise "
        "missiles, X-101 and X-555, were shot down over Mykolaiv."
    )
    row = one(data.events, launched=8)
    assert row["weapon_class"] == "unknown"


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
