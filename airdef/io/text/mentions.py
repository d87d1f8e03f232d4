"""Weapon mentions without a plain count: "all of them", "none", vague and named types.

Functions of :class:`~airdef.io.text.extract.WeaponReader`'s sentence loop
that read what a number alone does not say:

* :func:`read_all_none`: "all of them were destroyed", "intercepted all",
  "all but one", "none were intercepted", "no missiles were shot down";
* :func:`read_vague`: "dozens of drones", "several missiles" (a group with no
  number);
* :func:`read_names`: a type named without a number renames the one group it
  can refer to ("the Shahed drones were downed");
* :func:`read_types`: missile types named without a number, kept for
  :func:`~airdef.io.text.groups.name_plain_missiles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from airdef.io.text import patterns as P
from airdef.io.text.groups import Figure, Group
from airdef.io.text.numbers import find_numbers
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import read_phrase

if TYPE_CHECKING:
    from airdef.io.text.extract import WeaponReader

__all__ = ["WeaponMention", "read_all_none", "read_names", "read_types", "read_vague"]


@dataclass
class WeaponMention:
    """A count-bearing sentence's link to a group, kept for anaphora."""

    group: Group
    start: int
    end: int
    field: str | None


def read_all_none(reader: WeaponReader, sent: Sentence) -> None:
    t = reader.t
    s, e = sent.start, sent.end
    for m in list(P.ALL_PRONOUN.finditer(t, s, e)) + list(P.VERB_ALL.finditer(t, s, e)):
        window = t[max(s, m.start() - 60) : min(e, m.end() + 40)]
        if not P.INTERCEPT_RE.search(window):
            continue
        for g in reader.antecedents(m.start()):
            _set_all(reader, g, m.start(), m.end(), sent)
    for m in re.finditer(
        r"\b(?:all|both)\s+(?:but\s+[\w-]+\s+of\s+)?(?:of\s+)?(?:the\s+)?", t[s:e], re.IGNORECASE
    ):
        pos = s + m.end()
        phrases = []
        while (phrase := read_phrase(t, pos)) is not None and (
            phrase.start == pos or P.LEAD_MODIFIERS.fullmatch(t, pos, phrase.start)
        ):  # "all of the drones", "all enemy UAVs"
            phrases.append(phrase)  # "all of the drones and the missile were destroyed"
            more = re.match(r"\s+and\s+(?:the\s+|all\s+)?", t[phrase.end : e], re.IGNORECASE)
            if not more:
                break
            pos = phrase.end + more.end()
        if not phrases:
            continue
        window = t[max(s, m.start() - 40) : min(e, phrases[-1].end + 40)]
        if P.INTERCEPT_RE.search(window):
            for phrase in phrases:
                target = reader.registry.pick(phrase)
                if target is not None:
                    _set_all(reader, target, s + m.start(), phrase.end, sent)
    for m in P.ALL_EXCEPT.finditer(t, s, e):
        # "All the projectiles, except for the Iskander-M missile, were shot down"
        window = t[m.end() : min(e, m.end() + 80)]
        if not P.INTERCEPT_RE.search(window):
            continue
        excepted = read_phrase(t, m.end())
        spared = reader.registry.pick(excepted) if excepted is not None else None
        for g in reader.registry.groups:
            if g.parent is not None or g.value("launched") is None:
                continue
            if g is spared:
                _set_zero(reader, g, m.start(), excepted.end, sent)
            elif g.value("intercepted") is None:
                _set_all(reader, g, m.start(), m.end(), sent)
    for m in P.NONE.finditer(t, s, e):
        window = t[m.start() : min(e, m.end() + 40)]
        if P.INTERCEPT_RE.search(window):
            for g in reader.antecedents(m.start()):
                _set_zero(
                    reader,
                    g,
                    m.start(),
                    m.end() + P.INTERCEPT_RE.search(window).end() - (m.end() - m.start()),
                    sent,
                )
    for m in _IT_NOT.finditer(t, s, e):
        # "... fired an Iskander-K cruise missile on Sumy. It was not intercepted."
        single = [g for g in reader.antecedents(m.start()) if g.value("launched") == 1]
        if len(single) == 1 and single[0].value("intercepted") is None:
            if m["not"]:
                _set_zero(reader, single[0], m.start(), m.end(), sent)
            else:  # "It was shot down"
                _set_all(reader, single[0], m.start(), m.end(), sent)
    for m in _THEY_NOT.finditer(t, s, e):
        # "two Iskander-M ballistic missiles. They were not shot down."
        for g in reader.antecedents(m.start()):
            if g.value("launched") is not None and g.value("intercepted") is None:
                _set_zero(reader, g, m.start(), m.end(), sent)
    for m in P.NONE_PHRASE.finditer(t, s, e):
        phrase = read_phrase(t, m.end())
        if phrase is None or phrase.start != m.end():
            continue
        after = t[phrase.end : min(e, phrase.end + 40)]
        verb = re.match(rf"\s*(?:{P.AUX.pattern})(?:{P.INTERCEPT})\b", after, re.IGNORECASE)
        if verb:
            target = reader.registry.pick(phrase)
            if target is not None:
                _set_zero(reader, target, m.start(), phrase.end + verb.end(), sent)


