"""The price index: costs moved between years by the CPI-U table."""

from __future__ import annotations

import pytest

from airdef import DataError
from airdef.needs.prices import load_price_index


def test_price_index_moves_costs_between_years():
    p = load_price_index()
    # BLS CPI-U annual averages: 2023 304.702, 2024 313.689
    assert p.factor(2023, 2024) == pytest.approx(313.689 / 304.702)
    with pytest.raises(DataError, match="no price index for 2019"):
        p.factor(2019, 2024)
