"""Ukrainian cities and city districts in report text.

Cities are matched in their common English spellings and the older or
Russian-based transliterations (Kyiv/Kiev, Kharkiv/Kharkov, Odesa/Odessa,
Zaporizhzhia/Zaporozhye, Mykolaiv/Nikolaev, Kryvyi Rih/Krivoy Rog, ...) and
reported under one canonical name. "The capital" is Kyiv; "Ukraine's two
biggest cities" are Kyiv and Kharkiv; "Ukraine's second-largest city" is
Kharkiv. A region ("the Odesa region", "Kharkiv oblast", "the region of
Kherson") is marked ``region``: its figures are kept apart from the city's,
with a blank city.

Districts are capitalised names before "district"/"raion" ("the
Kholodnohirskyy district", "Kyiv's Solomianskyi and Podilskyi districts");
"four districts of Kyiv" gives a district count without a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from airdef.io.text.gazetteer import towns_en
from airdef.io.text.numbers import find_numbers

__all__ = ["CITIES", "DISTRICT_SPELLINGS", "PlaceMention", "find_places"]

#: Canonical city name -> other spellings found in English-language reports.
CITIES: dict[str, tuple[str, ...]] = {
    "Kyiv": ("Kiev", "Kyyiv", "Kijev", "Київ", "Киев"),
    "Kharkiv": ("Kharkov", "Харків", "Харьков"),
    "Odesa": ("Odessa", "Одеса", "Одесса"),
    "Dnipro": ("Dnepr", "Dnipropetrovsk", "Dnepropetrovsk", "Дніпро"),
    "Zaporizhzhia": ("Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Zaporizhzhe", "Zaporozhzhia"),
    "Lviv": ("Lvov", "Lwow", "Львів"),
    "Sumy": (),
    "Kherson": (),
    "Mykolaiv": ("Nikolaev", "Nikolayev", "Mykolayiv"),
    "Chernihiv": ("Chernigov",),
    "Poltava": (),
    "Vinnytsia": ("Vinnytsya", "Vinnitsa", "Vinnytsa", "Vinnitsya"),
    "Khmelnytskyi": ("Khmelnytskyy", "Khmelnytsky", "Khmelnitsky", "Khmelnytskiy", "Khmelnitskiy"),
    "Ivano-Frankivsk": ("Ivano Frankivsk", "Ivano-Frankovsk"),
    "Kryvyi Rih": ("Kryvyy Rih", "Kryvyi Rig", "Krivoy Rog", "Kriviy Rih", "Krivyi Rih"),
    "Bila Tserkva": ("Belaya Tserkov", "Bila Tserkva"),
    "Zhytomyr": ("Zhitomir",),
    "Rivne": ("Rovno",),
    "Lutsk": (),
    "Ternopil": ("Ternopol",),
    "Uzhhorod": ("Uzhgorod",),
    "Chernivtsi": ("Chernovtsy",),
    "Kropyvnytskyi": ("Kropyvnytskyy", "Kropyvnytsky", "Kirovohrad", "Kirovograd"),
    "Cherkasy": ("Cherkassy",),
    "Kramatorsk": (),
    "Sloviansk": ("Slovyansk", "Slavyansk"),
    "Pokrovsk": (),
    "Kostiantynivka": ("Kostyantynivka", "Konstantinovka"),
    "Izium": ("Izyum",),
    "Kupiansk": ("Kupyansk",),
    "Nikopol": (),
    "Mariupol": (),
    "Donetsk": (),
    "Luhansk": ("Lugansk",),
    "Bakhmut": (),
    "Avdiivka": ("Avdiyivka",),
    "Uman": (),
    "Brovary": (),
    "Irpin": (),
    "Bucha": (),
    "Vyshhorod": (),
    "Boryspil": (),
    "Fastiv": (),
    "Obukhiv": (),
    "Kremenchuk": ("Kremenchug",),
    "Pavlohrad": (),
    "Kamianske": (),
    "Berdychiv": (),
    "Konotop": (),
    "Shostka": (),
    "Okhtyrka": (),
    "Lozova": (),
    "Chuhuiv": (),
    "Selydove": (),
    "Myrhorod": (),
    "Izmail": (),
    "Chornomorsk": (),
    "Pivdenne": (),
    "Ochakiv": (),
    "Starokostiantyniv": (),
    "Burshtyn": (),
    "Kalush": (),
    "Drohobych": (),
    "Stryi": (),
    "Mukachevo": (),
    "Kovel": (),
    "Melitopol": (),
    "Berdiansk": ("Berdyansk",),
    "Enerhodar": (),
    "Marhanets": (),
    "Smila": (),
    "Vovchansk": (),
    "Balakliia": ("Balakliya",),
    "Kamianets-Podilskyi": (),
    "Sievierodonetsk": ("Severodonetsk",),
    "Lysychansk": (),
    "Druzhkivka": (),
    "Dobropillia": (),
    "Nova Kakhovka": (),
    "Shepetivka": (),
    "Netishyn": (),
}

_VARIANTS = {v.lower(): city for city, alts in CITIES.items() for v in (city, *alts)}
_CITY_RE = re.compile(
    r"(?<![\w-])(?P<city>"
    + "|".join(re.escape(v) for v in sorted(_VARIANTS, key=len, reverse=True))
    + r")(?:'s)?(?![\w-])(?P<region>\s+(?:region|oblast|province)\b|\s+regional\b)?",
    re.IGNORECASE,
)
_SPECIAL = [
    (
        re.compile(r"\bUkraine's\s+two\s+(?:biggest|largest|main)\s+cities\b", re.IGNORECASE),
        ("Kyiv", "Kharkiv"),
    ),
    (
        re.compile(
            r"\bUkraine's\s+second[\s-]+(?:biggest|largest)\s+city\b|\bthe\s+country's\s+second"
            r"[\s-]+(?:biggest|largest)\s+city\b",
            re.IGNORECASE,
        ),
        ("Kharkiv",),
    ),
    (
        re.compile(
            r"(?<!Russian\s)(?<!Russia's\s)\b(?:the|Ukraine's|Ukrainian)\s+(?:Ukrainian\s+)?capital\b"
            r"|\bUkraine's\s+(?:biggest|largest)\s+city\b",
            re.IGNORECASE,
        ),
        ("Kyiv",),
    ),
]
_NATIONWIDE = re.compile(
    r"\b(?:across|throughout|all\s+over)\s+(?:the\s+country|Ukraine)\b|\bnationwide\b|"
    r"\b(?:in|on|against)\s+Ukraine\b(?!['\u2019]s)|"
    r"\b(?:in|across|over|targeting)\s+(?:several|multiple|many|various|\w+)\s+(?:regions|oblasts)\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z\u0400-\u042F][\w'-]+"
_DISTRICTS = re.compile(
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)\s+(?:[Dd]istricts?|raions?|rayons?)\b"
)
_DISTRICT_CITY = re.compile(
    rf"(?P<d>{_NAME})\s+(?P<c>[A-Z][\w'-]+)(?:\s+city)?\s+(?:districts?|raions?|rayons?)\b"
)
_DISTRICT_COUNT = re.compile(
    r"\b(?P<n>[\w-]+(?:\s[\w-]+)?)\s+(?:of\s+(?:the\s+)?(?:city's\s+|capital's\s+)?)?"
    r"(?:(?P<city1>[A-Z][\w-]+)(?:'s)?\s+)?(?:city\s+)?districts\b(?:\s+(?:of|in)\s+(?P<city2>[\w -]+))?",
)
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", re.IGNORECASE)
_NOT_DISTRICT = frozenset({"the", "a", "an", "this", "that", "city", "central", "several", "other"})


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text.

    ``cities`` is empty for a nationwide mention ("across the country").
    ``district`` holds one or several district names joined by "; ";
    ``district_count`` is set for "four districts of Kyiv".
    """

    start: int
    end: int
    cities: tuple[str, ...]
    district: str | None = None
    district_count: int | None = None
    nationwide: bool = False
    region: bool = False  # "the Odesa region": ``cities`` names the region, not a city


