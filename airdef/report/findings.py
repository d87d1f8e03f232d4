"""The summary's sentences, written from the facts the analysis chose.

Nothing here is canned: :func:`airdef.analysis.choose_findings` chooses each fact by a
rule from the numbers, and this module writes it, so another data set gives other
sentences. The rules (:data:`RULES`) are printed in the report's methods appendix.
"""

from __future__ import annotations

from airdef.analysis import Analysis, Finding, Problem, choose_findings
from airdef.analysis.findings import GROWTH_MONTHS, MIN_LAUNCHED, TREND_ALPHA
from airdef.report import fmt

__all__ = [
    "PROBLEM_TEXT",
    "RULES",
    "finding_sentence",
    "headline",
    "problem_text",
    "summary_findings",
    "truth_sentence",
]

#: What each problem code of :data:`airdef.analysis.result.PROBLEM_CODES` says.
PROBLEM_TEXT: dict[str, str] = {
    "no-rows": "no rows could be loaded from the input",
    "nothing-selected": "no rows are left after the selection of period and source",
    "no-usable-rows": "no row has both a launched count above zero and an intercepted count",
    "undated": "the data has no dated rows",
    "no-truth-file": "no true rates were found: no .truth.csv file beside the synthetic input",
}

#: The rules, as the methods appendix prints them.
RULES: tuple[str, ...] = (
    "First, the weapon class with most launches: its share of all launches, its rate and, "
    "where it differs, its neutralized rate (intercepted or lost to electronic warfare).",
    f"Second, the rates of ballistic and cruise missiles, each where at least {MIN_LAUNCHED} "
    "were launched, whatever the class with most launches.",
    f"Third, the launches per month of the class with most launches: the mean of the first "
    f"and of the last {GROWTH_MONTHS} whole months (partial months left out) and the peak.",
    "Fourth, the clearest significant change between the latest period and the one before: "
    "the class whose difference interval lies farthest from zero; if every interval "
    "contains zero, a sentence saying so.",
    "Fifth, a definition break that affects a headline number (a break in a weapon of the "
    "class with most launches, else the break with the largest jump in rate); without one, "
    f"the class with the lowest rate among those with at least {MIN_LAUNCHED} launches and "
    "an informative interval (unknown and mixed rows excluded).",
    "Sixth, the attack with most weapons launched, against the median attack.",
    "When fewer than six of these exist, the lowest-rate class and then the most "
    f"significant whole-period trend (p < {TREND_ALPHA:g}) whose data do not straddle a "
    "definition break fill the places.",
    "No figure is stated twice: a finding whose figure (a class's rate, its launches per "
    "month, its change, its trend, a break, the largest attack) an earlier finding already "
    "states is skipped, so the lowest-rate class is left out when it is a missile class "
    "the second finding names.",
)


def _level(analysis: Analysis) -> str:
    return f"{analysis.options.confidence_level:.0%} CI"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(analysis: Analysis) -> str:
    """The opening sentence: period, sources, attacks, launched, intercepted, overall rate."""
    sel = analysis.selection
    if not analysis.usable or analysis.overall is None:
        reason = problem_text(analysis.problems.get("data"))
        return (
            f"This report has no interception rates to show: {reason}. "
            f"{fmt.count(analysis.quality.rows_read)} rows were read and "
            f"{fmt.count(analysis.quality.rows_quarantined)} quarantined."
        )
    row = analysis.overall.iloc[0]
    reporters = sel["reporters"]
    top = max(reporters, key=reporters.get) if reporters else "(none)"
    source = f"{fmt.plural(len(reporters), 'source')}, most rows from {top}"
    return (
        f"From {fmt.date(sel['first'])} to {fmt.date(sel['last'])}, the reports ({source}) "
        f"record {fmt.plural(sel['attacks'], 'attack')} with {fmt.count(row['launched'])} weapons "
        f"launched and {fmt.count(row['intercepted'])} intercepted: an overall interception rate "
        f"of {fmt.pct(row['rate'])} ({_level(analysis)} {fmt.pct_ci(row['ci_low'], row['ci_high'])}, "
        f"{row['method']}). Counting weapons lost to electronic warfare as well, "
        f"{fmt.pct(row['rate_neutralized'])} were neutralized ({_level(analysis)} "
        f"{fmt.pct_ci(row['ci_low_neutralized'], row['ci_high_neutralized'])})."
    )


