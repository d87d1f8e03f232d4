"""Compile annotated public reports into airdef's canonical tables, checking the reader.

For every checked report, airdef's own reader (:func:`airdef.parse_report`) reads
the excerpt with its publication date; what it read (the date and, per weapon
class, the national launched, intercepted and suppressed totals) is compared with
the hand-checked answer. The hand-checked figure is always the one kept; where the
two differ the difference becomes a review row.

One night may be covered by several pages. For each night and family (drones;
missiles of any type, typed or not) one page supplies all the rows: the page that
gives the most launched and intercepted figures of the family, then the one with
fewer hedged figures ("more than", "about"), then the first in file order. So a
typed count on one page and an untyped one on another are never added, nor one
page's launch count paired with another's intercepts. The casualties come from the
first report of the night that gives any. The others stay in the annotation files
as alternates, and where their figures differ the difference is listed in the
disagreements file.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from airdef.catalog import load_catalog
from airdef.samples.corpus import CLASSES, Report

__all__ = ["EXTRA_COLUMNS", "REVIEW_COLUMNS", "Compiled", "compile_reports", "hand_totals"]

#: Columns of the compiled events table beyond airdef's canonical ones.
EXTRA_COLUMNS: tuple[str, ...] = ("published", "report_id", "checked")

#: Columns of the review table (reader against hand check).
REVIEW_COLUMNS: tuple[str, ...] = (
    "report_id",
    "source",
    "date",
    "weapon_class",
    "field",
    "reader",
    "hand_checked",
)

_RECON = re.compile(
    r"(?i)reconnaissance|operational-tactical|розвід|развед|Orlan|Орлан|Supercam|Zala"
)
_FIELDS = ("launched", "intercepted", "suppressed")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?(?P<host>[^/?#:]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Compiled:
    """The compiled tables.

    ``events`` and ``casualties`` are in airdef's canonical layout (``events`` with
    the extra columns :data:`EXTRA_COLUMNS`); ``review`` lists every figure on
    which the reader and the hand check differ; ``skipped`` the ids of reports
    left out because they are not marked checked.
    """

    events: pd.DataFrame
    casualties: pd.DataFrame
    review: pd.DataFrame
    skipped: tuple[str, ...]


def _family(group: dict) -> str:
    """Drones or missiles: one page supplies all of a night's figures of a family,
    so that a typed count on one page and an untyped one on another are not added."""
    return "drones" if CLASSES[group["class"]] == "strike_drone" else "missiles"


def _airdef_class(group: dict) -> str:
    cls = CLASSES[group["class"]]
    if cls == "strike_drone":
        catalog = load_catalog()
        known = catalog.lookup(group["weapon"])
        if (known is not None and catalog.weapon_class(known) == "recon_drone") or _RECON.search(
            group["weapon"]
        ):
            return "recon_drone"
    return cls


def hand_totals(report: Report) -> dict[str, dict[str, int | None]]:
    """National totals per airdef class from the hand-checked groups without a parent.

    A total is blank when no group of the class gives that figure.

    Examples
    --------
    >>> import datetime as dt
    >>> r = Report("a", "https://example.org", None, "...", dt.date(2023, 1, 1),
    ...     ({"weapon": "Shaheds", "class": "drone", "launched": 40, "intercepted": 39,
    ...       "suppressed": None, "part_of": None},
    ...      {"weapon": "over Kyiv", "class": "drone", "launched": None, "intercepted": 20,
    ...       "suppressed": None, "part_of": "Shaheds"}), (), True, "en", "x.json", 1)
    >>> hand_totals(r)
    {'strike_drone': {'launched': 40, 'intercepted': 39, 'suppressed': None}}
    """
    out: dict[str, dict[str, int | None]] = {}
    for group in report.weapons:
        if group.get("part_of"):
            continue
        totals = out.setdefault(_airdef_class(group), dict.fromkeys(_FIELDS))
        for field in _FIELDS:
            value = group.get(field)
            if value is not None:
                totals[field] = (totals[field] or 0) + value
    return out


def _reader_totals(report: Report) -> tuple[str | None, dict[str, dict[str, int | None]]]:
    from airdef.io.text import NoCountsWarning, parse_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoCountsWarning)
        data = parse_report(report.text, published=report.published, source=report.source_url)
    events = data.events
    dates = sorted({str(t.date()) for t in events["time_start"].dropna()}) if len(events) else []
    top = events[events["part_of"].isna()] if len(events) else events
    out: dict[str, dict[str, int | None]] = {}
    for cls, rows in top.groupby("weapon_class", sort=True) if len(top) else []:
        out[str(cls)] = {
            f: (int(rows[f].sum()) if rows[f].notna().any() else None) for f in _FIELDS
        }
    return (dates[0] if len(dates) == 1 else ("; ".join(dates) or None)), out


def _review(report: Report) -> tuple[list[dict], set[str]]:
    """Review rows for one report, and the classes on which the reader agreed."""
    read_date, read = _reader_totals(report)
    hand = hand_totals(report)
    rows: list[dict] = []
    base = {"report_id": report.id, "source": report.source_url, "date": str(report.date)}
    if read_date != str(report.date):
        rows.append(
            {
                **base,
                "weapon_class": None,
                "field": "date",
                "reader": read_date,
                "hand_checked": str(report.date),
            }
        )
    agreed = set()
    for cls in sorted(set(hand) | set(read)):
        mine = hand.get(cls, dict.fromkeys(_FIELDS))
        theirs = read.get(cls, dict.fromkeys(_FIELDS))
        diffs = [f for f in _FIELDS if mine[f] != theirs[f]]
        for f in diffs:
            rows.append(
                {
                    **base,
                    "weapon_class": cls,
                    "field": f,
                    "reader": theirs[f],
                    "hand_checked": mine[f],
                }
            )
        if not diffs and read_date == str(report.date):
            agreed.add(cls)
    return rows, agreed


def _host(url: str) -> str:
    m = _HOST.match(url)
    return m["host"].lower() if m else "text"


def _event_rows(report: Report, groups: Sequence[dict], agreed: set[str]) -> list[dict]:
    catalog = load_catalog()
    rows = []
    for group in groups:
        cls = _airdef_class(group)
        parent = group.get("part_of")
        top_cls = cls
        if parent:
            top = next(g for g in report.weapons if g["weapon"] == parent)
            top_cls = _airdef_class(top)
        rows.append(
            {
                "attack_id": f"public:{report.date}",
                "time_start": pd.Timestamp(report.date),
                "time_end": pd.Timestamp(report.date),  # the day the night ended; hour unknown
                "source": report.source_url,
                "reporter": _host(report.source_url),
                "weapon_label": group["weapon"],
                "weapon": catalog.lookup(group["weapon"]) or group["weapon"],
                "weapon_class": cls,
                "launched": group.get("launched"),
                "launched_qual": group.get("launched_qualifier"),
                "intercepted": group.get("intercepted"),
                "intercepted_qual": group.get("intercepted_qualifier"),
                "suppressed": group.get("suppressed"),
                "part_of": parent,
                "origin": report.origin,
                "source_row": report.number,
                "published": str(report.published) if report.published else None,
                "report_id": report.id,
                "checked": "reader agreed" if top_cls in agreed else "corrected by hand",
            }
        )
    return rows


def _casualty_rows(report: Report) -> list[dict]:
    rows = []
    for row in report.casualties:
        city = row.get("city")
        rows.append(
            {
                "attack_id": f"public:{report.date}",
                "date": pd.Timestamp(report.date),
                "city": "; ".join(city) if isinstance(city, list) else city,
                "district": row.get("district"),
                "district_count": None,
                "killed": row.get("killed"),
                "killed_qual": row.get("killed_qualifier"),
                "injured": row.get("injured"),
                "injured_qual": row.get("injured_qualifier"),
                "source": report.source_url,
                "origin": report.origin,
            }
        )
    return rows


def _has_figure(group: dict) -> bool:
    return group.get("launched") is not None or group.get("intercepted") is not None


def _choose_pages(reports: Sequence[Report]) -> dict[str, int]:
    """For each family of a night, the index of the page that supplies it.

    The page giving the most figures of the family (launched and intercepted counts of
    its groups without a parent) is chosen; among equals, the one with fewer hedged
    figures ("more than", "about", "as many as"), then the first in file order.
    """
    best: dict[str, tuple[int, int, int]] = {}
    for i, report in enumerate(reports):
        score: dict[str, list[int]] = {}
        for g in report.weapons:
            if g.get("part_of") or not _has_figure(g):
                continue
            s = score.setdefault(_family(g), [0, 0])
            for field in ("launched", "intercepted"):
                if g.get(field) is not None:
                    s[0] += 1
                    s[1] += g.get(f"{field}_qualifier") not in (None, "exact")
        for family, (figures, hedged) in score.items():
            key = (-figures, hedged, i)
            if family not in best or key < best[family]:
                best[family] = key
    return {family: key[2] for family, key in best.items()}


def compile_reports(reports: Iterable[Report]) -> Compiled:
    """Compile checked reports into one night per date (see the module documentation).

    Examples
    --------
    >>> import datetime as dt
    >>> g = {"weapon": "Shahed drones", "class": "drone", "launched": 15,
    ...      "launched_qualifier": "exact", "intercepted": 14,
    ...      "intercepted_qualifier": "exact", "suppressed": None, "part_of": None}
    >>> r = Report("a", "https://example.org/a", dt.date(2023, 9, 23),
    ...     "Russia attacked with 15 Shahed drones overnight; 14 were shot down.",
    ...     dt.date(2023, 9, 23), (g,), (), True, "en", "x.json", 1)
    >>> out = compile_reports([r])
    >>> out.events[["time_start", "weapon_class", "launched", "intercepted", "checked"]]
      time_start  weapon_class  launched  intercepted        checked
    0 2023-09-23  strike_drone        15           14  reader agreed
    """
    from airdef.model import CASUALTY_SCHEMA, EVENT_SCHEMA

    by_night: dict = {}
    skipped = []
    for report in reports:
        if not report.checked:
            skipped.append(report.id)
            continue
        by_night.setdefault(report.date, []).append(report)
    events: list[dict] = []
    casualties: list[dict] = []
    review: list[dict] = []
    for night in sorted(by_night):
        reports = by_night[night]
        chosen = _choose_pages(reports)
        with_casualties = False
        for i, report in enumerate(reports):
            rows, agreed = _review(report)
            review += rows
            tops = [g for g in report.weapons if not g.get("part_of") and _has_figure(g)]
            keep = [g for g in tops if chosen.get(_family(g)) == i]
            labels = {g["weapon"] for g in keep}
            while True:  # nested groups follow their parents, at any depth
                more = [g for g in report.weapons if g.get("part_of") in labels]
                if not {g["weapon"] for g in more} - labels:
                    break
                labels |= {g["weapon"] for g in more}
            keep = [g for g in report.weapons if g["weapon"] in labels]
            events += _event_rows(report, keep, agreed)
            if report.casualties and not with_casualties:
                casualties += _casualty_rows(report)
                with_casualties = True
    ev = pd.DataFrame(events, columns=[*EVENT_SCHEMA, *EXTRA_COLUMNS])
    ev = ev.astype({c: t for c, t in EVENT_SCHEMA.items()} | dict.fromkeys(EXTRA_COLUMNS, "string"))
    cas = pd.DataFrame(casualties, columns=list(CASUALTY_SCHEMA)).astype(CASUALTY_SCHEMA)
    rev = pd.DataFrame(review, columns=list(REVIEW_COLUMNS)).astype("string")
    return Compiled(events=ev, casualties=cas, review=rev, skipped=tuple(skipped))
