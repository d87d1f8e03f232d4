"""Reading Excel workbooks (``.xlsx``) within limits, cell by cell as text.

The workbook is checked as a zip archive first (a file that is not one is refused
with a plain message, and so is one that would unpack to more than
:data:`~airdef.io.limits.MAX_UNPACKED_BYTES`). Sheets are read row by row in
openpyxl's streaming mode with their declared used range ignored, so a sheet that
claims ``A1:XFD1048576`` costs only the cells it holds; a row wider than
:data:`~airdef.io.limits.MAX_COLUMNS` or a sheet longer than
:data:`~airdef.io.limits.MAX_ROWS` is refused.

Each sheet becomes a :class:`~airdef.io.tabular.RawTable` numbered by spreadsheet
row: blank rows are skipped (they are not rows, as blank lines in a CSV), and a
row with a formula that has no saved value is quarantined rather than read as blank.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
import zlib

import pandas as pd

from airdef.errors import DataError
from airdef.io.limits import MAX_COLUMNS, MAX_FIELD_CHARS, MAX_ROWS, MAX_UNPACKED_BYTES
from airdef.io.tabular import RawTable, quarantine_frame

__all__ = ["MAX_CELLS", "read_workbook"]

#: Most cells read from one workbook (about 1 GB of memory).
MAX_CELLS = 10_000_000

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # zipfile raises many kinds (BadZipFile, NotImplementedError, ...)
        raise DataError(
            f"{name}: not an Excel workbook (.xlsx): the file is damaged or of another kind"
        ) from None
    infos = archive.infolist()
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise DataError(
            f"{name}: the workbook would unpack to {unpacked / 1024**2:,.0f} MB, over the "
            f"limit of {MAX_UNPACKED_BYTES / 1024**2:,.0f} MB"
        )
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise DataError(f"{name}: not an Excel workbook (.xlsx): the archive has no workbook part")
    return archive


def _sheets_with_formulas(archive: zipfile.ZipFile) -> bool:
    for info in archive.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            continue
        tail = b""
        with archive.open(info) as part:
            while chunk := part.read(1 << 20):
                if _FORMULA_TAG.search(tail + chunk):
                    return True
                tail = chunk[-16:]
    return False


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{value:.1f}"
    return str(value)


def _formula_cells(archive_bytes: bytes, sheet: str) -> dict[tuple[int, int], str]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(archive_bytes), read_only=True, data_only=False)
    try:
        ws = book[sheet]
        ws.reset_dimensions()
        found: dict[tuple[int, int], str] = {}
        for r, row in enumerate(ws.iter_rows(), start=1):
            if r > MAX_ROWS:
                break
            for cell in row[:MAX_COLUMNS]:
                if getattr(cell, "data_type", None) == "f":
                    found[(r, cell.column)] = str(cell.value)
        return found
    finally:
        book.close()


def _read_sheet(ws, name: str, sheet: str, formulas: dict[tuple[int, int], str]) -> RawTable:
    origin = name
    header: list[str] | None = None
    header_row = 0
    records: list[list[str | None]] = []
    starts: list[int] = []
    bad: list[tuple[int, str, str, str]] = []
    rows_read = 0
    cells = 0
    ws.reset_dimensions()
    for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if r > MAX_ROWS:
            raise DataError(
                f"{name}: sheet {sheet!r} has more than {MAX_ROWS:,} rows, over the limit"
            )
        if len(row) > MAX_COLUMNS:
            raise DataError(
                f"{name}: sheet {sheet!r}, row {r}: a cell lies beyond column {MAX_COLUMNS:,}, "
                "over the limit"
            )
        texts = [_cell_text(v) for v in row]
        cells += len(texts)
        if cells > MAX_CELLS:
            raise DataError(
                f"{name}: sheet {sheet!r} has more than {MAX_CELLS:,} cells, over the limit"
            )
        blank = all(t is None or not t.strip() for t in texts)
        missing_formula = [
            (c, formulas[(r, c)])
            for c in range(1, len(texts) + 1)
            if (r, c) in formulas and texts[c - 1] is None
        ]
        if blank and not missing_formula:
            continue  # a blank row is not a row
        if header is None:
            while texts and texts[-1] is None:
                texts.pop()
            header = [("" if t is None else t).strip() for t in texts]
            header_row = r
            continue
        rows_read += 1
        width = len(header)
        extra = [t for t in texts[width:] if t is not None and t.strip()]
        long = [i for i, t in enumerate(texts) if t is not None and len(t) > MAX_FIELD_CHARS]
        if missing_formula:
            c, formula = missing_formula[0]
            column = header[c - 1] if c - 1 < width else ""
            bad.append(
                (
                    r,
                    column,
                    formula[:200],
                    "the cell holds a formula with no saved value; open the workbook in a "
                    "spreadsheet, let it calculate and save it (or paste the values)",
                )
            )
        elif extra:
            bad.append(
                (
                    r,
                    "",
                    str(extra[0])[:200],
                    f"the row has cells beyond the header's {width} columns",
                )
            )
        elif long:
            i = long[0]
            column = header[i] if i < width else ""
            bad.append(
                (
                    r,
                    column,
                    str(texts[i])[:200],
                    f"a cell of {len(texts[i]):,} characters, over the limit of "
                    f"{MAX_FIELD_CHARS:,}",
                )
            )
        else:
            padded = texts[:width] + [None] * (width - len(texts[:width]))
            records.append(padded)
            starts.append(r)
    if header is None:
        header = []
    if len(set(header)) != len(header):
        dup = sorted({h for h in header if header.count(h) > 1})
        raise DataError(
            f"{name}: sheet {sheet!r}, row {header_row}: the header repeats the column(s) "
            + ", ".join(dup)
        )
    rows = pd.DataFrame(records, columns=header, dtype="string")
    rows.index = pd.Index(starts, name="source_row")
    return RawTable(
        header=header,
        rows=rows,
        quarantine=quarantine_frame(bad, origin),
        delimiter="",
        rows_read=rows_read,
    )


def read_workbook(data: bytes, name: str) -> dict[str, RawTable]:
    """Read every sheet of an ``.xlsx`` workbook as text tables, within limits.

    Parameters
    ----------
    data : bytes
        The workbook file.
    name : str
        The file name used in messages.

    Returns
    -------
    dict of str to RawTable
        Sheet name -> table, in workbook order.

    Raises
    ------
    DataError
        When the file is not a workbook or is over a limit.
    """
    import openpyxl

    archive = _open_zip(data, name)
    try:
        has_formulas = _sheets_with_formulas(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise DataError(
            f"{name}: not a readable Excel workbook (.xlsx): a part of the archive is damaged"
        ) from None
    finally:
        archive.close()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DataError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise DataError(
            f"{name}: not a readable Excel workbook (.xlsx) ({type(exc).__name__})"
        ) from None
    try:
        tables = {}
        for sheet in book.sheetnames:
            formulas = _formula_cells(data, sheet) if has_formulas else {}
            tables[sheet] = _read_sheet(book[sheet], name, sheet, formulas)
        return tables
    except DataError:
        raise
    except Exception as exc:
        raise DataError(
            f"{name}: not a readable Excel workbook (.xlsx) ({type(exc).__name__})"
        ) from None
    finally:
        book.close()
