"""The analyst-facing rate tables, built from :mod:`airdef.stats`.

* :func:`interception_rates` — rates with intervals by any grouping.
* :func:`rate_trend` — per-period rates and a logistic trend (CR2, Bell-McCaffrey df).
* :func:`compare_periods` — the latest days against the days before, or any two periods.
* :func:`definition_breaks` — changes in what "intercepted" means.
* :func:`main_class` — the weapon class with most launches in each group.
* :func:`decoy_share` — how many reported strike drones were Shahed-type, not decoys.
"""

from airdef.rates.breaks import definition_breaks
from airdef.rates.classes import main_class
from airdef.rates.compare import compare_periods, mover_diff
from airdef.rates.decoys import DECOY_COLUMNS, decoy_share
from airdef.rates.table import RATE_COLUMNS, RATE_METHODS, interception_rates
from airdef.rates.trend import RateTrend, rate_trend

__all__ = [
    "DECOY_COLUMNS",
    "RATE_COLUMNS",
    "RATE_METHODS",
    "RateTrend",
    "compare_periods",
    "decoy_share",
    "definition_breaks",
    "interception_rates",
    "main_class",
    "mover_diff",
    "rate_trend",
]
