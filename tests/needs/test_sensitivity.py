"""Sobol sensitivity: SALib, Ishigami and the closed form of a product model."""

from __future__ import annotations

import numpy as np
import pytest

import airdef
from airdef.needs import project
from airdef.needs.exchange import cost_exchange
from airdef.needs.sensitivity import sensitivity
from airdef.needs.supply import supply_against_burn


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
