"""Build the analyst report: load -> analyse -> figures -> HTML -> PDF.

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

from airdef.analysis import (
    PROJECTION_FIELDS,
    Analysis,
    ReportOptions,
    analyse_projection,
    analyse_rates,
    prepare_analysis,
)
from airdef.io.inputs import load_inputs
from airdef.model import StrikeData
from airdef.report.draw import projection_figures, rate_figures

__all__ = ["FORMATS", "build_report", "export_tables"]

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
        "claims": a.claims,
        "reconciled": a.reconciled,
        "unreconciled": a.unreconciled,
        "shahed_type_share": a.decoys,
        "monthly_rates": a.periods,
        "trend": a.trend,
        "weapon_monthly_rates": a.weapon_periods,
        "weapon_trend": a.weapon_trend,
        "compare_periods": a.compare,
        "casualties_by_city": a.casualties_by_city,
        "casualties_by_district": a.casualties_by_district,
        "launch_forecast": a.forecast,
        "needs": a.needs.table if a.needs is not None else None,
        "supply_against_burn": a.supply.summary if a.supply is not None else None,
        "budget": a.budget,
        "cost_exchange": a.exchange,
        "sensitivity": a.sensitivity.indices if a.sensitivity is not None else None,
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
    confidence_level: float = 0.95,
    compare_days: int = 90,
    window_days: int = 90,
    interval: float = 0.9,
    claims: str | Path | None = None,
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
        Of the needs projection (see :func:`airdef.needs.project`);
        ``seed`` seeds every random draw of the report.
    confidence_level : float
        Of every confidence interval of a rate (0.95 by default).
    compare_days : int
        Length of each of the two periods compared (the latest days and those before).
    window_days : int
        Days of recent data behind the launch forecast and the needs.
    interval : float
        Probability of the Monte Carlo intervals of the needs (0.9 by default).
    claims : path, optional
        Claims file (TOML) checked in a section of its own (default: the bundled
        example, on real data only).
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
        confidence_level=confidence_level,
        compare_days=compare_days,
        window_days=window_days,
        interval=interval,
        claims=None if claims is None else str(claims),
    )
    out = Path(out_dir)
    steps = Progress(progress)
    with steps.step("load", "reading the inputs"):
        loaded = load_inputs(data)
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
