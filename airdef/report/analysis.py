"""Everything the report shows, computed from the data: no Jinja2, no HTML, no figures.

:func:`analyse` runs the library once per table (rates, trends, comparisons,
casualties, needs, true rates of synthetic data) and keeps the results in an
:class:`Analysis`. A section that cannot be computed from the data at hand (no
dated rows, nothing launched, ...) keeps the reason instead, which the report
prints in place of the section.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airdef.catalog import WEAPON_CLASSES
from airdef.errors import DataError
from airdef.model import StrikeData
from airdef.validate import ValidationSummary, summarize

__all__ = [
    "Analysis",
    "ReportOptions",
    "analyse",
    "analyse_projection",
    "analyse_rates",
    "casualty_tables",
    "prepare_analysis",
    "truth_comparison",
]

#: Pooled (empirical-Bayes) rates beside the raw ones in the rate tables.
POOLED = True


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


@dataclass
class Analysis:
    """The computed content of a report. Tables are ``None`` where a section could not be made,
    with the reason in ``problems[section]``."""

    options: ReportOptions
    data_all: StrikeData
    data: StrikeData
    quality: ValidationSummary
    selection: dict[str, Any]
    synthetic_rows: int = 0
    usable: bool = False
    overall: pd.DataFrame | None = None
    by_class: pd.DataFrame | None = None
    by_weapon: pd.DataFrame | None = None
    periods: pd.DataFrame | None = None
    trend: pd.DataFrame | None = None
    breaks: pd.DataFrame = field(default_factory=pd.DataFrame)
    compare: pd.DataFrame | None = None
    casualties_by_city: pd.DataFrame | None = None
    casualties_by_district: pd.DataFrame | None = None
    needs: pd.DataFrame | None = None
    forecast: pd.DataFrame | None = None
    fan: pd.DataFrame | None = None
    doctrine: Any = None
    truth: pd.DataFrame | None = None
    truth_source: str = ""
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool:
        """True when any input row is synthetic."""
        return self.synthetic_rows > 0


def _when(events: pd.DataFrame) -> pd.Series:
    return events["time_end"].fillna(events["time_start"])


def _selection(data_all: StrikeData, data: StrikeData, options: ReportOptions) -> dict[str, Any]:
    """Rows in the period, rows kept, and the reporters the source choice left out."""
    period = data_all.select(since=options.since, until=options.until, source="all")
    before = period.events["reporter"].astype("string").fillna("(none)").value_counts()
    after = data.events["reporter"].astype("string").fillna("(none)").value_counts()
    dropped = (before - after.reindex(before.index, fill_value=0)).loc[lambda s: s > 0]
    when = _when(data.events).dropna()
    return {
        "rows_all": len(data_all.events),
        "rows_period": len(period.events),
        "rows_kept": len(data.events),
        "excluded_reporters": {
            str(k): int(v) for k, v in dropped.sort_values(ascending=False).items()
        },
        "first": when.min() if len(when) else None,
        "last": when.max() if len(when) else None,
        "attacks": int(data.events["attack_id"].nunique()),
        "reporters": {str(k): int(v) for k, v in data.events["reporter"].value_counts().items()},
    }


def _main_class(events: pd.DataFrame, table: pd.DataFrame, by: str) -> pd.Series:
    """The weapon class of most of each group's launches."""
    frame = pd.DataFrame(
        {
            by: events[by].astype("string").fillna("(missing)"),
            "weapon_class": events["weapon_class"].astype("string").fillna("unknown"),
            "w": pd.to_numeric(events["launched"], errors="coerce").fillna(0) + 1e-9,
        }
    )
    main = frame.groupby([by, "weapon_class"], observed=True)["w"].sum().reset_index()
    main = main.sort_values("w", ascending=False, kind="stable").drop_duplicates(by)
    return table[[by]].merge(main[[by, "weapon_class"]], on=by, how="left")["weapon_class"]


def _class_order(frame: pd.DataFrame, column: str = "weapon_class") -> pd.Series:
    order = {c: i for i, c in enumerate(WEAPON_CLASSES)}
    return frame[column].map(order).fillna(len(order)).astype(int)


def _known_sum(values: pd.Series) -> Any:
    """The sum of the known values; missing when none is known (unknown, not 0)."""
    return values.sum(min_count=1)


