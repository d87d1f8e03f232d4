"""``airdef validate``: load files, print what was loaded and quarantined."""

from __future__ import annotations

import argparse

from airdef.cli._common import add_input, load_input, table_format, write_table
from airdef.validate import summarize


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="load files and summarize them: rows loaded and quarantined, period, sources, classes",
        description=(
            "Load strike-report files and print rows read, loaded and quarantined (by reason), "
            "the period, sources, weapon classes and labels the catalog does not know. "
            "Exit status 0 when the files load (even with quarantined rows), 2 when one cannot."
        ),
        epilog=(
            "Examples:\n"
            "  airdef validate missile_attacks_daily.csv\n"
            "  airdef validate demo.csv --quarantine quarantine.csv\n"
            "  airdef validate reports.txt --input-format text --quiet"
        ),
    )
    add_input(p, format_flag=True)
    p.add_argument(
        "--quarantine",
        metavar="FILE",
        default=None,
        help="write every quarantined row (file, row, column, value, reason) to FILE: .csv "
        "(spreadsheet-safe), .json, .parquet or .xlsx",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the line of rows read, loaded and quarantined",
    )
    p.set_defaults(func=run, command="validate")


def run(args: argparse.Namespace) -> int:
    if args.quarantine:
        table_format(
            args.quarantine, option="--quarantine"
        )  # an ending that names no format fails before the load
    data = load_input(args)
    summary = summarize(data)
    if args.quiet:
        print(
            f"rows read {summary.rows_read:,}  loaded {summary.rows_loaded:,}  "
            f"quarantined {summary.rows_quarantined:,}"
        )
    else:
        print(summary)
    if args.quarantine:
        path = write_table(data.quarantine, args.quarantine)
        if not args.quiet:
            n = len(data.quarantine)
            print(f"quarantine written to {path} ({n:,} entr{'y' if n == 1 else 'ies'})")
    return 0
