"""Attack dates in Ukrainian and Russian report text.

* an overnight report names the morning: "у ніч на 23 серпня", "вночі проти
  10 січня", "в ночь на 25 ноября", "в ніч з 22 на 23 травня" give the 23rd,
  10th, 25th and 23rd;
* a day and month: "23 серпня", "29 декабря", with or without "2024 року";
  without a year the publication year is taken (see
  :func:`~airdef.io.text.dates.make_date`);
* a day and month with neither year nor publication date takes its year from
  a weekday beside it ("у понеділок, 10 жовтня" is 2022): the one year of the
  full-scale war, 2022 to 2027, in which that day fell on that weekday, else
  from the one year the text names ("2024 року");
* weekdays ("у понеділок", "в пятницу") and relative words ("сьогодні вночі",
  "цієї ночі", "минулої ночі", "вранці", "за добу", "этой ночью") resolve
  against the publication date; "вчора" is the day before.
"""

from __future__ import annotations

import datetime as dt
import re

from airdef.io.text.dates import DateMention, make_date
from airdef.io.text.lexicon_uk import MONTHS_UK

__all__ = ["find_dates_uk"]

_I = re.IGNORECASE
_MONTH = "|".join(sorted(MONTHS_UK, key=len, reverse=True))
_YEAR = r"(?:\s+(?P<y>(?:19|20)\d\d)(?:\s*(?:року|года|р\.|г\.))?)?"
_NIGHT = re.compile(
    rf"(?:(?:у|в)\s+)?(?:ніч|ночь|вночі|уночі|ночью)\s+(?:(?:з|с)\s+\d{{1,2}}(?:\s+(?:{_MONTH}))?\s+)?"
    rf"(?:на|проти|против)\s+(?P<d>[0-3]?\d)(?:-?г?о)?\s+(?P<m>{_MONTH}){_YEAR}",
    _I,
)
_DAY = re.compile(rf"(?<![\d.:])(?P<d>[0-3]?\d)(?:-?г?о)?\s+(?P<m>{_MONTH})\b{_YEAR}", _I)
_WEEKDAYS = {
    r"понеділ\w*|понедельник\w*": 0,
    r"вівтор\w*|вторник\w*": 1,
    r"серед[уаи]|среду|среда": 2,
    r"четвер\w*|четверг\w*": 3,
    r"п['’ʼ]ятниц\w*|пятниц\w*": 4,
    r"субот\w*|суббот\w*": 5,
    r"неділ\w*|воскресень\w*": 6,
}
# "у понеділок", and the morning a night ends: "у ніч проти суботи", "в ночь на субботу",
# "у ніч з п'ятниці на суботу"
_WEEKDAY = re.compile(
    r"(?<![\w'])(?:у|в|во|(?:ніч|ночь|ночі)\s+(?:проти|на|з\s+\S+\s+на|с\s+\S+\s+на))\s+(?P<w>"
    + "|".join(_WEEKDAYS)
    + r")(?![\w'])",
    _I,
)
_ANY_WEEKDAY = re.compile(r"(?<![\w'])(?P<w>" + "|".join(_WEEKDAYS) + r")(?![\w'])", _I)
#: The years a day and month without a year may fall in, when a weekday fixes it.
WAR_YEARS = range(2022, 2028)
_RELATIVE = re.compile(
    r"(?<![\w'])(?P<r>вчора|вчера|минулої\s+ночі|минулої\s+доби|сьогодні(?:\s+вночі|\s+вранці)?|"
    r"сегодня(?:\s+ночью|\s+утром)?|цієї\s+ночі|цієї\s+доби|этой\s+ночью|минувшей\s+ночью|"
    r"прошлой\s+ночью|вночі|уночі|ночью|вранці|зранку|утром|за\s+добу|за\s+сутки|протягом\s+доби|"
    r"протягом\s+ночі|напередодні)(?![\w'])",
    _I,
)


def _weekday(word: str) -> int:
    return next(v for k, v in _WEEKDAYS.items() if re.fullmatch(k, word, _I))


