"""Costs in one year's money: a small, sourced price-index table.

The bundled table ``airdef/data/price_index.csv`` holds the US consumer price
index (CPI-U, all items, 1982-84 = 100) by year, each row with its source; a
cost of ``c`` in year ``y`` is ``c * index[to] / index[y]`` in year ``to``. The
CPI measures consumer prices, not the price of missiles; it is the usual
deflator when no defence-specific index is public, and an assumption.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from io import StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airdef.errors import DataError

__all__ = ["BUNDLED_PRICE_INDEX", "PriceIndex", "load_price_index"]

#: How the bundled table is named in messages and reports.
BUNDLED_PRICE_INDEX = "airdef/data/price_index.csv"


@dataclass(frozen=True)
class PriceIndex:
    """A price index by year.

    Attributes
    ----------
    table : pandas.DataFrame
        ``year, index, basis, source, url``, one row per year.
    path : str
    """

    table: pd.DataFrame
    path: str

    @property
    def latest(self) -> int:
        """The last year of the table."""
        return int(self.table["year"].max())

    def factor(self, from_year: Any, to_year: int) -> np.ndarray:
        """Multiply a cost of ``from_year`` by this to express it in ``to_year`` money.

        Examples
        --------
        >>> p = load_price_index()
        >>> round(float(p.factor(2022, 2024)), 4)  # 313.689 / 292.655 (BLS CPI-U)
        1.0719
        """
        index = dict(zip(self.table["year"], self.table["index"], strict=True))
        years = np.atleast_1d(np.asarray(from_year, dtype=int))
        for y in [*years.tolist(), int(to_year)]:
            if y not in index:
                raise DataError(
                    f"{self.path}: no price index for {y}; the table covers "
                    f"{min(index)}-{max(index)}"
                )
        out = np.array([index[int(to_year)] / index[int(y)] for y in years])
        return out if np.ndim(from_year) else out[0]


def load_price_index(path: str | Path | None = None) -> PriceIndex:
    """Read a price-index CSV (``year,index,basis,source,url``); default the bundled one.

    Raises
    ------
    airdef.DataError
        Naming the file and row for a missing column, a year given twice, a
        non-positive index or a row without a source.
    """
    if path is None:
        name = BUNDLED_PRICE_INDEX
        text = (resources.files("airdef") / "data" / "price_index.csv").read_text("utf-8")
    else:
        name = str(path)
        if not Path(path).is_file():
            raise DataError(f"{name}: no such file")
        text = Path(path).read_text("utf-8")
    table = pd.read_csv(StringIO(text), dtype={"basis": str, "source": str, "url": str})
    for col in ("year", "index", "source"):
        if col not in table.columns:
            raise DataError(f"{name}: the header lacks the column {col}")
    for i, r in enumerate(table.itertuples(index=False), start=2):
        if not (isinstance(r.index, int | float) and r.index > 0):
            raise DataError(f"{name}: row {i}: index must be a positive number")
        if not isinstance(r.source, str) or not r.source.strip():
            raise DataError(f"{name}: row {i}: source is blank")
    if table["year"].duplicated().any():
        raise DataError(
            f"{name}: year {int(table['year'][table['year'].duplicated()].iat[0])} twice"
        )
    return PriceIndex(table=table.astype({"year": int, "index": float}), path=name)
