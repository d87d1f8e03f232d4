"""``airdef load``: convert any supported input to airdef's canonical format."""

from __future__ import annotations

import argparse

from airdef.cli._common import add_input, load_input


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "load",
        help="convert input files to airdef's canonical format (CSV, Parquet, Excel or JSON)",
        description=(
            "Load one or more inputs (Air Force CSV, canonical files, .txt reports), combine them "
            "and write the canonical events (and casualties) to OUT; the ending of OUT chooses "
            "the format. Without --out, print the summary only."
        ),
    )
    add_input(p, format_flag=True)
    p.add_argument(
        "--out", metavar="OUT", help="canonical file to write (.csv, .parquet, .xlsx, .json)"
    )
    p.set_defaults(func=run, command="load")


def run(args: argparse.Namespace) -> int:
    data = load_input(args)
    print(data.summary())
    if args.out:
        for path in data.write(args.out):
            print(f"wrote {path}")
    return 0
