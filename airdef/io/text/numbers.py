"""Numbers in report text: digits, number words, ranges and the hedges before them.

:func:`words_to_int` reads English number words ("twenty-one", "two hundred
and five", "a dozen"); :func:`find_numbers` finds every number in a text with
its character span and leaves out the ones that cannot be counts (money,
times, percentages, measures, years and the digits inside model names such as
Kh-101 or Shahed-136/131); :func:`read_count` reads the qualifier written
before a number.

Qualifiers follow the corpus annotation rules:

==========================================  ============  ==========
wording                                     value         qualifier
==========================================  ============  ==========
"22", "twenty-two", "two dozen"             22, 22, 24    exact
"at least 21", "no fewer than 21"           21            at_least
"more than 40", "over 40", "more than a     41, 41, 13    at_least
dozen"
"up to 30", "as many as 30", "no more       30            at_most
than 30"
"fewer than 30", "less than 30"             29            at_most
"about/around/nearly/almost/some/roughly/   100           approx
approximately/an estimated 100"
"20-25", "20 to 25", "between 20 and 25"    20            at_least
==========================================  ============  ==========

A range keeps its lower bound as an ``at_least`` count; the whole range stays
in the evidence quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from airdef.io.parsers import MAX_COUNT

__all__ = [
    "MAX_DIGITS",
    "age_spans",
    "NUMBER_WORDS",
    "Count",
    "NumberToken",
    "find_numbers",
    "read_count",
    "words_to_int",
]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

#: Every word :func:`words_to_int` understands, with its value (scales multiply).
NUMBER_WORDS: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, **_SCALES, "dozen": 12}

_SEP = r"[\s-]+"
_UNIT = "|".join(u for u in _UNITS if u != "zero")
_B100 = rf"(?:(?:{'|'.join(_TENS)})(?:{_SEP}(?:{_UNIT}))?|{'|'.join(_TEENS)}|{_UNIT}|zero)"
_B1000 = rf"(?:(?:{_B100}|an?){_SEP}hundred(?:{_SEP}(?:and{_SEP})?{_B100})?|{_B100})"
_B1E6 = rf"(?:(?:{_B1000}|an?){_SEP}thousand(?:,?{_SEP}(?:and{_SEP})?{_B1000})?|{_B1000})"
_B1E9 = rf"(?:(?:{_B1000}|an?){_SEP}million(?:,?{_SEP}(?:and{_SEP})?{_B1E6})?|{_B1E6})"
_DOZEN = rf"(?:(?:half{_SEP}a|an?|{_B100}){_SEP}dozen)"
_WORDS_RE = re.compile(rf"(?<![\w-])(?:{_DOZEN}|{_B1E9})(?![\w-])", re.IGNORECASE)

# Digits standing alone: not part of a model name (Kh-101, Tu-95MS, 3M-14), a
# decimal, a time (4:00) or a slash pair (136/131).
# Every digit pattern starts only where a digit run starts and takes its run
# whole (possessive quantifiers), so a long run is read in linear time.
_DIGITS_RE = re.compile(
    r"(?<![\w/.,:$€£₴#])(?<!\w-)(?:\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?![\w/]|[.,:]\d|-[A-Za-z])"
)
_RANGE_RE = re.compile(
    r"(?<![\d,])(?P<lo>\d{1,3}(?:,\d{3})++(?!\d)|\d++)\s*+(?:-|to|or)\s*+"
    r"(?P<hi>\d{1,3}(?:,\d{3})++(?!\d)|\d++)\b",
    re.IGNORECASE,
)
#: Numbers longer than this many digits (commas aside) are never counts.
MAX_DIGITS = len(str(MAX_COUNT))
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_NOT_COUNT_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|p\.?\s?m\b|a\.?\s?m\b|o'clock|hours?\b|h\b|mm\b|cm\b|km\b|"
    r"kilomet|metres|meters|kg\b|kilogram|tonnes?|tons?\b|million|billion|trillion|"
    r"-?years?[\s-]old|-year|-month|-day|-week|years?\b|months?\b|weeks?\b|days?\b|"
    r"minutes?\b|seconds?\b|dollars?|euros?|hryvnias?|uah\b|usd\b)",
    re.IGNORECASE,
)

_QUALIFIERS: tuple[tuple[str, str, int], ...] = (
    # (pattern ending right before the number, qualifier, offset added to the value);
    # negated forms come first so that "no more than" is not read as "more than".
    (
        r"no\s+more\s+than|not\s+more\s+than|up\s+to|as\s+many\s+as|at\s+most|"
        r"a\s+maximum\s+of|maximum\s+of|at\s+the\s+most",
        "at_most",
        0,
    ),
    (
        r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|not\s+fewer\s+than|"
        r"a\s+minimum\s+of|minimum\s+of|at\s+a\s+minimum",
        "at_least",
        0,
    ),
    (r"(?:just|well|slightly|a\s+little)\s+(?:more\s+than|over)", "at_least", 1),
    (r"more\s+than|over|in\s+excess\s+of|greater\s+than|upwards\s+of", "at_least", 1),
    (r"fewer\s+than|less\s+than", "at_most", -1),
    (
        # "information about one injured person": what the news is about, no hedge
        r"(?<!information\s)(?<!reports\s)(?<!data\s)(?<!news\s)about|"
        r"around|nearly|almost|some|roughly|approximately|approx\.?|an\s+estimated|"
        r"estimated|close\s+to|circa|ca\.|~|an\s+approximate|approximate",
        "approx",
        0,
    ),
)
_QUAL_RE = [
    (re.compile(rf"(?<![\w])(?:{pat})\s*$", re.IGNORECASE), qual, off)
    for pat, qual, off in _QUALIFIERS
]


def words_to_int(words: str) -> int:
    """The value of an English number written in words.

    Hyphens and spaces separate the words; "and" may follow a scale word;
    "a"/"an" may stand for one before "hundred", "thousand", "million" and
    "dozen"; "dozen" multiplies by 12 and "half a dozen" is 6.

    Parameters
    ----------
    words : str
        The number, for example ``"Fifty-one"`` or ``"two hundred and five"``.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        When ``words`` is not a number written in words.

    Examples
    --------
    >>> words_to_int("Fifty-one")
    51
    >>> words_to_int("two dozen")
    24
    >>> words_to_int("one hundred and twenty thousand three hundred")
    120300
    """
    text = words.strip().lower()
    if re.fullmatch(rf"half{_SEP}a{_SEP}dozen", text):
        return 6
    tokens = [t for t in re.split(r"[\s,-]+", text) if t and t != "and"]
    if not tokens:
        raise ValueError(f"not a number in words: {words!r}")
    total = current = 0
    seen = False
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1] in (*_SCALES, "dozen"):
            current = 1
            continue
        if tok not in NUMBER_WORDS:
            raise ValueError(f"not a number in words: {words!r} ({tok!r} is not a number word)")
        value = NUMBER_WORDS[tok]
        seen = True
        if tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in ("thousand", "million"):
            total += (current or 1) * value
            current = 0
        else:
            current += value
    if not seen:
        raise ValueError(f"not a number in words: {words!r}")
    return total + current


@dataclass(frozen=True)
class NumberToken:
    """A number found in a text: its value and where it was written.

    ``high`` is the upper end of a range ("20-25"), else equal to ``value``.
    """

    value: int
    start: int
    end: int
    text: str
    high: int | None = None
    is_word: bool = False


@dataclass(frozen=True)
class Count:
    """A number with its qualifier and the span covering both."""

    value: int
    qualifier: str
    start: int
    end: int
    number: NumberToken


def _int(digits: str) -> int | None:
    """The value of a digit string, or None when it is above :data:`MAX_COUNT`."""
    plain = digits.replace(",", "")
    if len(plain) > MAX_DIGITS:
        return None
    value = int(plain)
    return value if value <= MAX_COUNT else None


def _is_year(tok: NumberToken) -> bool:
    return not tok.is_word and len(tok.text) == 4 and 1900 <= tok.value <= 2099


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in ``text`` that could be a count, in order.

    Digits ("1,200"), words ("twenty-one", "a dozen") and ranges ("20-25",
    "20 to 25", "between 20 and 25") are found. Left out: numbers inside model
    names and slash pairs (Kh-101, Shahed-136/131), decimals, times (4:00,
    9 p.m.), money ($250 million, 1.2 billion), percentages, measures (155 mm),
    ages (52-year-old), durations, four-digit years and numbers above
    :data:`~airdef.io.parsers.MAX_COUNT` (the cap the tables apply).

    Examples
    --------
    >>> [(n.value, n.text) for n in find_numbers("downed 17 out of twenty-two Kh-101 at 4:00")]
    [(17, '17'), (22, 'twenty-two')]
    >>> [(n.value, n.high) for n in find_numbers("between 20 and 25 drones, $250 million")]
    [(20, 25)]
    """
    found: list[NumberToken] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE_RE.finditer(text):
        lo, hi = _int(m["lo"]), _int(m["hi"])
        if lo is None or hi is None:
            continue
        before = text[max(0, m.start() - 1) : m.start()]
        after = text[m.end() : m.end() + 1]
        if before and (before.isalnum() or before in "-/$.,:") or (after and after in "/"):
            continue
        if not lo < hi or _NOT_COUNT_AFTER.match(text, m.end()):
            continue
        found.append(NumberToken(lo, m.start(), m.end(), m.group(), high=hi))
        taken.append((m.start(), m.end()))
    for m in re.finditer(
        r"\bbetween\s+(?P<lo>\d[\d,]*+)\s+and\s+(?P<hi>\d[\d,]*+)\b", text, re.IGNORECASE
    ):
        if any(s <= m.start("lo") < e for s, e in taken):
            continue
        lo, hi = _int(m["lo"]), _int(m["hi"])
        if lo is not None and hi is not None and lo < hi:
            found.append(
                NumberToken(
                    lo, m.start("lo"), m.end("hi"), text[m.start("lo") : m.end("hi")], high=hi
                )
            )
            taken.append((m.start("lo"), m.end("hi")))
    for m in _DIGITS_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = _int(m.group())
        if value is None:
            continue
        tok = NumberToken(value, m.start(), m.end(), m.group())
        if _is_year(tok) or _NOT_COUNT_AFTER.match(text, m.end()):
            continue
        found.append(tok)
    for m in _WORDS_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group()
        if word.lower() in ("a", "an"):
            continue
        value = words_to_int(word)
        if value > MAX_COUNT:
            continue
        tok = NumberToken(value, m.start(), m.end(), word, is_word=True)
        if _NOT_COUNT_AFTER.match(text, m.end()):
            continue
        found.append(tok)
    found.sort(key=lambda t: t.start)
    return found


