"""Tests of airdef.stats.pooling.eb_pool (shrinkage toward the class: hierarchical and empirical Bayes).

Expected numbers come from independent computations in the tests: the conjugate
Beta posterior via scipy.stats.beta, and the prior via scipy's Nelder-Mead on the
scipy.stats.betabinom marginal likelihood. Coverage is checked by seeded simulation.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special, stats

from airdef.stats.coverage import simulate_classes
from airdef.stats.pooling import SINGLE_ITEM_STRENGTH, eb_pool


def one_class(seed: int = 1):
    """20 weapons of one class with rates ~ Beta(16, 4) (mean 0.8, a + b = 20) and
    50..200 launches each, plus a weapon seen 3 times (none intercepted) and one seen
    3,000 times."""
    rng = np.random.default_rng(seed)
    n = np.concatenate([rng.integers(50, 200, 20), [3, 3000]])
    rates = np.concatenate([rng.beta(16, 4, 20), [0.8, 0.75]])
    x = rng.binomial(n, rates)
    x[20] = 0
    return x, n


def scipy_prior(x, n):
    """Independent fit of Beta(a, b): the maximum over (mean, log(a + b)) of the
    scipy.stats.betabinom marginal log-likelihood - log(a + b) / 2, the log-density of
    the hyperprior (a + b) ** (-5/2) on log(1 / (a + b)) (Gelman et al., BDA3, 5.3).
    Returns (mean, a + b)."""

    def nll(v):
        mean, strength = special.expit(v[0]), math.exp(v[1])
        loglik = stats.betabinom.logpmf(x, n, mean * strength, (1 - mean) * strength).sum()
        return -loglik + 0.5 * v[1]

    res = optimize.minimize(
        nll,
        [special.logit(x.sum() / n.sum()), 2.0],
        method="Nelder-Mead",
        options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 10_000},
    )
    return special.expit(res.x[0]), math.exp(res.x[1])


def test_rare_weapon_moves_to_its_class_and_common_one_stays():
    x, n = one_class()
    pooled = eb_pool(x, n, ["drone"] * x.size)
    prior = pooled["prior_mean"].iloc[0]
    rare, common = pooled.iloc[20], pooled.iloc[21]
    # n = 3, x = 0: the raw rate 0 is pulled most of the way to the class mean
    moved = (rare["rate_pooled"] - 0.0) / (prior - 0.0)
    assert moved > 0.75
    # n = 3000: moves by less than 0.005
    assert abs(common["rate_pooled"] - x[21] / n[21]) < 0.005
    # the rare weapon's interval is wide but inside [0, 1]
    assert 0.0 < rare["ci_low_pooled"] < rare["rate_pooled"] < rare["ci_high_pooled"] < 1.0
    assert rare["ci_high_pooled"] - rare["ci_low_pooled"] > 0.2
    assert common["ci_high_pooled"] - common["ci_low_pooled"] < 0.04


def test_prior_and_posterior_match_an_independent_fit():
    x, n = one_class()
    pooled = eb_pool(x, n, ["drone"] * x.size, confidence_level=0.9, method="empirical")
    mean, strength = scipy_prior(x, n)
    assert pooled["prior_mean"].iloc[0] == pytest.approx(mean, abs=1e-5)
    # prior strength is the fitted a + b (far below the cap of the other items' launches)
    assert pooled["prior_strength"].iloc[0] == pytest.approx(strength, rel=1e-3)
    a = pooled["prior_mean"] * pooled["prior_strength"]
    b = (1 - pooled["prior_mean"]) * pooled["prior_strength"]
    post = stats.beta(a + x, b + n - x)
    np.testing.assert_allclose(pooled["rate_pooled"], post.mean(), rtol=1e-12)
    np.testing.assert_allclose(pooled["ci_low_pooled"], post.ppf(0.05), rtol=1e-9)
    np.testing.assert_allclose(pooled["ci_high_pooled"], post.ppf(0.95), rtol=1e-9)


def test_single_item_parent_gets_a_weak_prior():
    pooled = eb_pool([3, 40, 50, 7], [5, 50, 60, 10], ["solo", "pair", "pair", "other"])
    solo = pooled.iloc[0]
    # documented: strength 2 centred on (x + 1/2) / (n + 1) = 3.5 / 6
    assert SINGLE_ITEM_STRENGTH == 2.0
    assert solo["prior_strength"] == 2.0
    assert solo["prior_mean"] == pytest.approx(3.5 / 6)
    a, b = 2 * 3.5 / 6, 2 * 2.5 / 6
    assert solo["rate_pooled"] == pytest.approx((3 + a) / (5 + a + b))
    assert solo["ci_low_pooled"] == pytest.approx(stats.beta.ppf(0.025, 3 + a, 2 + b))
    assert solo["ci_high_pooled"] == pytest.approx(stats.beta.ppf(0.975, 3 + a, 2 + b))


def test_degenerate_parents():
    x = [0, 0, 0, 4, 9, 30, 10, 20, 30, 0]
    n = [5, 3, 40, 4, 9, 30, 20, 40, 60, 0]
    parent = ["none", "none", "none", "all", "all", "all", "same", "same", "same", "empty"]
    pooled = eb_pool(x, n, parent, method="empirical")
    # nothing intercepted: pooled around (0 + 1/2) / (48 + 1), low end at 0, small rates
    zero = pooled.iloc[:3]
    assert (zero["prior_mean"] == 0.5 / 49).all()
    assert (zero["rate_pooled"] > 0).all() and (zero["rate_pooled"] < 0.02).all()
    assert (zero["ci_low_pooled"] < 1e-4).all() and (zero["ci_high_pooled"] < 0.06).all()
    # everything intercepted: the mirror image
    full = pooled.iloc[3:6]
    assert (full["prior_mean"] == 43.5 / 44).all()
    assert (full["rate_pooled"] > 0.95).all() and (full["ci_high_pooled"] > 1 - 1e-4).all()
    # identical rates: every item keeps the class rate; the prior is strong, capped at
    # the launches of the other items (60 for the third weapon)
    same = pooled.iloc[6:9]
    np.testing.assert_allclose(same["rate_pooled"], 0.5, rtol=1e-6)
    strength = same["prior_strength"].to_numpy()
    assert strength[0] == strength[1] > 60 and strength[2] == 60
    # a parent with no launches: unknown
    assert pooled.iloc[9].isna().all()
    inner = pooled.iloc[:9]
    assert ((inner["ci_low_pooled"] >= 0) & (inner["ci_high_pooled"] <= 1)).all()


def test_dispersion_scales_counts():
    x, n = np.array([10, 20, 30, 5]), np.array([20, 30, 60, 8])
    scaled = eb_pool(x, n, ["c"] * 4, dispersion=[2.0, 2.0, 2.0, 2.0], method="empirical")
    # equivalent to counts halved: compare with the fit of the halved counts' posterior
    halved = eb_pool(x, n, ["c"] * 4, method="empirical")
    assert not np.allclose(scaled["ci_low_pooled"], halved["ci_low_pooled"])
    # dispersion below 1 or NaN means no scaling
    same = eb_pool(x, n, ["c"] * 4, dispersion=[0.5, np.nan, 1.0, 0.9], method="empirical")
    pd.testing.assert_frame_equal(same, halved)
    # the posterior uses effective counts x / 2, n / 2
    a = scaled["prior_mean"] * scaled["prior_strength"]
    b = (1 - scaled["prior_mean"]) * scaled["prior_strength"]
    np.testing.assert_allclose(scaled["rate_pooled"], (a + x / 2) / (a + b + n / 2), rtol=1e-12)


def test_index_follows_the_input():
    x = pd.Series([10, 3, 50], index=["Kh-101", "Kh-69", "Kalibr"], dtype="Int64")
    n = pd.Series([12, 3, 70], index=x.index, dtype="Int64")
    pooled = eb_pool(x, n, ["cruise"] * 3)
    assert list(pooled.index) == ["Kh-101", "Kh-69", "Kalibr"]
    parent = pd.Series(["cruise"] * 3, index=["a", "b", "c"])
    assert list(eb_pool([10, 3, 50], [12, 3, 70], parent).index) == ["a", "b", "c"]


def test_posterior_intervals_cover_item_rates():
    # 300 classes of 12 weapons; each weapon's rate ~ Beta(8, 2) (mean 0.8, a + b = 10),
    # launches round(exp(Normal(log 15, 1))) clipped to [1, 300]. The EB intervals
    # ignore the uncertainty of the fitted prior, so they cover a little under nominal.
    rng = np.random.default_rng(2026)
    classes, per = 300, 12
    rates = rng.beta(8, 2, classes * per)
    n = np.clip(np.rint(np.exp(rng.normal(np.log(15), 1.0, rates.size))), 1, 300).astype(int)
    x = rng.binomial(n, rates)
    parent = np.repeat(np.arange(classes), per)
    pooled = eb_pool(x, n, parent, method="empirical")
    covered = (pooled["ci_low_pooled"] <= rates) & (rates <= pooled["ci_high_pooled"])
    print(f"EB posterior coverage {covered.mean():.3f}")
    assert covered.mean() >= 0.9
    # and shrinkage helps: smaller mean squared error than the raw rates
    raw = x / n
    assert np.mean((pooled["rate_pooled"] - rates) ** 2) < 0.8 * np.mean((raw - rates) ** 2)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (
            ([1, 2], [2, 3], ["a", None]),
            {},
            r"parent has 1 missing label\(s\), the first at position 1",
        ),
        (([1, 2], [2, 3], ["a"]), {}, r"parent must have one label per item; got 1 for 2 items"),
        (
            ([1, 2], [2, 3], ["a", "a"]),
            {"dispersion": [1.0]},
            r"dispersion must have one value per item",
        ),
        (
            ([1, 2], [2, 3], ["a", "a"]),
            {"dispersion": [1.0, -2.0]},
            r"dispersion must be finite and non-negative; found -2 at position 1",
        ),
        (
            ([1, 2], [2, 3], ["a", "a"]),
            {"confidence_level": 1.0},
            r"confidence_level must be strictly between 0 and 1",
        ),
        (
            ([3, 2], [2, 3], ["a", "a"]),
            {},
            r"x must not exceed n; found 3 x in 2 n at position 0",
        ),
        (([np.nan, 2], [2, 3], ["a", "a"]), {}, r"x has 1 missing value"),
        (
            (pd.DataFrame({"x": [1]}), [2], ["a"]),
            {},
            r"x must be a one-dimensional array or Series",
        ),
    ],
)
def test_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        eb_pool(*args, **kwargs)


def test_hierarchical_intervals_cover_rare_weapons():
    """The audit: empirical-Bayes intervals covered 0.75-0.93 for weapons with n <= 5 in
    classes of 3-12. Goal >= 0.90. Measured (200 replicates a cell, classes of 3, 6, 12
    weapons, true rates Beta with a + b in {5, 20, 100} and means 0.3, 0.8, 0.95, rare
    weapons 1-5 launches beside 20-500): hierarchical 0.935-0.99, empirical 0.74-0.97.
    Here a seeded subset of hard cells at 120 replicates."""
    worst = 1.0
    for J, kappa, mean in [(3, 5, 0.95), (6, 20, 0.8)]:
        rng = np.random.default_rng(J * 1000 + kappa)
        reps = 120
        p, n, x, rare = simulate_classes(J, kappa, mean, reps, rng)
        est = eb_pool(x.ravel(), n.ravel(), np.repeat(np.arange(reps), J))
        lo, hi = est["ci_low_pooled"].to_numpy(), est["ci_high_pooled"].to_numpy()
        cover = ((lo <= p.ravel()) & (p.ravel() <= hi))[rare.ravel()].mean()
        print(J, kappa, mean, round(cover, 3))
        worst = min(worst, cover)
    assert worst >= 0.90
