"""Interceptor-need projection: salvo arithmetic, doctrine files, threat forecasts, Monte Carlo.

* :mod:`airdef.needs.salvo` — kill probabilities of salvos and the shots a target needs.
* :mod:`airdef.needs.doctrine` — the doctrine TOML file: who engages what, shots, costs.
* :mod:`airdef.needs.forecast` — launches per class from recent reports, or a scenario.
* :mod:`airdef.needs.calibrate` — per-shot kill probabilities implied by observed rates.
* :mod:`airdef.needs.montecarlo` — :func:`project`, the Monte Carlo projection
  (a :class:`NeedsProjection`).
* :mod:`airdef.needs.ledger`, :mod:`airdef.needs.kiel` — announced deliveries.
* :mod:`airdef.needs.supply` — supply against burn; :mod:`airdef.needs.exchange` — cost
  exchange; :mod:`airdef.needs.sensitivity` — which assumption matters;
  :mod:`airdef.needs.prices` — costs in one year's money.
"""

from __future__ import annotations

from airdef.needs.calibrate import implied_pk, rate_distribution
from airdef.needs.doctrine import DEFAULT_DOCTRINE, Doctrine, load_doctrine
from airdef.needs.forecast import daily_launches, fit_threats, load_scenario, threat_forecast
from airdef.needs.montecarlo import needs_by_system, project, target_plan
from airdef.needs.result import NeedsProjection
from airdef.needs.salvo import (
    expected_shots_sls,
    mixed_salvo_shots,
    salvo_kill_probability,
    shots_needed,
    single_shot_pk,
)

__all__ = [
    "DEFAULT_DOCTRINE",
    "Doctrine",
    "NeedsProjection",
    "daily_launches",
    "expected_shots_sls",
    "fit_threats",
    "implied_pk",
    "load_doctrine",
    "load_scenario",
    "mixed_salvo_shots",
    "needs_by_system",
    "project",
    "rate_distribution",
    "salvo_kill_probability",
    "shots_needed",
    "single_shot_pk",
    "target_plan",
    "threat_forecast",
]
