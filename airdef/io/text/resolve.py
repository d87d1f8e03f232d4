"""Report-level rules for English weapon figures: scope, complementary roles, restatements.

A report gives the figures of one attack in several places: a launch figure in
the lead, an intercept figure in the body, a regional governor's count, a
breakdown of a total. :class:`~airdef.io.text.extract.WeaponReader` records
each figure with its role (the field it gives), its weapon phrase (class and
label) and its *scope*: the nation, or one region, city or command zone the
text places it in (:func:`read_scope`). The rules here are stated once and
applied to every figure of the report:

* a count that refers back to several groups ("15 of them") belongs to the one
  group whose launched count can hold it (:func:`fit_numbers`);
* a sentence opening "Of these, ..." gives parts of the one whole counted
  before it (:func:`part_of_whole`);
* a figure with a narrower scope is never merged into a national group: it
  restates it when its numbers are the same (evidence, no row), and is
  otherwise a part of the one national group of its class (:func:`nest_scoped`).
  With no national group of its class it stays a group of its own.
"""

from __future__ import annotations

import re

from airdef.io.text.groups import Figure, Group, Registry, other_places, restates
from airdef.io.text.numbers import Count, NumberToken, find_numbers, read_count
from airdef.io.text.places import CITIES
from airdef.io.text.segment import Sentence
from airdef.io.text.weapons import Phrase

__all__ = [
    "fit_numbers",
    "join_complementary",
    "merge_restating_parts",
    "nearest_referent",
    "nest_scoped",
    "part_of_whole",
    "read_scope",
    "total_after",
    "total_phrase",
    "whole_before",
]

_CITY = "|".join(
    re.escape(v)
    for v in sorted({v for c, alts in CITIES.items() for v in (c, *alts)}, key=len, reverse=True)
)
_NAME = r"[A-Z][\w'’-]+"
# one place: a city, a named region, "the surrounding region", "the Northern operational zone"
_PLACE = (
    rf"(?:the\s+)?(?:(?:southern|northern|eastern|western|central|north-?eastern|"
    rf"south-?eastern|north-?western|south-?western|frontline|neighbou?ring)\s+)?"
    rf"(?:(?:region|oblast|province)\s+of\s+(?P<of>{_NAME})|"
    rf"(?P<named>{_NAME}(?:\s+{_NAME})?)(?:'s)?\s+(?:region|oblast|province|operational\s+zone|"
    rf"command|district)(?!s)|"
    rf"(?:surrounding|his|her|their|that|this|the)\s+(?:region|oblast|province)(?!s)|"
    rf"(?:the\s+)?capital\b|(?P<city>{_CITY})\b)"
)
# a place that opens a list of places ("over the Mykolaiv, Kherson and Sumy regions")
_LIST_AFTER = re.compile(
    rf"(?:'s)?\s*(?:,|and\b|&)\s*(?:the\s+)?{_NAME}|[^,;.:!?]{{0,40}}?\b(?i:regions|oblasts|provinces)\b"
)
_SCOPE_AFTER = re.compile(
    rf"[^,;.:!?]{{0,60}}?\b(?:over|in|above|around|near|within|on\s+the\s+approach(?:es)?\s+to|"
    rf"targeting|targeted|aimed\s+at|heading\s+for|toward|towards)\s+{_PLACE}",
    re.IGNORECASE,
)
_SCOPE_LEAD = re.compile(
    rf"\W*(?:in|over|above|around|near|within)\s+{_PLACE}\s*[,:—–-]",
    re.IGNORECASE,
)
# a sentence about the parts of the whole counted before: "Of these, 45 cruise missiles ..."
_OF_THESE = re.compile(
    r"\W*(?:of|among)\s+(?:these|them|those|this\s+number|the\s+total|which)\s*,", re.IGNORECASE
)
_THERE = re.compile(r"[^,;.:!?]{0,40}?\bthere\b", re.IGNORECASE)
_NATIONAL = re.compile(r"\b(?:Ukraine|the\s+country|nationwide|regions|oblasts)\b", re.IGNORECASE)
_WHO_SAID = re.compile(
    rf"\b(?:governor|head|mayor|administration)\s+of\s+(?:the\s+)?{_PLACE}|"
    rf"\b(?:{_NAME}\s+)?(?:regional\s+)?(?:governor|mayor|city\s+military\s+administration|"
    rf"regional\s+(?:military\s+)?administration)\b",
    re.IGNORECASE,
)


