"""Build the analyst report: load -> estimate -> project -> figures -> HTML -> PDF.

:func:`build_report` is the one entry point (``airdef.build_report`` and
``airdef report``). Progress, step by step with timings, goes to stderr when it
is a terminal (or when asked).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from airdef.model import StrikeData
from airdef.report.analysis import (
    PROJECTION_FIELDS,
    Analysis,
    ReportOptions,
    analyse_projection,
    analyse_rates,
    figure_rows,
    prepare_analysis,
)

__all__ = ["FORMATS", "build_report", "export_tables", "make_figures"]

#: Output formats of the report.
FORMATS: tuple[str, ...] = ("html", "pdf")


class Progress:
    """Step names and timings on stderr, one line per step, when enabled."""

    def __init__(self, enabled: bool | None) -> None:
        if enabled is None:
            enabled = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.enabled = enabled
        self.start = time.perf_counter()
        self.timings: dict[str, float] = {}

    @contextmanager
    def step(self, name: str, what: str) -> Iterator[None]:
        if self.enabled:
            sys.stderr.write(f"  {name:<8} {what} ...")
            sys.stderr.flush()
        t0 = time.perf_counter()
        try:
            yield
        finally:
            took = time.perf_counter() - t0
            self.timings[name] = self.timings.get(name, 0.0) + took
            if self.enabled:
                sys.stderr.write(f" {took:.2f} s\n")
                sys.stderr.flush()

    def total(self) -> float:
        return time.perf_counter() - self.start


def _formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    items = [f.strip().lower() for f in items if f.strip()]
    bad = [f for f in items if f not in FORMATS]
    if bad or not items:
        raise ValueError(
            f"unknown report format {', '.join(map(repr, bad)) or '(none)'}; "
            f"valid formats: {', '.join(FORMATS)}"
        )
    return tuple(dict.fromkeys(items))


def _load(data: StrikeData | str | Path | Iterable[str | Path]) -> StrikeData:
    if isinstance(data, StrikeData):
        return data
    from airdef.io import load

    if isinstance(data, str | Path):
        return load(data)
    paths = list(data)
    if not paths:
        raise ValueError("no input: give a StrikeData or at least one file path")
    return load(paths if len(paths) > 1 else paths[0])


#: The two halves of :func:`rate_figures`, which a build can draw in two processes.
RATE_FIGURE_GROUPS: tuple[str, ...] = ("rates", "time")


def rate_figures(
    analysis: Analysis, groups: tuple[str, ...] = RATE_FIGURE_GROUPS
) -> dict[str, str]:
    """The figures of the rate tables, comparisons and true rates (group ``rates``) and of
    the monthly series and casualties (group ``time``), by figure id."""
    from airdef import figures as fig

    a = analysis
    out: dict[str, str] = {}
    if not a.usable:
        return out
    level = f"{a.options.confidence_level:.0%} CI"
    if "time" in groups:
        out.update(_time_figures(a, level))
    if "rates" not in groups:
        return out
    pooled = a.by_class is not None and "rate_pooled" in a.by_class
    out["fig-class"] = fig.figure_svg(
        fig.forest_plot(a.by_class, label="weapon_class", pooled=pooled,
                        title=f"Interception rate by weapon class, {level}"),
        name="fig-class",
    )  # fmt: skip
    out["fig-weapon"] = fig.figure_svg(
        fig.forest_plot(figure_rows(a.by_weapon), label="weapon", pooled=pooled,
                        title=f"Interception rate by weapon, {level}"),
        name="fig-weapon",
    )  # fmt: skip
    if a.truth is not None and len(a.truth):
        truth = a.truth.copy()
        several = truth["weapon"].duplicated(keep=False)
        truth["label"] = truth["weapon"].where(
            ~several,
            truth["weapon"] + " (" + pd.to_datetime(truth["period_start"]).dt.strftime("%Y-%m")
            + " to " + pd.to_datetime(truth["period_end"]).dt.strftime("%Y-%m") + ")",
        )  # fmt: skip
        out["fig-truth"] = fig.figure_svg(
            fig.forest_plot(truth, label="label", pooled=False, truth="reported_rate",
                            title="Synthetic data: estimated and true interception rates"),
            name="fig-truth",
        )  # fmt: skip
    if a.compare is not None and a.compare["diff"].notna().any():
        days = a.options.compare_days
        out["fig-compare"] = fig.figure_svg(
            fig.difference_plot(
                a.compare,
                title=f"Change in interception rate: latest {days} days minus the {days} before",
            ),
            name="fig-compare",
        )
    return out


def _time_figures(a: Analysis, level: str) -> dict[str, str]:
    from airdef import figures as fig

    out: dict[str, str] = {}
    if a.periods is not None:
        out["fig-launches"] = fig.figure_svg(
            fig.monthly_launches(a.periods, a.breaks), name="fig-launches"
        )
        out["fig-monthly-rates"] = fig.figure_svg(
            fig.monthly_rates(a.periods, a.breaks,
                              title=f"Monthly interception rate by weapon class, {level}"),
            name="fig-monthly-rates",
        )  # fmt: skip
    if a.casualties_by_city is not None:
        out["fig-casualties"] = fig.figure_svg(
            fig.casualty_chart(a.casualties_by_city), name="fig-casualties"
        )
    return out


def projection_figures(analysis: Analysis) -> dict[str, str]:
    """The figures of the needs projection, by figure id."""
    from airdef import figures as fig

    a = analysis
    out: dict[str, str] = {}
    if not a.usable:
        return out
    if a.needs is not None:
        from airdef.needs import needs_by_system

        interval = a.options.interval
        horizon = a.options.horizon_days
        out["fig-fan"] = fig.figure_svg(
            fig.forecast_fan(a.fan, interval=interval,
                             title=f"Forecast of cumulative launches, next {horizon} days"),
            name="fig-fan",
        )  # fmt: skip
        out["fig-cost"] = fig.figure_svg(
            fig.cost_chart(needs_by_system(a.needs), currency=a.needs.attrs.get("currency", ""),
                           interval=interval,
                           title=f"Projected interceptor cost by system, next {horizon} days"),
            name="fig-cost",
        )  # fmt: skip
    return out


def make_figures(analysis: Analysis) -> dict[str, str]:
    """Every figure of the report as SVG text, by figure id."""
    return {**rate_figures(analysis), **projection_figures(analysis)}


def _projection_job(analysis: Analysis) -> tuple[dict[str, Any], dict[str, str]]:
    """The projection half of a build, for a second process: its fields and its figures."""
    analyse_projection(analysis)
    fields = {name: getattr(analysis, name) for name in PROJECTION_FIELDS}
    fields["problems"] = analysis.problems
    return fields, projection_figures(analysis)


def _fork_pool() -> Any:
    """A one-worker process pool that forks (cheap: the libraries are already imported),
    or None where forking is not available or there is a single core."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform != "linux" or (os.cpu_count() or 1) < 2:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))