_IT_NOT = re.compile(
    rf"\b(?:it|the\s+missile|the\s+drone)\s+(?:was|has\s+been|could\s+be)\s+(?P<not>not\s+|never\s+)?"
    rf"(?:{P.INTERCEPT})\b|\b(?:shot|brought|took|knocked)\s+it\s+down\b",
    re.IGNORECASE,
)


_THEY_NOT = re.compile(
    rf"\b(?:they|these|those|both)\s+(?:were|have\s+been|had\s+been)\s+(?:not|never)\s+"
    rf"(?:{P.INTERCEPT})\b",
    re.IGNORECASE,
)


def _set_all(reader: WeaponReader, g: Group, start: int, end: int, sent: Sentence) -> None:
    launched = g.figures.get("launched")
    but = P.ALL_BUT.match(reader.t, start)
    if launched is None or launched.value is None:
        downed = g.figures.get("intercepted")
        if but is None and downed is not None and downed.value is not None:
            # "downed 14 drones ... All the drones were intercepted": the 14 were all
            fig = Figure("launched", downed.value, downed.qualifier, start, end, sent.index)
            reader.registry.set_figure(g, fig)
            reader.current.append(WeaponMention(g, start, end, "launched"))
        return
    value = launched.value
    if but:
        nums = find_numbers(reader.t[but.end() : but.end() + 12])
        if not nums or launched.qualifier != "exact":
            return
        value -= nums[0].value
        end = but.end() + nums[0].end
    fig = Figure("intercepted", value, launched.qualifier, start, end, sent.index)
    reader.registry.set_figure(g, fig)
    reader.current.append(WeaponMention(g, start, end, "intercepted"))


def _set_zero(reader: WeaponReader, g: Group, start: int, end: int, sent: Sentence) -> None:
    fig = Figure("intercepted", 0, "exact", start, end, sent.index)
    reader.registry.set_figure(g, fig)
    reader.current.append(WeaponMention(g, start, end, "intercepted"))


def read_vague(reader: WeaponReader, sent: Sentence) -> None:
    t = reader.t
    if not P.VERB.search(t, sent.start, sent.end):
        return
    for m in P.VAGUE.finditer(t, sent.start, sent.end):
        phrase = read_phrase(t, m.end())
        if phrase is None or phrase.start != m.end() or phrase.total:
            continue
        group = reader.registry.add(phrase, [], sentence=sent.index, vague=True)
        reader.current.append(WeaponMention(group, m.start(), phrase.end, None))


_CARRIED = re.compile(
    r"\b(?:MiG-31K?s?|Tu-[\w-]+|bombers?|aircraft|planes?|jets?|fighters?|ships?|warships?|"
    r"vessels?|submarines?|carriers?)\s+(?:with|carrying|armed\s+with|equipped\s+with)\s+$",
    re.IGNORECASE,
)
_CARRIER = re.compile(r"\s*(?:missile\s+)?carriers?\b", re.IGNORECASE)


def read_types(reader: WeaponReader, sent: Sentence) -> None:
    """Missile types named without a number, for :func:`name_plain_missiles`."""
    t = reader.t
    taken = SpanSet((m.start, m.end) for m in reader.current)
    pos = sent.start
    for tok in P.TYPE_WORD.finditer(t, sent.start, sent.end):
        if tok.start() < pos or taken.covers(tok.start()):
            continue
        phrase = read_phrase(t, tok.start())
        if phrase is None or phrase.total or taken.overlaps(phrase.start, phrase.end):
            continue
        before = find_numbers(t[max(sent.start, tok.start() - 12) : tok.start()])
        if before and before[-1].end >= min(12, tok.start() - sent.start) - 1:
            continue  # "six cruise missiles": a count, read elsewhere
        if _CARRIED.search(t, max(sent.start, tok.start() - 40), tok.start()) or _CARRIER.match(
            t, phrase.end
        ):
            continue  # "MiG-31Ks with Kinzhal missiles", "Kalibr carriers": what is carried
        reader.named.append(phrase)
        pos = phrase.end


def read_names(reader: WeaponReader, sent: Sentence) -> None:
    """Types named without a number ("the Shahed drones were downed") rename a group."""
    t = reader.t
    if not P.VERB.search(t, sent.start, sent.end):
        return
    taken = [(m.start, m.end) for m in reader.current]
    for tok in P.NAME_START.finditer(t, sent.start, sent.end):
        if any(s <= tok.start() < e for s, e in taken):
            continue
        phrase = read_phrase(t, tok.start())
        if phrase is None or phrase.generic:
            continue
        reader.registry.add(phrase, [], sentence=sent.index, name_only=True)
        taken.append((tok.start(), phrase.end))
