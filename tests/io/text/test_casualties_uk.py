"""Casualty rows of Ukrainian and Russian reports: restatements, updates, places.

Every text here was written for these tests; expected values follow the corpus
annotation rules (the corpus README beside the data).
"""

from __future__ import annotations

import pytest

from tests.io.text.helpers import parse
from tests.io.text.test_casualties import rows


def test_a_toll_restated_in_a_quote_makes_one_row():
    data = parse(
        "Унаслідок атаки на Харків 13 людей поранено, одна людина загинула. На Харківщині "
        'також пошкоджено будинки. "Загалом 13 поранених та один загиблий", - повідомив він.'
    )
    assert rows(data) == {("Kharkiv", None, 1, 13)}


def test_a_later_total_replaces_the_earlier_one():
    data = parse(
        "Станом на 15:00 відомо про 6 загиблих. Станом на 22:30 кількість загиблих зросла до 14."
    )
    assert rows(data) == {(None, None, 14, None)}


def test_an_exact_figure_replaces_the_same_hedged_one():
    data = parse("У столиці щонайменше одна людина загинула. Наразі відомо про одного загиблого.")
    c = data.casualties
    assert (len(c), int(c.killed.iloc[0]), c.killed_qual.iloc[0]) == (1, 1, "exact")


def test_one_victim_in_the_singular_is_one_killed():
    assert rows(parse("У Києві відомо про одну жертву.")) == {("Kyiv", None, 1, None)}


def test_a_district_where_debris_fell_is_not_put_on_a_city_wide_total():
    data = parse(
        "У Печерському районі уламки БпЛА влучили в житловий будинок. Загалом у Києві "
        "постраждали 5 людей."
    )
    assert rows(data) == {("Kyiv", None, None, 5)}


def test_each_district_of_a_list_gets_its_figure():
    data = parse(
        "На Київщині постраждали 27 людей. Зокрема, у Бучанському районі постраждали 17 "
        "осіб, у Фастівському – 7, а у Білоцерківському – 3."
    )
    assert rows(data) == {
        (None, None, None, 27),
        (None, "Buchanskyi", None, 17),
        (None, "Fastivskyi", None, 7),
        (None, "Bilotserkivskyi", None, 3),
    }


def test_each_city_of_a_sentence_keeps_its_own_figure():
    data = parse("В Одесі поранено чотирьох людей, у Миколаєві загинули двоє.")
    assert rows(data) == {("Odesa", None, None, 4), ("Mykolaiv", None, 2, None)}


def test_a_nationwide_toll_takes_no_city():
    data = parse("Унаслідок атаки на Київ, Одесу та Львів загалом по Україні загинули 12 людей.")
    assert rows(data) == {(None, None, 12, None)}


def test_without_injured_is_injured_zero():
    assert rows(parse("У Львові без травмованих.")) == {("Lviv", None, None, 0)}


def test_no_victims_among_the_population_is_zero_and_zero():
    data = parse("Очільник ОВА повідомив, що постраждалих серед населення немає.")
    assert rows(data) == {(None, None, 0, 0)}


def test_those_who_sought_medical_help_are_injured():
    assert rows(parse("За медичною допомогою звернулися 6 людей у Києві.")) == {
        ("Kyiv", None, None, 6)
    }


def test_the_hospitalised_are_the_figure_only_when_no_injured_figure_is_given():
    assert rows(parse("У Харкові госпіталізовано трьох людей.")) == {("Kharkiv", None, None, 3)}
    data = parse("У Харкові поранено 12 людей. Згодом госпіталізовано трьох людей.")
    assert rows(data) == {("Kharkiv", None, None, 12)}


def test_a_village_is_not_the_town_inside_its_name():
    data = parse("В с. Руська Лозова постраждав 70-річний чоловік.")
    assert rows(data) == {("Ruska Lozova", None, None, 1)}


def test_a_region_of_the_clause_keeps_its_figure_apart_from_the_city():
    data = parse("На Харківщині загинули двоє людей, у Харкові поранено п'ятеро.")
    assert rows(data) == {(None, None, 2, None), ("Kharkiv", None, None, 5)}


def test_their_number_rose_to_updates_the_one_figure_before():
    data = parse("У Києві поранено 9 людей. Згодом їхня кількість зросла до 11.")
    assert rows(data) == {("Kyiv", None, None, 11)}


def test_russian_spellings_of_cities_are_places():
    data = parse("В Харькове погибли шесть человек, пострадали 20.")
    assert rows(data) == {("Kharkiv", None, 6, 20)}


def test_a_larger_toll_of_the_same_place_replaces_a_part():
    data = parse(
        "В Одесі відомо про двох постраждалих на одній з локацій. Усього від ночі в Одесі "
        "постраждало 7 людей."
    )
    assert rows(data) == {("Odesa", None, None, 7)}


