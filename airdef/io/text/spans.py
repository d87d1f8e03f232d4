"""Sets of character spans with look-ups in logarithmic time.

The reader asks, for every number, whether a date, a district count or a figure
already covers it; with a sorted, merged list and :mod:`bisect` that costs
``O(log n)`` per question, so a long report is read in time linear in its size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """Half-open spans ``[start, end)``, merged where they overlap.

    Examples
    --------
    >>> spans = SpanSet([(10, 20), (15, 30), (40, 45)])
    >>> [spans.covers(p) for p in (9, 10, 29, 30, 44)]
    [False, True, True, False, True]
    >>> spans.overlaps(28, 41), spans.overlaps(30, 40)
    (True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for s, e in sorted((int(s), int(e)) for s, e in spans if e > s):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def covers(self, pos: int) -> bool:
        """Whether a span holds position ``pos``."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a position with ``[start, end)``."""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
