"""Ukrainian towns and villages by name, in English and in Ukrainian or Russian text.

The readers know the big cities by their own lists (``places.CITIES``,
``lexicon_uk.CITIES``). Casualty reports also name small towns and villages
("in Krasnohrad, Kharkiv Oblast", "у Волочиську"), so every Ukrainian populated
place of 500 people or more is looked up here, in the table
``airdef/data/places_ua.csv`` built from GeoNames (CC BY 4.0) by
``tools/build_places.py``. Each place is reported under the national
transliteration of its Ukrainian name.

A town's name alone is no proof that it is meant as a place: many village names
are also words or surnames. A name counts only where a place would stand:

- in English, capitalised, after a preposition or a verb of striking ("in",
  "near", "hit"), after "the village of", or before ", Kharkiv Oblast";
- in Ukrainian and Russian, after a preposition ("у", "в", "на", "по", "біля")
  or a settlement word ("с.", "селище", "місто"), in any case form
  ("у Волочиську", "по Зеленому Гаю");
- or right after another place, in a list ("in Nizhyn and Pryluky").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from itertools import product

__all__ = ["raion_town", "towns_en", "towns_uk", "uk_keys"]

# English names too short or too common to be read as a place without more context
_MIN_LATIN = 5
_BIG_TOWN = 10_000
_RAION_CENTRE = 15_000  # the smallest town whose raion is told from a city's district  # shorter names count only for a town at least this big ("Reni", "Uzyn")

_EN_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|on|at|near|outside|of|hit|hitting|struck|striking|targeted|targeting|attacked|"
    r"attacking|shelled|shelling|to|from|around|toward|towards|over|into)\s+(?:the\s+(?:city|town|"
    r"village|settlement|community|port)\s+of\s+)?)$",
    re.IGNORECASE,
)
_EN_CONTEXT_AFTER = re.compile(
    r",\s*(?:the\s+)?[A-Z][\w'’-]+\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince)\b|\s+in\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince)\b|\s+(?:village|town|community|hromada)\b"
)
_EN_NOT_AFTER = re.compile(r"(?:'s)?\s+(?:[Dd]istrict|[Rr]aion|[Rr]ayon|[Oo]blast|[Rr]egion)\b")
_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+)$")
_CAPS_EN = re.compile(r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}")

_UK_CONTEXT_BEFORE = re.compile(
    r"(?:(?<![\w'’ʼ])(?:у|в|на|по|біля|під|поблизу|неподалік|до|з|із|зі|від|около|возле|под|"
    r"рядом\s+с|м\.|с\.|смт|сел\.|пос\.|селищ[іеа]|сел[іоа]|міст[оіа]|город[ае]?|поселк[еа]|"
    r"селе|громад[іиа])\s+)$",
    re.IGNORECASE,
)
_UK_NOT_AFTER = re.compile(
    r"\s+(?:район|громад|област|округ|напрям|ОВА|ОДА|МВА|РВА)", re.IGNORECASE
)
_LIST_UK = re.compile(r"\s*(?:,|та|і|й|и|а\s+також)\s*|\s*,\s*(?:та|і|й|и)\s+")
_CAPS_UK = re.compile(r"(?<![\w'’ʼ])[А-ЯІЇЄҐ][а-яіїєґё'’ʼ]+(?:[ -][А-ЯІЇЄҐ][а-яіїєґё'’ʼ]+){0,2}")
# a place's name in the nominative loses its ending ("Біленьк|е", "Дубівк|а")
_NOMINATIVE = ("ий", "ій", "ый", "ое", "ая", "ые", "а", "я", "е", "є", "о", "и", "і", "й", "ы")
# ... and a case form loses any of these ("Біленьк|ому", "Дубівц|і", "Волочиськ|у")
_CASE = (
    *_NOMINATIVE,
    "ому", "ого", "ими", "ою", "ею", "єю", "ами", "ями", "ях", "ах", "ові", "еві", "єві", "им",
    "ом", "ем", "ої", "у", "ю", "ї", "ой", "ую", "ых", "ым", "ей",
)  # fmt: skip
_ALTERNATION = {"ц": "к", "з": "г", "с": "х"}  # "Дубівці" <- "Дубівка", "Празі" <- "Прага"
_LAST_SYLLABLE = re.compile(r"[ое](?=[бвгґджзклмнпрстфхцчшщ]$)")  # "Харкова" <- "Харків"


def _fold(word: str) -> str:
    return re.sub(r"['’ʼь]", "", word.lower()).replace("ё", "е")


def _norm(stem: str) -> str:
    if stem and stem[-1] in _ALTERNATION:
        stem = stem[:-1] + _ALTERNATION[stem[-1]]
    return _LAST_SYLLABLE.sub("і", stem)


def uk_keys(word: str, *, nominative: bool = False, shortest: int = 4) -> set[str]:
    """The stems a Ukrainian or Russian word may have, for matching its case forms.

    Examples
    --------
    >>> uk_keys("Біленьке", nominative=True) & uk_keys("Біленькому")
    {'біленк'}
    >>> bool(uk_keys("Харків", nominative=True) & uk_keys("Харкова"))
    True
    """
    w = _fold(word)
    endings = _NOMINATIVE if nominative else _CASE
    out = {_norm(w)}
    for e in endings:
        if w.endswith(e) and len(w) - len(e) >= 2:
            out.add(_norm(w[: -len(e)]))
    return {k for k in out if len(k) >= shortest}


@cache
def _table() -> list[dict[str, str]]:
    text = (resources.files("airdef") / "data" / "places_ua.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@cache
def _latin() -> dict[str, str]:
    """Lower-cased English spelling -> the place's name; the biggest place wins."""
    out: dict[str, str] = {}
    for row in _table():
        big = int(row["population"] or 0) >= _BIG_TOWN
        for spelling in (row["name"], *filter(None, row["latin"].split("|"))):
            if "'" in spelling or "’" in spelling:
                continue
            if len(spelling) >= _MIN_LATIN or (big and spelling == row["name"]):
                out.setdefault(spelling.lower(), row["name"])
    return out


