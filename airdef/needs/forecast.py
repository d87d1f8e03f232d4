"""How many threats of each class to expect: a count forecast from recent reports, or a scenario.

The data forecast, per weapon class:

1. **Daily launches.** Each report row counts on the calendar day its window
   ends (``time_end``, or ``time_start`` when that is blank). The window is the
   last ``window_days`` days of the data, ending on its last day; a day with no
   row for a class counts as **zero launches of that class** (the Air Force
   reports every attack, so a day with no report is taken as a day without
   launches). Rows with a blank ``launched`` count are left out and counted in
   a note. ``mixed`` rows (several types in one count) cannot be split; they form
   their own class.
2. **Overdispersion.** Daily counts are fitted with a negative binomial of mean
   :math:`\\bar y` (its maximum-likelihood estimate) and size ``k`` (maximum
   likelihood, ``scipy.optimize.minimize_scalar``); when the variance does not
   exceed the mean the fit is Poisson (``k`` infinite).
3. **Uncertain mean.** The daily mean :math:`\\mu` is drawn from the
   gamma-Poisson posterior with Jeffreys' prior, with the counts down-weighted by
   the dispersion factor :math:`\\phi = 1 + \\bar y / k`:
   :math:`\\mu \\sim \\mathrm{Gamma}(S/\\phi + 1/2,\\ \\text{rate}=W/\\phi)` for ``S``
   launches in ``W`` days. A class with no launches in the window keeps a small
   chance of some (the posterior is not a point at zero). The prior's 1/2 moves
   the posterior mean up by :math:`\\phi / (2W)` a day: nothing for busy classes,
   noticeable for classes that come in a few massive raids (few effective counts),
   where the data say little about the mean anyway. Censored days enter the fit
   at their expected count given that they are at least their bound, under the
   fitted model (:func:`fit_counts`, iterated to a fixed point).
4. **The horizon.** Given :math:`\\mu`, days are independent negative-binomial
   draws, so ``H`` days total
   :math:`\\mathrm{NB}(\\text{size}=Hk,\\ \\text{mean}=H\\mu)`, drawn as a
   gamma-Poisson mixture. Runs of heavy days (autocorrelation) are not modelled.

A **scenario** replaces the forecast with fixed launches per week by class, taken
as given: launches over ``H`` days are ``per_week * H / 7``, with no count noise.
Scenario files are TOML (a ``[launches_per_week]`` table, class = number) or CSV
(columns ``weapon_class,launches_per_week``); classes they leave out have no
launches.
"""

from __future__ import annotations

import csv
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, special

from airdef.catalog import WEAPON_CLASSES
from airdef.errors import DataError
from airdef.needs._common import positive_int
from airdef.needs.counts import DailyCounts, daily_counts, daily_launches

__all__ = [
    "DailyCounts",
    "ThreatModel",
    "daily_counts",
    "daily_launches",
    "fit_counts",
    "fit_threats",
    "load_scenario",
    "scenario_model",
    "threat_forecast",
]


def _nb_size(y: np.ndarray) -> float:
    """Maximum-likelihood negative-binomial size for counts ``y`` (inf when not overdispersed)."""
    if len(y) < 2:
        return math.inf
    mean = y.mean()
    if mean == 0 or y.var(ddof=1) <= mean:
        return math.inf

    def nll(log_k: float) -> float:
        k = math.exp(log_k)
        return -float(
            np.sum(
                special.gammaln(y + k)
                - special.gammaln(k)
                + k * np.log(k / (k + mean))
                + y * np.log(mean / (k + mean))
            )
        )

    res = optimize.minimize_scalar(nll, bounds=(-12.0, 16.0), method="bounded")
    if res.x > 15.9:  # at the upper bound: indistinguishable from Poisson
        return math.inf
    return math.exp(res.x)


def _expected_at_least(bound: np.ndarray, mean: float, k: float) -> np.ndarray:
    """E[Y | Y >= bound] for Y negative binomial (mean, size k; Poisson when k is inf)."""
    from scipy import stats

    bound = np.asarray(bound, dtype=float)
    if mean <= 0:
        return bound.copy()
    top = int(bound.max()) if bound.size else 0
    y = np.arange(top + 1, dtype=float)
    if math.isinf(k):
        pmf = stats.poisson.pmf(y, mean)
    else:
        pmf = stats.nbinom.pmf(y, k, k / (k + mean))
    below_mass = np.concatenate([[0.0], np.cumsum(pmf)])  # P(Y < c) for c = 0..top+1
    below_sum = np.concatenate([[0.0], np.cumsum(y * pmf)])
    c = bound.astype(int)
    tail = 1.0 - below_mass[c]
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (mean - below_sum[c]) / tail
    return np.where((tail > 1e-12) & np.isfinite(out), np.maximum(out, bound), bound)


