"""The report's content as plain values for the templates: tables of formatted text and prose.

Templates only lay out what is built here; every number is formatted by
:mod:`airdef.report.fmt`, so tests can look for exactly the same text. Each section
is built by its module in :mod:`airdef.report.sections`.
"""

from __future__ import annotations

from typing import Any

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.findings import RULES, headline, problem_text, summary_findings, truth_sentence
from airdef.report.methods import describe
from airdef.report.provenance import build_time, formats
from airdef.report.sections.casualties import casualties_section
from airdef.report.sections.claims import claims_section
from airdef.report.sections.layout import Figure, Numbering, Table
from airdef.report.sections.methods import breaks_paragraph
from airdef.report.sections.needs import doctrine_section, needs_section
from airdef.report.sections.provenance import provenance_section
from airdef.report.sections.quality import quality_section
from airdef.report.sections.rates import rates_section
from airdef.report.sections.reconciliation import reconciliation_section
from airdef.report.sections.summary import glance_table, key_figures
from airdef.report.sections.trends import comparisons_section, trends_section
from airdef.stats.cluster import RELIABLE_MIN_ATTACKS, RELIABLE_MIN_MINORITY

__all__ = ["SECTIONS", "Figure", "Table", "build_context"]

#: (id, title) of every section, in order; every report has all of them.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("data-quality", "Data quality"),
    ("rates", "Interception rates by class and weapon"),
    ("trends", "Trends"),
    ("comparisons", "Latest period against the one before"),
    ("claims", "Published claims checked against the data"),
    ("reconciliation", "Text reports against the tables"),
    ("casualties", "Casualties by city and district"),
    ("needs", "Munition needs"),
    ("methods", "Methods"),
    ("provenance", "Provenance"),
)

#: How the report names the Air Force dataset when it is among the inputs.
REAL_DATASET = (
    "“Massive Missile Attacks on Ukraine” by Petro Ivaniuk (Kaggle), compiled from the "
    "Ukrainian Air Force’s daily reports"
)


def build_context(analysis: Analysis, *, figures: dict[str, str]) -> dict[str, Any]:
    """Everything ``report.html.j2`` needs, from the analysis and the figures' SVG.

    Parameters
    ----------
    analysis : Analysis
    figures : dict of str to str
        SVG text by figure id (``fig-class``, ``fig-weapon``, ...); a figure whose id
        is missing is not shown.
    """
    from airdef._version import __version__

    a = analysis
    level = f"{a.options.confidence_level:.0%} CI"
    num = Numbering(synthetic=a.synthetic)
    first, last = a.selection["first"], a.selection["last"]
    real = "airforce" in formats(a.data_all)
    built = build_time()
    title = a.options.title or (
        "Air-defence interception: synthetic demonstration data"
        if a.synthetic and not real
        else "Air-defence interception rates and munition needs"
    )
    period = f"{fmt.date(first)} to {fmt.date(last)}" if first is not None else "no dated rows"
    context: dict[str, Any] = {
        "title": title,
        "period": period,
        "version": __version__,
        "built": built.strftime("%Y-%m-%d %H:%M UTC"),
        "built_iso": built.isoformat(),
        "sections": [
            {"id": sid, "number": i + 1, "title": t} for i, (sid, t) in enumerate(SECTIONS)
        ],
        "secnum": {sid: i + 1 for i, (sid, _) in enumerate(SECTIONS)},
        "synthetic": a.synthetic,
        "synthetic_rows": fmt.count(a.synthetic_rows),
        "rows_total": fmt.count(len(a.data_all.events)),
        "real_dataset": REAL_DATASET if real else "",
        "compiled": _compiled(a),
        "inputs": [f["path"] for f in a.inputs],
        "source_choice": a.options.source,
        "level": level,
        "usable": a.usable,
        "problems": {key: problem_text(p) for key, p in a.problems.items()},
        "key": key_figures(a),
        "headline": headline(a),
        "findings": summary_findings(a),
        "truth_sentence": truth_sentence(a),
        "rules": RULES,
        "options": a.options,
        "figures": figures,
    }
    context["glance"] = glance_table(a, num, level)
    context["quality"] = quality_section(a, num)
    if a.usable:
        context["rates"] = rates_section(a, num, level)
        context["trends"] = trends_section(a, num, level)
        context["comparisons"] = comparisons_section(a, num, level)
        context["claims"] = claims_section(a, num, level)
        context["reconciliation"] = reconciliation_section(a, num)
        context["casualties"] = casualties_section(a, num)
        context["needs"] = needs_section(a, num)
    else:
        for key in (
            "rates",
            "trends",
            "comparisons",
            "claims",
            "reconciliation",
            "casualties",
            "needs",
        ):
            context[key] = {}
    m = a.methods
    context["breaks_paragraph"] = breaks_paragraph(a)
    context["break_months"] = fmt.plural(m.break_min_months, "month")
    context["doctrine"] = doctrine_section(a, num)
    context["provenance"] = provenance_section(a, num, context["built"])
    m = a.methods
    context["auto_alpha"] = m.auto_alpha
    context["auto_method"] = m.auto_method
    context["methods_used"] = [(name, describe(name)) for name in m.used]
    context["methods_other"] = [(name, describe(name)) for name in m.other]
    context["single_item_strength"] = m.single_item_strength
    context["reliable_min_attacks"] = f"{RELIABLE_MIN_ATTACKS:.0f}"
    context["reliable_min_minority"] = f"{RELIABLE_MIN_MINORITY:.0f}"
    return context


def _compiled(a: Any) -> dict[str, str] | None:
    """Nights and pages behind rows from the bundled table compiled from public reports."""
    ev = a.data_all.events
    mine = ev["origin"].astype("string").str.startswith("data/public_reports/").fillna(False)
    if not mine.any():
        return None
    rows = ev.loc[mine]
    return {
        "nights": fmt.count(rows["attack_id"].nunique()),
        "pages": fmt.count(rows["source"].nunique()),
    }
