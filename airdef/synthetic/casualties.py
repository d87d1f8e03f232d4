"""Synthetic casualties by city and district, driven by the weapons that get through."""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.random import Generator

from airdef.synthetic.spec import CasualtySpec

__all__ = ["CITIES", "DISTRICTS", "simulate_casualties"]

#: Cities an attack may hit, with their relative weights.
CITIES: dict[str, float] = {
    "Kyiv": 0.26,
    "Kharkiv": 0.18,
    "Odesa": 0.13,
    "Dnipro": 0.10,
    "Zaporizhzhia": 0.12,
    "Sumy": 0.07,
    "Mykolaiv": 0.05,
    "Lviv": 0.04,
    "Kryvyi Rih": 0.05,
}

#: Cities whose casualties are reported by district, with their districts.
DISTRICTS: dict[str, tuple[str, ...]] = {
    "Kyiv": (
        "Darnytskyi",
        "Desnianskyi",
        "Dniprovskyi",
        "Holosiivskyi",
        "Obolonskyi",
        "Pecherskyi",
        "Podilskyi",
        "Shevchenkivskyi",
        "Solomianskyi",
        "Sviatoshynskyi",
    ),
    "Kharkiv": (
        "Industrialnyi",
        "Kholodnohirskyi",
        "Kyivskyi",
        "Nemyshlianskyi",
        "Novobavarskyi",
        "Osnovianskyi",
        "Saltivskyi",
        "Shevchenkivskyi",
        "Slobidskyi",
    ),
    "Odesa": ("Khadzhybeiskyi", "Kyivskyi", "Peresypskyi", "Prymorskyi"),
}


def _top_k(rng: Generator, log_weights: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Per row, a mask of ``k[row]`` items drawn without replacement (Gumbel top-k)."""
    keys = log_weights[None, :] + rng.gumbel(size=(len(k), len(log_weights)))
    order = np.argsort(-keys, axis=1)
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(len(log_weights))[None, :], axis=1)
    return rank < k[:, None]


def _neg_binomial(rng: Generator, mean: np.ndarray, k: float) -> np.ndarray:
    """Negative binomial counts with the given means and shape ``k`` (mean 0 gives 0)."""
    return rng.negative_binomial(k, k / (k + np.asarray(mean, dtype=float)))


def simulate_casualties(
    rng: Generator,
    spec: CasualtySpec,
    *,
    attack_id: np.ndarray,
    date: np.ndarray,
    expected_killed: np.ndarray,
    source: str,
) -> pd.DataFrame:
    """Casualty rows for the attacks given, in the casualties schema's columns.

    Parameters
    ----------
    rng : numpy.random.Generator
    spec : CasualtySpec
    attack_id, date : numpy.ndarray
        One entry per attack: its id and report date.
    expected_killed : numpy.ndarray
        Expected people killed in each attack, over all places.
    source : str
        The ``source`` of every row.

    Returns
    -------
    pandas.DataFrame
        Columns ``attack_id, date, city, district, killed, killed_qual, injured,
        injured_qual, source``; only places with someone killed or injured.
    """
    n = len(attack_id)
    cities = list(CITIES)
    weights = np.array([CITIES[c] for c in cities])
    n_cities = 1 + rng.binomial(spec.max_cities - 1, 0.3, size=n)
    hit = _top_k(rng, np.log(weights / weights.sum()), np.minimum(n_cities, len(cities)))

    attack_parts: list[np.ndarray] = []
    city_parts: list[np.ndarray] = []
    district_parts: list[np.ndarray] = []
    for j, city in enumerate(cities):
        districts = DISTRICTS.get(city)
        if districts is None:
            rows = np.flatnonzero(hit[:, j])
            attack_parts.append(rows)
            city_parts.append(np.full(len(rows), city, dtype=object))
            district_parts.append(np.full(len(rows), None, dtype=object))
            continue
        n_districts = 1 + rng.binomial(2, 0.35, size=n)
        chosen = _top_k(rng, np.zeros(len(districts)), n_districts) & hit[:, [j]]
        rows, cols = np.nonzero(chosen)
        attack_parts.append(rows)
        city_parts.append(np.full(len(rows), city, dtype=object))
        district_parts.append(np.asarray(districts, dtype=object)[cols])
    which = np.concatenate(attack_parts)
    order = np.argsort(which, kind="stable")
    which = which[order]
    city = np.concatenate(city_parts)[order]
    district = np.concatenate(district_parts)[order]

    places = np.bincount(which, minlength=n)
    mean_killed = spec.scale * np.asarray(expected_killed, dtype=float)[which] / places[which]
    killed = _neg_binomial(rng, mean_killed, spec.dispersion)
    injured = _neg_binomial(rng, spec.injured_per_killed * mean_killed, spec.dispersion)
    keep = (killed + injured) > 0
    frame = pd.DataFrame(
        {
            "attack_id": pd.array(np.asarray(attack_id)[which][keep], dtype="string"),
            "date": np.asarray(date)[which][keep],
            "city": pd.array(city[keep], dtype="string"),
            "district": pd.array(district[keep], dtype="string"),
            "killed": pd.array(killed[keep], dtype="Int64"),
            "killed_qual": "exact",
            "injured": pd.array(injured[keep], dtype="Int64"),
            "injured_qual": "exact",
            "source": source,
        }
    )
    return frame
