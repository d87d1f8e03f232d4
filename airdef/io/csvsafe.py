"""Text cells that are safe in a spreadsheet, and reversible.

Every text cell airdef writes to CSV or Excel goes through :func:`escape_frame`
(or :func:`escape_cell`), which makes three reversible changes:

1. A line that begins with ``=``, ``+``, ``-``, ``@``, a tab or an apostrophe
   (or the full-width ``＝ ＋ － ＠``) gets a leading apostrophe, so no spreadsheet
   reads it as a formula (CSV injection). This holds for the cell's first line and
   for every line after a line feed inside the cell.
2. A carriage return and the other control characters that XML cannot hold are
   written as ``_xHHHH_`` (the Office Open XML escape, which Excel decodes); a
   literal ``_xHHHH_`` in the text is written ``_x005F_xHHHH_``. A bare ``\\r`` can
   therefore never start a new spreadsheet row.
3. CSV is written with ``\\r\\n`` line ends, so the csv writer quotes every cell that
   holds a line feed.

:func:`unescape_frame` undoes all three, so load -> write -> load gives identical tables.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import IO

import pandas as pd

__all__ = [
    "FORMULA_PREFIXES",
    "escape_cell",
    "unescape_cell",
    "escape_frame",
    "unescape_frame",
    "csv_text",
    "write_safe_csv",
]

#: Characters that make a spreadsheet read a line as a formula (and the apostrophe,
#: so that escaping stays reversible).
FORMULA_PREFIXES = "=+-@\t'\uff1d\uff0b\uff0d\uff20"

_RISKY_CLASS = "[" + re.escape(FORMULA_PREFIXES) + "]"
_LINE_START = re.compile(r"(^|\n)(?=" + _RISKY_CLASS + ")")
_LINE_START_ESCAPED = re.compile(r"(^|\n)'(?=" + _RISKY_CLASS + ")")
_CONTROL = re.compile("[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")
_LITERAL_X = re.compile(r"_x(?=[0-9A-Fa-f]{4}_)")
_X_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _encode_control(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def _decode_control(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def escape_cell(text: str) -> str:
    """Make one text safe for a spreadsheet (see the module notes); reversible.

    Examples
    --------
    >>> escape_cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> escape_cell("Kalibr")
    'Kalibr'
    >>> escape_cell("ok\\r=cmd|' /C calc'!A0")
    "ok_x000D_=cmd|' /C calc'!A0"
    >>> escape_cell("two\\n@lines")
    "two\\n'@lines"
    """
    text = _LITERAL_X.sub("_x005F_x", text)
    text = _CONTROL.sub(_encode_control, text)
    return _LINE_START.sub(r"\1'", text)


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell`.

    Examples
    --------
    >>> all(unescape_cell(escape_cell(t)) == t
    ...     for t in ["'quoted", "a\\r\\n=b", "_x0041_", "\\x01", "-5", ""])
    True
    """
    text = _LINE_START_ESCAPED.sub(r"\1", text)
    return _X_ESCAPE.sub(_decode_control, text)


def _text_columns(frame: pd.DataFrame) -> list:
    return [
        c
        for c in frame.columns
        if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object
    ]


def _escape_series(values: pd.Series) -> pd.Series:
    if values.dtype == object:
        # Mixed columns keep their numbers and times; only the text cells change.
        return values.map(lambda v: escape_cell(v) if isinstance(v, str) else v)
    text = values.astype("string")
    if text.str.contains("_x", regex=False).any():
        text = text.str.replace(_LITERAL_X, "_x005F_x", regex=True)
    if text.str.contains(_CONTROL).any():
        text = text.str.replace(_CONTROL, _encode_control, regex=True)
    return text.str.replace(_LINE_START, r"\1'", regex=True)


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell escaped (numbers and times untouched).

    Column names are text cells too and are escaped the same way.
    """
    out = frame.copy()
    for col in _text_columns(out):
        out[col] = _escape_series(out[col])
    out.columns = [escape_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def unescape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`escape_frame` on a table of strings (column names included)."""
    out = frame.copy()
    for col in _text_columns(out):
        text = out[col].astype("string")
        text = text.str.replace(_LINE_START_ESCAPED, r"\1", regex=True)
        if text.str.contains("_x", regex=False).any():
            text = text.str.replace(_X_ESCAPE, _decode_control, regex=True)
        out[col] = text
    out.columns = [unescape_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def _write_csv(frame: pd.DataFrame, target: IO[str] | Path, date_format: str) -> None:
    escape_frame(frame).to_csv(
        target,
        index=False,
        date_format=date_format,
        lineterminator="\r\n",
        quoting=csv.QUOTE_MINIMAL,
    )


def csv_text(frame: pd.DataFrame, *, date_format: str = "%Y-%m-%d %H:%M:%S") -> str:
    """``frame`` as spreadsheet-safe CSV text (for printing).

    Examples
    --------
    >>> csv_text(pd.DataFrame({"label": ["=1+1", "a\\nb"]}))
    'label\\r\\n\\'=1+1\\r\\n"a\\nb"\\r\\n'
    """
    buf = io.StringIO()
    _write_csv(frame, buf, date_format)
    return buf.getvalue()


def write_safe_csv(
    frame: pd.DataFrame, path: str | Path, *, date_format: str = "%Y-%m-%d %H:%M:%S"
) -> Path:
    """Write ``frame`` as UTF-8 CSV with every text cell escaped (see the module notes).

    Times are written with ``date_format``; missing values as empty cells.
    """
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        _write_csv(frame, handle, date_format)
    return path
