"""CSV that is safe to open in a spreadsheet, and reversible.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return could run as a formula in Excel or LibreOffice (CSV injection). airdef
writes such a cell with a leading apostrophe, which spreadsheets show as text.
A cell that already begins with an apostrophe gets one more, so reading strips
exactly one and every text comes back as it was.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["escape_cell", "unescape_cell", "escape_frame", "unescape_frame", "write_safe_csv"]

_RISKY = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(text: str) -> str:
    """Prefix an apostrophe to a text a spreadsheet could read as a formula.

    Examples
    --------
    >>> escape_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> escape_cell("Kalibr")
    'Kalibr'
    """
    return "'" + text if text.startswith(_RISKY) else text


def unescape_cell(text: str) -> str:
    """Undo :func:`escape_cell`.

    Examples
    --------
    >>> unescape_cell(escape_cell("'quoted")) == "'quoted"
    True
    """
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r'" else text


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [
        c
        for c in frame.columns
        if pd.api.types.is_string_dtype(frame[c]) or frame[c].dtype == object
    ]


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell escaped (numbers untouched)."""
    out = frame.copy()
    for col in _text_columns(out):
        text = out[col].astype("string")
        risky = text.str.startswith(_RISKY).fillna(False).astype(bool)
        out[col] = text.where(~risky, "'" + text)
    return out


def unescape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`escape_frame` on a table of strings."""
    out = frame.copy()
    for col in _text_columns(out):
        text = out[col].astype("string")
        hit = text.str.match(r"^'[=+\-@\t\r']").fillna(False).astype(bool)
        out[col] = text.where(~hit, text.str.slice(1))
    return out


def write_safe_csv(
    frame: pd.DataFrame, path: str | Path, *, date_format: str = "%Y-%m-%d %H:%M:%S"
) -> Path:
    """Write ``frame`` as UTF-8 CSV with formula-like text cells escaped.

    Times are written with ``date_format``; missing values as empty cells.
    """
    path = Path(path)
    escape_frame(frame).to_csv(path, index=False, date_format=date_format, lineterminator="\n")
    return path