def test_a_regional_total_is_not_carried_into_a_district():
    data = parse(
        "П'ятеро людей постраждали у Дніпропетровській області. Маємо пораненого у "
        "Самарівському районі. Загалом в регіоні – п'ятеро постраждалих."
    )
    assert rows(data) == {(None, None, None, 5), (None, "Samarivskyi", None, 1)}


def test_a_recalled_attack_is_left_out_with_the_rest_of_its_paragraph():
    data = parse(
        "Внаслідок атаки на Лозову поранення отримали шестеро людей.\nНагадаємо, внаслідок "
        "обстрілу села Зелений Гай загинув 58-річний чоловік. Поранення отримала 83-річна жінка."
    )
    assert rows(data) == {("Lozova", None, None, 6)}


def test_as_the_administration_reports_is_no_recall():
    data = parse(
        "Як повідомляє обласна адміністрація, вночі по Сумах було завдано удару. Двоє людей "
        "загинули, ще четверо поранені."
    )
    assert rows(data) == {("Sumy", None, 2, 4)}


def test_a_city_followed_by_its_region_is_the_city():
    data = parse(
        "Внаслідок атаки на населений пункт Лозова на Харківщині кількість постраждалих зросла. "
        "Поранення отримали шестеро людей."
    )
    assert rows(data) == {("Lozova", None, None, 6)}


def test_a_figure_without_a_place_takes_the_district_the_paragraph_named():
    data = parse(
        "Кількість постраждалих у Києві зросла до 31. Найважча ситуація - в Деснянському районі. "
        "Там шахед влетів у багатоповерхівку. Підтверджено щонайменше 26 поранених. Кількість "
        "загиблих наразі не змінилася - троє людей."
    )
    assert rows(data) == {("Kyiv", None, 3, 31), ("Kyiv", "Desnianskyi", None, 26)}


def test_a_raion_named_after_the_city_is_not_its_district():
    data = parse(
        "Вночі ворог атакував Одесу. Також удару зазнав Одеський район. Постраждала людина."
    )
    assert rows(data) == {("Odesa", None, None, 1)}


def test_one_district_among_several_hit_is_not_put_on_the_city_toll():
    data = parse(
        "В результаті атаки в Києві госпіталізовано двох постраждалих. Екстрені служби працюють "
        "у трьох районах столиці. У Дарницькому районі пошкоджено два житлові будинки."
    )
    assert rows(data) == {("Kyiv", None, None, 2)}


def test_a_russian_toll_that_rose():
    data = parse("В Тернополе общее число жертв возросло до 28. Ранения получили 94 человека.")
    assert rows(data) == {("Ternopil", None, 28, 94)}


def test_a_figure_over_several_districts_is_the_citys():
    data = parse("У Києві в Дарницькому та Дніпровському районах постраждали 5 людей.")
    assert rows(data) == {("Kyiv", None, None, 5)}


def test_children_are_the_figure_only_when_no_other_is_given():
    assert rows(parse("У селі Дмитрівка поранено 4 дітей.")) == {("Dmytrivka", None, None, 4)}
    data = parse("У Харкові постраждали 20 людей. Поранення отримали шестеро дітей.")
    assert rows(data) == {("Kharkiv", None, None, 20)}


def test_a_body_found_is_one_killed_when_no_toll_says_more():
    data = parse("У Львові під завалами складу знайшли тіло чоловіка.")
    assert rows(data) == {("Lviv", None, 1, None)}
    data = parse("У Тернополі знайшли тіло ще одного загиблого. Кількість загиблих зросла до 28.")
    assert rows(data) == {("Ternopil", None, 28, None)}


def test_an_unplaced_part_is_dropped_beside_a_placed_toll():
    data = parse("Троє дітей постраждали.\nУ с. Дубівка постраждала 68-річна жінка.")
    assert rows(data) == {("Dubivka", None, None, 1)}


def test_a_plain_list_of_people_is_counted_and_one_with_ages_is_not():
    assert rows(parse("Унаслідок удару по Запоріжжю загинули чоловік і жінка.")) == {
        ("Zaporizhzhia", None, 2, None)
    }
    # the corpus annotates no figure for an enumeration by ages (reports_dev_uk dev_uk_37)
    assert rows(parse("У Харкові постраждали 40-річна жінка та 47-річний чоловік.")) == set()


def test_a_figure_without_a_place_takes_the_city_named_last_in_the_paragraph():
    data = parse(
        "У Харкові поранено двох людей. Ворог також атакував Херсон. Загинув один чоловік, "
        "ще троє людей поранені."
    )
    assert rows(data) == {("Kharkiv", None, None, 2), ("Kherson", None, 1, 3)}