#: Other spellings of Kyiv's districts -> the spelling of the city's own English pages.
DISTRICT_SPELLINGS: dict[str, str] = {
    v.lower(): k
    for k, vs in {
        "Darnytskyi": ("Darnytsia", "Darnytsky", "Darnytskyy", "Darnitsky", "Darnytskiy"),
        "Dniprovskyi": ("Dniprovsky", "Dniprovskyy", "Dniprovskiy", "Dneprovsky"),
        "Solomianskyi": ("Solomyanskyi", "Solomyansky", "Solomiansky", "Solomianskyy"),
        "Shevchenkivskyi": ("Shevchenkivsky", "Shevchenkivskyy", "Shevchenkovsky"),
        "Holosiivskyi": ("Holosiivsky", "Holosiyivskyi", "Holosiivskyy", "Goloseevsky"),
        "Obolonskyi": ("Obolonsky", "Obolonskyy", "Obolonskiy"),
        "Desnianskyi": ("Desniansky", "Desnyanskyi", "Desnyansky", "Desnianskyy"),
        "Podilskyi": ("Podilsky", "Podilskyy", "Podolsky"),
        "Pecherskyi": ("Pechersky", "Pecherskyy", "Pecherskiy"),
        "Sviatoshynskyi": ("Sviatoshynsky", "Svyatoshynskyi", "Svyatoshinsky"),
    }.items()
    for v in vs
}