def fit_counts(y: np.ndarray, censored: np.ndarray | None = None) -> dict[str, float]:
    """Fit one class's daily counts (see the module notes, steps 2 and 3).

    Parameters
    ----------
    y : array of int
        Launches per day (for a censored day, its lower bound).
    censored : array of bool, optional
        Days whose count is only a lower bound. Each enters at its expected count
        given the bound under the fitted model, iterated to a fixed point (the
        EM algorithm for a censored sample).

    Returns ``days, launched, mean_per_day, var_per_day, size`` (negative-binomial
    ``k``, inf for Poisson), ``post_shape, post_rate`` (gamma posterior of the
    daily mean), ``per_week`` (NaN) and ``censored_days``.

    Examples
    --------
    >>> fit = fit_counts(np.array([3.0, 3.0, 3.0, 3.0]))  # no spread: Poisson
    >>> fit["size"], fit["post_shape"], fit["post_rate"]
    (inf, 12.5, 4.0)

    Ten days of 100 launches, three of them known only as "at least 90": the
    maximum-likelihood mean of that censored sample, about 101 (reading the
    blanks as zero would give 70):

    >>> y = np.array([100.0] * 7 + [90.0] * 3)
    >>> round(fit_counts(y, np.arange(10) >= 7)["mean_per_day"], 1)
    101.0
    """
    y = np.asarray(y, dtype=float)
    cens = np.zeros(len(y), bool) if censored is None else np.asarray(censored, bool)
    filled = y.copy()
    k = _nb_size(filled)
    if cens.any():
        for _ in range(50):
            mean = float(filled.mean())
            new = filled.copy()
            new[cens] = _expected_at_least(y[cens], mean, k)
            k = _nb_size(new)
            moved = float(np.abs(new - filled).max())
            filled = new
            if moved < 1e-6:
                break
    mean = float(filled.mean()) if len(filled) else 0.0
    phi = 1.0 + mean / k if math.isfinite(k) else 1.0
    return {
        "days": len(y),
        "launched": int(round(filled.sum())),
        "mean_per_day": mean,
        "var_per_day": float(filled.var(ddof=1)) if len(filled) > 1 else math.nan,
        "size": k,
        "post_shape": float(filled.sum()) / phi + 0.5,
        "post_rate": len(y) / phi,
        "per_week": math.nan,
        "censored_days": int(cens.sum()),
    }


@dataclass(frozen=True)
class ThreatModel:
    """Fitted launch model per weapon class (see the module notes).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per class: ``weapon_class, days, launched, mean_per_day,
        var_per_day, size`` (negative-binomial ``k``; inf for Poisson),
        ``post_shape, post_rate`` (gamma posterior of the daily mean) and
        ``per_week`` (scenario launches; NaN for a data forecast).
    basis : str
        Where the launches come from, in words (kept for existing callers; the
        structured facts are ``scenario``, ``source``, ``start``, ``end`` and
        ``blank_rows``).
    scenario : bool
        True when the launches are a fixed scenario.
    source : str
        Which reports the fit used ("" for a scenario).
    start, end : pandas.Timestamp or None
        The fitted window.
    blank_rows : int
        Rows with a blank launched count in the window (read as censored).
    """

    table: pd.DataFrame
    basis: str
    scenario: bool = False
    source: str = ""
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    blank_rows: int = 0

    def draw(self, horizon_days: int, draws: int, rng: np.random.Generator) -> np.ndarray:
        """Launches over ``horizon_days`` days, shape (draws, classes), in ``table`` order."""
        return self.draw_with_means(horizon_days, draws, rng)[0]

    def draw_with_means(
        self, horizon_days: int, draws: int, rng: np.random.Generator
    ) -> tuple[np.ndarray, np.ndarray]:
        """Launches over the horizon and the daily mean behind them, each (draws, classes).

        A scenario's launches are whole numbers: ``per_week * horizon / 7`` rounded.
        """
        t = self.table
        out = np.empty((draws, len(t)))
        means = np.empty((draws, len(t)))
        for j, row in enumerate(t.itertuples(index=False)):
            if self.scenario:
                out[:, j] = np.rint(row.per_week * horizon_days / 7.0)
                means[:, j] = row.per_week / 7.0
                continue
            mu = rng.gamma(row.post_shape, 1.0 / row.post_rate, size=draws)
            means[:, j] = mu
            if math.isinf(row.size):
                lam = horizon_days * mu
            else:
                lam = rng.gamma(horizon_days * row.size, mu / row.size)
            out[:, j] = rng.poisson(lam)
        return out, means


