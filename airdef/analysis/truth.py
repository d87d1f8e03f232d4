"""Estimated rates of synthetic data beside the true rates they were simulated with."""

from __future__ import annotations

import numpy as np
import pandas as pd

from airdef.analysis.tables import class_order
from airdef.model import StrikeData, event_time

__all__ = ["truth_comparison"]


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
    when = event_time(ev)
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
                        class_order(out).to_numpy()))  # fmt: skip
    return out.iloc[order].reset_index(drop=True)[columns]
