"""``airdef rates``: interception rates with confidence intervals."""

from __future__ import annotations

import argparse

import pandas as pd

from airdef.cli._common import (
    UsageError,
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

#: What a row whose own interval is uninformative shows instead of it.
TOO_FEW = "too few independent attacks"

#: Without a ``reliable`` column, an interval wider than this is uninformative, and so
#: is any interval from fewer than :data:`MIN_ATTACKS` attacks (launches within one
#: attack are not independent).
UNINFORMATIVE_WIDTH = 0.9
MIN_ATTACKS = 2

#: Names of the pooled columns: the current ones first, then the earlier spelling.
_POOLED = (
    ("pooled_rate", "pooled_ci_low", "pooled_ci_high"),
    ("rate_pooled", "ci_low_pooled", "ci_high_pooled"),
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    from airdef.rates import interception_rates

    p = sub.add_parser(
        "rates",
        help="interception rates with confidence intervals by weapon, class or any column",
        description=(
            "Interception rates with confidence intervals. Launches in one attack are not "
            "independent, so the default method 'auto' widens the interval where attacks are "
            "overdispersed (the method used is shown per row). Rows with an unknown count are "
            "excluded and counted; qualified counts ('at least 21') are used as stated and counted "
            "as censored. A row with too few independent attacks for an informative interval "
            "says so and shows the rate pooled toward its class beside it."
        ),
        epilog=(
            "Examples:\n"
            "  airdef rates data.csv --by weapon_class --since 2025-01-01 --pooled\n"
            "  airdef rates data.csv --outcome neutralized --out rates.xlsx"
        ),
    )
    add_input(p)
    add_analysis(p, interception_rates)
    p.add_argument(
        "--pooled",
        action="store_true",
        help="add rates pooled toward their class (hierarchical Bayes) to every row",
    )
    add_selection(p)
    add_output_format(p, files=True)
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print the table only: no notes, no warnings"
    )
    p.set_defaults(func=run, command="rates")


def pooled_columns(table: pd.DataFrame) -> tuple[str, str, str] | None:
    """The names of the pooled rate and interval columns of ``table``, if it has them."""
    return next((names for names in _POOLED if set(names) <= set(table.columns)), None)


def informative(table: pd.DataFrame) -> pd.Series:
    """Per row: True when its own interval says something, False when it does not, NA
    when there is no interval (nothing launched).

    Uses the table's ``reliable`` column when it has one; otherwise an interval wider
    than :data:`UNINFORMATIVE_WIDTH`, or from fewer than :data:`MIN_ATTACKS` attacks,
    is uninformative.
    """
    has_ci = table["ci_low"].notna() & table["ci_high"].notna()
    if "reliable" in table.columns:
        ok = table["reliable"].astype("boolean")
    else:
        width = table["ci_high"] - table["ci_low"]
        ok = pd.Series(
            (width <= UNINFORMATIVE_WIDTH) & (table["attacks"] >= MIN_ATTACKS), dtype="boolean"
        )
    return ok.where(has_ci, pd.NA)


def _span(low: float, high: float, fmt: str) -> str:
    return "" if pd.isna(low) or pd.isna(high) else f"{fmt.format(low)}-{fmt.format(high)}"


def shown_table(
    table: pd.DataFrame, by: list[str], level: float, *, all_pooled: bool = False
) -> pd.DataFrame:
    """The rate table as a terminal shows it: intervals as text, an uninformative one
    replaced by :data:`TOO_FEW`, and the pooled rate beside it (beside every row with
    ``all_pooled``)."""
    f = "{:.4f}"
    ok = informative(table)
    ci = f"{level:.0%} CI"
    out = table[[*by, "attacks", "launched", "intercepted"]].copy()
    out["rate"] = table["rate"].map(lambda v: "" if pd.isna(v) else f.format(v))
    out[ci] = [
        TOO_FEW if good is False else _span(lo, hi, f)
        for good, lo, hi in zip(ok.astype(object), table["ci_low"], table["ci_high"], strict=True)
    ]
    for col in ("method", "dispersion", "n_eff", "excluded", "censored"):
        if col in table.columns:
            out[col] = table[col]
    names = pooled_columns(table)
    if names is not None:
        show = pd.Series(True, index=table.index) if all_pooled else ok.eq(False).fillna(False)
        rate, low, high = (table[c] for c in names)
        out["pooled"] = [
            f.format(r) if s and pd.notna(r) else "" for s, r in zip(show, rate, strict=True)
        ]
        out[f"pooled {ci}"] = [
            _span(lo, hi, f) if s else "" for s, lo, hi in zip(show, low, high, strict=True)
        ]
    return out


def run(args: argparse.Namespace) -> int:
    from airdef.rates import interception_rates

    by = split_by(args.by)
    if args.pooled and not by:
        raise UsageError("--pooled needs --by: one overall row has no groups to pool")
    data = load_input(args)
    check_columns(data, by)

    def rates(pooled: bool) -> pd.DataFrame:
        return interception_rates(
            data,
            by=by,
            method=args.method,
            confidence_level=args.level,
            outcome=args.outcome,
            pooled=pooled,
            seed=args.seed,
        )

    if getattr(args, "out", None) or args.output != "table":
        emit(rates(args.pooled), args)
        return 0
    # on a terminal the pooled rate stands beside every row whose own interval says little
    table = rates(bool(by))
    if table.empty:
        print("no rates to show: the selection has no rows with known counts")
        return 0
    few = informative(table).eq(False).fillna(False)
    print(f"{args.outcome} rate, {args.level:.0%} confidence intervals, source: {args.source}")
    print_frame(shown_table(table, by, args.level, all_pooled=args.pooled), "table")
    if args.quiet:
        return 0
    if few.any():
        pooled = pooled_columns(table) is not None
        print(
            f"note: {int(few.sum())} row{'s' if few.sum() != 1 else ''} with {TOO_FEW}: "
            "the row's own interval says little"
            + (
                ", so the rate pooled toward its class (hierarchical Bayes) is shown beside it"
                if pooled
                else ""
            )
        )
    notes = table.loc[table["note"].fillna("") != "", [*by, "note"]]
    for row in notes.itertuples(index=False):
        print(note_line(row[:-1], row[-1]))
    return 0
