"""Cities, villages, districts and regions in Ukrainian and Russian report text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from airdef.io.text.casualty_rows import CasualtyFigure
from airdef.io.text.gazetteer import raion_town, towns_uk
from airdef.io.text.lexicon_uk import CITIES, DISTRICTS, latin_name
from airdef.io.text.segment import Sentence

__all__ = [
    "CITY_WIDE",
    "MORE_DISTRICTS",
    "NATIONWIDE_UK",
    "PART_DISTRICT",
    "SEVERAL_DISTRICTS",
    "WITH_REGION",
    "REGION_NAMED",
    "with_region",
    "REGION_WORD",
    "after_city",
    "clauses_uk",
    "region_places",
    "district_uk",
    "find_cities_uk",
    "fold_uk",
    "nearest_city",
    "region_last",
    "region_raion",
    "sentence_of",
]

_I = re.IGNORECASE

# A village or town named after its kind: "у селі Погреби", "у с. Дубівка", "в поселке X".
_SETTLEMENT = re.compile(
    r"(?<![\w'])(?i:у|в)\s+(?i:селі|місті|селищі|смт|с\.|м\.|сел\.|селе|городе|поселке|пос\.)\s*"
    r"(?P<x>[А-ЯІЇЄҐ][\w'’ʼ-]+(?:\s+(?![\w'’ʼ-]+(?:ської|цької|зької|ської|ого|ої)\b)[А-ЯІЇЄҐ][\w'’ʼ-]+)?)"
)

_REGION_FORM = re.compile(
    r"(?:ськ|цьк|зьк|ск|цк)(?:а|ої|ій|ою|ую|ая|ой|ую|у)$|щин\w*$|ччин\w*$", _I
)
_DISTRICT = re.compile(
    r"(?<![\w'])(?P<n>[\w'’ʼ-]+?)(?P<suf>ськ|цьк|зьк|ск|цк)(?:ому|ім|ий|ого|ом|ого|им)\s+район\w*|"
    r"(?<![\w'])(?P<a>[\w'’ʼ-]+?)н(?:ому|ом|ый|ого|ым)\s+район\w*|"
    r"(?<![\w'])(?P<r>[\w'’ʼ-]+?)щин[іиою]\b|"
    r"(?<![\w'])(?P<ab>[\w'’ʼ-]+?)(?P<abs>ськ|цьк|зьк|ск|цк|н)(?:ий|ый)?\s+р-н\b",
    _I,
)

# Russian spellings the shared list lacks ("в Харькове", "по Запорожью", "в Кривом Роге")
_RUSSIAN: dict[str, str] = {
    r"харьков": "Kharkiv",
    r"запорож": "Zaporizhzhia",
    r"кривой рог|кривом роге|кривого рога|кривому рогу": "Kryvyi Rih",
    r"сумы\b|сумах\b": "Sumy",
    r"хмельницк": "Khmelnytskyi",
    r"кропивницк": "Kropyvnytskyi",
    r"луцк": "Lutsk",
    r"ивано-франковск": "Ivano-Frankivsk",
    r"белая церковь|белой церкви": "Bila Tserkva",
    r"краматорск": "Kramatorsk",
    r"умань|умани": "Uman",
    r"белгород-днестровск": "Bilhorod-Dnistrovskyi",
    r"тернопол": "Ternopil",
    r"ровно|ровне": "Rivne",
    r"житомир": "Zhytomyr",
}
_CITY_RES = [
    (re.compile(rf"(?<![\w'])(?:{k})[\w'’ʼ-]*", _I), v) for k, v in {**CITIES, **_RUSSIAN}.items()
]


def fold_uk(s: str) -> str:
    return re.sub(r"[’ʼ`‘]", "'", s.lower())


_AND_REGION = re.compile(
    r"\s+(?:і|та|й|и)\s+(?:(?:в|у)\s+)?(?:област[іи]|области|регіоні|регионе)(?![\w'])", _I
)


def with_region(text: str, here: Sequence[tuple[int, str]]) -> bool:
    """Whether the one city named is named with its region ("у Харкові та області").

    Examples
    --------
    >>> t = "Четверо людей постраждали у Харкові та області."
    >>> with_region(t, find_cities_uk(t, 0, len(t)))
    True
    """
    if len({c for _, c in here}) != 1:
        return False
    return all(
        (w := re.match(r"[\w'’ʼ-]+", text[p:])) and _AND_REGION.match(text, p + w.end())
        for p, _ in here
    )


def find_cities_uk(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, English name) of the cities named in ``text[start:end]``.

    Region adjectives and "-щина" forms ("Київської області", "на Київщині")
    name regions, not cities.

    Examples
    --------
    >>> t = "У Києві та на Київщині, у Дніпрі; у столиці"
    >>> [c for _, c in find_cities_uk(t, 0, len(t))]
    ['Kyiv', 'Dnipro', 'Kyiv']
    """
    out = []
    spans = []
    for pattern, name in _CITY_RES:
        for m in pattern.finditer(text, start, end):
            word = m.group()
            if _REGION_FORM.search(word) and "столиц" not in word.lower():
                continue
            if re.match(
                r"\s+(?:район|громад|област|регіон|регион)", text[m.end() : m.end() + 12], _I
            ):
                continue  # "у Броварському районі" names a district, not the town
            out.append((m.start(), name))
            spans.append((m.start(), m.end()))
    known = {p for p, _ in out}
    named = [
        (m.start("x"), m.end("x")) for m in _SETTLEMENT.finditer(text, max(0, start - 12), end)
    ]
    # "в с. Руська Лозова": the village, not the town of Lozova inside its name
    out = [(p, c) for p, c in out if not any(a < p < b for a, b in named)]
    # "у сел. Козача Лопань": the abbreviation may have ended the sentence before
    for m in _SETTLEMENT.finditer(text, max(0, start - 12), end):
        if m.start("x") < start:
            continue
        if m.start("x") not in known and not re.search(r"[ыэъё]", m["x"], _I):
            out.append((m.start("x"), latin_name(m["x"])))
            spans.append((m.start("x"), m.end("x")))
    # a town or village the lists lack, named where a place stands: "у Волочиську"
    for s, _, name in towns_uk(text, start, end, spans + named):
        out.append((s, name))
    return sorted(out)


