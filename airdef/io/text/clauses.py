"""Clauses of an English report sentence whose numbers count no attack's weapons.

* :func:`period_clauses`: a total over a period ("over the past week", "since
  February 2022"); when another clause of the sentence dates an attack
  ("overnight"), only the period's clauses are left out;
* :func:`hypothetical`: the spans of clauses of condition or question ("if it was a missile
  or a drone attack", "whether", "how many").
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from airdef.io.text import patterns as P
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet

__all__ = ["hypothetical", "period_clauses"]


def period_clauses(t: str, sent: Sentence) -> SpanSet | None:
    """The clauses of a total over a period ("over the past week"); None for all of them.

    A sentence that also dates an attack in another clause ("launched 101 drones
    overnight, adding that about 1,270 drones ... over the past week") keeps
    that clause; otherwise the period covers the whole sentence.
    """
    hits = list(P.PERIOD.finditer(t, sent.start, sent.end))
    if not hits:
        return SpanSet([])
    cuts = [sent.start]
    cuts += [m.start() for m in P.CLAUSE_CUT.finditer(t, sent.start, sent.end)]
    cuts.append(sent.end)
    clauses = list(pairwise(cuts))
    inside = [(a, b) for a, b in clauses if any(a <= m.start() < b for m in hits)]
    others = [(a, b) for a, b in clauses if (a, b) not in inside]
    if not any(P.ATTACK_TIME.search(t, a, b) for a, b in others):
        return None
    return SpanSet(inside)


def hypothetical(t: str, sent: Sentence) -> SpanSet:
    """The spans of a sentence in a clause of condition or question ("if it was a missile").

    Each runs from the word ("if", "whether", "how many") to the end of its clause
    (the next comma, semicolon or colon), so one pass over the sentence finds them all.
    """
    cuts = [m.start() for m in P.CLAUSE_END.finditer(t, sent.start, sent.end)]
    spans = []
    for m in P.HYPOTHETICAL.finditer(t, sent.start, sent.end):
        i = bisect_left(cuts, m.end())
        spans.append((m.start(), cuts[i] if i < len(cuts) else sent.end))
    return SpanSet(spans)
