"""Rate tables on the full real dataset: airdef vs a plain pandas groupby

``airdef.interception_rates`` on the newest real snapshot (read in place from
``../shared/data/real``) by weapon and by class, with ``method="auto"`` (attack-level
dispersion, Tarone's test and clustered intervals) and with ``method="wilson"``, against
the obvious notebook alternative: a pandas groupby sum followed by statsmodels'
``proportion_confint`` (which ignores clustering). Also the loading itself, and
``rate_trend`` by month. Ratios above 1 mean airdef is faster.
"""

from __future__ import annotations

import os
from pathlib import Path

from statsmodels.stats.proportion import proportion_confint

import airdef
from bench._timing import best_of, row

SNAPSHOT = (
    Path(os.environ.get("AIRDEF_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "data/real/snapshot_2026-06/missile_attacks_daily.csv"
)


def _plain(events, by):
    sums = (
        events.dropna(subset=["launched", "intercepted"])
        .groupby(by)[["launched", "intercepted"]]
        .sum()
    )
    low, high = proportion_confint(sums["intercepted"], sums["launched"], method="wilson")
    return sums.assign(rate=sums["intercepted"] / sums["launched"], ci_low=low, ci_high=high)


def main() -> None:
    if not SNAPSHOT.exists():
        print(f"  skipped: {SNAPSHOT} not found (set AIRDEF_SHARED)")
        return
    load_time = best_of(lambda: airdef.load(SNAPSHOT), repeat=3)
    data = airdef.load(SNAPSHOT)
    national = data.select(source="national")
    events = national.events
    print(
        f"  {len(data.events):,} rows, {data.attacks:,} attacks; times are the best of several runs"
    )
    print(f"  {'':<46} {'airdef':>13} {'pandas+sm':>13} {'ratio':>8}")
    print(row("load + validate the CSV", load_time))
    for by in ("weapon", "weapon_class"):
        plain = best_of(lambda by=by: _plain(events, by))
        wilson = best_of(lambda by=by: airdef.interception_rates(national, by=by, method="wilson"))
        auto = best_of(lambda by=by: airdef.interception_rates(national, by=by))
        pooled = best_of(lambda by=by: airdef.interception_rates(national, by=by, pooled=True))
        print(row(f"rates by {by}, wilson", wilson, plain, "same numbers, plus exclusions"))
        print(row(f"rates by {by}, auto (clustered)", auto, plain, "the plain one ignores attacks"))
        print(row(f"rates by {by}, auto + pooled", pooled, plain))
    trend = best_of(lambda: airdef.rate_trend(national, by="weapon_class"), repeat=3)
    print(row("rate_trend by class and month (GLM per class)", trend))
    total = best_of(
        lambda: airdef.interception_rates(
            airdef.load(SNAPSHOT).select(source="national"), by="weapon_class"
        ),
        repeat=3,
    )
    print(row("load + national rates by class, end to end", total, note="goal: well under 1 s"))