def district_uk(text: str, start: int, end: int) -> str | None:
    """The English name of the first district named, by the list or by transliteration."""
    for m in _DISTRICT.finditer(text, start, end):
        if m.group("ab"):  # "Оболонський р-н"
            full = m["ab"] + m["abs"] + "ому районі"
            return district_uk(full, 0, len(full))
        word = (m.group("n") or "") + (m.group("suf") or "") if m.group("n") else m.group("a")
        if word and (name := _russian_district(word)):
            return name
        stem = fold_uk(m.group("n") or m.group("a") or m.group("r") or "")
        for key, name in DISTRICTS.items():
            if re.match(key, stem + ("ськ" if m.group("n") else "")) or re.match(key, stem):
                return name
        word = m.group("n") or m.group("a")
        # a district named in Ukrainian, capitalised, not in the list: "у Самарівському районі"
        if word and word[0].isupper() and not re.search(r"[ыэъё]", word, _I):
            if m.group("n") and m["suf"] in ("ськ", "цьк", "зьк"):
                return latin_name(word + m["suf"] + "ий")
            if m.group("a"):
                return latin_name(word + "ний")
    return None


# Russian names of city districts: the stem before the adjective's ending ("в Шевченковском
# районе", "Индустриальный район")
_RUSSIAN_DISTRICTS: dict[str, str] = {
    "шевченковск": "Shevchenkivskyi",
    "киевск": "Kyivskyi",
    "дарницк": "Darnytskyi",
    "днепровск": "Dniprovskyi",
    "соломенск": "Solomianskyi",
    "голосеевск": "Holosiivskyi",
    "оболонск": "Obolonskyi",
    "деснянск": "Desnianskyi",
    "печерск": "Pecherskyi",
    "подольск": "Podilskyi",
    "святошинск": "Sviatoshynskyi",
    "холодногорск": "Kholodnohirskyi",
    "салтовск": "Saltivskyi",
    "немышлянск": "Nemyshlianskyi",
    "основянск": "Osnovianskyi",
    "индустриаль": "Industrialnyi",
    "слободск": "Slobidskyi",
    "новобаварск": "Novobavarskyi",
    "александровск": "Oleksandrivskyi",
    "вознесеновск": "Voznesenivskyi",
    "заводск": "Zavodskyi",
    "хортицк": "Khortytskyi",
    "коммунарск": "Komunarskyi",
    "малиновск": "Malynovskyi",
    "пересыпск": "Peresypskyi",
    "приморск": "Prymorskyi",
    "суворовск": "Suvorovskyi",
    "корабель": "Korabelnyi",
    "центральн": "Tsentralnyi",
    "соборн": "Sobornyi",
    "самарск": "Samarskyi",
    "новокодацк": "Novokodatskyi",
    "чечеловск": "Chechelivskyi",
    "саксаганск": "Saksahanskyi",
    "металлургическ": "Metalurhiinyi",
    "долгинцевск": "Dovhyntsivskyi",
    "ингулецк": "Inhuletskyi",
    "терновск": "Ternivskyi",
    "лычаковск": "Lychakivskyi",
    "галицк": "Halytskyi",
    "франковск": "Frankivskyi",
    "сыховск": "Sykhivskyi",
    "железнодорожн": "Zaliznychnyi",
}


