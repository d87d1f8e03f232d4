"""Quantile summaries of a projection's draws: per (system, class), per system and in total."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from airdef.needs.doctrine import Doctrine

__all__ = ["COLUMNS", "TARGET_COLUMNS", "quantiles", "summarize"]

#: The columns of a projection's ``table``, in order.
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


def quantiles(
    x: np.ndarray, interval: float, *, counts: bool, overwrite: bool = False
) -> np.ndarray:
    """Median, low and high of each row of ``x`` (rows, draws): shape (3, rows).

    A row with a NaN draw gets NaN. With ``overwrite=True`` the rows of ``x`` may be
    reordered in place (no copy of the draws is made).

    Examples
    --------
    >>> quantiles(np.array([[1.0, 2, 3, 4, 5], [1, np.nan, 1, 1, 1]]), 0.5, counts=True)
    array([[ 3., nan],
           [ 2., nan],
           [ 4., nan]])
    """
    lo = (1 - interval) / 2
    method = "inverted_cdf" if counts else "linear"
    with np.errstate(invalid="ignore"):
        out = np.full((3, x.shape[0]), np.nan)
        ok = ~np.isnan(x).any(axis=1)
        if ok.all():
            return np.quantile(
                x, [0.5, lo, 1 - lo], axis=1, method=method, overwrite_input=overwrite
            )
        if ok.any():
            out[:, ok] = np.quantile(
                x[ok], [0.5, lo, 1 - lo], axis=1, method=method, overwrite_input=True
            )
        return out


def summarize(
    doc: Doctrine,
    systems: list[str],
    fired: np.ndarray,
    fired_t: np.ndarray | None,
    unit_cost: np.ndarray,
    daily_rate: np.ndarray,
    interval: float,
) -> pd.DataFrame:
    """Quantiles per (system, class), per system ("all") and in total, in that reading order."""
    eng = doc.engagements
    labels, inventory, price, picks = [], [], [], []
    sys_pos = []
    for s in doc.systems.itertuples(index=False):
        mask = (eng["system"] == s.system).to_numpy()
        if not mask.any():
            continue
        for j in np.flatnonzero(mask):
            labels.append((s.name, eng["weapon_class"].iat[j]))
            picks.append([j])
            inventory.append(np.nan)
            price.append(unit_cost[j])
            sys_pos.append(-1)
        labels.append((s.name, "all"))
        picks.append(list(np.flatnonzero(mask)))
        inventory.append(s.inventory)
        price.append(unit_cost[np.flatnonzero(mask)[0]])
        sys_pos.append(systems.index(s.system))
    labels.append(("all", "all"))
    price = np.asarray(price, dtype=float)

    def stats(shots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # A class without a kill probability (NaN) is left out of totals; a note says so.
        add = np.nansum if np.isnan(shots).any() else np.sum
        rows = [shots[p[0]] if len(p) == 1 else add(shots[p], axis=0) for p in picks]
        total_cost = add(shots * unit_cost[:, None], axis=0)
        per_row = np.vstack(rows)
        qf = quantiles(per_row, interval, counts=True, overwrite=True)
        qc = np.concatenate(
            [qf * price, quantiles(total_cost[None, :], interval, counts=True, overwrite=True)],
            axis=1,
        )
        return np.concatenate([qf, np.full((3, 1), np.nan)], axis=1), qc

    qf, qc = stats(fired)
    days = np.full((3, len(labels)), np.nan)
    for k, (pos, inv) in enumerate(zip(sys_pos, inventory, strict=True)):
        if pos < 0 or math.isnan(inv):
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(daily_rate[:, pos] > 0, inv / daily_rate[:, pos], np.inf)
        days[:, k] = quantiles(t[None, :], interval, counts=False, overwrite=True)[:, 0]
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
