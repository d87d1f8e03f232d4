"""Monte Carlo projection of interceptor needs: shots fired, kills, cost, days of supply.

Per draw (all draws of a chunk at once; loops run over classes, systems and
looks only, never over draws):

1. **Launches** of each class over the horizon, and the daily mean behind them
   (:mod:`airdef.needs.forecast`).
2. **Kill probabilities.** The interception rate of each class is drawn from
   the Beta matched to the rate table's interval; the per-shot kill probability
   that explains it under the doctrine is solved per draw
   (:mod:`airdef.needs.calibrate`).
3. **Engagements are counts.** Each class's launches are split by a
   multinomial draw into those defeated by electronic warfare, those engaged
   by each system (the doctrine's shares) and those engaged by none.
4. **Kills are counts.** A plain salvo of ``s`` shots at each of ``E``
   engaged threats fires ``s * E`` shots and kills a binomial
   ``Binomial(E, 1 - (1 - pk)^s)``. Under **shoot-look-shoot** (``looks`` L > 1)
   every survivor of a salvo is engaged again, up to L salvos: the survivors of
   each look are a binomial thinning of the previous, and the shots are ``s``
   times the salvos fired. Fired counts are whole numbers and their quantiles
   are draws (``inverted_cdf``), never interpolated.
5. **Days of supply** of a system with an inventory: the time until its
   stock runs out, ``inventory / (shots per day)``, with the expected shots
   per day given the draw's daily means and kill probabilities. It does not
   depend on the horizon.

**A target rate** ``T`` in every class (:func:`target_plan`): electronic
warfare gives ``ew``; the rest, ``T - ew``, must come from interceptors. First
the threats the doctrine engages get more shots, until each engagement kills
with probability :data:`MAX_ENGAGEMENT_KILL`; beyond that, more of the
unengaged threats are engaged (all systems' shares scaled up together) until
every threat not defeated by electronic warfare is; beyond that, the kill
probability per engagement rises again. Each step is continuous and increasing,
so shots and cost never fall as the target rises. Shots per engagement are the
least expected shots with whole salvos
(:func:`~airdef.needs.salvo.mixed_salvo_shots`). Target needs are what the
target takes on average given the draw's launches and kill probabilities,
rounded up to whole shots. A target of 1 (100%) is unreachable: no finite
number of shots makes every interception certain.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airdef.needs._common import Progress, event_day, positive_int
from airdef.needs.calibrate import ClassLink, rate_distribution
from airdef.needs.doctrine import Doctrine, load_doctrine
from airdef.needs.forecast import (
    ThreatModel,
    daily_counts,
    fit_threats,
    scenario_model,
)
from airdef.needs.prices import PriceIndex, load_price_index
from airdef.needs.result import NeedsProjection, NeedsSamples
from airdef.needs.salvo import expected_shots_array, mixed_salvo_shots_array
from airdef.needs.summary import COLUMNS, TARGET_COLUMNS, summarize

__all__ = [
    "COLUMNS",
    "MAX_ENGAGEMENT_KILL",
    "TARGET_COLUMNS",
    "needs_by_system",
    "project",
    "target_plan",
]

#: Draws simulated at once; fixed, so that a seed gives the same result at any size.
CHUNK = 20_000

#: Kill probability per engagement up to which a target is met by more shots
#: before more threats are engaged (see the module notes).
MAX_ENGAGEMENT_KILL = 0.9


def target_plan(target: Any, ew: float, engaged: float) -> tuple[np.ndarray, np.ndarray]:
    """How a class reaches interception rate ``target``: engagement scale and kill per engagement.

    Returns ``(g, p)``: every system's share is multiplied by ``g`` (>= 1) and
    each engagement must kill with probability ``p``, so that
    ``ew + g * engaged * p == target`` (see the module notes for the order of
    the steps). ``g * engaged`` never exceeds ``1 - ew``. Both are NaN where no
    system engages the class and the target needs interceptors.

    Raises
    ------
    ValueError
        For a target outside [0, 1); 1 is unreachable.

    Examples
    --------
    Electronic warfare 10%, the doctrine engages 50%:

    >>> g, p = target_plan([0.3, 0.55, 0.9, 0.95], ew=0.1, engaged=0.5)
    >>> g.round(3).tolist()  # more shots first, then more threats engaged, up to all
    [1.0, 1.0, 1.778, 1.8]
    >>> p.round(3).tolist()  # then each engagement must kill more often
    [0.4, 0.9, 0.9, 0.944]
    """
    t = np.asarray(target, dtype=float)
    if np.any(t >= 1.0):
        raise ValueError(
            "a target rate of 100% is unreachable: no finite number of shots makes every "
            "interception certain; give a rate below 1"
        )
    if np.any(t < 0) or np.any(np.isnan(t)):
        raise ValueError(f"target_rate must be in [0, 1); got {target!r}")
    need = t - ew
    if engaged <= 0:
        nothing = need <= 0
        return np.where(nothing, 1.0, np.nan), np.where(nothing, 0.0, np.nan)
    g_max = (1.0 - ew) / engaged
    cap = MAX_ENGAGEMENT_KILL
    step1 = need <= engaged * cap
    step2 = ~step1 & (need <= engaged * g_max * cap)
    g = np.where(step1, 1.0, np.where(step2, need / (engaged * cap), g_max))
    p = np.where(step1, need / engaged, np.where(step2, cap, need / (1.0 - ew)))
    p = np.where(need <= 0, 0.0, p)
    g = np.where(need <= 0, 1.0, g)
    return g, p


def _rates_from_data(data: Any, window_days: int, source: str, outcome: str) -> pd.DataFrame:
    from airdef.rates import interception_rates

    selected = data.select(source=source)
    when = event_day(selected.events)
    end = when.max()
    start = end - pd.Timedelta(days=window_days - 1)
    recent = selected.select(since=start, until=end)
    table = interception_rates(recent, by="weapon_class", outcome=outcome)
    return table, start, end


def project(
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
    price_year: int | None = None,
    price_index: PriceIndex | None = None,
    threats: ThreatModel | None = None,
    progress: bool | None = None,
) -> NeedsProjection:
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
        An interception rate in [0, 1) to reach in every class; adds the
        ``fired_target_*`` and ``cost_target_*`` columns. 1 is unreachable
        (``ValueError``).
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
    price_year : int, optional
        The year whose money every cost is shown in (default: the last year of
        the price index). Each unit cost is moved from its ``cost_year`` by the
        price index.
    price_index : PriceIndex, optional
        Default the bundled US CPI-U table (:mod:`airdef.needs.prices`).
    threats : ThreatModel, optional
        An already fitted launch model; replaces ``data`` and ``scenario`` for the launches.
    progress : bool, optional
        Progress bar on stderr; default only when stderr is a terminal.

    Returns
    -------
    NeedsProjection
        ``table`` has one row per (system, weapon class) of the doctrine, then a
        row per system with ``weapon_class`` "all" (its total over classes,
        summed per draw), then a row with system "all" (total cost; counts of
        different interceptors are not added, so its ``fired_*`` are NaN), in
        the columns :data:`COLUMNS` (and :data:`TARGET_COLUMNS` with a target).
        The other fields hold the threat forecast, the kill probabilities, the
        assumptions and notes as structured facts, and the draws themselves.

    Examples
    --------
    Seventy cruise missiles a week for a week, and the bundled doctrine (IRIS-T
    SLM engages 25% of them, two shots a salvo): a binomial number of
    engagements, two shots each, in 2025 money.

    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> out = project(scenario={"cruise_missile": 70}, rates=rates, horizon_days=7,
    ...               price_year=2025)
    >>> t = out.table
    >>> iris = t[(t["system"] == "IRIS-T SLM") & (t["weapon_class"] == "cruise_missile")]
    >>> iris[["fired_median", "fired_low", "fired_high", "cost_median"]]
        fired_median  fired_low  fired_high  cost_median
    16          34.0       24.0        48.0   70720000.0
    """
    horizon_days = positive_int("horizon_days", horizon_days)
    draws = positive_int("draws", draws)
    window_days = positive_int("window_days", window_days)
    if not 0 < interval < 1:
        raise ValueError(f"interval must be between 0 and 1; got {interval!r}")
    if target_rate is not None:
        target_plan(target_rate, 0.0, 1.0)  # checks the range, 1 included
    if source not in ("national", "all"):
        raise ValueError(f"source must be 'national' or 'all', not {source!r}")
    if data is None and threats is None and (scenario is None or rates is None):
        raise ValueError("project needs data, unless both a scenario and rates are given")
    if data is None and rates is None:
        raise ValueError("project needs data or a rate table")

    doc = doctrine if isinstance(doctrine, Doctrine) else load_doctrine(doctrine)
    prices = price_index if price_index is not None else load_price_index()
    year = prices.latest if price_year is None else int(price_year)
    classes = list(doc.classes["weapon_class"])

    counts = None
    if threats is not None:
        model = threats
    elif scenario is not None:
        model = scenario_model(scenario, classes)
    else:
        counts = daily_counts(data, window_days=window_days, source=source)
        model = fit_threats(data, window_days=window_days, classes=classes, source=source,
                            counts=counts)  # fmt: skip
    model = _align(model, classes)
    if rates is None:
        rates, r_start, r_end = _rates_from_data(data, window_days, source, outcome)
        rate_basis = {"kind": "data", "start": r_start, "end": r_end, "outcome": outcome}
    else:
        rate_basis = {"kind": "table", "start": None, "end": None, "outcome": ""}
    rate_dist = rate_distribution(rates)

    eng = doc.engagements
    links = {
        c.weapon_class: ClassLink(eng[eng["weapon_class"] == c.weapon_class], c.ew_share)
        for c in doc.classes.itertuples(index=False)
    }
    sys_frame = doc.systems.set_index("system")
    factor = prices.factor(sys_frame["cost_year"].to_numpy(int), year)
    price_of = dict(
        zip(sys_frame.index, sys_frame["unit_cost"].to_numpy(float) * factor, strict=True)
    )
    systems = [s for s in doc.systems["system"] if (eng["system"] == s).any()]
    sys_index = {s: i for i, s in enumerate(systems)}
    row_sys = np.array([sys_index[s] for s in eng["system"]])
    unit_cost = eng["system"].map(price_of).to_numpy(float)
    class_rows = {c: np.flatnonzero(eng["weapon_class"].to_numpy() == c) for c in classes}

    n_rows, n_cls = len(eng), len(classes)
    fired = np.empty((n_rows, draws))
    fired_t = np.empty((n_rows, draws)) if target_rate is not None else None
    launched_all = np.empty((draws, n_cls))
    means_all = np.empty((draws, n_cls))
    rate_all = np.empty((draws, n_cls))
    kills_all = np.zeros((draws, n_cls))
    daily_rate = np.zeros((draws, len(systems)))
    capped_draws = np.zeros(n_cls)

    rng = np.random.default_rng(seed)
    bar = Progress(draws, progress)
    try:
        for lo in range(0, draws, CHUNK):
            hi = min(draws, lo + CHUNK)
            d = hi - lo
            launched, means = model.draw_with_means(horizon_days, d, rng)
            rate = rate_dist.draw(classes, d, rng)
            launched_all[lo:hi], means_all[lo:hi], rate_all[lo:hi] = launched, means, rate
            for j, c in enumerate(classes):
                rows = class_rows[c]
                if not len(rows):
                    continue
                link = links[c]
                u, capped = link.solve_u(rate[:, j])
                capped_draws[j] += capped.sum()
                q = link.miss_per_shot(u)  # (d, systems of c); NaN without a rate
                n = launched[:, j].astype(np.int64)
                rest = max(0.0, 1.0 - link.ew - link.engaged)
                pvals = np.concatenate([[link.ew], link.share, [rest]])
                split = rng.multinomial(n, pvals / pvals.sum())[:, 1:-1]  # (d, systems of c)
                for i, r in enumerate(rows):
                    shots_i, kills_i = _fire(
                        split[:, i], q[:, i], link.shots[i], link.looks[i], rng
                    )
                    fired[r, lo:hi] = shots_i
                    kills_all[lo:hi, j] += kills_i
                per_eng = expected_shots_array(q, link.shots, link.looks)  # (d, systems of c)
                per_day = means[:, j][:, None] * link.share[None, :] * per_eng
                for i, r in enumerate(rows):
                    daily_rate[lo:hi, row_sys[r]] += per_day[:, i]
                if fired_t is not None:
                    fired_t[rows, lo:hi] = _target_fire(launched[:, j], link, u, target_rate)
            bar.update(hi)
    finally:
        bar.close()

    table = summarize(doc, systems, fired, fired_t, unit_cost, daily_rate, interval)
    class_cost = np.zeros((draws, n_cls))
    for j, c in enumerate(classes):
        rows = class_rows[c]
        if len(rows):
            class_cost[:, j] = (fired[rows] * unit_cost[rows, None]).sum(axis=0)
    sys_fired = np.zeros((draws, len(systems)))
    sys_fired_t = None if fired_t is None else np.zeros((draws, len(systems)))
    for r in range(n_rows):
        sys_fired[:, row_sys[r]] += fired[r]
        if sys_fired_t is not None:
            sys_fired_t[:, row_sys[r]] += np.nan_to_num(fired_t[r])
    samples = NeedsSamples(
        classes=classes,
        systems=systems,
        launched=launched_all,
        mean_per_day=means_all,
        rate=rate_all,
        fired=sys_fired,
        fired_target=sys_fired_t,
        kills=np.where(np.isnan(rate_all), np.nan, kills_all),
        class_cost=class_cost,
        daily_rate=daily_rate,
        unit_cost=np.array([price_of[s] for s in systems]),
    )
    from airdef.needs.calibrate import implied_pk
    from airdef.needs.facts import assumption_table, note_table, threat_table

    return NeedsProjection(
        table=table,
        threats=threat_table(model, launched_all, interval),
        pk=implied_pk(rates, doc),
        assumptions=assumption_table(doc, model, rate_basis, prices, year),
        notes=note_table(counts, model, classes, capped_draws / draws, rate_all),
        doctrine=doc,
        rates=rates,
        threat_model=model,
        horizon_days=horizon_days,
        draws=draws,
        seed=seed,
        interval=interval,
        target_rate=target_rate,
        currency=doc.currency,
        price_year=year,
        samples=samples,
    )