def casualty_tables(casualties: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Killed and injured by city, and by city and district.

    Sums are over known counts (missing when none is known); ``killed_at_least``
    (``injured_at_least``) is True where a summed count is a lower bound ("at least
    5") or some counts are blank, so the sum is a minimum. Several cities reported with one combined figure stay
    one row (``"Kyiv; Kharkiv"``).

    Returns
    -------
    by_city, by_district : pandas.DataFrame
        ``city[, district], attacks, killed, killed_at_least, injured,
        injured_at_least``, most casualties first.
    """
    cas = casualties.copy()
    cas["city"] = cas["city"].astype("string").fillna("(city not given)")
    district = cas["district"].astype("string")
    counted = cas["district_count"].astype("Int64")
    cas["district"] = district.fillna(
        ("(" + counted.astype("string") + " districts)").where(counted.notna(), "(not given)")
    )
    for col in ("killed", "injured"):
        qual = cas[f"{col}_qual"].astype("string")
        cas[f"{col}_min"] = (cas[col].isna() | qual.isin(["at_least", "approx"])).fillna(True)

    def group(keys: list[str]) -> pd.DataFrame:
        out = cas.groupby(keys, observed=True, dropna=False).agg(
            attacks=("attack_id", "nunique"),
            killed=("killed", _known_sum),
            killed_at_least=("killed_min", "any"),
            injured=("injured", _known_sum),
            injured_at_least=("injured_min", "any"),
        )
        out = out.reset_index()
        out["killed"] = out["killed"].astype("Int64")
        out["injured"] = out["injured"].astype("Int64")
        total = out["killed"].fillna(0) + out["injured"].fillna(0)
        order = np.lexsort((out[keys[-1]].astype(str).to_numpy(), -total.to_numpy(float)))
        return out.iloc[order].reset_index(drop=True)

    return group(["city"]), group(["city", "district"])


def _truth_for(data: StrikeData) -> tuple[pd.DataFrame | None, str]:
    """The true rates written beside the synthetic inputs (``<name>.truth.csv``)."""
    from airdef.synthetic import read_truth, truth_path

    frames, names = [], []
    for path in data.provenance["path"].dropna().astype(str):
        candidate = truth_path(path)
        if candidate.is_file():
            frames.append(read_truth(candidate))
            names.append(candidate.name)
    if not frames:
        return None, ""
    return pd.concat(frames, ignore_index=True).drop_duplicates(), ", ".join(names)


def truth_comparison(
    data: StrikeData, truth: pd.DataFrame, *, confidence_level: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """Estimated rates of synthetic data beside the true rates they were simulated with.

    Parameters
    ----------
    data : StrikeData
        Data holding synthetic rows (``airdef.simulate`` or its files).
    truth : pandas.DataFrame
        As :func:`airdef.true_rates` returns it: one row per weapon and period.

    Returns
    -------
    pandas.DataFrame
        One row per truth row with synthetic launches: ``weapon, weapon_class,
        period_start, period_end, attacks, launched, rate, ci_low, ci_high, method,
        true_rate, reported_rate`` (the rate the ``intercepted`` column measures:
        different from ``true_rate`` where drones lost to electronic warfare are
        counted apart) and ``covered`` (the interval contains ``reported_rate``).

    Examples
    --------
    >>> import airdef
    >>> data = airdef.simulate(months=3, seed=1)
    >>> table = truth_comparison(data, airdef.true_rates(airdef.SimulationSpec(months=3)))
    >>> {"weapon", "rate", "reported_rate", "covered"} <= set(table.columns)
    True
    """
    from airdef.rates import interception_rates
    from airdef.synthetic import is_synthetic

    ev = data.events
    when = _when(ev)
    synthetic = is_synthetic(ev).to_numpy()
    period = pd.Series(pd.NA, index=ev.index, dtype="string")
    truth = truth.reset_index(drop=True)
    for i, row in enumerate(truth.itertuples(index=False)):  # a dozen truth rows
        start, end = pd.Timestamp(row.period_start), pd.Timestamp(row.period_end)
        hit = synthetic & (ev["weapon"] == row.weapon).fillna(False).to_numpy()
        hit &= ((when >= start) & (when < end)).fillna(False).to_numpy()
        period[hit & period.isna().to_numpy()] = str(i)
    keep = period.notna()
    columns = [
        "weapon", "weapon_class", "period_start", "period_end", "attacks", "launched",
        "rate", "ci_low", "ci_high", "method", "true_rate", "reported_rate", "covered",
    ]  # fmt: skip
    if not keep.any():
        return pd.DataFrame(columns=columns)
    events = ev.loc[keep].assign(truth_row=period[keep])
    table = interception_rates(events, by="truth_row", confidence_level=confidence_level, seed=seed)
    table = table.loc[table["launched"].fillna(0) > 0]
    rows = truth.iloc[table["truth_row"].astype(int).to_numpy()].reset_index(drop=True)
    out = pd.concat(
        [
            rows[["weapon", "weapon_class", "period_start", "period_end"]],
            table[["attacks", "launched", "rate", "ci_low", "ci_high", "method"]].reset_index(
                drop=True
            ),
            rows[["true_rate", "reported_rate"]],
        ],
        axis=1,
    )
    out["covered"] = (out["ci_low"] <= out["reported_rate"]) & (
        out["reported_rate"] <= out["ci_high"]
    )
    order = np.lexsort((out["period_start"].astype(str), out["weapon"].astype(str),
                        _class_order(out).to_numpy()))  # fmt: skip
    return out.iloc[order].reset_index(drop=True)[columns]


def _fan(model: Any, options: ReportOptions, draws: int) -> pd.DataFrame:
    """Quantiles of cumulative launches per class over days 0..horizon (the fan chart)."""
    horizon = options.horizon_days
    days = np.unique(np.linspace(0, horizon, min(horizon, 30) + 1).round().astype(int))
    lo = (1 - options.interval) / 2
    probs = [lo, 0.25, 0.5, 0.75, 1 - lo]
    rows = []
    for h in days:  # about 30 horizons; every class at once
        # the same seed at every horizon (common random numbers) keeps the fan smooth
        rng = np.random.default_rng(options.seed)
        sample = model.draw(int(h), draws, rng) if h > 0 else np.zeros((1, len(model.table)))
        q = np.quantile(sample, probs, axis=0)
        for j, c in enumerate(model.table["weapon_class"]):
            rows.append({"weapon_class": c, "day": int(h), "low": q[0, j], "q25": q[1, j],
                         "median": q[2, j], "q75": q[3, j], "high": q[4, j],
                         "mean_per_day": model.table["mean_per_day"].iat[j]})  # fmt: skip
    fan = pd.DataFrame(rows)
    fan.attrs.update(basis=model.basis, draws=draws, interval=options.interval)
    return fan


def _needs(analysis: Analysis) -> None:
    from airdef.needs import fit_threats, load_doctrine, project_needs, threat_forecast

    options, data = analysis.options, analysis.data
    analysis.doctrine = load_doctrine(options.doctrine)
    try:
        analysis.needs = project_needs(
            data,
            horizon_days=options.horizon_days,
            doctrine=analysis.doctrine,
            target_rate=options.target_rate,
            draws=options.draws,
            seed=options.seed,
            interval=options.interval,
            window_days=options.window_days,
            source=options.source,
            progress=False,
        )
        # One fitted launch model serves the forecast table and the fan chart.
        model = fit_threats(data, window_days=options.window_days, source=options.source)
        analysis.forecast = threat_forecast(
            horizon_days=options.horizon_days,
            draws=options.draws,
            seed=options.seed,
            interval=options.interval,
            model=model,
        )
        analysis.fan = _fan(model, options, draws=min(options.draws, 4000))
    except DataError as exc:
        analysis.problems["needs"] = str(exc)


#: The parts of :func:`analyse`, each filling some fields of :class:`Analysis`; the two
#: groups below are independent, so a build may run them in two processes.
RATE_FIELDS: tuple[str, ...] = (
    "overall", "by_class", "by_weapon", "breaks", "periods", "trend", "compare",
    "casualties_by_city", "casualties_by_district", "truth", "truth_source",
)  # fmt: skip
PROJECTION_FIELDS: tuple[str, ...] = ("needs", "forecast", "fan", "doctrine")


def prepare_analysis(data: StrikeData, options: ReportOptions | None = None) -> Analysis:
    """Select the data and check that it has something to estimate; no estimates yet."""
    from airdef.synthetic import is_synthetic

    options = options or ReportOptions()
    selected = data.select(since=options.since, until=options.until, source=options.source)
    result = Analysis(
        options=options,
        data_all=data,
        data=selected,
        quality=summarize(data),
        selection=_selection(data, selected, options),
        synthetic_rows=int(is_synthetic(data.events).sum()) if len(data.events) else 0,
    )
    ev = selected.events
    launched = pd.to_numeric(ev["launched"], errors="coerce")
    usable_rows = launched.gt(0).fillna(False) & ev["intercepted"].notna()
    if not len(data.events):
        result.problems["data"] = "no rows could be loaded from the input"
    elif not len(ev):
        result.problems["data"] = "no rows are left after the selection of period and source"
    elif not usable_rows.any():
        result.problems["data"] = (
            "no row has both a launched count above zero and an intercepted count"
        )
    result.usable = "data" not in result.problems
    if result.usable and not _when(ev).notna().any():
        for key in ("trend", "compare", "needs"):
            result.problems[key] = "the data has no dated rows"
    return result


def _dated(result: Analysis) -> bool:
    return result.usable and "trend" not in result.problems


def analyse_rates(result: Analysis, truth: pd.DataFrame | None = None) -> Analysis:
    """Fill :data:`RATE_FIELDS`: rate tables, definition breaks, monthly trends, period
    comparison, casualties and true rates."""
    from airdef.rates import compare_periods, definition_breaks, interception_rates, rate_trend

    if not result.usable:
        return result
    options, selected = result.options, result.data
    ev = selected.events
    kwargs = {"confidence_level": options.confidence_level, "seed": options.seed}
    result.overall = interception_rates(selected, by=[], **kwargs)
    by_class = interception_rates(selected, by="weapon_class", pooled=POOLED, **kwargs)
    result.by_class = by_class.iloc[np.argsort(_class_order(by_class), kind="stable")].reset_index(
        drop=True
    )
    by_weapon = interception_rates(selected, by="weapon", pooled=POOLED, **kwargs)
    by_weapon.insert(1, "weapon_class", _main_class(ev, by_weapon, "weapon").to_numpy())
    order = np.lexsort((-by_weapon["launched"].fillna(0).to_numpy(float),
                        _class_order(by_weapon).to_numpy()))  # fmt: skip
    result.by_weapon = by_weapon.iloc[order].reset_index(drop=True)
    result.breaks = definition_breaks(ev)
    if _dated(result):
        trend = rate_trend(selected, by="weapon_class", freq="MS", **kwargs)
        result.periods, result.trend = trend.periods, trend.trend
        compare = compare_periods(selected, by="weapon_class", days=options.compare_days, **kwargs)
        result.compare = compare.iloc[np.argsort(_class_order(compare), kind="stable")].reset_index(
            drop=True
        )
    if len(selected.casualties):
        result.casualties_by_city, result.casualties_by_district = casualty_tables(
            selected.casualties
        )
    if result.synthetic:
        source = "passed in"
        if truth is None:
            truth, source = _truth_for(result.data_all)
        if truth is None:
            result.problems["truth"] = (
                "no true rates were found: no .truth.csv file beside the synthetic input"
            )
        else:
            result.truth = truth_comparison(selected, truth, **kwargs)
            result.truth_source = source
    return result


def analyse_projection(result: Analysis) -> Analysis:
    """Fill :data:`PROJECTION_FIELDS`: the launch forecast and the needs projection."""
    if _dated(result):
        _needs(result)
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


def figure_rows(table: pd.DataFrame, *, min_launched: int = 10, max_rows: int = 30) -> pd.DataFrame:
    """The rows of a rate table a forest plot can show legibly on one page.

    Rows with at least ``min_launched`` launches (all rows if none has that many), and
    at most ``max_rows`` of them, most launches first; the table's order is kept.

    Examples
    --------
    >>> t = pd.DataFrame({"weapon": list("abc"), "launched": [50, 3, 12]})
    >>> figure_rows(t)["weapon"].tolist()
    ['a', 'c']
    """
    launched = pd.to_numeric(table["launched"], errors="coerce").fillna(0)
    keep = launched >= min_launched
    if not keep.any():
        keep = launched > 0
    chosen = launched[keep].sort_values(ascending=False, kind="stable").index[:max_rows]
    return table.loc[table.index.isin(chosen)]


def input_label(path: str, root: Path | None = None) -> str:
    """How an input path is shown: bundled samples by name, others relative to ``root``."""
    from airdef.samples import sample_path

    p = Path(path)
    bundled = sample_path("synthetic.csv").parent
    try:
        return "bundled sample " + p.resolve().relative_to(bundled.resolve()).as_posix()
    except ValueError:
        pass
    root = Path.cwd() if root is None else root
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