def _russian_district(word: str) -> str | None:
    """The English name of a city district named in Russian ("Шевченковск" -> Shevchenkivskyi)."""
    low = fold_uk(word)
    return next((n for k, n in _RUSSIAN_DISTRICTS.items() if low.startswith(k)), None)


REGION_WORD = re.compile(
    r"(?<![\w'])[\w'’ʼ-]+щин[іиаою]\b|(?<![\w'])(?:област[іи]|громаді|області)(?![\w'])", _I
)


def after_city(text: str, pos: int, cities_at: Sequence[int]) -> bool:
    """Whether the region word at ``pos`` only locates the city named just before it.

    "на населений пункт Лозова на Харківщині", "у Нікополі Дніпропетровської області":
    the city, in its region.

    Examples
    --------
    >>> t = "удар по Лозовій на Харківщині"
    >>> after_city(t, t.index("Харківщині"), [t.index("Лозовій")])
    True
    """
    k = bisect_left(cities_at, pos)
    if k == 0:
        return False
    return bool(_CITY_THEN_REGION.fullmatch(text, cities_at[k - 1], pos))


_CITY_THEN_REGION = re.compile(r"[\w'’ʼ-]+(?:\s*,\s*|\s+(?:на|у|в)\s+|\s+)", _I)


def region_places(text: str, cities_at: Sequence[int]) -> list[int]:
    """Sorted positions of the regions and communities named apart from a city."""
    return [
        m.start() for m in REGION_WORD.finditer(text) if not after_city(text, m.start(), cities_at)
    ]


def region_last(start: int, regions: list[int], cities_at: list[int]) -> bool:
    """Whether a region or community is the last place named before ``start``.

    ``regions`` and ``cities_at`` are sorted positions of region and city names.
    """
    r = bisect_left(regions, start)
    c = bisect_left(cities_at, start)
    return r > 0 and (c == 0 or regions[r - 1] > cities_at[c - 1])


CITY_WIDE = re.compile(
    r"(?<![\w'])(?:загалом|всього|усього|в\s+цілому|по\s+(?:місту|столиці)|в\s+общей\s+"
    r"сложности|всего|по\s+городу)(?![\w'])",
    _I,
)