@cache
def _cyrillic() -> dict[tuple[str, ...], str]:
    """Word stems of a Ukrainian or Russian spelling -> the place's name."""
    out: dict[tuple[str, ...], str] = {}
    for row in _table():
        for spelling in (row["uk"], *filter(None, row["cyrillic"].split("|"))):
            words = re.split(r"[\s-]+", spelling.strip())
            if not 1 <= len(words) <= 3:
                continue
            # one word must be a long stem; the rest of a name may be short ("Зелений Гай")
            keys = [
                sorted(uk_keys(w, nominative=True, shortest=4 if len(words) == 1 else 2))
                for w in words
            ]
            for combo in product(*keys):
                out.setdefault(combo, row["name"])
    return out


def _spans(match: re.Match[str]) -> Iterator[tuple[int, int]]:
    """Sub-spans of a run of capitalised words, longest first from each word."""
    starts = [match.start()] + [match.start() + m.end() for m in re.finditer(r"[ -]", match[0])]
    ends = [match.start() + m.start() for m in re.finditer(r"[ -]", match[0])] + [match.end()]
    for i, s in enumerate(starts):
        for j in range(len(ends) - 1, i - 1, -1):
            yield s, ends[j]


def towns_en(text: str, known: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, name) of the towns and villages an English text names as places.

    ``known`` holds the spans of places found otherwise (cities, districts): a town
    never overlaps them, and a town listed right after one counts.

    Examples
    --------
    >>> towns_en("Two people were killed in Krasnohrad, Kharkiv Oblast.")
    [(26, 36, 'Krasnohrad')]
    >>> towns_en("Krasnohrad said nothing.")
    []
    """
    table = _latin()
    out: list[tuple[int, int, str]] = []
    ends = [e for _, e in known]
    for m in _CAPS_EN.finditer(text):
        k = m.start()
        for s, e in _spans(m):
            if s < k:
                continue
            name = table.get(text[s:e].lower())
            if name is None or any(a < e and s < b for a, b in known):
                continue
            if _EN_NOT_AFTER.match(text, e):
                continue
            before = text[max(0, s - 40) : s]
            listed = any(
                _LIST.fullmatch(text[p:s]) for p in (*ends, *(t[1] for t in out)) if p <= s
            )
            if _EN_CONTEXT_BEFORE.search(before) or _EN_CONTEXT_AFTER.match(text, e) or listed:
                out.append((s, e, name))
                k = e
    return out


def towns_uk(
    text: str, start: int, end: int, known: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, str]]:
    """(start, end, name) of the towns and villages a Ukrainian or Russian text names.

    ``known`` holds the spans of cities found otherwise, which a town never
    overlaps; a town listed after another counts ("у Ніжині та Прилуках").

    Examples
    --------
    >>> t = "Внаслідок удару по Зеленому Гаю загинула людина, у Волочиську поранені двоє."
    >>> [n for _, _, n in towns_uk(t, 0, len(t))]
    ['Zelenyi Hai', 'Volochysk']
    """
    table = _cyrillic()
    out: list[tuple[int, int, str]] = []
    for m in _CAPS_UK.finditer(text, start, end):
        k = m.start()
        for s, e in _spans(m):
            if s < k or any(a < e and s < b for a, b in known):
                continue
            words = re.split(r"[\s-]+", text[s:e])
            name = next(
                (
                    table[c]
                    for c in product(
                        *(sorted(uk_keys(w, shortest=4 if len(words) == 1 else 2)) for w in words)
                    )
                    if c in table
                ),
                None,
            )
            if name is None or _UK_NOT_AFTER.match(text, e):
                continue
            before = text[max(0, s - 24) : s]
            ends = [b for _, b in known if b <= s] + [t[1] for t in out]
            last = max(ends, default=None)
            listed = last is not None and _LIST_UK.fullmatch(text, last, s)
            if _UK_CONTEXT_BEFORE.search(before) or listed:
                out.append((s, e, name))
                k = e
    return out


_RAION = re.compile(
    r"(?<![\w'’ʼ])(?P<n>[А-ЯІЇЄҐ][\w'’ʼ-]+?)(?P<suf>ськ|цьк|зьк)(?:ому|ий|ого|им)\s+район\w*"
)


def raion_town(text: str, start: int, end: int) -> str | None:
    """The town a raion named in ``text[start:end]`` is named after, if it is one.

    A raion named after a town ("в Ізмаїльському районі", "Одеський район") is a district
    of the region: a city's own districts are never named after the city.

    Examples
    --------
    >>> t = "В Ізмаїльському районі поранено чоловіка"
    >>> raion_town(t, 0, len(t))
    'Izmail'
    >>> t = "у Шевченківському районі"
    >>> raion_town(t, 0, len(t)) is None
    True
    """
    table = _cyrillic()
    size = _population()
    for m in _RAION.finditer(text, start, end):
        n, suf = m["n"], m["suf"]
        base = n.removesuffix("ів") + "ів" if n.endswith("ів") else n
        for guess in (n, n + "а", base + "ка", n + "с", n + "са", n + "е", n + suf + "ий"):
            for key in uk_keys(guess, nominative=True):
                # a raion's centre is a town; a village's name may be a city district's
                # ("Олександрівка", "Шевченкове")
                if (key,) in table and size.get(table[(key,)], 0) >= _RAION_CENTRE:
                    return table[(key,)]
    return None


@cache
def _population() -> dict[str, int]:
    out: dict[str, int] = {}
    for row in _table():
        out.setdefault(row["name"], int(row["population"] or 0))
    return out
