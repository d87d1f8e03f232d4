"""Annotated public reports: read and check the hand-written ``reports_*.json`` files.

Each file is a JSON list of objects in the strike-report corpus format: a short
verbatim ``text`` from the page at ``source_url``, its ``published`` date and the
hand-checked answer in ``expected`` (``date``, ``weapons``, ``casualties``).
An optional ``checked: true`` says that every figure was confirmed against the
page. Disagreements between sources are kept beside them in
``disagreements_*.json``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from airdef.errors import DataError

__all__ = [
    "CLASSES",
    "QUALIFIERS",
    "Report",
    "read_disagreements",
    "read_reports",
]

#: Weapon classes of the corpus format and the airdef class each maps to.
CLASSES: dict[str, str] = {
    "drone": "strike_drone",
    "cruise": "cruise_missile",
    "guided": "cruise_missile",  # airdef's catalog files Kh-59/Kh-69 as cruise missiles
    "ballistic": "ballistic_missile",
    "anti_aircraft": "anti_aircraft_missile",
    "unknown": "unknown",
    "mixed": "mixed",
}

#: Qualifiers a count may carry.
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "at_most", "approx")

_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Report:
    """One annotated excerpt: where it is from and what it says.

    ``origin`` is the file it was read from and ``number`` its position there
    (1 for the first object).
    """

    id: str
    source_url: str
    published: dt.date | None
    text: str
    date: dt.date
    weapons: tuple[dict[str, Any], ...]
    casualties: tuple[dict[str, Any], ...]
    checked: bool
    lang: str | None
    origin: str
    number: int


def _date(value: object, where: str, field: str, *, required: bool) -> dt.date | None:
    if value is None and not required:
        return None
    try:
        return dt.date.fromisoformat(str(value)) if isinstance(value, str) else None
    except ValueError:
        pass
    raise DataError(f"{where}: field {field}: {value!r} is not a date YYYY-MM-DD")


def _count(group: dict, key: str, where: str) -> None:
    value = group.get(key)
    qual = group.get(f"{key}_qualifier")
    if value is None:
        if qual is not None:
            raise DataError(f"{where}: field {key}_qualifier: {qual!r} given for a blank count")
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DataError(f"{where}: field {key}: {value!r} is not a count (a whole number >= 0)")
    if qual not in QUALIFIERS:
        raise DataError(
            f"{where}: field {key}_qualifier: {qual!r} is not one of {', '.join(QUALIFIERS)}"
        )


def _check_weapons(groups: object, where: str) -> tuple[dict, ...]:
    if not isinstance(groups, list):
        raise DataError(f"{where}: field expected.weapons: not a list")
    labels = {g.get("weapon") for g in groups if isinstance(g, dict)}
    for k, group in enumerate(groups, 1):
        at = f"{where}, weapon {k}"
        if not isinstance(group, dict) or not isinstance(group.get("weapon"), str):
            raise DataError(f"{at}: not an object with a 'weapon' label")
        if group.get("class") not in CLASSES:
            raise DataError(
                f"{at}: field class: {group.get('class')!r} is not one of {', '.join(CLASSES)}"
            )
        _count(group, "launched", at)
        _count(group, "intercepted", at)
        suppressed = group.get("suppressed")
        if suppressed is not None and (not isinstance(suppressed, int) or suppressed < 0):
            raise DataError(f"{at}: field suppressed: {suppressed!r} is not a count")
        parent = group.get("part_of")
        if parent is not None and (parent not in labels or parent == group["weapon"]):
            raise DataError(f"{at}: field part_of: {parent!r} names no other group of this item")
    return tuple(groups)


def _check_casualties(rows: object, where: str) -> tuple[dict, ...]:
    if not isinstance(rows, list):
        raise DataError(f"{where}: field expected.casualties: not a list")
    for k, row in enumerate(rows, 1):
        at = f"{where}, casualty {k}"
        if not isinstance(row, dict):
            raise DataError(f"{at}: not an object")
        _count(row, "killed", at)
        _count(row, "injured", at)
    return tuple(rows)


def _read_json_list(path: Path) -> list:
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    if path.stat().st_size > _MAX_BYTES:
        raise DataError(f"{path}: larger than {_MAX_BYTES:,} bytes; not an annotation file")
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not valid UTF-8 JSON: {exc}") from None
    if not isinstance(payload, list):
        raise DataError(f"{path}: must hold a JSON list")
    return payload


def read_reports(path: str | Path) -> list[Report]:
    """Read and check one file of annotated reports.

    Raises
    ------
    DataError
        Naming the file, the item and the field, for anything that is not in the
        corpus format (a missing URL, a date that is not ``YYYY-MM-DD``, an unknown
        class or qualifier, a ``part_of`` naming no group, a repeated ``id``).

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "reports_demo.json"
    >>> _ = path.write_text(json.dumps([{"id": "a", "source_url": "https://example.org/1",
    ...     "published": "2023-05-16", "text": "All 18 missiles were shot down.",
    ...     "expected": {"date": "2023-05-16", "weapons": [{"weapon": "missiles",
    ...     "class": "unknown", "launched": 18, "launched_qualifier": "exact",
    ...     "intercepted": 18, "intercepted_qualifier": "exact"}], "casualties": []}}]))
    >>> [(r.id, str(r.date), r.checked) for r in read_reports(path)]
    [('a', '2023-05-16', False)]
    """
    path = Path(path)
    reports: list[Report] = []
    seen: set[str] = set()
    for number, item in enumerate(_read_json_list(path), 1):
        where = f"{path}: item {number}"
        if not isinstance(item, dict):
            raise DataError(f"{where}: not an object")
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            raise DataError(f"{where}: field id: missing")
        where = f"{path}: item {number} ({ident})"
        if ident in seen:
            raise DataError(f"{where}: field id: repeated")
        seen.add(ident)
        url = item.get("source_url")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise DataError(f"{where}: field source_url: {url!r} is not a web address")
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{where}: field text: missing")
        expected = item.get("expected")
        if not isinstance(expected, dict):
            raise DataError(f"{where}: field expected: missing")
        reports.append(
            Report(
                id=ident,
                source_url=url,
                published=_date(item.get("published"), where, "published", required=False),
                text=text,
                date=_date(expected.get("date"), where, "expected.date", required=True),
                weapons=_check_weapons(expected.get("weapons", []), where),
                casualties=_check_casualties(expected.get("casualties", []), where),
                checked=item.get("checked") is True,
                lang=item.get("lang"),
                origin=str(path),
                number=number,
            )
        )
    return reports


def _figures(value: object, where: str) -> list[dict[str, Any]]:
    """The figures of one disagreement as a list of objects with a ``url``.

    Accepts an object keyed by URL (``{"https://…": {"launched": 70}}``) or a list of
    objects each with its ``url``.
    """
    if isinstance(value, dict):
        out = []
        for url, figures in value.items():
            figures = figures if isinstance(figures, dict) else {"note": str(figures)}
            out.append({"url": url, **figures})
        return out
    if isinstance(value, list) and all(isinstance(f, dict) and f.get("url") for f in value):
        return [dict(f) for f in value]
    raise DataError(
        f"{where}: field figures: not an object keyed by URL nor a list of objects with a 'url'"
    )


def read_disagreements(path: str | Path) -> list[dict[str, Any]]:
    """Read one ``disagreements_*.json`` file: a list of explained disagreements.

    Each object has ``date``, ``class`` (a corpus class), ``figures`` (the figures each
    page gives: an object keyed by URL, or a list of objects with a ``url``), a one-line
    ``explanation`` and, for a disagreement with the Air Force table rather than between
    pages, ``"compared_with": "air_force_table"``. Only the public pages' figures are
    kept. ``figures`` is returned as a list of objects with a ``url``.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "disagreements_demo.json"
    >>> _ = path.write_text(json.dumps([{"date": "2022-11-23", "class": "cruise",
    ...     "figures": {"https://a.example/1": {"launched": 67}},
    ...     "explanation": "a later correction"}]))
    >>> read_disagreements(path)[0]["figures"]
    [{'url': 'https://a.example/1', 'launched': 67}]
    """
    path = Path(path)
    rows = _read_json_list(path)
    out = []
    for number, row in enumerate(rows, 1):
        where = f"{path}: item {number}"
        if not isinstance(row, dict):
            raise DataError(f"{where}: not an object")
        _date(row.get("date"), where, "date", required=True)
        if row.get("class") not in CLASSES:
            raise DataError(f"{where}: field class: {row.get('class')!r} is not a corpus class")
        if not isinstance(row.get("explanation"), str) or not row["explanation"].strip():
            raise DataError(f"{where}: field explanation: missing")
        out.append({**row, "figures": _figures(row.get("figures"), where)})
    return out