def _place(m: re.Match[str]) -> str:
    for name in ("of", "named", "city"):
        value = m.groupdict().get(name)
        if value and value.lower() not in ("the", "this", "that", "his", "her", "their"):
            return value.lower()
    return "region"  # "within the region": the region named before


def read_scope(text: str, sent: Sentence, start: int, end: int) -> str | None:
    """The one place a figure is counted for, or None for the whole attack.

    ``start``/``end`` span the count and its phrase. A place right after them
    in their clause ("10 drones were shot down over the Kyiv region", "around
    ten targeted Kyiv"), opening the sentence ("In the Kyiv region, ...") or a
    "there" after a regional official's name is the figure's scope; a list of
    regions or "over Ukraine" is not.

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "Eight more drones were downed over the southern region of Kherson."
    >>> read_scope(t, sentences(t)[0], 0, 17)
    'kherson'
    >>> t = "Air defences shot down 37 drones over 12 regions."
    >>> read_scope(t, sentences(t)[0], 23, 32) is None
    True
    """
    after = _SCOPE_AFTER.match(text, end, sent.end)
    if (
        after is not None
        and not _NATIONAL.search(after.group())
        and not _LIST_AFTER.match(text, after.end(), sent.end)
    ):
        return _place(after)
    lead = _SCOPE_LEAD.match(text, sent.start, start)
    if lead is not None:
        return _place(lead)
    if _THERE.match(text, end, sent.end) and _WHO_SAID.search(text, sent.start, start):
        return "there"
    return None


_OUT_OF_AFTER = re.compile(
    r"[^,;.:!?]{0,60}?\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?", re.IGNORECASE
)
_LAUNCH_WORD = re.compile(r"\s+(?:launched|fired|used|sent|deployed)\b", re.IGNORECASE)


def total_after(text: str, sent: Sentence, pos: int) -> Count | None:
    """The whole an outcome was out of, written after its verb: "... out of 31 launched".

    "19 drones were shot down by the air defence out of 31 launched": 31 were
    launched.
    """
    m = _OUT_OF_AFTER.match(text, pos, sent.end)
    if m is None:
        return None
    found = find_numbers(text[m.end() : min(sent.end, m.end() + 30)])
    if not found or found[0].start != 0:
        return None
    n = found[0]
    if not _LAUNCH_WORD.match(text, m.end() + n.end):
        return None
    token = NumberToken(n.value, n.start + m.end(), n.end + m.end(), n.text, n.high, n.is_word)
    return read_count(text, token)


def fit_numbers(groups: list[Group], figures: list[Figure]) -> Group | None:
    """The one antecedent whose launched count can hold an outcome ("15 of them").

    "two Iskander-M missiles and 16 Shaheds ... shot down 15 of them": only the
    16 can hold 15 shot down, so the figure is theirs; when several (or none)
    can, the count stays a total over them all.
    """
    outcomes = [f for f in figures if f.field != "launched"]
    if len(groups) < 2 or not outcomes or any(f.value is None for f in figures):
        return None
    if all(f.field == "suppressed" for f in outcomes):
        # "... while electronic warfare was employed to redirect another 27": what is lost
        # to electronic warfare are drones
        drones = [g for g in groups if g.phrase.weapon_class == "strike_drone"]
        if len(drones) == 1 and "suppressed" not in drones[0].figures:
            return drones[0]
    fits = []
    for g in groups:
        launched = g.figures.get("launched")
        if launched is None or launched.value is None or launched.qualifier != "exact":
            continue
        if any(f.field in g.figures for f in outcomes) or any(
            f.value != launched.value for f in figures if f.field == "launched"
        ):
            continue  # "all 89 were shot down" fits the 89 launched
        used = sum(v for name, f in g.figures.items() if name != "launched" and (v := f.value))
        if all(f.value is not None and f.value + used <= launched.value for f in outcomes):
            fits.append(g)
    return fits[0] if len(fits) == 1 else None


