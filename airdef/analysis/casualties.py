"""Killed and injured by city and by district, from the casualties table."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["casualty_tables"]


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
