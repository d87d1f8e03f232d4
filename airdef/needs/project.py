"""Monte Carlo projection of interceptor needs: shots fired, cost, days of supply.

Per draw (all draws of a chunk at once; loops run over classes and systems only):

1. launches of each class over the horizon (:mod:`airdef.needs.forecast`);
2. the interception rate of each class, from the Beta matched to the rate
   table's interval, and the per-shot kill probability it implies under the
   doctrine (:mod:`airdef.needs.calibrate`);
3. for each (system, class) of the doctrine, shots fired =
   launches x share x expected shots per engagement (``shots`` for a plain
   salvo, :func:`~airdef.needs.salvo.expected_shots_sls` under shoot-look-shoot),
   and cost = shots x unit cost. Given the launches, engagements and shots are
   taken at their expectations: the spread comes from the launches and the
   kill probabilities.

With a ``target_rate`` T, each class must reach T: electronic warfare gives
``ew``, so the engaged threats must be killed with probability
``p = (T - ew) / engaged share``; each engagement then fires the fewest
expected shots that reach ``p`` with whole salvos
(:func:`~airdef.needs.salvo.mixed_salvo_shots`, at the draw's per-shot pk).
Where ``p`` would exceed 1, every threat not defeated by electronic warfare is
engaged (the systems' shares scaled up in proportion) with
``p = (T - ew) / (1 - ew)``. A target at or below ``ew`` needs no shots. Target
needs use plain salvos, not shoot-look-shoot.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airdef.needs.calibrate import ClassLink, RateDistribution, implied_pk, rate_distribution
from airdef.needs.doctrine import Doctrine, load_doctrine
from airdef.needs.forecast import ThreatModel, _positive_int, fit_threats, scenario_model
from airdef.needs.salvo import _expected_shots, _mixed_salvo_shots

__all__ = ["COLUMNS", "TARGET_COLUMNS", "needs_by_system", "project_needs"]

#: Draws simulated at once; fixed, so that a seed gives the same result at any size.
CHUNK = 20_000

#: The columns of a :func:`project_needs` result, in order.
COLUMNS = [
    "system",
    "weapon_class",
    "interval",
    "fired_median",
    "fired_low",
    "fired_high",
    "cost_median",
    "cost_low",
    "cost_high",
    "days_of_supply_median",
    "days_of_supply_low",
    "days_of_supply_high",
]
#: The columns a ``target_rate`` adds.
TARGET_COLUMNS = [
    "fired_target_median",
    "fired_target_low",
    "fired_target_high",
    "cost_target_median",
    "cost_target_low",
    "cost_target_high",
]


class _Progress:
    """A one-line progress bar on stderr, shown only on a terminal after about a second."""

    def __init__(self, total: int, enabled: bool | None) -> None:
        if enabled is None:
            enabled = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.start = time.perf_counter()
        self.shown = False

    def update(self, done: int) -> None:
        if not self.enabled or time.perf_counter() - self.start < 1.0:
            return
        width = 30
        filled = int(width * done / self.total)
        sys.stderr.write(
            f"\rprojecting needs [{'#' * filled}{'.' * (width - filled)}] "
            f"{done:,}/{self.total:,} draws"
        )
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _rates_from_data(
    data: Any, window_days: int, source: str, outcome: str
) -> tuple[pd.DataFrame, str]:
    from airdef.needs.forecast import _when
    from airdef.rates import interception_rates

    selected = data.select(source=source)
    when = _when(selected.events)
    end = when.max()
    start = end - pd.Timedelta(days=window_days - 1)
    recent = selected.select(since=start, until=end)
    table = interception_rates(recent, by="weapon_class", outcome=outcome)
    basis = (
        f"interception rates: airdef.interception_rates by weapon class, outcome {outcome!r}, "
        f"over {start:%Y-%m-%d} to {end:%Y-%m-%d} ({source} reports); each rate is drawn "
        "from a Beta matched to its interval in every draw"
    )
    return table, basis


def project_needs(
    data: Any = None,
    *,
    horizon_days: int = 30,
    doctrine: Doctrine | str | Path | None = None,
    scenario: Any = None,
    target_rate: float | None = None,
    draws: int = 10_000,
    seed: int = 0,
    interval: float = 0.9,
    window_days: int = 90,
    source: str = "national",
    rates: pd.DataFrame | None = None,
    outcome: str = "neutralized",
    progress: bool | None = None,
) -> pd.DataFrame:
    """Project the interceptors each system fires over the horizon, their cost and days of supply.

    Parameters
    ----------
    data : StrikeData, optional
        Recent strike reports: the source of the launch forecast and of the
        interception rates. Needed unless both ``scenario`` and ``rates`` are given.
    horizon_days : int
        Days ahead (default 30).
    doctrine : Doctrine, str or Path, optional
        Who engages what, shots and costs; default the bundled
        ``airdef/data/doctrine.toml``. Every number in it is an assumption.
    scenario : str, Path, dict or Series, optional
        Launches per week by class, replacing the data forecast
        (see :func:`airdef.needs.forecast.load_scenario`).
    target_rate : float, optional
        An interception rate in [0, 1] to reach in every class; adds the
        ``fired_target_*`` and ``cost_target_*`` columns.
    draws, seed : int
        Monte Carlo draws and the seed of ``numpy.random.default_rng``.
    interval : float
        Probability of the central interval ``*_low`` to ``*_high`` (default 0.9).
    window_days : int
        Days of recent data for the forecast and the rates (default 90).
    source : {"national", "all"}
        Which reports to use; regional air commands report kills only.
    rates : pandas.DataFrame, optional
        A rate table (``weapon_class, rate, ci_low, ci_high[, confidence_level]``)
        to use instead of :func:`airdef.interception_rates` on the data window.
    outcome : {"neutralized", "intercepted"}
        What the data's rate counts as a success (see :func:`airdef.interception_rates`).
        The default ``neutralized`` counts drones lost to electronic warfare too,
        matching the doctrine's ``ew_share``: the reports count them apart before
        2026 and inside ``intercepted`` from 2026.
    progress : bool, optional
        Progress bar on stderr; default only when stderr is a terminal.

    Returns
    -------
    pandas.DataFrame
        One row per (system, weapon class) of the doctrine, then a row per system
        with ``weapon_class`` "all" (its total over classes, summed per draw),
        then a row with system "all" (total cost; counts of different
        interceptors are not added, so its ``fired_*`` are NaN). Columns:
        ``system, weapon_class, interval, fired_median, fired_low, fired_high,
        cost_median, cost_low, cost_high, days_of_supply_median,
        days_of_supply_low, days_of_supply_high`` (days of supply only on a
        system's "all" row, where the doctrine gives an inventory:
        inventory / shots per day, so ``low`` comes from the high fire rate), and
        with ``target_rate`` the ``fired_target_*`` and ``cost_target_*``
        columns. ``attrs`` holds ``assumptions`` and ``notes`` (lists of text),
        ``doctrine`` (path), ``currency``, ``horizon_days``, ``draws``, ``seed``,
        ``target_rate``, ``threats`` and ``pk`` (lists of records).

    Examples
    --------
    Seventy cruise missiles a week for a week, and the bundled doctrine (IRIS-T
    SLM engages 25% of them with two shots, at 2,080,000 USD a shot):

    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> out = project_needs(scenario={"cruise_missile": 70}, rates=rates, horizon_days=7)
    >>> iris = out[(out["system"] == "IRIS-T SLM") & (out["weapon_class"] == "cruise_missile")]
    >>> iris[["fired_median", "fired_low", "fired_high", "cost_median"]]
        fired_median  fired_low  fired_high  cost_median
    16          35.0       35.0        35.0   72800000.0
    """
    horizon_days = _positive_int("horizon_days", horizon_days)
    draws = _positive_int("draws", draws)
    window_days = _positive_int("window_days", window_days)
    if not 0 < interval < 1:
        raise ValueError(f"interval must be between 0 and 1; got {interval!r}")
    if target_rate is not None and not 0 <= target_rate <= 1:
        raise ValueError(f"target_rate must be in [0, 1]; got {target_rate!r}")
    if source not in ("national", "all"):
        raise ValueError(f"source must be 'national' or 'all', not {source!r}")
    if data is None and (scenario is None or rates is None):
        raise ValueError("project_needs needs data, unless both a scenario and rates are given")

    doc = doctrine if isinstance(doctrine, Doctrine) else load_doctrine(doctrine)
    classes = list(doc.classes["weapon_class"])
    notes: list[str] = []

    # -- launches -------------------------------------------------------------------
    if scenario is not None:
        threats: ThreatModel = scenario_model(scenario, classes)
    else:
        threats = fit_threats(data, window_days=window_days, classes=classes, source=source)
        notes.extend(_unengaged_notes(data, window_days, source, classes))

    # -- rates ----------------------------------------------------------------------
    if rates is None:
        rates, rate_basis = _rates_from_data(data, window_days, source, outcome)
    else:
        rate_basis = (
            "interception rates: the rate table passed in, intervals carried into every draw"
        )
    rate_dist: RateDistribution = rate_distribution(rates)

    # -- the doctrine as arrays -----------------------------------------------------
    eng = doc.engagements
    links = {
        c.weapon_class: ClassLink(eng[eng["weapon_class"] == c.weapon_class], c.ew_share)
        for c in doc.classes.itertuples(index=False)
    }
    cost_of = dict(zip(doc.systems["system"], doc.systems["unit_cost"], strict=True))
    unit_cost = eng["system"].map(cost_of).to_numpy(float)
    n_rows = len(eng)
    class_rows = {c: np.flatnonzero(eng["weapon_class"].to_numpy() == c) for c in classes}
    # (rows, draws): each row's draws are contiguous, for the sums and quantiles below.
    fired = np.empty((n_rows, draws))
    fired_t = np.empty((n_rows, draws)) if target_rate is not None else None
    launched_all = np.empty((draws, len(classes)))
    rate_all = np.empty((draws, len(classes)))
    capped_draws = np.zeros(len(classes))

    rng = np.random.default_rng(seed)
    bar = _Progress(draws, progress)
    try:
        for lo in range(0, draws, CHUNK):
            hi = min(draws, lo + CHUNK)
            d = hi - lo
            launched = threats.draw(horizon_days, d, rng)
            rate = rate_dist.draw(classes, d, rng)
            launched_all[lo:hi] = launched
            rate_all[lo:hi] = rate
            for j, c in enumerate(classes):
                rows = class_rows[c]
                if not len(rows):
                    continue
                link = links[c]
                u, capped = link.solve_u(rate[:, j])
                capped_draws[j] += capped.sum()
                n = launched[:, j]
                if link.plain:  # one salvo per engagement: no kill probability needed
                    fired[rows, lo:hi] = (link.share * link.shots)[:, None] * n[None, :]
                else:
                    q = link.miss_per_shot(u)  # (d, systems of c)
                    per_engagement = _expected_shots(q, link.shots, link.looks).T
                    fired[rows, lo:hi] = np.where(
                        n == 0, 0.0, link.share[:, None] * per_engagement * n[None, :]
                    )
                if fired_t is not None:
                    fired_t[rows, lo:hi] = _target_fire(n, link, u, target_rate)
            bar.update(hi)
    finally:
        bar.close()

    # -- summaries ------------------------------------------------------------------
    table = _summarize(doc, fired, fired_t, unit_cost, interval, horizon_days)
    for j, c in enumerate(classes):
        share = capped_draws[j] / draws
        if share > 0:
            how_often = f"{share:.0%}" if share >= 0.005 else "under 1%"
            notes.append(
                f"{c}: in {how_often} of draws the interception rate is above what the doctrine "
                f"can explain (electronic warfare {links[c].ew:.0%} + engaged "
                f"{links[c].engaged:.0%}); per-shot kill probability capped at 1 there"
            )
        if np.isnan(rate_all[:, j]).all():
            notes.append(
                f"{c}: no interception rate in the data, so no kill probability: its "
                "shoot-look-shoot and target needs are blank and left out of the totals"
            )
    lo_q = (1 - interval) / 2
    q_launch = np.quantile(launched_all, [0.5, lo_q, 1 - lo_q], axis=0)  # (3, classes)
    threats_rec = [
        {
            "weapon_class": c,
            "launched_median": float(q_launch[0, j]),
            "launched_low": float(q_launch[1, j]),
            "launched_high": float(q_launch[2, j]),
        }
        for j, c in enumerate(classes)
    ]
    pk_table = implied_pk(rates, doc)
    table.attrs.update(
        doctrine=doc.path,
        currency=doc.currency,
        horizon_days=horizon_days,
        draws=draws,
        seed=seed,
        interval=interval,
        target_rate=target_rate,
        assumptions=[threats.basis, rate_basis, *doc.assumptions(), *_MODEL_ASSUMPTIONS],
        notes=notes,
        threats=threats_rec,
        pk=pk_table.to_dict("records"),
    )
    return table


_MODEL_ASSUMPTIONS = [
    "model: each threat is engaged by one system at most; shots are independent; given the "
    "launches, engagements and shots are taken at their expected values",
    "model: the systems of a class share one per-shot kill probability (or the doctrine's "
    "pk_prior ratios), solved from the class's observed interception rate in every draw",
]


def _target_fire(launched: np.ndarray, link: ClassLink, u: np.ndarray, target: float) -> np.ndarray:
    """Shots of each system of one class that reach ``target``: shape (systems, draws)."""
    shape = (len(link.share), len(launched))
    if link.engaged == 0:
        return np.full(shape, np.nan)
    need = target - link.ew
    if need <= 0:
        return np.zeros(shape)
    per_engagement = need / link.engaged
    share = link.share
    if per_engagement >= 1 - 1e-12:
        share = link.share / link.engaged * (1.0 - link.ew)
        per_engagement = min(1.0, need / (1.0 - link.ew))
    q = link.miss_levels(u)  # (draws, distinct per-shot exponents)
    shots = _mixed_salvo_shots(q, np.full(q.shape, per_engagement)).T[link.shot_index]
    with np.errstate(invalid="ignore"):
        fired = share[:, None] * shots * launched[None, :]
    return np.where(launched[None, :] == 0, 0.0, fired)


def _quantiles(x: np.ndarray, interval: float) -> np.ndarray:
    """Median, low and high of each row of ``x`` (rows, draws): shape (3, rows)."""
    lo = (1 - interval) / 2
    with np.errstate(invalid="ignore"):
        return np.quantile(x, [0.5, lo, 1 - lo], axis=1)


def _summarize(
    doc: Doctrine,
    fired: np.ndarray,
    fired_t: np.ndarray | None,
    unit_cost: np.ndarray,
    interval: float,
    horizon: int,
) -> pd.DataFrame:
    """Quantiles per (system, class), per system ("all") and in total, in that reading order.

    A row's cost is its shots times one unit cost, so its cost quantiles are its
    shot quantiles times that cost; only the grand total needs its own.
    """
    eng = doc.engagements
    labels, inventory, price, picks = [], [], [], []  # picks: rows of `fired` per output row
    for s in doc.systems.itertuples(index=False):
        mask = (eng["system"] == s.system).to_numpy()
        if not mask.any():
            continue
        for j in np.flatnonzero(mask):
            labels.append((s.name, eng["weapon_class"].iat[j]))
            picks.append([j])
            inventory.append(np.nan)
            price.append(s.unit_cost)
        labels.append((s.name, "all"))
        picks.append(list(np.flatnonzero(mask)))
        inventory.append(s.inventory)
        price.append(s.unit_cost)
    labels.append(("all", "all"))
    price = np.asarray(price, dtype=float)
    inv = np.asarray([*inventory, np.nan], dtype=float)

    def stats(shots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # A class without a kill probability (blank) is left out of totals; a note says so.
        add = np.nansum if np.isnan(shots).any() else np.sum
        rows = [shots[p[0]] if len(p) == 1 else add(shots[p], axis=0) for p in picks]
        total_cost = add(shots * unit_cost[:, None], axis=0)
        q = _quantiles(np.vstack([*rows, total_cost]), interval)
        qf = np.concatenate([q[:, :-1], np.full((3, 1), np.nan)], axis=1)  # kinds not added
        qc = np.concatenate([q[:, :-1] * price, q[:, -1:]], axis=1)
        return qf, qc

    qf, qc = stats(fired)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_day = qf[[0, 2, 1]] / horizon
        # Days of supply fall as the fire rate rises: the low end comes from the high fire rate.
        days = np.where(per_day > 0, inv / per_day, np.inf)
    days = np.where(np.isnan(inv), np.nan, days)
    out = pd.DataFrame(
        {
            "system": pd.array([a for a, _ in labels], dtype="string"),
            "weapon_class": pd.array([b for _, b in labels], dtype="string"),
            "interval": interval,
            "fired_median": qf[0],
            "fired_low": qf[1],
            "fired_high": qf[2],
            "cost_median": qc[0],
            "cost_low": qc[1],
            "cost_high": qc[2],
            "days_of_supply_median": days[0],
            "days_of_supply_low": days[1],
            "days_of_supply_high": days[2],
        }
    )
    if fired_t is not None:
        qft, qct = stats(fired_t)
        for name, values in zip(TARGET_COLUMNS, [*qft, *qct], strict=True):
            out[name] = values
    return out


def _unengaged_notes(data: Any, window_days: int, source: str, classes: list[str]) -> list[str]:
    from airdef.needs.forecast import daily_launches

    daily = daily_launches(data, window_days=window_days, source=source)
    out = []
    for c in daily.columns:
        n = int(daily[c].sum())
        if c not in classes and n > 0:
            out.append(
                f"{c}: {n:,} launched in the window, but the doctrine engages no system against "
                "this class, so it adds no interceptor needs"
            )
    return out


def needs_by_system(result: pd.DataFrame) -> pd.DataFrame:
    """The per-system totals of a :func:`project_needs` result (its ``weapon_class == "all"`` rows).

    Examples
    --------
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> out = project_needs(scenario={"cruise_missile": 7}, rates=rates, horizon_days=7)
    >>> needs_by_system(out)["system"].tolist()[:3]
    ['Patriot PAC-3 MSE', 'Patriot PAC-2 GEM-T', 'SAMP/T (Aster 30)']
    """
    keep = (result["weapon_class"] == "all") & (result["system"] != "all")
    out = result.loc[keep].reset_index(drop=True)
    out.attrs = dict(result.attrs)
    return out