def _align(model: ThreatModel, classes: list[str]) -> ThreatModel:
    """The model with one row per doctrine class, in doctrine order (zero launches if absent)."""
    t = model.table.set_index("weapon_class")
    if list(t.index) == classes:
        return model
    rows = []
    for c in classes:
        if c in t.index:
            rows.append({"weapon_class": c, **t.loc[c].to_dict()})
        else:
            rows.append({"weapon_class": c, "days": 0, "launched": 0, "mean_per_day": 0.0,
                         "var_per_day": 0.0, "size": math.inf, "post_shape": 0.5,
                         "post_rate": 1e12, "per_week": 0.0, "censored_days": 0})  # fmt: skip
    from dataclasses import replace

    return replace(model, table=pd.DataFrame(rows))


def _fire(
    engaged: np.ndarray, q: np.ndarray, shots: float, looks: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Shots and kills of one system at one class, per draw: both counts (NaN where unknown)."""
    engaged = engaged.astype(np.int64)
    unknown = np.isnan(q)
    miss = np.where(unknown, 0.0, q) ** shots  # a salvo misses
    if looks == 1:
        kills = rng.binomial(engaged, 1.0 - miss).astype(float)
        return engaged * shots, np.where(unknown, np.nan, kills)
    alive = engaged
    salvos = np.zeros(engaged.shape, dtype=np.int64)
    for _ in range(int(looks)):
        salvos += alive
        alive = rng.binomial(alive, miss)
    fired = np.where(unknown, np.nan, salvos * shots)
    return fired, np.where(unknown, np.nan, (engaged - alive).astype(float))


def _target_fire(launched: np.ndarray, link: ClassLink, u: np.ndarray, target: float) -> np.ndarray:
    """Whole shots of each system of one class that reach ``target``: shape (systems, draws)."""
    shape = (len(link.share), len(launched))
    g, p = target_plan(target, link.ew, link.engaged)
    if np.isnan(g):
        return np.full(shape, np.nan)
    if p == 0:
        return np.zeros(shape)
    q = link.miss_levels(u)  # (draws, distinct per-shot exponents)
    shots = mixed_salvo_shots_array(q, np.full(q.shape, float(p))).T[link.shot_index]
    with np.errstate(invalid="ignore"):
        expected = (g * link.share)[:, None] * shots * launched[None, :]
        # Rounded up to whole shots, less a hair for floating point (so 35.0000001 is 35).
        return np.maximum(np.ceil(expected - 1e-9), 0.0) + 0.0


def needs_by_system(result: Any) -> pd.DataFrame:
    """The per-system totals of a projection (its ``weapon_class == "all"`` rows).

    Accepts a :class:`~airdef.needs.result.NeedsProjection` or its ``table``.

    Examples
    --------
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.9], "ci_high": [0.9]})
    >>> out = project(scenario={"cruise_missile": 7}, rates=rates, horizon_days=7)
    >>> needs_by_system(out)["system"].tolist()[:3]
    ['Patriot PAC-3 MSE', 'Patriot PAC-2 GEM-T', 'SAMP/T (Aster 30)']
    """
    table = result.table if isinstance(result, NeedsProjection) else result
    keep = (table["weapon_class"] == "all") & (table["system"] != "all")
    out = table.loc[keep].reset_index(drop=True)
    return out
