"""``airdef load``: convert any supported input to airdef's canonical format."""

from __future__ import annotations

import argparse

from airdef.cli._common import add_input, check_canonical_ending, load_input
from airdef.io.canonical import write_canonical
from airdef.validate import summarize


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "load",
        help="convert input files to airdef's canonical format (CSV, Parquet, Excel or JSON)",
        description=(
            "Load one or more inputs (Air Force CSV, canonical files, .txt reports), combine them "
            "and write the canonical events (and casualties) to OUT; the ending of OUT chooses "
            "the format. Without --out, print the summary only."
        ),
        epilog=(
            "Examples:\n"
            "  airdef load missile_attacks_daily.csv reports.txt --out combined.parquet\n"
            "  airdef load combined.parquet --out combined.xlsx --quiet"
        ),
    )
    add_input(p, format_flag=True)
    p.add_argument(
        "--out", metavar="OUT", help="canonical file to write (.csv, .parquet, .xlsx, .json)"
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing but errors (no summary)"
    )
    p.set_defaults(func=run, command="load")


def run(args: argparse.Namespace) -> int:
    if args.out:
        check_canonical_ending(args.out)
    data = load_input(args)
    if not args.quiet:
        print(summarize(data))
    if args.out:
        for path in write_canonical(data, args.out):
            if not args.quiet:
                print(f"wrote {path}")
    return 0
