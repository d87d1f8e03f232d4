"""A neutralized total split into shot down and suppressed: intercepted is the shot-down part.

The Air Force often gives one figure for everything that did not reach its
target and then splits it: "знешкоджено 70 БпЛА, з яких 50 збито, а 20 подавлено
засобами РЕБ", "70 drones were neutralized: 50 shot down and 20 suppressed by
electronic warfare". airdef's ``intercepted`` counts weapons shot down, and
``suppressed`` those lost to electronic warfare, so such a group's intercepted
figure is the shot-down part. :func:`split_neutralized` finds it: a number after
the total in the same sentence that, added to the suppressed figure, gives the
total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from airdef.io.text.groups import Group
from airdef.io.text.numbers import find_numbers
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet

__all__ = ["split_neutralized"]


def split_neutralized(
    groups: Iterable[Group],
    text: str,
    sentences: Mapping[int, Sentence],
    used: Iterable[tuple[int, int]],
) -> None:
    """Set ``intercepted`` to the shot-down part where a total is split (in place).

    Parameters
    ----------
    groups : iterable of Group
        The weapon groups of one attack.
    text : str
        The folded text the spans index.
    sentences : mapping of int to Sentence
        The report's sentences by index.
    used : iterable of (start, end)
        Spans already read as something (dates, ages, other figures).

    Examples
    --------
    >>> from airdef.io.text.groups import Figure
    >>> from airdef.io.text.weapons import read_phrase
    >>> t = "70 drones were neutralized: 50 shot down and 20 suppressed by EW."
    >>> g = Group(0, read_phrase(t, 3), {
    ...     "intercepted": Figure("intercepted", 70, "exact", 0, 9, 0),
    ...     "suppressed": Figure("suppressed", 20, "exact", 45, 47, 0)})
    >>> split_neutralized([g], t, {0: Sentence(0, len(t), t, 0)}, [])
    >>> g.value("intercepted"), t[g.figures["intercepted"].start:g.figures["intercepted"].end]
    (50, '50')
    """
    groups = list(groups)
    spans = list(used)
    for g in groups:
        spans += [(f.start, f.end) for f in g.figures.values()]
    taken = SpanSet(spans)
    for g in groups:
        total, lost = g.figures.get("intercepted"), g.figures.get("suppressed")
        if total is None or lost is None or total.value is None or lost.value is None:
            continue
        sent = sentences.get(total.sentence)
        if sent is None or not 0 < lost.value < total.value:
            continue
        for n in find_numbers(text[total.end : sent.end]):
            start, end = n.start + total.end, n.end + total.end
            if n.high not in (None, n.value) or taken.overlaps(start, end):
                continue
            if n.value + lost.value == total.value:
                g.figures["intercepted"] = replace(total, value=n.value, start=start, end=end)
                break
