"""Killed and injured in Ukrainian and Russian report text, by city and district.

A number is a casualty figure when the nearest casualty word of its clause
says so: загинули, загинуло, загиблих, вбито, погибли (killed); поранено,
поранених, отримали поранення, постраждали, постраждалих, потерпілих,
травмовано, пострадали, ранены (injured). "Кількість постраждалих зросла до 28"
updates the figure. Ages ("14-річна"), parts ("з них п'ятеро — діти", "серед
загиблих") and the hospitalised are not separate figures. One person named in
the singular ("загинула жінка") is one.

The place is the city named in the sentence ("у Києві", "киян", "у столиці"
are Kyiv), else the one city the report names; a district in the same
sentence ("у Деснянському районі") is kept with its English name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from airdef.io.text.casualty_rows import (
    CasualtyFigure,
    CasualtyRow,
    background_sentences,
    city_of_district,
    merge_restatements,
    supersedes,
)
from airdef.io.text.casualty_words_uk import (
    BODY,
    BODY_BEFORE,
    INJURED,
    KILLED,
    NO_DEAD,
    NO_NEWS,
    PERSON_ACC,
    VAGUE,
    ZERO,
    ZERO_ONE,
)
from airdef.io.text.lexicon_uk import NUMBER_WORD_RE, uk_number
from airdef.io.text.numbers import find_numbers
from airdef.io.text.officials import official_city
from airdef.io.text.places_uk import (
    CITY_WIDE,
    MORE_DISTRICTS,
    NATIONWIDE_UK,
    PART_DISTRICT,
    REGION_NAMED,
    SEVERAL_DISTRICTS,
    WITH_REGION,
    after_city,
    clauses_uk,
    district_uk,
    find_cities_uk,
    nearest_city,
    region_last,
    region_places,
    region_raion,
    sentence_of,
    with_region,
)
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons_uk import read_phrase_uk

__all__ = ["extract_casualties_uk", "find_cities_uk"]

_I = re.IGNORECASE
_HOSPITAL = re.compile(r"госпітал|госпитал", re.IGNORECASE)
_WORD = re.compile(rf"(?<![\w'])(?:(?P<k>{KILLED})|(?P<i>{INJURED}))(?![\w'])", _I)
_PERSON = re.compile(
    r"(?<![\w'])(?:(?P<k>загинул[аи]|загинув|загинуло|погиб|погибла|(?:травм\w*|поранен\w*),?\s+"
    r"несумісн\w*\s+з\s+життям,?\s+(?:дістав|дістала|отримав|отримала)|смертельн\w+\s+поранен\w*"
    r"(?:\s+[\w'’ʼ-]+){0,4}?\s+(?:дістав|дістала|отримав|отримала))|(?P<i>постраждал[аи]|"
    r"постраждав|поранен[аи]й?|поранено|пострадал[аи]?|ранен[аи]?|(?:поранення|поранень|травм[иу])\s+"
    r"(?:отримав|отримала|дістав|дістала|зазнав|зазнала)))\s+(?:[\w'’ʼ-]+\s+){0,2}?"
    r"(?:жінка|чоловік|дитина|хлопчик|дівчинка|людина|пенсіонерка|пенсіонер|мешканець|мешканка|"
    r"женщина|мужчина|ребенок|ребёнок|мальчик|девочка|девушка|дівчина|юнак|підліток|водій|человек)\b",
    _I,
)
_ONE = re.compile(
    r"(?<![\w'])(?:маємо|є|имеем|есть)\s+(?:ще\s+)?(?:одного\s+|один\s+|одна\s+)?(?:(?P<k>загиблого|"
    r"погибшего|загиблий|загибла|погибший)|(?P<i>пораненого|постраждалого|травмованого|раненого|"
    r"пострадавшего|поранений|постраждалий|травмований|раненый))(?![\w'])",
    _I,
)
_AS_OF = re.compile(r"(?<![\w'])(?:станом\s+на|по\s+состоянию\s+на)\s+\d{1,2}[:.]\d{2}", _I)
_MORE_PEOPLE = re.compile(
    r"\s*(?:,|та|і|й|и)\s+(?:[\w'’ʼ-]*річн\w*|\d+|жін\w*|чолов\w*|дит\w*|хлоп\w*|дівч\w*|"
    r"женщин\w*|мужчин\w*)",
    _I,
)
_PART = re.compile(
    r"(?:серед\s+(?:них|яких|загиблих|поранених|постраждалих|потерпілих)|з\s+них|з\s+яких|"
    r"із\s+них|среди\s+(?:них|которых|погибших|раненых|пострадавших)|из\s+них|у\s+тому\s+числі|"
    r"в\s+тому\s+числі|зокрема)\s*[–—:-]?\s*(?:щонайменше|близько|понад)?\s*$",
    _I,
)
_TOLL = re.compile(
    r"(?:кількість|число)\s+(?:(?P<k>загиблих|погибших|жертв)|(?P<i>постраждалих|поранених|"
    r"потерпілих|пострадавших|раненых))\b[^.;]{0,80}?(?:зросл[аи]|збільшил[аи]ся|сягнул[аи]|"
    r"досягл[аи]|(?:воз|вы)рос(?:ло|ла|ли)?|увеличил[ао]сь|становить|составляет|"
    # "Кількість загиблих наразі не змінилася - троє людей": the toll restated
    r"не\s+змінил[аи]ся\s*[–—-]?|не\s+изменил[аи]сь\s*[–—-]?)\s+(?:до\s+)?"
    r"(?P<n>\d{1,6}|[а-яіїєґ'’]+)",
    _I,
)
# "До двох збільшилась кількість жертв": the toll with the number first
_TOLL_FIRST = re.compile(
    r"(?<![\w'])(?:до|уже|вже)\s+(?P<n>\d{1,6}|[а-яіїєґ'’]+)\s+(?:зросл[аи]|збільшил[аи]ся|"
    r"збільшилась|(?:воз|вы)рос(?:ло|ла|ли)?|увеличил[ао]сь)\s+(?:кількість|число)\s+(?:(?P<k>загиблих|"
    r"погибших|жертв)|(?P<i>постраждалих|поранених|потерпілих|пострадавших|раненых))\b",
    _I,
)
# "за попередніми даними": a parenthesis between a number and its casualty word
_ASIDE = re.compile(
    r",\s*(?:за\s+попередніми\s+даними|за\s+попередньою\s+інформацією|попередньо|на\s+жаль|"
    r"за\s+уточненою\s+інформацією|за\s+даними\s+[\w'’ʼ-]+|по\s+предварительным\s+данным|"
    r"предварительно|к\s+сожалению)\s*,",
    _I,
)
_PART_AFTER = re.compile(
    r"\s+(?:з|із|из)\s+(?:них|яких)\b|\s+(?:у|в)\s+(?:важкому|тяжкому|тяжелом|критичному)\s+стан|"
    r"\s+(?:госпіталізован|перебувають\s+у\s+лікарн|в\s+лікарн|у\s+лікарн)",
    _I,
)
# "жінки 47, 50, 60 років": a list of ages; "троє дітей": the children among the victims
_AGE_LIST = re.compile(r"(?:\s*(?:,|і|та|и)\s*\d{1,3})*\s+(?:років|роки|рік|лет|года|год)\b", _I)
_CHILDREN = re.compile(r"\s+(?:діт\w*|дитин\w*|детей|дет\w*|ребен\w*|ребён\w*)", _I)
_PLACES_AFTER = re.compile(
    r"\s+(?:[\w'’ʼ-]+\s+)?(?:місц(?:е|я|і|ях|ями)|локаці\w*|населених|районах|областях|громадах)\b",
    _I,
)
_AGE = re.compile(
    r"-?(?:річн|летн|ти\s+років)|\s+(?:років|лет|роки|рік|год)\b|\s*%|\s+(?:област|регіон|"
    r"населен|будин|об'єкт|об’єкт|локац|район|громад|міст|сіл|поверх|пацієнт)",
    _I,
)
_UPDATE = re.compile(
    r"(?:(?:зрос\w*|збільши\w*|(?:воз|вы)рос\w*|увеличи\w*)\s+(?:\w+\s+)?до|(?<![\w'])(?:уже|вже))\s+$",
    _I,
)
_QUAL = [
    (
        re.compile(
            r"(?:щонайменше|не\s+менше|принаймні|по\s+меньшей\s+мере|как\s+минимум)\s+$", _I
        ),
        "at_least",
        0,
    ),
    (re.compile(r"(?:понад|більше\s+ніж|більше|свыше|более)\s+$", _I), "at_least", 1),
    (re.compile(r"(?:близько|приблизно|майже|около|почти)\s+$", _I), "approx", 0),
]


def _value(word: str) -> int | None:
    return int(word) if word.isdigit() else uk_number(word)


def zero_overruled(key: tuple, rows: dict) -> bool:
    """A "no casualties" of a place that has figures of its own (or of a district of it)."""
    return any(k[0] == key[0] for k in rows)


def _numbers(text: str, sent: Sentence, blocked: SpanSet) -> list[tuple[int, int, int]]:
    out = []
    for n in find_numbers(text[sent.start : sent.end]):
        s, e = n.start + sent.start, n.end + sent.start
        if (
            n.is_word
            or blocked.covers(s)
            or _AGE.match(text, e)
            or _AGE_LIST.match(text, e)
            or _PLACES_AFTER.match(text, e)
            or re.match(r"-(?:ї|й|го|ій|х)", text[e : e + 3])
        ):
            continue
        out.append((n.value, s, e))
    for m in NUMBER_WORD_RE.finditer(text, sent.start, sent.end):
        value = uk_number(m.group())
        if (
            value is None
            or _AGE.match(text, m.end())
            or _PLACES_AFTER.match(text, m.end())
            or re.match(r"\s+\d+-річн", text[m.end() : m.end() + 12])
        ):
            continue
        out.append((value, m.start(), m.end()))
    # "було збито дві ракети": a number that counts weapons counts no people
    out = [(v, s, e) for v, s, e in out if not _counts_weapons(text, e)]
    return sorted(out, key=lambda x: x[1])


def _counts_weapons(text: str, end: int) -> bool:
    phrase = read_phrase_uk(text, end, limit=4)
    return phrase is not None and phrase.start <= end + 2


def extract_casualties_uk(
    text: str,
    sentences: Sequence[Sentence],
    blocked: Sequence[tuple[int, int]] = (),
    report_sentences: Sequence[Sentence] = (),
) -> list[CasualtyRow]:
    """The casualty rows of one Ukrainian or Russian attack.

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "У Києві загинули троє людей, ще 24 постраждали."
    >>> [(r.cities, r.figures["killed"].value, r.figures["injured"].value)
    ...  for r in extract_casualties_uk(t, sentences(t))]
    [(('Kyiv',), 3, 24)]
    """
    block = SpanSet(blocked)
    pool = list(report_sentences) or list(sentences)
    # "Нагадаємо, ...", "Раніше ...", "з початку війни": another attack, an earlier state or a
    # longer time, left out when the report gives figures of its own
    background = background_sentences(text, sentences, "uk")
    if not any(_WORD.search(text, s.start, s.end) for s in sentences if s.index not in background):
        background = set()
    recalled = SpanSet([(s.start, s.end) for s in sentences if s.index in background])
    found = [hit for s in pool for hit in find_cities_uk(text, s.start, s.end)]
    cities = [c for p, c in found if not recalled.covers(p)]
    nationwide = any(
        re.search(r"по\s+(?:всій\s+)?Україні|по\s+Украине|в\s+Україні", s.text) for s in pool
    )
    default = cities[0] if len(set(cities)) == 1 and not nationwide else None
    cities_at = sorted(p for p, _ in found)
    regions = region_places(text, cities_at)
    if not cities and not nationwide and not REGION_NAMED.search(text):
        default = official_city(text)  # "Кличко: двоє людей постраждали": Kyiv
    rows: dict[tuple[tuple[str, ...], str | None], CasualtyRow] = {}
    zeros: dict[tuple[tuple[str, ...], str | None], CasualtyRow] = {}
    vague_seen = False
    last_city: str | None = None
    last_at = 0  # where the clause that named it ends
    carry: tuple[str, int, str | None] | None = None  # the district of the last figures
    # the district the paragraph named last ("найважча ситуація - в Деснянському районі. Там
    # ... Підтверджено щонайменше 26 поранених"), for a figure that names no place
    para: tuple[str, int] | None = None
    for sent in clauses_uk(text, sentences):
        if sent.index in background:
            continue
        named_district = district_uk(text, sent.start, sent.end)
        if named_district and _SEVERAL.search(text, sent.start, sent.end):
            named_district = None  # "у Дарницькому та Дніпровському районах": the city's

        if para is not None and _GAP.search(text, para[1], _GAP_AT.match(text, sent.start).end()):
            para = None  # a new paragraph, or text left out between
        context = para
        if named_district is not None:
            para = (named_district, sent.end)
        here = find_cities_uk(text, sent.start, sent.end)
        # "загалом по Україні", "у Харкові та області": the sentence's figures are no one city's
        no_city = bool(NATIONWIDE_UK.search(text, sent.start, sent.end) or with_region(text, here))
        if named_district is None and here:
            para = None
        zero = ZERO.search(text, sent.start, sent.end)
        if (
            zero
            and re.search(r"немає|нема|нет", zero.group(), _I)
            and NO_NEWS.search(text, max(sent.start, zero.start() - 60), zero.start())
        ):
            zero = None  # "інформації про руйнування чи постраждалих немає": no news, not none
        if zero and not here and district_uk(text, sent.start, sent.end):
            zero = None  # "У Броварському районі обійшлося без жертв": a place we cannot name
        one = None if zero else ZERO_ONE.search(text, sent.start, sent.end)
        if one and not here and district_uk(text, sent.start, sent.end):
            one = None
        if zero or one:
            # "в столиці без постраждалих": the city of the sentence, else of the last one named
            city = here[0][1] if here else last_city
            if no_city:
                city = None
            key = ((city,) if city else (), None)
            row = zeros.setdefault(key, CasualtyRow(key[0], None, None, None))
            hit = zero or one
            names = ("killed", "injured") if zero else ("killed" if one["k"] else "injured",)
            for name in names:
                row.figures[name] = CasualtyFigure(
                    name, 0, "exact", hit.start(), hit.end(), sent.index
                )
        if here:
            last_city, last_at = here[-1][1], sent.end
        words = list(_WORD.finditer(text, sent.start, sent.end))
        bare = None if words or not rows else _BARE_UPDATE.search(text, sent.start, sent.end)
        if bare and len(held := list(rows.values())[-1].figures) == 1:
            # "Згодом їхня кількість зросла до 11": the update of the one figure before
            (name,) = held
            if (value := _value(bare["n"])) is not None:
                held[name] = CasualtyFigure(
                    name, value, "exact", bare.start(), bare.end(), sent.index, True
                )
            continue
        if (
            not words
            and not _TOLL.search(text, sent.start, sent.end)
            and not BODY.search(text, sent.start, sent.end)
        ):
            # "що спричинило жертви": casualties named with no figure
            vague_seen = vague_seen or bool(VAGUE.search(text, sent.start, sent.end))
            continue
        city = here[0][1] if here else default
        if here and WITH_REGION.search(text, sent.start, sent.end):
            city = None  # "Внаслідок обстрілів Харкова та 14 населених пунктів області ..."
        if not here and city is not None and region_last(sent.end, regions, cities_at):
            city = None  # "на Полтавщині ... збили ракету ... постраждали троє людей"
        elif (
            not here
            and city is None
            and last_city is not None
            and "\n\n" not in text[last_at : sent.start]
            and not region_last(sent.end, regions, cities_at)
            and not CITY_WIDE.search(text, sent.start, sent.end)
        ):
            city = last_city  # "У Херсоні ... . Поранено трьох людей": the city named last
        if no_city:
            city, here = None, []  # "загалом по Україні загинули 12 людей": no one city
        if named_district and not here and region_raion(text, sent, named_district, city):
            city = None  # "В Ізмаїльському районі ...": a raion of the region, in no city
        district = named_district
        if (
            district is not None
            or here
            or CITY_WIDE.search(text, sent.start, sent.end)
            or (city is not None and city != default)
        ):
            context = None
        carried = (
            district is None
            and not here
            and carry is not None
            and "\n" not in text[carry[1] : sent.start]
            and carry[2] == city
            # "Загалом ... в регіоні – п'ятеро постраждалих": the whole, not the district's
            and not CITY_WIDE.search(text, sent.start, sent.end)
        )
        figures: list[CasualtyFigure] = []
        nums = _numbers(text, sent, block)
        for m in [
            *_TOLL.finditer(text, sent.start, sent.end),
            *_TOLL_FIRST.finditer(text, sent.start, sent.end),
        ]:
            value = uk_number(m["n"]) if not m["n"].isdigit() else int(m["n"])
            if value is not None:
                field = "killed" if m["k"] else "injured"
                figures.append(
                    CasualtyFigure(field, value, "exact", m.start(), m.end(), sent.index, True)
                )
        tolls = SpanSet((f.start, f.end) for f in figures)
        for value, s, e in nums:
            if tolls.covers(s):
                continue
            head = text[max(sent.start, s - 40) : s]
            if _PART.search(head) or _PART_AFTER.match(text, e):
                continue
            best = None
            for w in words:
                gap = text[e : w.start()] if w.start() >= e else text[w.end() : s]
                gap = _ASIDE.sub(" ", gap)
                if re.search(r"[.;]|\d", gap) or len(gap) > 45:
                    continue
                if any(s2 != s and (e <= s2 < w.start() or w.end() <= s2 < s) for _, s2, _ in nums):
                    continue
                # a word in the number's own clause before one past a comma
                # "2 людини загинули та 4 дістали поранення": the verb after the number first
                dist = len(gap) + (0 if w.start() >= e else 10) + (60 if "," in gap else 0)
                if best is None or dist < best[0]:
                    best = (dist, w)
            if best is None:
                continue
            field = "killed" if best[1].group("k") else "injured"
            qual, offset = "exact", 0
            for pattern, q, off in _QUAL:
                m = pattern.search(text[max(sent.start, s - 30) : s])
                if m:
                    qual, offset = q, off
                    break
            update = bool(_UPDATE.search(text[max(sent.start, s - 40) : s]))
            # "Станом на 22:30 ...": the state at a later hour
            update = update or bool(_AS_OF.search(text, sent.start, s))
            lo, hi = min(s, best[1].start()), max(e, best[1].end())
            weak = field == "injured" and bool(_HOSPITAL.match(best[1].group()))
            # "поранено 4 дітей", "тіло ще одного загиблого": the figure only when no other
            weak = weak or bool(_CHILDREN.match(text, e) or BODY_BEFORE.search(text, sent.start, s))
            figures.append(
                CasualtyFigure(field, value + offset, qual, lo, hi, sent.index, update, weak)
            )
        for m in [
            *_PERSON.finditer(text, sent.start, sent.end),
            *PERSON_ACC.finditer(text, sent.start, sent.end),
            *_ONE.finditer(text, sent.start, sent.end),
        ]:
            if any(m.start() <= f.start < m.end() or f.start <= m.start() < f.end for f in figures):
                continue
            if any(m.start() <= s < m.end() for _, s, _ in nums):
                continue
            listed = _BARE_LIST.match(text, m.end())
            if listed and re.search(r"\d|річн|летн", m.group()):
                listed = None
            if _MORE_PEOPLE.match(text, m.end()) and not listed:
                continue  # "постраждали 40-річна жінка та 47-річний чоловік": an enumeration
            field = "killed" if m.group("k") else "injured"
            # "загинули чоловік і жінка": each person of a plain list
            n = 1 + (len(re.findall(r"(?:,|і|та|й|и)\s", listed.group())) if listed else 0)
            end = listed.end() if listed else m.end()
            figures.append(CasualtyFigure(field, n, "exact", m.start(), end, sent.index))
        for m in BODY.finditer(text, sent.start, sent.end):
            # "під завалами знайшли тіло чоловіка": one killed, when no toll says more
            if not any(
                f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in figures
            ):
                figures.append(
                    CasualtyFigure(
                        "killed", 1, "exact", m.start(), m.end(), sent.index, False, True
                    )
                )
        if not figures and VAGUE.search(text, sent.start, sent.end):
            vague_seen = True
        if not figures:
            continue
        if carried and carry is not None:
            # "У Дніпровському районі Херсона шестеро людей постраждали ... Четверо людей
            # постраждали внаслідок скиду": the paragraph goes on about the district's figure
            held = rows.get(((city,) if city else (), carry[0]))
            if held is not None and {f.field for f in figures} <= set(held.figures):
                district = carry[0]
        part = PART_DISTRICT.search(text, sent.start, sent.end)
        if part and district is not None and (value := _value(part["n"] or part["n2"])) is not None:
            # "п'ятьох постраждалих, серед них двоє - у Солом'янському районі": the part is
            # the district's, the whole the city's
            fig = figures[-1]
            sub = rows.setdefault(
                ((city,) if city else (), district),
                CasualtyRow((city,) if city else (), district, None, None),
            )
            sub.figures.setdefault(
                fig.field,
                CasualtyFigure(fig.field, value, "exact", part.start(), part.end(), sent.index),
            )
            district = None
        carry = (district, sent.end, city) if district is not None else None
        for fig in figures:
            # "В Одесі поранено чотирьох людей, у Миколаєві загинули двоє": each figure
            # takes the city named nearest in its own clause
            # "На Харківщині загинули двоє людей, у Харкові поранено п'ятеро": a region
            # named in the clause is a place of its own (no city)
            named = here + [
                (m.start(), None)
                for m in REGION_NAMED.finditer(text, sent.start, sent.end)
                if not after_city(text, m.start(), [p for p, _ in here])
            ]
            fig_city = (
                nearest_city(text, named, fig) if len({c for _, c in named}) > 1 and here else city
            )
            fig_district = district
            if (
                fig_district is None
                and context is not None
                and not fig.update
                # "атакував Одеський район": the raion around the city, not a district of it
                and not (fig_city and context[0][:4] == fig_city[:4])
            ):
                fig_district = context[0]
            key = ((fig_city,) if fig_city else (), fig_district)
            row = rows.get(key)
            if row is None and fig.update and fig_city is None:
                # "Станом на 22:30 кількість загиблих зросла до 14": the last row with it
                row = next((r for r in reversed(rows.values()) if fig.field in r.figures), None)
            if row is None:
                row = rows.setdefault(key, CasualtyRow(key[0], fig_district, None, None))
            old = row.figures.get(fig.field)
            if old is None or supersedes(fig, old):
                row.figures[fig.field] = fig
        if district is not None and figures:
            # "у Бучанському районі постраждали 17 осіб, у Фастівському – 7": the same figure
            # for the next districts of the list
            for m in MORE_DISTRICTS.finditer(text, figures[-1].end, sent.end):
                name = district_uk(m["d"] + " районі", 0, len(m["d"]) + 7)
                if name is None or (value := _value(m["n"])) is None:
                    continue
                key = ((city,) if city else (), name)
                row = rows.setdefault(key, CasualtyRow(key[0], name, None, None))
                row.figures.setdefault(
                    figures[-1].field,
                    CasualtyFigure(
                        figures[-1].field, value, "exact", m.start(), m.end(), sent.index
                    ),
                )
    out = list(rows.values())
    districts = {
        d
        for s in pool
        if (d := district_uk(text, s.start, s.end)) and not _SEVERAL.search(text, s.start, s.end)
    }
    if (
        len(out) == 1
        and out[0].district is None
        and len(districts) == 1
        # "Загалом у Києві постраждали 5 людей": a count for the whole city, not the district
        # where debris fell
        and not any(
            CITY_WIDE.search(text, *sentence_of(pool, f.start)) for f in out[0].figures.values()
        )
        # "екстрені служби працюють у трьох районах столиці": one district among several hit
        and not SEVERAL_DISTRICTS.search(text)
    ):
        district = districts.pop()
        # a raion named after the row's own city ("Одеський район") surrounds it
        if not any(district[:4] == c[:4] for c in out[0].cities):
            out[0].district = district
    for key, row in zeros.items():
        if not zero_overruled(key, rows):
            out.append(row)
            continue
        for other in rows.values():  # "обійшлося без жертв. Але постраждали 8 людей"
            fig = row.figures.get("killed")
            if (
                fig is not None
                and other.cities == key[0]
                and other.district is None
                and "killed" not in other.figures
                and NO_DEAD.search(text, fig.start, fig.end)
            ):
                other.figures["killed"] = fig
    if not out and vague_seen:
        out.append(CasualtyRow((default,) if default else (), None, None, None))
    return merge_restatements(city_of_district(out))


_BARE_LIST = re.compile(
    r"(?:\s*(?:,|і|та|й|и)\s+(?:жінка|чоловік|дитина|хлопчик|дівчинка|людина|женщина|мужчина|"
    r"ребенок|мальчик|девочка|жінку|чоловіка|дитину|хлопчика|дівчинку|людину|женщину|мужчину|"
    r"ребенка|девочку))+(?![\w'’ʼ-])(?!\s*[,–—-]?\s*\d)",
    _I,
)
_GAP = re.compile(r"\n\n|\[(?:…|\.{1,3})\]")  # a new paragraph, or text left out
_GAP_AT = re.compile(r"\s*(?:\[(?:…|\.{1,3})\])?")
_SEVERAL = re.compile(r"(?<![\w'])район(?:ах|ів|ы|ов)(?![\w'])", _I)
_BARE_UPDATE = re.compile(
    r"(?<![\w'])(?:(?:їхня|їх|ця|их)\s+)?(?:кількість|число)\s+(?:[\w'’ʼ]+\s+){0,2}?(?:зросл[аи]|"
    r"збільшил[аи]ся|(?:воз|вы)рос(?:ло|ла|ли)?|увеличил[ао]сь)\s+до\s+(?P<n>\d{1,6}|[а-яіїєґ'’]+)",
    _I,
)
