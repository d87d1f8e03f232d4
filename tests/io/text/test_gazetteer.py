"""Towns and villages from the GeoNames table, found only where a place stands."""

import pytest

from airdef.io.text.gazetteer import towns_en, towns_uk, uk_keys
from airdef.io.text.places import find_places
from airdef.io.text.places_uk import find_cities_uk
from tests.io.text.helpers import parse


def _en(text: str) -> list[str]:
    return [name for _, _, name in towns_en(text)]


def _uk(text: str) -> list[str]:
    return [name for _, _, name in towns_uk(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Two people were killed in Krasnohrad overnight.", ["Krasnohrad"]),
        ("a strike on Nizhyn injured three", ["Nizhyn"]),
        ("Drones hit Volochysk and Nizhyn.", ["Volochysk", "Nizhyn"]),
        ("the town of Selydove", ["Selydove"]),
        ("Krasnograd, Kharkiv Oblast, was shelled", ["Krasnohrad"]),  # an older spelling
        ("Krasnohrad said nothing.", []),  # a name alone, at the start: no evidence of a place
        ("President Zelensky met Ihor Klymenko in Brussels.", []),
        ("Nizhyn district", []),  # a district of the region, found by the district rules
    ],
)
def test_english_towns_are_found_where_a_place_stands(text, want):
    assert _en(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Внаслідок атаки на Волочиськ поранено двох людей.", ["Volochysk"]),
        ("У Біленькому загинули двоє людей.", ["Bilenke"]),
        ("по Зеленому Гаю", ["Zelenyi Hai"]),  # two words, each in its case
        ("у Новгороді-Сіверському", ["Novhorod-Siverskyi"]),
        ("в Ніжині, Прилуках та Бахмачі", ["Nizhyn", "Pryluky", "Bakhmach"]),  # a list
        ("В Волочиске ранены двое, в Беленьком погиб человек", ["Volochysk", "Bilenke"]),
        ("у Покровському районі", []),  # a district, not the village of Pokrovske
        ("Біленьке атакували вночі", []),  # no preposition before it
    ],
)
def test_ukrainian_and_russian_towns_are_found_in_their_case_forms(text, want):
    assert _uk(text) == want


def test_case_forms_share_a_stem_with_the_nominative():
    # Ukrainian declension: Дубівка -> у Дубівці (к -> ц), Харків -> Харкова (і -> о)
    for nominative, form in [
        ("Дубівка", "Дубівці"),
        ("Харків", "Харкові"),
        ("Селидове", "Селидовому"),
    ]:
        assert uk_keys(nominative, nominative=True) & uk_keys(form), (nominative, form)


def test_a_listed_city_is_never_read_twice():
    places = find_places("Two people were killed in Kharkiv and Krasnohrad.")
    assert [p.cities for p in places] == [("Kharkiv", "Krasnohrad")]
    text = "у Харкові та Краснограді"
    assert [c for _, c in find_cities_uk(text, 0, len(text))] == ["Kharkiv", "Krasnohrad"]


def test_a_town_in_its_region_takes_the_casualties():
    data = parse("A Russian drone strike on Nizhyn in Chernihiv Oblast injured three people.")
    assert data.casualties[["city", "injured"]].values.tolist() == [["Nizhyn", 3]]
    data = parse("Унаслідок удару по Зеленому Гаю загинула одна людина.")
    assert data.casualties[["city", "killed"]].values.tolist() == [["Zelenyi Hai", 1]]


def test_a_recalled_town_does_not_take_this_reports_casualties():
    text = (
        "Внаслідок атаки на місто Лозова на Харківщині поранено шість людей. "
        "Нагадаємо, раніше внаслідок обстрілу села Зелений Гай загинув чоловік."
    )
    data = parse(text)
    assert data.casualties[["city", "injured"]].values.tolist() == [["Lozova", 6]]


def test_the_table_is_built_from_geonames_rows_with_a_confirmed_ukrainian_name(tmp_path):
    from tools.build_places import rows

    def line(gid, name, alternates, cc="UA", code="PPL", pop="1000"):
        cols = [gid, name, name, ",".join(alternates), "0", "0", "P", code, cc]
        return "\t".join(cols + ["", "", "", "", "", pop, "", "", "", ""])

    src = tmp_path / "cities500.txt"
    src.write_text(
        "\n".join(
            [
                line("1", "Volochysk", ["Volochisk", "Волочиск", "Волочиськ"], pop="18474"),
                line("2", "Donetsk", ["Сталіне", "Донецк", "Донецьк"], pop="901645"),
                line("3", "Belgorod", ["Белгород"], cc="RU"),  # not in Ukraine
                line("4", "Nowhere", ["Ніде"]),  # no Cyrillic spelling gives the Latin one
            ]
        ),
        encoding="utf-8",
    )
    got = {r["name"]: r["uk"] for r in rows(src)}
    # the Ukrainian spelling is the one whose transliteration is the GeoNames name, with its
    # soft sign; the former name "Сталіне" is only another spelling
    assert got == {"Donetsk": "Донецьк", "Volochysk": "Волочиськ"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("В Ізмаїльському районі поранено чоловіка", "Izmail"),
        ("Одеський район атакували", "Odesa"),
        ("в Одеському районі", "Odesa"),
        ("у Шевченківському районі", None),  # a city's district, named after no town
        ("в Олександрівському районі", None),  # villages of that name are no raion centre
    ],
)
def test_a_raion_named_after_its_town_is_told_from_a_city_district(text, want):
    from airdef.io.text.gazetteer import raion_town

    assert raion_town(text, 0, len(text)) == want


def test_a_raion_of_the_region_is_in_no_city_and_another_place_is_a_clause_of_its_own():
    data = parse("В Ізмаїльському районі поранено чоловіка, ще двоє постраждали в Одесі.")
    got = data.casualties[["city", "district", "injured"]].astype(object)
    got = got.where(got.notna(), None).values.tolist()
    assert sorted(got, key=str) == sorted([[None, "Izmailskyi", 1], ["Odesa", None, 2]], key=str)
    # a city's own district keeps its city
    data = parse("Унаслідок атаки на Одесу в Київському районі поранено трьох людей.")
    assert data.casualties[["city", "district", "injured"]].values.tolist() == [
        ["Odesa", "Kyivskyi", 3]
    ]
