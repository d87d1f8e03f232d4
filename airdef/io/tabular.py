"""Reading delimited text tables without losing a row.

:func:`read_table_text` splits a file into a header and records with Python's
``csv`` module (so quoted commas, CRLF line ends and a UTF-8 byte-order mark are
handled), and returns every record that cannot become a row (wrong number of
fields, a repeated header line, an unterminated quote) as a quarantine entry
rather than raising. Only problems with the file as a whole raise
:class:`~airdef.errors.DataError`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import pandas as pd

from airdef.errors import DataError
from airdef.io.limits import MAX_COLUMNS, MAX_FIELD_CHARS

__all__ = ["RawTable", "decode", "quarantine_frame", "read_table_text"]

_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class RawTable:
    """A delimited table as strings.

    Attributes
    ----------
    header : list of str
        Column names as written (stripped of surrounding white space).
    rows : pandas.DataFrame
        One column per header name, all ``string``, indexed by ``source_row``
        (the line on which the record starts; the header is line 1).
    quarantine : pandas.DataFrame
        Records that could not be split into the header's columns.
    delimiter : str
        The delimiter that was detected.
    rows_read : int
        Every record after the header, blank lines excepted.
    origin : str
        The name rows of this table are known by (the file, or the file and its sheet).
    """

    header: list[str]
    rows: pd.DataFrame
    quarantine: pd.DataFrame
    delimiter: str
    rows_read: int
    origin: str = ""


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode file bytes as text (UTF-8 by default, with or without a BOM).

    Raises
    ------
    DataError
        For binary content or bytes that are not valid in the encoding, naming
        the line and the byte.
    """
    if b"\x00" in data[:8192]:
        raise DataError(f"{name}: the file is binary, not a text table (it contains NUL bytes)")
    enc = encoding or "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"{name}: line {line}: byte 0x{data[exc.start]:02X} is not valid {exc.encoding.upper()}; "
            "save the file as UTF-8 or give its encoding (for example --encoding latin-1)"
        ) from None
    except LookupError:
        raise DataError(f"{name}: unknown encoding {encoding!r}") from None


def _detect_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def quarantine_frame(bad: list[tuple[int, str, str, str]], origin: str) -> pd.DataFrame:
    """Quarantine entries from ``(source_row, column, value, reason)`` tuples."""
    frame = pd.DataFrame(bad, columns=["source_row", "column", "value", "reason"])
    frame.insert(0, "origin", origin)
    return frame


def _fields(n: int) -> str:
    return f"{n} field" + ("" if n == 1 else "s")


def _quoted_field(delimiter: str) -> re.Pattern[str]:
    d = re.escape(delimiter)
    return re.compile(rf'(?:^|(?<={d}))"(?:[^"]|"")*"(?={d}|\r?\n?$|\r$)', re.DOTALL)


def _quote_problem(raw: str, quoted: re.Pattern[str]) -> str:
    """Why the quotes of a record's raw text are not those of a well-formed CSV row ('' if fine)."""
    if '"' not in raw:
        return ""
    left = quoted.sub("", raw)
    if '"' not in left:
        return ""
    if raw.count('"') % 2:
        return 'a stray quote (") on this line opens a field that never closes'
    return 'a quote (") inside a field that is not quoted'


def _split_span(
    lines: list[str], first: int, delimiter: str, width: int, quoted: re.Pattern[str]
) -> list[tuple[int, list[str] | None, str]]:
    """Parse each physical line of a broken span on its own.

    Returns ``(line number, record or None, reason)``: a record for every line that is
    a whole row by itself, a reason for every other non-blank line.
    """
    out: list[tuple[int, list[str] | None, str]] = []
    for offset, line in enumerate(lines):
        number = first + offset
        if not line.strip():
            continue
        record = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter, strict=False), [])
        problem = _quote_problem(line, quoted)
        if problem:
            out.append((number, None, problem))
        elif len(record) != width:
            out.append(
                (number, None, f"the row has {_fields(len(record))} where the header has {width}")
            )
        else:
            out.append((number, record, ""))
    return out


