"""Readers of Parquet, JSON and Excel files into text tables, each within limits.

Every reader returns ``{table name: RawTable}`` (``events`` first, then ``casualties``
and ``evidence`` where the file has them), with cells as text, rows numbered as a
person would find them (JSON records from 1, spreadsheet rows as the sheet numbers
them) and rows that cannot be read already in the table's quarantine. Whatever the
underlying library raises for a damaged file becomes one
:class:`~airdef.errors.DataError` naming the file; no library's own wording is passed on.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from airdef.errors import DataError
from airdef.io.csvsafe import unescape_frame
from airdef.io.excel import read_workbook
from airdef.io.limits import MAX_COLUMNS, MAX_FIELD_CHARS, MAX_JSON_DEPTH, MAX_ROWS, check_depth
from airdef.io.tabular import RawTable, quarantine_frame

__all__ = ["TABLES", "frame_to_strings", "read_excel_tables", "read_json_tables", "read_parquet"]

#: Tables a canonical file may hold, the events first.
TABLES = ("events", "casualties", "evidence")


def frame_to_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text (missing stays missing); times as ``YYYY-MM-DD HH:MM:SS.ffffff``.

    Examples
    --------
    >>> frame_to_strings(pd.DataFrame({"n": [1.0, None], "t": pd.to_datetime(["2024-01-02", None])}))
         n                           t
    0  1.0  2024-01-02 00:00:00.000000
    1 <NA>                        <NA>
    """
    out = {}
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[str(col)] = values.dt.strftime("%Y-%m-%d %H:%M:%S.%f").astype("string")
        else:
            if values.dtype == object:
                values = values.map(
                    lambda v: v.isoformat(sep=" ") if hasattr(v, "isoformat") else v
                )
            out[str(col)] = values.astype("string")
    return pd.DataFrame(out, index=frame.index)


def _long_cells(strings: pd.DataFrame, held: set[int]) -> list[tuple[int, str, str, str]]:
    """One entry per row (not already held) with a cell over the length limit."""
    out = []
    for col in strings.columns:
        lengths = strings[col].str.len()
        for row in lengths.index[(lengths > MAX_FIELD_CHARS).fillna(False).to_numpy()]:
            if row not in held:
                held.add(row)
                size = int(lengths[row])
                reason = f"a field of {size:,} characters, over the limit of {MAX_FIELD_CHARS:,}"
                out.append((int(row), str(col), strings.at[row, col][:200], reason))
    return out


def _table(strings: pd.DataFrame, first: int, origin: str, bad: list | None = None) -> RawTable:
    strings = strings.copy()
    strings.index = pd.RangeIndex(first, first + len(strings), name="source_row")
    bad = list(bad or [])
    bad += _long_cells(strings, {b[0] for b in bad})
    quarantine = quarantine_frame(bad, origin)
    if len(quarantine):
        strings = strings.drop(index=quarantine["source_row"].unique())
    return RawTable(
        header=list(strings.columns),
        rows=strings,
        quarantine=quarantine,
        delimiter="",
        rows_read=len(strings) + quarantine["source_row"].nunique(),
        origin=origin,
    )


_NOT_TEXT = object()  # marks a byte cell that is not UTF-8


def _decode_binary(frame: pd.DataFrame, first: int) -> tuple[pd.DataFrame, list]:
    """Decode byte cells as UTF-8; a cell that is not UTF-8 text quarantines its row."""
    bad: list[tuple[int, str, str, str]] = []
    out = frame.copy()
    for col in frame.columns:
        values = frame[col]
        if values.dtype != object or not values.map(type).eq(bytes).any():
            continue

        def text(v):
            if isinstance(v, bytes):
                try:
                    return v.decode("utf-8")
                except UnicodeDecodeError:
                    return _NOT_TEXT
            return v

        decoded = values.map(text)
        for pos in decoded.index[decoded.map(lambda v: v is _NOT_TEXT)]:
            raw = values[pos]
            bad.append(
                (
                    first + int(pos),
                    str(col),
                    raw[:60].hex(" "),
                    f"{col} holds bytes that are not UTF-8 text",
                )
            )
        out[col] = decoded.where(decoded.map(lambda v: v is not _NOT_TEXT), None)
    return out, bad


