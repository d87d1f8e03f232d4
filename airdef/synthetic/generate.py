"""The generator: :func:`simulate` draws strike reports from a :class:`SimulationSpec`."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.random import Generator, default_rng

from airdef.catalog import load_catalog
from airdef.io.canonical import write_canonical
from airdef.model import StrikeData
from airdef.synthetic.casualties import simulate_casualties
from airdef.synthetic.spec import TRUTH_COLUMNS, SimulationSpec, WeaponSpec, true_rates

__all__ = [
    "SYNTHETIC_REPORTERS",
    "is_synthetic",
    "read_truth",
    "simulate",
    "source_label",
    "truth_path",
    "write_synthetic",
]

#: Reporter values of simulated rows (national, then the kills-only regional one).
SYNTHETIC_REPORTERS: tuple[str, ...] = ("synthetic", "synthetic-regional")

_START_HOURS = np.array([18, 19, 20])
_START_P = np.array([0.55, 0.3, 0.15])
_END_MINUTES = np.array([7 * 60 + 30, 8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60 + 30])
_END_P = np.array([0.15, 0.3, 0.3, 0.15, 0.1])


def source_label(seed: int) -> str:
    """The ``source`` written on every simulated row.

    Examples
    --------
    >>> source_label(0)
    'synthetic: airdef.simulate(seed=0)'
    """
    return f"synthetic: airdef.simulate(seed={seed})"


def is_synthetic(events: pd.DataFrame) -> pd.Series:
    """True for the rows :func:`simulate` made (by ``reporter`` or ``source``).

    Examples
    --------
    >>> import airdef
    >>> data = airdef.simulate(months=1, seed=0)
    >>> bool(is_synthetic(data.events).all())
    True
    """
    reporter = events["reporter"].astype("string").isin(SYNTHETIC_REPORTERS).fillna(False)
    source = events["source"].astype("string").str.startswith("synthetic").fillna(False)
    return (reporter | source).astype(bool)


def _attack_nights(rng: Generator, spec: SimulationSpec) -> tuple[pd.DatetimeIndex, np.ndarray]:
    """Report dates with an attack, and whether each is a massive combined strike."""
    days = pd.date_range(spec.start_date, spec.end_date, inclusive="left")
    weeks = -(-len(days) // 7)
    per_week = np.minimum(rng.poisson(spec.nights_per_week, size=weeks), 7)
    # Which days of each week: the per_week smallest of seven uniform keys.
    rank = np.argsort(np.argsort(rng.random((weeks, 7)), axis=1), axis=1)
    attack = (rank < per_week[:, None]).ravel()[: len(days)]
    massive = rng.random(len(days)) < spec.massive_share
    return days[attack], massive[attack]


def _beta_rates(rng: Generator, rate: np.ndarray, rho: np.ndarray) -> np.ndarray:
    """Per-attack rates: Beta with mean ``rate`` and intra-attack correlation ``rho``."""
    random = (rho > 0) & (rate > 0) & (rate < 1)
    total = np.where(random, 1.0 / np.where(random, rho, 0.5) - 1.0, 1.0)
    a = np.where(random, rate * total, 1.0)
    b = np.where(random, (1.0 - rate) * total, 1.0)
    return np.where(random, rng.beta(a, b), rate)


def _places(rng: Generator, weapons: tuple[WeaponSpec, ...], column: np.ndarray) -> np.ndarray:
    """A launch-place text for each row: 1 to 3 places of its weapon joined by " and "."""
    longest = max((len(w.launch_places) for w in weapons), default=0)
    out = np.full(len(column), None, dtype=object)
    if longest == 0:
        return out
    count = 1 + rng.binomial(2, 0.3, size=len(column))
    # Rank of each place among random keys: the `count` lowest ranks are named.
    rank = np.argsort(np.argsort(rng.random((len(column), longest)), axis=1), axis=1)
    for j, w in enumerate(weapons):
        rows = np.flatnonzero(column == j)
        if not len(rows) or not w.launch_places:
            continue
        own = np.argsort(np.argsort(rank[rows, : len(w.launch_places)], axis=1), axis=1)
        chosen = own < count[rows, None]
        text = np.full(len(rows), "", dtype=object)
        for i, place in enumerate(w.launch_places):
            joiner = np.where(text == "", "", " and ")
            text = np.where(chosen[:, i], text + joiner + place, text)
        out[rows] = text
    return out


def _national(rng: Generator, spec: SimulationSpec, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """National overnight reports: events, and per-attack inputs of the casualty model."""
    weapons = spec.weapons
    start = spec.start_date
    days, massive = _attack_nights(rng, spec)
    n, k = len(days), len(weapons)

    p_ordinary = np.array([w.p_ordinary for w in weapons])
    p_massive = np.array([w.p_massive for w in weapons])
    present = rng.random((n, k)) < np.where(massive[:, None], p_massive, p_ordinary)
    empty = ~present.any(axis=1)
    present[empty, int(np.argmax(p_ordinary))] = True

    years = np.asarray((days - start).days, dtype=float) / 365.25
    growth = np.array([w.growth for w in weapons])
    mean = np.array([w.mean_size for w in weapons])[None, :] * (1.0 + growth) ** years[:, None]
    mean = mean * np.where(massive, spec.massive_size_factor, 1.0)[:, None]
    shape = np.array([w.dispersion for w in weapons])[None, :]
    launched = 1 + rng.negative_binomial(shape, shape / (shape + mean - 1.0))

    change = np.array([np.datetime64(w.change_date(start) or spec.end_date, "ns") for w in weapons])
    after = days.to_numpy()[:, None] >= change[None, :]
    rate_after = np.array([w.rate if w.rate_after is None else w.rate_after for w in weapons])
    rate = np.where(after, rate_after[None, :], np.array([w.rate for w in weapons])[None, :])
    rho = np.broadcast_to(np.array([w.rho for w in weapons])[None, :], rate.shape)
    intercepted = rng.binomial(launched, _beta_rates(rng, rate, rho))
    share = np.array([w.suppressed_share for w in weapons])
    suppressed = rng.binomial(launched - intercepted, np.broadcast_to(share, rate.shape))

    start_hour = rng.choice(_START_HOURS, size=n, p=_START_P)
    end_minute = rng.choice(_END_MINUTES, size=n, p=_END_P)
    time_start = days - pd.Timedelta(days=1) + pd.to_timedelta(start_hour, unit="h")
    time_end = days + pd.to_timedelta(end_minute, unit="m")
    attack_id = (
        "synthetic:"
        + pd.Series(time_end.strftime("%Y-%m-%dT%H:%M"), dtype="string")
        + f":s{seed}-"
        + pd.Series(np.arange(1, n + 1)).astype("string").str.zfill(4)
    ).to_numpy(dtype=object)

    harm = np.array([w.harm for w in weapons])
    leakers = np.where(present, launched - intercepted - suppressed, 0)
    per_attack = pd.DataFrame(
        {
            "attack_id": attack_id,
            "date": days,
            "expected_killed": (leakers * harm[None, :]).sum(axis=1),
        }
    )

    row, col = np.nonzero(present)
    reported_intercepted = intercepted[row, col]
    reported_suppressed = suppressed[row, col].astype(float)
    jammed = share[col] > 0
    reported_suppressed[~jammed] = np.nan
    fold = spec.ew_fold_date
    if fold is not None:
        folded = jammed & (days.to_numpy()[row] >= np.datetime64(fold, "ns"))
        reported_intercepted = reported_intercepted + np.where(folded, suppressed[row, col], 0)
        reported_suppressed[folded] = 0
    catalog = load_catalog()
    names = np.array([w.weapon for w in weapons], dtype=object)
    classes = np.array([catalog.weapon_class(w.weapon) for w in weapons], dtype=object)
    carriers = np.array([w.carrier for w in weapons], dtype=object)
    events = pd.DataFrame(
        {
            "attack_id": attack_id[row],
            "time_start": time_start[row],
            "time_end": time_end[row],
            "source": source_label(seed),
            "reporter": SYNTHETIC_REPORTERS[0],
            "weapon_label": names[col],
            "weapon": names[col],
            "weapon_class": classes[col],
            "launched": launched[row, col],
            "intercepted": reported_intercepted,
            "suppressed": pd.array(reported_suppressed, dtype="Float64").astype("Int64"),
            "target": "Ukraine",
            "launch_place": _places(rng, weapons, col),
            "carrier": carriers[col],
        }
    )
    return events, per_attack


def _regional(rng: Generator, spec: SimulationSpec, seed: int) -> pd.DataFrame:
    """Daily kills-only reports of the regional command (launched = intercepted)."""
    regional = spec.regional
    if regional is None or not regional.weapons:
        return pd.DataFrame()
    days = pd.date_range(spec.start_date, spec.end_date, inclusive="left")
    labels = np.array([w for w, _, _ in regional.weapons], dtype=object)
    p = np.array([q for _, q, _ in regional.weapons])
    mean = np.array([m for _, _, m in regional.weapons])
    present = rng.random((len(days), len(labels))) < p[None, :]
    shape = regional.dispersion
    counts = 1 + rng.negative_binomial(
        shape, np.broadcast_to(shape / (shape + mean - 1.0), present.shape)
    )
    row, col = np.nonzero(present)
    reported_days = np.unique(row)
    number = np.zeros(len(days), dtype=int)
    number[reported_days] = np.arange(1, len(reported_days) + 1)
    when = days[row]
    catalog = load_catalog()
    classes = np.array([catalog.weapon_class(w) for w in labels], dtype=object)
    attack_id = (
        f"{regional.reporter}:"
        + pd.Series(when.strftime("%Y-%m-%d"), dtype="string")
        + f":s{seed}-"
        + pd.Series(number[row]).astype("string").str.zfill(4)
    )
    return pd.DataFrame(
        {
            "attack_id": attack_id.to_numpy(dtype=object),
            "time_start": when,
            "time_end": when,
            "source": source_label(seed) + ", regional kills-only report",
            "reporter": regional.reporter,
            "weapon_label": labels[col],
            "weapon": labels[col],
            "weapon_class": classes[col],
            "launched": counts[row, col],
            "intercepted": counts[row, col],
            "target": regional.target,
        }
    )


def simulate(spec: SimulationSpec | None = None, *, seed: int = 0, **changes: Any) -> StrikeData:
    """Simulate strike reports with known true interception rates.

    Every row is marked as synthetic: ``source`` reads
    ``"synthetic: airdef.simulate(seed=...)"`` and ``reporter`` is ``synthetic``
    (national overnight reports) or ``synthetic-regional`` (the kills-only
    regional reporter). The true rates are given by :func:`true_rates`.

    What is simulated, in order (see :class:`SimulationSpec` for every parameter):

    1. Attack nights: a Poisson number per week (at most 7), a share of them
       massive combined strikes. Windows run from 18:00-20:00 of the evening
       before the report date to 07:30-09:30 of the report date.
    2. The types in each attack, independently with their per-night
       probabilities (ordinary or massive night), and their wave sizes,
       ``1 + NegativeBinomial`` whose mean grows by ``growth`` a year.
    3. Interceptions: each attack draws its own rate per type from a Beta around
       the type's true rate with intra-attack correlation ``rho``, then a
       binomial count (so counts are beta-binomial). A type's true rate may
       change once (``change_month``).
    4. For jammed types (drones), a binomial share of the rest lost to
       electronic warfare, reported in ``suppressed``; optionally folded into
       ``intercepted`` from ``ew_fold_month`` on, as the real reports did.
    5. The regional reporter's daily kills-only rows.
    6. Casualties by city and district, from the weapons that got through.

    Not simulated: the text of real reports, labels that merge several models,
    weapons still in the air, blank counts, duplicated or overlapping reports,
    the link between casualties and a city's air defence, and any real event.

    Parameters
    ----------
    spec : SimulationSpec, optional
        The default specification when omitted.
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same spec and seed always
        give the same data (with the same numpy version).
    **changes
        Fields of ``spec`` to replace, e.g. ``months=6``.

    Returns
    -------
    StrikeData
        Events and casualties; counts are ``Int64``, every qualifier ``exact``.

    Examples
    --------
    >>> import airdef
    >>> data = airdef.simulate(months=2, seed=1)
    >>> national = data.events[data.events["reporter"] == "synthetic"]
    >>> national[["time_end", "weapon", "launched", "intercepted", "suppressed"]].head(3)
                 time_end           weapon  launched  intercepted  suppressed
    2 2024-07-01 08:30:00   Shahed-136/131        23           16           3
    3 2024-07-01 08:30:00  Kh-47M2 Kinzhal         2            1        <NA>
    7 2024-07-02 07:30:00   Shahed-136/131       105           90           8
    >>> data.casualties[["attack_id", "city", "district", "killed", "injured"]].head(3)
                                attack_id   city        district  killed  injured
    0  synthetic:2024-07-01T08:30:s1-0001   Kyiv     Desnianskyi       0        1
    1  synthetic:2024-07-01T08:30:s1-0001   Kyiv      Pecherskyi       1        3
    2  synthetic:2024-07-04T08:00:s1-0004  Odesa  Khadzhybeiskyi       1        6
    >>> truth = airdef.true_rates(airdef.SimulationSpec(months=2))
    >>> truth[["weapon", "true_rate", "rho"]].head(2)
               weapon  true_rate   rho
    0  Shahed-136/131        0.7  0.05
    1        Orlan-10        0.9  0.10
    """
    spec = spec or SimulationSpec()
    if changes:
        unknown = sorted(set(changes) - set(SimulationSpec.field_names()))
        if unknown:
            raise ValueError(
                f"unknown simulation parameter(s) {', '.join(unknown)}; valid: "
                + ", ".join(SimulationSpec.field_names())
            )
        spec = dataclasses.replace(spec, **changes)
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool):
        raise ValueError(f"seed must be a whole number, not {seed!r}")
    rng = default_rng(seed)
    events, per_attack = _national(rng, spec, seed)
    regional = _regional(rng, spec, seed)
    casualties = simulate_casualties(
        rng,
        spec.casualties,
        attack_id=per_attack["attack_id"].to_numpy(),
        date=per_attack["date"].to_numpy(),
        expected_killed=per_attack["expected_killed"].to_numpy(),
        source=source_label(seed),
    )
    if len(regional):
        events = pd.concat([events, regional], ignore_index=True)
    events = events.sort_values(["time_end", "reporter"], kind="stable", ignore_index=True)
    return StrikeData(events=events, casualties=casualties)


def truth_path(path: str | Path) -> Path:
    """The truth companion of a simulated events file: ``<name>.truth.csv``.

    Examples
    --------
    >>> truth_path("data/sample/synthetic.csv").as_posix()
    'data/sample/synthetic.truth.csv'
    """
    path = Path(path)
    return path.with_name(f"{path.stem}.truth.csv")


def write_synthetic(
    data: StrikeData, path: str | Path, spec: SimulationSpec | None = None
) -> list[Path]:
    """Write simulated data in the canonical format, with its true rates beside it.

    Parameters
    ----------
    data : StrikeData
        What :func:`simulate` returned for ``spec``.
    path : str or Path
        The events file; its ending chooses the format (see
        :meth:`StrikeData.write`). The true rates go to ``<name>.truth.csv``.
    spec : SimulationSpec, optional
        The specification ``data`` was simulated from (default when omitted).

    Returns
    -------
    list of Path
        Every file written: events, casualties (if any), truth.
    """
    from airdef.io.csvsafe import write_safe_csv

    written = write_canonical(data, path)
    truth = write_safe_csv(true_rates(spec), truth_path(path), date_format="%Y-%m-%d")
    return [*written, truth]


def read_truth(path: str | Path) -> pd.DataFrame:
    """Read the true rates written beside a simulated events file.

    Parameters
    ----------
    path : str or Path
        The events file (``synthetic.csv``) or its truth file
        (``synthetic.truth.csv``).

    Returns
    -------
    pandas.DataFrame
        As :func:`true_rates` returns it.

    Examples
    --------
    >>> import airdef
    >>> truth = read_truth(airdef.sample_path("synthetic.csv"))
    >>> truth.equals(airdef.true_rates())
    True
    """
    from airdef.errors import DataError

    path = Path(path)
    if not path.name.endswith(".truth.csv"):
        path = truth_path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file (the true rates of a simulated data set)")
    frame = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    missing = [c for c in TRUTH_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(f"{path}: not a truth file; missing column(s) {', '.join(missing)}")
    out = frame[list(TRUTH_COLUMNS)].copy()
    out["suppressed_folded"] = (
        out["suppressed_folded"].str.casefold().map({"true": True, "false": False})
    )
    try:
        return out.astype(TRUTH_COLUMNS)
    except (ValueError, TypeError) as exc:
        raise DataError(f"{path}: cannot read the true rates ({exc})") from None