def total_phrase(groups: list[Group]) -> Phrase:
    """The phrase of a total over several antecedents ("40 drones and 38 missiles ... 35 of them")."""
    coverage = frozenset().union(*(g.phrase.coverage for g in groups))
    label = " and ".join(dict.fromkeys(g.label for g in groups))
    weapon = " + ".join(dict.fromkeys(g.phrase.weapon for g in groups))
    first = groups[0].phrase
    classes = {g.phrase.weapon_class for g in groups}
    cls = classes.pop() if len(classes) == 1 else "mixed"
    return Phrase(first.start, first.end, label, weapon, cls, coverage, True, False)


def whole_before(text: str, sent: Sentence, previous: list[Group]) -> Group | None:
    """The one group of the sentence before, when this one opens "Of these, ..."."""
    if not _OF_THESE.match(text, sent.start, sent.end) or len(previous) != 1:
        return None
    return previous[0]


def part_of_whole(whole: Group, phrase: Phrase, value: int | None) -> Group | None:
    """ "367 drones and missiles ... Of these, 45 cruise missiles ...": a part of the whole."""
    total = whole.value("launched")
    if not phrase.coverage <= whole.phrase.coverage or total is None:
        return None
    return whole if value is not None and value <= total else None


def _same_kind(part: Group, whole: Group) -> bool:
    a, b = part.phrase, whole.phrase
    if a.weapon == b.weapon:
        return True
    if b.generic and a.coverage <= b.coverage:
        return True
    return a.weapon_class == b.weapon_class and a.weapon_class not in ("unknown", "mixed")


def _complements(a: Group, b: Group) -> bool:
    """Whether two groups can be one: same kind and scope, roles that complete each other."""
    if a.scope != b.scope or a.additive or b.additive or a.phrase.total or b.phrase.total:
        return False
    if a.list_key is not None and a.list_key == b.list_key:
        return False  # "three over Lviv and one over Mykolaiv": peers of one list
    if not (_same_kind(a, b) or _same_kind(b, a)) or a.phrase.weapon_class != b.phrase.weapon_class:
        return False
    if a.phrase.weapon_class in ("unknown", "mixed") and a.phrase.weapon != b.phrase.weapon:
        return False
    if set(a.figures) & set(b.figures) or not a.figures or not b.figures:
        return False
    merged = {**a.figures, **b.figures}
    launched = merged.get("launched")
    if launched is None or launched.value is None:
        return False  # two outcome figures of one class are not known to be one group
    out = sum(f.value or 0 for name, f in merged.items() if name != "launched")
    return launched.qualifier != "exact" or out <= launched.value


def join_complementary(groups: list[Group]) -> None:
    """Join a launch figure and an outcome figure of one weapon told apart (in place).

    "29 Shahed drones ... were shot down" and, later, "A total of 35 attack
    drones": one group (35 launched, 29 shot down) when each is the other's only
    match among the report's top-level groups. The joined group takes the more
    specific name; the emptied one is dropped when the groups are finished.
    """
    tops = [g for g in groups if g.parent is None and g.figures]
    for a in tops:
        if not a.figures:
            continue
        mates = [b for b in tops if b is not a and b.figures and _complements(a, b)]
        if len(mates) != 1:
            continue
        b = mates[0]
        if [x for x in tops if x is not b and x.figures and _complements(b, x)] != [a]:
            continue
        if any(g.parent in (a.gid, b.gid) for g in groups):
            continue
        keep, gone = (a, b) if not a.phrase.generic or b.phrase.generic else (b, a)
        keep.figures.update(gone.figures)
        gone.figures = {}


