"""Ukrainian and Russian wording: numbers, weapon names, roles, subsets, dates, casualties.

Sentences follow the Air Force's and regional administrations' posts as quoted in
``reports_dev_uk.json`` (item ids in comments); expected values are what the
sentences state.
"""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.io.text.lexicon_uk import uk_number
from airdef.io.text.weapons_uk import read_phrase_uk, uk_name
from tests.io.text.helpers import assert_spans, one


def parse(text: str, published: str | None = "2025-08-23"):
    data = airdef.parse_report(text, published=published)
    assert_spans(text, data)
    return data


def counts(row: pd.Series) -> tuple:
    def v(x):
        return None if pd.isna(x) else int(x)

    return v(row["launched"]), v(row["intercepted"]), v(row["suppressed"])


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("одинадцять", 11),
        ("чотирма", 4),
        ("однією", 1),
        ("п’ятеро", 5),
        ("восьмеро", 8),
        ("двадцять три", 23),
        ("Чотириста двадцять", 420),
        ("півтора десятка", 15),
        ("двумя", 2),
        ("семь", 7),
        ("три тисячі", 3000),
    ],
)
def test_number_words_in_every_case(words, value):
    assert uk_number(words) == value


@pytest.mark.parametrize(
    ("word", "weapon"),
    [
        ("шахедів", "Shahed-136/131"),
        ("«Шахеди»", "Shahed-136/131"),
        ("Кинджали", "Kh-47M2 Kinzhal"),
        ("Х-31П", "Kh-31P"),
        ("Х-59/69", "Kh-59/Kh-69"),
        ("«Іскандер-М»/KN-23", "Iskander-M/KN-23"),
        ("Іскандер-К", "Iskander-K"),
        ("Гербера", "Gerbera"),
    ],
)
def test_cyrillic_names_and_case_forms(word, weapon):
    assert uk_name(word) == weapon


def test_aircraft_are_not_weapons():
    assert read_phrase_uk("8 літаків стратегічної авіації Ту-95", 2) is None


def test_air_force_post_with_combined_figure_suppressed_and_hits():
    # dev_uk_25, dev_uk_20
    data = parse(
        "У ніч на 23 серпня противник атакував 49 ударними БпЛА типу Shahed і "
        "безпілотниками-імітаторами. Станом на 08.30 протиповітряною обороною збито/подавлено "
        "36 ворожих БпЛА. Ще 5 дронів локаційно втрачено. Зафіксовано влучання 13 безпілотників "
        "на 7 локаціях."
    )
    row = one(data.events, weapon_class="strike_drone")
    assert counts(row) == (49, 36, 5)
    assert str(row["time_start"].date()) == "2025-08-23"
    ev = data.evidence
    assert ev.loc[ev["field"] == "intercept_definition", "value"].tolist() == [
        "shot_down_or_suppressed"
    ]
    assert ev.loc[ev["field"] == "hits", "value"].tolist() == ["13"]
    assert "13" not in set(ev.loc[ev["table"] == "events", "value"])


def test_n_of_m_and_regional_subset():
    # dev_uk_03: 12 of 13 nationwide, 6 over one region are part of them
    data = parse(
        "У ніч на 2 листопада українські сили ППО збили над Дніпропетровською областю 6 ворожих "
        "дронів-камікадзе. Загалом наші військові цієї ночі знищили 12 із 13-ти баражуючих "
        "боєприпасів (дронів-камікадзе).",
        published="2022-11-02",
    )
    top = data.events.loc[data.events["part_of"].isna()]
    assert [counts(r) for _, r in top.iterrows()] == [(13, 12, None)]
    part = one(data.events, intercepted=6)
    assert part["part_of"] == top.iloc[0]["weapon_label"]


def test_of_them_refers_back_and_hits_are_not_counted():
    # dev_uk_01, dev_uk_06
    data = parse("РФ запустила по Україні 83 ракети, 43 з яких збили українські сили оборони.")
    assert counts(one(data.events, weapon_class="unknown")) == (83, 43, None)
    data = parse("Три БпЛА збили сили ППО, ще два поцілили по об‘єкту критичної інфраструктури.")
    assert counts(one(data.events, weapon_class="strike_drone")) == (None, 3, None)


def test_singular_missile_is_one_and_russian_verbs():
    # dev_uk_16 (Russian)
    data = parse(
        "В ночь на 23 августа 2024 года враг атаковал двумя баллистическими ракетами "
        "«Искандер-М»/KN-23 и 16-ю ударными БпЛА типа «Shahed». ПВО сбила 14 «шахедов». Еще "
        "два — локально потеряны.",
        published=None,
    )
    assert counts(one(data.events, weapon_class="ballistic_missile")) == (2, None, None)
    assert counts(one(data.events, weapon_class="strike_drone")) == (16, 14, 2)
    assert str(data.events["time_start"].iloc[0].date()) == "2024-08-23"
    data = parse("Ворог випустив радіолокаційну ракету Х-31П.")
    assert counts(one(data.events, weapon="Kh-31P")) == (1, None, None)


def test_slash_pairs_and_named_classes_make_missiles_mixed():
    # dev_uk_17
    data = parse(
        "Збито 102/127 ракет і 99/109 ударних БпЛА. Ворогом застосовані різні види озброєння: "
        "БпЛА, крилаті ракети, «Кинджали»."
    )
    assert counts(one(data.events, weapon_class="mixed")) == (127, 102, None)
    assert counts(one(data.events, weapon_class="strike_drone")) == (109, 99, None)


def test_casualties_by_city_and_district():
    # dev_uk_32, dev_uk_36
    data = parse(
        "Кількість постраждалих через атаку російських дронів на Київ зросла до 31 людини. "
        "Найважча ситуація в Деснянському районі: підтверджено щонайменше 26 поранених, з них "
        "п'ятеро дітей. Кількість загиблих наразі не змінилася - троє людей."
    )
    desna = one(data.casualties, district="Desnianskyi")
    assert (int(desna["injured"]), desna["injured_qual"]) == (26, "at_least")
    kyiv = data.casualties.loc[data.casualties["district"].isna()].iloc[0]
    assert (kyiv["city"], int(kyiv["killed"]), int(kyiv["injured"])) == ("Kyiv", 3, 31)
    assert len(data.casualties) == 2
    data = parse(
        "Унаслідок удару по Запоріжжю загинули двоє людей, поранено щонайменше восьмеро. "
        "Загинули 18-річні хлопець та дівчина."
    )
    row = one(data.casualties, city="Zaporizhzhia")
    assert (int(row["killed"]), int(row["injured"]), row["injured_qual"]) == (2, 8, "at_least")


def test_a_list_under_a_verb_line_gives_one_group_per_line():
    # dev_uk_37: a regional administration's daily list
    data = parse(
        "Протягом доби росіяни випустили по регіону таке озброєння:\n- чотири КАБи;\n"
        "- два БпЛА типу «Ланцет»;\n- шість БпЛА типу «Молния»;\n- 12 БпЛА (тип встановлюється)."
    )
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["launched"].astype(int)) == [2, 4, 6, 12]
    assert one(ev, weapon_class="guided_bomb")["launched"] == 4
