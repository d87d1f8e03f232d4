"""Shared command-line options and output.

Every subcommand builds its options from the ``add_*`` functions here, so that
one option has one name, one meaning and one check across the commands:
``--input-format`` for what is read, ``--format`` for what is printed or
written, ``--since/--until/--source`` for the selection and ``--by``,
``--method``, ``--level``, ``--outcome`` and ``--seed`` for an analysis.
Their values are checked in :mod:`airdef.cli._checks`.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from airdef.cli._checks import UsageError, check_canonical_ending, check_columns
from airdef.io import FORMATS

__all__ = [
    "TABLE_FORMATS",
    "UsageError",
    "add_analysis",
    "add_input",
    "add_output_file",
    "add_output_format",
    "add_selection",
    "check_canonical_ending",
    "check_columns",
    "emit",
    "load_input",
    "note_line",
    "print_frame",
    "split_by",
    "write_table",
]

#: File endings of the tables ``--out`` writes, by format.
TABLE_FORMATS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "json": (".json",),
    "parquet": (".parquet", ".pq"),
    "excel": (".xlsx",),
}


# -- options ------------------------------------------------------------------------------------


class _DeprecatedInputFormat(argparse.Action):
    """``--format`` meaning the input format, as ``validate`` and ``load`` once had it."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        namespace.input_format = values
        notes = list(getattr(namespace, "deprecations", None) or [])
        notes.append(f"{option_string} for the input format is deprecated; use --input-format")
        namespace.deprecations = notes


def add_input(
    parser: argparse.ArgumentParser, *, several: bool = True, format_flag: bool = False
) -> None:
    """PATH argument(s), ``--input-format`` and ``--encoding``.

    With ``format_flag=True`` the command also accepts ``--format`` for the input
    format, a deprecated spelling kept working: it is hidden from ``--help`` and
    prints a one-line note.
    """
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+" if several else None,
        help="input file(s): Air Force daily CSV, airdef canonical CSV/Parquet/Excel/JSON, "
        "or .txt report",
    )
    parser.add_argument(
        "--input-format",
        dest="input_format",
        default="auto",
        choices=FORMATS,
        help="input format (default: auto, from the file ending and the header)",
    )
    if format_flag:
        parser.add_argument(
            "--format",
            dest="input_format",
            choices=FORMATS,
            action=_DeprecatedInputFormat,
            help=argparse.SUPPRESS,
        )
    parser.add_argument(
        "--encoding", default=None, help="text encoding of CSV/text input (default UTF-8)"
    )


def _date(text: str) -> str:
    """An argparse type: a date or time pandas can read, kept as the text given."""
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD")
    if stamp.tzinfo is not None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has a time zone; the reports' times are local: use YYYY-MM-DD or "
            "YYYY-MM-DD HH:MM"
        )
    return text


def add_selection(parser: argparse.ArgumentParser, *, default_source: str = "national") -> None:
    """``--since``, ``--until`` and ``--source``."""
    parser.add_argument(
        "--since",
        default=None,
        type=_date,
        metavar="DATE",
        help="keep attacks ending on or after DATE (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--until",
        default=None,
        type=_date,
        metavar="DATE",
        help="keep attacks ending on or before DATE (the whole day)",
    )
    parser.add_argument(
        "--source",
        default=default_source,
        choices=("national", "all"),
        help="'national' drops the regional air commands, which report kills only "
        f"(default: {default_source})",
    )


def _default(function: Callable, name: str):
    return inspect.signature(function).parameters[name].default


def add_analysis(parser: argparse.ArgumentParser, function: Callable) -> None:
    """``--by``, ``--method``, ``--level``, ``--outcome`` and ``--seed``, with the
    defaults of ``function`` (so the command and the Python call agree)."""
    from airdef.rates import RATE_METHODS

    by = _default(function, "by")
    by = by if isinstance(by, str) else ",".join(by)
    parser.add_argument(
        "--by",
        default=by,
        metavar="COLUMNS",
        help=f"column(s) to group by, comma-separated (default: {by}; e.g. weapon, "
        "weapon_class, weapon_class,reporter; '' for one overall row)",
    )
    parser.add_argument(
        "--method",
        default=_default(function, "method"),
        choices=RATE_METHODS,
        metavar="METHOD",
        help="interval method: " + ", ".join(RATE_METHODS) + " (default: auto)",
    )
    level = _default(function, "confidence_level")
    parser.add_argument(
        "--level",
        type=float,
        default=level,
        metavar="P",
        help=f"confidence level, between 0 and 1 (default: {level})",
    )
    parser.add_argument(
        "--outcome",
        default=_default(function, "outcome"),
        choices=("intercepted", "neutralized"),
        help="what counts as a success: intercepted, or neutralized (intercepted + suppressed "
        "by electronic warfare) (default: intercepted)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=_default(function, "seed"),
        help="seed of the cluster bootstrap (default: 0)",
    )


