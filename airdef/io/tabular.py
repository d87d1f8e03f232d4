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
from dataclasses import dataclass

import pandas as pd

from airdef.errors import DataError

__all__ = ["RawTable", "decode", "read_table_text"]

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
    """

    header: list[str]
    rows: pd.DataFrame
    quarantine: pd.DataFrame
    delimiter: str
    rows_read: int


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


def read_table_text(text: str, name: str) -> RawTable:
    """Split the text of a delimited table into header, rows and quarantine.

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
    """
    if not text.strip():
        raise DataError(f"{name}: the file is empty")
    first = text.lstrip("\ufeff").splitlines()[0]
    delimiter = _detect_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records: list[list[str]] = []
    starts: list[int] = []
    bad: list[tuple[int, str, str, str]] = []
    header: list[str] | None = None
    header_line = 0
    line_before = 0
    try:
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
            starts.append(start)
    except csv.Error as exc:  # pragma: no cover - the csv module is lenient with strict=False
        raise DataError(f"{name}: line {line_before + 1}: {exc}") from None
    if header is None:
        raise DataError(f"{name}: the file is empty")
    if len(set(header)) != len(header):
        dup = sorted({h for h in header if header.count(h) > 1})
        raise DataError(
            f"{name}: line {header_line}: the header repeats the column(s) {', '.join(dup)}"
        )
    width = len(header)
    unterminated = text.count('"') % 2 == 1 and bool(records)
    good_rows: list[list[str]] = []
    good_starts: list[int] = []
    for i, (start, record) in enumerate(zip(starts, records, strict=True)):
        joined = delimiter.join(record)
        if unterminated and i == len(records) - 1:
            reason = f"an unterminated quoted field runs from line {start} to the end of the file"
            bad.append((start, "", joined[:200], reason))
        elif [r.strip() for r in record] == header:
            bad.append((start, "", joined[:200], "a repeated header line, not data"))
        elif len(record) != width:
            s = "" if len(record) == 1 else "s"
            reason = f"the row has {len(record)} field{s} where the header has {width}"
            bad.append((start, "", joined[:200], reason))
        else:
            good_rows.append(record)
            good_starts.append(start)
    rows = pd.DataFrame(good_rows, columns=header, dtype="string")
    rows.index = pd.Index(good_starts, name="source_row")
    quarantine = pd.DataFrame(bad, columns=["source_row", "column", "value", "reason"])
    quarantine.insert(0, "origin", name)
    return RawTable(
        header=header,
        rows=rows,
        quarantine=quarantine,
        delimiter=delimiter,
        rows_read=len(records),
    )
