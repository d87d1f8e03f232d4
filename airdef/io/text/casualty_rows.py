"""Casualty figures and rows, shared by the English and Ukrainian readers.

A toll stated several times makes one row: a row that only restates another's
figures, or gives an earlier state of them, is dropped (:func:`merge_restatements`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from airdef.io.text.places import PlaceMention

__all__ = ["CasualtyFigure", "CasualtyRow", "firmer", "merge_restatements", "same"]


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
    hospitalized: bool = False  # "five were hospitalized": only when no injured figure is given


@dataclass
class CasualtyRow:
    """The figures for one place."""

    cities: tuple[str, ...]
    district: str | None
    district_count: int | None
    place: PlaceMention | None
    figures: dict[str, CasualtyFigure] = field(default_factory=dict)


def firmer(new: CasualtyFigure, old: CasualtyFigure) -> bool:
    """Whether ``new`` restates ``old`` exactly ("at least one killed", then "one killed").

    Examples
    --------
    >>> firmer(CasualtyFigure("killed", 1, "exact", 0, 1, 0),
    ...        CasualtyFigure("killed", 1, "at_least", 0, 1, 0))
    True
    """
    return new.value == old.value and old.qualifier != "exact" and new.qualifier == "exact"


def merge_restatements(rows: list[CasualtyRow]) -> list[CasualtyRow]:
    """The rows left when restated and hospitalised-only figures are dropped.

    A row whose every figure another row gives with the same value, at the same
    place or a more precise one ("13 injured and one died in Kharkiv" then "a
    total of 13 injured and one dead"), restates it and is dropped; the more
    precise place is kept. A hospitalised count is the injured figure only when
    the text gives no other.

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
        r.cities for r in rows if "injured" in r.figures and not r.figures["injured"].hospitalized
    }
    emptied = []
    for r in rows:
        # the hospitalised are among the injured the text gives for the same place
        if "injured" in r.figures and r.figures["injured"].hospitalized and r.cities in firm:
            del r.figures["injured"]
            emptied.append(not r.figures)
        else:
            emptied.append(False)
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
