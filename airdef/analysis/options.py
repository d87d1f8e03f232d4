"""The parameters of an analysis (and of the report that shows it)."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

__all__ = ["ReportOptions"]


@dataclass(frozen=True)
class ReportOptions:
    """Every parameter of a report; all of them are printed in its provenance section.

    Attributes
    ----------
    title : str, optional
        Report title (default: one naming the data).
    since, until : str, optional
        Keep attacks ending in this period (dates, inclusive).
    source : {"national", "all"}
        ``national`` drops the regional air commands, which report kills only.
    doctrine : str, optional
        Doctrine TOML file for the needs projection (default: the bundled one).
    horizon_days : int
        Days ahead for the needs projection.
    target_rate : float, optional
        Interception rate to reach in every class (adds a scenario to the needs).
    seed : int
        Seed of every random draw (bootstrap, Monte Carlo).
    draws : int
        Monte Carlo draws of the needs projection.
    confidence_level : float
        Of every confidence interval of a rate.
    compare_days : int
        Length of each of the two periods compared.
    window_days : int
        Days of recent data behind the launch forecast and the needs.
    interval : float
        Probability of the Monte Carlo intervals of the needs.
    claims : str, optional
        Claims file (TOML) to check against the data (default: the bundled example,
        checked on real data only).
    """

    title: str | None = None
    since: str | None = None
    until: str | None = None
    source: str = "national"
    doctrine: str | None = None
    horizon_days: int = 30
    target_rate: float | None = None
    seed: int = 0
    draws: int = 10_000
    confidence_level: float = 0.95
    compare_days: int = 90
    window_days: int = 90
    interval: float = 0.9
    claims: str | None = None

    def __post_init__(self) -> None:
        if self.source not in ("national", "all"):
            raise ValueError(f"source must be 'national' or 'all', not {self.source!r}")
        for name in ("horizon_days", "draws", "compare_days", "window_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
        if self.target_rate is not None and not 0 <= self.target_rate <= 1:
            raise ValueError(f"target_rate must be between 0 and 1, not {self.target_rate!r}")
        for name in ("confidence_level", "interval"):
            value = getattr(self, name)
            if not 0 < value < 1:
                raise ValueError(f"{name} must be strictly between 0 and 1, not {value!r}")

    def as_rows(self) -> list[tuple[str, str]]:
        """(name, value) of every option, for the provenance table."""
        return [
            (f.name, "" if getattr(self, f.name) is None else str(getattr(self, f.name)))
            for f in fields(self)
        ]