def problem_text(problem: Problem | None) -> str:
    """What a :class:`~airdef.analysis.Problem` says, as the report prints it.

    Examples
    --------
    >>> problem_text(Problem("undated"))
    'the data has no dated rows'
    """
    if problem is None:
        return "no usable rows"
    if problem.code == "error":
        return problem.detail
    return PROBLEM_TEXT[problem.code]


def _volume(a: Analysis, f: Finding) -> str:
    row, share, total = f.row, f.facts["share"], f.facts["total"]
    return (
        f"{_cap(fmt.class_name(row['weapon_class']))} made up {fmt.pct(share)} of all launches "
        f"({fmt.count(row['launched'])} of {fmt.count(total)}); {fmt.pct(row['rate'])} of them "
        f"were intercepted ({_interval(a, row)})"
        + (
            f", {fmt.pct(row['rate_neutralized'])} neutralized counting those lost to "
            "electronic warfare."
            if not fmt.is_missing(row.get("rate_neutralized"))
            and row.get("rate_neutralized") != row["rate"]
            else "."
        )
    )


def _change(a: Analysis, f: Finding) -> str:
    days = a.options.compare_days
    recent = f"{fmt.date(f.facts['recent_first'])} to {fmt.date(f.facts['recent_last'])}"
    if not f.row:
        return (
            f"No weapon class's interception rate changed significantly between the latest "
            f"{days} days ({recent}) and the {days} days before: every {_level(a)} of the "
            "difference contains zero."
        )
    row = f.row
    way = "rose" if row["diff"] > 0 else "fell"
    text = (
        f"The interception rate of {fmt.class_name(row['weapon_class'])} {way} to "
        f"{fmt.pct(row['rate_recent'])} in the latest {days} days ({recent}) from "
        f"{fmt.pct(row['rate_before'])} in the {days} days before: {fmt.pp(row['diff'])} "
        f"({_level(a)} {fmt.pp_ci(row['diff_low'], row['diff_high'])})."
    )
    if f.facts["straddles"]:
        text += (
            f" The periods straddle a change of definition ({f.facts['straddles']}), so part of "
            "the change may come from how interceptions were counted."
        )
    return text


def _break(a: Analysis, f: Finding) -> str:
    row = f.row
    what = (
        "drones lost to electronic warfare start to be reported apart from intercepted"
        if row["change"] == "separate"
        else "drones lost to electronic warfare are counted inside intercepted"
    )
    scope = (
        f"the overall and {fmt.class_name(row['weapon_class'])} rates"
        if f.facts["in_main_class"]
        else f"the {fmt.class_name(row['weapon_class'])} rate"
    )
    return (
        f"From {fmt.date(row['date'], '%B %Y')}, {what} for {row['weapon']}: across that month "
        f"its intercepted-only rate moved from {fmt.pct(row['rate_before'])} to "
        f"{fmt.pct(row['rate_after'])} ({fmt.plural(a.methods.break_min_months, 'month')} with "
        "launches on each side) for that reason alone, so "
        f"{scope} mix two definitions and their trends are not performance changes."
    )


def _lowest(a: Analysis, f: Finding) -> str:
    row = f.row
    return (
        f"{_cap(fmt.class_name(row['weapon_class']))} were intercepted least often: "
        f"{fmt.pct(row['rate'])} of {fmt.count(row['launched'])} launched "
        f"({_level(a)} {fmt.pct_ci(row['ci_low'], row['ci_high'])})."
    )


def _trend(a: Analysis, f: Finding) -> str:
    row = f.row
    way = "rose" if f.facts["rose"] else "fell"
    return (
        f"Over {fmt.date(row['first'])} to {fmt.date(row['last'])} the fitted interception rate "
        f"of {fmt.class_name(row['weapon_class'])} {way} from {fmt.pct(row['rate_first'])} to "
        f"{fmt.pct(row['rate_last'])} (odds ratio per year {fmt.odds_ratio(row['odds_ratio_per_year'])}, "
        f"{_level(a)} {fmt.odds_ratio(row['or_low'])}–{fmt.odds_ratio(row['or_high'])}, "
        f"p {fmt.pvalue(row['p_value'])})."
    )


