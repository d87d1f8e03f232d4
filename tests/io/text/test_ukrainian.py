"""Ukrainian and Russian wording: numbers, weapon names, roles, subsets, dates, casualties.

Sentences follow the Air Force's and regional administrations' posts as quoted in
``reports_dev_uk.json`` (item ids in comments); expected values are what the
sentences state.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import airdef
from airdef.io.text.lexicon_uk import latin_name, uk_number
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


# -- wording from the public excerpts in data/uk_public.json (item ids in comments) ----------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("десяток", 10),  # uk_pub_15 "приблизно десяток ворожих ракет"
        ("п’ятьма десятками", 50),  # uk_pub_01 "понад п’ятьма десятками"
        ("два десятки", 20),
        ("однієї", 1),  # uk_pub_43 "забрав життя однієї людини"
        ("десятки", None),  # "dozens" alone is vague
    ],
)
def test_tens_and_more_case_forms(words, value):
    assert uk_number(words) == value


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        # the national transliteration (Cabinet of Ministers resolution No. 55, 2010)
        ("Вугледар", "Vuhledar"),
        ("Солом'янський", "Solomianskyi"),
        ("Згурівка", "Zghurivka"),
        ("Козача Лопань", "Kozacha Lopan"),
        ("Ярославський", "Yaroslavskyi"),
        ("Івано-Франківськ", "Ivano-Frankivsk"),
    ],
)
def test_latin_names(name, latin):
    assert latin_name(name) == latin


@pytest.mark.parametrize(
    "text",
    [
        "завдав ракетного удару по Києву",  # uk_pub_15 "ракетний удар"
        "підрозділами зенітних ракетних військ",  # uk_pub_19
        "із бортів стратегічних бомбардувальників Ту-95МС",  # uk_pub_15
    ],
)
def test_attacks_troops_and_bombers_are_no_weapons(text):
    start = text.index(" ") + 1
    assert read_phrase_uk(text, start) is None


def test_a_weapon_phrase_stops_at_the_end_of_a_sentence():
    # uk_pub_08: "28 ракет і 16 БпЛА. Ракети були збиті усі"
    data = parse(
        "ППО змогли збити всі 28 ракет та 15 із 16 безпілотників. Нагадаємо, що уночі ворог "
        "випустив 44 повітряні обʼєкти: 28 ракет і 16 БпЛА. Ракети були збиті усі.",
        published="2023-08-30",
    )
    top = data.events.loc[data.events["part_of"].isna()]
    assert sorted(counts(r) for _, r in top.iterrows()) == [(16, 15, None), (28, 28, None)]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # uk_pub_31 (Russian): "N X из M" after the weapon
        ("Военным удалось сбить 52 вражеских дрона из 110.", "launched", 110),
        # uk_pub_30: "з M X збито N"
        ("З 673 засобів повітряного нападу збито і подавлено 635.", "launched", 673),
        # uk_pub_17: "збили усі 18 ракет" = 18 of 18
        ("Сили ППО збили усі 18 ракет, запущених росією.", "launched", 18),
    ],
)
def test_of_m_orders_and_all_of(text, field, value):
    row = data_top(parse(text))
    assert row[field] == value
    assert not pd.isna(row["intercepted"])


def data_top(data) -> pd.Series:
    top = data.events.loc[data.events["part_of"].isna()]
    assert len(top) == 1, data.events
    return top.iloc[0]


def test_shot_down_or_suppressed_in_other_words_is_one_combined_figure():
    # uk_pub_02, uk_pub_04, uk_pub_36
    for text in (
        "Протиповітряна оборона знищила або подавила 36 ворожих дронів.",
        "Противовоздушная оборона уничтожила или подавила 36 вражеских дронов.",
        "Було відбито або подавлено 36 безпілотників.",
    ):
        data = parse(text)
        assert counts(data_top(data)) == (None, 36, None)
        ev = data.evidence
        assert ev.loc[ev["field"] == "intercept_definition", "value"].tolist() == [
            "shot_down_or_suppressed"
        ]


def test_an_exact_figure_replaces_the_hedged_one_it_restates():
    # uk_pub_01: "понад п’ятьма десятками" then "54 ударні безпілотники"
    data = parse(
        "Російські війська атакували Україну понад п’ятьма десятками ударних безпілотників. "
        "Російська армія застосувала 54 ударні безпілотники проти України. Протиповітряна "
        "оборона збила або подавила 33 російські дрони."
    )
    assert counts(data_top(data)) == (54, 33, None)


def test_the_lead_line_gives_what_the_body_leaves_out():
    # uk_pub_02: a first line without a full stop, then the body
    data = parse(
        "У ніч на 23 серпня російська армія атакувала Україну 49 ударними БпЛА типу Shahed\n\n"
        "Станом на 08:30, протиповітряна оборона знищила або подавила 36 ворожих дронів типу "
        "Shahed."
    )
    assert counts(data_top(data)) == (49, 36, None)


def test_directions_regions_and_strikes_are_no_counts():
    # uk_pub_29 (Russian), uk_pub_40
    data = parse(
        "Атаковали дроны с трех направлений. Противовоздушной обороной уничтожено 17 из 22 "
        "вражеских ударных БпЛА «Shahed-136/131»."
    )
    assert counts(data_top(data)) == (22, 17, None)


def test_a_weekday_or_the_one_year_named_fixes_the_year():
    # uk_pub_18: 10 October fell on a Monday in 2022 only (of 2022-2027)
    data = parse(
        "Кривий Ріг атакували дрони-камікадзе, повідомляє мер у понеділок, 10 жовтня. Сили ППО "
        "збили дві ракети.",
        published=None,
    )
    assert str(data.events["time_start"].iloc[0].date()) == "2022-10-10"
    # dev_uk_21: "2024 року" elsewhere in the text
    data = parse(
        "У ніч на 14 грудня армія РФ випустила по Україні 132 безпілотники. З початку 2024 року "
        "країна-агресор обстрілює Україну щодня.",
        published=None,
    )
    assert str(data.events["time_start"].iloc[0].date()) == "2024-12-14"


def test_a_named_type_without_a_number_beside_counted_groups():
    # uk_pub_07
    data = parse(
        "Російська армія завдала удару 10 БпЛА типу Shahed. Також окупанти застосували "
        "протирадіолокаційні ракети Х-31П та дві балістичні ракети «Іскандер-М».",
        published="2024-08-22",
    )
    assert counts(one(data.events, weapon="Kh-31P")) == (None, None, None)
    assert counts(one(data.events, weapon_class="ballistic_missile")) == (2, None, None)
    assert counts(one(data.events, weapon_class="strike_drone")) == (10, None, None)


def test_weapons_listed_without_numbers_are_one_group_each():
    # dev_uk_27
    data = parse(
        "Російські війська завдали масованого удару по Києву, використовуючи комбіновані засоби: "
        '"шахеди", балістичні ракети, "Кинджали", крилаті ракети та "обманки".'
    )
    assert len(data.events) == 5
    assert data.events[["launched", "intercepted"]].isna().all().all()


def test_a_total_that_only_sums_its_listed_parts_is_no_group():
    # uk_pub_37
    data = parse(
        "Знищено 114 повітряних цілей: 27 «шахедів» та 87 крилатих ракет Х-101/Х-555/Х-55."
    )
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["intercepted"].astype(int)) == [27, 87]


def test_list_siblings_of_one_class_are_not_parts():
    # uk_pub_19: eight kamikaze drones and three other drones
    data = parse(
        "Всього 11 жовтня збили 18 ракет, вісім дронів-камікадзе на півдні (Одеська та "
        "Миколаївська область) і три безпілотники."
    )
    drones = data.events.loc[data.events["weapon_class"] == "strike_drone"]
    assert drones["part_of"].isna().all()
    assert sorted(drones["intercepted"].astype(int)) == [3, 8]


def test_distributive_counts_give_one_group_per_region():
    # dev_uk_14: "По 4 дрони" = 4 in each of the two regions
    data = parse("По 4 дрони знищено в Одеській та Миколаївській областях.")
    assert data.events["intercepted"].astype(int).tolist() == [4, 4]
    assert data.events["part_of"].isna().all()


def test_weapons_in_a_regions_airspace_and_aerial_bombs():
    # uk_pub_45, uk_pub_49
    data = parse("В повітряному просторі області перебувало 90 дронів та 23 крилаті ракети.")
    assert sorted(data.events["launched"].astype(int)) == [23, 90]
    data = parse("Війська атакували Запоріжжя, застосувавши шість фугасних авіабомб (ФАБ).")
    assert counts(one(data.events, weapon_class="guided_bomb")) == (6, None, None)


# -- casualties ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city", "killed", "injured"),
    [
        # uk_pub_15: "в столиці без постраждалих"
        ("За попередніми даними, в столиці без постраждалих та руйнувань.", "Kyiv", 0, 0),
        # uk_pub_24: the city of the sentence before
        (
            "В повітряному просторі навколо Києва було збито дев’ять БПЛА. За його словами, в "
            "результаті атаки ніхто не постраждав.",
            "Kyiv",
            0,
            0,
        ),
        # uk_pub_44: no dead, but injured
        ("На щастя, обійшлося без жертв. Але постраждали 8 людей.", None, 0, 8),
        # uk_pub_38: the verb after the number
        (
            "Внаслідок атаки на Запоріжжя 2 людини загинули та 4 дістали поранення.",
            "Zaporizhzhia",
            2,
            4,
        ),
        # uk_pub_43: "забрав життя"
        ("Повторний удар забрав життя однієї людини. Поранено щонайменше 16 людей.", None, 1, 16),
        # uk_pub_12: injuries in other words
        (
            "Двоє людей загинуло, двоє людей доставлені в лікарню з незначними ушкодженнями.",
            None,
            2,
            2,
        ),
    ],
)
def test_casualty_wordings(text, city, killed, injured):
    data = parse(text)
    assert len(data.casualties) == 1, data.casualties
    row = data.casualties.iloc[0]
    assert (None if pd.isna(row["city"]) else row["city"]) == city
    assert (int(row["killed"]), int(row["injured"])) == (killed, injured)


def test_districts_and_villages_not_in_the_list_by_transliteration():
    # uk_pub_13: "Маємо пораненого ... в Самарівському районі"; a village named after "у селі"
    data = parse(
        "П'ятеро людей постраждали у Дніпропетровській області. Маємо пораненого через "
        "російську атаку і в Самарівському районі."
    )
    assert int(one(data.casualties, district="Samarivskyi")["injured"]) == 1
    data = parse("У селі Погреби загинули троє людей.")
    assert int(one(data.casualties, city="Pohreby")["killed"]) == 3


def test_a_number_that_counts_weapons_counts_no_people():
    # uk_pub_18: "було збито дві ракети, від уламків однієї з них постраждали троє людей"
    data = parse(
        "Водночас на Полтавщині сили ППО збили ракету. Пізніше він уточнив, що було збито дві "
        "ракети, від уламків однієї з них постраждали троє людей."
    )
    row = data.casualties.iloc[0]
    assert (int(row["injured"]), pd.isna(row["city"])) == (3, True)


def test_a_part_named_after_of_them_and_a_district_part():
    # uk_pub_65 and the Air Force's "близько 30 із них – шахеди"
    data = parse(
        "У ніч на 23 серпня противник атакував 49 ударними БпЛА, близько 30 із них – шахеди. "
        "У Києві загинули двоє людей, ще 12 поранено, серед них у Дарницькому районі — троє. "
        "У Броварському районі обійшлося без жертв."
    )
    part = one(data.events, launched_qual="approx")
    assert (int(part["launched"]), part["part_of"]) == (30, "ударними БпЛА")
    cas = data.casualties
    assert len(cas) == 2
    kyiv = cas.loc[cas["district"].isna()].iloc[0]
    assert (int(kyiv["killed"]), int(kyiv["injured"])) == (2, 12)
    darnytsia = one(cas, district="Darnytskyi")
    assert (pd.isna(darnytsia["killed"]), int(darnytsia["injured"])) == (True, 3)


def test_running_totals_are_not_the_attack():
    # uk_pub_52, uk_pub_68
    data = parse(
        "Вдень 14 квітня російські війська атакували Одещину двома керованими авіаційними "
        "ракетами Х-59. Обидві цілі було знищено. Загалом, з початку повномасштабного вторгнення "
        "українська ППО збила понад дві тисячі ракет. Тільки протягом жовтня окупанти випустили "
        "по Україні 2023 БПЛА."
    )
    assert counts(data_top(data)) == (2, 2, None)


@given(
    count=st.integers(min_value=2, max_value=900),
    age=st.integers(min_value=2, max_value=95),
    other=st.integers(min_value=2, max_value=60),
    total=st.integers(min_value=1000, max_value=9000),
)
@settings(max_examples=25, deadline=None)
def test_ages_places_and_running_totals_are_never_counts(count, age, other, total):
    text = (
        f"Противник атакував {count} ударними БпЛА. Зафіксовано влучання у {other} різних "
        f"місцях. Загинув {age}-річний чоловік. З початку повномасштабного вторгнення ворог "
        f"випустив {total} дронів."
    )
    data = airdef.parse_report(text, published="2025-08-23")
    ev = data.events
    values = set(ev["launched"].dropna().astype(int)) | set(ev["intercepted"].dropna().astype(int))
    assert values == {count}
    cas = data.casualties
    assert cas["killed"].dropna().astype(int).tolist() == [1]
    assert cas["injured"].isna().all()


def test_a_regional_daily_list():
    # uk_pub_79, uk_pub_84: a regional head's list of villages and of weapons
    data = parse(
        "Вранці 23 січня начальник ХОВА повідомив, що під ударами опинилися сім населених "
        "пунктів області.\n\nУ с. Ківшарівка постраждав 45-річний чоловік; в с. Руська Лозова "
        "постраждав 70-річний чоловік; в с. Грушівка постраждали 40-річна жінка та 47-річний "
        "чоловік.\n\nЗа добу по Харківщині “прилетіло”:\n\n▪️п’ять КАБ;\n\n▪️ дві ракети "
        "«Іскандер М»;\n\n▪️БпЛА (тип встановлюється).",
        published="2026-01-23",
    )
    cas = data.casualties.set_index("city")
    assert sorted(cas.index) == ["Kivsharivka", "Ruska Lozova"]  # Hrushivka's two: a list
    assert cas["injured"].astype(int).tolist() == [1, 1]
    ev = data.events
    assert int(one(ev, weapon_class="guided_bomb")["launched"]) == 5
    assert int(one(ev, weapon_class="ballistic_missile")["launched"]) == 2
    assert pd.isna(one(ev, weapon_class="strike_drone")["launched"])


def test_a_city_with_the_regions_settlements_and_lists_of_ages():
    # uk_pub_81
    data = parse(
        "Внаслідок обстрілів Харкова та 14 населених пунктів області троє людей загинули, 16 – "
        "постраждали. У м. Чугуїв загинув 53-річний чоловік, постраждали жінки 41 і 60 років."
    )
    cas = data.casualties
    total = cas.loc[cas["city"].isna()].iloc[0]
    assert (int(total["killed"]), int(total["injured"])) == (3, 16)
    chuhuiv = one(cas, city="Chuhuiv")
    assert (int(chuhuiv["killed"]), pd.isna(chuhuiv["injured"])) == (1, True)


def test_a_counted_subject_that_were_destroyed():
    # uk_pub_78: "Дві ракети типу «Онікс», випущені ..., були знищені"
    data = parse(
        "«Дві ракети типу «Онікс», випущені з берегового ракетного комплексу в Криму, були "
        "знищені силами протиповітряної оборони», – йдеться в повідомленні."
    )
    assert counts(data_top(data)) == (2, 2, None)


@pytest.mark.parametrize(
    "text",
    [
        # pr_2025-05-15_1 (Russian): "на 8 утра" is a time
        "Россия ночью запустила по Украине 110 ударных беспилотников. По состоянию на 8 утра "
        "военные подтверждают, что сбили 62 дрона. Еще 29 российских беспилотников-имитаторов "
        "были локационно потеряны.",
        # pr_2025-02-18_1 (Russian): "осуществил атаку N", "сбитие", "локально потеряны"
        "Ночью противник осуществил атаку 110 ударными дронами типа Shahed и "
        "беспилотниками-имитаторами различных моделей. На 09:00 подтверждено сбитие 62 ударных "
        "дронов типа Shahed и других беспилотников. Кроме того, 29 вражеских "
        "беспилотников-имитаторов были локально потеряны.",
        # pr_2025-05-18_1: "зафіксовано N" (no hit word) is the launch
        "Загалом було зафіксовано 110 ударних БпЛА. Станом на 08.00 підтверджено збиття 62 "
        "ударних БпЛА типу Shahed (безпілотників інших типів). 29 безпілотників-імітаторів – "
        "локаційно втрачені.",
        # pr_2025-08-31_1: "станом на 9-ту ранку" is a time; "запуск N"
        "Операція включала запуск 110 дронів-камікадзе типу Shahed, а також "
        "безпілотників-імітаторів. Станом на 9-ту ранку захисникам вдалося знищити 62 ворожих "
        "дронів. Ще 29 дронів локаційно втрачено.",
    ],
)
def test_launch_words_times_of_day_and_decoys_lost(text):
    assert counts(data_top(parse(text))) == (110, 62, 29)


def test_a_hedge_with_than_and_an_intercept_noun():
    # pr_2022-10-31_a (Russian): "44 из более чем 50"; pr_2025-09-28_2: "о перехвате 566 БПЛА"
    data = parse("Украинские военные сбили 44 из более чем 50 российских ракет.")
    row = data_top(data)
    assert (int(row["launched"]), row["launched_qual"]) == (51, "at_least")
    assert int(row["intercepted"]) == 44
    data = parse(
        "Российские военные выпустили по Украине 593 БПЛА. Украинские ПВО заявляют о "
        "перехвате 566 БПЛА."
    )
    assert counts(data_top(data)) == (593, 566, None)


def test_parts_named_after_among_the_launched_weapons():
    # pr_2025-12-06_1: "Серед запущених ракет — три «Кинджали», 34 крилаті ..."; the later
    # intercept figures merge into the parents, "одну балістичну" is a part of the 51
    data = parse(
        "Російська армія запустила по Україні 51 ракету і 653 дрони. Серед запущених ракет — "
        "три «Кинджали», 34 крилаті ракети «Калібр» та Х-101, а також 14 балістичних ракет "
        "«Іскандер-М». Серед запущених 653 дронів понад 300 — «шахеди». ППО знешкодила 29 "
        "крилатих і одну балістичну ракету, а також 585 дронів."
    )
    ev = data.events
    top = ev.loc[ev["part_of"].isna()].set_index("weapon_class")
    assert sorted(top.index) == ["mixed", "strike_drone"]
    assert counts(top.loc["mixed"]) == (51, None, None)
    assert counts(top.loc["strike_drone"]) == (653, 585, None)
    assert (ev["part_of"] == "ракету").sum() == 4
    # pr_2025-11-23_1: "Серед 98 апаратів приблизно 60 становили ударні «Shahed»"
    data = parse(
        "Серед 98 апаратів приблизно 60 становили ударні «Shahed», а також дрони типу "
        "«Гербера». Силами протиповітряної оборони було збито або подавлено 69 російських БпЛА."
    )
    assert counts(data_top(data)) == (98, 69, None)


def test_parts_in_brackets_and_an_intercepted_total_over_launched_groups():
    # pr_2025-09-28_2 (Russian): "50 ракет (включая два «Кинжала» ...)", then "45 ракет"
    data = parse(
        "Российские военные выпустили по Украине 50 ракет (включая два «Кинжала») и 593 БПЛА. "
        "Украинские ПВО заявляют о перехвате 566 БПЛА, 45 ракет."
    )
    top = data.events.loc[data.events["part_of"].isna()].set_index("weapon_class")
    assert counts(top.loc["mixed"]) == (50, 45, None)
    assert counts(top.loc["strike_drone"]) == (593, 566, None)
    # pr_2024-11-17_1 (Russian): the air targets shot down cover the launched groups
    data = parse(
        "В общей сложности Украину атаковали около 120 ракет и 90 дронов. Силы ПВО Украины "
        "уничтожили более 140 воздушных целей."
    )
    row = data_top(data)
    assert (int(row["intercepted"]), row["intercepted_qual"]) == (141, "at_least")


def test_a_list_after_a_colon_without_bullets():
    # pr_2025-09-07_2: "Над Україною було зафіксовано:" then one line per weapon
    data = parse(
        "Над Україною було зафіксовано:\n\n805 ударних БПЛА типу Shahed і безпілотників-"
        "імітаторів різних типів;\n\n9 крилатих ракет «Іскандер-К»;\n\n4 балістичні ракети "
        "«Іскандер-М/KN-23».\n\nУ результаті роботи ППО вдалося збити/придушити більшість із "
        "цілей - 747 БПЛА, а також 4 ракети «Іскандер-К»."
    )
    top = data.events.loc[data.events["part_of"].isna()].set_index("weapon_class")
    assert counts(top.loc["strike_drone"]) == (805, 747, None)
    assert counts(top.loc["cruise_missile"]) == (9, 4, None)
    assert counts(top.loc["ballistic_missile"]) == (4, None, None)


def test_list_parts_after_a_semicolon_are_peers_and_a_regional_day_is_the_post_day():
    # uk_pub_102: "атакували три БпЛА типу «Молния»; один FPV-дрон і два БпЛА ..."
    data = parse(
        "Протягом минулої доби ворожих ударів зазнали сім населених пунктів Харківської "
        "області. Олег Синєгубов повідомив, що область атакували три БпЛА типу “Молния”; один "
        "FPV-дрон і два БпЛА невстановленого поки що типу.",
        published="2025-09-28",
    )
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["launched"].astype(int)) == [1, 2, 3]
    assert {str(d.date()) for d in ev["time_start"]} == {"2025-09-28"}


def test_all_strike_drones_are_not_the_reconnaissance_ones():
    # uk_pub_95: "Також збили чотири розвідувальних БпЛА ... Усі ударні дрони знищили"
    data = parse(
        "Уночі росія атакувала Україну чотирма безпілотниками Shahed. Усі їх збила "
        "протиповітряна оборона. Також збили чотири розвідувальних БпЛА. Усі ударні дрони "
        "знищили над Херсонською та Дніпропетровською областями."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["strike_drone"]) == (4, 4, None)
    assert counts(ev.loc["recon_drone"]) == (None, 4, None)


def test_s300_400_and_launches_from_aircraft():
    # uk_pub_94: "2-ма зенітними керованими ракетами С-300/400"
    data = parse("Противник атакував Україну 2-ма зенітними керованими ракетами С-300/400.")
    assert data_top(data)["weapon_class"] == "anti_aircraft_missile"
    # uk_pub_98 (Russian): "пуски 43 крылатых ракет из 10 самолетов": the 10 are aircraft
    data = parse(
        "Уничтожено 36 крылатых ракет. Всего были зафиксированы пуски 43 крылатых ракет из 10 "
        "самолетов стратегической авиации Ту-95мс."
    )
    assert counts(data_top(data)) == (43, 36, None)


def test_a_weapons_list_of_short_lines_without_bullets():
    # uk_pub_101: "За добу ворог застосував таку зброю:" then one line per weapon
    data = parse(
        "За добу ворог застосував таку зброю:\n\nдва КАБ;\n\n22 БпЛА типу “Герань-2”;\n\n"
        "три БпЛА (тип встановлюється).",
        published="2025-09-24",
    )
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["launched"].astype(int)) == [2, 3, 22]


def test_one_missile_named_in_the_singular_and_counts_of_launches():
    # pr_2026-01-28_1: "146 безпілотників та балістичної ракети" (one), then its type
    data = parse(
        "Російська армія атакувала Україну із застосуванням 146 безпілотників та балістичної "
        "ракети. Зокрема, ракету «Іскандер-М» запустили з Ростовської області. Протиповітряною "
        "обороною збито/подавлено 103 ворожі БпЛА."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["strike_drone"]) == (146, 103, None)
    assert counts(ev.loc["ballistic_missile"]) == (1, None, None)
    # pr_2023-02-10_a (Russian): "совершил 71 пуск крылатых ракет"
    data = parse(
        "Противник совершил 71 пуск крылатых ракет Х-101, Х-555, «Калибр». Уничтожена 61 "
        "крылатая ракета врага."
    )
    assert counts(data_top(data)) == (71, 61, None)


def test_a_hedge_before_a_list_holds_for_every_item():
    # pr_2024-11-17_1 (Russian): "около 120 ракет и 90 дронов"; corpus rule for lists
    data = parse("Вночі росіяни атакували Україну, запустивши близько 120 ракет і 90 дронів.")
    ev = data.events.set_index("weapon_class")
    assert ev.loc["strike_drone", "launched"] == 90
    assert ev.loc["strike_drone", "launched_qual"] == "approx"
    data = parse("Понад 650 дронів і 30 ракет були випущені.")
    ev = data.events.set_index("weapon_class")
    assert (ev.loc["unknown", "launched"], ev.loc["unknown", "launched_qual"]) == (31, "at_least")


def test_drones_of_a_type_not_established_are_a_group_of_their_own():
    # pr_2024-04-28_1: "чотири безпілотники типу Shahed та п'ять БпЛА невстановленого типу"
    data = parse(
        "Російські війська запустили чотири безпілотники типу Shahed та п'ять БпЛА "
        "невстановленого типу."
    )
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["launched"].astype(int)) == [4, 5]
    # uk_pub_99: "зенітники" (gunners) names no anti-aircraft missile
    data = parse("Зенітники повітряного командування «Захід» збили сім ракет.")
    assert data_top(data)["weapon_class"] == "unknown"


def test_a_list_of_directions_is_no_weapons_list_and_none_dead_or_injured():
    # uk_pub_105: "Їх запускали з напрямків:" then "Близько 80 із них - «Шахеди»."
    data = parse(
        "Противник атакував 152-ма ударними дронами типу «Шахед», «Гербера» і безпілотниками "
        "інших типів.\nЇх запускали з напрямків:\nБлизько 80 із них - «Шахеди».\nПротиповітряною "
        "обороною збито або подавлено 126 ворожих дронів."
    )
    assert counts(data_top(data)) == (152, 126, None)
    # uk_pub_111: "Жертв і потерпілих у столиці немає"
    data = parse("Внаслідок атаки на Київ уламки впали. Жертв і потерпілих у столиці немає.")
    row = one(data.casualties, city="Kyiv")
    assert (int(row["killed"]), int(row["injured"])) == (0, 0)


def test_of_them_after_a_weapon_named_without_a_number_and_a_region_toll():
    # uk_pub_116: "атакувала Дніпропетровщину безпілотниками. ... збили 37 з них"
    data = parse(
        "Вночі російська армія масовано атакувала Дніпропетровщину безпілотниками. За "
        "інформацією ПвК, оборонці неба збили 37 з них."
    )
    assert counts(data_top(data)) == (None, 37, None)
    # uk_pub_115: a first sentence about the region, then the city's part
    data = parse(
        "У Дніпропетровській області четверо людей отримали поранення.\nВночі ворог завдав "
        "масованої атаки по Дніпру. Троє людей отримали поранення."
    )
    cas = data.casualties
    assert int(cas.loc[cas["city"].isna(), "injured"].iloc[0]) == 4
    assert int(one(cas, city="Dnipro")["injured"]) == 3


def test_one_named_missile_shot_down_and_a_plain_missile_named_later():
    # uk_pub_124: "збили 17 безпілотників типу Shahed та ракету Х-59"
    data = parse(
        "Вночі росіяни запустили 24 «Шахеди». Також вдарили ракетою Х-59. Силами оборони "
        "збито керовану авіаційну ракету Х-59 та 17 ударних БпЛА типу «Shahed-131/136»."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["strike_drone"]) == (24, 17, None)
    assert counts(ev.loc["cruise_missile"]) == (1, 1, None)
    data = parse("Сили ППО збили 17 безпілотників типу Shahed та ракету Х-59.")
    assert len(data.events) == 2
    # uk_pub_106: "запустила ракету і 133 БПЛА ... атакував балістичною ракетою Іскандер-М"
    data = parse(
        "Російська армія запустила ракету і 133 БПЛА. Противник атакував балістичною ракетою "
        "Іскандер-М, а також 133 ударними БпЛА."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["ballistic_missile"]) == (1, None, None)
    assert len(ev) == 2


def test_russian_tens_a_question_of_whether_all_and_a_direction_is_no_region():
    # uk_pub_118 (Russian): "поражено примерно три десятка вражеских ракет", then "все ли"
    data = parse(
        "Над Киевом было поражено примерно три десятка вражеских ракет. Попко не уточнил, все "
        "ли ракеты удалось сбить."
    )
    row = data_top(data)
    assert (int(row["intercepted"]), row["intercepted_qual"]) == (30, "approx")
    assert pd.isna(row["launched"])
    # uk_pub_125: "пуски 33 шахедів у напрямку Київщини" is nationwide
    data = parse(
        "Було зафіксовано пуски 33 “шахедів” у напрямку Київщини. Знищено 26 Shahed-136/131."
    )
    assert counts(data_top(data)) == (33, 26, None)


def test_a_launch_total_in_a_class_word_joins_the_one_counted_group_of_its_class():
    # uk_pub_121: "ліквідовано 27 «шахедів». Загалом ворог випустив 36 ударних дронів"
    data = parse(
        "Під час нічної атаки силами ППО було ліквідовано 27 «шахедів». Загалом ворог випустив "
        "36 ударних дронів по Україні."
    )
    assert counts(data_top(data)) == (36, 27, None)


# -- rules of this version, from the new public excerpts (uk_pub_126-153) -----------------


def test_a_case_ending_before_a_weapon_is_a_count_and_an_ordinal_is_not():
    # uk_pub_126: "підтверджено збиття 81-го ударного БпЛА"; uk_pub_143: "37-ми ударних дронів"
    data = parse("Станом на 09:00 підтверджено збиття 81-го ударного БпЛА типу «Shahed».")
    assert counts(data_top(data)) == (None, 81, None)
    data = parse("Станом на 09:00 підтверджено збиття 37-ми ударних дронів типу Shahed.")
    assert counts(data_top(data)) == (None, 37, None)
    # an ordinal before a month or an hour stays no count
    data = parse("У ніч на 1-го вересня знищено 5 дронів, до 10-ї ранку.")
    assert counts(data_top(data)) == (None, 5, None)


def test_a_part_of_the_country_or_its_air_command_is_a_region():
    # uk_pub_126: the southern air command's three beside the nationwide 81
    data = parse(
        "Противник атакував Україну 112-ма ударними БпЛА типу «Shahed». Підтверджено збиття "
        "81-го ударного БпЛА. За інформацією Повітряного командування «Південь», цієї ночі "
        "протиповітряною обороною півдня України було збито три ворожі ударні БпЛА «Shahed»."
    )
    ev = data.events
    top = ev.loc[ev["part_of"].isna()]
    assert len(top) == 1 and counts(top.iloc[0]) == (112, 81, None)
    part = ev.loc[ev["part_of"].notna()]
    assert len(part) == 1 and counts(part.iloc[0]) == (None, 3, None)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # uk_pub_139: "знищив над областю ворожий БПЛА"
        ("Цієї ночі підрозділ ПВК «Схід» знищив над областю ворожий БПЛА.", (None, 1, None)),
        # uk_pub_140: "збили розвідувальний безпілотник"
        ("У Кам’янському районі збили розвідувальний безпілотник.", (None, 1, None)),
        # uk_pub_141: "Безпілотник локаційно втрачено"
        ("Безпілотник локаційно втрачено. Наслідків не зафіксовано.", (None, None, 1)),
    ],
)
def test_a_weapon_in_the_singular_with_an_intercept_or_suppress_verb_is_one(text, want):
    assert counts(data_top(parse(text))) == want


def test_a_singular_weapon_beside_a_number_or_a_fragment_is_no_new_one():
    # "уламки збитого дрона" is a fragment of one already counted
    data = parse("Сили ППО збили 12 дронів. Уламки збитого дрона пошкодили будинок.")
    assert len(data.events) == 1 and counts(data_top(data)) == (None, 12, None)
    # "БпЛА" does not decline: without a singular adjective it is no count
    data = parse("Над областю збито БпЛА.")
    assert data.events["intercepted"].isna().all()


def test_all_targets_shot_down_holds_for_every_group_named():
    # uk_pub_131: "атакувала Україну 20 ударними дронами Shahed, а також запустила дві крилаті
    # ракети «Калібр» та одну балістичну «Іскандер-М». Усі цілі збили"
    data = parse(
        "У ніч на четвер, 13 липня, Росія атакувала Україну 20 ударними дронами Shahed, а також "
        "запустила дві крилаті ракети «Калібр» та одну балістичну «Іскандер-М». Усі цілі збили."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["strike_drone"]) == (20, 20, None)
    assert counts(ev.loc["cruise_missile"]) == (2, 2, None)
    assert counts(ev.loc["ballistic_missile"]) == (1, 1, None)
    # a question about it sets nothing
    data = parse("Ворог запустив 20 дронів та дві ракети. Не відомо, чи всі цілі збили.")
    assert data.events["intercepted"].isna().all()


def test_none_shot_down_is_zero_for_the_weapon_of_its_clause():
    # uk_pub_150: "Ракети, на жаль, збити не вдалося"
    data = parse(
        "Цієї ночі Львівщину атакували 11 ворожих безпілотників та дві ракети типу «Кинджал». "
        "Усі 11 безпілотників знищили! Ракети, на жаль, збити не вдалося."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["strike_drone"]) == (11, 11, None)
    assert counts(ev.loc["ballistic_missile"]) == (2, 0, None)


def test_missiles_named_beside_counted_drones_are_a_group_with_blank_counts():
    # uk_pub_130: "атакувала ... ракетами і ударними дронами. ... знищено 22 БпЛА"
    data = parse(
        "Вночі росія атакувала південні регіони України ракетами і ударними дронами. Всього "
        "Силами протиповітряної оборони знищено 22 БпЛА."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["strike_drone"]) == (None, 22, None)
    assert counts(ev.loc["unknown"]) == (None, None, None)
    # uk_pub_132: "атакували Одесу балістикою" beside two Kh-59 shot down: a class no counted
    # group has
    data = parse(
        "На світанку дві ракети Х-59 знищили наші сили ППО. Потім російські війська атакували "
        "Одесу балістикою."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["cruise_missile"]) == (None, 2, None)
    assert counts(ev.loc["ballistic_missile"]) == (None, None, None)
    # plain missiles beside a counted missile are that missile
    data = parse("Ворог атакував Одесу ракетами. Сили ППО знищили дві ракети Х-59.")
    assert len(data.events) == 1
    # uk_pub_36: a genitive after a noun ("кількість балістичних ракет") names none used
    data = parse(
        "Цієї зими було зафіксовано півтора десятка атак, під час яких збільшилась кількість "
        "балістичних ракет. Було збито 161 зі 197 безпілотників."
    )
    assert set(data.events["weapon_class"]) == {"strike_drone"}


def test_knocked_off_course_is_suppressed_not_shot_down():
    # uk_pub_142 (Russian): "уничтожили 34 БПЛА оккупантов, 18 сбиты с курса"
    data = parse("По информации на 9.00 силы ПВО уничтожили 34 БПЛА оккупантов, 18 сбиты с курса.")
    assert counts(data_top(data)) == (None, 34, 18)


def test_a_bomb_line_without_a_number_is_one():
    # uk_pub_146: "Протягом доби по регіону “прилетіло”:\n\nКАБ;\n\nчотири БпЛА типу “Герань-2”;"
    data = parse(
        "Протягом доби по регіону “прилетіло”:\n\nКАБ;\n\nчотири БпЛА типу “Герань-2”;\n\n"
        "БпЛА типу «Молния»;"
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["guided_bomb"]) == (1, None, None)
    drones = sorted(ev.loc["strike_drone", "launched"].fillna(0).astype(int).tolist())
    assert drones == [0, 4]  # "БпЛА типу ..." does not decline: no count (dev_uk_37)


def test_the_noun_of_n_of_m_may_follow_a_participle_and_its_place():
    # uk_pub_144 (Russian): "15 из 18 выпущенных по территории страны ракет были сбиты"
    data = parse(
        "По словам главкома ВСУ, 15 из 18 выпущенных по территории страны ракет были сбиты "
        "средствами ПВО. По словам Попко, все беспилотники в небе Киева были сбиты."
    )
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["unknown"]) == (18, 15, None)
    assert counts(ev.loc["strike_drone"]) == (None, None, None)  # all of them, no number


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # the morning a night ends, named by its weekday, before the publication date
        ("У ніч проти суботи ворог атакував Україну 90 ударними БпЛА.", "2025-03-05", "2025-03-01"),
        ("В ночь на субботу враг атаковал Украину 90 беспилотниками.", "2025-03-03", "2025-03-01"),
        ("У ніч з п'ятниці на суботу ворог атакував 90 ударними БпЛА.", "2025-03-01", "2025-03-01"),
    ],
)
def test_a_night_named_by_the_weekday_it_ends(text, published, day):
    assert str(data_top(parse(text, published))["time_start"].date()) == day


def test_of_them_n_shot_down_is_the_figure_of_the_group_just_named():
    data = parse("Минулої ночі росіяни запустили 40 дронів, з них 30 збили.")
    assert counts(data_top(data)) == (40, 30, None)


def test_missile_abbreviations_name_their_class():
    data = parse("Вночі ворог випустив 5 КР Х-101 та 3 БР. Збито 4 КР та 1 БР.")
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["cruise_missile"]) == (5, 4, None)
    assert counts(ev.loc["ballistic_missile"]) == (3, 1, None)


def test_bare_numbers_after_a_region_and_a_dash_are_that_regions_figure():
    # uk_pub_130: "знищено 22 БпЛА: Одещина – 10, Миколаївщина – 6, Херсонщина і
    # Кіровоградщина – по 3": parts of the 22, three in each of the last two
    data = parse(
        "Всього Силами протиповітряної оборони знищено 22 БпЛА: Одещина – 10, Миколаївщина – 6, "
        "Херсонщина і Кіровоградщина – по 3."
    )
    ev = data.events
    assert counts(data_top(data)) == (None, 22, None)
    parts = ev.loc[ev["part_of"].notna()]
    assert sorted(parts["intercepted"].astype(int)) == [3, 3, 6, 10]
    # a region beside the first, with no national figure: both at the top
    data = parse("У ніч на 5 вересня над Одещиною знищено 9 БпЛА, у Миколаївській області — 4.")
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["intercepted"].astype(int)) == [4, 9]


def test_the_one_missile_launched_is_the_one_shot_down_and_lost_drones_after_a_count():
    data = parse("Противник атакував ракетою Іскандер-М та 45 шахедами. Ракету збито.")
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["ballistic_missile"]) == (1, 1, None)
    # "Ще 10 локаційно втрачені": the adverb is no count of locations
    data = parse("Минулої ночі ППО збила 45 із 60 дронів. Ще 10 локаційно втрачені.")
    assert counts(data_top(data)) == (60, 45, 10)


def test_all_of_one_type_and_one_of_another_in_one_clause():
    # pr_2024-04-28_1: "всі БпЛА типу Shahed та один БпЛА невстановленого типу були знищені"
    data = parse(
        "Російські війська атакували Україну, запустивши чотири безпілотники типу Shahed та п'ять "
        "БпЛА невстановленого типу. Силами ППО всі БпЛА типу Shahed та один БпЛА "
        "невстановленого типу були знищені."
    )
    got = sorted(counts(r) for _, r in data.events.iterrows())
    assert got == [(4, 4, None), (5, 1, None)]


def test_a_region_a_few_words_after_its_count_still_makes_it_regional():
    # uk_pub_101: "18 безпілотників росіяни випустили по Холодногірському і Шевченківському
    # районах Харкова" is a part of the day's drones, not a group beside them
    data = parse(
        "За добу ворог застосував таку зброю:\n\n22 БпЛА типу “Герань-2”;\n\nfpv-дрон.\n\n"
        "Синєгубов зазначив: 18 безпілотників росіяни випустили по Холодногірському і "
        "Шевченківському районах Харкова."
    )
    ev = data.events
    assert sorted(ev.loc[ev["part_of"].isna(), "launched"].astype(int)) == [1, 22]


def test_classes_named_together_without_a_number_are_one_group_each_across_sentences():
    # uk_pub_159: "удару по Кривому Рогу ракетами і дронами ... завдали масованого удару
    # дронами і ракетами ... як ракетами, так і безпілотними типу «Шахед»"
    data = parse(
        "Росія завдала масованого удару по Кривому Рогу ракетами і дронами\n\nВ ніч на 7 вересня "
        "російські війська завдали масованого удару дронами і ракетами по Кривому Рогу. Обстріл "
        "здійснюється як ракетами, так і безпілотними типу «Шахед».",
        "2025-09-07",
    )
    ev = data.events
    assert sorted(ev["weapon_class"]) == ["strike_drone", "unknown"]
    assert ev[["launched", "intercepted"]].isna().all().all()


def test_a_shahed_in_the_singular_with_an_attack_verb_is_one():
    # uk_pub_163: "російські війська атакували Харків «шахедом»"
    data = parse("Ввечері 7 серпня російські війська атакували Харків «шахедом».")
    assert counts(data_top(data)) == (1, None, None)


def test_a_part_named_after_a_dash_and_a_region_after_a_dash():
    # "з них 100 – шахеди": a part of the 147 named after the dash
    data = parse("Ворог атакував 147 ударними БпЛА, з них 100 – шахеди.")
    ev = data.events
    assert counts(data_top(data)) == (147, None, None)
    assert ev.loc[ev["part_of"].notna(), "launched"].astype(int).tolist() == [100]
    # "у тому числі 12 – над Київщиною": the region's part of the count
    data = parse("Станом на 09:00 збито 35 шахедів, у тому числі 12 – над Київщиною.")
    ev = data.events
    assert counts(data_top(data)) == (None, 35, None)
    assert ev.loc[ev["part_of"].notna(), "intercepted"].astype(int).tolist() == [12]


def test_missiles_shot_down_with_no_number_after_one_group_launched_are_all_of_it():
    data = parse("Противник запустив по Україні 4 ракети Х-101 та 30 «шахедів». Ракети знищено.")
    ev = data.events.set_index("weapon_class")
    assert counts(ev.loc["cruise_missile"]) == (4, 4, None)
    assert counts(ev.loc["strike_drone"]) == (30, None, None)


def test_all_of_them_after_two_groups_and_another_region_after_a_dash():
    data = parse(
        "Вночі ворог атакував Україну двома ракетами Х-59 та одинадцятьма шахедами. Усі вони "
        "були знищені."
    )
    assert sorted(counts(r) for _, r in data.events.iterrows()) == [(2, 2, None), (11, 11, None)]
    # "та ще 3 – над Вінниччиною" (a region in "-ччина"): a region beside the first
    data = parse("ППО знищила щонайменше 7 «шахедів» над Житомирщиною та ще 3 – над Вінниччиною.")
    ev = data.events
    assert ev["part_of"].isna().all()
    assert sorted(ev["intercepted"].astype(int)) == [3, 7]


def test_n_of_m_without_a_noun_after_a_weapon_named_before_and_half_a_hundred():
    # "атакував Одесу дронами. Збито 11 з 14": the drones named without a number
    data = parse("Вчора ввечері ворог атакував Одесу дронами. Збито 11 з 14.")
    assert counts(data_top(data)) == (14, 11, None)
    # "майже півсотнею дронів": half a hundred, in the instrumental
    row = data_top(parse("Російські окупанти вночі атакували Україну майже півсотнею дронів."))
    assert (int(row["launched"]), row["launched_qual"]) == (50, "approx")


def test_a_long_sentence_of_region_counts_is_read_in_linear_time():
    # 1,500 bare regional counts in one sentence: reading the sentence's weapons once per
    # count took 15 s for 400 of them; once per sentence it is well under a second
    text = "Над Одещиною – 5, " * 1500 + "знищено 22 БпЛА."
    data = parse(text)
    assert data.events["intercepted"].max() == 22


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not shot down is no interception: the count is of what got through
        ("Ворог випустив 40 дронів. Близько 30 дронів не було збито.", (40, None, None)),
        ("Росія запустила 50 ракет, 10 з них не вдалося збити.", (50, None, None)),
        # none shot down, with the pronoun between
        ("Противник атакував 5 ракетами, збити їх не вдалося.", (5, 0, None)),
        # lost without "локаційно" is lost, not shot down
        ("Збито 57 російських безпілотників, ще 36 ворожих БПЛА були втрачені.", (None, 57, 36)),
        # the participle after the total describes it; the verb of the count follows
        ("16 дронов из 21 запущенного врагом были уничтожены.", (21, 16, None)),
    ],
)
def test_negated_lost_and_described_totals(text, expected):
    assert counts(one(parse(text).events)) == expected


def test_a_relative_clause_between_the_count_and_its_verb():
    data = parse("За його словами, три балістичні ракети, які летіли в напрямку Києва, збили.")
    assert counts(one(data.events)) == (None, 3, None)
    data = parse("Ворог випустив 10 ракет, які летіли на Київ, 8 з них збито.")
    assert counts(one(data.events)) == (10, 8, None)


def test_a_photo_captions_year_gives_no_year_to_the_attack():
    text = (
        "Ілюстраційне фото. Збиття «Шахеда» над Києвом, листопад 2025 року\n\n"
        "Російська армія в ніч на 3 січня атакувала Україну 95 ударними безпілотниками."
    )
    assert parse(text, published=None).events["time_start"].isna().all()
