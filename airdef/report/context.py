"""The report's content as plain values for the templates: tables of formatted text and prose.

Templates only lay out what is built here; every number is formatted by
:mod:`airdef.report.fmt`, so tests can look for exactly the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from airdef.report import fmt
from airdef.report.analysis import Analysis, figure_rows
from airdef.report.findings import RULES, headline, summary_findings, truth_sentence
from airdef.report.methods import describe, methods_used
from airdef.report.provenance import build_time, formats, input_files, library_versions

__all__ = ["SECTIONS", "Figure", "Table", "build_context"]

#: (id, title) of every section, in order; every report has all of them.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("data-quality", "Data quality"),
    ("rates", "Interception rates by class and weapon"),
    ("trends", "Trends"),
    ("comparisons", "Latest period against the one before"),
    ("casualties", "Casualties by city and district"),
    ("needs", "Munition needs"),
    ("methods", "Methods"),
    ("provenance", "Provenance"),
)

_REAL_DATASET = (
    "“Massive Missile Attacks on Ukraine” by Petro Ivaniuk (Kaggle), compiled from the "
    "Ukrainian Air Force’s daily reports"
)


@dataclass
class Table:
    """A table as the templates print it: header cells, rows of text, a caption."""

    id: str
    caption: str
    headers: list[str]
    kinds: list[str]
    rows: list[list[str]]
    note: str = ""
    synthetic: bool = False
    number: int = 0
    wide: bool = False


@dataclass
class Figure:
    """A figure: its SVG name in ``figures`` and a caption."""

    id: str
    caption: str
    synthetic: bool = False
    number: int = 0


@dataclass
class _Numbering:
    tables: int = 0
    figures: int = 0
    synthetic: bool = False
    registry: list[Any] = field(default_factory=list)

    def table(
        self,
        id: str,
        caption: str,
        frame: pd.DataFrame,
        columns: Sequence[tuple[str, str, Callable[[Any], str]]],
        *,
        note: str = "",
        synthetic: bool | None = None,
        wide: bool = False,
    ) -> Table:
        self.tables += 1
        bad = [k for _, k, _ in columns if k not in ("num", "text", "code")]
        if bad:
            raise ValueError(f"column kinds must be num, text or code; not {bad}")
        rows = [[str(get(r)) for _, _, get in columns] for r in frame.to_dict("records")]
        return Table(
            id=id,
            caption=caption,
            headers=[h for h, _, _ in columns],
            kinds=[k for _, k, _ in columns],
            rows=rows,
            note=note,
            synthetic=self.synthetic if synthetic is None else synthetic,
            number=self.tables,
            wide=wide,
        )

    def figure(self, id: str, caption: str, *, synthetic: bool | None = None) -> Figure:
        self.figures += 1
        return Figure(
            id=id,
            caption=caption,
            synthetic=self.synthetic if synthetic is None else synthetic,
            number=self.figures,
        )


def _sentence(text: str) -> str:
    """Text as a sentence: capital first letter, final full stop."""
    text = str(text).strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _class_prefix(text: str) -> str:
    """``strike_drone: ...`` as ``Strike drones: ...``."""
    head, sep, rest = str(text).partition(": ")
    return f"{fmt.class_title(head)}{sep}{rest}" if sep and head in fmt.CLASS_NAMES else text


def _text(value: Any) -> str:
    return fmt.MISSING if fmt.is_missing(value) or str(value) == "" else str(value)


def _rate_columns(
    level: str, pooled: bool, *, compact: bool = False
) -> list[tuple[str, str, Callable[[Any], str]]]:
    """Columns of a rate table; ``compact`` leaves out dispersion and row counts (long tables)."""
    cols: list[tuple[str, str, Callable[[Any], str]]] = [
        ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
        ("Launched", "num", lambda r: fmt.count(r["launched"])),
        ("Intercepted", "num", lambda r: fmt.count(r["intercepted"])),
        ("Rate", "num", lambda r: fmt.pct(r["rate"])),
        (level, "num", lambda r: fmt.pct_ci(r["ci_low"], r["ci_high"])),
        ("Method", "text", lambda r: _text(r["method"])),
    ]
    if not compact:
        cols.append(("Dispersion", "num", lambda r: fmt.number(r["dispersion"], 2)))
    if pooled:
        cols += [
            ("Pooled rate", "num", lambda r: fmt.pct(r["rate_pooled"])),
            (
                f"Pooled {level}",
                "num",
                lambda r: fmt.pct_ci(r["ci_low_pooled"], r["ci_high_pooled"]),
            ),
        ]
    if not compact:
        cols.append(
            (
                "Rows excl. / cens.",
                "num",
                lambda r: f"{fmt.count(r['excluded'])} / {fmt.count(r['censored'])}",
            )
        )
    return cols


def _notes(frame: pd.DataFrame, label: str, column: str = "note") -> list[str]:
    if frame is None or column not in frame:
        return []
    notes = frame.loc[frame[column].fillna("").astype(str) != ""]
    out = []
    for r in notes.to_dict("records"):
        name, text = fmt.class_title(r[label]), str(r[column])
        # A weapon's own note already starts with its name.
        out.append(text if text.startswith(f"{r[label]}: ") else f"{name}: {text}")
    return out


def _glance(a: Analysis, num: _Numbering, level: str) -> Table | None:
    """The summary's table: each class's launches, share, rate and latest change."""
    if not a.usable or a.by_class is None:
        return None
    t = a.by_class.loc[a.by_class["launched"].fillna(0) > 0].copy()
    t["share"] = t["launched"].astype(float) / float(t["launched"].sum())
    cols = [
        ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
        ("Launched", "num", lambda r: fmt.count(r["launched"])),
        ("Share", "num", lambda r: fmt.pct(r["share"])),
        ("Rate", "num", lambda r: fmt.pct(r["rate"])),
        (level, "num", lambda r: fmt.pct_ci(r["ci_low"], r["ci_high"])),
    ]
    days = a.options.compare_days
    if a.compare is not None and len(a.compare):
        keep = a.compare[["weapon_class", "diff", "diff_low", "diff_high"]]
        t = t.merge(keep, on="weapon_class", how="left")
        cols += [
            (f"Change, latest {days} days", "num", lambda r: fmt.pp(r["diff"])),
            (f"{level} of change", "num", lambda r: fmt.pp_ci(r["diff_low"], r["diff_high"])),
        ]
    return num.table(
        "tab-glance",
        "At a glance: interception rates by weapon class",
        t,
        cols,
        note=f"Change: the rate of the latest {days} days minus the rate of the {days} days "
        "before (section 5). Method per row and pooled rates: section 3.",
    )


def _quality(a: Analysis, num: _Numbering) -> dict[str, Any]:
    q = a.quality
    out: dict[str, Any] = {"summary": q, "selection": a.selection}
    files = pd.DataFrame(input_files(a.data_all))
    out["files"] = num.table(
        "tab-inputs",
        "Inputs: rows read, loaded and quarantined",
        files,
        [
            ("File", "text", lambda r: r["path"]),
            ("Format", "text", lambda r: r["format"]),
            ("Rows read", "num", lambda r: fmt.count(r["rows_read"])),
            ("Loaded", "num", lambda r: fmt.count(r["rows_loaded"])),
            ("Quarantined", "num", lambda r: fmt.count(r["rows_quarantined"])),
        ],
        synthetic=False,
    ) if len(files) else None  # fmt: skip
    reasons = pd.DataFrame(list(q.quarantine_reasons.items()), columns=["reason", "rows"])
    out["reasons"] = num.table(
        "tab-quarantine",
        "Quarantined rows by reason",
        reasons,
        [("Reason", "text", lambda r: r["reason"]), ("Rows", "num", lambda r: fmt.count(r["rows"]))],
        note="Every quarantined row, with file, row, column and value, is in tables/quarantine.csv.",
        synthetic=False,
    ) if len(reasons) else None  # fmt: skip
    labels = pd.DataFrame(list(q.unknown_labels.items()), columns=["label", "rows"])
    out["unknown"] = num.table(
        "tab-unknown",
        "Weapon labels the catalog does not know (loaded with class “unknown”)",
        labels.head(40),
        [("Label as written", "text", lambda r: r["label"]), ("Rows", "num", lambda r: fmt.count(r["rows"]))],
        note=f"{len(labels) - 40} more in the validation output." if len(labels) > 40 else "",
        synthetic=False,
    ) if len(labels) else None  # fmt: skip
    excluded = pd.DataFrame(
        list(a.selection["excluded_reporters"].items()), columns=["reporter", "rows"]
    )
    out["excluded"] = num.table(
        "tab-excluded",
        "Sources left out by the source selection",
        excluded,
        [("Reporter", "text", lambda r: r["reporter"]), ("Rows", "num", lambda r: fmt.count(r["rows"]))],
        synthetic=False,
    ) if len(excluded) else None  # fmt: skip
    notes = []
    if q.blank_launched:
        notes.append(
            f"{fmt.plural(q.blank_launched, 'row has', 'rows have')} a blank launched count "
            "(unknown, not 0)."
        )
    if q.blank_intercepted:
        notes.append(
            f"{fmt.plural(q.blank_intercepted, 'row has', 'rows have')} a blank intercepted count "
            "(unknown, not 0)."
        )
    notes.append(
        f"{fmt.plural(q.censored, 'row carries', 'rows carry')} a count that is not exact "
        "(“at least”, “about”); such counts are used as stated and counted as censored in the "
        "rate tables."
    )
    if q.over_counted:
        notes.append(
            f"{fmt.plural(q.over_counted, 'row reports', 'rows report')} intercepted + suppressed "
            "above launched; kept, and left out of neutralized rates."
        )
    out["notes"] = notes
    b = a.breaks
    out["breaks"] = num.table(
        "tab-breaks",
        "Definition breaks detected in the data",
        b,
        [
            ("Weapon", "text", lambda r: r["weapon"]),
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            ("From", "text", lambda r: fmt.date(r["date"], "%Y-%m")),
            ("Change", "text", lambda r: "EW losses reported apart" if r["change"] == "separate"
             else "EW losses counted as intercepted"),
            ("Rate before", "num", lambda r: fmt.pct(r["rate_before"])),
            ("Rate after", "num", lambda r: fmt.pct(r["rate_after"])),
            ("EW share before", "num", lambda r: fmt.pct(r["suppressed_share_before"])),
            ("EW share after", "num", lambda r: fmt.pct(r["suppressed_share_after"])),
        ],
        note="Rates are intercepted / launched over three months on each side of the break; "
        "EW share is drones reported lost to electronic warfare (suppressed) / launched.",
    ) if b is not None and len(b) else None  # fmt: skip
    return out


def _rates(a: Analysis, num: _Numbering, level: str) -> dict[str, Any]:
    pooled = a.by_class is not None and "rate_pooled" in a.by_class
    out: dict[str, Any] = {"pooled": pooled}
    out["class_figure"] = num.figure(
        "fig-class",
        f"Interception rate by weapon class with {level}s"
        + ("; diamonds: pooled estimates." if pooled else "."),
    )
    out["by_class"] = num.table(
        "tab-class",
        "Interception rates by weapon class",
        a.by_class,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            *_rate_columns(level, pooled),
        ],
        wide=True,
    )
    out["class_notes"] = _notes(a.by_class, "weapon_class")
    shown = len(figure_rows(a.by_weapon))
    total = int((a.by_weapon["launched"].fillna(0) > 0).sum())
    out["weapon_figure"] = num.figure(
        "fig-weapon",
        f"Interception rate by weapon with {level}s, grouped by class"
        + ("; diamonds: pooled toward the weapon's class" if pooled else "")
        + (
            f". Shown: the {shown} weapons with most launches (each at least 10 where possible); "
            f"all {total} are in the table."
            if shown < total
            else "."
        ),
    )
    out["by_weapon"] = num.table(
        "tab-weapon",
        "Interception rates by weapon",
        a.by_weapon,
        [
            ("Weapon", "text", lambda r: r["weapon"]),
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            *_rate_columns(level, pooled, compact=True),
        ],
        wide=True,
        note="Dispersion and excluded or censored rows per weapon are in tables/rates_by_weapon.csv.",
    )
    out["weapon_notes"] = _notes(a.by_weapon, "weapon")
    if a.truth is not None and len(a.truth):
        out["truth_figure"] = num.figure(
            "fig-truth", f"Estimated rates of the synthetic data ({level}s) against the true rates."
        )
        out["truth"] = num.table(
            "tab-truth",
            "Synthetic data: estimated against true rates",
            a.truth,
            [
                ("Weapon", "text", lambda r: r["weapon"]),
                ("Period", "text", lambda r: f"{fmt.date(r['period_start'])} to {fmt.date(r['period_end'])}"),
                ("Launched", "num", lambda r: fmt.count(r["launched"])),
                ("Estimated", "num", lambda r: fmt.pct(r["rate"])),
                (level, "num", lambda r: fmt.pct_ci(r["ci_low"], r["ci_high"])),
                ("Method", "text", lambda r: _text(r["method"])),
                ("True rate", "num", lambda r: fmt.pct(r["reported_rate"])),
                ("Covered", "text", lambda r: "yes" if r["covered"] else "no"),
            ],
            note=f"True rates from {a.truth_source}. The true rate is the one the simulation's "
            "intercepted column measures (it differs from the physical rate where drones lost to "
            "electronic warfare are reported apart).",
            synthetic=True,
        )  # fmt: skip
    return out


def _trends(a: Analysis, num: _Numbering, level: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if a.periods is None:
        return out
    out["launch_figure"] = num.figure(
        "fig-launches",
        "Launches per month by weapon class (each panel on its own scale); dashed lines mark "
        "definition breaks (+EW: drones lost to electronic warfare reported apart from "
        "intercepted from that month; −EW: counted inside intercepted; the weapons are in "
        "section 2).",
    )
    out["rate_figure"] = num.figure(
        "fig-monthly-rates",
        f"Monthly interception rate by weapon class with {level} bands; dashed lines mark "
        "definition breaks. Months with few launches have wide bands.",
    )
    out["trend"] = num.table(
        "tab-trend",
        "Whole-period trend per class: binomial GLM of each attack's rate on time, "
        "cluster-robust by attack",
        a.trend,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
            ("Launched", "num", lambda r: fmt.count(r["launched"])),
            ("From", "text", lambda r: fmt.date(r["first"])),
            ("To", "text", lambda r: fmt.date(r["last"])),
            ("Fitted rate, start", "num", lambda r: fmt.pct(r["rate_first"])),
            ("Fitted rate, end", "num", lambda r: fmt.pct(r["rate_last"])),
            ("Odds ratio / year", "num", lambda r: fmt.odds_ratio(r["odds_ratio_per_year"])),
            (level, "num", lambda r: f"{fmt.odds_ratio(r['or_low'])}–{fmt.odds_ratio(r['or_high'])}"
             if not fmt.is_missing(r["or_low"]) else fmt.MISSING),
            ("p", "num", lambda r: fmt.pvalue(r["p_value"])),
        ],
        wide=True,
    )  # fmt: skip
    out["trend_notes"] = _notes(a.trend, "weapon_class")
    return out


def _comparisons(a: Analysis, num: _Numbering, level: str) -> dict[str, Any]:
    c = a.compare
    if c is None or c.empty:
        return {}
    first = c.iloc[0]
    out: dict[str, Any] = {
        "recent": f"{fmt.date(first['recent_from'])} to {fmt.date(first['recent_to'])}",
        "before": f"{fmt.date(first['before_from'])} to {fmt.date(first['recent_from'])}",
        "days": a.options.compare_days,
    }
    out["figure"] = num.figure(
        "fig-compare",
        f"Difference in interception rate, latest {a.options.compare_days} days minus the "
        f"{a.options.compare_days} days before, with {level}s (MOVER); filled dots: the "
        "interval excludes zero.",
    )
    out["table"] = num.table(
        "tab-compare",
        f"Latest {a.options.compare_days} days against the {a.options.compare_days} days before, per class",
        c,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            ("Launched, recent", "num", lambda r: fmt.count(r["launched_recent"])),
            ("Rate, recent", "num", lambda r: fmt.pct(r["rate_recent"])),
            (f"{level}, recent", "num", lambda r: fmt.pct_ci(r["ci_low_recent"], r["ci_high_recent"])),
            ("Launched, before", "num", lambda r: fmt.count(r["launched_before"])),
            ("Rate, before", "num", lambda r: fmt.pct(r["rate_before"])),
            (f"{level}, before", "num", lambda r: fmt.pct_ci(r["ci_low_before"], r["ci_high_before"])),
            ("Difference", "num", lambda r: fmt.pp(r["diff"])),
            (f"{level} of difference", "num", lambda r: fmt.pp_ci(r["diff_low"], r["diff_high"])),
        ],
        wide=True,
    )  # fmt: skip
    out["notes"] = _notes(c, "weapon_class")
    return out


def _casualties(a: Analysis, num: _Numbering) -> dict[str, Any]:
    if a.casualties_by_city is None:
        return {}

    def people(col: str) -> Callable[[Any], str]:
        return lambda r: (
            fmt.MISSING
            if fmt.is_missing(r[col])
            else ("≥ " if r[f"{col}_at_least"] else "") + fmt.count(r[col])
        )

    city = a.casualties_by_city
    district = a.casualties_by_district
    out: dict[str, Any] = {
        "figure": num.figure("fig-casualties", "Killed and injured by city (sum of reported figures)."),
        "by_city": num.table(
            "tab-cas-city",
            "Casualties by city",
            city,
            [
                ("City", "text", lambda r: r["city"]),
                ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
                ("Killed", "num", people("killed")),
                ("Injured", "num", people("injured")),
            ],
            note="“≥”: a lower bound, because some figures were given as “at least” or are blank.",
        ),
        "by_district": num.table(
            "tab-cas-district",
            "Casualties by city and district" + (" (the 30 with most casualties)" if len(district) > 30 else ""),
            district.head(30),
            [
                ("City", "text", lambda r: r["city"]),
                ("District", "text", lambda r: r["district"]),
                ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
                ("Killed", "num", people("killed")),
                ("Injured", "num", people("injured")),
            ],
            note="Every row is in tables/casualties_by_district.csv." if len(district) > 30 else "",
        ),
    }  # fmt: skip
    return out


def _needs(a: Analysis, num: _Numbering) -> dict[str, Any]:
    if a.needs is None:
        return {}
    from airdef.needs import needs_by_system

    n = a.needs
    attrs = n.attrs
    cur = attrs.get("currency", "")
    interval = f"{a.options.interval:.0%} interval"
    systems = needs_by_system(n)
    total = n.loc[(n["system"] == "all") & (n["weapon_class"] == "all")]
    out: dict[str, Any] = {
        "currency": cur,
        "draws": attrs.get("draws"),
        "horizon": attrs.get("horizon_days"),
        "interval": interval,
        "doctrine": attrs.get("doctrine"),
        "notes": [_sentence(_class_prefix(t)) for t in attrs.get("notes", [])],
        "basis": [_sentence(t) for t in attrs.get("assumptions", [])[:2]],
        "model": [
            _sentence(t.removeprefix("model: "))
            for t in attrs.get("assumptions", [])
            if t.startswith("model: ")
        ],
        "total": total.iloc[0].to_dict() if len(total) else None,
        "target_rate": a.options.target_rate,
        "fan_draws": a.fan.attrs.get("draws", 0) if a.fan is not None else 0,
    }
    out["fan_figure"] = num.figure(
        "fig-fan",
        f"Forecast of cumulative launches over the next {a.options.horizon_days} days per class: "
        f"median, 50% and {interval}s ({a.fan.attrs.get('draws', 0):,} Monte Carlo draws per day).",
    )
    out["forecast"] = num.table(
        "tab-forecast",
        f"Launches expected over the next {a.options.horizon_days} days",
        a.forecast,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            (f"Launched, last {a.options.window_days} days", "num", lambda r: fmt.count(r["window_launched"])),
            ("Mean per day", "num", lambda r: fmt.number(r["mean_per_day"], 2)),
            ("Median", "num", lambda r: fmt.count(r["launched_median"])),
            (interval, "num", lambda r: f"{fmt.count(r['launched_low'])}–{fmt.count(r['launched_high'])}"),
        ],
        note=_sentence(a.forecast.attrs.get("basis", "")),
    )  # fmt: skip
    has_days = systems["days_of_supply_median"].notna().any()
    cols: list[tuple[str, str, Callable[[Any], str]]] = [
        ("System", "text", lambda r: r["system"]),
        ("Shots, median", "num", lambda r: fmt.count(r["fired_median"])),
        (f"Shots, {interval}", "num", lambda r: f"{fmt.count(r['fired_low'])}–{fmt.count(r['fired_high'])}"),
        (f"Cost, {cur} million", "num", lambda r: fmt.money(r["cost_median"])),
        (f"Cost, {interval}", "num", lambda r: f"{fmt.money(r['cost_low'])}–{fmt.money(r['cost_high'])}"),
    ]  # fmt: skip
    if has_days:
        cols.append(
            ("Days of supply", "num", lambda r: fmt.MISSING if fmt.is_missing(r["days_of_supply_median"])
             else f"{fmt.number(r['days_of_supply_median'], 0)} ({fmt.number(r['days_of_supply_low'], 0)}–"
             f"{fmt.number(r['days_of_supply_high'], 0)})")
        )  # fmt: skip
    out["systems"] = num.table(
        "tab-needs",
        f"Interceptors fired and their cost over {a.options.horizon_days} days, per system",
        systems,
        cols,
        note=f"Medians and {interval}s of {attrs.get('draws', 0):,} Monte Carlo draws (seed "
        f"{attrs.get('seed')}). Days of supply: the doctrine's inventory divided by shots per day, "
        "for systems with an inventory.",
        wide=True,
    )
    out["cost_figure"] = num.figure(
        "fig-cost",
        f"Projected cost per system over {a.options.horizon_days} days: median and {interval}.",
    )
    if a.options.target_rate is not None and "fired_target_median" in n:
        out["target"] = num.table(
            "tab-target",
            f"What an interception rate of {fmt.pct(a.options.target_rate, 0)} in every class would take",
            systems,
            [
                ("System", "text", lambda r: r["system"]),
                ("Shots, median", "num", lambda r: fmt.count(r["fired_target_median"])),
                (f"Shots, {interval}", "num",
                 lambda r: f"{fmt.count(r['fired_target_low'])}–{fmt.count(r['fired_target_high'])}"),
                (f"Cost, {cur} million", "num", lambda r: fmt.money(r["cost_target_median"])),
                (f"Cost, {interval}", "num",
                 lambda r: f"{fmt.money(r['cost_target_low'])}–{fmt.money(r['cost_target_high'])}"),
            ],
            note="Plain salvos at the per-shot kill probability implied by each draw's observed rate.",
        )  # fmt: skip
    return out


def _doctrine(a: Analysis, num: _Numbering) -> dict[str, Any]:
    doc = a.doctrine
    if doc is None:
        return {}
    return {
        "path": doc.path,
        "title": doc.title,
        "currency": doc.currency,
        "systems": num.table(
            "tab-doctrine-systems",
            f"Doctrine: interceptor systems and unit costs ({doc.currency}) — assumptions",
            doc.systems,
            [
                ("System", "text", lambda r: r["name"]),
                ("Unit cost", "num", lambda r: fmt.count(r["unit_cost"])),
                ("Year", "num", lambda r: str(r["cost_year"])),
                ("Inventory", "num", lambda r: fmt.count(r["inventory"])),
                ("Source", "text", lambda r: r["cost_source"]
                 + (f"; inventory: {r['inventory_source']}" if not fmt.is_missing(r["inventory"]) else "")),
            ],
            synthetic=False,
            wide=True,
        ),
        "engagements": num.table(
            "tab-doctrine-engagements",
            "Doctrine: who engages what — assumptions",
            doc.engagements,
            [
                ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
                ("System", "text", lambda r: r["name"]),
                ("Share", "num", lambda r: fmt.pct(r["share"], 0)),
                ("Shots", "num", lambda r: str(r["shots"])),
                ("Looks", "num", lambda r: str(r["looks"])),
                ("Source", "text", lambda r: r["source"]),
            ],
            synthetic=False,
            wide=True,
        ),
        "classes": num.table(
            "tab-doctrine-classes",
            "Doctrine: electronic warfare and unengaged shares — assumptions",
            doc.classes,
            [
                ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
                ("Engaged", "num", lambda r: fmt.pct(r["engaged_share"], 0)),
                ("Electronic warfare", "num", lambda r: fmt.pct(r["ew_share"], 0)),
                ("Not engaged", "num", lambda r: fmt.pct(r["unengaged_share"], 0)),
                ("Source", "text", lambda r: _text(r["ew_source"]) if r["ew_share"] > 0 else fmt.MISSING),
            ],
            synthetic=False,
            wide=True,
        ),
    }  # fmt: skip


def _provenance(a: Analysis, num: _Numbering, built: str) -> dict[str, Any]:
    files = pd.DataFrame(input_files(a.data_all))
    versions = pd.DataFrame(library_versions(), columns=["name", "version"])
    params = pd.DataFrame(a.options.as_rows(), columns=["name", "value"])
    import os

    out = {
        "built": built,
        "from_epoch": bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip()),
        "files": num.table(
            "tab-files",
            "Input files",
            files,
            [
                ("File", "text", lambda r: r["path"]),
                ("Format", "text", lambda r: r["format"]),
                ("Rows", "num", lambda r: fmt.count(r["rows_read"])),
                ("sha256", "code", lambda r: r["sha256"]),
            ],
            synthetic=False,
            wide=True,
        ) if len(files) else None,
        "fetched": [f for f in files.to_dict("records") if f.get("fetched_from")] if len(files) else [],
        "versions": num.table(
            "tab-versions", "Software versions", versions,
            [("Package", "text", lambda r: r["name"]), ("Version", "text", lambda r: r["version"])],
            synthetic=False,
        ),
        "parameters": num.table(
            "tab-parameters", "Parameters of this report", params,
            [("Parameter", "text", lambda r: r["name"]),
             ("Value", "text", lambda r: r["value"] or "(not set)")],
            synthetic=False,
        ),
    }  # fmt: skip
    return out


def _key_figures(a: Analysis) -> list[tuple[str, str, str]]:
    if not a.usable or a.overall is None:
        return [
            ("Rows read", fmt.count(a.quality.rows_read), ""),
            ("Quarantined", fmt.count(a.quality.rows_quarantined), ""),
        ]
    row = a.overall.iloc[0]
    level = f"{a.options.confidence_level:.0%} CI"
    return [
        ("Attacks", fmt.count(a.selection["attacks"]), ""),
        ("Launched", fmt.count(row["launched"]), ""),
        ("Intercepted", fmt.count(row["intercepted"]), ""),
        (
            "Interception rate",
            fmt.pct(row["rate"]),
            f"{level} {fmt.pct_ci(row['ci_low'], row['ci_high'])}",
        ),
    ]


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
    num = _Numbering(synthetic=a.synthetic)
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
        "synthetic": a.synthetic,
        "synthetic_rows": fmt.count(a.synthetic_rows),
        "rows_total": fmt.count(len(a.data_all.events)),
        "real_dataset": _REAL_DATASET if real else "",
        "inputs": [f["path"] for f in input_files(a.data_all)],
        "source_choice": a.options.source,
        "level": level,
        "usable": a.usable,
        "problems": a.problems,
        "key": _key_figures(a),
        "headline": headline(a),
        "findings": [f.text for f in summary_findings(a)],
        "truth_sentence": truth_sentence(a),
        "rules": RULES,
        "options": a.options,
        "figures": figures,
    }
    context["glance"] = _glance(a, num, level)
    context["quality"] = _quality(a, num)
    if a.usable:
        context["rates"] = _rates(a, num, level)
        context["trends"] = _trends(a, num, level)
        context["comparisons"] = _comparisons(a, num, level)
        context["casualties"] = _casualties(a, num)
        context["needs"] = _needs(a, num)
    else:
        for key in ("rates", "trends", "comparisons", "casualties", "needs"):
            context[key] = {}
    context["doctrine"] = _doctrine(a, num)
    context["provenance"] = _provenance(a, num, context["built"])
    from airdef.stats.cluster import AUTO_ALPHA, AUTO_METHOD, CLUSTER_METHODS
    from airdef.stats.pooling import SINGLE_ITEM_STRENGTH

    context["auto_alpha"] = AUTO_ALPHA
    context["auto_method"] = AUTO_METHOD
    used = methods_used(
        [a.overall, a.by_class, a.by_weapon, a.periods, a.compare, a.truth] if a.usable else []
    )
    context["methods_used"] = [(m, describe(m)) for m in used]
    context["methods_other"] = [
        (m, describe(m)) for m in CLUSTER_METHODS if m != "auto" and m not in used
    ]
    context["single_item_strength"] = SINGLE_ITEM_STRENGTH
    return context
