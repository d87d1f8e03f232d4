"""The result of a needs projection: tables and draws as fields, facts instead of sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["NeedsProjection", "NeedsSamples"]


@dataclass(frozen=True)
class NeedsSamples:
    """The Monte Carlo draws behind a projection, for supply, cost exchange and checks.

    Arrays have one row per draw; columns follow ``classes`` or ``systems``.

    Attributes
    ----------
    classes, systems : list of str
        Weapon classes of the doctrine; system keys that engage at least one class.
    launched, mean_per_day, rate : numpy.ndarray
        (draws, classes): launches over the horizon, the daily mean behind them,
        the interception rate drawn (NaN without one).
    fired : numpy.ndarray
        (draws, systems): shots over the horizon, whole numbers (NaN where a
        shoot-look-shoot class has no rate).
    fired_target : numpy.ndarray or None
        (draws, systems): shots that reach the target rate.
    kills : numpy.ndarray
        (draws, classes): threats killed by interceptors (NaN without a rate).
    class_cost : numpy.ndarray
        (draws, classes): interceptor cost spent on each class.
    daily_rate : numpy.ndarray
        (draws, systems): expected shots a day given the draw's means and pk.
    unit_cost : numpy.ndarray
        (systems,): cost of one shot in the projection's price year.
    """

    classes: list[str]
    systems: list[str]
    launched: np.ndarray = field(repr=False)
    mean_per_day: np.ndarray = field(repr=False)
    rate: np.ndarray = field(repr=False)
    fired: np.ndarray = field(repr=False)
    fired_target: np.ndarray | None = field(repr=False)
    kills: np.ndarray = field(repr=False)
    class_cost: np.ndarray = field(repr=False)
    daily_rate: np.ndarray = field(repr=False)
    unit_cost: np.ndarray = field(repr=False)


@dataclass(frozen=True)
class NeedsProjection:
    """What :func:`airdef.needs.project` returns.

    Attributes
    ----------
    table : pandas.DataFrame
        Shots, cost and days of supply per (system, class), per system and in
        total (see :data:`airdef.needs.montecarlo.COLUMNS`).
    threats : pandas.DataFrame
        ``weapon_class, mean_per_day, censored_days, launched_median,
        launched_low, launched_high``: the launches behind the table.
    pk : pandas.DataFrame
        Per-shot kill probabilities implied by the observed rates
        (:func:`airdef.needs.implied_pk`).
    assumptions : pandas.DataFrame
        ``topic, subject, item, value, text, source``: every assumption as a fact
        (``topic`` one of launches, rates, doctrine, prices, model). Readers write
        the sentences.
    notes : pandas.DataFrame
        ``kind, weapon_class, value``: things a reader should know (``kind`` one
        of ``unengaged_class`` (value: launches in the window),
        ``rate_above_doctrine`` (value: share of draws), ``no_rate``,
        ``censored_days`` (value: days)).
    doctrine : Doctrine
    rates : pandas.DataFrame
        The rate table used.
    threat_model : ThreatModel
    horizon_days, draws, seed : int
    interval : float
    target_rate : float or None
    currency : str
    price_year : int
        The year whose money every cost is in.
    samples : NeedsSamples
    """

    table: pd.DataFrame
    threats: pd.DataFrame
    pk: pd.DataFrame
    assumptions: pd.DataFrame
    notes: pd.DataFrame
    doctrine: Any = field(repr=False)
    rates: pd.DataFrame = field(repr=False)
    threat_model: Any = field(repr=False)
    horizon_days: int = 30
    draws: int = 0
    seed: int = 0
    interval: float = 0.9
    target_rate: float | None = None
    currency: str = ""
    price_year: int = 0
    samples: NeedsSamples | None = field(default=None, repr=False)

    def by_system(self) -> pd.DataFrame:
        """The per-system totals of ``table`` (its ``weapon_class == "all"`` rows)."""
        t = self.table
        keep = (t["weapon_class"] == "all") & (t["system"] != "all")
        return t.loc[keep].reset_index(drop=True)