def add_output_format(parser: argparse.ArgumentParser, *, files: bool = False) -> None:
    """``--format`` (alias ``--output``, ``-o``): table, csv or json on stdout.

    With ``files=True`` the command also has ``--out FILE`` (see
    :func:`add_output_file`) and ``--format`` accepts parquet and excel for it.
    """
    choices = ("table", "csv", "json", *(("parquet", "excel") if files else ()))
    parser.add_argument(
        "--format",
        "--output",
        "-o",
        dest="output",
        default="table",
        choices=choices,
        metavar="FORMAT",
        help="table (for the terminal, the default), csv (spreadsheet-safe) or json"
        + ("; with --out also parquet or excel, else the ending of --out chooses" if files else ""),
    )
    if files:
        add_output_file(parser)


def add_output_file(parser: argparse.ArgumentParser) -> None:
    """``--out FILE``: write the table to a file instead of printing it."""
    parser.add_argument(
        "--out",
        default=None,
        metavar="FILE",
        help="write the table to FILE: .csv (spreadsheet-safe), .json, .parquet or .xlsx",
    )


def split_by(text: str) -> list[str]:
    """``--by`` text as a list of column names."""
    return [c.strip() for c in text.split(",") if c.strip()]


# -- input and output ---------------------------------------------------------------------------


def load_input(args: argparse.Namespace):
    """Load the PATH arguments, then apply --since/--until/--source if present."""
    from airdef.io import load

    paths: Sequence[str] = args.paths if isinstance(args.paths, list) else [args.paths]
    data = load(
        paths if len(paths) > 1 else paths[0], format=args.input_format, encoding=args.encoding
    )
    if any(hasattr(args, k) for k in ("since", "until", "source")):
        data = data.select(
            since=getattr(args, "since", None),
            until=getattr(args, "until", None),
            source=getattr(args, "source", "all"),
        )
    return data


def table_format(path: str | Path, fmt: str = "auto", *, option: str = "--out") -> str:
    """The format a table written to ``path`` takes: ``fmt``, or from the ending.

    Raises
    ------
    UsageError
        When ``fmt`` is ``auto`` (or ``table``) and the ending names no format;
        the message names ``option``.
    """
    if fmt not in ("auto", "table"):
        return fmt
    suffix = Path(path).suffix.lower()
    for name, endings in TABLE_FORMATS.items():
        if suffix in endings:
            return name
    hint = ", or give --format" if option == "--out" else ""
    raise UsageError(
        f"{option}: cannot tell the format from the ending {suffix or '(none)'} of {path}; "
        f"use .csv, .json, .parquet or .xlsx{hint}"
    )


def write_table(frame: pd.DataFrame, path: str | Path, fmt: str = "auto") -> Path:
    """Write one table as CSV (spreadsheet-safe), JSON records, Parquet or Excel.

    Every table the command line writes goes through here; CSV, Excel and Parquet are
    written by :func:`airdef.io.export.write_table`, which makes every text cell safe
    in a spreadsheet.
    """
    from airdef.io.export import write_table as export_table

    path = Path(path)
    fmt = table_format(path, fmt)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        path.write_text(_json_records(frame), encoding="utf-8")
        return path
    return export_table(frame, path, format="xlsx" if fmt == "excel" else fmt)


def _json_records(frame: pd.DataFrame) -> str:
    records = json.loads(frame.to_json(orient="records", date_format="iso"))
    return json.dumps(records, indent=1, ensure_ascii=False) + "\n"


def print_frame(frame: pd.DataFrame, fmt: str, *, file=None, floatfmt: str = "{:.4f}") -> None:
    """Print a table for a terminal, as spreadsheet-safe CSV, or as JSON records."""
    out = file or sys.stdout
    if fmt == "csv":
        from airdef.io.csvsafe import csv_text

        out.write(csv_text(frame))
    elif fmt == "json":
        out.write(_json_records(frame))
    elif fmt in ("parquet", "excel"):
        raise UsageError(f"--format {fmt} writes a file: give --out FILE as well")
    else:
        shown = frame.copy()
        for col in shown.columns:
            if pd.api.types.is_float_dtype(shown[col]):
                shown[col] = shown[col].map(lambda v: "" if pd.isna(v) else floatfmt.format(v))
        out.write(shown.to_string(index=False, na_rep="") + "\n")


def note_line(labels: Sequence[object], text: str) -> str:
    """``note: GROUP: TEXT`` for a row of a table, without repeating a group the text
    already begins with (or naming no group for the one overall row)."""
    group = " / ".join(map(str, labels))
    if not group or text.startswith(f"{group}:"):
        return f"note: {text}"
    return f"note: {group}: {text}"


def emit(frame: pd.DataFrame, args: argparse.Namespace) -> bool:
    """Write ``frame`` to ``--out`` or print it as CSV/JSON; False when the command
    should print its own terminal table instead."""
    out = getattr(args, "out", None)
    if out:
        path = write_table(frame, out, args.output)
        if not getattr(args, "quiet", False):
            print(f"wrote {path} ({len(frame):,} rows)")
        return True
    if args.output != "table":
        print_frame(frame, args.output)
        return True
    return False
