"""``airdef report``: the analyst report in HTML and PDF, with the tables behind it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from airdef.cli._common import add_selection


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write the analyst report (HTML and PDF) and the tables behind it",
        description=(
            "Estimate interception rates, trends, period comparisons, casualties and munition "
            "needs from strike reports, and write them as one self-contained HTML page and an A4 "
            "PDF, with the tables as spreadsheet-safe CSV in OUT/tables/. Without PATH the report "
            "uses the fetched dataset in data/raw/ if there is one (see 'airdef fetch'), else the "
            "bundled table of attack nights compiled from public reports (--sample synthetic "
            "for the synthetic sample, which is marked so on every page)."
        ),
        epilog="Example: airdef report data/raw/missile_attacks_daily.csv --since 2025-01-01 "
        "--target-rate 0.9",
    )
    p.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        help="input file(s) in any format airdef reads (default: data/raw/ or the bundled public-reports table)",
    )
    p.add_argument(
        "--out", default="reports", metavar="DIR", help="output folder (default: reports)"
    )
    p.add_argument(
        "--format",
        dest="formats",
        default="html,pdf",
        metavar="FORMATS",
        help="comma-separated: html, pdf (default: html,pdf)",
    )
    p.add_argument("--title", default=None, help="report title (default: one naming the data)")
    add_selection(p)
    p.add_argument(
        "--doctrine",
        default=None,
        metavar="FILE",
        help="doctrine TOML file for the needs (default: the bundled airdef/data/doctrine.toml)",
    )
    p.add_argument(
        "--horizon",
        type=int,
        default=30,
        metavar="DAYS",
        help="days ahead for the needs (default 30)",
    )
    p.add_argument(
        "--target-rate",
        type=float,
        default=None,
        metavar="RATE",
        help="add what reaching this interception rate in every class would take (0-1)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of every random draw (default 0)")
    p.add_argument(
        "--draws", type=int, default=10_000, help="Monte Carlo draws of the needs (default 10,000)"
    )
    p.add_argument(
        "--level",
        type=float,
        default=0.95,
        metavar="LEVEL",
        help="confidence level of every interval of a rate (default 0.95)",
    )
    p.add_argument(
        "--compare-days",
        type=int,
        default=90,
        metavar="DAYS",
        help="length of each of the two periods compared: the latest DAYS and the DAYS "
        "before (default 90)",
    )
    p.add_argument(
        "--window-days",
        type=int,
        default=90,
        metavar="DAYS",
        help="days of recent data behind the launch forecast and the needs (default 90)",
    )
    p.add_argument(
        "--interval",
        type=float,
        default=0.9,
        metavar="P",
        help="probability of the Monte Carlo intervals of the needs (default 0.9)",
    )
    p.add_argument(
        "--claims",
        default=None,
        metavar="FILE",
        help="claims file (TOML) to check against the data (default: the bundled example, "
        "on real data only)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing but errors (no progress, no list of files written)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show each step with its time on stderr (default: when stderr is a terminal)",
    )
    p.add_argument(
        "--sample",
        choices=("public", "synthetic"),
        default=None,
        help="without PATH: the bundled table compiled from public reports (the default "
        "when nothing was fetched) or the synthetic sample with its true rates",
    )
    p.set_defaults(func=run, command="report")


def default_inputs(sample: str | None = None) -> tuple[list[Path], str, bool]:
    """The inputs of ``airdef report`` without PATH, a line saying which they are, and
    whether that line must be shown (always for a fetched dataset).

    Without ``sample``: the fetched dataset in ``data/raw/`` if there is one, else the
    bundled table compiled from public reports. ``sample="public"`` or ``"synthetic"``
    chooses a bundled sample whatever was fetched.
    """
    from airdef.fetch import raw_dataset_path
    from airdef.samples import PUBLIC_REPORTS, sample_files, sample_path

    raw = raw_dataset_path() if sample is None else None
    if raw is not None:
        return [raw], f"using the fetched dataset {raw} (give PATH to report on other data)", True
    if sample == "synthetic":
        said = "using the bundled synthetic sample (method checks); give PATH for your own data"
        return sample_files(), said, False
    said = "using the bundled table compiled from public reports; give PATH for your own data"
    return [sample_path(PUBLIC_REPORTS)], said, False


#: The command-line option of each ReportOptions field, for error messages.
OPTION_NAMES: dict[str, str] = {
    "confidence_level": "--level",
    "compare_days": "--compare-days",
    "window_days": "--window-days",
    "interval": "--interval",
    "horizon_days": "--horizon",
    "target_rate": "--target-rate",
    "draws": "--draws",
    "source": "--source",
}


def _in_cli_words(exc: ValueError) -> ValueError:
    """The error with the option's command-line name in place of the parameter's."""
    text = str(exc)
    for name, option in OPTION_NAMES.items():
        if text.startswith(f"{name} "):
            return ValueError(option + text[len(name) :])
    return exc


def run(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")  # a command line never needs a display
    from airdef.report import build_report

    paths: list[Path] = [Path(p) for p in args.paths]
    if not paths:
        paths, said, always = default_inputs(args.sample)
        shown = args.progress if args.progress is not None else sys.stderr.isatty()
        if (always or shown) and not args.quiet:
            print(f"airdef report: {said}", file=sys.stderr)
    try:
        files = build_report(
            paths,
            args.out,
            formats=args.formats,
            title=args.title,
            since=args.since,
            until=args.until,
            source=args.source,
            doctrine=args.doctrine,
            horizon_days=args.horizon,
            target_rate=args.target_rate,
            seed=args.seed,
            draws=args.draws,
            confidence_level=args.level,
            compare_days=args.compare_days,
            window_days=args.window_days,
            interval=args.interval,
            claims=args.claims,
            progress=False if args.quiet else args.progress,
        )
    except ValueError as exc:
        raise _in_cli_words(exc) from None
    if args.quiet:
        return 0
    reports = [f for f in files if f.suffix in (".html", ".pdf")]
    tables = [f for f in files if f.suffix == ".csv"]
    folder = tables[0].parent if tables else Path(args.out) / "tables"
    print(
        "wrote "
        + ", ".join(str(f) for f in reports)
        + (
            f" and {len(tables)} table{'s' if len(tables) != 1 else ''} in {folder}{'/'}"
            if tables
            else ""
        )
    )
    return 0