def nearest_referent(
    registry: Registry, previous: list[Group], phrase: Phrase, figures: list[Figure]
) -> Group | None:
    """The group "15 of those missiles" refers to when the words fit several groups.

    "eight Kalibr cruise missiles ... seventeen X-101/X-555 cruise missiles ...
    shot down 15 of those missiles": of the groups the class word covers, the one
    counted in the sentence before, when it is the only one there and has no
    figure of the same field yet (the figures are set on it).
    """
    if not phrase.generic or registry.pick(phrase) is not None:
        return None
    near = [g for g in previous if g.parent is None and g.phrase.coverage <= phrase.coverage]
    if len(near) != 1 or any(f.field in near[0].figures for f in figures if f.field != "launched"):
        return None
    group = near[0]
    for fig in figures:
        if fig.field == "launched" and group.value("launched") not in (None, fig.value):
            return None
    for fig in figures:
        registry.set_figure(group, fig)
    return group


def merge_restating_parts(groups: list[Group]) -> list[Group]:
    """A part whose every figure restates its whole's is the whole's figure, not a part.

    "shot down nearly three dozen missiles ... Ukraine destroyed 34 cruise missiles":
    the 34 is the exact figure of the estimate, so the missiles were 34 shot down.
    Returns the groups kept.
    """
    by_id = {g.gid: g for g in groups}
    gone: set[int] = set()
    for g in groups:
        whole = by_id.get(g.parent) if g.parent is not None else None
        if whole is None or g.scope is not None or not g.figures:
            continue
        if any(o.parent == g.gid for o in groups):
            continue
        pairs = [(whole.figures.get(name), f) for name, f in g.figures.items()]
        if all(w is not None and restates(w, f) for w, f in pairs):
            for f in g.figures.values():
                if f.qualifier == "exact":
                    whole.figures[f.field] = f
            gone.add(g.gid)
    return [g for g in groups if g.gid not in gone]


def _merge_restated_scoped(groups: list[Group]) -> None:
    """A scoped group that repeats the figures of one before it at the same place is no row.

    "destroyed 25 Shahed drones in the Cherkasy region. ... 25 'Shaheds' were destroyed
    within the region": one count, quoted twice ("the region", "there" name the place
    named before).
    """
    seen: list[Group] = []
    for g in groups:
        if g.scope is None or g.parent is not None or not g.figures:
            continue
        for first in seen:
            values = {n: f.value for n, f in g.figures.items()}
            if (
                not other_places(g, first)
                and (_same_kind(g, first) or _same_kind(first, g))
                and all(first.value(n) == v for n, v in values.items())
            ):
                g.figures = {}
                break
        else:
            seen.append(g)


def nest_scoped(groups: list[Group]) -> None:
    """Place the figures of one region or city against the national groups (see module).

    A scoped group that restates a national one loses its figures (so that it is
    no row; its quotes stay in the evidence of the national one's sentence), one
    whose numbers fit within it becomes its part.
    """
    _merge_restated_scoped(groups)
    national = [g for g in groups if g.scope is None and g.parent is None and g.figures]
    for g in groups:
        if g.scope is None or g.parent is not None or not g.figures:
            continue
        wholes = [w for w in national if _same_kind(g, w) and not w.phrase.total]
        if len(wholes) != 1:
            continue
        whole = wholes[0]
        values = {name: f.value for name, f in g.figures.items()}
        if all(whole.value(name) == v for name, v in values.items()):
            g.figures = {}  # "all six Kalibr missiles ... were shot down over Odesa"
            continue
        cap = whole.value("launched")
        fits = all(
            v is not None
            and (whole.value(name) is None or v <= (whole.value(name) or 0))
            and (cap is None or v <= cap)
            for name, v in values.items()
        )
        if fits:
            g.parent = whole.gid
            whole.explicit_parent = True