def _estimate(
    loaded: StrikeData,
    options: ReportOptions,
    truth: pd.DataFrame | None,
    steps: Progress,
    parallel: bool | None,
) -> tuple[Analysis, dict[str, str]]:
    """All tables and figures: rates and trends in this process and, where it can, the
    needs projection in a second one at the same time. Both ways give the same result."""
    with steps.step("estimate", "rates, trends, comparisons, casualties"):
        analysis = prepare_analysis(loaded, options)
        pool = _fork_pool() if parallel is not False and analysis.usable else None
        try:
            future = pool.submit(_projection_job, analysis) if pool is not None else None
            analyse_rates(analysis, truth)
        except BaseException:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            raise
    with steps.step("figures", "drawing the figures of rates and trends"):
        if pool is None:
            svgs = rate_figures(analysis)
        else:  # half in the second process, queued behind the projection
            half = pool.submit(rate_figures, analysis, ("time",))
            svgs = rate_figures(analysis, ("rates",))
            try:
                svgs.update(half.result())
            except BrokenProcessPool:  # the worker died (killed, out of memory): do it here
                svgs.update(rate_figures(analysis, ("time",)))
    what = "launch forecast and needs" + (" (in parallel)" if pool is not None else "")
    with steps.step("project", what):
        if pool is None:
            fields, more = _projection_job(analysis)
        else:
            try:
                fields, more = future.result()
            except BrokenProcessPool:  # the worker died (killed, out of memory): do it here
                fields, more = _projection_job(analysis)
            finally:
                pool.shutdown()
        problems = fields.pop("problems")
        for name, value in fields.items():
            setattr(analysis, name, value)
        analysis.problems.update(problems)
    return analysis, {**svgs, **more}


