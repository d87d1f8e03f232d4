"""Shared command-line options and output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import pandas as pd

from airdef.io import FORMATS

__all__ = ["add_input", "add_selection", "add_output_format", "load_input", "print_frame"]


def add_input(
    parser: argparse.ArgumentParser, *, several: bool = True, format_flag: bool = False
) -> None:
    """PATH argument(s), --input-format and --encoding.

    Commands that print tables use ``--format`` for the output format; commands
    that only read (``validate``, ``load``) also accept ``--format`` for the input
    format (``format_flag=True``).
    """
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+" if several else None,
        help="input file(s): Air Force daily CSV, airdef canonical CSV/Parquet/Excel/JSON, or .txt report",
    )
    flags = ["--input-format", "--format"] if format_flag else ["--input-format"]
    parser.add_argument(
        *flags,
        dest="input_format",
        default="auto",
        choices=FORMATS,
        help="input format (default: detect from the ending and the header)",
    )
    parser.add_argument(
        "--encoding", default=None, help="text encoding of CSV/text input (default UTF-8)"
    )


def add_selection(parser: argparse.ArgumentParser, *, default_source: str = "national") -> None:
    """--since, --until and --source."""
    parser.add_argument(
        "--since", default=None, metavar="DATE", help="keep attacks ending on or after DATE"
    )
    parser.add_argument(
        "--until", default=None, metavar="DATE", help="keep attacks ending on or before DATE"
    )
    parser.add_argument(
        "--source",
        default=default_source,
        choices=("national", "all"),
        help="'national' drops the regional air commands, which report kills only "
        f"(default: {default_source})",
    )


def add_output_format(parser: argparse.ArgumentParser) -> None:
    """--format/--output/-o table|csv|json."""
    parser.add_argument(
        "--format",
        "--output",
        "-o",
        dest="output",
        default="table",
        choices=("table", "csv", "json"),
        help="how to print the result: a table for the terminal, spreadsheet-safe CSV, or JSON "
        "(default: table)",
    )


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


def print_frame(frame: pd.DataFrame, fmt: str, *, file=None, floatfmt: str = "{:.4f}") -> None:
    """Print a table for a terminal, as spreadsheet-safe CSV, or as JSON records."""
    out = file or sys.stdout
    if fmt == "csv":
        from airdef.io.csvsafe import csv_text

        out.write(csv_text(frame))
    elif fmt == "json":
        records = json.loads(frame.to_json(orient="records", date_format="iso"))
        out.write(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    else:
        shown = frame.copy()
        for col in shown.columns:
            if pd.api.types.is_float_dtype(shown[col]):
                shown[col] = shown[col].map(lambda v: "" if pd.isna(v) else floatfmt.format(v))
        out.write(shown.to_string(index=False, na_rep="") + "\n")
