"""Killed and injured in English report text, by city and district: where each figure goes.

The figures themselves are read by :mod:`airdef.io.text.casualty_figures`. Each
figure takes a place in this order:

1. the place its own clause names, the nearest in its sentence, a place across a
   comma being further ("At least 10 dead in Kryvyi Rih, one dead and 12 injured in
   Dnipro"); a region gives a blank city, "across the country" a nationwide row;
2. else the place of the sentence before, when that names one city ("A missile hit a
   building in Uman. Five people were wounded.");
3. else, when the report names several cities, the place of the last figure placed
   ("5 wounded in a strike on Dnipro. [...] One person died.");
4. else the report's one city (and its one district), else no place.

Figures of the same place make one row; a restatement, a part or an earlier state of a
toll makes no second row (:func:`airdef.io.text.casualty_rows.merge_restatements`).
Figures of a sentence that recalls another report or attack ("As Ukrinform reported",
"Earlier this month") or counts over a longer time ("since the start of the war", "this
year") are left out when the report gives figures of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from airdef.io.text.casualty_figures import bare_update, read_figures
from airdef.io.text.casualty_rows import (
    CasualtyFigure,
    CasualtyRow,
    background_sentences,
    city_of_district,
    merge_restatements,
    same,
    supersedes,
)
from airdef.io.text.officials import official_city
from airdef.io.text.places import PlaceMention, find_places
from airdef.io.text.segment import Sentence
from airdef.io.text.spans import SpanSet

__all__ = ["CasualtyFigure", "CasualtyRow", "extract_casualties", "merge_restatements"]

_SUBSET_NOUN = re.compile(
    r"\b(?:children|child|kids|teenagers|minors|infants|babies|boys|girls|women|a\s+child)\b",
    re.IGNORECASE,
)


def _pair_spans(text: str, figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Each figure, or the pair it forms ("two were killed and five wounded"), for placing.

    The two figures of a pair are placed together, by the place nearest the pair.
    """
    out = list(figures)
    for k in range(1, len(figures)):
        a, b = figures[k - 1], figures[k]
        if a.field != b.field and re.fullmatch(r"\s*,?\s*and\s+", text[a.end : b.start]):
            both = replace(a, end=b.end)
            out[k - 1] = out[k] = both
    return out


_CLAUSE_GAP = 40
_MANY_PLACES = re.compile(
    r"\b(?:cities|towns|regions|oblasts|villages|settlements|nationwide|across)\b", re.IGNORECASE
)
_TOLL_WORD = re.compile(r"\b(?:death\s+toll|number\s+of)\b", re.I)
_AS_OF = re.compile(
    r"\b(?:as\s+of|by)\s+(?:\d{1,2}[:.]\d{2}|the\s+(?:morning|evening)|now)\b|\bat\s+this\s+"
    r"(?:point|time|hour)\b|\blater\s+(?:confirmed|said|reported|added|updated)\b",
    re.I,
)
# a sentence that speaks of the whole attack, not of the place named before
_NO_PLACE = re.compile(
    r"\b(?:in\s+total|overall|nationwide|across|throughout|in\s+(?:all|several|various)|"
    r"as\s+a\s+result\s+of\s+the\s+(?:Russian\s+)?(?:attack|strike|shelling)s?)\b",
    re.IGNORECASE,
)


def _plain_city(p: PlaceMention) -> bool:
    return bool(p.cities) and not p.region and not p.nationwide and p.district_count is None


def _nearest(text: str, places: list[PlaceMention], fig: CasualtyFigure) -> PlaceMention | None:
    if not places:
        return None

    def distance(p: PlaceMention) -> int:
        if p.end <= fig.start:
            gap = text[p.end : fig.start]
        elif p.start >= fig.end:
            gap = text[fig.end : p.start]
        else:
            return 0
        # "..., one dead and 12 injured in Dnipro": a place across a comma is further
        return len(gap) + (_CLAUSE_GAP if re.search(r"[,;:]", gap) else 0)

    return min(places, key=distance)


