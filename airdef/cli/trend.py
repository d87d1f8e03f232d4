"""``airdef trend``: rates per period and a trend per year."""

from __future__ import annotations

import argparse

from airdef.cli._common import (
    add_analysis,
    add_input,
    add_output_format,
    add_selection,
    check_columns,
    emit,
    load_input,
    note_line,
    print_frame,
    split_by,
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    from airdef.rates import rate_trend
    from airdef.rates.trend import FREQUENCIES

    p = sub.add_parser(
        "trend",
        help="rates per month (or other period) and the trend per year of each group",
        description=(
            "Interception rates per period with confidence intervals, and per group a binomial "
            "GLM of the rate on time with standard errors robust to correlation within an attack, "
            "reported as an odds ratio per year. Changes in the definition of 'intercepted' found "
            "in the data are flagged."
        ),
        epilog=(
            "Examples:\n"
            "  airdef trend data.csv --by weapon_class --freq QS --periods\n"
            "  airdef trend data.csv --table periods --out monthly.csv"
        ),
    )
    add_input(p)
    add_analysis(p, rate_trend)
    p.add_argument(
        "--freq",
        default="MS",
        choices=tuple(FREQUENCIES),
        help="period length: D, W, MS (months), QS (quarters), YS (years) (default: MS)",
    )
    p.add_argument(
        "--table",
        default="trend",
        choices=("trend", "periods"),
        help="with --out or --format csv/json: which table to write (default: trend)",
    )
    p.add_argument("--periods", action="store_true", help="also print the per-period table")
    add_selection(p)
    add_output_format(p, files=True)
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print the tables only: no notes, no warnings"
    )
    p.set_defaults(func=run, command="trend")


def run(args: argparse.Namespace) -> int:
    from airdef.cli.rates import shown_table
    from airdef.rates import rate_trend

    by = split_by(args.by)
    data = load_input(args)
    check_columns(data, by)
    result = rate_trend(
        data,
        by=by,
        freq=args.freq,
        method=args.method,
        confidence_level=args.level,
        outcome=args.outcome,
        seed=args.seed,
    )
    if emit(result.trend if args.table == "trend" else result.periods, args):
        return 0
    if result.trend.empty:
        print("no rates to show: the selection has no dated rows with known counts")
        return 0
    trend = result.trend.copy()
    for col in ("first", "last"):
        trend[col] = trend[col].dt.strftime("%Y-%m-%d")
    print(f"trend of the {args.outcome} rate: odds ratio per year, {args.level:.0%} interval")
    print_frame(trend.drop(columns=["confidence_level", "note"]), "table", floatfmt="{:.3f}")
    if not args.quiet:
        for row in trend.loc[trend["note"] != ""].itertuples(index=False):
            print(note_line([getattr(row, c) for c in by], row.note))
    if args.periods:
        periods = result.periods.copy()
        periods["period"] = periods["period"].dt.strftime("%Y-%m-%d")
        print()
        print_frame(shown_table(periods, [*by, "period"], args.level), "table")
    return 0
