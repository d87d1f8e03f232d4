"""Supply against burn, cost exchange and sensitivity: closed forms and properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef import DataError
from airdef.needs import project
from airdef.needs.exchange import cost_exchange, load_attacker_costs
from airdef.needs.ledger import LEDGER_COLUMNS, load_ledger
from airdef.needs.prices import load_price_index
from airdef.needs.sensitivity import sensitivity
from airdef.needs.supply import budget_days, supply_against_burn

# One system, one class: the closed forms below.
DOCTRINE = """
currency = "USD"
[systems.a]
name = "A"
unit_cost = 1000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
inventory = 300
inventory_source = "illustrative assumption, no public source"
[classes.cruise_missile]
[[classes.cruise_missile.systems]]
system = "a"
share = 0.5
shots = 1
source = "x"
"""
RATES = pd.DataFrame(
    {"weapon_class": ["cruise_missile"], "rate": [0.4], "ci_low": [0.4], "ci_high": [0.4]}
)


@pytest.fixture
def one(tmp_path):
    path = tmp_path / "one.toml"
    path.write_text(DOCTRINE)
    # 70 a week = 10 a day; A engages half with one shot: 5 shots a day.
    return project(scenario={"cruise_missile": 70}, rates=RATES, doctrine=path, horizon_days=30,
                   draws=4000, price_year=2024)  # fmt: skip


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


def test_cost_exchange_closed_form(one):
    costs = pd.DataFrame(
        {"weapon": ["K"], "weapon_class": ["cruise_missile"], "cost_low": [10_000.0],
         "cost_high": [10_000.0], "currency": ["USD"], "year": [2024], "source": ["s"],
         "url": ["https://example.org"]}
    )  # fmt: skip
    x = cost_exchange(one, costs).iloc[0]
    # 300 launches x 10,000 = 3e6 attacker; defender: about 150 shots x 1,000 = 1.5e5
    assert x["attacker_cost_median"] == pytest.approx(3e6)
    assert x["defender_cost_median"] == pytest.approx(150_000, rel=0.1)
    assert x["exchange_ratio_median"] == pytest.approx(0.05, rel=0.1)
    # Kill probability per shot 0.8 (0.4 / 0.5): about 120 kills, 1,250 USD per kill
    assert x["kills_median"] == pytest.approx(120, rel=0.1)
    assert x["cost_per_kill_median"] == pytest.approx(1250, rel=0.05)


def test_bundled_attacker_costs_hold_the_sourced_ranges():
    t = load_attacker_costs()
    shahed = t[t["weapon"] == "Shahed-136"]
    # CSIS: about 35,000 early 2025 and 20,000-50,000 in May 2025; Ukrainian intelligence 70,000
    assert sorted(shahed["cost_low"]) == [20_000, 35_000, 70_000]
    assert t.loc[t["weapon"] == "Kh-101", "cost_low"].item() == 13_000_000
    assert t["url"].str.startswith("https://").all()


def test_bad_attacker_cost_table(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("weapon,weapon_class,cost_low,cost_high,currency,year,source,url\n"
                    "X,cruise_missile,5,1,USD,2024,s,https://e.org\n")  # fmt: skip
    with pytest.raises(DataError, match=r"row 2: need 0 <= cost_low <= cost_high"):
        load_attacker_costs(path)


def test_price_index_moves_costs_between_years():
    p = load_price_index()
    # BLS CPI-U annual averages: 2023 304.702, 2024 313.689
    assert p.factor(2023, 2024) == pytest.approx(313.689 / 304.702)
    with pytest.raises(DataError, match="no price index for 2019"):
        p.factor(2019, 2024)


def test_sobol_indices_match_the_product_closed_form(one):
    # The cost of A is H x launches x share x shots x unit cost, independent factors:
    # launches, share and unit cost uniform on m x [0.5, 1.5] (Var/m^2 = 1/12, E[X^2]/m^2 =
    # 13/12); shots 1 or 2 with equal chance (Var/m^2 = 1/9, E[X^2]/m^2 = 10/9). For a
    # product, S1_i = (Var_i / m_i^2) / (prod_j E[X_j^2] / m_j^2 - 1).
    s = sensitivity(one, n=1024)
    idx = s.indices[(s.indices["system"] == "a") & (s.indices["output"] == "cost")]
    idx = idx.set_index("factor")
    denom = (13 / 12) ** 3 * (10 / 9) - 1
    assert idx.loc["unit_cost/a", "S1"] == pytest.approx((1 / 12) / denom, abs=0.06)
    assert idx.loc["shots/cruise_missile/a", "S1"] == pytest.approx((1 / 9) / denom, abs=0.06)
    assert idx.loc["rate/cruise_missile", "ST"] == pytest.approx(0.0, abs=0.03)  # plain salvo
    top = s.top[(s.top["system"] == "a") & (s.top["output"] == "cost")]
    assert top["rank"].tolist() == [1, 2, 3]
    assert top["factor"].iloc[0] == "shots/cruise_missile/a"


def test_real_snapshot_supply_exchange_and_sensitivity(newest_snapshot):
    data = airdef.load(newest_snapshot)
    p = project(data, horizon_days=30, draws=2000, target_rate=0.9)
    s = supply_against_burn(p)
    assert {"pac3_mse", "iris_t_slm", "interceptor_drone"} <= set(s.summary["system"])
    assert (s.summary["stockout_day_low"] <= s.summary["stockout_day_high"]).all()
    x = cost_exchange(p).set_index("weapon_class")
    assert x.loc["strike_drone", "exchange_ratio_median"] > 0
    sens = sensitivity(p, n=64)
    assert (sens.top.groupby(["system", "output"]).size() == 3).all()


def test_vectorized_indices_match_salib():
    # SALib's own analysis (SALib.analyze.sobol) on the Ishigami function, the standard test
    # of Sobol estimators: our vectorized estimators give the same point indices.
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample
    from SALib.test_functions import Ishigami

    from airdef.needs.sensitivity import sobol_indices

    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
    X = sobol_sample.sample(problem, 1024, calc_second_order=False, seed=1)
    Y = Ishigami.evaluate(X)
    ref = sobol_analyze.analyze(problem, Y, calc_second_order=False, seed=1)
    s1, _, st, _ = sobol_indices(Y[:, None], 3)
    np.testing.assert_allclose(s1[:, 0], ref["S1"], atol=1e-10)
    np.testing.assert_allclose(st[:, 0], ref["ST"], atol=1e-10)
    # Ishigami's analytic indices (Saltelli et al. 2008, Global Sensitivity Analysis, 2.9):
    # S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244
    np.testing.assert_allclose(st[:, 0], [0.558, 0.442, 0.244], atol=0.05)
