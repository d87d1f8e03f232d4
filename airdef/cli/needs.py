"""``airdef needs``: project interceptor needs, costs and days of supply with Monte Carlo intervals."""

from __future__ import annotations

import argparse
import math
import sys
import textwrap

import pandas as pd

from airdef.cli._common import add_input, add_output_format, add_selection, load_input, print_frame


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "needs",
        help="project interceptors fired, their cost and days of supply, with intervals",
        description=(
            "Forecast launches per weapon class from the recent reports (or take a scenario), "
            "turn them into interceptors fired by each air-defence system under a doctrine file, "
            "and print medians and intervals of shots, costs and days of supply. Every number "
            "of the doctrine is an assumption; the assumptions are printed under the table."
        ),
    )
    add_input(p)
    add_selection(p)
    p.add_argument(
        "--horizon", type=int, default=30, metavar="DAYS", help="days ahead (default 30)"
    )
    p.add_argument(
        "--doctrine",
        default=None,
        metavar="FILE",
        help="doctrine TOML file (default: the bundled airdef/data/doctrine.toml)",
    )
    p.add_argument(
        "--scenario",
        default=None,
        metavar="FILE",
        help="launches per week by class (.toml with [launches_per_week], or .csv with "
        "weapon_class,launches_per_week), replacing the forecast from the data",
    )
    p.add_argument(
        "--target-rate",
        type=float,
        default=None,
        metavar="RATE",
        help="also show what reaching this interception rate in every class would take (0-1)",
    )
    p.add_argument("--draws", type=int, default=10_000, help="Monte Carlo draws (default 10,000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument(
        "--interval",
        type=float,
        default=0.9,
        metavar="P",
        help="probability of the intervals shown (default 0.9)",
    )
    p.add_argument(
        "--window",
        type=int,
        default=90,
        metavar="DAYS",
        help="days of recent data for the forecast and the rates (default 90)",
    )
    add_output_format(p)
    p.set_defaults(func=run, command="needs")


def run(args: argparse.Namespace) -> int:
    from airdef.needs import load_doctrine, load_scenario, project_needs

    # Check the small files first, so that a typo in them fails before the data loads.
    doctrine = load_doctrine(args.doctrine)
    if args.scenario:
        load_scenario(args.scenario)
    data = load_input(args)
    result = project_needs(
        data,
        horizon_days=args.horizon,
        doctrine=doctrine,
        scenario=args.scenario,
        target_rate=args.target_rate,
        draws=args.draws,
        seed=args.seed,
        interval=args.interval,
        window_days=args.window,
        source=args.source,
    )
    if args.output != "table":
        print_frame(result, args.output)
        return 0
    out = sys.stdout
    a = result.attrs
    pct = f"{a['interval']:.0%}"
    out.write(
        f"Interceptors fired over the next {a['horizon_days']} days: median and {pct} interval "
        f"of {a['draws']:,} draws (seed {a['seed']}); costs in {a['currency']}\n\n"
    )
    print_frame(_shown(result), "table", file=out)
    if a["target_rate"] is not None:
        out.write(
            f"\nTo reach an interception rate of {a['target_rate']:.0%} in every class "
            "(median and interval; 'fired now' is the median above)\n"
        )
        print_frame(_shown_target(result), "table", file=out)
    out.write(f"\nThreats over the next {a['horizon_days']} days\n")
    threats = pd.DataFrame(a["threats"])
    print_frame(
        pd.DataFrame(
            {
                "weapon_class": threats["weapon_class"],
                "launched": threats["launched_median"].map(_count),
                f"{pct} interval": _span(threats["launched_low"], threats["launched_high"]),
            }
        ),
        "table",
        file=out,
    )
    out.write("\nPer-shot kill probability implied by the observed rate of each class\n")
    print_frame(_pk_table(pd.DataFrame(a["pk"])), "table", file=out)
    out.write("\nAssumptions\n")
    for line in a["assumptions"]:
        out.write(_item(line))
    if a["notes"]:
        out.write("\nNotes\n")
        for line in a["notes"]:
            out.write(_item(line))
    return 0


def _item(text: str) -> str:
    """One bullet, wrapped for a terminal (long URLs are not broken)."""
    wrapped = textwrap.fill(
        text,
        width=110,
        initial_indent="  - ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped + "\n"


def _count(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if math.isinf(v):
        return "never" if v > 0 else ""
    return f"{v:,.0f}"


def _span(low: pd.Series, high: pd.Series) -> pd.Series:
    return pd.Series(
        [
            "" if (_count(lo) == "" and _count(hi) == "") else f"{_count(lo)} - {_count(hi)}"
            for lo, hi in zip(low, high, strict=True)
        ],
        index=low.index,
    )


def _shown(result: pd.DataFrame) -> pd.DataFrame:
    """The result with counts and costs as text with thousands separators."""
    pct = f"{result.attrs['interval']:.0%}"
    table = pd.DataFrame(
        {
            "system": result["system"],
            "weapon_class": result["weapon_class"],
            "fired": result["fired_median"].map(_count),
            f"fired {pct}": _span(result["fired_low"], result["fired_high"]),
            "cost": result["cost_median"].map(_count),
            f"cost {pct}": _span(result["cost_low"], result["cost_high"]),
        }
    )
    if result["days_of_supply_median"].notna().any():
        table["days of supply"] = result["days_of_supply_median"].map(_count)
        table[f"days {pct}"] = _span(result["days_of_supply_low"], result["days_of_supply_high"])
    return table


def _shown_target(result: pd.DataFrame) -> pd.DataFrame:
    """What reaching the target rate takes, beside what the doctrine fires now."""
    pct = f"{result.attrs['interval']:.0%}"
    return pd.DataFrame(
        {
            "system": result["system"],
            "weapon_class": result["weapon_class"],
            "fired now": result["fired_median"].map(_count),
            "fired": result["fired_target_median"].map(_count),
            f"fired {pct}": _span(result["fired_target_low"], result["fired_target_high"]),
            "cost": result["cost_target_median"].map(_count),
            f"cost {pct}": _span(result["cost_target_low"], result["cost_target_high"]),
        }
    )


def _pk_table(pk: pd.DataFrame) -> pd.DataFrame:
    """One row per class when its systems share one pk, else one row per system."""
    rows = []
    for c, group in pk.groupby("weapon_class", sort=False):
        same = group[["pk", "pk_low", "pk_high"]].round(12).drop_duplicates()
        parts = group.iloc[[0]] if len(same) == 1 else group
        for r in parts.itertuples(index=False):
            rows.append(
                {
                    "weapon_class": c,
                    "system": "each system" if len(same) == 1 else r.system,
                    "rate": _prob(r.rate),
                    "rate interval": _prob_span(r.ci_low, r.ci_high),
                    "ew + engaged": f"{r.ew_share:.2f} + {r.engaged_share:.2f}",
                    "pk": _prob(r.pk),
                    "pk interval": _prob_span(r.pk_low, r.pk_high),
                }
            )
    return pd.DataFrame(rows)


def _prob(v: float) -> str:
    return "" if v is None or math.isnan(v) else f"{v:.2f}"


def _prob_span(lo: float, hi: float) -> str:
    return "" if math.isnan(lo) or math.isnan(hi) else f"{lo:.2f} - {hi:.2f}"
