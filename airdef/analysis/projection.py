"""The launch forecast, its fan of quantiles, and the needs projection of a report."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from airdef.analysis.options import ReportOptions
from airdef.analysis.result import Analysis, NeedsFacts, Problem
from airdef.errors import DataError

__all__ = ["fan_quantiles", "project"]


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


def _facts(needs: pd.DataFrame, forecast: pd.DataFrame) -> NeedsFacts:
    """The projection's parameters and assumptions, out of the tables' metadata."""
    attrs = needs.attrs
    assumptions = tuple(str(t) for t in attrs.get("assumptions", []))
    return NeedsFacts(
        currency=attrs.get("currency", ""),
        draws=attrs.get("draws"),
        horizon_days=attrs.get("horizon_days"),
        seed=attrs.get("seed"),
        doctrine=attrs.get("doctrine"),
        notes=tuple(str(t) for t in attrs.get("notes", [])),
        assumptions=assumptions,
        model_assumptions=tuple(
            t.removeprefix("model: ") for t in assumptions if t.startswith("model: ")
        ),
        forecast_basis=str(forecast.attrs.get("basis", "")),
    )


def project(analysis: Analysis) -> None:
    """Fill the needs fields of ``analysis``: doctrine, needs, needs per system, their facts,
    the launch forecast and its fan; a :class:`Problem` where the data refuse it."""
    from airdef.needs import (
        fit_threats,
        load_doctrine,
        needs_by_system,
        project_needs,
        threat_forecast,
    )

    options, data = analysis.options, analysis.data
    analysis.doctrine = load_doctrine(options.doctrine)
    try:
        analysis.needs = project_needs(
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
        # One fitted launch model serves the forecast table and the fan chart.
        model = fit_threats(data, window_days=options.window_days, source=options.source)
        analysis.forecast = threat_forecast(
            horizon_days=options.horizon_days,
            draws=options.draws,
            seed=options.seed,
            interval=options.interval,
            model=model,
        )
        analysis.fan_draws = options.draws  # the same number of draws as the tables
        analysis.fan = fan_quantiles(model, options, draws=analysis.fan_draws)
    except DataError as exc:
        analysis.problems["needs"] = Problem("error", str(exc))
        analysis.needs = analysis.forecast = analysis.fan = None
        return
    analysis.needs_systems = needs_by_system(analysis.needs)
    analysis.needs_facts = _facts(analysis.needs, analysis.forecast)
