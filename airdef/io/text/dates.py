"""Attack dates in report text, explicit or relative to the publication date.

:func:`find_dates` returns every date expression of a text with the day it
names (or ``None`` when it needs a publication date that is not known):

* explicit: ``2024-01-23``, ``23.01.2024``, ``January 23``, ``Jan. 23, 2024``,
  ``23 January 2024``, ``Friday, April 28``;
* overnight ranges give the second day: ``on the night of 20-21 September``,
  ``the night of September 20 to 21``, ``the night of 31 August to 1 September``;
* a day of the month alone (``on the 26th``), in the publication month (the
  month before when the day is later than publication);
* "late on March 17", "late Sunday night", "at 21:00 on March 17": the night ends on
  the next day;
* weekdays, resolved to the latest such day on or before publication:
  ``on Tuesday``, ``Saturday's attack``, ``the night of Friday to Saturday``,
  ``overnight from Saturday into Sunday`` (the second);
* relative words, resolved to the publication day: ``overnight``, ``last night``,
  ``this morning``, ``today``, ``tonight``, ``in the early hours``; ``yesterday``
  is the day before.

A day and month without a year take the publication year (the year before when
that would put the attack after publication). With no publication date, a
weekday written beside the day ("Wednesday, December 14") gives the year: the
one year from :data:`FIRST_YEAR` to :data:`LAST_YEAR` in which that day falls on
that weekday, if there is exactly one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "DateMention",
    "MONTHS",
    "WEEKDAYS",
    "find_dateline",
    "find_dates",
    "make_date",
    "year_of_weekday",
]

#: The years a weekday may place an undated day in: the full-scale war's reports.
FIRST_YEAR, LAST_YEAR = 2022, 2027

#: Month names and abbreviations -> month number.
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    "january february march april may june july august september october november december".split(),
    start=1,
):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

#: Weekday names -> Python weekday number (Monday is 0).
WEEKDAYS: dict[str, int] = {
    d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}

_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{g}>(?:19|20)\d\d))?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TO = r"\s*(?:-|/|to|into|and)\s*"


def _p(template: str, **groups: str) -> str:
    return template.format(**groups) if groups else template


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dotted", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")),
    # 31 August to 1 September; 20-21 September 2023
    (
        "dmy",
        re.compile(
            r"\b"
            + _DAY.format(g="d0")
            + r"(?:\s+(?:of\s+)?"
            + _MONTH.format(g="m0")
            + r")?"
            + _TO
            + _DAY.format(g="d")
            + r"\s+(?:of\s+)?"
            + _MONTH.format(g="m")
            + _YEAR.format(g="y")
            + r"(?!\w)",
            re.IGNORECASE,
        ),
    ),
    # a list of nights: July 18, 19, 20, and 21 (several attacks: background, and no count)
    (
        "list",
        re.compile(
            r"\b"
            + _MONTH.format(g="m")
            + r"\s+[0-3]?\d(?:st|nd|rd|th)?(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?)+,?\s+(?:and|&)\s+"
            + _DAY.format(g="d")
            + r"(?![\d:])"
            + _YEAR.format(g="y")
            + r"(?!\w)",
            re.IGNORECASE,
        ),
    ),
    # September 20-21, 2023; August 31 to September 1
    (
        "mdy",
        re.compile(
            r"\b"
            + _MONTH.format(g="m0")
            + r"\s+"
            + _DAY.format(g="d0")
            + _TO
            + r"(?:"
            + _MONTH.format(g="m")
            + r"\s+)?"
            + _DAY.format(g="d")
            + r"(?![\d:])"
            + _YEAR.format(g="y")
            + r"(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b"
            + _DAY.format(g="d")
            + r"\s+(?:of\s+)?"
            + _MONTH.format(g="m")
            + _YEAR.format(g="y")
            + r"(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy",
        re.compile(
            r"\b"
            + _MONTH.format(g="m")
            + r"\s+"
            + _DAY.format(g="d")
            + r"(?![\d:.]\d|\s*(?:p\.?m|a\.?m)\b)"
            + _YEAR.format(g="y")
            + r"(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "ordinal",
        re.compile(
            r"\b(?:on\s+)?the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!(?:\s*(?:[-\u2013\u2014]|to|and)\s*\d+(?:st|nd|rd|th))?\s+(?:of\s+)?\w*\s*(?:floor|storey|stor(?:y|ies)|century|anniversary|brigade|day|month|year|time|row|wave|minute|hour|place|round|attack|strike|session|package|edition))",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:(?:the\s+)?night\s+of|from)\s+{_WEEKDAY}\s+(?:to|into|-)\s+)?(?P<w>{_WEEKDAY})(?:'s)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<r>overnight|last\s+night|this\s+morning|this\s+evening|today|tonight|"
            # "yesterdayʼs attack": the modifier letter apostrophe is a word character
            r"yesterday|(?:in\s+)?the\s+early\s+hours|early\s+(?:this|on)\s+morning|at\s+night)"
            r"(?:\b|(?=\u02bcs\b))",
            re.IGNORECASE,
        ),
    ),
]

_RANK = {
    "iso": 3,
    "dotted": 3,
    "dmy": 3,
    "mdy": 3,
    "ordinal": 3,
    "weekday": 2,
    "relative": 1,
    "list": 0,  # "the nights of July 18, 19, 20, and 21": earlier attacks, never the date
}


@dataclass(frozen=True)
class DateMention:
    """A date expression: its span, kind, and the day it names (None if unresolved).

    ``rank`` orders the kinds: explicit dates (3) over weekdays (2) over
    relative words (1).
    """

    start: int
    end: int
    kind: str
    day: dt.date | None

    @property
    def rank(self) -> int:
        return _RANK[self.kind]


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return MONTHS.get(name.lower().rstrip("."))


def make_date(year: int | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    """The date of a day and month, the year taken from ``published`` when not given.

    The year before publication is taken when the day would otherwise fall
    more than a day after publication; None for an impossible date or a
    missing year with no publication date.

    Examples
    --------
    >>> make_date(None, 12, 31, dt.date(2024, 1, 2))
    datetime.date(2023, 12, 31)
    >>> make_date(None, 2, 30, dt.date(2024, 3, 1)) is None
    True
    """
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            guess = dt.date(year, month, day)
        except ValueError:
            return None
        if guess > published + dt.timedelta(days=1):
            year -= 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_of_weekday(month: int, day: int, weekday: int) -> int | None:
    """The one year from FIRST_YEAR to LAST_YEAR in which the day falls on ``weekday``.

    Examples
    --------
    >>> year_of_weekday(12, 14, WEEKDAYS["wednesday"])
    2022
    >>> year_of_weekday(2, 30, 0) is None
    True
    """
    years = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                years.append(year)
        except ValueError:
            continue
    return years[0] if len(years) == 1 else None


_WEEKDAY_BEFORE = re.compile(rf"\b(?P<w>{_WEEKDAY}),?\s*\(?\s*(?:the\s+)?$", re.IGNORECASE)


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> dt.date | None | bool:
    """The day a match names; False when the match is not a date at all."""
    groups = m.groupdict()
    if kind in ("iso", "dotted"):
        try:
            return dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        except ValueError:
            return False
    if kind in ("dmy", "mdy", "list"):
        month = _month(groups.get("m")) or _month(groups.get("m0"))
        day = int(groups["d"])
        if month is None or not 1 <= day <= 31:
            return False
        year = int(groups["y"]) if groups.get("y") else None
        if year is None and published is None:
            weekday = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 14), m.start())
            if weekday:  # "Wednesday, December 14": the weekday names the year
                year = year_of_weekday(month, day, WEEKDAYS[weekday["w"].lower()])
        return make_date(year, month, day, published)
    if published is None:
        return None
    if kind == "ordinal":  # "on the 26th": that day of the publication month, or the month before
        day = int(groups["d"])
        month_start = published.replace(day=1)
        if day > published.day:
            month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
        try:
            return month_start.replace(day=day)
        except ValueError:
            return False
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups["w"].lower()]) % 7
        return published - dt.timedelta(days=back)
    word = " ".join(groups["r"].lower().split())
    return published - dt.timedelta(days=1) if word == "yesterday" else published


_DATELINE = re.compile(
    r"(?:^|(?<=\)\s)|(?<=\n))[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,2}(?:,\s+[A-Z][a-z]+)?,\s+"
    + "(?i:"
    + _MONTH.format(g="m")
    + ")"
    + r"\s+"
    + _DAY.format(g="d")
    + _YEAR.format(g="y")
    + r"(?![\w:])(?=\s*(?:\(\w+\)|/\w+/)?\s*(?:[-\u2013\u2014.]|\n|$))"
)


def find_dateline(text: str, published: dt.date | None = None) -> dt.date | None:
    """The day of a wire dateline near the start ("KYIV, Dec 14 (Reuters) -"), if any.

    A dateline says when the story was filed: relative words in it
    ("overnight", "on Saturday") count from that day rather than from a later
    publication date.

    Examples
    --------
    >>> find_dateline("KYIV, Dec 14 (Reuters) - Russia launched 42 drones overnight.",
    ...               dt.date(2023, 12, 15))
    datetime.date(2023, 12, 14)
    >>> find_dateline("Kyiv, the capital, was hit overnight.", dt.date(2023, 12, 15)) is None
    True
    """
    m = _DATELINE.search(text, 0, 400)
    if m is None:
        return None
    month = _month(m["m"])
    if month is None:
        return None
    return make_date(int(m["y"]) if m["y"] else None, month, int(m["d"]), published)


# "late on March 17", "21:00 (9 p.m.) on March 17": the night ends on the next day
_LATE = re.compile(
    r"(?:\blate|(?<![\d:.])(?:1[89]|2[0-3])[:.][0-5]\d|\b(?:[6-9]|1[01])(?::[0-5]\d)?\s*p\.\s?m\.)"
    r"(?:\s*\([^()]{0,12}\))?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_DAYTIME = re.compile(r"\s+(?:morning|afternoon)\b", re.IGNORECASE)


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, with overlaps resolved.

    Parameters
    ----------
    text : str
        Folded report text (see :func:`airdef.io.text.segment.fold`).
    published : datetime.date, optional
        The publication date; needed for weekdays, relative words and dates
        without a year.

    Returns
    -------
    list of DateMention

    Examples
    --------
    >>> pub = dt.date(2024, 1, 23)
    >>> [(m.kind, str(m.day)) for m in find_dates("on the night of 20-21 September", pub)]
    [('dmy', '2023-09-21')]
    >>> [(m.kind, str(m.day)) for m in find_dates("Russia on Tuesday launched", pub)]
    [('weekday', '2024-01-23')]
    >>> [(m.kind, m.day) for m in find_dates("on Dec. 27", None)]
    [('mdy', None)]
    """
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month = m.groupdict().get("m") or m.groupdict().get("m0")
            if month and not month[0].isupper():
                continue  # "may", "march": a verb, not a month
            day = _resolve(kind, m, published)
            if day is False:
                continue
            if (
                day
                and kind != "relative"
                and _LATE.search(text, max(0, m.start() - 24), m.start())
                and not _DAYTIME.match(text, m.end())
            ):
                day += dt.timedelta(days=1)  # "late on March 17": the night ends on the 18th
            mentions.append(DateMention(m.start(), m.end(), kind, day or None))
            taken.append((m.start(), m.end()))
    return sorted(mentions, key=lambda d: d.start)
