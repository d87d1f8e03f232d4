"""``airdef simulate``: write synthetic strike reports with known true rates."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "simulate",
        help="write synthetic strike reports with known true interception rates",
        description=(
            "Simulate strike reports (overnight attacks, wave sizes, attack-level correlated "
            "interceptions, electronic-warfare losses, a kills-only regional reporter, "
            "casualties by city and district) and write them in airdef's canonical format, "
            "with the true rates in <name>.truth.csv. Every row is marked synthetic. "
            "The bundled sample is 'airdef simulate --out airdef/data/sample/synthetic.csv "
            "--seed 0'."
        ),
        epilog=(
            "Examples:\n"
            "  airdef simulate --out sim.csv --months 6 --seed 1\n"
            "  airdef simulate --out sim.parquet --ew-fold-month 8 --no-regional"
        ),
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="OUT",
        help="events file to write (.csv, .parquet, .xlsx or .json); companions go beside it",
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    p.add_argument(
        "--months", type=int, default=None, help="length of the period in months (default: 16)"
    )
    p.add_argument(
        "--start", default=None, metavar="DATE", help="first report date (default: 2024-07-01)"
    )
    p.add_argument(
        "--ew-fold-month",
        type=int,
        default=None,
        metavar="N",
        help="from N months after the start, count drones lost to electronic warfare as "
        "intercepted (the definition change of the real reports); default: never",
    )
    p.add_argument(
        "--no-regional",
        action="store_true",
        help="leave out the kills-only regional reporter",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing but errors (no 'wrote' lines)"
    )
    p.set_defaults(func=run, command="simulate")


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from airdef.cli._common import check_canonical_ending
    from airdef.synthetic import SimulationSpec, simulate, write_synthetic

    check_canonical_ending(args.out)
    changes: dict[str, object] = {}
    if args.months is not None:
        changes["months"] = args.months
    if args.start is not None:
        changes["start"] = args.start
    if args.ew_fold_month is not None:
        changes["ew_fold_month"] = args.ew_fold_month
    if args.no_regional:
        changes["regional"] = None
    spec = dataclasses.replace(SimulationSpec(), **changes)
    data = simulate(spec, seed=args.seed)
    written = write_synthetic(data, args.out, spec)
    if args.quiet:
        return 0
    for path in written:
        if path.name.endswith(".truth.csv"):
            what = f"true rates of {len(spec.weapons)} weapon types"
        elif path.stem.endswith(".casualties"):
            what = f"{len(data.casualties)} casualty rows"
        else:
            ends = data.events["time_end"]
            what = (
                f"{len(data.events)} events in {data.attacks} attacks, "
                f"{ends.min():%Y-%m-%d} to {ends.max():%Y-%m-%d}"
            )
        print(f"wrote {path} ({what})")
    return 0
