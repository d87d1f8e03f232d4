"""Text plumbing for the report parser: character folding, reports, metadata and sentences.

Every function here keeps character positions: :func:`fold` replaces
characters one for one, and spans always index the text as given, so that the
evidence quotes of :mod:`airdef.io.text` can point back into the input.

A text holds one report or several separated by a line of three or more
hyphens (``---``) alone. A report may open with metadata lines::

    published: 2024-01-23
    source: https://example.org/news/123
    title: Headline kept out of the counts

``date: YYYY-MM-DD`` (or ``date YYYY-MM-DD`` at the very start, as a prefix of
the first line) is read as the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Report", "Sentence", "fold", "sentences", "split_reports"]

_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u2002\u2003\u2004\u2005\u2006", " "),
        "\u2026": ".",
    }
)

_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)
_META_LINE = re.compile(
    r"[ \t]*(?P<key>published|date|source|title)[ \t]*[:=][ \t]*(?P<value>[^\n]*?)[ \t]*(?:\n|$)",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(r"[ \t]*date[ \t]+(?P<value>\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen lt col maj sgt st no nos "
    "vs approx est jr sr gov sen rep prof dept fig ca cf incl etc e.g i.e a.m p.m u.s u.k u.n "
    "mt ft".split()
)


_CUT = re.compile(r"\n(?![ \t]*[a-z])|[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u0400-\u042F])")


def fold(text: str) -> str:
    """Fold typographic characters to ASCII one for one (same length, same positions).

    Examples
    --------
    >>> fold("Ukraine\u2019s \u201cIskander-M\u201d \u2013 X\u2013101")
    'Ukraine\\'s "Iskander-M" - X-101'
    """
    return _DASH_BETWEEN.sub(" ", text).translate(_FOLD)


# an em dash set between two words ("the vast majority—more than 560 drones") parts
# them as a space does, so that no compound word is made of them
_DASH_BETWEEN = re.compile(r"(?<=[^\W\d_])—(?=[^\W\d_])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the input: its span and text (as given, not folded)."""

    start: int
    end: int
    text: str
    index: int


@dataclass
class Report:
    """One report of a text: its body span and its metadata lines.

    ``meta`` maps ``published``, ``source`` and ``title`` to ``(value, line)``
    where ``line`` is the line number in the whole text.
    """

    number: int
    start: int
    end: int
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)


def split_reports(text: str) -> list[Report]:
    """Split a text into reports at separator lines and read their metadata.

    Examples
    --------
    >>> text = "published: 2024-01-23\\nRussia launched 5 drones.\\n---\\nsource: x\\nMore."
    >>> [(r.number, text[r.start:r.end].strip(), r.meta) for r in split_reports(text)]
    [(1, 'Russia launched 5 drones.', {'published': ('2024-01-23', 1)}), (2, 'More.', {'source': ('x', 4)})]
    """
    bounds = [0]
    for m in _SEPARATOR.finditer(text):
        bounds.extend([m.start(), m.end()])
    bounds.append(len(text))
    reports = []
    counted, line_of = 0, 1  # line numbers counted once through the text, not per report
    for i in range(0, len(bounds), 2):
        start, end = bounds[i], bounds[i + 1]
        meta: dict[str, tuple[str, int]] = {}
        pos = start
        while pos < end:
            blank = re.compile(r"[ \t]*\n").match(text, pos, end)
            if blank:
                pos = blank.end()
                continue
            line_of += text.count("\n", counted, pos)
            counted, line = pos, line_of
            m = _META_LINE.match(text, pos, end)
            if m:
                meta[m["key"].lower().replace("date", "published")] = (m["value"], line)
                pos = m.end()
                continue
            m = _DATE_PREFIX.match(text, pos, end)
            if m and "published" not in meta:
                meta["published"] = (m["value"], line)
                pos = m.end()
            break
        reports.append(Report(number=len(reports) + 1, start=pos, end=end, meta=meta))
    return reports


def _ends_sentence(folded: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes a sentence (not an abbreviation or initial)."""
    m = re.search(r"([\w.]+)$", folded[max(0, dot - 12) : dot])
    word = (m.group(1) if m else "").lower().lstrip(".")
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    return not re.fullmatch(r"(?:\w\.)+\w", word)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences, keeping their positions.

    A line break ends a sentence (headlines and paragraphs) unless the next
    line goes on in lower case (a text wrapped at a fixed width); so does a
    ``.``, ``!`` or ``?`` followed by white space and a capital letter, digit
    or quote, unless the period closes an abbreviation ("Dec.", "U.S.").

    Examples
    --------
    >>> [s.text for s in sentences("On Dec. 27 it said so. Then 5 drones.\\nHeadline")]
    ['On Dec. 27 it said so.', 'Then 5 drones.', 'Headline']
    """
    end = len(text) if end is None else end
    folded = fold(text[start:end])  # only this part: a text of many reports stays linear
    cuts = []
    pos = start
    for m in _CUT.finditer(folded):
        if m.group() != "\n" and m.group()[0] == "." and not _ends_sentence(folded, m.start()):
            continue
        cuts.append((pos, start + m.end()))
        pos = start + m.end()
    cuts.append((pos, end))
    out: list[Sentence] = []
    for s, e in cuts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(s, e, text[s:e], len(out)))
    return out
