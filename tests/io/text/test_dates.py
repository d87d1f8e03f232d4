"""Attack dates of English reports: the year from a weekday, overnight spans.

Every text here was written for these tests; expected values follow the corpus
annotation rules (the corpus README beside the data).
"""

from __future__ import annotations

import datetime as dt

import pytest

from airdef.io.text.dates import WEEKDAYS, find_dates, year_of_weekday
from tests.io.text.helpers import day, parse


@pytest.mark.parametrize(
    "text, expected",
    [
        # 14 December 2022 was a Wednesday, 4 September 2023 a Monday (calendar)
        ("In the morning of Wednesday, December 14, 13 Shaheds were shot down.", "2022-12-14"),
        ("Overnight into Monday, September 4, Russia launched 32 drones.", "2023-09-04"),
        ("On Saturday, 7 September, Russia launched 67 drones.", "2024-09-07"),
    ],
)
def test_weekday_beside_the_day_gives_the_year(text, expected):
    assert day(parse(text, published=None)) == expected


def test_weekday_that_does_not_fit_gives_no_year():
    # 14 December fell on a Friday in no year from 2022 to 2027 (calendar)
    assert [m.day for m in find_dates("on Friday, December 14", None)] == [None, None]


def test_weekday_beside_the_day_does_not_override_the_publication_year():
    mentions = find_dates("on Wednesday, December 14", dt.date(2023, 12, 20))
    assert [m.day for m in mentions if m.kind == "mdy"] == [dt.date(2023, 12, 14)]


def test_year_of_weekday_is_unique_or_none():
    for month in range(1, 13):
        for d in range(1, 32):
            for w in WEEKDAYS.values():
                year = year_of_weekday(month, d, w)
                assert year is None or dt.date(year, month, d).weekday() == w


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the story filed on the 14th, published on the 15th: "overnight" is the 14th
        (
            "KYIV, Dec 14 (Reuters) - Overnight, Russia launched 42 drones.",
            "2023-12-15",
            "2023-12-14",
        ),
        (
            "(Updates) KYIV, Dec 14 (Reuters) - Russia launched 42 drones overnight.",
            "2023-12-15",
            "2023-12-14",
        ),
        ("KYIV, November 25\n\nRussia launched 75 drones on Saturday.", "2023-11-26", "2023-11-25"),
        # no dateline: the publication date
        ("Kyiv, the capital, was attacked overnight with 42 drones.", "2023-12-15", "2023-12-15"),
    ],
)
def test_relative_words_count_from_the_dateline(text, published, expected):
    assert day(parse(text, published=published)) == expected


def test_ordinal_floors_are_not_a_day_of_the_month():
    data = parse(
        "Debris hit a block in Kyiv, killing one person. The residents of the 11th\u2013 16th "
        "floors were evacuated.",
        published="2022-03-17",
    )
    assert [str(d.date()) for d in data.casualties["date"]] == ["2022-03-17"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # "late on" a day: the night ends on the next day (corpus README: the morning after)
        (
            "Air defence shot down 11 of 16 drones launched late on March 17.",
            "2023-03-18",
            "2023-03-18",
        ),
        ("A drone attack late Sunday night injured 10 people.", "2025-06-23", "2025-06-23"),
        # an evening hour on a day: the attack ran overnight
        (
            "[At about] 21:00 (9 p.m.) on March 17, 2023, the Russian invaders attacked "
            "Ukraine with drones. Eleven out of 16 drones were destroyed.",
            "2023-03-18",
            "2023-03-18",
        ),
        ("At 10 p.m. on March 17 Russia launched 16 drones.", "2023-03-18", "2023-03-18"),
        ("At 09:00 on March 17 Russia launched 16 drones.", "2023-03-18", "2023-03-17"),
        # a range over midnight: its second day
        (
            "From 8:00 p.m. on November 21 to 03:00 on November 22, 2023, Russia attacked "
            "with 14 drones.",
            None,
            "2023-11-22",
        ),
        # the modifier letter apostrophe of "yesterdayʼs"
        (
            "In yesterday\u02bcs attack Russia launched 67 cruise missiles.",
            "2022-11-24",
            "2022-11-23",
        ),
    ],
)
def test_nights_end_on_the_next_day(text, published, expected):
    data = parse(text, published=published)
    days = {str(d.date()) for d in data.events["time_start"]} | {
        str(d.date()) for d in data.casualties["date"]
    }
    assert days == {expected}


def test_a_list_of_nights_is_background():
    data = parse(
        "Three drones were shot down over the Odesa region. The invaders attacked the region on "
        "the night of July 18, 19, 20, and 21, damaging port infrastructure.",
        published="2023-07-24",
    )
    assert day(data) == "2023-07-24"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # an overnight attack told in two sentences: the morning it ended
        (
            "Starting at 19:00 on January 1, Russia launched 72 drones. "
            "By 08:30 on January 2, forces had downed 47 drones.",
            "2025-01-02",
            "2025-01-02",
        ),
        (
            "Russia attacked on Wednesday evening of January 15 and overnight into Thursday, "
            "using 55 drones.",
            "2025-01-16",
            "2025-01-16",
        ),
        (
            "Russia attacked Kyiv overnight from Saturday into Sunday, firing 519 drones.",
            "2025-12-28",
            "2025-12-28",
        ),
    ],
)
def test_a_night_over_two_days_gives_the_morning(text, published, expected):
    data = parse(text, published=published)
    assert {str(d.date()) for d in data.events["time_start"]} == {expected}


def test_a_written_day_wins_over_a_relative_word_one_day_later():
    # "on November 8, 2025 ... the overnight barrage", published the next morning: the
    # day the text writes for the attack, not the morning "overnight" resolves to
    from tests.io.text.helpers import parse

    data = parse(
        "Russia unleashed a massive aerial assault on Ukraine on November 8, 2025. The "
        "overnight barrage included 458 drones and 45 missiles.",
        published="2025-11-09",
    )
    assert data.events["time_start"].dt.date.astype(str).unique().tolist() == ["2025-11-08"]
