"""Numbers of a weapon sentence: digits and number words, and articles that count one.

Used by :class:`~airdef.io.text.extract.WeaponReader`: what a number counts is
decided there; here only which tokens are numbers that may count weapons.
"""

from __future__ import annotations

import re

from airdef.io.text import patterns as P
from airdef.io.text.clauses import hypothetical
from airdef.io.text.numbers import NumberToken, find_numbers
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet
from airdef.io.text.weapons import read_phrase

__all__ = ["weapon_numbers"]


_BY_ONE = re.compile(
    r"\b(?:strike|attack|hit|impact|explosion)s?\s+(?:by|from|of)\s+$", re.IGNORECASE
)


def weapon_numbers(t: str, sent: Sentence, blocked: SpanSet) -> list[NumberToken]:
    """The numbers of a sentence that may count weapons.

    Numbers inside ``blocked`` spans (dates, district counts) and in clauses of
    condition are left out; "a"/"an" before a weapon ("a Russian Kh-47 Kinzhal"),
    "the" before a single named weapon of a passive ("the Kh-22 cruise missile
    was launched") and "the" after an intercept verb ("destroyed the missile")
    are numbers of one.

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "Forces shot down a Kh-59 missile and 12 drones."
    >>> [(n.value, n.text) for n in weapon_numbers(t, sentences(t)[0], SpanSet([]))]
    [(1, 'a'), (12, '12')]
    """
    out = [
        NumberToken(n.value, n.start + sent.start, n.end + sent.start, n.text, n.high, n.is_word)
        for n in find_numbers(t[sent.start : sent.end])
    ]
    out = [n for n in out if not blocked.covers(n.start)]
    iffy = hypothetical(t, sent)
    out = [n for n in out if not iffy.covers(n.start)]
    for m in P.ARTICLE.finditer(t, sent.start, sent.end):
        phrase = read_phrase(t, m.end(), limit=6)
        if phrase is None or phrase.total:
            continue
        singular = P.SINGULAR_PASSIVE.match(t, phrase.end)
        if (
            phrase.start != m.end()
            and not P.LEAD_MODIFIERS.fullmatch(t, m.end(), phrase.start)
            and not (singular and P.FEW_WORDS.fullmatch(t, m.end(), phrase.start))
        ):
            continue  # "a Russian Kh-47 Kinzhal", "a controlled aviation missile Kh-59 was"
        if re.match(r"\s+or\b", t[phrase.end : phrase.end + 4]):
            continue  # "a missile or a drone attack": an alternative, not one missile
        if _BY_ONE.search(t, max(sent.start, m.start() - 30), m.start()):
            continue  # "as a result of a strike by an enemy combat drone": how, not a count
        if not iffy.covers(m.start()):
            out.append(NumberToken(1, m.start(), m.end() - 1, m.group().strip(), is_word=True))
    for m in P.THE.finditer(t, sent.start, sent.end):
        # "the Kh-22 cruise missile was launched": one missile of a named type
        phrase = read_phrase(t, m.end(), limit=6)
        if (
            phrase is None
            or phrase.generic
            or phrase.total
            or phrase.start != m.end()
            or phrase.label.lower().endswith("s")
            or not P.SINGULAR_PASSIVE.match(t, phrase.end)
        ):
            continue
        out.append(NumberToken(1, m.start("the"), m.end() - 1, "the", is_word=True))
    for m in P.THE_ONE.finditer(t, sent.start, sent.end):
        # "destroyed the missile and 18 of the drones": the one missile named before
        phrase = read_phrase(t, m.end(), limit=4)
        if phrase is None or phrase.total or phrase.start != m.end():
            continue
        if phrase.label.lower().endswith("s") or not phrase.generic:
            continue
        out.append(NumberToken(1, m.start("the"), m.end() - 1, "the", is_word=True))
    return sorted(out, key=lambda n: n.start)
