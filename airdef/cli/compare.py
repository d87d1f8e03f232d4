"""``airdef compare``: rates in two periods and the interval of their difference."""

from __future__ import annotations

import argparse

import pandas as pd

from airdef.cli._checks import UsageError
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
    from airdef.rates import compare_periods

    p = sub.add_parser(
        "compare",
        help="rates in two periods and a confidence interval for their difference",
        description=(
            "Compare the interception rate of two periods, by weapon class or any column: each "
            "period's rate with its clustered interval and the difference with its interval "
            "(MOVER). Give two periods with --a and --b (for example to check a published "
            "claim), or leave them out to compare the latest --days days with the days before."
        ),
        epilog=(
            "Examples:\n"
            "  airdef compare data.csv --a 2023-06-01:2023-11-30 --b 2023-11-01:2024-04-30\n"
            "  airdef compare data.csv --days 90 --by weapon"
        ),
    )
    add_input(p)
    add_analysis(p, compare_periods)
    p.add_argument(
        "--a",
        dest="period_a",
        metavar="FROM:TO",
        help="first period, both days included (an empty end is open: 2024-01-01:)",
    )
    p.add_argument("--b", dest="period_b", metavar="FROM:TO", help="second period, as --a")
    p.add_argument(
        "--days", type=int, default=90, help="without --a/--b: length of each window (default 90)"
    )
    p.add_argument(
        "--end",
        metavar="DATE",
        help="without --a/--b: last day of the recent window (default: the latest event)",
    )
    add_selection(p)
    add_output_format(p, files=True)
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print the table only: no notes, no warnings"
    )
    p.set_defaults(func=run, command="compare")


def _period(option: str, text: str | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """``FROM:TO`` as two days; either may be empty (open)."""
    if text is None:
        raise UsageError(f"{option} is needed with the other period; give FROM:TO")
    start, sep, end = text.partition(":")
    if not sep:
        raise UsageError(f"{option} must be FROM:TO (e.g. 2023-06-01:2023-11-30), not {text!r}")
    try:
        days = [pd.Timestamp(v.strip()) if v.strip() else None for v in (start, end)]
    except (ValueError, TypeError):
        raise UsageError(f"{option}: {text!r} does not hold two dates FROM:TO") from None
    if days[0] is not None and days[1] is not None and days[0] > days[1]:
        raise UsageError(f"{option}: {days[0]:%Y-%m-%d} is after {days[1]:%Y-%m-%d}")
    return days[0], days[1]


def run(args: argparse.Namespace) -> int:
    from airdef.rates import compare_periods

    if args.days < 1:
        raise UsageError(f"--days must be at least 1, not {args.days}")
    two = args.period_a is not None or args.period_b is not None
    kwargs: dict = {"days": args.days, "end": args.end}
    if two:
        kwargs = {"a": _period("--a", args.period_a), "b": _period("--b", args.period_b)}
    by = split_by(args.by)
    data = load_input(args)
    check_columns(data, by)
    table = compare_periods(
        data,
        by=by,
        method=args.method,
        confidence_level=args.level,
        outcome=args.outcome,
        seed=args.seed,
        **kwargs,
    )
    if emit(table, args):
        return 0
    if table.empty:
        print("nothing to compare: neither period has dated rows with known counts")
        return 0
    first, second = ("a", "b") if two else ("recent", "before")
    span = {}
    for name in (first, second):
        lo, hi = table[f"{name}_from"].min(), table[f"{name}_to"].max()
        span[name] = f"{lo:%Y-%m-%d} to {hi:%Y-%m-%d}" if pd.notna(lo) else "(no data)"
    print(
        f"{args.outcome} rate, {first} ({span[first]}) against {second} ({span[second]}), "
        f"{args.level:.0%} intervals; diff = {first} - {second}"
    )
    shown = table.loc[:, [*by]].copy() if by else pd.DataFrame(index=table.index)
    for name in (first, second):
        rate = table[f"rate_{name}"]
        lo, hi = table[f"ci_low_{name}"], table[f"ci_high_{name}"]
        ok = table[f"reliable_{name}"].fillna(False).astype(bool)
        shown[f"launched_{name}"] = table[f"launched_{name}"]
        shown[f"rate_{name}"] = rate.map(lambda v: "" if pd.isna(v) else f"{v:.1%}")
        shown[f"ci_{name}"] = [
            "too few independent attacks"
            if not good and pd.notna(r)
            else ("" if pd.isna(low) else f"{low:.1%}-{high:.1%}")
            for r, low, high, good in zip(rate, lo, hi, ok, strict=True)
        ]
    shown["diff"] = table["diff"].map(lambda v: "" if pd.isna(v) else f"{v * 100:+.1f} pp")
    sure = table["reliable"].fillna(False).astype(bool)
    shown["diff_ci"] = [
        ""
        if pd.isna(lo)
        else (f"{lo * 100:+.1f} to {hi * 100:+.1f} pp" if good else "too few independent attacks")
        for lo, hi, good in zip(table["diff_low"], table["diff_high"], sure, strict=True)
    ]
    print_frame(shown, "table")
    if not args.quiet:
        for row in table.loc[table["note"].fillna("") != ""].itertuples(index=False):
            print(note_line([getattr(row, c) for c in by], row.note))
    return 0