@pytest.mark.parametrize(
    ("text", "field", "n"),
    [
        ("У Херсоні поранено чоловіка.", "injured", 1),
        ("У Херсоні травмовано дитину.", "injured", 1),
        ("У Херсоні поранено 62-річного чоловіка.", "injured", 1),
        ("У Херсоні поранень зазнав чоловік.", "injured", 1),
        ("У Херсоні поранили чоловіка та жінку.", "injured", 2),
        ("В Херсоне ранили мужчину.", "injured", 1),
        ("У Херсоні вбили жінку.", "killed", 1),
    ],
)
def test_one_person_in_the_accusative_is_one(text, field, n):
    # Ukrainian and Russian impersonal "поранено" and plural "поранили" take the victim in the
    # accusative: "поранено чоловіка" is one injured man
    data = parse(text)
    assert data.casualties[["city", field]].values.tolist() == [["Kherson", n]]


@pytest.mark.parametrize(
    ("text", "city", "district"),
    [
        ("В Киеве в Шевченковском районе ранены два человека.", "Kyiv", "Shevchenkivskyi"),
        ("В Индустриальном районе Харькова пострадали 2 человека.", "Kharkiv", "Industrialnyi"),
        ("Київ. Оболонський р-н: поранено двох людей.", "Kyiv", "Obolonskyi"),
        # a district of one city alone names the city
        ("Кличко: у Святошинському районі постраждали двоє людей.", "Kyiv", "Sviatoshynskyi"),
        ("Терехов: у Слобідському районі поранено двох людей.", "Kharkiv", "Slobidskyi"),
    ],
)
def test_city_districts_in_russian_abbreviated_or_of_one_city(text, city, district):
    assert rows(parse(text)) == {(city, district, None, 2)}


def test_a_district_shared_by_several_cities_names_no_city():
    # Shevchenkivskyi is a district of Kyiv, Kharkiv, Zaporizhzhia, Lviv and Dnipro
    assert rows(parse("У Шевченківському районі поранено двох людей.")) == {
        (None, "Shevchenkivskyi", None, 2)
    }


def test_text_left_out_ends_the_paragraph_of_a_district():
    # "[…]" marks text left out between two fragments: the district named before it is
    # not the place of a figure after it (the report's one district still is, when it
    # has one row)
    data = parse(
        "Удар по Харкову. Попадание зафиксировано в Индустриальном районе. […] "
        '"Есть один погибший", сообщил Терехов. В Сумах ранены три человека.'
    )
    assert rows(data) == {("Kharkiv", None, 1, None), ("Sumy", None, None, 3)}


def test_a_city_named_with_its_region_is_no_one_city():
    # "у Харкові та області": the figure is of the city and the region together
    data = parse("Четверо людей постраждали у Харкові та області. У Харкові поранено чоловіка.")
    assert rows(data) == {(None, None, None, 4), ("Kharkiv", None, None, 1)}
    assert rows(parse("Четверо людей пострадали в Харькове и области.")) == {(None, None, None, 4)}
    # a region named by its adjective and "регіон" is a region too
    data = parse("Вночі ворог атакував дронами по Одеському регіону. Постраждало 6 людей.")
    assert rows(data) == {(None, None, None, 6)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У Києві потерпілих немає.", {("Kyiv", None, 0, 0)}),
        ("У Києві 5 людей звернулися по медичну допомогу.", {("Kyiv", None, None, 5)}),
        ("У Києві медики госпіталізували 2 людей.", {("Kyiv", None, None, 2)}),
        # the hospitalised are among the injured
        ("У Києві поранено 5 людей, трьох госпіталізували.", {("Kyiv", None, None, 5)}),
    ],
)
def test_no_victims_medical_help_and_the_hospitalised(text, expected):
    assert rows(parse(text)) == expected


def test_a_city_official_names_the_city_of_a_report_that_names_none():
    assert rows(parse("Кличко: двоє людей постраждали внаслідок атаки.")) == {
        ("Kyiv", None, None, 2)
    }
    # a region named is the figure's place, whoever speaks
    data = parse("Внаслідок атаки на Одещину загинула людина, повідомив Кличко.")
    assert rows(data) == {(None, None, 1, None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У Харкові загинула одна людина, ще троє зазнали травм.", {("Kharkiv", None, 1, 3)}),
        ("У Харкові загинула людина, трьох ушпиталено.", {("Kharkiv", None, 1, 3)}),
        ("В Харькове погиб человек, травмированы 4 человека.", {("Kharkiv", None, 1, 4)}),
        ("В Харькове погиб человек, пострадали еще пятеро.", {("Kharkiv", None, 1, 5)}),
        # the hospitalised are among the injured
        ("У Харкові поранено 5 людей, трьох ушпиталено.", {("Kharkiv", None, None, 5)}),
    ],
)
def test_injuries_suffered_the_hospitalised_and_one_person_in_russian(text, expected):
    assert rows(parse(text)) == expected
