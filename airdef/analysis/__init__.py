"""The analysis stage: everything a report shows, computed into one result object.

* :func:`analyse` -- select, estimate, project: an :class:`Analysis`.
* :class:`ReportOptions` -- every parameter of an analysis and its report.
* :func:`casualty_tables`, :func:`truth_comparison` -- tables of their own.
* :func:`choose_findings` -- the facts the summary states, chosen by fixed rules.

This package holds numbers and structured facts only: it draws no figure and writes
no sentence (that is :mod:`airdef.figures` and :mod:`airdef.report`).
"""

from airdef.analysis.casualties import casualty_tables
from airdef.analysis.findings import Finding, choose_findings
from airdef.analysis.options import ReportOptions
from airdef.analysis.pipeline import analyse, analyse_projection, analyse_rates, prepare_analysis
from airdef.analysis.result import (
    PROJECTION_FIELDS,
    RATE_FIELDS,
    Analysis,
    MethodFacts,
    Problem,
)
from airdef.analysis.tables import figure_rows
from airdef.analysis.truth import truth_comparison

__all__ = [
    "PROJECTION_FIELDS",
    "RATE_FIELDS",
    "Analysis",
    "Finding",
    "MethodFacts",
    "Problem",
    "ReportOptions",
    "analyse",
    "analyse_projection",
    "analyse_rates",
    "casualty_tables",
    "choose_findings",
    "figure_rows",
    "prepare_analysis",
    "truth_comparison",
]
