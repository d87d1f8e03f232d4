"""The summary's sentences, written from the numbers by fixed rules.

Nothing here is canned: each sentence is chosen by a rule and filled with the
numbers of the analysis, so another data set gives other sentences. The rules
(:data:`RULES`) are printed in the report's methods appendix.

Candidates, each built only when the data support it:

``volume``
    The weapon class with most launches: its share of launches and its rate.
``change``
    Between the latest ``compare_days`` days and the same number of days before,
    the class whose difference interval lies farthest from zero (the largest
    ``diff_low`` above zero, or ``-diff_high`` below); or, when every interval
    contains zero, a sentence saying there was no significant change.
``break``
    A definition break (drones lost to electronic warfare reported apart from, or
    inside, "intercepted") in a weapon of the class with most launches, or else
    the break with the largest jump in rate: headline rates mix two definitions.
``lowest``
    The class with the lowest rate among those with at least
    :data:`MIN_LAUNCHED` launches (excluding ``unknown`` and ``mixed``).
``trend``
    The class whose whole-period GLM trend is most significant (p < 0.05).

The summary shows three: ``volume``, then ``change``, then ``break`` if there
is one, else ``lowest``; when fewer than three of these exist the rest are
filled from ``lowest`` and ``trend`` in that order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airdef.report import fmt
from airdef.report.analysis import Analysis

__all__ = ["MIN_LAUNCHED", "RULES", "Finding", "headline", "summary_findings", "truth_sentence"]

#: Launches a class needs before it can be named the lowest-rate class.
MIN_LAUNCHED = 30

#: The rules, as the methods appendix prints them.
RULES: tuple[str, ...] = (
    "First, the weapon class with most launches: its share of all launches and its rate.",
    "Second, the clearest significant change between the latest period and the one before: "
    "the class whose difference interval lies farthest from zero; if every interval "
    "contains zero, a sentence saying so.",
    "Third, a definition break that affects a headline number (a break in a weapon of the "
    "class with most launches, else the break with the largest jump in rate); without one, "
    f"the class with the lowest rate among those with at least {MIN_LAUNCHED} launches "
    "(unknown and mixed rows excluded).",
    "When fewer than three of these exist, the lowest-rate class and then the most "
    "significant whole-period trend (p < 0.05) fill the places.",
)


@dataclass(frozen=True)
class Finding:
    """One sentence of the summary, with the rule that chose it."""

    kind: str
    text: str


def _level(analysis: Analysis) -> str:
    return f"{analysis.options.confidence_level:.0%} CI"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(analysis: Analysis) -> str:
    """The opening sentence: period, sources, attacks, launched, intercepted, overall rate."""
    sel = analysis.selection
    if not analysis.usable or analysis.overall is None:
        reason = analysis.problems.get("data", "no usable rows")
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
        f"{row['method']})."
    )


def _volume(a: Analysis) -> tuple[Finding | None, str | None]:
    t = a.by_class
    if t is None or t["launched"].fillna(0).sum() == 0:
        return None, None
    total = float(t["launched"].fillna(0).sum())
    row = t.loc[t["launched"].fillna(0).astype(float).idxmax()]
    share = float(row["launched"]) / total
    text = (
        f"{_cap(fmt.class_name(row['weapon_class']))} made up {fmt.pct(share)} of all launches "
        f"({fmt.count(row['launched'])} of {fmt.count(total)}); {fmt.pct(row['rate'])} of them "
        f"were intercepted ({_level(a)} {fmt.pct_ci(row['ci_low'], row['ci_high'])})."
    )
    return Finding("volume", text), str(row["weapon_class"])


def _change(a: Analysis) -> Finding | None:
    c = a.compare
    if c is None or c.empty:
        return None
    c = c.loc[c["diff"].notna()]
    if c.empty:
        return None
    days = a.options.compare_days
    recent = f"{fmt.date(c['recent_from'].iloc[0])} to {fmt.date(c['recent_to'].iloc[0])}"
    low, high = c["diff_low"].to_numpy(float), c["diff_high"].to_numpy(float)
    distance = np.where(low > 0, low, np.where(high < 0, -high, -np.inf))
    if not np.isfinite(distance).any():
        return Finding(
            "change",
            f"No weapon class's interception rate changed significantly between the latest "
            f"{days} days ({recent}) and the {days} days before: every {_level(a)} of the "
            "difference contains zero.",
        )
    row = c.iloc[int(np.argmax(distance))]
    way = "rose" if row["diff"] > 0 else "fell"
    text = (
        f"The interception rate of {fmt.class_name(row['weapon_class'])} {way} to "
        f"{fmt.pct(row['rate_recent'])} in the latest {days} days ({recent}) from "
        f"{fmt.pct(row['rate_before'])} in the {days} days before: {fmt.pp(row['diff'])} "
        f"({_level(a)} {fmt.pp_ci(row['diff_low'], row['diff_high'])})."
    )
    note = str(row.get("note", "") or "")
    if note and note != "<NA>":
        text += (
            f" The periods straddle a change of definition ({note}), so part of the change "
            "may come from how interceptions were counted."
        )
    return Finding("change", text)


def _break(a: Analysis, main_class: str | None) -> Finding | None:
    b = a.breaks
    if b is None or b.empty:
        return None
    jump = (b["rate_after"] - b["rate_before"]).abs()
    mine = b.loc[b["weapon_class"].astype(str) == (main_class or "")]
    row = mine.loc[jump[mine.index].idxmax()] if len(mine) else b.loc[jump.idxmax()]
    what = (
        "drones lost to electronic warfare start to be reported apart from intercepted"
        if row["change"] == "separate"
        else "drones lost to electronic warfare are counted inside intercepted"
    )
    scope = (
        f"the overall and {fmt.class_name(row['weapon_class'])} rates"
        if str(row["weapon_class"]) == main_class
        else f"the {fmt.class_name(row['weapon_class'])} rate"
    )
    return Finding(
        "break",
        f"From {fmt.date(row['date'], '%B %Y')}, {what} for {row['weapon']}: across that month "
        f"its intercepted-only rate moved from {fmt.pct(row['rate_before'])} to "
        f"{fmt.pct(row['rate_after'])} (three months each side) for that reason alone, so "
        f"{scope} mix two definitions and their trends are not performance changes.",
    )


def _lowest(a: Analysis) -> tuple[Finding | None, str | None]:
    t = a.by_class
    if t is None:
        return None, None
    ok = t.loc[
        (t["launched"].fillna(0) >= MIN_LAUNCHED)
        & ~t["weapon_class"].isin(["unknown", "mixed"])
        & t["rate"].notna()
    ]
    if ok.empty:
        return None, None
    row = ok.loc[ok["rate"].astype(float).idxmin()]
    text = (
        f"{_cap(fmt.class_name(row['weapon_class']))} were intercepted least often: "
        f"{fmt.pct(row['rate'])} of {fmt.count(row['launched'])} launched "
        f"({_level(a)} {fmt.pct_ci(row['ci_low'], row['ci_high'])})."
    )
    return Finding("lowest", text), str(row["weapon_class"])


def _trend(a: Analysis) -> Finding | None:
    t = a.trend
    if t is None or t.empty:
        return None
    ok = t.loc[t["p_value"].notna() & (t["p_value"] < 0.05)]
    if ok.empty:
        return None
    row = ok.loc[ok["p_value"].astype(float).idxmin()]
    way = "rose" if row["odds_ratio_per_year"] > 1 else "fell"
    return Finding(
        "trend",
        f"Over {fmt.date(row['first'])} to {fmt.date(row['last'])} the fitted interception rate "
        f"of {fmt.class_name(row['weapon_class'])} {way} from {fmt.pct(row['rate_first'])} to "
        f"{fmt.pct(row['rate_last'])} (odds ratio per year {fmt.odds_ratio(row['odds_ratio_per_year'])}, "
        f"{_level(a)} {fmt.odds_ratio(row['or_low'])}–{fmt.odds_ratio(row['or_high'])}, "
        f"p {fmt.pvalue(row['p_value'])}).",
    )


def summary_findings(analysis: Analysis, n: int = 3) -> list[Finding]:
    """The ``n`` findings the summary shows, chosen by :data:`RULES`.

    Examples
    --------
    >>> import airdef
    >>> from airdef.report.analysis import analyse
    >>> found = summary_findings(analyse(airdef.simulate(months=6, seed=3)))
    >>> [f.kind for f in found][:2]
    ['volume', 'change']
    """
    if not analysis.usable:
        return []
    volume, main_class = _volume(analysis)
    lowest, low_class = _lowest(analysis)
    if low_class is not None and low_class == main_class:
        lowest = None
    brk = _break(analysis, main_class)
    first = [volume, _change(analysis), brk or lowest]
    rest = [lowest if brk else None, _trend(analysis)]
    chosen = [f for f in first if f is not None]
    chosen += [f for f in rest if f is not None and f not in chosen]
    return chosen[:n]


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
