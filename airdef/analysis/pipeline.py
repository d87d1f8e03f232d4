"""Run the analysis: select, estimate the rate tables, project the needs.

:func:`analyse` runs the library once per table (rates, trends, comparisons,
casualties, needs, true rates of synthetic data) and keeps the results in an
:class:`~airdef.analysis.result.Analysis`. A section that cannot be computed from
the data at hand (no dated rows, nothing launched, ...) keeps a
:class:`~airdef.analysis.result.Problem` instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from airdef.analysis.casualties import casualty_tables
from airdef.analysis.decoys import decoy_table
from airdef.analysis.options import ReportOptions
from airdef.analysis.projection import project
from airdef.analysis.reconciliation import reconciliation
from airdef.analysis.result import Analysis, MethodFacts, Problem
from airdef.analysis.tables import (
    class_order,
    partial_months,
    selection_summary,
    window_dates,
    with_reliable,
)
from airdef.analysis.truth import truth_comparison
from airdef.model import StrikeData, event_time
from airdef.validate import summarize

__all__ = [
    "POOLED",
    "analyse",
    "analyse_projection",
    "analyse_rates",
    "method_facts",
    "methods_used",
    "prepare_analysis",
]

#: Pooled (empirical-Bayes) rates beside the raw ones in the rate tables.
POOLED = True

#: The rule of :func:`airdef.rates.definition_breaks`: reporting months needed on each side
#: of a break, and the suppressed share of launches for a month to count as reporting.
BREAK_MIN_MONTHS = 3
BREAK_MIN_SHARE = 0.01


#: Weapons with a monthly trend of their own: at least this many attacks, a reliable
#: whole-period rate, a named type (not a class word), at most TREND_MAX_WEAPONS of them,
#: most launched first.
TREND_MIN_ATTACKS = 30
TREND_MAX_WEAPONS = 9


def trended_weapons(by_weapon: pd.DataFrame | None) -> list[str]:
    """The weapons that get a monthly trend of their own (see :data:`TREND_MIN_ATTACKS`).

    Examples
    --------
    >>> t = pd.DataFrame({"weapon": ["Kalibr", "Kh-22", "Unknown Missile"],
    ...                   "weapon_class": ["cruise_missile", "anti_aircraft_missile", "unknown"],
    ...                   "attacks": [60, 12, 90], "launched": [900, 40, 300],
    ...                   "reliable": [True, True, True]})
    >>> trended_weapons(t)
    ['Kalibr']
    """
    if by_weapon is None or by_weapon.empty:
        return []
    named = ~by_weapon["weapon_class"].astype("string").isin(["unknown", "mixed"]).fillna(True)
    enough = by_weapon["attacks"].fillna(0).ge(TREND_MIN_ATTACKS)
    keep = by_weapon.loc[named & enough & by_weapon["reliable"].fillna(False).astype(bool)]
    keep = keep.sort_values("launched", ascending=False, kind="stable")
    return [str(w) for w in keep["weapon"].head(TREND_MAX_WEAPONS)]


def methods_used(tables: Iterable[pd.DataFrame | None]) -> list[str]:
    """The distinct ``method`` values of the tables, in order of first appearance
    (``none``, nothing launched, left out).

    Examples
    --------
    >>> methods_used([pd.DataFrame({"method": ["wilson", "none", "bootstrap", "wilson"]}), None])
    ['wilson', 'bootstrap']
    """
    seen: dict[str, None] = {}
    for table in tables:
        if table is None:
            continue
        for column in table.columns:
            if column == "method" or column.startswith("method_"):
                for value in table[column].dropna().astype(str):
                    seen.setdefault(value, None)
    return [m for m in seen if m != "none"]


def method_facts(tables: Iterable[pd.DataFrame | None]) -> MethodFacts:
    """The methods the tables use, the others one could choose, and the constants the
    methods appendix states."""
    from airdef.stats.cluster import AUTO_ALPHA, AUTO_METHOD, CLUSTER_METHODS
    from airdef.stats.pooling import SINGLE_ITEM_STRENGTH

    used = methods_used(tables)
    return MethodFacts(
        used=tuple(used),
        other=tuple(m for m in CLUSTER_METHODS if m != "auto" and m not in used),
        auto_alpha=AUTO_ALPHA,
        auto_method=AUTO_METHOD,
        single_item_strength=SINGLE_ITEM_STRENGTH,
        break_min_months=BREAK_MIN_MONTHS,
        break_min_share=BREAK_MIN_SHARE,
    )


def pooled_reliable(table: pd.DataFrame) -> pd.DataFrame:
    """The table with ``reliable_pooled``: is the pooled interval (where there is one)
    narrow enough to say something (:data:`~airdef.analysis.tables.RELIABLE_MAX_WIDTH`)?"""
    if "ci_low_pooled" not in table:
        return table
    flags = with_reliable(
        table.drop(columns="reliable"), low="ci_low_pooled", high="ci_high_pooled", attacks=""
    )["reliable"]
    return table.assign(reliable_pooled=flags.to_numpy())


#: The columns of the neutralized (intercepted + suppressed) rate put beside the
#: intercepted-only rate of a table.
NEUTRALIZED_COLUMNS: tuple[str, ...] = ("intercepted", "rate", "ci_low", "ci_high", "reliable")


def with_neutralized(table: pd.DataFrame, neutralized: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """``table`` with the neutralized rate of each row beside it (``*_neutralized``)."""
    extra = with_reliable(neutralized)[[*by, *NEUTRALIZED_COLUMNS]]
    extra = extra.rename(columns={c: f"{c}_neutralized" for c in NEUTRALIZED_COLUMNS})
    if not by:
        return pd.concat([table.reset_index(drop=True), extra.reset_index(drop=True)], axis=1)
    return table.merge(extra, on=by, how="left")


def without_matched_text(
    data: StrikeData, both: tuple[pd.DataFrame, pd.DataFrame] | None
) -> tuple[StrikeData, int]:
    """The data without the events of text reports that match an attack in the tables
    (the table already counts that attack), and how many text attacks were left out."""
    if both is None:
        return data, 0
    matched, unmatched = both
    ids = set(matched["attack_id_text"]) | set(unmatched.loc[unmatched["linked"], "attack_id"])
    if not ids:
        return data, 0
    keep = ~data.events["attack_id"].isin(ids).fillna(False)
    out = StrikeData(
        events=data.events.loc[keep].reset_index(drop=True),
        casualties=data.casualties,
        quarantine=data.quarantine,
        provenance=data.provenance,
        evidence=data.evidence,
    )
    return out, len(ids)


def prepare_analysis(data: StrikeData, options: ReportOptions | None = None) -> Analysis:
    """Select the data and check that it has something to estimate; no estimates yet."""
    from airdef.analysis.inputs import input_files
    from airdef.synthetic import is_synthetic

    options = options or ReportOptions()
    selected = data.select(since=options.since, until=options.until, source=options.source)
    both = reconciliation(selected)
    chosen = selected
    selected, text_left_out = without_matched_text(selected, both)
    result = Analysis(
        options=options,
        data_all=data,
        data=selected,
        quality=summarize(data),
        selection=selection_summary(data, chosen, options.since, options.until),
        inputs=input_files(data),
        synthetic_rows=int(is_synthetic(data.events).sum()) if len(data.events) else 0,
        methods=method_facts([]),
    )
    if both is not None:
        result.reconciled, result.unreconciled = both
    result.selection["text_attacks_left_out"] = text_left_out
    if text_left_out:
        result.selection["rows_kept"] = len(selected.events)
        result.selection["attacks"] = int(selected.events["attack_id"].nunique())
        result.selection["reporters"] = {
            str(k): int(v) for k, v in selected.events["reporter"].value_counts().items()
        }
    ev = selected.events
    launched = pd.to_numeric(ev["launched"], errors="coerce")
    usable_rows = launched.gt(0).fillna(False) & ev["intercepted"].notna()
    if not len(data.events):
        result.problems["data"] = Problem("no-rows")
    elif not len(ev):
        result.problems["data"] = Problem("nothing-selected")
    elif not usable_rows.any():
        result.problems["data"] = Problem("no-usable-rows")
    result.usable = "data" not in result.problems
    if result.usable and not event_time(ev).notna().any():
        for key in ("trend", "compare", "needs"):
            result.problems[key] = Problem("undated")
    return result


def analyse_rates(result: Analysis, truth: pd.DataFrame | None = None) -> Analysis:
    """Fill :data:`~airdef.analysis.result.RATE_FIELDS`: rate tables, definition breaks,
    monthly trends, period comparison, casualties and true rates."""
    from airdef.analysis.inputs import truth_beside
    from airdef.rates import (
        compare_periods,
        definition_breaks,
        interception_rates,
        main_class,
        rate_trend,
    )

    if not result.usable:
        return result
    options, selected = result.options, result.data
    ev = selected.events
    kwargs = {"confidence_level": options.confidence_level, "seed": options.seed}
    neutral = {"outcome": "neutralized", **kwargs}
    result.overall = with_neutralized(
        with_reliable(interception_rates(selected, by=[], **kwargs)),
        interception_rates(selected, by=[], **neutral),
        [],
    )
    by_class = interception_rates(selected, by="weapon_class", pooled=POOLED, **kwargs)
    by_class = with_neutralized(
        by_class, interception_rates(selected, by="weapon_class", **neutral), ["weapon_class"]
    )
    result.by_class = pooled_reliable(
        with_reliable(
            by_class.iloc[np.argsort(class_order(by_class), kind="stable")].reset_index(drop=True)
        )
    )
    by_weapon = interception_rates(selected, by="weapon", pooled=POOLED, **kwargs)
    labels = by_weapon["weapon"].astype("string").fillna("(missing)")
    by_weapon.insert(1, "weapon_class", main_class(ev, "weapon").reindex(labels).to_numpy())
    order = np.lexsort((-by_weapon["launched"].fillna(0).to_numpy(float),
                        class_order(by_weapon).to_numpy()))  # fmt: skip
    result.by_weapon = pooled_reliable(with_reliable(by_weapon.iloc[order].reset_index(drop=True)))
    result.breaks = definition_breaks(ev, min_months=BREAK_MIN_MONTHS, min_share=BREAK_MIN_SHARE)
    result.decoys = decoy_table(selected)
    if result.dated:
        trend = rate_trend(selected, by="weapon_class", freq="MS", **kwargs)
        result.periods, result.trend = trend.periods, trend.trend
        result.partial_periods = partial_months(result.selection["first"], result.selection["last"])
        trended = trended_weapons(result.by_weapon)
        if trended:
            mine = selected.events.loc[selected.events["weapon"].isin(trended).fillna(False)]
            weapons = rate_trend(mine, by="weapon", freq="MS", **kwargs)
            classes = result.by_weapon.set_index("weapon")["weapon_class"]
            result.weapon_periods = weapons.periods.assign(
                weapon_class=weapons.periods["weapon"].map(classes)
            )
            order = {w: i for i, w in enumerate(trended)}
            result.weapon_trend = (
                weapons.trend.assign(weapon_class=weapons.trend["weapon"].map(classes))
                .sort_values("weapon", key=lambda w: w.map(order), kind="stable")
                .reset_index(drop=True)
            )
        compare = compare_periods(selected, by="weapon_class", days=options.compare_days, **kwargs)
        compare = compare.iloc[np.argsort(class_order(compare), kind="stable")].reset_index(
            drop=True
        )
        for period in ("recent", "before"):
            if f"reliable_{period}" in compare:  # the rate tables' own flag decides
                continue
            flags = with_reliable(
                compare, low=f"ci_low_{period}", high=f"ci_high_{period}", attacks=""
            )["reliable"]
            compare[f"reliable_{period}"] = flags.to_numpy()
        result.compare = compare
        if len(compare):
            row = compare.iloc[0]
            result.compare_windows = {
                "recent": window_dates(ev, row["recent_from"], row["recent_to"]),
                "before": window_dates(ev, row["before_from"], row["before_to"]),
            }
    if len(selected.casualties):
        result.casualties_by_city, result.casualties_by_district = casualty_tables(
            selected.casualties
        )
    if result.synthetic:
        source = "passed in"
        if truth is None:
            truth, source = truth_beside(result.data_all)
        if truth is None:
            result.problems["truth"] = Problem("no-truth-file")
        else:
            result.truth = truth_comparison(selected, truth, **kwargs)
            result.truth_source = source
    check_the_claims(result)
    result.methods = method_facts(
        [result.overall, result.by_class, result.by_weapon, result.periods, result.compare,
         result.truth]
    )  # fmt: skip
    return result


def check_the_claims(result: Analysis) -> None:
    """Fill ``claims``: the claims file of the options, or the bundled example on real data."""
    from airdef.analysis.claims import bundled_claims_path, check_claims, read_claims

    path = result.options.claims
    if path is None:
        if result.synthetic:
            return
        path = str(bundled_claims_path())
    claims = read_claims(path)
    if claims:
        result.claims = check_claims(
            result.data, claims, confidence_level=result.options.confidence_level,
            seed=result.options.seed,
        )  # fmt: skip
        from airdef.analysis.inputs import input_label

        result.claims_source = (
            "the bundled example claims.toml" if result.options.claims is None
            else input_label(path)
        )  # fmt: skip


def analyse_projection(result: Analysis) -> Analysis:
    """Fill :data:`~airdef.analysis.result.PROJECTION_FIELDS`: the launch forecast and the
    needs projection."""
    if result.dated:
        project(result)
    return result


def analyse(
    data: StrikeData, options: ReportOptions | None = None, *, truth: pd.DataFrame | None = None
) -> Analysis:
    """Compute every table of the report.

    Parameters
    ----------
    data : StrikeData
        Everything that was loaded (the selection of ``options`` is applied here).
    options : ReportOptions, optional
    truth : pandas.DataFrame, optional
        True rates of synthetic data (as :func:`airdef.true_rates` returns them);
        by default read from ``<name>.truth.csv`` beside each synthetic input.

    Returns
    -------
    Analysis

    Examples
    --------
    >>> import airdef
    >>> result = analyse(airdef.load(airdef.sample_path("attack_2024-01-23.csv")))
    >>> result.usable, int(result.overall["launched"].iloc[0])
    (True, 41)
    """
    result = prepare_analysis(data, options)
    analyse_rates(result, truth)
    analyse_projection(result)
    return result
