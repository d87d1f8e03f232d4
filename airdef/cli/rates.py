"""``airdef rates``: interception rates with confidence intervals."""

from __future__ import annotations

import argparse

from airdef.cli._common import add_input, add_output_format, add_selection, load_input, print_frame


def add_parser(sub: argparse._SubParsersAction) -> None:
    from airdef.rates import RATE_METHODS

    p = sub.add_parser(
        "rates",
        help="interception rates with confidence intervals by weapon, class or any column",
        description=(
            "Interception rates with confidence intervals. Launches in one attack are not "
            "independent, so the default method 'auto' widens the interval where attacks are "
            "overdispersed (the method used is shown per row). Rows with an unknown count are "
            "excluded and counted; qualified counts ('at least 21') are used as stated and counted "
            "as censored."
        ),
        epilog="Example: airdef rates data.csv --by weapon_class --since 2025-01-01 --pooled",
    )
    add_input(p)
    p.add_argument(
        "--by",
        default="weapon_class",
        help="column(s) to group by, comma-separated (default: weapon_class; e.g. weapon, "
        "weapon_class,reporter)",
    )
    p.add_argument(
        "--method",
        default="auto",
        choices=RATE_METHODS,
        metavar="METHOD",
        help="interval method: " + ", ".join(RATE_METHODS) + " (default: auto)",
    )
    p.add_argument("--level", type=float, default=0.95, help="confidence level (default: 0.95)")
    p.add_argument(
        "--outcome",
        default="intercepted",
        choices=("intercepted", "neutralized"),
        help="what counts as a success: intercepted, or intercepted + suppressed by electronic "
        "warfare (default: intercepted)",
    )
    p.add_argument(
        "--pooled",
        action="store_true",
        help="add rates pooled toward their class (empirical Bayes)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the cluster bootstrap (default: 0)")
    add_selection(p)
    add_output_format(p)
    p.set_defaults(func=run, command="rates")


def _by(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from airdef.rates import interception_rates

    data = load_input(args)
    table = interception_rates(
        data,
        by=_by(args.by),
        method=args.method,
        confidence_level=args.level,
        outcome=args.outcome,
        pooled=args.pooled,
        seed=args.seed,
    )
    if args.output != "table":
        print_frame(table, args.output)
        return 0
    if table.empty:
        print("no rates to show: the selection has no rows with known counts")
        return 0
    shown = table.drop(columns=["confidence_level", "outcome", "note"])
    print(f"{args.outcome} rate, {args.level:.0%} confidence intervals, source: {args.source}")
    print_frame(shown, "table")
    notes = table.loc[table["note"].fillna("") != "", [*_by(args.by), "note"]]
    for row in notes.itertuples(index=False):
        print(f"note: {' / '.join(map(str, row[:-1]))}: {row[-1]}")
    return 0
