"""The result of an analysis: every table a report shows, and structured facts about them.

Nothing here is a sentence: where a section cannot be computed the result keeps a
:class:`Problem` (a code and, for a library's error, its message), and the report
writes the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from airdef.analysis.options import ReportOptions
from airdef.model import StrikeData
from airdef.needs.result import NeedsProjection
from airdef.validate import ValidationSummary

__all__ = [
    "PROBLEM_CODES",
    "PROJECTION_FIELDS",
    "RATE_FIELDS",
    "Analysis",
    "MethodFacts",
    "Problem",
]

#: What a :class:`Problem` can say, by code.
PROBLEM_CODES: tuple[str, ...] = (
    "no-rows",  # no rows could be loaded
    "nothing-selected",  # no rows left after the selection of period and source
    "no-usable-rows",  # no row with launched > 0 and an intercepted count
    "undated",  # no dated rows
    "no-truth-file",  # synthetic data without a .truth.csv beside it
    "error",  # a library call refused the data; ``detail`` holds its message
)


@dataclass(frozen=True)
class Problem:
    """Why a section could not be computed: a code of :data:`PROBLEM_CODES` and, for
    ``error``, the message of the error."""

    code: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_CODES:
            raise ValueError(
                f"unknown problem code {self.code!r}; valid codes: {', '.join(PROBLEM_CODES)}"
            )


@dataclass(frozen=True)
class MethodFacts:
    """Which interval methods the tables use, and the constants of ``auto`` and pooling."""

    used: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    auto_alpha: float = 0.0
    auto_method: str = ""
    single_item_strength: float = 0.0
    break_min_months: int = 0
    break_min_share: float = 0.0


@dataclass
class Analysis:
    """The computed content of a report. Tables are ``None`` where a section could not be made,
    with the reason in ``problems[section]``."""

    options: ReportOptions
    data_all: StrikeData
    data: StrikeData
    quality: ValidationSummary
    selection: dict[str, Any]
    inputs: list[dict[str, Any]] = field(default_factory=list)
    synthetic_rows: int = 0
    usable: bool = False
    overall: pd.DataFrame | None = None
    by_class: pd.DataFrame | None = None
    by_weapon: pd.DataFrame | None = None
    periods: pd.DataFrame | None = None
    partial_periods: pd.DataFrame | None = None
    trend: pd.DataFrame | None = None
    weapon_periods: pd.DataFrame | None = None
    weapon_trend: pd.DataFrame | None = None
    breaks: pd.DataFrame = field(default_factory=pd.DataFrame)
    compare: pd.DataFrame | None = None
    compare_windows: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    casualties_by_city: pd.DataFrame | None = None
    casualties_by_district: pd.DataFrame | None = None
    needs: NeedsProjection | None = None
    needs_systems: pd.DataFrame | None = None
    forecast: pd.DataFrame | None = None
    fan: pd.DataFrame | None = None
    fan_draws: int = 0
    doctrine: Any = None
    ledger: Any = None
    supply: Any = None
    budget: pd.DataFrame | None = None
    attacker_costs: pd.DataFrame | None = None
    exchange: pd.DataFrame | None = None
    sensitivity: Any = None
    truth: pd.DataFrame | None = None
    claims: pd.DataFrame | None = None
    claims_source: str = ""
    decoys: pd.DataFrame | None = None
    reconciled: pd.DataFrame | None = None
    unreconciled: pd.DataFrame | None = None
    truth_source: str = ""
    methods: MethodFacts = field(default_factory=MethodFacts)
    problems: dict[str, Problem] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool:
        """True when any input row is synthetic."""
        return self.synthetic_rows > 0

    @property
    def dated(self) -> bool:
        """True when the data can be analysed over time (usable, with dated rows)."""
        return self.usable and "trend" not in self.problems


#: The parts of the analysis, each filling some fields of :class:`Analysis`; the two
#: groups are independent, so a build may run them in two processes.
RATE_FIELDS: tuple[str, ...] = (
    "overall", "by_class", "by_weapon", "breaks", "periods", "partial_periods", "trend",
    "weapon_periods", "weapon_trend", "compare", "compare_windows",
    "casualties_by_city", "casualties_by_district", "truth", "truth_source", "methods",
    "claims", "claims_source", "decoys", "reconciled", "unreconciled",
)  # fmt: skip
PROJECTION_FIELDS: tuple[str, ...] = (
    "needs", "needs_systems", "forecast", "fan", "fan_draws", "doctrine", "ledger", "supply",
    "budget", "attacker_costs", "exchange", "sensitivity",
)  # fmt: skip