def read_table_text(text: str, name: str) -> RawTable:
    """Split the text of a delimited table into header, rows and quarantine.

    A record that the quoting glued across several lines is looked at line by line:
    when a stray quote opened a field that never closed (so that lines that are whole
    rows on their own were swallowed), the line with the stray quote is quarantined
    and the other lines load as the rows they are. A quoted field that legitimately
    spans lines is kept. A field longer than
    :data:`~airdef.io.limits.MAX_FIELD_CHARS` quarantines its row.

    Parameters
    ----------
    text : str
        The whole file, decoded.
    name : str
        The file name used in messages.

    Returns
    -------
    RawTable

    Examples
    --------
    >>> t = read_table_text("a,b\\n1,2\\n3\\n4,5\\n", "x.csv")
    >>> t.rows.to_dict("index")
    {2: {'a': '1', 'b': '2'}, 4: {'a': '4', 'b': '5'}}
    >>> t.quarantine["reason"].tolist()
    ['the row has 1 field where the header has 2']
    >>> t = read_table_text('a,b\\n1,"2\\n3,4\\n5,6\\n', "x.csv")
    >>> t.rows.to_dict("index")
    {3: {'a': '3', 'b': '4'}, 4: {'a': '5', 'b': '6'}}
    >>> t.quarantine[["source_row", "reason"]].values.tolist()
    [[2, 'a stray quote (") on this line opens a field that never closes']]
    """
    # Any field may be as long as the file; over-long ones are quarantined row by row.
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(len(text), old_limit))
    try:
        return _read_table_text(text, name)
    finally:
        csv.field_size_limit(old_limit)


def _read_table_text(text: str, name: str) -> RawTable:
    if not text.strip():
        raise DataError(f"{name}: the file is empty")
    first = text.lstrip("\ufeff").splitlines()[0]
    delimiter = _detect_delimiter(first)
    records: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    header: list[str] | None = None
    header_line = 0
    line_before = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        for record in reader:
            start = line_before + 1
            line_before = reader.line_num
            if not record or (len(record) == 1 and not record[0].strip()):
                continue  # a blank line is not a row
            if header is None:
                header = [h.strip().lstrip("\ufeff") for h in record]
                header_line = start
                continue
            records.append(record)
            spans.append((start, line_before))
    except csv.Error as exc:  # pragma: no cover - the csv module is lenient with strict=False
        raise DataError(f"{name}: line {line_before + 1}: {exc}") from None
    if header is None:
        raise DataError(f"{name}: the file is empty")
    if len(header) > MAX_COLUMNS:
        raise DataError(
            f"{name}: line {header_line}: the header has {len(header):,} columns, over the "
            f"limit of {MAX_COLUMNS:,}"
        )
    if len(set(header)) != len(header):
        dup = sorted({h for h in header if header.count(h) > 1})
        raise DataError(
            f"{name}: line {header_line}: the header repeats the column(s) {', '.join(dup)}"
        )
    width = len(header)
    lines = io.StringIO(text, newline="").readlines()
    quoted = _quoted_field(delimiter)
    entries: list[tuple[int, list[str] | None, str]] = []
    for (start, end), record in zip(spans, records, strict=True):
        multi = end > start
        raw = lines[start - 1] if not multi else "".join(lines[start - 1 : end])
        problem = _quote_problem(raw, quoted)
        if not problem and len(record) == width and not multi:
            entries.append((start, record, ""))
            continue
        if not multi:
            reason = problem or f"the row has {_fields(len(record))} where the header has {width}"
            entries.append((start, None, reason))
            continue
        pieces = _split_span(lines[start - 1 : end], start, delimiter, width, quoted)
        if problem or any(rec is not None for _, rec, _ in pieces):
            entries.extend(pieces)  # a stray quote glued whole rows together
        elif len(record) != width:
            reason = f"the row has {_fields(len(record))} where the header has {width}"
            entries.append((start, None, reason))
        else:
            entries.append((start, record, ""))  # a quoted field spans lines
    bad: list[tuple[int, str, str, str]] = []
    good_rows: list[list[str]] = []
    good_starts: list[int] = []
    for start, record, reason in entries:
        if record is None:
            value = lines[start - 1].rstrip("\r\n")
            bad.append((start, "", value[:200], reason))
            continue
        first = header[0] if width else ""
        if record[0].strip() == first and [r.strip() for r in record] == header:
            joined = delimiter.join(record)
            bad.append((start, "", joined[:200], "a repeated header line, not data"))
        elif width and max(map(len, record)) > MAX_FIELD_CHARS:
            longest = max(range(width), key=lambda i: len(record[i]))
            size = len(record[longest])
            bad.append(
                (
                    start,
                    header[longest],
                    record[longest][:200],
                    f"a field of {size:,} characters, over the limit of {MAX_FIELD_CHARS:,}",
                )
            )
        else:
            good_rows.append(record)
            good_starts.append(start)
    rows = pd.DataFrame(good_rows, columns=header, dtype="string")
    rows.index = pd.Index(good_starts, name="source_row")
    return RawTable(
        header=header,
        rows=rows,
        quarantine=quarantine_frame(bad, name),
        delimiter=delimiter,
        rows_read=len(entries),
        origin=name,
    )
