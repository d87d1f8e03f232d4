"""Tables and figures as the templates print them, numbered in order, and the cell
formatting shared by the sections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from airdef.report import fmt
from airdef.stats.cluster import RELIABLE_MIN_ATTACKS, RELIABLE_MIN_MINORITY

__all__ = [
    "UNINFORMATIVE",
    "Figure",
    "Numbering",
    "Table",
    "ci_cell",
    "class_prefix",
    "notes",
    "rate_columns",
    "reliability_note",
    "sentence",
    "text",
]


@dataclass
class Table:
    """A table as the templates print it: header cells, rows of text, a caption."""

    id: str
    caption: str
    headers: list[str]
    kinds: list[str]
    rows: list[list[str]]
    note: str = ""
    synthetic: bool = False
    number: int = 0
    wide: bool = False


@dataclass
class Figure:
    """A figure: its SVG name in ``figures`` and a caption."""

    id: str
    caption: str
    synthetic: bool = False
    number: int = 0


@dataclass
class Numbering:
    tables: int = 0
    figures: int = 0
    synthetic: bool = False
    registry: list[Any] = field(default_factory=list)

    def table(
        self,
        id: str,
        caption: str,
        frame: pd.DataFrame,
        columns: Sequence[tuple[str, str, Callable[[Any], str]]],
        *,
        note: str = "",
        synthetic: bool | None = None,
        wide: bool = False,
    ) -> Table:
        self.tables += 1
        bad = [k for _, k, _ in columns if k not in ("num", "text", "code")]
        if bad:
            raise ValueError(f"column kinds must be num, text or code; not {bad}")
        rows = [[str(get(r)) for _, _, get in columns] for r in frame.to_dict("records")]
        return Table(
            id=id,
            caption=caption,
            headers=[h for h, _, _ in columns],
            kinds=[k for _, k, _ in columns],
            rows=rows,
            note=note,
            synthetic=self.synthetic if synthetic is None else synthetic,
            number=self.tables,
            wide=wide,
        )

    def figure(self, id: str, caption: str, *, synthetic: bool | None = None) -> Figure:
        self.figures += 1
        return Figure(
            id=id,
            caption=caption,
            synthetic=self.synthetic if synthetic is None else synthetic,
            number=self.figures,
        )


def sentence(text: str) -> str:
    """Text as a sentence: capital first letter, final full stop."""
    text = str(text).strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def class_prefix(text: str) -> str:
    """``strike_drone: ...`` as ``Strike drones: ...``."""
    head, sep, rest = str(text).partition(": ")
    return f"{fmt.class_title(head)}{sep}{rest}" if sep and head in fmt.CLASS_NAMES else text


def text(value: Any) -> str:
    return fmt.MISSING if fmt.is_missing(value) or str(value) == "" else str(value)


#: What an interval cell says when the interval is not informative.
UNINFORMATIVE = "too few independent attacks"


def ci_cell(
    r: Any,
    low: str = "ci_low",
    high: str = "ci_high",
    *,
    flag: str = "reliable",
    pooled: str | None = None,
    words: str = UNINFORMATIVE,
) -> str:
    """An interval as its cell prints it: never bare when the row's ``flag`` says the
    interval is not informative (then ``words`` and, if given, the pooled rate)."""
    if fmt.is_missing(r[low]) or flag not in r or fmt.is_missing(r[flag]) or bool(r[flag]):
        return fmt.pct_ci(r[low], r[high])
    if pooled is not None and pooled in r and not fmt.is_missing(r[pooled]):
        out = f"{words}; pooled {fmt.pct(r[pooled])}"
        lo, hi = pooled.replace("rate", "ci_low", 1), pooled.replace("rate", "ci_high", 1)
        ok = r.get(f"reliable_{pooled.removeprefix('rate_')}", True)
        if lo in r and not fmt.is_missing(r[lo]) and (fmt.is_missing(ok) or bool(ok)):
            out += f" ({fmt.pct_ci(r[lo], r[hi])})"
        return out
    return words


def reliability_note(frame: pd.DataFrame | None, *, pooled: bool) -> str:
    """The table note that explains “too few independent attacks”, when some row says it."""
    if frame is None or "reliable" not in frame:
        return ""
    shown = frame["ci_low"].notna() & ~frame["reliable"].fillna(True).astype(bool)
    if not shown.any():
        return ""
    return (
        f"“{UNINFORMATIVE}”: fewer than {RELIABLE_MIN_ATTACKS:.0f} effective independent "
        f"attacks, or fewer than {RELIABLE_MIN_MINORITY:.0f} carrying the rarer outcome, so the "
        "interval says next to nothing about the rate"
        + ("; the pooled estimate, which borrows strength from the class (hence its narrower interval), is the better guide"
           if pooled else "")
        + "; “uninformative”: a pooled interval that wide."
    )  # fmt: skip


def rate_columns(
    level: str, pooled: bool, *, compact: bool = False
) -> list[tuple[str, str, Callable[[Any], str]]]:
    """Columns of a rate table; ``compact`` leaves out the neutralized rate (long tables).
    Dispersion and excluded or censored rows are in the CSV tables."""
    cols: list[tuple[str, str, Callable[[Any], str]]] = [
        ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
        ("Launched", "num", lambda r: fmt.count(r["launched"])),
        ("Intercepted", "num", lambda r: fmt.count(r["intercepted"])),
        ("Rate", "num", lambda r: fmt.pct(r["rate"])),
        (level, "num", lambda r: ci_cell(r)),
        ("Method", "text", lambda r: text(r["method"])),
    ]
    if not compact:
        cols += [
            ("Neutralized", "num", lambda r: fmt.pct(r["rate_neutralized"])),
            (
                f"Neutralized {level}",
                "num",
                lambda r: ci_cell(
                    r, "ci_low_neutralized", "ci_high_neutralized", flag="reliable_neutralized"
                ),
            ),
        ]
    if pooled:
        cols += [
            ("Pooled rate", "num", lambda r: fmt.pct(r["rate_pooled"])),
            (
                f"Pooled {level}",
                "num",
                lambda r: ci_cell(
                    r,
                    "ci_low_pooled",
                    "ci_high_pooled",
                    flag="reliable_pooled",
                    words="uninformative",
                ),
            ),
        ]
    return cols


def notes(frame: pd.DataFrame, label: str, column: str = "note") -> list[str]:
    if frame is None or column not in frame:
        return []
    notes = frame.loc[frame[column].fillna("").astype(str) != ""]
    out = []
    for r in notes.to_dict("records"):
        name, text = fmt.class_title(r[label]), str(r[column])
        # A weapon's own note already starts with its name.
        out.append(text if text.startswith(f"{r[label]}: ") else f"{name}: {text}")
    return out
