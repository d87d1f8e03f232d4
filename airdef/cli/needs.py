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
    p.add_argument(
        "--price-year",
        type=int,
        default=None,
        metavar="YEAR",
        help="show every cost in this year's money (default: the price index's last year)",
    )
    p.add_argument(
        "--ledger",
        default=None,
        metavar="FILE",
        help="supply ledger CSV of announced deliveries (default: the bundled, sourced one)",
    )
    p.add_argument(
        "--supply",
        action="store_true",
        help="also show supply against burn: stock-out dates and shortfalls per system",
    )
    p.add_argument(
        "--budget",
        type=float,
        default=None,
        metavar="AMOUNT",
        help="also show what this budget buys per system, in days of fire at the projected rate",
    )
    p.add_argument(
        "--exchange",
        action="store_true",
        help="also show the cost-exchange ratio and cost per threat killed by class",
    )
    p.add_argument(
        "--sensitivity",
        action="store_true",
        help="also name the three assumptions that move each system's cost most (Sobol)",
    )
    add_output_format(p)
    p.set_defaults(func=run, command="needs")


def run(args: argparse.Namespace) -> int:
    from airdef.needs import load_doctrine, load_scenario, project
    from airdef.needs.ledger import load_ledger

    if args.target_rate is not None and not 0 <= args.target_rate < 1:
        if args.target_rate == 1:
            raise ValueError(
                "a target rate of 100% is unreachable: no finite number of shots makes every "
                "interception certain; give a rate below 1, such as 0.99"
            )
        raise ValueError(f"target_rate must be in [0, 1); got {args.target_rate:g}")
    # Check the small files first, so that a typo in them fails before the data loads.
    doctrine = load_doctrine(args.doctrine)
    if args.scenario:
        load_scenario(args.scenario)
    ledger = load_ledger(args.ledger, systems=doctrine) if (args.supply or args.ledger) else None
    data = load_input(args)
    result = project(
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
        price_year=args.price_year,
    )
    if args.output != "table":
        print_frame(result.table, args.output)
        return 0
    out = sys.stdout
    pct = f"{result.interval:.0%}"
    out.write(
        f"Interceptors fired over the next {result.horizon_days} days: median and {pct} interval "
        f"of {result.draws:,} draws (seed {result.seed}); costs in {result.currency} at "
        f"{result.price_year} prices\n\n"
    )
    print_frame(_shown(result.table, pct), "table", file=out)
    if result.target_rate is not None:
        out.write(
            f"\nTo reach an interception rate of {result.target_rate:.0%} in every class "
            "('fired now' is the median above; the totals are the 'all' rows)\n"
        )
        print_frame(_shown_target(result.table, pct), "table", file=out)
    out.write(f"\nThreats over the next {result.horizon_days} days\n")
    threats = result.threats
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
    print_frame(_pk_table(result.pk), "table", file=out)
    if args.supply:
        _supply(result, ledger, pct, out)
    if args.budget is not None:
        _budget(result, args.budget, pct, out)
    if args.exchange:
        _exchange(result, pct, out)
    if args.sensitivity:
        _sensitivity(result, out)
    out.write("\nAssumptions\n")
    for line in assumption_lines(result):
        out.write(_item(line))
    notes = note_lines(result)
    if notes:
        out.write("\nNotes\n")
        for line in notes:
            out.write(_item(line))
    return 0


def _supply(result, ledger, pct: str, out) -> None:
    from airdef.needs.supply import supply_against_burn

    s = supply_against_burn(result, ledger)
    out.write(
        f"\nSupply against burn from {s.start:%Y-%m-%d} (stock-out within {s.days} days; "
        f"ledger {ledger.path})\n"
    )
    if s.summary.empty:
        out.write("  No system has a known stock or a delivery of known quantity.\n")
        return
    t = s.summary
    table = pd.DataFrame(
        {
            "system": t["name"],
            "stock now": [
                _count(v) if known else "unknown (0 used)"
                for v, known in zip(t["start_stock"], t["start_stock_known"], strict=True)
            ],
            "deliveries": t["delivered"].map(_count),
            "not counted": t["unquantified_rows"].map(lambda v: f"{v} row(s)" if v else ""),
            "fire/day": t["fire_per_day_median"].map(lambda v: f"{v:,.1f}"),
            "runs out": [_date(d) for d in t["stockout_date_median"]],
            f"runs out {pct}": [
                f"{_date(a)} - {_date(b)}"
                for a, b in zip(t["stockout_date_low"], t["stockout_date_high"], strict=True)
            ],
            "shortfall": _span(t["shortfall_low"], t["shortfall_high"]),
        }
    )
    if "shortfall_target_median" in t:
        table["shortfall at target"] = _span(t["shortfall_target_low"], t["shortfall_target_high"])
    print_frame(table, "table", file=out)
    out.write(
        "  Ledger rows with a quantity not stated are unknown, so they are not counted "
        "('not counted'); 'never' means not within the period.\n"
    )


