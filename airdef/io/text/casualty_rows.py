"""Casualty figures and rows, shared by the English and Ukrainian readers.

A toll stated several times makes one row: a row that only restates another's
figures, or gives an earlier state of them, is dropped (:func:`merge_restatements`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from airdef.io.text.places import PlaceMention
from airdef.io.text.segment import Sentence

__all__ = [
    "CasualtyFigure",
    "CasualtyRow",
    "background_sentences",
    "city_of_district",
    "firmer",
    "merge_restatements",
    "same",
    "supersedes",
]


@dataclass
class CasualtyFigure:
    """One killed or injured figure with the span of its quote."""

    field: str
    value: int
    qualifier: str
    start: int
    end: int
    sentence: int
    update: bool = False
    # a figure that holds only when the text gives no other of its field for the place:
    # "five were hospitalized", "four in critical condition", "the body of a man was found"
    hospitalized: bool = False
    part: bool = False  # "including four in Kyiv": a part of the figure before, placed apart


@dataclass
class CasualtyRow:
    """The figures for one place."""

    cities: tuple[str, ...]
    district: str | None
    district_count: int | None
    place: PlaceMention | None
    figures: dict[str, CasualtyFigure] = field(default_factory=dict)


_BACKGROUND_EN = re.compile(
    r"\W*(?:as\s+(?:[\w-]+\s+){0,3}?(?:previously\s+|earlier\s+)?reported\b|recall\b|"
    r"earlier\s+(?:this|that|last)\s+(?:month|week|year)\b|(?:last|the\s+previous)\s+(?:week|month|"
    r"year)\b|previously\b|in\s+an?\s+(?:separate|earlier|previous)\s+(?:attack|strike)\b)",
    re.IGNORECASE,
)

_OTHER_TIME_EN = re.compile(
    # "nearly a week after an attack last Tuesday killed 28"
    r"\b(?:a|one|two|three|four|five|several|a\s+few)\s+(?:days?|weeks?|months?)\s+(?:after|before|"
    r"earlier|ago)\b|\blast\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month)\b|"
    r"\bsince\s+the\s+(?:start|beginning)\s+of\s+the\s+(?:full-scale\s+)?(?:war|invasion)\b|"
    r"\b(?:so\s+far\s+)?this\s+year\b|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:week|month|year)\b|"
    # "The strike follows Tuesday's attack on Odesa that killed three people"
    r"\b(?:follows?|followed|comes?\s+(?:\w+\s+){0,2}?after|came\s+(?:\w+\s+){0,2}?after)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+['’]s|earlier|previous|another)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|assaults?|barrages?|bombardments?)\b",
    re.IGNORECASE,
)

_BACKGROUND_UK = re.compile(
    r"\W*(?:нагада\w*|нагадуємо|напомним|напоминаем|як\s+(?:раніше|вже)\s+повідомля\w*|"
    r"як\s+повідомлял\w*|как\s+(?:ранее|уже)\s+сообща\w*|как\s+сообщал\w*|напередодні|накануне|минулого\s+тижня|"
    r"на\s+минулому\s+тижні|на\s+прошлой\s+неделе)(?![\w'])",
    re.IGNORECASE,
)

_OTHER_TIME_UK = re.compile(
    r"(?<![\w'])(?:з\s+початку\s+(?:повномасштабного\s+вторгнення|повномасштабної\s+війни|війни|"
    r"року|тижня|місяця)|с\s+начала\s+(?:полномасштабного\s+вторжения|войны|года|недели|месяца)|"
    r"за\s+(?:минулий|цей|прошлый|этот)\s+(?:тиждень|місяць|рік|неделю|месяц|год)|"
    r"(?:тиждень|неделю)\s+(?:тому|назад))(?![\w'])",
    re.IGNORECASE,
)
_BACKGROUND = {"en": (_BACKGROUND_EN, _OTHER_TIME_EN), "uk": (_BACKGROUND_UK, _OTHER_TIME_UK)}


def background_sentences(text: str, sentences: Sequence[Sentence], lang: str) -> set[int]:
    r"""The indices of the sentences about another attack, an earlier report or a longer time.

    A sentence that opens a recall ("As Ukrinform reported", "Earlier this month",
    "Нагадаємо", "Напомним", "Як повідомлялося") is background, and so are the sentences
    after it in its paragraph; a sentence that counts over another time ("since the start
    of the war", "this year", "a week after", "з початку війни") is background itself.
    ``lang`` is ``"en"`` or ``"uk"`` (Ukrainian and Russian).

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "Six were injured. Recall, one died in May. Two were hurt then.\nThree died."
    >>> sorted(background_sentences(t, sentences(t), "en"))
    [1, 2]
    """
    opening, other_time = _BACKGROUND[lang]
    out: set[int] = set()
    chain = False  # the sentence before opened, or went on with, a recall
    end = None
    for s in sentences:
        chain = chain and end is not None and "\n" not in text[end : s.start]
        chain = chain or bool(opening.match(text, s.start, s.end))
        if chain or other_time.search(text, s.start, s.end):
            out.add(s.index)
        end = s.end
    return out


def firmer(new: CasualtyFigure, old: CasualtyFigure) -> bool:
    """Whether ``new`` restates ``old`` exactly ("at least one killed", then "one killed").

    Examples
    --------
    >>> firmer(CasualtyFigure("killed", 1, "exact", 0, 1, 0),
    ...        CasualtyFigure("killed", 1, "at_least", 0, 1, 0))
    True
    """
    return new.value == old.value and old.qualifier != "exact" and new.qualifier == "exact"


def supersedes(new: CasualtyFigure, old: CasualtyFigure) -> bool:
    """Whether ``new`` replaces ``old``, a figure of the same field for the same place.

    A later state ("rose to 19", "As of 22:30"), the exact form of a hedged figure, a
    firm figure over a weak one (the hospitalised), and, when neither is a stated update,
    the larger figure: of two tolls of one place the smaller is a part ("шестеро
    пострадали" of the children in a headline, then "пострадали 20 человек") or an
    earlier state. A stated zero ("no casualties") is never replaced so.

    Examples
    --------
    >>> f = lambda v, **kw: CasualtyFigure("injured", v, "exact", 0, 1, 0, **kw)
    >>> supersedes(f(20), f(6)), supersedes(f(6), f(20)), supersedes(f(5, hospitalized=True), f(2))
    (True, False, False)
    >>> supersedes(f(2), f(0))  # "no casualties" is a statement, not a smaller toll
    False
    """
    if new.update or firmer(new, old) or (old.hospitalized and not new.hospitalized):
        return True
    # a stated 'no casualties' is no smaller toll
    return not old.update and not new.hospitalized and 0 < old.value < new.value


#: City districts whose name belongs to one city alone (current official names; a name that
#: is also a raion or a district of another city, such as Podilskyi, Zavodskyi, Korabelnyi
#: or Shevchenkivskyi, is left out).
_CITY_DISTRICTS: dict[str, tuple[str, ...]] = {
    "Kyiv": (
        "Holosiivsk",
        "Darnytsk",
        "Desniansk",
        "Obolonsk",
        "Pechersk",
        "Sviatoshynsk",
        "Solomiansk",
    ),
    "Kharkiv": (
        "Kholodnohirsk",
        "Saltivsk",
        "Nemyshliansk",
        "Osnoviansk",
        "Slobidsk",
        "Novobavarsk",
    ),
    "Zaporizhzhia": ("Voznesenivsk", "Khortytsk", "Komunarsk"),
    "Odesa": ("Peresypsk", "Malynovsk", "Khadzhybeisk"),
    "Dnipro": ("Chechelivsk", "Novokodatsk", "Amur-Nyzhnodniprovsk", "Sobornyi"),
    "Lviv": ("Lychakivsk", "Sykhivsk", "Frankivsk"),
    "Kryvyi Rih": (
        "Dovhyntsivsk",
        "Inhuletsk",
        "Metalurhiin",
        "Saksahansk",
        "Ternivsk",
        "Tsentralno-Misk",
    ),
}
_DISTRICT_CITY = {d.lower(): c for c, ds in _CITY_DISTRICTS.items() for d in ds}


def city_of_district(rows: list[CasualtyRow]) -> list[CasualtyRow]:
    """Put the city on a row that names only a district of one city ("Святошинський").

    Examples
    --------
    >>> row = CasualtyRow((), "Sviatoshynskyi", None, None)
    >>> city_of_district([row])[0].cities
    ('Kyiv',)
    >>> city_of_district([CasualtyRow((), "Shevchenkivskyi", None, None)])[0].cities
    ()
    """
    for r in rows:
        if r.cities or not r.district or "; " in r.district:
            continue
        name = r.district.lower()
        for stem, city in _DISTRICT_CITY.items():
            if name.startswith(stem):
                r.cities = (city,)
                break
    return rows


def merge_restatements(rows: list[CasualtyRow]) -> list[CasualtyRow]:
    """The rows left when restated figures and the weak ones of a place are dropped.

    A row whose every figure another row gives with the same value, at the same
    place or a more precise one ("13 injured and one died in Kharkiv" then "a
    total of 13 injured and one dead"), restates it and is dropped; the more
    precise place is kept. A weak figure (a hospitalised count, a part in critical
    condition, a body found) is the figure of its field only when the text gives
    no other for the place.

    Examples
    --------
    >>> fig = lambda f, v: CasualtyFigure(f, v, "exact", 0, 1, 0)
    >>> a = CasualtyRow(("Kharkiv",), None, None, None, {"injured": fig("injured", 13),
    ...     "killed": fig("killed", 1)})
    >>> b = CasualtyRow((), None, None, None, {"killed": fig("killed", 1)})
    >>> [r.cities for r in merge_restatements([a, b])]
    [('Kharkiv',)]
    """
    firm = {
        (name, r.cities) for r in rows for name, fig in r.figures.items() if not fig.hospitalized
    }
    emptied = []
    for r in rows:
        # the hospitalised are among the injured the text gives for the same place
        # an unplaced weak figure is a part of any placed toll of its field
        weak = [
            n
            for n, f in r.figures.items()
            if f.hospitalized
            and ((n, r.cities) in firm or (not r.cities and any(k == n for k, _ in firm)))
        ]
        for name in weak:
            del r.figures[name]
        emptied.append(bool(weak) and not r.figures)
    rows = [r for r, gone in zip(rows, emptied, strict=True) if not gone]
    out: list[CasualtyRow] = []
    for k, b in enumerate(rows):
        if not any(
            _restates(b, a) and (not _restates(a, b) or j < k) for j, a in enumerate(rows) if j != k
        ):
            out.append(b)
    return out


def _restates(b: CasualtyRow, a: CasualtyRow) -> bool:
    """Whether row ``b`` only restates figures of row ``a`` at the same or a vaguer place."""
    if not b.figures or (b.cities and not set(b.cities) <= set(a.cities)):
        return False
    if b.district is not None and b.district != a.district:
        return False
    if len(b.cities) < len(a.cities) and b.cities:
        return False
    return all(f in a.figures and _covers(a.figures[f], v) for f, v in b.figures.items())


def _covers(a: CasualtyFigure, b: CasualtyFigure) -> bool:
    """Whether figure ``a`` restates ``b`` or is a later state of it ("rose to 19")."""
    return same(a, b) or (a.update and a.start > b.start)


def same(a: CasualtyFigure, b: CasualtyFigure) -> bool:
    """Whether two figures give the same value with the same qualifier."""
    return (a.value, a.qualifier) == (b.value, b.qualifier)
