"""Munition needs Monte Carlo: 100,000 draws x every class x 365 days, plus sensitivity

``airdef.needs.project`` end to end (fit the launch model, match the rate
distributions, draw launches, multinomial engagements, binomial kills per salvo
and per look, back out the kill probabilities, quantiles) with 100,000 draws, a
365-day horizon and a target rate, then supply against burn and the Sobol
sensitivity design (:func:`airdef.needs.sensitivity.sensitivity`), on the real
2026 snapshot when it is there (``AIRDEF_SHARED``) and on a synthetic doctrine
that engages every class with mixed salvos and shoot-look-shoot. The obvious
alternative, a Python loop per draw (counts drawn one draw at a time, a
``scipy.optimize.brentq`` for the kill probability), is timed on 1,000 draws and
scaled to 100,000. The ratio is "times faster than the other"; the goal is a few
seconds for the whole run on 2 cores.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize

import airdef
from airdef.catalog import WEAPON_CLASSES
from airdef.model import StrikeData
from airdef.needs import load_doctrine, project
from airdef.needs.calibrate import ClassLink, rate_distribution
from airdef.needs.forecast import fit_threats
from airdef.needs.sensitivity import sensitivity
from airdef.needs.supply import supply_against_burn
from bench._timing import best_of, row

DRAWS = 100_000
HORIZON = 365
LOOP_DRAWS = 1_000

SYSTEMS = """
currency = "USD"
[systems.long]
name = "Long range"
unit_cost = 4000000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
[systems.medium]
name = "Medium range"
unit_cost = 1000000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
[systems.gun]
name = "Gun"
unit_cost = 20000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
[systems.drone]
name = "Interceptor drone"
unit_cost = 4000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
"""

ENGAGEMENT = """
[[classes.{c}.systems]]
system = "{system}"
share = {share}
shots = {shots}
looks = {looks}
source = "illustrative assumption, no public source"
"""


def _doctrine(folder: Path) -> Path:
    parts = [SYSTEMS]
    plan = [("long", 0.2, 2, 1), ("medium", 0.3, 2, 1), ("gun", 0.2, 1, 2), ("drone", 0.2, 1, 1)]
    for c in WEAPON_CLASSES:
        parts.append(f'[classes.{c}]\new_share = 0.05\new_source = "illustrative"\n')
        parts += [
            ENGAGEMENT.format(c=c, system=s, share=share, shots=shots, looks=looks)
            for s, share, shots, looks in plan
        ]
    path = folder / "bench_doctrine.toml"
    path.write_text("".join(parts))
    return path


def _data(days: int = 120, seed: int = 5) -> StrikeData:
    """Daily national reports with overdispersed launches of every class."""
    rng = np.random.default_rng(seed)
    when = pd.date_range("2025-01-01 07:00", periods=days, freq="D")
    rows = []
    for c, mean in zip(WEAPON_CLASSES, (200, 3, 5, 2, 1, 1, 2, 1), strict=True):
        counts = rng.negative_binomial(0.8, 0.8 / (0.8 + mean), size=days)
        rows += [
            (f"{c}{i}", t, c, int(n))
            for i, (t, n) in enumerate(zip(when, counts, strict=True))
            if n
        ]
    ev = pd.DataFrame(rows, columns=["attack_id", "time_end", "weapon_class", "launched"])
    ev = ev.assign(weapon=ev["weapon_class"], weapon_label=ev["weapon_class"], reporter="kpszsu")
    return StrikeData(events=ev)


def _rates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "weapon_class": list(WEAPON_CLASSES),
            "rate": np.linspace(0.3, 0.85, len(WEAPON_CLASSES)),
            "ci_low": np.linspace(0.2, 0.8, len(WEAPON_CLASSES)),
            "ci_high": np.linspace(0.4, 0.9, len(WEAPON_CLASSES)),
            "confidence_level": 0.95,
        }
    )


def _loop(data, doctrine, rates, draws: int, seed: int) -> np.ndarray:
    """The obvious alternative: one Python pass per draw, a root finder per class."""
    rng = np.random.default_rng(seed)
    classes = list(doctrine.classes["weapon_class"])
    model = fit_threats(data, classes=classes).table.set_index("weapon_class")
    dist = rate_distribution(rates).table.set_index("weapon_class")
    eng = doctrine.engagements
    links = {
        c.weapon_class: ClassLink(eng[eng["weapon_class"] == c.weapon_class], c.ew_share)
        for c in doctrine.classes.itertuples(index=False)
    }
    out = np.zeros((draws, len(eng)))
    for i in range(draws):
        col = 0
        for c in classes:
            m, d, link = model.loc[c], dist.loc[c], links[c]
            mu = rng.gamma(m["post_shape"], 1.0 / m["post_rate"])
            lam = (
                rng.gamma(HORIZON * m["size"], mu / m["size"])
                if np.isfinite(m["size"])
                else HORIZON * mu
            )
            n = rng.poisson(lam)
            split = rng.multinomial(n, np.concatenate([[link.ew], link.share,
                                    [max(0.0, 1 - link.ew - link.engaged)]]))[1:-1]  # fmt: skip
            r = rng.beta(d["a"], d["b"]) - link.ew
            n_shots = link.shots * link.looks

            def f(q, r=r, link=link, n_shots=n_shots):
                return float(np.sum(link.share * (1 - q**n_shots))) - r

            q = 0.0 if f(0.0) <= 0 else (1.0 if f(1.0) >= 0 else optimize.brentq(f, 0.0, 1.0))
            for s in range(len(link.share)):
                miss = q ** link.shots[s]
                alive, salvos = int(split[s]), 0
                for _ in range(int(link.looks[s])):
                    salvos += alive
                    alive = rng.binomial(alive, miss)
                out[i, col] = salvos * link.shots[s]
                col += 1
    return out


def _real():
    root = Path(__file__).resolve().parents[1]
    shared = Path(os.environ.get("AIRDEF_SHARED", root.parent / "shared"))
    path = shared / "data" / "real" / "snapshot_2026-06" / "missile_attacks_daily.csv"
    return airdef.load(path) if path.exists() else None


def main() -> None:
    real = _real()
    if real is not None:
        print(
            f"  real 2026 snapshot, bundled doctrine: {DRAWS:,} draws x every class x {HORIZON} days"
        )

        def full():
            p = project(real, horizon_days=HORIZON, draws=DRAWS, target_rate=0.9, progress=False)
            supply_against_burn(p)
            return p, sensitivity(p)

        start = time.perf_counter()
        p, sens = full()
        t_full = time.perf_counter() - start
        t_proj = best_of(lambda: project(real, horizon_days=HORIZON, draws=DRAWS,
                                         target_rate=0.9, progress=False), repeat=1)  # fmt: skip
        t_sens = best_of(lambda: sensitivity(p), repeat=1)
        print(row("projection (target rate 0.9)", t_proj))
        print(row(f"sensitivity design ({sens.runs:,} runs, Sobol)", t_sens))
        print(row("projection + supply + sensitivity", t_full))
        goal = "met" if t_full < 5.0 else "NOT met"
        print(f"  goal: a few seconds for the full run ({goal}: {t_full:.2f} s)")
    with tempfile.TemporaryDirectory() as folder:
        path = _doctrine(Path(folder))
        doctrine = load_doctrine(path)
        data, rates = _data(), _rates()
        print(
            f"  synthetic: {DRAWS:,} draws x {len(doctrine.classes)} classes x {HORIZON} days, "
            f"{len(doctrine.engagements)} (system, class) pairs, target rate 0.9"
        )
        print(f"  {'':<46} {'airdef':>13} {'other':>13} {'ratio':>8}")

        def ours():
            return project(
                data,
                doctrine=doctrine,
                rates=rates,
                horizon_days=HORIZON,
                draws=DRAWS,
                target_rate=0.9,
                progress=False,
            )

        t_ours = best_of(ours, repeat=2)
        t_loop = best_of(lambda: _loop(data, doctrine, rates, LOOP_DRAWS, 0), repeat=1)
        t_loop *= DRAWS / LOOP_DRAWS
        print(
            row(
                "project vs per-draw Python loop",
                t_ours,
                t_loop,
                f"loop: {LOOP_DRAWS:,} draws, x{DRAWS // LOOP_DRAWS}",
            )
        )


if __name__ == "__main__":
    main()