def sentence_of(pool: Sequence[Sentence], pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``pool`` that holds ``pos``."""
    for s in pool:
        if s.start <= pos < s.end:
            return s.start, s.end
    return pos, pos


# "на Харківщині", "у Київській області" (capitalised: "женщина" is no region)
REGION_NAMED = re.compile(
    r"(?<![\w'’ʼ])[А-ЯІЇЄҐ][\w'’ʼ-]*(?:щин|ччин)[іиаоуюе]\w*|(?<![\w'’ʼ])[А-ЯІЇЄҐ][\w'’ʼ-]+"
    r"(?:ській|цькій|зькій|ской|цкой)\s+(?i:област\w*)"
)


def nearest_city(text: str, here: list[tuple[int, str | None]], fig: CasualtyFigure) -> str | None:
    """The city named nearest a figure, one across a comma or a conjunction being further."""

    def distance(item: tuple[int, str]) -> int:
        pos = item[0]
        gap = text[pos : fig.start] if pos < fig.start else text[fig.end : pos]
        return len(gap) + (60 if re.search(r"[,;:–—]", gap) else 0) + (0 if pos < fig.start else 20)

    return min(here, key=distance)[1]


# "загалом по Україні", "у кількох областях": no one city
_OF_THEM = r"(?:серед\s+них|з\s+них|із\s+них|среди\s+них|из\s+них)"

_IN_DISTRICT = r"(?:у|в)\s+[\w'’ʼ-]+(?:ському|цькому|зькому|ском|цком)\s+район\w*"

NATIONWIDE_UK = re.compile(
    r"(?<![\w'])(?:по\s+(?:всій\s+)?(?:Україні|країні)|по\s+(?:всей\s+)?(?:Украине|стране)|"
    r"(?:у|в)\s+(?:різних|кількох|декількох|\d+)\s+(?:регіонах|областях)|"
    r"в\s+(?:разных|нескольких|\d+)\s+(?:регионах|областях))(?![\w'])",
    _I,
)

WITH_REGION = re.compile(
    r"(?:та|і|й|и)\s+(?:\d+\s+|[\w'’ʼ]+\s+)?(?:населених\s+пункт\w*|населенных\s+пункт\w*|"
    r"громад\w*)\s+(?:област|регіон|Харківщин|\w+щин)",
    _I,
)

PART_DISTRICT = re.compile(
    rf"{_OF_THEM}\s*[–—-]?\s*(?P<n>\d{{1,5}}|[а-яіїєґ'’]+)\s*[–—-]?\s*{_IN_DISTRICT}|"
    rf"{_OF_THEM}\s*,?\s*{_IN_DISTRICT}\s*[–—:-]?\s*(?P<n2>\d{{1,5}}|[а-яіїєґ'’]+)",
    _I,
)

MORE_DISTRICTS = re.compile(
    r"(?:,\s*(?:а\s+)?|\s+(?:і|та|й|а)\s+)(?:у|в)\s+(?P<d>[А-ЯІЇЄҐ][\w'’ʼ-]+(?:ському|цькому|"
    r"зькому))\s*[–—-]\s*(?P<n>\d{1,5}|[а-яіїєґ'’]+)(?![\w'’])"
)

SEVERAL_DISTRICTS = re.compile(
    r"(?<![\w'])(?:у|в)\s+(?:\d+|двох|трьох|чотирьох|п'яти|кількох|декількох|різних|двух|трех|"
    r"четырех|нескольких|разных)\s+район\w*",
    _I,
)


_MORE_CLAUSE = re.compile(r",\s+(?:а\s+)?(?:ще|також|еще|также)\s", _I)


def clauses_uk(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences cut at semicolons and before a figure of another place.

    "У с. Ківшарівка постраждав ...; в с. Руська Лозова ...", "В Ізмаїльському районі
    поранено чоловіка, ще двоє постраждали в Одесі".
    """
    out = []
    for sent in sentences:
        start = sent.start
        cuts = [
            sent.start + m.start()
            for m in re.finditer(r";|[.!?][»”\"]?[ \t]*\n", text[sent.start : sent.end])
        ]
        for m in _MORE_CLAUSE.finditer(text, sent.start, sent.end):
            nxt = min([a for a in cuts if a > m.start()] + [sent.end])
            if find_cities_uk(text, m.end(), nxt) or district_uk(text, m.end(), nxt):
                cuts.append(m.start())
        for a in sorted(cuts):
            out.append(Sentence(start, a, text[start:a], sent.index))
            start = a + 1
        out.append(Sentence(start, sent.end, text[start : sent.end], sent.index))
    return out


def region_raion(text: str, sent: Sentence, district: str, city: str | None) -> bool:
    """Whether ``district``, named in ``sent``, is a raion of the region, in no city.

    A raion is named after its town ("В Ізмаїльському районі", "в Одеському районі"); a
    city's own districts are in the list of city districts or named after another city
    ("Дніпровський" in Kyiv, "Київський" in Odesa).

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "В Ізмаїльському районі поранено чоловіка"
    >>> region_raion(t, sentences(t)[0], "Izmailskyi", "Odesa")
    True
    >>> t = "В Київському районі поранено чоловіка"
    >>> region_raion(t, sentences(t)[0], "Kyivskyi", "Odesa")
    False
    """
    if district in DISTRICTS.values():
        return False
    town = raion_town(text, sent.start, sent.end)
    return town is not None and (town == city or town not in ("Kyiv", "Dnipro"))
