"""airdef: interception rates with honest intervals from public strike reports.

The public API is re-exported here and imported on first use, so that
``import airdef`` and the command line start quickly.

Examples
--------
>>> import airdef
>>> data = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
>>> data
StrikeData(1 events in 1 attacks, 2024-01-23 to 2024-01-23, 2 casualty rows, 0 quarantined)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from airdef._version import __version__
from airdef.errors import DataError

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    "StrikeData": "airdef.model",
    "concat": "airdef.model",
    "load": "airdef.io",
    "write_canonical": "airdef.io.canonical",
    "load_catalog": "airdef.catalog",
    "summarize": "airdef.validate",
    "sample_path": "airdef.samples",
    "parse_report": "airdef.io.text",
    "reconcile": "airdef.reconcile",
    "simulate": "airdef.synthetic",
    "true_rates": "airdef.synthetic",
    "SimulationSpec": "airdef.synthetic",
    "fetch_dataset": "airdef.fetch",
    "raw_dataset_path": "airdef.fetch",
    "interception_rates": "airdef.rates",
    "rate_trend": "airdef.rates",
    "compare_periods": "airdef.rates",
    "definition_breaks": "airdef.rates",
    "main_class": "airdef.rates",
    "binomial_ci": "airdef.stats.binomial",
    "diff_ci": "airdef.stats.diff",
    "cluster_summary": "airdef.stats.cluster",
    "clustered_ci": "airdef.stats.cluster",
    "betabinomial_fit": "airdef.stats.betabinom",
    "eb_pool": "airdef.stats.pooling",
    "salvo_kill_probability": "airdef.needs",
    "shots_needed": "airdef.needs",
    "single_shot_pk": "airdef.needs",
    "expected_shots_sls": "airdef.needs",
    "mixed_salvo_shots": "airdef.needs",
    "load_doctrine": "airdef.needs",
    "load_scenario": "airdef.needs",
    "threat_forecast": "airdef.needs",
    "implied_pk": "airdef.needs",
    "needs_by_system": "airdef.needs",
    "build_report": "airdef.report",
}

__all__ = ["DataError", "__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'airdef' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from airdef.catalog import load_catalog
    from airdef.fetch import fetch_dataset, raw_dataset_path
    from airdef.io import load
    from airdef.io.canonical import write_canonical
    from airdef.io.text import parse_report
    from airdef.model import StrikeData, concat
    from airdef.needs import (
        expected_shots_sls,
        implied_pk,
        load_doctrine,
        load_scenario,
        mixed_salvo_shots,
        needs_by_system,
        salvo_kill_probability,
        shots_needed,
        single_shot_pk,
        threat_forecast,
    )
    from airdef.rates import (
        compare_periods,
        definition_breaks,
        interception_rates,
        main_class,
        rate_trend,
    )
    from airdef.reconcile import reconcile
    from airdef.report import build_report
    from airdef.samples import sample_path
    from airdef.stats.betabinom import betabinomial_fit
    from airdef.stats.binomial import binomial_ci
    from airdef.stats.cluster import cluster_summary, clustered_ci
    from airdef.stats.diff import diff_ci
    from airdef.stats.pooling import eb_pool
    from airdef.synthetic import SimulationSpec, simulate, true_rates
    from airdef.validate import summarize
