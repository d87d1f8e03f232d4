"""Free-text strike reports (news articles, official statements) read into :class:`StrikeData`.

The parser is rule-based and offline: regular expressions, a number-word
reader and the weapon catalog, no network service and no statistical model.
The same text always gives the same tables.

File format
-----------
A ``.txt`` file holds one report, or several separated by a line of three or
more hyphens (``---``) alone. Each report may open with metadata lines::

    published: 2024-01-23
    source: https://www.example.org/news/123
    title: A headline, kept out of the counts

``date: 2024-01-23`` (or ``date 2024-01-23`` opening the first line, as some
article dumps have it) is the publication date. Everything after the
metadata is the report text.

What is read
------------
* the attack date (:mod:`~airdef.io.text.dates`), written or relative to the
  publication date;
* weapon groups with launched and intercepted counts and their qualifiers
  (:mod:`~airdef.io.text.extract`, :mod:`~airdef.io.text.weapons`,
  :mod:`~airdef.io.text.numbers`), nested with ``part_of`` so that summing the
  rows without a parent gives the stated totals;
* killed and injured by city and district (:mod:`~airdef.io.text.casualties`,
  :mod:`~airdef.io.text.places`);
* one evidence row per number (and the date): its quote, its character span
  in the input text and its sentence.

Rows of one attack share an ``attack_id`` of the form
``text:<date or undated>:<hash>``; a report whose counts carry explicit dates
more than a day apart is split into one attack per date.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pandas as pd

from airdef.errors import DataError
from airdef.io.text.report import read_report
from airdef.io.text.segment import fold, split_reports
from airdef.model import CASUALTY_SCHEMA, EVENT_SCHEMA, EVIDENCE_SCHEMA, StrikeData, empty_frame

__all__ = ["NoCountsWarning", "load_text", "parse_report", "parse_text", "read_text_file"]


class NoCountsWarning(UserWarning):
    """A report in which no weapon or casualty count was found."""


def _as_date(value: object, what: str, where: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise DataError(f"{where}: {what} {text!r} is not a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(f"{where}: {what} {text!r} is not a real date") from None


def parse_text(
    text: str,
    *,
    published: str | dt.date | None = None,
    source: str | None = None,
    origin: str = "text",
) -> StrikeData:
    """Parse a text of one or more reports; :func:`parse_report` with an ``origin``.

    ``origin`` names the input in messages and in the ``origin`` columns
    (:func:`load_text` passes the file's path).

    Examples
    --------
    >>> data = parse_text("Russia launched 9 drones overnight.", published="2024-05-02",
    ...                   origin="notes.txt")
    >>> data.events[["origin", "launched", "time_start"]]
          origin  launched time_start
    0  notes.txt         9 2024-05-02
    """
    default_published = _as_date(published, "published date", origin)
    folded = fold(text)
    events: list[dict] = []
    casualties: list[dict] = []
    evidence: list[dict] = []
    reports = split_reports(text)
    for report in reports:
        meta = report.meta
        where = f"{origin}: line {meta['published'][1]}" if "published" in meta else origin
        pub = (
            _as_date(meta["published"][0], "published date", where)
            if "published" in meta
            else default_published
        )
        src = (meta["source"][0] or None) if "source" in meta else source
        found = read_report(text, folded, report, published=pub, source=src, origin=origin)
        if not found[0] and not found[1]:
            evidence += found[2]  # numbers it could not place, listed all the same
            if text[report.start : report.end].strip() or len(reports) == 1:
                warnings.warn(
                    f"{origin}: report {report.number}: no weapon or casualty counts found",
                    NoCountsWarning,
                    stacklevel=3,
                )
            continue
        events += found[0]
        casualties += found[1]
        evidence += found[2]

    def frame(rows: list[dict], schema: dict[str, str]) -> pd.DataFrame:
        return pd.DataFrame(rows) if rows else empty_frame(schema)

    return StrikeData(
        events=frame(events, EVENT_SCHEMA),
        casualties=frame(casualties, CASUALTY_SCHEMA),
        evidence=frame(evidence, EVIDENCE_SCHEMA),
    )


def parse_report(
    text: str, *, published: str | dt.date | None = None, source: str | None = None
) -> StrikeData:
    """Read free-text strike reports into airdef's canonical tables.

    Parameters
    ----------
    text : str
        One report, or several separated by a line ``---``; each may open with
        ``published:``, ``source:`` and ``title:`` lines (see the module
        documentation).
    published : str or datetime.date, optional
        Publication date (``YYYY-MM-DD``) for reports without a ``published:``
        line; resolves "on Tuesday", "overnight" and dates without a year.
    source : str, optional
        The report's URL or name, for reports without a ``source:`` line. The
        ``reporter`` column is the host of a URL, else ``text``.

    Returns
    -------
    StrikeData
        ``events``, ``casualties`` and ``evidence``; empty (with a
        :class:`NoCountsWarning`) when nothing countable is found.

    Raises
    ------
    DataError
        For a published date that is not ``YYYY-MM-DD``.

    Examples
    --------
    >>> data = parse_report(
    ...     "Ukraine's air force said it shot down 21 of 23 Kh-101 cruise missiles "
    ...     "and all 14 Shahed drones on Tuesday.", published="2024-01-24")
    >>> data.events[["weapon_label", "weapon_class", "launched", "intercepted"]]
              weapon_label    weapon_class  launched  intercepted
    0  Kh-101 cruise missiles  cruise_missile        23           21
    1         Shahed drones    strike_drone        14           14
    >>> str(data.events["time_start"].iloc[0].date())
    '2024-01-23'
    >>> data.evidence[["field", "value", "quote"]].iloc[:3]
             field       value                           quote
    0         date  2024-01-23                         Tuesday
    1  intercepted          21  21 of 23 Kh-101 cruise missiles
    2     launched          23          23 Kh-101 cruise missiles
    """
    return parse_text(text, published=published, source=source, origin="text")


def read_text_file(path: str | Path, *, encoding: str | None = None) -> str:
    """The decoded text of a report file (UTF-8 with or without BOM by default).

    Raises
    ------
    DataError
        For a missing file, a folder, binary content or bytes not valid in the encoding.

    Examples
    --------
    >>> read_text_file("no/such/report.txt")
    Traceback (most recent call last):
    ...
    airdef.errors.DataError: no/such/report.txt: no such file
    """
    from airdef.io import _read_bytes
    from airdef.io.tabular import decode

    path = Path(path)
    return decode(_read_bytes(path), str(path), encoding)


def load_text(
    path: str | Path, *, encoding: str | None = None, content: bytes | None = None
) -> StrikeData:
    """Read a ``.txt`` file of free-text reports (see :func:`parse_report`).

    ``content`` is the file's bytes when the caller has already read them.

    Spans in ``evidence`` index the decoded file text; ``source_row`` is the
    report's number in the file; ``source`` defaults to the file name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "two.txt").write_text(
    ...     "published: 2024-01-23\\nRussia launched 20 drones overnight.\\n---\\n"
    ...     "published: 2024-02-01\\nAir defences shot down 9 of 12 Shahed drones.\\n")
    >>> data = load_text(folder / "two.txt")
    >>> data.events[["launched", "intercepted", "source_row"]]
       launched  intercepted  source_row
    0        20         <NA>           1
    1        12            9           2
    >>> data.events["attack_id"].str[:15].tolist()
    ['text:2024-01-23', 'text:2024-02-01']
    """
    path = Path(path)
    if content is None:
        text = read_text_file(path, encoding=encoding)
    else:
        from airdef.io.tabular import decode

        text = decode(content, str(path), encoding)
    data = parse_text(text, origin=str(path))
    for table in (data.events, data.casualties):
        if len(table):
            table["source"] = table["source"].fillna(path.name)
    return data