def read_parquet(data: bytes, name: str) -> RawTable:
    """One Parquet file as a text table (rows numbered from 2, as the CSV it stands for)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not data.startswith(b"PAR1") or not data.endswith(b"PAR1"):
        raise DataError(f"{name}: not a Parquet file (it lacks the Parquet file markers)")
    try:
        handle = pq.ParquetFile(io.BytesIO(data))
        meta = handle.metadata
        if meta.num_rows > MAX_ROWS or meta.num_columns > MAX_COLUMNS:
            raise DataError(
                f"{name}: the table has {meta.num_rows:,} rows and {meta.num_columns:,} "
                f"columns, over the limit of {MAX_ROWS:,} rows and {MAX_COLUMNS:,} columns"
            )
        arrow = handle.read()
        arrow.validate(full=True)  # text columns must hold valid UTF-8
        frame = arrow.to_pandas(
            types_mapper={pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}.get
        )
    except DataError:
        raise
    except (pa.ArrowException, OSError, ValueError, TypeError, KeyError, IndexError):
        raise DataError(f"{name}: not a readable Parquet file (damaged or unsupported)") from None
    frame, bad = _decode_binary(frame, 2)
    return _table(frame_to_strings(frame), 2, name, bad)


_SURROGATE_REASON = "the row holds a lone surrogate escape (such as \\ud800), which is not text"


def _has_surrogate(record: object) -> bool:
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_json_tables(data: bytes, name: str, encoding: str | None = None) -> dict[str, RawTable]:
    """A JSON list of records, or an object of tables, as text tables."""
    try:
        payload = json.loads(data.decode(encoding or "utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(f"{name}: line {line}: the file is not valid UTF-8") from None
    except RecursionError:
        raise DataError(
            f"{name}: the JSON nests tables or lists deeper than the limit of {MAX_JSON_DEPTH}"
        ) from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{name}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except LookupError:
        raise DataError(f"{name}: unknown encoding {encoding!r}") from None
    check_depth(payload, max_depth=MAX_JSON_DEPTH, name=name, what="the JSON")
    if isinstance(payload, list):
        payload = {"events": payload}
    if not isinstance(payload, dict) or not isinstance(payload.get("events", []), list):
        raise DataError(f"{name}: JSON must be a list of rows or an object with an 'events' list")
    tables: dict[str, RawTable] = {}
    for kind in TABLES:
        records = payload.get(kind)
        if kind != "events" and not records:
            continue
        records = records or []
        if not isinstance(records, list):
            raise DataError(f"{name}: {kind!r} must be a list of rows")
        if len(records) > MAX_ROWS:
            raise DataError(f"{name}: {kind!r} has more than {MAX_ROWS:,} rows, over the limit")
        bad = [
            (i + 1, "", json.dumps(r)[:200], "the row is not a JSON object")
            for i, r in enumerate(records)
            if not isinstance(r, dict)
        ]
        if _has_surrogate(records):  # one check of the whole table, then row by row
            bad += [
                (i + 1, "", json.dumps(r)[:200], _SURROGATE_REASON)
                for i, r in enumerate(records)
                if isinstance(r, dict) and _has_surrogate(r)
            ]
        held = {b[0] for b in bad}
        rows = [r if i + 1 not in held else {} for i, r in enumerate(records)]
        width = len({k for r in rows for k in r})
        if width > MAX_COLUMNS:
            raise DataError(f"{name}: {kind!r} has {width:,} columns, over the limit")
        frame = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
        frame = frame.map(lambda v: json.dumps(v) if isinstance(v, list | dict) else v)
        origin = name if kind == "events" else f"{name} ({kind})"
        tables[kind] = _table(frame_to_strings(frame), 1, origin, bad)
    return tables


def read_excel_tables(data: bytes, name: str) -> dict[str, RawTable]:
    """An Excel workbook's ``events`` sheet (else its first) and companion sheets."""
    sheets = read_workbook(data, name)
    if not sheets:
        raise DataError(f"{name}: the workbook has no sheets")
    main = "events" if "events" in sheets else next(iter(sheets))
    tables: dict[str, RawTable] = {}
    for kind, sheet in [("events", main), *[(k, k) for k in TABLES[1:]]]:
        if sheet not in sheets or (kind != "events" and sheet == main):
            continue
        raw = sheets[sheet]
        origin = name if kind == "events" else f"{name} (sheet {sheet})"
        raw.rows = unescape_frame(raw.rows)
        raw.header = list(raw.rows.columns)
        raw.quarantine = raw.quarantine.assign(origin=origin)
        raw.origin = origin
        tables[kind] = raw
    return tables
