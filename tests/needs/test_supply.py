"""Supply against burn: stock-out closed forms, deliveries, unknown quantities, budgets."""

from __future__ import annotations

import pandas as pd
import pytest

from airdef.needs.ledger import LEDGER_COLUMNS, load_ledger
from airdef.needs.supply import budget_days, supply_against_burn


def _ledger(tmp_path, *lines):
    path = tmp_path / "ledger.csv"
    path.write_text("\n".join([",".join(LEDGER_COLUMNS), *lines]) + "\n")
    return load_ledger(path, systems=["a"], today="2026-01-01")


def test_stock_out_closed_form_without_deliveries(one, tmp_path):
    s = supply_against_burn(one, _ledger(tmp_path), start="2025-01-01")
    row = s.summary.iloc[0]
    # 300 shots at 5 a day last 60 days, and run out on 2025-03-02
    assert row["stockout_day_median"] == pytest.approx(60.0)
    assert row["stockout_day_low"] == row["stockout_day_high"] == pytest.approx(60.0)
    assert row["stockout_date_median"] == pd.Timestamp("2025-03-02")
    # Over the 30-day horizon 150 shots of 300: no shortfall
    assert row["shortfall_high"] == 0
    fan = s.stock[s.stock["system"] == "a"]
    assert fan["median"].iloc[0] == 300 and fan["median"].iloc[-1] == 0


def test_deliveries_push_the_stock_out_back(one, tmp_path):
    # 100 more arrive evenly over days 10..29 (20 days, 5 a day): the stock holds level
    # there, so it runs out 20 days later, on day 80.
    line = "2024-12-01,X,a,A,100,exact,,,,2025-01-11,2025-01-30,A source,https://example.org/x,"
    s = supply_against_burn(one, _ledger(tmp_path, line), start="2025-01-01")
    row = s.summary.iloc[0]
    assert row["delivered"] == pytest.approx(100.0)
    assert row["stockout_day_median"] == pytest.approx(80.0, abs=1e-9)


def test_unknown_quantities_are_listed_not_counted(one, tmp_path):
    line = "2024-12-01,X,a,A,,,5000000,USD,package,,,A source,https://example.org/x,"
    row = supply_against_burn(one, _ledger(tmp_path, line), start="2025-01-01").summary.iloc[0]
    assert row["unquantified_rows"] == 1 and row["delivered"] == 0


def test_shortfall_and_budget(one, tmp_path):
    small = _ledger(tmp_path)
    s = supply_against_burn(one, small, start="2025-01-01", days=30)
    assert s.summary.iloc[0]["shortfall_median"] == 0  # 150 fired of 300
    # 250,000 USD buys 250 shots at 1,000 USD: 50 days at 5 a day
    b = budget_days(one, 250_000).iloc[0]
    assert b["interceptors"] == 250 and b["days_median"] == pytest.approx(50.0)


def test_days_of_supply_match_the_stock_out(one, tmp_path):
    table = one.table.set_index(["system", "weapon_class"])
    s = supply_against_burn(one, _ledger(tmp_path), start="2025-01-01").summary.iloc[0]
    assert table.loc[("A", "all"), "days_of_supply_median"] == pytest.approx(
        s["stockout_day_median"]
    )