def _date(d) -> str:
    return "never" if d is None or pd.isna(d) else f"{pd.Timestamp(d):%Y-%m-%d}"


def _budget(result, budget: float, pct: str, out) -> None:
    from airdef.needs.supply import budget_days

    b = budget_days(result, budget)
    out.write(
        f"\nWhat {budget:,.0f} {result.currency} ({result.price_year} prices) buys, in days of "
        "fire at the projected rate\n"
    )
    print_frame(
        pd.DataFrame(
            {
                "system": b["name"],
                "unit cost": b["unit_cost"].map(_count),
                "interceptors": b["interceptors"].map(_count),
                "days of fire": b["days_median"].map(_count),
                f"days {pct}": _span(b["days_low"], b["days_high"]),
            }
        ),
        "table",
        file=out,
    )


def _exchange(result, pct: str, out) -> None:
    from airdef.needs.exchange import cost_exchange

    x = cost_exchange(result)
    out.write(
        f"\nCost exchange over the next {result.horizon_days} days ({result.currency}, "
        f"{result.price_year} prices)\n"
    )
    print_frame(
        pd.DataFrame(
            {
                "weapon_class": x["weapon_class"],
                "attacker unit cost": _span(x["unit_cost_low"], x["unit_cost_high"]),
                "defender / attacker": [
                    "" if pd.isna(m) else f"{m:.2g} ({lo:.2g} - {hi:.2g})"
                    for m, lo, hi in zip(
                        x["exchange_ratio_median"],
                        x["exchange_ratio_low"],
                        x["exchange_ratio_high"],
                        strict=True,
                    )  # fmt: skip
                ],
                "cost per threat killed": x["cost_per_kill_median"].map(_count),
                f"per kill {pct}": _span(x["cost_per_kill_low"], x["cost_per_kill_high"]),
            }
        ),
        "table",
        file=out,
    )
    out.write(
        _item(
            "A cost-exchange ratio leaves out the value of what is defended (a power station, "
            "a life) and the cost of launchers and defence systems: a ratio above 1 does not "
            "mean that defending is a loss. Attacker unit costs are drawn log-uniform between "
            "the lowest and highest sourced figure of each class (airdef/data/attacker_costs.csv)."
        )
    )


def _sensitivity(result, out) -> None:
    from airdef.needs.sensitivity import sensitivity

    s = sensitivity(result)
    out.write(
        f"\nWhich assumption moves each system's cost most (Sobol total-order index, "
        f"{s.runs:,} model runs)\n"
    )
    top = s.top[s.top["output"] == "cost"]
    names = result.doctrine.systems.set_index("system")["name"]
    rows = []
    for key, group in top.groupby("system", sort=False):
        cells = [f"{f} ({st:.2f})" for f, st in zip(group["factor"], group["ST"], strict=True)]
        rows.append({"system": names[key], **{f"#{i + 1}": c for i, c in enumerate(cells)}})
    print_frame(pd.DataFrame(rows), "table", file=out)