def read_count(text: str, number: NumberToken) -> Count:
    """The count a number states, with the qualifier written just before it.

    Parameters
    ----------
    text : str
        The text the number was found in.
    number : NumberToken
        A number from :func:`find_numbers` on the same text.

    Returns
    -------
    Count
        ``start`` moves back to the qualifier when there is one.

    Examples
    --------
    >>> text = "a barrage of more than 40 missiles"
    >>> c = read_count(text, find_numbers(text)[0])
    >>> (c.value, c.qualifier, text[c.start:c.end])
    (41, 'at_least', 'more than 40')
    """
    if number.high is not None:
        between = _BETWEEN_RE.search(text[: number.start])
        start = between.start() if between else number.start
        return Count(number.value, "at_least", start, number.end, number)
    head = text[max(0, number.start - 40) : number.start]
    for pattern, qual, offset in _QUAL_RE:
        m = pattern.search(head)
        if m and qual == "approx" and number.value == 1 and number.text.lower() == "one":
            break  # "it is known about one victim": "about one" is no estimate
        if m:
            start = number.start - (len(head) - m.start())
            return Count(max(number.value + offset, 0), qual, start, number.end, number)
    return Count(number.value, "exact", number.start, number.end, number)


_AGES = re.compile(
    r"(?<![\w-])(?:aged|ages|age\s+of|between\s+the\s+ages\s+of|віком|в\s+возрасте)\s+"
    r"(?:(?:від|от|from)\s+)?\d{1,3}"
    r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and|or|to|-|–|та|і|й|до|и)\s*(?:\d{1,3}\b))*+",
    re.IGNORECASE,
)


def age_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ages written as such ("men aged 71, 66, and 35", "віком від 7 до 17").

    Examples
    --------
    >>> t = "men aged 71, 66, and 35, women aged 69 and 65 were injured"
    >>> [t[s:e] for s, e in age_spans(t)]
    ['aged 71, 66, and 35', 'aged 69 and 65']
    """
    out = []
    for m in _AGES.finditer(text):
        out.append((m.start(), m.end()))
    return out
