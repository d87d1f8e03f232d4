"""Writing one table as CSV, Excel, Parquet or JSON, safely.

:func:`write_table` is the one way airdef writes a result table to a file. CSV and
Excel text cells go through :func:`airdef.io.csvsafe.escape_frame`, so no cell or
line inside a cell can start a formula and no carriage return can start a
spreadsheet row; Parquet and JSON keep text exactly as it is. :func:`read_table`
reads any of them back as text, undoing the escapes, so an export can be checked
against its table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from airdef.errors import DataError
from airdef.io.csvsafe import escape_frame, unescape_frame, write_safe_csv
from airdef.io.limits import read_limited
from airdef.io.readers import frame_to_strings, read_parquet
from airdef.io.tabular import decode, read_table_text

__all__ = ["EXPORT_FORMATS", "export_format", "read_table", "write_table"]

#: Export formats and the file endings that choose them.
EXPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "xlsx": (".xlsx",),
    "parquet": (".parquet", ".pq"),
    "json": (".json",),
}

#: The most rows an Excel sheet holds (the header takes one more).
_EXCEL_ROWS = 1_048_575


def export_format(path: str | Path, format: str = "auto") -> str:
    """The export format for ``path``: ``format`` if given, else from the file ending.

    Examples
    --------
    >>> export_format("tables/rates.xlsx")
    'xlsx'
    >>> export_format("rates.txt")
    Traceback (most recent call last):
    ...
    ValueError: rates.txt: cannot tell the format from the ending .txt; use .csv, .xlsx, .parquet or .json
    """
    if format != "auto":
        if format not in EXPORT_FORMATS:
            raise ValueError(
                f"format must be one of auto, {', '.join(EXPORT_FORMATS)}; not {format!r}"
            )
        return format
    suffix = Path(path).suffix.lower()
    for fmt, endings in EXPORT_FORMATS.items():
        if suffix in endings:
            return fmt
    raise ValueError(
        f"{path}: cannot tell the format from the ending {suffix or '(none)'}; "
        "use .csv, .xlsx, .parquet or .json"
    )


def _for_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if values.dtype == object:
            kinds = set(values.dropna().map(type))
            if len(kinds) > 1 or (kinds and not kinds <= {str, bytes, bool, int, float}):
                out[col] = frame_to_strings(values.to_frame())[str(col)]
    out.columns = [str(c) for c in out.columns]
    return out


def write_table(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    format: str = "auto",
    sheet_name: str = "table",
    date_format: str = "%Y-%m-%d %H:%M:%S",
) -> Path:
    """Write one table to ``path`` as CSV, Excel, Parquet or JSON.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; its index is not written.
    path : str or Path
        The file to write; its ending chooses the format unless ``format`` is given.
    format : {"auto", "csv", "xlsx", "parquet", "json"}
    sheet_name : str
        The Excel sheet's name.
    date_format : str
        How CSV writes times (Excel, Parquet and JSON keep them as times).

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> table = pd.DataFrame({"label": ["=1+1", "Kalibr"], "n": [3, 4]})
    >>> write_table(table, folder / "t.csv").read_bytes()
    b"label,n\\r\\n'=1+1,3\\r\\nKalibr,4\\r\\n"
    >>> read_table(folder / "t.csv")["label"].tolist()
    ['=1+1', 'Kalibr']
    """
    path = Path(path)
    fmt = export_format(path, format)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        return write_safe_csv(frame, path, date_format=date_format)
    if fmt == "xlsx":
        if len(frame) > _EXCEL_ROWS:
            raise DataError(
                f"{path}: {len(frame):,} rows do not fit in an Excel sheet "
                f"({_EXCEL_ROWS:,} at most); write CSV or Parquet instead"
            )
        table = escape_frame(frame)
        for col in table.columns:
            if isinstance(table[col].dtype, pd.DatetimeTZDtype):
                table[col] = table[col].dt.tz_localize(None)
        with pd.ExcelWriter(path, engine="openpyxl") as book:
            table.to_excel(book, sheet_name=sheet_name[:31] or "table", index=False)
        return path
    if fmt == "parquet":
        _for_parquet(frame).to_parquet(path, index=False)
        return path
    records = json.loads(
        frame.to_json(orient="records", date_format="iso", date_unit="us", force_ascii=False)
    )
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def read_table(path: str | Path, *, format: str = "auto") -> pd.DataFrame:
    """Read a table written by :func:`write_table` back as text (escapes undone).

    Cells are strings (missing stays missing); rows are numbered from 0.
    """
    from airdef.io.excel import read_workbook

    path = Path(path)
    fmt = export_format(path, format)
    name = str(path)
    data = read_limited(path)
    if fmt == "csv":
        raw = read_table_text(decode(data, name), name)
        if len(raw.quarantine):
            first = raw.quarantine.iloc[0]
            raise DataError(f"{name}: line {first['source_row']}: {first['reason']}")
        table = unescape_frame(raw.rows)
    elif fmt == "xlsx":
        raw = next(iter(read_workbook(data, name).values()))
        table = unescape_frame(raw.rows)
    elif fmt == "parquet":
        table = read_parquet(data, name).rows
    else:
        records = json.loads(data.decode("utf-8"))
        table = frame_to_strings(pd.DataFrame(records, dtype=object))
    return table.reset_index(drop=True)