def assumption_lines(r) -> list[str]:
    """The assumptions of a projection, one sentence each (written here, where shown)."""
    a = r.assumptions
    lines = []
    for f in a.itertuples(index=False):
        if f.topic == "launches" and f.item == "scenario":
            lines.append("Launches: a scenario of fixed launches per week (no count uncertainty).")
        elif f.topic == "launches" and f.item == "window":
            lines.append(
                f"Launches: negative-binomial forecast from the {f.value:.0f} days {f.text} "
                f"({f.source}); a day with no report counts as a day without launches."
            )
        elif f.topic == "launches" and f.item == "blank_rows_censored" and f.value > 0:
            lines.append(
                f"Launches: {f.value:.0f} row(s) with a blank launched count are read as at "
                "least their intercepted count (censored), never as zero."
            )
        elif f.topic == "rates" and f.item == "data":
            lines.append(
                f"Interception rates: {f.source} by weapon class over {f.text}; each rate is "
                "drawn from a Beta matched to its interval in every draw."
            )
        elif f.topic == "rates" and f.item == "table":
            lines.append(
                "Interception rates: the rate table passed in, intervals carried into every draw."
            )
        elif f.topic == "doctrine" and f.item == "path":
            lines.append(f"Doctrine {f.text}: every number below is an assumption, not a fact.")
        elif f.topic == "doctrine" and f.item == "unit_cost":
            lines.append(
                f"{f.subject}: {f.value:,.0f} {r.currency} per shot ({f.text} prices); "
                f"source: {f.source}"
            )
        elif f.topic == "doctrine" and f.item == "inventory":
            lines.append(f"{f.subject}: inventory {f.value:,.0f} shots; source: {f.source}")
        elif f.topic == "doctrine" and f.item == "ew_share":
            lines.append(
                f"{f.subject}: {f.value:.0%} defeated by electronic warfare; source: {f.source}"
            )
        elif f.topic == "doctrine" and f.item == "share":
            lines.append(f"{f.subject}: engages {f.value:.0%}; source: {f.source}")
        elif f.topic == "doctrine" and f.item == "shots":
            lines.append(f"{f.subject}: {f.value:.0f} shot(s) per salvo")
        elif f.topic == "doctrine" and f.item == "looks":
            lines.append(f"{f.subject}: up to {f.value:.0f} salvos (shoot-look-shoot)")
        elif f.topic == "prices":
            lines.append(
                f"Costs in {f.value:.0f} money, each unit cost moved from its year by the "
                f"price index ({f.text}): {f.source}."
            )
        elif f.topic == "model":
            lines.append(_MODEL[f.item].format(value=f.value))
    return lines


_MODEL = {
    "one_system_per_threat": "Model: each threat is engaged by one system at most; engagements "
    "are a multinomial split of the launches.",
    "independent_shots": "Model: kills are binomial counts per salvo, shots independent; under "
    "shoot-look-shoot each survivor is engaged again, up to the doctrine's looks.",
    "shared_pk": "Model: the systems of a class share one per-shot kill probability (or the "
    "doctrine's pk_prior ratios), solved from the class's observed rate in every draw.",
    "days_of_supply_at_expected_rate": "Model: days of supply are the inventory divided by the "
    "expected shots per day of each draw, so they do not depend on the horizon.",
    "target_policy": "Model: a target rate is met first with more shots per engagement, up to a "
    "kill probability of {value:.0%} per engagement, then by engaging more threats, so needs "
    "never fall as the target rises; target shots are expectations rounded up.",
}


def note_lines(r) -> list[str]:
    """The notes of a projection, one sentence each."""
    out = []
    for n in r.notes.itertuples(index=False):
        if n.kind == "unengaged_class":
            out.append(
                f"{n.weapon_class}: {n.value:,.0f} launched in the window, but the doctrine "
                "engages no system against this class, so it adds no interceptor needs."
            )
        elif n.kind == "rate_above_doctrine":
            how = f"{n.value:.0%}" if n.value >= 0.005 else "under 1%"
            out.append(
                f"{n.weapon_class}: in {how} of draws the interception rate is above what the "
                "doctrine can explain; per-shot kill probability capped at 1 there."
            )
        elif n.kind == "no_rate":
            out.append(
                f"{n.weapon_class}: no interception rate in the data, so no kill probability: "
                "its shoot-look-shoot and target needs are blank and left out of the totals."
            )
        elif n.kind == "censored_days":
            out.append(
                f"{n.weapon_class}: {n.value:.0f} day(s) with a blank launched count, read as "
                "at least the intercepted count."
            )
    return out


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


def _shown(result: pd.DataFrame, pct: str) -> pd.DataFrame:
    """The result with counts and costs as text with thousands separators."""
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


def _shown_target(result: pd.DataFrame, pct: str) -> pd.DataFrame:
    """What reaching the target rate takes, beside what the doctrine fires now."""
    return pd.DataFrame(
        {
            "system": result["system"],
            "weapon_class": result["weapon_class"],
            "fired now": result["fired_median"].map(_count),
            "cost now": result["cost_median"].map(_count),
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