def fit_threats(
    data: Any,
    *,
    window_days: int = 90,
    classes: Any = None,
    source: str = "national",
    counts: DailyCounts | None = None,
) -> ThreatModel:
    """Fit the launch model of each weapon class to the last ``window_days`` days of the data.

    Parameters
    ----------
    data : StrikeData
    window_days : int
    classes : list of str, optional
        Classes to fit (default: those with launches in the window). A class with
        no launches in the window is fitted as zero launches on every day.
    source : {"national", "all"}
    counts : DailyCounts, optional
        The window's counts when already computed by :func:`daily_counts` with
        the same ``window_days`` and ``source``.

    Returns
    -------
    ThreatModel
    """
    d = counts if counts is not None else daily_counts(data, window_days=window_days, source=source)
    daily = d.counts
    wanted = list(daily.columns) if classes is None else list(classes)
    rows = []
    for c in wanted:
        if c in daily.columns:
            y, cens = daily[c].to_numpy(float), d.censored[c].to_numpy(bool)
        else:
            y, cens = np.zeros(len(daily)), np.zeros(len(daily), bool)
        rows.append({"weapon_class": c, **fit_counts(y, cens)})
    blank = d.blank_rows
    basis = (
        f"launches: negative-binomial forecast from the {len(daily)} days "
        f"{d.start.date()} to {d.end.date()} ({source} reports); "
        "a day with no report counts as a day without launches"
        + (
            f"; {blank} row(s) with a blank launched count read as at least their "
            "intercepted count (censored days)"
            if blank
            else ""
        )
    )
    return ThreatModel(
        table=pd.DataFrame(rows), basis=basis, source=source, start=d.start, end=d.end,
        blank_rows=blank,
    )  # fmt: skip


def load_scenario(path: str | Path) -> pd.Series:
    """Read a scenario file: launches per week by weapon class.

    TOML::

        [launches_per_week]
        strike_drone = 1200
        cruise_missile = 25

    or CSV with the header ``weapon_class,launches_per_week``.

    Returns
    -------
    pandas.Series
        Launches per week (float) indexed by weapon class, named ``launches_per_week``.

    Raises
    ------
    airdef.DataError
        Naming the file and the key or row: unknown classes, negative or
        non-numeric values, a missing table or column.
    """
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise DataError(f"{name}: no such file")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{name}: cannot read the scenario ({exc})") from None
    items: list[tuple[str, str, Any]] = []  # (where, class, value)
    if p.suffix.lower() == ".toml":
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DataError(f"{name}: not valid TOML: {exc}") from None
        table = raw.get("launches_per_week")
        if not isinstance(table, dict):
            raise DataError(f"{name}: launches_per_week: missing (a table of class = launches)")
        items = [(f"launches_per_week.{k}", k, v) for k, v in table.items()]
    elif p.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        header = reader.fieldnames or []
        for col in ("weapon_class", "launches_per_week"):
            if col not in header:
                raise DataError(f"{name}: the header lacks the column {col}")
        for i, row in enumerate(reader, start=2):
            value = (row["launches_per_week"] or "").strip()
            try:
                number: Any = float(value)
            except ValueError:
                number = value
            items.append((f"row {i}", (row["weapon_class"] or "").strip(), number))
    else:
        raise DataError(f"{name}: a scenario must be a .toml or .csv file")
    out: dict[str, float] = {}
    for where, cls, value in items:
        if cls not in WEAPON_CLASSES:
            raise DataError(
                f"{name}: {where}: unknown weapon class {cls!r}; valid classes are "
                + ", ".join(WEAPON_CLASSES)
            )
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise DataError(f"{name}: {where}: launches per week must be a number, not {value!r}")
        if value < 0:
            raise DataError(
                f"{name}: {where}: launches per week must not be negative, not {value!r}"
            )
        if cls in out:
            raise DataError(f"{name}: {where}: {cls} is given twice")
        out[cls] = float(value)
    return pd.Series(out, name="launches_per_week", dtype=float)


