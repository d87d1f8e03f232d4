"""Numbers a report states that the reader could not place.

A number that could be a count (see :func:`~airdef.io.text.numbers.find_numbers`:
not a year, time, model name, age, measure or sum of money) but became no
figure, date or district count is listed as *unplaced*, with its span, so that
a reader of the output sees what was left out instead of trusting silence.
Digit runs too long to be a count (above :data:`~airdef.io.parsers.MAX_COUNT`)
are listed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from airdef.io.text.numbers import MAX_DIGITS, find_numbers
from airdef.io.text.spans import SpanSet

__all__ = ["unplaced_numbers"]

_LONG = re.compile(rf"(?<![\d,])\d[\d,]{{{MAX_DIGITS},}}+")


def unplaced_numbers(
    text: str, start: int, end: int, used: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of the numbers in ``text[start:end]`` that no used span covers.

    Parameters
    ----------
    text : str
        The folded text.
    start, end : int
        The report's span.
    used : iterable of (start, end)
        Spans of every figure, date and district count read from the report.

    Returns
    -------
    list of (start, end)
        In text order.

    Examples
    --------
    >>> t = "Russia launched 12 drones; 7 were seen over the sea, 123456789012 others."
    >>> [t[s:e] for s, e in unplaced_numbers(t, 0, len(t), [(16, 25)])]
    ['7', '123456789012']
    """
    spans = SpanSet(used)
    body = text[start:end]
    found = [(n.start + start, n.end + start) for n in find_numbers(body)]
    found += [(m.start() + start, m.end() + start) for m in _LONG.finditer(body)]
    out = []
    for s, e in sorted(set(found)):
        if not spans.overlaps(s, e):
            out.append((s, e))
    return out