def _year_of_weekday(m: re.Match[str], weekdays: list[tuple[int, int]]) -> int | None:
    """The one war year in which the day of ``m`` fell on the weekday named beside it.

    ``weekdays`` holds (position, weekday number) of every weekday the text names.
    """
    near = [w for p, w in weekdays if m.start() - 40 <= p <= m.end() + 40]
    numbers = set(near or [w for _, w in weekdays])
    if len(numbers) != 1:
        return None
    month, day, weekday = MONTHS_UK[m["m"].lower()], int(m["d"]), numbers.pop()
    years = []
    for year in WAR_YEARS:
        try:
            if dt.date(year, month, day).weekday() == weekday:
                years.append(year)
        except ValueError:
            continue
    return years[0] if len(years) == 1 else None


_YEAR_WORD = re.compile(r"(?<!\d)(20[2-3]\d)\s+(?:року|рік|році|году|год|г\.|р\.)", _I)


def _only_year(text: str) -> int | None:
    """The one year the text names ("2024 року країна-агресор ... обстрілює"), if one.

    A photo caption's year ("Ілюстраційне фото ..., листопад 2025 року") is the photo's.
    """
    lines = [ln for ln in text.splitlines() if not _CAPTION.search(ln)]
    years = {int(y) for ln in lines for y in _YEAR_WORD.findall(ln)}
    return years.pop() if len(years) == 1 else None


_CAPTION = re.compile(r"(?<![\w'])(?:фото|photo)(?![\w'])", _I)


def _weekdays(text: str) -> list[tuple[int, int]]:
    return [(w.start(), _weekday(w["w"].lower())) for w in _ANY_WEEKDAY.finditer(text)]


def find_dates_uk(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Every Ukrainian or Russian date expression in ``text``, in order.

    Examples
    --------
    >>> pub = dt.date(2025, 8, 23)
    >>> [(m.kind, str(m.day)) for m in find_dates_uk("У ніч на 23 серпня противник атакував", pub)]
    [('dmy', '2025-08-23')]
    >>> [(m.kind, str(m.day)) for m in find_dates_uk("В ніч з 22 на 23 травня 2024 року", None)]
    [('dmy', '2024-05-23')]
    >>> [(m.kind, str(m.day)) for m in find_dates_uk("Вчора ввечері", pub)]
    [('relative', '2025-08-22')]
    >>> [str(m.day) for m in find_dates_uk("у понеділок, 10 жовтня", None) if m.kind == "dmy"]
    ['2022-10-10']
    """
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in taken)

    weekdays: list[tuple[int, int]] | None = None  # read once, when first needed
    only_year: int | None = None
    for pattern in (_NIGHT, _DAY):
        for m in pattern.finditer(text):
            if not free(m):
                continue
            year = int(m["y"]) if m["y"] else None
            if year is None and published is None:
                if weekdays is None:
                    weekdays, only_year = _weekdays(text), _only_year(text)
                year = _year_of_weekday(m, weekdays) or only_year
            day = make_date(year, MONTHS_UK[m["m"].lower()], int(m["d"]), published)
            mentions.append(DateMention(m.start(), m.end(), "dmy", day))
            taken.append((m.start(), m.end()))
    for m in _WEEKDAY.finditer(text):
        if not free(m):
            continue
        word = m["w"].lower()
        number = _weekday(word)
        day = None
        if published is not None:
            day = published - dt.timedelta(days=(published.weekday() - number) % 7)
        mentions.append(DateMention(m.start(), m.end(), "weekday", day))
        taken.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(text):
        if not free(m):
            continue
        day = None
        if published is not None:
            # "протягом минулої доби" in a morning post is the day that ends as it is posted
            back = m["r"].lower() in ("вчора", "вчера", "напередодні")
            day = published - dt.timedelta(days=1) if back else published
        mentions.append(DateMention(m.start(), m.end(), "relative", day))
        taken.append((m.start(), m.end()))
    return sorted(mentions, key=lambda d: d.start)
