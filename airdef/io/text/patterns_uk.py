"""Patterns of Ukrainian and Russian weapon sentences, and the numbers that may be counts.

Used by :mod:`airdef.io.text.reader_uk`: verb patterns by role (:data:`VERB_UK`
and :data:`ROLE`), qualifiers before a number ("понад", "щонайменше",
"близько"), the words after a number that make it no count (units, dates,
aircraft, places, people), "N з M", "з них", regions, and
:func:`find_numbers_uk`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from airdef.io.parsers import MAX_COUNT
from airdef.io.text.lexicon_uk import NUMBER_WORD_RE, uk_number
from airdef.io.text.numbers import find_numbers
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons_uk import read_phrase_uk

__all__ = [
    "ALL",
    "ATTACK_WORD",
    "CHILD_BEFORE",
    "DASH",
    "HIT",
    "FLAGS",
    "NEGATIVE",
    "LAUNCHED_PART",
    "OF_M",
    "RELATIVE",
    "OF_THEM_AFTER",
    "OF_THEM_BEFORE",
    "REGION",
    "REGION_LIST",
    "ROLE",
    "RUNNING_TOTAL",
    "VERB_UK",
    "UkNumber",
    "VAGUE",
    "find_numbers_uk",
]

FLAGS = re.IGNORECASE
COMBINED = (
    r"(?:збит|знищен|відбит|знешкоджен|сбит|уничтожен|отражен)[оаіы]?\s*(?:/|,?\s*(?:або|чи|й|і|та|"
    r"или|и)\s+)\s*подавлен\w*|"
    r"(?:збил|знищил|відбил|знешкодил|сбил|уничтожил|отразил)[аи]?\s+(?:або|чи|й|і|та|или|и)\s+"
    r"подавил[аи]?"
)
SUPPRESS = (
    r"(?:збит|сбит)\w*\s+(?:з\s+курсу|с\s+курса)|"  # knocked off course: lost, not shot down
    r"(?:локац[іи]?йно|локально|локационно)\s+(?:втрачен\w*|зникл\w*|потерян\w*|утрачен\w*)|"
    r"втрачен\w*\s+(?:або|чи)\s+подавлен\w*|потерян\w*\s+или\s+подавлен\w*|"
    r"подавлен\w*\s+засобами\s+(?:РЕБ|радіоелектронної)\w*|"
    # "ще 36 ворожих БПЛА були втрачені": lost
    r"втрачен\w*|потерян\w*|утрачен\w*"
)
INTERCEPT = (
    r"збит\w*|збил\w*|збив\w*|збиття|збити|знищен\w*|знищил\w*|знищив|знищит\w*|знищу\w*|"
    r"знешкодж\w*|знешкоди\w*|нейтраліз\w*|перехопил\w*|перехоплен[оі]\b|ліквідува\w*|ліквідован\w*|"
    r"ликвидирова\w*|"
    r"сбит\w*|сбил\w*|сбив\w*|сбить|уничтож\w*|перехвачен\w*|нейтрализ\w*|"
    r"подавил\w*|подавлен[оі]\b|уражено|перехоплення|перехват(?!чик)\w*|поражен[оы]\b|поразили"
)
LAUNCH = (
    r"атакува\w*|атакуюч\w*|атаковал\w*|атаковав\w*|запусти\w*|запущен\w*|запуск\w*|пуск\w*|"
    r"(?:здійсни|здійсню|осуществи|осуществля|провів|провел)\w*\s+(?:[\w-]+\s+){0,4}?атак[уи]|"
    r"випусти\w*|випущен\w*|выпусти\w*|выпущен\w*|застосува\w*|застосовув\w*|застосован\w*|"
    r"примени\w*|применя\w*|задіяв\w*|задіян\w*|використа\w*|використовуюч\w*|используя|"
    r"использова\w*|завда\w*\s+(?:\w+\s+){0,2}?удар\w*|нан[её]с\w*\s+(?:\w+\s+){0,2}?удар\w*|"
    r"вдари\w*|удари\w*|ударил\w*|виявлен\w*|обнаружен\w*|фіксували|зафіксован\w*|"
    r"зафиксирова\w*|"
    r"перебувал[оиа]|находил(?:ось|ись)|спрямува\w*|спрямован\w*|направил[аи]?|направив|скину\w*|скинул\w*|сбросил\w*"
)
OTHER = (
    # "30 дронів не було збито", "10 з них не вдалося збити": not shot down
    r"не\s+(?:було\s+|були\s+|был[иоа]?\s+)?(?:збит\w*|знищен\w*|сбит\w*|уничтожен\w*)|"
    r"не\s+(?:вдалося|вдалось|удалось)\s+(?:збити|знищити|сбить|уничтожить)|"
    r"не\s+(?:збили|знищили|сбили|уничтожили)|"
    r"влучан\w*|влучил\w*|влучив|влучи\w*|поцілил\w*|поцілив|попадан\w*|попал\w*|"
    r"досягл\w*|досягн\w*|ураженн\w*|падінн\w*|падени\w*|впал\w*|упал\w*|вийшл\w*|вилетіл\w*|"
    r"повернул\w*|вернул\w*|залетіл\w*|влетіл\w*|летіл\w*|летел\w*|зникл\w*"
)
VERB_UK = re.compile(
    rf"(?<![\w'])(?:(?P<c>{COMBINED})|(?P<s>{SUPPRESS})|(?P<i>{INTERCEPT})|(?P<l>{LAUNCH})|"
    rf"(?P<o>{OTHER}))(?![\w'])",
    FLAGS,
)
ROLE = {"c": "intercepted", "s": "suppressed", "i": "intercepted", "l": "launched", "o": None}

QUAL = [
    (
        re.compile(
            r"(?:понад|більше\s+ніж|більш\s+ніж|більше|свыше|(?:более|больше)(?:\s+чем)?)\s+$",
            FLAGS,
        ),
        "at_least",
        1,
    ),
    (
        re.compile(
            r"(?:щонайменше|не\s+менше(?:\s+ніж)?|не\s+менее|по\s+меньшей\s+мере|как\s+минимум|"
            r"принаймні|мінімум|минимум)\s+$",
            FLAGS,
        ),
        "at_least",
        0,
    ),
    (
        re.compile(
            r"(?:близько|приблизно|майже|біля|около|почти|порядка|орієнтовно|понад\s+майже|"
            r"примерно|приблизительно)\s+$",
            FLAGS,
        ),
        "approx",
        0,
    ),
    (re.compile(r"(?:не\s+більше(?:\s+ніж)?|не\s+более|до)\s+$", FLAGS), "at_most", 0),
]
UPDATE = re.compile(
    r"(?:зрос\w*|збільши\w*|вырос\w*|увеличи\w*|досяг\w*)\s+(?:\w+\s+)?до\s+$", FLAGS
)
NOT_COUNT_AFTER = re.compile(
    r"(?:-(?:ї|й|го|ого|ому|ій|им|им|ми\b|ту\b|та\b|річн|летн|поверхов|типоверх|ти\s+поверх|денн|хвилин|"
    r"годин)|(?:-[а-яі]{1,3})?\s+(?:ранку|утра|вечора|вечера|ночі|ночи|дня\b)|\s*(?:%|відсот|процент|км|кілометр|метр|хвилин|годин|час|рок|рік|років|лет|днів|"
    r"дн[іея]|доб|тонн|грн|гривень|доларів|долларов|млн|млрд|тис\.|січня|лютого|березня|"
    r"квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|января|февраля|марта|"
    r"апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|-?річн|-?летн|літак|"
    r"бомбардувальник|бомбардировщик|самол[её]т|корабл|кораблів|носі|област|регіон|район|локац(?![іи]?йно|ионно)|місц|"
    r"населен|громад|будин|об'єкт|об’єкт|поверх|напрям|направлен|хвил|разів|раз\b|пацієнт|людей|"
    r"люди|осіб|особ|людин|человек|дит|діт|жінок|чоловік|загибл|поранен|постражд|пострад))",
    FLAGS,
)
SLASH = re.compile(r"(?<![\w/.,:-])(?P<n>\d{1,6})/(?P<m>\d{1,6})(?![\w/.,:]\w)")
HIT = re.compile(r"(?<![\w'])(?:влучан\w*|влучил\w*|влучив|поцілил\w*|попадан\w*|попал\w*)", FLAGS)
# "16 дронов из 21 запущенного врагом были уничтожены": the participle describes the total
LAUNCHED_PART = re.compile(r"\s+(?:запущен|выпущен|випущен)\w*(?:\s+(?:врагом|ворогом))?", FLAGS)
# "три балістичні ракети, які летіли в напрямку Києва, збили": a clause between count and verb
RELATIVE = re.compile(
    r"\s*,\s*(?:які|яка|який|що|которые|которая|который)\s[^,;:.]{0,60},\s*(?=\w)"
)
OF_M = re.compile(r"\s+(?:з|із|зі|из|от)\s+(?=\d|[а-яіїєґ])", FLAGS)
OF_THEM_AFTER = re.compile(r"\s+(?:з|із|зі|из)\s+(?:них|яких|которых|їх)\b", FLAGS)
OF_THEM_BEFORE = re.compile(r"(?:з|із|зі|из)\s+(?:них|яких|которых|їх)\s*[,:]?\s*$", FLAGS)
CHILD_BEFORE = re.compile(
    r"(?:серед\s+(?:яких|них)|среди\s+(?:которых|них)|у\s+тому\s+числі|в\s+тому\s+числі|"
    r"в\s+том\s+числе|включаючи|включая|включно\s+з|зокрема|в\s+частности|з\s+них|із\s+них|"
    r"из\s+них)"
    r"\s*[,:]?\s*(?:близько|приблизно|майже|около|почти|понад|щонайменше|більше)?\s*$",
    FLAGS,
)
DASH = re.compile(r"\s*[–—-]\s*")
REGION = re.compile(
    r"(?:(?<![\w'])(?:над|у|в|на|в\s+межах|у\s+межах|навколо|поблизу|над\s+територією)\s+"
    r"(?!напрям|направлен|бік\b|сторон)(?:[\w'’ʼ-]+\s+)?(?:[\w'’ʼ-]+(?:ською|цькою|зькою|ській|цькій|зькій|ской|цкой)\s+област\w*|"
    r"[\w'’ʼ-]+(?:ської|цької|зької|ской)\b|[\w'’ʼ-]+(?:щин|ччин)(?:ою|і|ой|е)|Києв\w*|Київ\w*|Киев\w*|столиц\w*|Одес\w*|Харков\w*|Харків\w*|"
    r"Дніпр\w*|Львов\w*|Львів\w*|Миколаєв\w*)|(?<![\w'])(?:у|в)\s+[\w'’ʼ-]+(?:ському|цькому|ском)\s+небі|"
    # "по Холодногірському і Шевченківському районах Харкова": districts of a city
    r"(?<![\w'])(?:у|в|по|на)\s+[\w'’ʼ-]+(?:ському|цькому|зькому|ском|цком)\s+"
    r"(?:(?:і|та|й|и)\s+[\w'’ʼ-]+(?:ському|цькому|зькому|ском|цком)\s+)?район(?:і|ах|е|ам)\b|"
    # a part of the country or its air command: "обороною півдня України", "ПвК «Захід»"
    r"(?<![\w'])(?:півдня|півночі|сходу|заходу|юга|севера|востока|запада)\s+(?:України|країни|"
    r"Украины|страны)|(?<![\w'])(?:на|в|у)\s+(?:півдні|юге)\s+(?:України|країни|Украины)|"
    r"(?:командуван\w*|ПвК|ПВК)\s+[«\"“]?(?:Південь|Схід|Захід|Центр|Північ|Юг|Восток|Запад)\b)",
    FLAGS,
)
REGION_LIST = re.compile(
    r"(?:ській|цькій|зькій|ской),\s+[\w'’ʼ-]+(?:ській|цькій|зькій|ской)|областях|областей|регіонах|"
    r"(?:півночі|півдні|сході|заході|центрі|севере|юге|востоке|западе),\s+"
    r"(?:півночі|півдні|сході|заході|центрі|севере|юге|востоке|западе)",
    FLAGS,
)
ATTACK_WORD = re.compile(
    rf"(?:{LAUNCH}|атак\w*|удар\w*|обстріл\w*|обстрел\w*|прильот\w*|приліт\w*|прилет\w*|{OTHER}|"
    rf"{INTERCEPT})",
    FLAGS,
)
VAGUE = re.compile(
    r"(?<![\w'])(?:десятк\w*|сотн\w*|кілька|декілька|несколько|частина|частью|часть|багато|"
    r"много|чимало|хвил\w*)\s+",
    FLAGS,
)
ALL = re.compile(
    rf"(?<![\w'])(?:усі|всі|все|всех|всіх|всё|обидв[іа]|обидвох|оба|обе)\s+(?:[\w'’ʼ,-]+\s+){{0,10}}?"
    rf"(?:{INTERCEPT}|{COMBINED})"
    rf"|(?<![\w'])(?:{INTERCEPT})\s+(?:усі|всі|все|обох|обидв\w*|обоих|обеих|оба|обе)\b",
    FLAGS,
)
#: A count since the start of the war, the year or the month, not of one attack.
_MONTH_STEM = (
    r"(?:січн|лют|березн|квітн|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн|январ|феврал|"
    r"март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
)
RUNNING_TOTAL = re.compile(
    rf"(?:протягом|впродовж|упродовж|(?:лише|тільки|только)\s+(?:у|в)|в\s+течение|за)\s+"
    rf"{_MONTH_STEM}(?!\s+\d)|"
    r"(?:з|із|с|від)\s+початку\s+(?:повномасштабн\w+\s+)?(?:\d{4}\s+)?(?:вторгнення|війни|агресії|року|місяця|"
    r"тижня)|с\s+начала\s+(?:полномасштабн\w+\s+)?(?:вторжения|войны|года|месяца)|"
    r"за\s+весь\s+(?:час|период)|за\s+(?:цей|этот|поточний|минулий)\s+(?:тиждень|місяць|рік|неделю|месяц|год)",
    FLAGS,
)
NEGATIVE = re.compile(r"\b(?:якщо|если|чи\s+не|не\s+виключ|можлив\w*|могл[аи]?)\b", FLAGS)


@dataclass(frozen=True)
class UkNumber:
    """A number (digits or words) with its qualifier and the span covering both."""

    value: int
    qualifier: str
    start: int
    end: int
    num_start: int
    total: UkNumber | None = None  # "102/127": the 127


def qualify(text: str, lo: int, value: int, start: int, end: int) -> UkNumber:
    head = text[max(lo, start - 30) : start]
    if UPDATE.search(head):
        return UkNumber(value, "exact", start, end, start)
    for pattern, qual, offset in QUAL:
        m = pattern.search(head)
        if m:
            return UkNumber(value + offset, qual, start - (len(head) - m.start()), end, start)
    return UkNumber(value, "exact", start, end, start)


_CASE = re.compile(r"-(?:го|ого|ому|му|ми|им|ій|й|ї)\b", FLAGS)


def _counted_case(text: str, end: int) -> bool:
    """ "збиття 81-го ударного БпЛА", "37-ми ударних дронів": a case ending before a weapon.

    An ordinal's ending ("10-ї ранку", "1-го вересня") is never followed by a weapon
    phrase, so a digit whose ending runs into one is a count in that case.
    """
    m = _CASE.match(text, end)
    if m is None:
        return False
    phrase = read_phrase_uk(text, m.end(), limit=6)
    return phrase is not None and phrase.start <= m.end() + 2 and not phrase.total


def find_numbers_uk(text: str, start: int, end: int, blocked: SpanSet) -> list[UkNumber]:
    """The numbers of ``text[start:end]`` that may be counts, in order.

    Digits with a case ending ("28-ма", "13-ти") are counts; ordinals, ages,
    heights, times, dates and numbers before a unit are not.

    Examples
    --------
    >>> t = "У ніч на 2 листопада знищили 12 із 13-ти дронів; 14-річна, 10-ї ранку, одинадцять"
    >>> [(n.value, n.qualifier) for n in find_numbers_uk(t, 0, len(t), SpanSet([(9, 20)]))]
    [(12, 'exact'), (13, 'exact'), (11, 'exact')]
    """
    out: list[UkNumber] = []
    for n in find_numbers(text[start:end]):
        s, e = n.start + start, n.end + start
        if blocked.covers(s) or n.is_word:
            continue
        if NOT_COUNT_AFTER.match(text, e) and not _counted_case(text, e):
            continue
        suffix = re.match(r"-(?:ма|ти|ю|х|ох|ьох|ми|а|и|му|м|ю|ї|го|ого|ому|им)\b", text[e : e + 5])
        out.append(qualify(text, start, n.value, s, e + (suffix.end() if suffix else 0)))
    for m in NUMBER_WORD_RE.finditer(text, start, end):
        if blocked.covers(m.start()) or NOT_COUNT_AFTER.match(text, m.end()):
            continue
        value = uk_number(m.group())
        if value is None:
            continue
        out.append(qualify(text, start, value, m.start(), m.end()))
    for m in SLASH.finditer(text, start, end):
        hit, of = int(m["n"]), int(m["m"])
        if blocked.covers(m.start()) or not hit <= of <= MAX_COUNT:
            continue
        total = UkNumber(of, "exact", m.start("m"), m.end("m"), m.start("m"))
        out.append(UkNumber(hit, "exact", m.start(), m.end(), m.start(), total))
    return sorted(out, key=lambda n: n.start)