def scenario_model(scenario: pd.Series | dict | str | Path, classes: Any = None) -> ThreatModel:
    """A :class:`ThreatModel` of fixed launches per week (a file path, Series or dict)."""
    name = None
    if isinstance(scenario, str | Path):
        name = str(scenario)
        scenario = load_scenario(scenario)
    series = pd.Series(scenario, dtype=float)
    bad = [c for c in series.index if c not in WEAPON_CLASSES]
    if bad:
        raise ValueError(
            f"scenario names unknown weapon class {bad[0]!r}; valid classes are "
            + ", ".join(WEAPON_CLASSES)
        )
    if (series < 0).any() or series.isna().any():
        raise ValueError("scenario launches per week must be numbers >= 0")
    wanted = list(series.index) if classes is None else list(classes)
    rows = [
        {
            "weapon_class": c,
            "days": 0,
            "launched": 0,
            "mean_per_day": float(series.get(c, 0.0)) / 7.0,
            "var_per_day": 0.0,
            "size": math.inf,
            "post_shape": math.nan,
            "post_rate": math.nan,
            "per_week": float(series.get(c, 0.0)),
            "censored_days": 0,
        }
        for c in wanted
    ]
    where = f"scenario file {name}" if name else "a scenario"
    return ThreatModel(
        table=pd.DataFrame(rows),
        basis=f"launches: {where}, fixed launches per week (no count uncertainty)",
        scenario=True,
    )


def threat_forecast(
    data: Any = None,
    *,
    horizon_days: int = 30,
    window_days: int = 90,
    scenario: Any = None,
    draws: int = 10_000,
    seed: int = 0,
    interval: float = 0.9,
    source: str = "national",
    model: ThreatModel | None = None,
) -> pd.DataFrame:
    """Launches per weapon class over the next ``horizon_days`` days, with an interval.

    Parameters
    ----------
    data : StrikeData, optional
        Needed unless ``scenario`` is given.
    horizon_days : int
        Days ahead.
    window_days : int
        Days of recent data to fit (default 90).
    scenario : str, Path, dict or Series, optional
        Launches per week by class; replaces the data forecast (see :func:`load_scenario`).
    draws, seed : int
        Monte Carlo draws and the seed of ``numpy.random.default_rng``.
    interval : float
        Probability of the central interval ``launched_low`` to ``launched_high``.
    source : {"national", "all"}

    Returns
    -------
    pandas.DataFrame
        One row per class: ``weapon_class, horizon_days, window_launched,
        mean_per_day, dispersion`` (negative-binomial size ``k``; inf for Poisson),
        ``interval, launched_median, launched_low, launched_high``. Where the
        launches come from is the fitted model's (:func:`fit_threats`) to say.

    Examples
    --------
    >>> out = threat_forecast(scenario={"cruise_missile": 14}, horizon_days=30)
    >>> out[["weapon_class", "mean_per_day", "launched_median", "launched_low", "launched_high"]]
         weapon_class  mean_per_day  launched_median  launched_low  launched_high
    0  cruise_missile           2.0             60.0          60.0           60.0
    """
    horizon_days = positive_int("horizon_days", horizon_days)
    draws = positive_int("draws", draws)
    if not 0 < interval < 1:
        raise ValueError(f"interval must be between 0 and 1; got {interval!r}")
    if model is not None:
        pass
    elif scenario is not None:
        model = scenario_model(scenario)
    elif data is None:
        raise ValueError("threat_forecast needs data or a scenario (or a fitted model)")
    else:
        model = fit_threats(data, window_days=window_days, source=source)
    launches = model.draw(horizon_days, draws, np.random.default_rng(seed))
    lo = (1 - interval) / 2
    q = np.quantile(launches, [0.5, lo, 1 - lo], axis=0) if len(model.table) else np.empty((3, 0))
    t = model.table
    out = pd.DataFrame(
        {
            "weapon_class": t["weapon_class"].astype("string"),
            "horizon_days": horizon_days,
            "window_launched": t["launched"].astype("int64"),
            "mean_per_day": t["mean_per_day"].astype(float),
            "dispersion": t["size"].astype(float),
            "interval": interval,
            "launched_median": q[0],
            "launched_low": q[1],
            "launched_high": q[2],
        }
    )
    return out