def _report_place(places: list[PlaceMention]) -> tuple[tuple[str, ...], str | None]:
    cities = {c for p in places for c in p.cities}
    # "the Kyiv region" alone names no city
    if len(cities) != 1 or all(p.region for p in places if p.cities):
        return (), None
    districts = {p.district for p in places if p.district}
    return tuple(cities), (districts.pop() if len(districts) == 1 else None)


def extract_casualties(
    text: str,
    sentences: Sequence[Sentence],
    blocked: Sequence[tuple[int, int]] = (),
    report_places: Sequence[PlaceMention] = (),
) -> list[CasualtyRow]:
    """Casualty rows of one attack.

    Parameters
    ----------
    text : str
        The folded text.
    sentences : sequence of Sentence
        The sentences of the attack.
    blocked : sequence of (start, end)
        Spans whose numbers are not casualty figures (dates).
    report_places : sequence of PlaceMention
        Every place of the report, for figures whose sentence names none.

    Examples
    --------
    >>> from airdef.io.text.segment import sentences
    >>> t = "The attacks injured at least 20 people in four districts of Kyiv, the capital."
    >>> [(r.cities, r.district_count, r.figures["injured"].value) for r in
    ...  extract_casualties(t, sentences(t))]
    [(('Kyiv',), 4, 20)]
    """
    rows: list[CasualtyRow] = []
    block = SpanSet(blocked)
    previous: list[PlaceMention] = []
    context: PlaceMention | None = None  # the place of the last figure placed
    # "As reported earlier, ...", "Earlier this month, ...": another state or attack, left
    # out when the report gives figures of its own
    background = background_sentences(text, sentences, "en")
    if background and not any(
        read_figures(text, s, block) for s in sentences if s.index not in background
    ):
        background = set()
    # the places of a recalled attack are not the report's
    spans = [(s.start, s.end) for s in sentences if s.index in background]
    fallback = _report_place(
        [p for p in report_places if not any(a <= p.start < b for a, b in spans)]
    )
    if not any(p.cities or p.nationwide for p in report_places) and (who := official_city(text)):
        fallback = ((who,), None)  # "two people were injured, Terekhov said": Kharkiv
    first = sentences[0] if sentences else None
    # the report's first line, a headline when the body follows on lines of its own
    headline = (
        first.index if first is not None and text[first.end : first.end + 1] == "\n" else None
    )
    for sent in sentences:
        if sent.index in background:
            previous = []
            continue
        places = [p for p in find_places(text[sent.start : sent.end])]
        places = [replace(p, start=p.start + sent.start, end=p.end + sent.start) for p in places]
        figures = read_figures(text, sent, block)
        if not figures and rows:
            # "Fourteen people were injured. The number later rose to 17.": the figure before
            figures = bare_update(text, sent, block, rows[-1])
        last = previous
        # a sentence naming several places ("targeting Kyiv and several other cities")
        # lends none of them to the next
        previous = [] if _MANY_PLACES.search(text, sent.start, sent.end) else places
        if not figures:
            continue
        for fig in figures:
            # "As of 22:30, 14 people were killed": the state at a later hour; "a total of
            # 19 were injured" after a part of them: the whole
            fig.update = fig.update or bool(_AS_OF.search(text, sent.start, sent.end))
            total = _TOTAL.search(text, max(sent.start, fig.start - 40), fig.start + 12)
            fig.update = fig.update or bool(total and total.start() <= fig.start + 2)
        # "The death toll rose to five after a man died": the one is among the five
        tolls = (
            {f.field for f in figures if f.update}
            if _TOLL_WORD.search(text, sent.start, sent.end)
            else set()
        )
        figures = [f for f in figures if f.update or f.field not in tolls]
        spans = _pair_spans(text, figures)
        whole_at: tuple | None = None
        for fig, span in zip(figures, spans, strict=True):
            place = _nearest(text, places, span)
            if (
                place is None
                and last
                and _plain_city(last[-1])
                and len({c for p in last for c in p.cities}) == 1
                and not _NO_PLACE.search(text, sent.start, sent.end)
            ):
                # "A missile hit a building in Uman. Five people were wounded.": there
                districts = [p for p in last if p.district and p.cities]
                place = districts[-1] if len(districts) == 1 else last[-1]
            elif (
                place is None
                and len(last) == 1
                and last[0].region
                and not _NO_PLACE.search(text, sent.start, sent.end)
            ):
                # "Russian forces struck the Poltava region. One was killed."; "There is
                # also destruction in the Synelnyky district. A woman was killed."
                place = last[0]
            if (
                place is None
                and context is not None
                and not fallback[0]
                and not _NO_PLACE.search(text, sent.start, sent.end)
            ):
                # "5 wounded in a strike on Dnipro. [...] One person died.": where the last
                # figure was placed
                place = context
            if place is not None and _plain_city(place):
                context = place
            if place is None:
                cities, district, count = fallback[0], fallback[1], None
            else:
                cities, district, count = place.cities, place.district, place.district_count
                if district and "; " in district:
                    district = None  # "debris fell on three districts, injuring 53": the city's
                if place.region:
                    cities = ()
                elif not cities and not place.nationwide:
                    # "Kyiv Mayor Klitschko said six were dead in the Shevchenkivskyi
                    # district": the city the sentence names
                    named = [p for p in places if _plain_city(p) and len(p.cities) == 1]
                    cities = named[0].cities if len(named) == 1 else fallback[0]
                if place.cities and place.district is None:
                    inside = [
                        p for p in places if p.district and set(p.cities) <= set(place.cities)
                    ]
                    district = inside[0].district if len(inside) == 1 else None
            if fig.part and (cities, district) == whole_at:
                continue  # the part of a toll placed where the whole is: no row of its own
            whole_at = (cities, district)
            if _SUBSET_NOUN.search(text, fig.start, fig.end) and any(
                (r.cities, r.district) == (cities, district)
                and fig.field in r.figures
                and r.figures[fig.field].value > fig.value
                for r in rows
            ):
                continue  # "three people killed ... two children are dead": among the three
            row = next(
                (
                    r
                    for r in rows
                    if (r.cities, r.district) == (cities, district)
                    and (
                        fig.field not in r.figures
                        or fig.update
                        or same(r.figures[fig.field], fig)
                        or supersedes(fig, r.figures[fig.field])
                        or hedged_below(fig, r.figures[fig.field], headline)
                    )
                ),
                None,
            )
            if fig.update and not cities and place is None:
                # "The number of injured rose to 19": the last row that gave the figure,
                # one that names its place before one that restates it without
                given = [r for r in reversed(rows) if fig.field in r.figures]
                row = next((r for r in given if r.cities), given[0] if given else row)
            if row is None:
                row = CasualtyRow(cities, district, count, place)
                rows.append(row)
            if row.district_count is None and count is not None:
                row.district_count, row.place = count, place
            old = row.figures.get(fig.field)
            if old is None or supersedes(fig, old) or hedged_below(fig, old, headline):
                row.figures[fig.field] = fig
    return merge_restatements(city_of_district(rows))


def hedged_below(new: CasualtyFigure, old: CasualtyFigure, headline: int | None) -> bool:
    """Whether ``new`` is the body's hedged form of a headline's figure.

    "Three people are killed by Russian strikes" over "killed at least three people":
    the body's "at least three" is the figure, as the body states it.

    Examples
    --------
    >>> f = lambda q, s: CasualtyFigure("killed", 3, q, 0, 1, s)
    >>> hedged_below(f("at_least", 2), f("exact", 0), 0), hedged_below(f("at_least", 2), f("exact", 1), 0)
    (True, False)
    """
    return (
        headline is not None
        and old.sentence == headline
        and new.sentence != headline
        and new.value == old.value
        and old.qualifier == "exact"
        and new.qualifier != "exact"
    )


_TOTAL = re.compile(r"\b(?:in\s+total|a\s+total\s+of|overall|altogether)\b", re.IGNORECASE)
