"""``airdef fetch``: download the public Air Force dataset into ``data/raw/``."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from airdef.fetch import DEFAULT_URL


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "fetch",
        help="download the 'Massive Missile Attacks on Ukraine' dataset into data/raw/",
        description=(
            "Download the public 'Massive Missile Attacks on Ukraine' dataset (Petro Ivaniuk, "
            "Kaggle) and keep missile_attacks_daily.csv in OUT, with SOURCE.txt recording the "
            "URL, time and sha256. The default URL is the Kaggle download endpoint, which may "
            "want an API token (set KAGGLE_USERNAME and KAGGLE_KEY); --url accepts any URL of "
            "the CSV or of a zip holding missile_attacks_daily.csv. The data's licence is "
            "unverified: do not commit or redistribute it."
        ),
        epilog=(
            "Examples:\n"
            "  airdef fetch\n"
            "  airdef fetch --url file:///path/to/copy.zip --sha256 HEX --out data/raw"
        ),
    )
    p.add_argument("--url", default=DEFAULT_URL, help="where to download from (default: Kaggle)")
    p.add_argument(
        "--out", default="data/raw", metavar="DIR", help="folder to write to (default: data/raw)"
    )
    p.add_argument(
        "--sha256",
        default=None,
        metavar="HEX",
        help="expected sha256 of the CSV (or of the zip); on a mismatch nothing is kept",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="give up when the server sends nothing for this long (default: 60)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing but errors: no progress, no summary of what was written",
    )
    p.set_defaults(func=run, command="fetch")


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"  # pragma: no cover


class _Bar:
    """Progress on one terminal line of ``stream``, or nothing when it is not a terminal
    or ``shown`` is false."""

    def __init__(self, stream: TextIO, *, shown: bool = True) -> None:
        self.stream = stream
        self.wanted = shown
        self.shown = False

    def __call__(self, done: int, total: int | None) -> None:
        if not self.wanted or not self.stream.isatty():
            return
        text = f"downloading {_size(done)}"
        if total:
            text += f" of {_size(total)} ({100 * done / total:.0f}%)"
        self.stream.write(f"\r{text:<50}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from airdef.fetch import SOURCE_FILE, fetch_dataset, read_source_record

    bar = _Bar(sys.stderr, shown=not args.quiet)
    try:
        path = fetch_dataset(
            args.url, args.out, sha256=args.sha256, timeout=args.timeout, progress=bar
        )
    finally:
        bar.close()
    if args.quiet:
        return 0
    record = read_source_record(path.parent) or {}
    print(f"wrote {path} ({int(record.get('bytes', 0)):,} bytes)")
    print(f"sha256 {record.get('sha256', '')}")
    if args.sha256:
        print("sha256 verified")
    print(f"source recorded in {path.parent / SOURCE_FILE}")
    print("licence unverified: attribute Petro Ivaniuk / Kaggle and do not redistribute the file")
    return 0