# "the head of the Zaporizhzhia Regional State Administration": the speaker's title, no place
_TITLE_AFTER = re.compile(
    r"\s*(?:(?:State|Military|Civil[\s-]Military)\s+)*(?:Administration|Council)\b|\s+(?:RMA|OVA|ODA|"
    r"RSA|OMA)\b|"
    # "Kharkiv Governor Oleh Syniehubov": the governor of the region, no city
    r"\s+(?:(?:regional|oblast|region)\s+)?(?:governor|gov\.)(?=\s+[A-Z])",
    re.IGNORECASE,
)
_BEARING = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+city\s+of\s+)?$",
    re.IGNORECASE,
)
# "KYIV, Ukraine (AP) —", "KYIV, Dec 14 (Reuters) -": where the story was filed, no place of
# its figures
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’ -]+(?:,\s*[A-Z][A-Za-z]+\.?(?:\s+\d{1,2})?)*\s*\((?:AP|Reuters|AFP|dpa|"
    r"Xinhua|UNN|Ukrinform|Interfax-Ukraine|RFE/RL)\)\s*[-–—]"
)
_REGION_ANAPHOR = re.compile(
    r"\b(?:in|across|throughout|elsewhere\s+in)\s+the\s+(?:region|oblast|province)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset({"RMA", "OVA", "ODA", "RSA", "OMA"})
# "the village of Ivashky", "the town of Balakliia", "Pisochyn village"
_SETTLEMENT = re.compile(
    r"\b(?:village|town|settlement|hamlet|urban-type\s+settlement)\s+of\s+(?P<x>[A-Z][\w'’-]+"
    r"(?:[\s-][A-Z][\w'’-]+)?)|\b(?P<y>[A-Z][\w'’-]+)\s+village\b"
)
# "the Kupiansk district of Kharkiv Oblast": a district of a region, not of a city
_OF_REGION = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w'-]+\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince)\b"
)
_REGION_AFTER = re.compile(r"(?:'s)?\s+(?:region|oblast|province)\b", re.IGNORECASE)
_REGION_BEFORE = re.compile(r"\b(?:region|oblast|province)\s+of\s+$", re.IGNORECASE)


def _city_of(name: str) -> str | None:
    return _VARIANTS.get(name.lower().removesuffix("'s"))


def find_places(text: str) -> list[PlaceMention]:
    """Every city, district and nationwide phrase in a folded text, in order.

    Examples
    --------
    >>> [(p.cities, p.district, p.district_count) for p in find_places(
    ...     "in four districts of Kyiv, the capital")]
    [(('Kyiv',), None, 4), (('Kyiv',), None, None)]
    >>> [(p.cities, p.district) for p in find_places("the Kholodnohirskyy district of Kharkov")]
    [(('Kharkiv',), 'Kholodnohirskyy')]
    """
    out: list[PlaceMention] = []
    dateline = _DATELINE.match(text)
    taken: list[tuple[int, int]] = [(dateline.start(), dateline.end())] if dateline else []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in _DISTRICT_CITY.finditer(text):
        # "in Darnytsia Kyiv district": a district named before its city
        city = _city_of(m["c"])
        if city is None or _city_of(m["d"]) or m["d"].lower() in _NOT_DISTRICT:
            continue
        name = DISTRICT_SPELLINGS.get(m["d"].lower(), m["d"])
        out.append(PlaceMention(m.start(), m.end(), (city,), district=name))
        taken.append((m.start(), m.end()))
    for m in _DISTRICTS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        names = [
            n
            for n in re.split(r"\s*,\s*|,?\s+and\s+", m["names"])
            if n.lower() not in _NOT_DISTRICT
        ]
        names = [n.removesuffix("'s") for n in names if _city_of(n) is None or len(names) == 1]
        names = [DISTRICT_SPELLINGS.get(n.lower(), n) for n in names]
        if not names:
            continue
        after = re.match(
            r"\s+(?:of|in)\s+(?:the\s+city\s+of\s+)?(?P<c>[\w'-]+(?:\s[A-Z][\w-]+)?)",
            text[m.end() :],
        )
        head = text[max(0, m.start() - 30) : m.start()]
        before = re.search(r"(?P<c>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)'s\s+$", head)
        if before and not _city_of(before["c"]) and " " in before["c"]:
            before = re.search(r"(?P<c>[A-Z][\w-]+)'s\s+$", head)
        city = None
        end = m.end()
        start = m.start()
        if after and _city_of(after["c"]):
            city = _city_of(after["c"])
            end = m.end() + after.end()
        elif after and _city_of(after["c"].split()[0]):
            city = _city_of(after["c"].split()[0])
            end = m.end() + after.start("c") + len(after["c"].split()[0])
        elif before and _city_of(before["c"]):
            city = _city_of(before["c"])
            start = m.start() - (len(head) - before.start())
        of_region = _OF_REGION.match(text, m.end())
        if of_region:
            end = of_region.end()
            out.append(PlaceMention(start, end, (), district="; ".join(names), region=True))
            taken.append((start, end))
            continue
        if len(names) == 1 and _city_of(names[0]) and city is None:
            continue  # "Kharkiv district" alone is a raion of the region: keep it a city
        out.append(PlaceMention(start, end, (city,) if city else (), district="; ".join(names)))
        taken.append((start, end))
    for m in _DISTRICT_COUNT.finditer(text):
        nums = find_numbers(m["n"])
        if not nums or not free(m.start(), m.end()):
            continue
        n = nums[-1].value
        city = _city_of(m["city1"] or "") or (
            _city_of((m["city2"] or "").split(",")[0].strip().split(" the ")[0].strip())
            if m["city2"]
            else None
        )
        end = m.end()
        capital = re.match(r"the\s+(?:Ukrainian\s+)?capital\b", m["city2"] or "")
        if city is None and capital:
            city, end = "Kyiv", m.start("city2") + capital.end()  # "four districts of the capital"
        elif m["city2"] and city is None:
            first = (m["city2"] or "").split()[0] if m["city2"] else ""
            city = _city_of(first)
            end = m.start("city2") + len(first)
        elif m["city2"]:
            end = m.start("city2") + len(m["city2"].split(",")[0].strip())
        start = m.start("n") + nums[-1].start
        out.append(PlaceMention(start, end, (city,) if city else (), district_count=n))
        taken.append((start, end))
    for m in _SETTLEMENT.finditer(text):
        name = m["x"] or m["y"]
        s0, e0 = m.start("x" if m["x"] else "y"), m.end("x" if m["x"] else "y")
        if free(s0, e0) and name.lower() not in _NOT_DISTRICT:
            out.append(PlaceMention(s0, e0, (_city_of(name) or name,)))
            taken.append((s0, e0))
    for pattern, cities in _SPECIAL:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                out.append(PlaceMention(m.start(), m.end(), cities))
                taken.append((m.start(), m.end()))
    for m in _CITY_RE.finditer(text):
        if _BEARING.search(text, max(0, m.start() - 30), m.start()):
            taken.append((m.start(), m.end()))  # nor a town of the gazetteer
            continue  # "the city of Dnipro, north of Zaporizhzhia": where Dnipro lies
        if free(m.start(), m.end()):
            region = m["region"] or _REGION_BEFORE.search(text, max(0, m.start() - 14), m.start())
            title = _TITLE_AFTER.match(text, m.end())
            if title and (region or title.group().strip() in _ABBREVIATIONS):
                continue
            if region or (title and "gov" in title.group().lower()):
                city = _VARIANTS[m["city"].lower()]
                out.append(PlaceMention(m.start(), m.end(), (city,), region=True))
            else:
                out.append(PlaceMention(m.start(), m.end(), (_VARIANTS[m["city"].lower()],)))
    # a town or village the list lacks, named where a place stands: "in Krasnohrad"
    for s, e, name in towns_en(text, [(p.start, p.end) for p in out] + taken):
        out.append(PlaceMention(s, e, (name,)))
    for m in _REGION_ANAPHOR.finditer(text):
        if free(m.start(), m.end()):
            out.append(PlaceMention(m.start(), m.end(), (), region=True))  # "in the region"
            taken.append((m.start(), m.end()))
    for m in _NATIONWIDE.finditer(text):
        if free(m.start(), m.end()):
            out.append(PlaceMention(m.start(), m.end(), (), nationwide=True))
    return _join_lists(text, sorted(out, key=lambda p: p.start))


def _join_lists(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Join "Kyiv and Kharkiv", "Odesa, Mykolaiv and Kherson" into one mention."""
    out: list[PlaceMention] = []
    for p in places:
        prev = out[-1] if out else None
        plain = p.cities and p.district is None and p.district_count is None
        if (
            prev is not None
            and plain
            and not p.region
            and not prev.region
            and prev.cities
            and prev.district is None
            and prev.district_count is None
            and _LIST_GLUE.fullmatch(text[prev.end : p.start])
        ):
            cities = tuple(dict.fromkeys(prev.cities + p.cities))
            out[-1] = PlaceMention(prev.start, p.end, cities)
        elif (
            prev is not None
            and p.region
            and prev.cities
            and not prev.region
            and prev.district is None
            and prev.district_count is None
            and re.fullmatch(r",\s*|\s+in\s+(?:the\s+)?", text[prev.end : p.start])
            and "," not in text[prev.start : prev.end]
            and not re.match(r",\s*[A-Z][\w'-]+\s+(?:region|oblast|province)", text[p.end :], re.I)
        ):
            # "Uman, Cherkasy Oblast", "Nizhyn in Chernihiv Oblast": the city, in its region
            out[-1] = replace(prev, end=p.end)
        else:
            out.append(p)
    return out
