"""The needs projection of a report: the launch forecast and its fan, supply against burn,
what a budget buys, cost exchange and which assumption matters."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from airdef.analysis.options import ReportOptions
from airdef.analysis.result import Analysis, Problem
from airdef.errors import DataError

__all__ = ["REPORT_BUDGET", "SENSITIVITY_BASE", "fan_quantiles", "project", "quiet_classes"]

#: The budget whose worth in days of fire the report shows, in the projection's money:
#: the US package of 27 December 2023 (250 million USD, Stingers among it).
REPORT_BUDGET = 250e6

#: Base sample of the Saltelli design of the report's sensitivity analysis (a power of
#: 2; the model runs are this times the number of factors plus 2).
SENSITIVITY_BASE = 128


def fan_quantiles(model: Any, options: ReportOptions, draws: int) -> pd.DataFrame:
    """Quantiles of cumulative launches per class over days 0..horizon (the fan chart).

    Returns
    -------
    pandas.DataFrame
        ``weapon_class, day, low, q25, median, q75, high, mean_per_day``; ``low`` and
        ``high`` bound the central ``options.interval`` of the draws.
    """
    horizon = options.horizon_days
    days = np.unique(np.linspace(0, horizon, min(horizon, 30) + 1).round().astype(int))
    lo = (1 - options.interval) / 2
    probs = [lo, 0.25, 0.5, 0.75, 1 - lo]
    rows = []
    for h in days:  # about 30 horizons; every class at once
        # the same seed at every horizon (common random numbers) keeps the fan smooth
        rng = np.random.default_rng(options.seed)
        sample = model.draw(int(h), draws, rng) if h > 0 else np.zeros((1, len(model.table)))
        q = np.quantile(sample, probs, axis=0)
        for j, c in enumerate(model.table["weapon_class"]):
            rows.append({"weapon_class": c, "day": int(h), "low": q[0, j], "q25": q[1, j],
                         "median": q[2, j], "q75": q[3, j], "high": q[4, j],
                         "mean_per_day": model.table["mean_per_day"].iat[j]})  # fmt: skip
    return pd.DataFrame(rows)


def quiet_classes(fan: pd.DataFrame | None, at_most: float = 1.0) -> list[str]:
    """The classes of a fan whose upper bound stays at or below ``at_most`` launches over
    the whole horizon: a panel of them would draw a 0-to-1 band and say nothing.

    Examples
    --------
    >>> fan = pd.DataFrame({"weapon_class": ["strike_drone", "recon_drone"] * 2,
    ...                     "day": [0, 0, 30, 30], "high": [0, 0, 900, 1]})
    >>> quiet_classes(fan)
    ['recon_drone']
    """
    if fan is None or fan.empty:
        return []
    top = fan.groupby("weapon_class", observed=True, sort=True)["high"].max()
    return [str(c) for c in top.index[top.le(at_most)]]


def project(analysis: Analysis) -> None:
    """Fill the needs fields of ``analysis``: the doctrine, the :class:`NeedsProjection`,
    its per-system totals, the launch forecast and its fan, supply against burn, what
    :data:`REPORT_BUDGET` buys, cost exchange and the sensitivity indices; a
    :class:`Problem` where the data refuse it."""
    from airdef.needs import load_doctrine, threat_forecast
    from airdef.needs import project as needs_projection
    from airdef.needs.exchange import cost_exchange, load_attacker_costs
    from airdef.needs.ledger import load_ledger
    from airdef.needs.sensitivity import sensitivity
    from airdef.needs.supply import budget_days, supply_against_burn

    options, data = analysis.options, analysis.data
    analysis.doctrine = load_doctrine(options.doctrine)
    try:
        needs = needs_projection(
            data,
            horizon_days=options.horizon_days,
            doctrine=analysis.doctrine,
            target_rate=options.target_rate,
            draws=options.draws,
            seed=options.seed,
            interval=options.interval,
            window_days=options.window_days,
            source=options.source,
            progress=False,
        )
        # The projection's own launch model serves the forecast table and the fan chart.
        model = needs.threat_model
        analysis.forecast = threat_forecast(
            horizon_days=options.horizon_days,
            draws=options.draws,
            seed=options.seed,
            interval=options.interval,
            model=model,
        )
        analysis.fan_draws = options.draws  # the same number of draws as the tables
        analysis.fan = fan_quantiles(model, options, draws=analysis.fan_draws)
        analysis.ledger = load_ledger(systems=analysis.doctrine)
        analysis.supply = supply_against_burn(needs, analysis.ledger)
        analysis.budget = budget_days(needs, REPORT_BUDGET)
        analysis.attacker_costs = load_attacker_costs()
        analysis.exchange = cost_exchange(needs, analysis.attacker_costs)
        analysis.sensitivity = sensitivity(needs, n=SENSITIVITY_BASE)
    except DataError as exc:
        analysis.problems["needs"] = Problem("error", str(exc))
        analysis.needs = analysis.forecast = analysis.fan = None
        return
    analysis.needs = needs
    analysis.needs_systems = needs.by_system()
