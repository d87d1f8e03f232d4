"""``airdef trend``: rates per period and a trend per year."""

from __future__ import annotations

import argparse

from airdef.cli._common import add_input, add_output_format, add_selection, load_input, print_frame


def add_parser(sub: argparse._SubParsersAction) -> None:
    from airdef.rates import RATE_METHODS
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
        epilog="Example: airdef trend data.csv --by weapon_class --freq QS --periods",
    )
    add_input(p)
    p.add_argument("--by", default="weapon_class", help="column(s) to group by, comma-separated")
    p.add_argument(
        "--freq",
        default="MS",
        choices=tuple(FREQUENCIES),
        help="period length (default: MS, months)",
    )
    p.add_argument(
        "--method", default="auto", choices=RATE_METHODS, metavar="METHOD", help="interval method"
    )
    p.add_argument("--level", type=float, default=0.95, help="confidence level (default: 0.95)")
    p.add_argument("--outcome", default="intercepted", choices=("intercepted", "neutralized"))
    p.add_argument(
        "--table",
        default="trend",
        choices=("trend", "periods"),
        help="with --format csv/json: which table to print (default: trend)",
    )
    p.add_argument("--periods", action="store_true", help="also print the per-period table")
    add_selection(p)
    add_output_format(p)
    p.set_defaults(func=run, command="trend")


def run(args: argparse.Namespace) -> int:
    from airdef.rates import rate_trend

    by = [c.strip() for c in args.by.split(",") if c.strip()]
    data = load_input(args)
    result = rate_trend(
        data,
        by=by,
        freq=args.freq,
        method=args.method,
        confidence_level=args.level,
        outcome=args.outcome,
    )
    if args.output != "table":
        print_frame(result.trend if args.table == "trend" else result.periods, args.output)
        return 0
    if result.trend.empty:
        print("no rates to show: the selection has no dated rows with known counts")
        return 0
    trend = result.trend.copy()
    for col in ("first", "last"):
        trend[col] = trend[col].dt.strftime("%Y-%m-%d")
    print(f"trend of the {args.outcome} rate: odds ratio per year, {args.level:.0%} interval")
    print_frame(trend.drop(columns=["confidence_level", "note"]), "table", floatfmt="{:.3f}")
    for row in trend.loc[trend["note"] != ""].itertuples(index=False):
        print(f"note: {' / '.join(str(getattr(row, c)) for c in by)}: {row.note}")
    if args.periods:
        periods = result.periods.copy()
        periods["period"] = periods["period"].dt.strftime("%Y-%m-%d")
        print()
        print_frame(periods.drop(columns=["confidence_level", "break_note"]), "table")
    return 0