def _interval(a: Analysis, r: dict) -> str:
    """A rate's interval in a sentence, never bare when the table marks it uninformative:
    then the pooled estimate, with its interval where that one says something."""
    if fmt.is_missing(r.get("reliable")) or bool(r.get("reliable")):
        return f"{_level(a)} {fmt.pct_ci(r['ci_low'], r['ci_high'])}"
    out = "from too few independent attacks for an interval"
    if not fmt.is_missing(r.get("rate_pooled")):
        out += f"; pooled estimate {fmt.pct(r['rate_pooled'])}"
        ok = r.get("reliable_pooled")
        if not fmt.is_missing(r.get("ci_low_pooled")) and (fmt.is_missing(ok) or bool(ok)):
            out += f", {_level(a)} {fmt.pct_ci(r['ci_low_pooled'], r['ci_high_pooled'])}"
    return out


def _missiles(a: Analysis, f: Finding) -> str:
    parts = [
        f"{fmt.pct(r['rate'])} of {fmt.count(r['launched'])} {fmt.class_name(r['weapon_class'])} "
        f"were intercepted ({_interval(a, r)})"
        for r in f.facts["rows"]
    ]
    return f"Of the missiles, {'; '.join(parts)}."


def _growth(a: Analysis, f: Finding) -> str:
    x = f.facts
    span = "{} to {}"
    # a table of chosen nights (the bundled compiled table) does not count every launch
    chosen = a.data.events["origin"].astype("string").str.startswith("data/public_reports/")
    where = " in the nights the table covers" if chosen.fillna(False).any() else ""
    return (
        f"Launches of {fmt.class_name(x['weapon_class'])}{where} went from "
        f"{fmt.count(x['first_mean'])} a month ("
        + span.format(fmt.date(x["first_from"], "%Y-%m"), fmt.date(x["first_to"], "%Y-%m"))
        + f") to {fmt.count(x['last_mean'])} a month ("
        + span.format(fmt.date(x["last_from"], "%Y-%m"), fmt.date(x["last_to"], "%Y-%m"))
        + f"), with a peak of {fmt.count(x['peak'])} in {fmt.date(x['peak_period'], '%B %Y')} "
        "(whole months only)."
    )


def _largest(a: Analysis, f: Finding) -> str:
    r = f.row
    rate = (
        ""
        if fmt.is_missing(r["intercepted"])
        else f", {fmt.count(r['intercepted'])} intercepted ({fmt.pct(r['intercepted'] / r['launched'])})"
    )
    return (
        f"The largest attack, reported on {fmt.date(r['when'])}, had {fmt.count(r['launched'])} "
        f"weapons launched{rate}; the median attack had {fmt.count(f.facts['median'])}."
    )


_WRITERS = {"volume": _volume, "change": _change, "break": _break, "lowest": _lowest,
            "trend": _trend, "missiles": _missiles, "growth": _growth,
            "largest": _largest}  # fmt: skip


def finding_sentence(analysis: Analysis, finding: Finding) -> str:
    """The sentence that states ``finding``."""
    return _WRITERS[finding.kind](analysis, finding)


def summary_findings(analysis: Analysis, n: int = 6) -> list[str]:
    """The ``n`` sentences of the summary, for the findings :func:`airdef.analysis.choose_findings`
    chooses by :data:`RULES`.

    Examples
    --------
    >>> import airdef
    >>> from airdef.analysis import analyse
    >>> found = summary_findings(analyse(airdef.simulate(months=6, seed=3)))
    >>> found[0].split(" made up ")[0]
    'Strike drones'
    """
    return [finding_sentence(analysis, f) for f in choose_findings(analysis, n)]


def truth_sentence(analysis: Analysis) -> str | None:
    """For synthetic data: how many intervals contain the rate the simulation reported."""
    t = analysis.truth
    if t is None or t.empty:
        return None
    covered = int(t["covered"].sum())
    missed = t.loc[~t["covered"]]
    text = (
        f"The data are synthetic, so the truth is known: the {_level(analysis)}s of {covered} of "
        f"the {len(t)} weapon rates contain the true rate"
    )
    if len(missed):
        names = ", ".join(
            f"{r.weapon} ({fmt.pct(r.rate)} estimated, {fmt.pct(r.reported_rate)} true)"
            for r in missed.itertuples(index=False)
        )
        text += f"; the exceptions are {names}"
    return text + "."