def export_tables(analysis: Analysis, folder: Path) -> list[Path]:
    """Write the tables behind the report as spreadsheet-safe CSV in ``folder``."""
    from airdef.io.csvsafe import write_safe_csv

    a = analysis
    tables: dict[str, pd.DataFrame | None] = {
        "quarantine": a.data_all.quarantine if len(a.data_all.quarantine) else None,
        "definition_breaks": a.breaks if a.breaks is not None and len(a.breaks) else None,
        "rates_overall": a.overall,
        "rates_by_class": a.by_class,
        "rates_by_weapon": a.by_weapon,
        "truth_comparison": a.truth,
        "monthly_rates": a.periods,
        "trend": a.trend,
        "compare_periods": a.compare,
        "casualties_by_city": a.casualties_by_city,
        "casualties_by_district": a.casualties_by_district,
        "launch_forecast": a.forecast,
        "needs": a.needs,
    }
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        if frame is None:
            path.unlink(missing_ok=True)  # a table from an earlier build must not linger
            continue
        written.append(write_safe_csv(frame, path))
    return written


def build_report(
    data: StrikeData | str | Path | Iterable[str | Path],
    out_dir: str | Path = "reports",
    *,
    formats: str | Iterable[str] = FORMATS,
    title: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str = "national",
    doctrine: str | Path | None = None,
    horizon_days: int = 30,
    target_rate: float | None = None,
    seed: int = 0,
    draws: int = 10_000,
    truth: pd.DataFrame | None = None,
    stem: str = "airdef-report",
    progress: bool | None = None,
    parallel: bool | None = None,
) -> list[Path]:
    """Write the analyst report (HTML and/or PDF) and the CSV tables behind it.

    Parameters
    ----------
    data : StrikeData, path or list of paths
        What to report on; paths are read with :func:`airdef.load`.
    out_dir : str or Path
        Folder for ``<stem>.html``, ``<stem>.pdf`` and ``tables/*.csv``.
    formats : str or iterable of {"html", "pdf"}
        ``"html,pdf"`` by default. Both come from the same HTML.
    title : str, optional
        Report title.
    since, until : str, optional
        Keep attacks ending in this period (dates, inclusive).
    source : {"national", "all"}
        ``national`` leaves out the regional air commands (kills only).
    doctrine : path, optional
        Doctrine TOML for the needs projection (default: the bundled one).
    horizon_days, target_rate, seed, draws
        Of the needs projection (see :func:`airdef.needs.project_needs`);
        ``seed`` seeds every random draw of the report.
    truth : pandas.DataFrame, optional
        True rates of synthetic data (:func:`airdef.true_rates`); by default read
        from ``<name>.truth.csv`` beside a synthetic input.
    stem : str
        File name of the report without extension.
    progress : bool, optional
        Step-by-step progress on stderr; by default when stderr is a terminal.
    parallel : bool, optional
        Compute the trends and needs in a second process while this one does the
        rates (Linux, two cores or more; the default). ``False`` does everything
        here. The output is the same either way.

    Returns
    -------
    list of Path
        The report files, then the CSV tables.

    Raises
    ------
    ValueError
        For a bad option (the message lists the valid choices).
    airdef.DataError
        When an input cannot be read at all. Data that load but leave nothing to
        estimate give a short report that says so.

    Examples
    --------
    >>> import tempfile, airdef
    >>> with tempfile.TemporaryDirectory() as out:
    ...     files = build_report(airdef.sample_path("attack_2024-01-23.csv"), out, formats="html")
    ...     [f.name for f in files][:2]
    ['airdef-report.html', 'rates_overall.csv']
    """
    wanted = _formats(formats)
    options = ReportOptions(
        title=title,
        since=since,
        until=until,
        source=source,
        doctrine=None if doctrine is None else str(doctrine),
        horizon_days=horizon_days,
        target_rate=target_rate,
        seed=seed,
        draws=draws,
    )
    out = Path(out_dir)
    steps = Progress(progress)
    with steps.step("load", "reading the inputs"):
        loaded = _load(data)
    analysis, svgs = _estimate(loaded, options, truth, steps, parallel)
    from airdef.report.context import build_context
    from airdef.report.render import render_html, write_pdf

    with steps.step("html", "writing the HTML"):
        html = render_html(build_context(analysis, figures=svgs))
        out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        if "html" in wanted:
            path = out / f"{stem}.html"
            path.write_text(html, encoding="utf-8")
            written.append(path)
    if "pdf" in wanted:
        with steps.step("pdf", "laying out the PDF"):
            written.append(write_pdf(html, out / f"{stem}.pdf"))
    with steps.step("tables", "exporting the CSV tables"):
        written += export_tables(analysis, out / "tables")
    if steps.enabled:
        sys.stderr.write(f"  total    {steps.total():.2f} s\n")
    return written
