"""Number words, qualifiers, ranges, and the numbers that are not counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airdef.io.parsers import MAX_COUNT
from airdef.io.text.numbers import find_numbers, read_count, words_to_int

_ONES = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_100(n: int, joiner: str) -> str:
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"{joiner}{_ONES[ones]}" if ones else "")


def _below_1000(n: int, joiner: str, use_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_100(rest, joiner)
    words = f"{_ONES[hundreds]} hundred"
    if rest:
        words += (" and " if use_and else " ") + _below_100(rest, joiner)
    return words


def spell(n: int, joiner: str = "-", use_and: bool = False) -> str:
    """English words for 0 <= n < 1,000,000, written independently of the parser."""
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_1000(rest, joiner, use_and)
    words = f"{_below_1000(thousands, joiner, use_and)} thousand"
    if rest:
        words += (" and " if use_and and rest < 100 else " ") + _below_1000(rest, joiner, use_and)
    return words


@given(
    n=st.integers(min_value=0, max_value=999_999),
    joiner=st.sampled_from(["-", " "]),
    use_and=st.booleans(),
    capital=st.booleans(),
)
@settings(max_examples=400, deadline=None)
def test_every_number_in_words_parses_back(n, joiner, use_and, capital):
    words = spell(n, joiner, use_and)
    if capital:
        words = words[0].upper() + words[1:]
    assert words_to_int(words) == n
    # The finder sees the whole phrase as one number, even inside a sentence;
    # a number above the tables' cap is never a count.
    found = find_numbers(f"Russia launched {words} drones overnight.")
    assert [(t.value, t.text) for t in found] == ([(n, words)] if n <= MAX_COUNT else [])


@pytest.mark.parametrize(
    "words, value",
    [
        ("nine", 9),
        ("twenty-one", 21),
        ("Fifty-one", 51),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("two hundred", 200),
        ("a hundred", 100),
        ("one hundred and five", 105),
        ("a thousand", 1000),
        ("one million two hundred thousand", 1_200_000),
    ],
)
def test_words_to_int(words, value):
    assert words_to_int(words) == value


def test_words_to_int_rejects_other_words():
    with pytest.raises(ValueError, match="'drones' is not a number word"):
        words_to_int("twenty drones")


@pytest.mark.parametrize(
    "text, value, qualifier, quote",
    [
        ("launched 22 drones", 22, "exact", "22"),
        ("launched more than 40 missiles", 41, "at_least", "more than 40"),
        ("launched over 40 missiles", 41, "at_least", "over 40"),
        ("at least 21 of them", 21, "at_least", "at least 21"),
        ("no fewer than 21 drones", 21, "at_least", "no fewer than 21"),
        ("more than a dozen drones", 13, "at_least", "more than a dozen"),
        ("up to 30 drones", 30, "at_most", "up to 30"),
        ("no more than 30 drones", 30, "at_most", "no more than 30"),
        ("as many as 30 drones", 30, "at_most", "as many as 30"),
        ("fewer than 30 drones", 29, "at_most", "fewer than 30"),
        ("about 100 drones", 100, "approx", "about 100"),
        ("around 100 drones", 100, "approx", "around 100"),
        ("nearly 100 drones", 100, "approx", "nearly 100"),
        ("some 100 drones", 100, "approx", "some 100"),
        ("roughly 100 drones", 100, "approx", "roughly 100"),
        ("approximately 100 drones", 100, "approx", "approximately 100"),
        ("two dozen drones", 24, "exact", "two dozen"),
        # a range keeps its lower bound as an at_least count
        ("launched 20-25 drones", 20, "at_least", "20-25"),
        ("launched 20 to 25 drones", 20, "at_least", "20 to 25"),
        ("between 20 and 25 drones", 20, "at_least", "between 20 and 25"),
    ],
)
def test_qualifiers(text, value, qualifier, quote):
    count = read_count(text, find_numbers(text)[0])
    assert (count.value, count.qualifier, text[count.start : count.end]) == (
        value,
        qualifier,
        quote,
    )


@pytest.mark.parametrize(
    "text",
    [
        "a new $1.2 billion joint contract",
        "a $250 million package",
        "rounds of 155 mm ammunition",
        "at around 4:00 in the morning",
        "from 9 p.m. to 2:30 a.m.",
        "a 52-year-old man",
        "established in April 2022",
        "Kh-101/Kh-555 and Tu-95MS",
        "Shahed-136/131 type drones",
        "the X-47M2 and 3M-14",
        "90% of the drones",
        "over 24 hours",
    ],
)
def test_not_counts(text):
    assert find_numbers(text) == []


def test_numbers_keep_their_positions():
    text = "Ukraine downed 17 out of twenty-two drones; 1,200 in total."
    found = find_numbers(text)
    assert [(t.value, text[t.start : t.end]) for t in found] == [
        (17, "17"),
        (22, "twenty-two"),
        (1200, "1,200"),
    ]
