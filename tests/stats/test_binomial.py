"""Tests for airdef.stats.binomial: published values, R references, properties, edge cases."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, special, stats
from statsmodels.stats.proportion import proportion_confint

import airdef
from airdef.stats.binomial import METHODS, BinomialCI, binomial_ci, mid_p_bounds, wilson_bounds

Z95 = stats.norm.isf(0.025)

# --- published values -------------------------------------------------------------------
# Newcombe RG (1998a), "Two-sided confidence intervals for the single proportion: comparison
# of seven methods", Stat Med 17:857-872, Table I: 95% limits for its four examples
# (81/263, 15/148, 0/20, 1/29), methods 1-7, to 4 decimals. Where the paper prints an
# aberrant Wald limit below 0, airdef clips it to 0 (marked "clipped").
# Methods 3-6 of the same table are also asserted, to 4 dp, in the R package ratesci's own
# tests (R: ratesci::wilsonci(x = c(15, 0, 1), n = c(148, 20, 29), cc = FALSE | 0.5) and
# ratesci::exactci(..., midp = FALSE | TRUE)).
NEWCOMBE_TABLE_I = [
    # method 1, simple asymptotic (Wald)
    ("wald", 81, 263, 0.2522, 0.3638),  # Newcombe 1998a Table I, method 1
    ("wald", 15, 148, 0.0527, 0.1500),  # Newcombe 1998a Table I, method 1
    ("wald", 0, 20, 0.0000, 0.0000),  # Newcombe 1998a Table I, method 1 (zero width)
    ("wald", 1, 29, 0.0000, 0.1009),  # Newcombe 1998a Table I, method 1 (low < 0, clipped)
    # method 2, Wald with continuity correction
    ("wald_cc", 81, 263, 0.2503, 0.3657),  # Newcombe 1998a Table I, method 2
    ("wald_cc", 15, 148, 0.0494, 0.1534),  # Newcombe 1998a Table I, method 2
    ("wald_cc", 0, 20, 0.0000, 0.0250),  # Newcombe 1998a Table I, method 2 (low clipped)
    ("wald_cc", 1, 29, 0.0000, 0.1181),  # Newcombe 1998a Table I, method 2 (low clipped)
    # method 3, Wilson score
    ("wilson", 81, 263, 0.2553, 0.3662),  # Newcombe 1998a Table I, method 3
    ("wilson", 15, 148, 0.0624, 0.1605),  # Table I m3; R: ratesci::wilsonci(15, 148)
    ("wilson", 0, 20, 0.0000, 0.1611),  # Table I m3; R: ratesci::wilsonci(0, 20)
    ("wilson", 1, 29, 0.0061, 0.1718),  # Table I m3; R: ratesci::wilsonci(1, 29)
    # method 4, Wilson score with continuity correction
    ("wilson_cc", 81, 263, 0.2535, 0.3682),  # Newcombe 1998a Table I, method 4
    ("wilson_cc", 15, 148, 0.0598, 0.1644),  # Table I m4; R: ratesci::wilsonci(15, 148, cc=0.5)
    ("wilson_cc", 0, 20, 0.0000, 0.2005),  # Table I m4; R: ratesci::wilsonci(0, 20, cc=0.5)
    ("wilson_cc", 1, 29, 0.0018, 0.1963),  # Table I m4; R: ratesci::wilsonci(1, 29, cc=0.5)
    # method 5, exact (Clopper-Pearson)
    ("clopper_pearson", 81, 263, 0.2527, 0.3676),  # Newcombe 1998a Table I, method 5
    ("clopper_pearson", 15, 148, 0.0578, 0.1617),  # Table I m5; R: ratesci::exactci(15, 148)
    ("clopper_pearson", 0, 20, 0.0000, 0.1684),  # Table I m5; R: ratesci::exactci(0, 20)
    ("clopper_pearson", 1, 29, 0.0009, 0.1776),  # Table I m5; R: ratesci::exactci(1, 29)
    # method 6, mid-p exact
    ("mid_p", 81, 263, 0.2544, 0.3658),  # Newcombe 1998a Table I, method 6
    ("mid_p", 15, 148, 0.0601, 0.1581),  # Table I m6; R: ratesci::exactci(15, 148, midp=TRUE)
    ("mid_p", 0, 20, 0.0000, 0.1391),  # Table I m6; R: ratesci::exactci(0, 20, midp=TRUE)
    ("mid_p", 1, 29, 0.0017, 0.1585),  # Table I m6; R: ratesci::exactci(1, 29, midp=TRUE)
    # method 7, likelihood-based
    ("likelihood", 81, 263, 0.2542, 0.3655),  # Newcombe 1998a Table I, method 7
    ("likelihood", 15, 148, 0.0596, 0.1567),  # Newcombe 1998a Table I, method 7
    ("likelihood", 0, 20, 0.0000, 0.0916),  # Table I m7; = 1 - exp(-1.96^2 / 40)
    ("likelihood", 1, 29, 0.0020, 0.1432),  # Newcombe 1998a Table I, method 7
]


@pytest.mark.parametrize(("method", "x", "n", "low", "high"), NEWCOMBE_TABLE_I)
def test_newcombe_1998_table_i(method, x, n, low, high):
    ci = binomial_ci(x, n, method=method)
    assert ci.low == pytest.approx(low, abs=5e-5)
    assert ci.high == pytest.approx(high, abs=5e-5)


# Fagerland, Lydersen & Laake (2017), "Statistical Analysis of Contingency Tables", ch. 2
# example X = 13, n = 16, as printed by their R package's test suite
# (R: contingencytables::<Method>_CI_1x2(X = 13, n = 16)).
FAGERLAND_13_OF_16 = [
    ("clopper_pearson", 0.95, 0.5435, 0.9595),  # ClopperPearson_exact_CI_1x2(13, 16)
    ("mid_p", 0.95, 0.5699, 0.9500),  # ClopperPearson_midP_CI_1x2(13, 16)
    ("jeffreys", 0.95, 0.5792, 0.9442),  # Jeffreys_CI_1x2(13, 16): equal-tailed Beta quantiles
    ("likelihood", 0.95, 0.5828, 0.9497),  # LR_CI_1x2(13, 16)
    ("wilson", 0.95, 0.5699, 0.9341),  # Wilson_score_CI_1x2(13, 16)
    ("wilson_cc", 0.95, 0.5369, 0.9503),  # Wilson_score_CI_CC_1x2(13, 16)
    ("wald_cc", 0.90, 0.6207, 1.0000),  # Wald_CI_CC_1x2(13, 16, alpha = 0.1)
]


@pytest.mark.parametrize(("method", "level", "low", "high"), FAGERLAND_13_OF_16)
def test_fagerland_2017_13_of_16(method, level, low, high):
    ci = binomial_ci(13, 16, method=method, confidence_level=level)
    assert (ci.low, ci.high) == pytest.approx((low, high), abs=5e-5)


# R: binom::binom.confint(x, n, tol = 1e-8), columns "agresti-coull", "asymptotic" (Wald),
# "exact", "lrt" and "wilson", as recorded in statsmodels' test results
# (statsmodels/stats/tests/results/results_proportion.py). R leaves Wald and Agresti-Coull
# limits outside [0, 1]; airdef clips them (marked "clipped"). binom's "bayes" column is a
# highest-density interval, not the equal-tailed Jeffreys interval, so it is not used.
R_BINOM = [
    ("agresti_coull", 18, 20, 0.6867561125596077, 0.984343760998137),
    ("wald", 18, 20, 0.768521618913513, 1.0),  # R high 1.031478381086487, clipped
    ("clopper_pearson", 18, 20, 0.6830172859809176, 0.9876514728297052),
    ("likelihood", 18, 20, 0.7220576251734515, 0.982639913376776),
    ("wilson", 18, 20, 0.6989663547715128, 0.972133518786232),
    ("agresti_coull", 4, 20, 0.0749115102767071, 0.4217635845549845),
    ("wald", 4, 20, 0.0246954918846837, 0.3753045081153163),
    ("clopper_pearson", 4, 20, 0.05733399705003284, 0.436614002996668),
    ("likelihood", 4, 20, 0.0668375191189685, 0.405364309586823),
    ("wilson", 4, 20, 0.0806576625797981, 0.4160174322518935),
    ("agresti_coull", 4, 200, 0.005991954548218395, 0.0520995587739575),
    ("wald", 4, 200, 0.000597346459104517, 0.0394026535408955),
    ("clopper_pearson", 4, 200, 0.005475565879556443, 0.05041360908989634),
    ("likelihood", 4, 200, 0.00625223049303646, 0.0458490848884339),
    ("wilson", 4, 200, 0.00780442641634947, 0.05028708690582643),
    ("agresti_coull", 190, 200, 0.909307307911624, 0.973731898348837),
    ("wald", 190, 200, 0.919794926420966, 0.980205073579034),
    ("clopper_pearson", 190, 200, 0.9099724622986486, 0.975765834527891),
    ("likelihood", 190, 200, 0.913956305842353, 0.974626983311416),
    ("wilson", 190, 200, 0.910421851861224, 0.972617354399236),
    ("agresti_coull", 1, 30, 0.0, 0.18091798),  # R low -0.008305484, clipped
    ("wald", 1, 30, 0.0, 0.09756737),  # R low -0.0309007, clipped
    ("clopper_pearson", 1, 30, 0.0008435709, 0.17216946),
    ("likelihood", 1, 30, 0.00193243, 0.13868375),
    ("wilson", 1, 30, 0.00590859, 0.16670391),
    ("agresti_coull", 0, 30, 0.0, 0.1347117),  # R low below 0, clipped
    ("wald", 0, 30, 0.0, 0.0),
    ("clopper_pearson", 0, 30, 0.0, 0.11570331),
    ("likelihood", 0, 30, 0.0, 0.06201781),
    ("wilson", 0, 30, 0.0, 0.11351339),
]


@pytest.mark.parametrize(("method", "x", "n", "low", "high"), R_BINOM)
def test_r_binom_confint(method, x, n, low, high):
    ci = binomial_ci(x, n, method=method)
    # the last two cases are stored to 7-8 significant digits; "lrt" solved to tol = 1e-8
    tol = 2e-8 if method == "likelihood" or n == 30 else 1e-12
    assert ci.low == pytest.approx(low, abs=tol)
    assert ci.high == pytest.approx(high, abs=tol)


# --- independent derivations --------------------------------------------------------------


def _scalar_root(func, lo: float, hi: float) -> float:
    return optimize.brentq(func, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)


def _mid_p_by_brentq(x: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """The mid-p limits from their defining equations, with scipy.stats.binom and brentq."""
    low = 0.0
    if x > 0:
        low = _scalar_root(
            lambda p: stats.binom.sf(x, n, p) + 0.5 * stats.binom.pmf(x, n, p) - alpha / 2,
            0.0,
            x / n,
        )
    high = 1.0
    if x < n:
        high = _scalar_root(
            lambda p: stats.binom.cdf(x - 1, n, p) + 0.5 * stats.binom.pmf(x, n, p) - alpha / 2,
            x / n,
            1.0,
        )
    return low, high


def _likelihood_by_brentq(x: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The likelihood-ratio limits, 2 (l(x/n) - l(p)) = z^2, with logpmf and brentq."""
    top = stats.binom.logpmf(x, n, x / n)

    def f(p):
        return 2 * (top - stats.binom.logpmf(x, n, p)) - z * z

    low = 0.0 if x == 0 else _scalar_root(f, 1e-300, x / n)
    high = 1.0 if x == n else _scalar_root(f, x / n, 1.0 - 1e-16)
    return low, high


ROOT_CASES = [(1, 2), (1, 29), (15, 148), (81, 263), (499, 1000), (3, 10_000), (9_990, 10_000)]


@pytest.mark.parametrize(("x", "n"), ROOT_CASES)
def test_mid_p_matches_brentq_on_defining_equation(x, n):
    # No published mid-p value reaches 1e-10; the defining equation solved by scipy does.
    ci = binomial_ci(x, n, method="mid_p")
    assert (ci.low, ci.high) == pytest.approx(_mid_p_by_brentq(x, n), abs=1e-10)


def test_mid_p_bounds_on_whole_counts_equal_binomial_ci():
    x, n = np.array([1.0, 15.0, 81.0, 0.0, 20.0]), np.array([29.0, 148.0, 263.0, 20.0, 20.0])
    ci = binomial_ci(x.astype(int), n.astype(int), method="mid_p")
    low, high = mid_p_bounds(x, n, 0.05)
    np.testing.assert_allclose(low, ci.low, atol=1e-12)
    np.testing.assert_allclose(high, ci.high, atol=1e-12)


@pytest.mark.parametrize(("x", "n"), [(0.4, 3.7), (2.5, 12.5), (11.3, 241.8), (232.6, 240.2)])
def test_mid_p_bounds_on_effective_counts_solve_the_continuous_mid_p_equation(x, n):
    # Fractional counts (x c, n c of a design-effect interval): P(X >= x) = I_p(x, n-x+1)
    # and P(X > x) = I_p(x+1, n-x) (scipy.special.betainc); the mid-p tail is their
    # average, alpha/2 at the lower bound and 1 - alpha/2 at the upper (brentq).
    def tail(p):
        return 0.5 * (special.betainc(x, n - x + 1, p) + special.betainc(x + 1, n - x, p))

    low = _scalar_root(lambda p: tail(p) - 0.025, 1e-300, x / n)
    high = _scalar_root(lambda p: tail(p) - 0.975, x / n, 1.0 - 1e-16)
    got_low, got_high = mid_p_bounds(x, n, 0.05)
    assert (got_low[0], got_high[0]) == pytest.approx((low, high), abs=1e-10)


@pytest.mark.parametrize(("x", "n"), ROOT_CASES)
def test_likelihood_matches_brentq_on_defining_equation(x, n):
    ci = binomial_ci(x, n, method="likelihood")
    assert (ci.low, ci.high) == pytest.approx(_likelihood_by_brentq(x, n), abs=1e-10)


def test_wilson_and_exact_match_scipy_binomtest():
    # scipy.stats.binomtest(...).proportion_ci is an independent (scalar) implementation
    for x, n in [(0, 7), (3, 7), (7, 7), (81, 263), (1, 10**6)]:
        for method, theirs in (("wilson", "wilson"), ("clopper_pearson", "exact")):
            ci = stats.binomtest(x, n).proportion_ci(method=theirs)
            ours = binomial_ci(x, n, method=method)
            assert (ours.low, ours.high) == pytest.approx((ci.low, ci.high), abs=1e-12)
        cc = stats.binomtest(x, n).proportion_ci(method="wilsoncc")
        ours = binomial_ci(x, n, method="wilson_cc")
        assert (ours.low, ours.high) == pytest.approx((cc.low, cc.high), abs=1e-12)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("wilson", "wilson"),
        ("clopper_pearson", "beta"),
        ("jeffreys", "jeffreys"),
        ("agresti_coull", "agresti_coull"),
        ("wald", "normal"),
    ],
)
def test_statsmodels_agreement_on_random_arrays(ours, theirs):
    rng = np.random.default_rng(20240123)
    n = rng.integers(1, 5000, 20_000)
    x = rng.binomial(n, rng.uniform(0, 1, n.size))
    low, high = binomial_ci(x, n, method=ours)
    ref_low, ref_high = proportion_confint(x, n, alpha=0.05, method=theirs)
    keep = np.ones(n.size, bool)
    if ours == "jeffreys":
        # statsmodels keeps the Beta quantile at x = 0 and x = n; airdef uses 0 and 1 there
        keep = (x > 0) & (x < n)
        assert np.all(low[x == 0] == 0.0) and np.all(high[x == n] == 1.0)
    np.testing.assert_allclose(low[keep], ref_low[keep], rtol=0, atol=1e-10)
    np.testing.assert_allclose(high[keep], ref_high[keep], rtol=0, atol=1e-10)


def test_clopper_pearson_is_conservative_exactly():
    # Its defining property: coverage >= 95% at every p. Exact coverage on a grid of p.
    for n in (10, 37):
        x = np.arange(n + 1)
        low, high = binomial_ci(x, n, method="clopper_pearson")
        p = np.linspace(0.001, 0.999, 999)[:, None]
        cover = ((low <= p) & (p <= high)) * stats.binom.pmf(x, n, p)
        assert cover.sum(axis=1).min() >= 0.95 - 1e-12


def test_wilson_beats_wald_in_exact_coverage():
    # Brown, Cai & DasGupta (2001): Wald's coverage collapses near 0 and 1; Wilson's does not.
    n = 30
    x = np.arange(n + 1)
    p = np.linspace(0.01, 0.99, 99)[:, None]
    pmf = stats.binom.pmf(x, n, p)
    mean_cover = {}
    for method in ("wald", "wilson"):
        low, high = binomial_ci(x, n, method=method)
        mean_cover[method] = (((low <= p) & (p <= high)) * pmf).sum(axis=1).mean()
    assert mean_cover["wilson"] > 0.94
    assert mean_cover["wald"] < 0.92


# --- properties ---------------------------------------------------------------------------


@st.composite
def counts(draw, max_n: int = 10**6):
    n = draw(st.integers(1, max_n))
    x = draw(st.integers(0, n))
    return x, n


LEVELS = st.floats(0.5, 0.999)


@settings(max_examples=60, deadline=None)
@given(counts(), LEVELS)
def test_bounds_are_ordered_inside_unit_interval_and_contain_estimate(xn, level):
    x, n = xn
    for method in METHODS:
        low, high = binomial_ci(x, n, method=method, confidence_level=level)
        assert 0.0 <= low <= high <= 1.0, method
        # every method contains x/n at these levels (Jeffreys and mid-p need not at very
        # low levels, where they shrink toward the posterior median / mid-p median)
        assert low <= x / n + 1e-15 and x / n - 1e-15 <= high, method


@settings(max_examples=60, deadline=None)
@given(counts(), LEVELS)
def test_symmetry_in_successes_and_failures(xn, level):
    x, n = xn
    for method in METHODS:
        a = binomial_ci(x, n, method=method, confidence_level=level)
        b = binomial_ci(n - x, n, method=method, confidence_level=level)
        assert a.low == pytest.approx(1.0 - b.high, abs=1e-12), method
        assert a.high == pytest.approx(1.0 - b.low, abs=1e-12), method


@settings(max_examples=25, deadline=None)
@given(st.lists(counts(max_n=500), min_size=1, max_size=12), st.sampled_from(METHODS))
def test_vectorized_equals_elementwise_and_series_parity(pairs, method):
    x = np.array([p[0] for p in pairs])
    n = np.array([p[1] for p in pairs])
    low, high = binomial_ci(x, n, method=method)
    one_by_one = [binomial_ci(int(a), int(b), method=method) for a, b in zip(x, n, strict=True)]
    assert isinstance(one_by_one[0].low, float)
    np.testing.assert_allclose(low, [c.low for c in one_by_one], rtol=0, atol=1e-14)
    np.testing.assert_allclose(high, [c.high for c in one_by_one], rtol=0, atol=1e-14)
    index = pd.Index([f"w{i}" for i in range(x.size)], name="weapon")
    series = binomial_ci(pd.Series(x, index=index), pd.Series(n, index=index), method=method)
    assert series.low.index.equals(index) and series.high.index.equals(index)
    np.testing.assert_array_equal(series.low.to_numpy(), low)
    np.testing.assert_array_equal(series.high.to_numpy(), high)


# --- edge cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_zero_and_all_successes_are_exact(method):
    for n in (1, 2, 20, 10**7):
        assert binomial_ci(0, n, method=method).low == 0.0
        assert binomial_ci(n, n, method=method).high == 1.0


def test_closed_forms_at_the_edges():
    n = 20
    # Clopper-Pearson and mid-p at x = 0: (1 - p)^n = alpha/2, resp. (1 - p)^n / 2 = alpha/2
    assert binomial_ci(0, n, method="clopper_pearson").high == pytest.approx(1 - 0.025 ** (1 / n))
    assert binomial_ci(0, n, method="mid_p").high == pytest.approx(1 - 0.05 ** (1 / n))
    # likelihood at x = n: n log p = -z^2 / 2
    assert binomial_ci(n, n, method="likelihood").low == pytest.approx(math.exp(-(Z95**2) / 40))
    # Jeffreys away from the edges: the Beta(x + 1/2, n - x + 1/2) quantiles
    ci = binomial_ci(0, n, method="jeffreys")
    assert ci.high == pytest.approx(stats.beta.ppf(0.975, 0.5, 20.5), abs=1e-14)


@pytest.mark.parametrize("method", METHODS)
def test_single_trial(method):
    low0, high0 = binomial_ci(0, 1, method=method)
    low1, high1 = binomial_ci(1, 1, method=method)
    assert low0 == 0.0 and high1 == 1.0
    assert high0 == pytest.approx(1.0 - low1, abs=1e-14)
    if method not in ("wald",):
        assert 0.0 < high0 < 1.0


def test_single_trial_known_values():
    # x = 0, n = 1: CP (1 - p) = 0.025; mid-p (1 - p) / 2 = 0.025; likelihood -log(1 - p) = z^2/2
    assert binomial_ci(0, 1, method="clopper_pearson").high == pytest.approx(0.975)
    assert binomial_ci(0, 1, method="mid_p").high == pytest.approx(0.95)
    assert binomial_ci(0, 1, method="likelihood").high == pytest.approx(-math.expm1(-(Z95**2) / 2))


@pytest.mark.parametrize("method", METHODS)
def test_huge_n(method):
    n = 10**7
    x = np.array([0, 1, 5 * 10**6, n - 1, n])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        low, high = binomial_ci(x, n, method=method)
    assert np.all(np.isfinite(low)) and np.all(np.isfinite(high))
    assert np.all(np.diff(low) >= 0) and np.all(np.diff(high) >= 0)
    assert low[1] < low[2] < low[3] and high[1] < high[2] < high[3]
    # at p = 1/2 every method is within 1e-6 of the normal approximation (se = 1.58e-4)
    half = Z95 * math.sqrt(0.25 / n)
    assert low[2] == pytest.approx(0.5 - half, abs=1e-6)
    assert high[2] == pytest.approx(0.5 + half, abs=1e-6)


def test_huge_n_root_methods_agree_with_brentq():
    n = 10**7
    for x in (1, 5 * 10**6):
        ci = binomial_ci(x, n, method="likelihood")
        assert (ci.low, ci.high) == pytest.approx(_likelihood_by_brentq(x, n), abs=1e-10)
    ci = binomial_ci(1, n, method="mid_p")
    assert (ci.low, ci.high) == pytest.approx(_mid_p_by_brentq(1, n), abs=1e-10)


@pytest.mark.parametrize("method", METHODS)
def test_nan_gives_nan_for_that_element_only(method):
    x = np.array([3.0, np.nan, 5.0, 2.0])
    n = np.array([10.0, 10.0, 9.0, np.nan])
    low, high = binomial_ci(x, n, method=method)
    assert np.isnan(low[1]) and np.isnan(high[1]) and np.isnan(low[3]) and np.isnan(high[3])
    expected = binomial_ci([3, 5], [10, 9], method=method)
    np.testing.assert_array_equal(low[[0, 2]], expected.low)
    np.testing.assert_array_equal(high[[0, 2]], expected.high)
    assert math.isnan(binomial_ci(np.nan, 10, method=method).low)
    assert math.isnan(binomial_ci(None, 10, method=method).high)


def test_nullable_int64_with_missing_values_keeps_the_index():
    index = pd.Index(["Shahed-136", "Kh-101", "Iskander-M"], name="weapon")
    shot = pd.Series([12, pd.NA, 3], index=index, dtype="Int64")
    launched = pd.Series([15, 8, pd.NA], index=index, dtype="Int64")
    low, high = binomial_ci(shot, launched)
    assert low.index.equals(index) and high.index.equals(index)
    assert low.name == "ci_low" and high.name == "ci_high"
    assert low.isna().tolist() == [False, True, True]
    assert low["Shahed-136"] == binomial_ci(12, 15).low


def test_series_broadcasts_against_a_scalar_and_arrays_keep_shape():
    shot = pd.Series([1, 2], index=[10, 20])
    ci = binomial_ci(shot, 5, method="jeffreys")
    assert list(ci.low.index) == [10, 20]
    grid = binomial_ci(np.arange(6).reshape(2, 3), 5)
    assert grid.low.shape == (2, 3)
    column = binomial_ci([[1], [2]], [4, 5, 6], method="mid_p")
    assert column.high.shape == (2, 3)


def test_empty_input():
    low, high = binomial_ci(np.array([], dtype=int), np.array([], dtype=int), method="mid_p")
    assert low.shape == (0,) and high.shape == (0,)


def test_result_object():
    ci = binomial_ci(15, 148, method="jeffreys", confidence_level=0.9)
    assert isinstance(ci, BinomialCI)
    assert ci.method == "jeffreys" and ci.confidence_level == 0.9
    low, high = ci
    assert (low, high) == (ci.low, ci.high)
    assert isinstance(low, float)
    with pytest.raises(AttributeError):
        ci.low = 0.0  # frozen


def test_public_export():
    assert airdef.binomial_ci is binomial_ci
    assert airdef.binomial_ci(15, 148).low == binomial_ci(15, 148).low


def test_higher_level_gives_wider_interval():
    for method in METHODS:
        narrow = binomial_ci(15, 148, method=method, confidence_level=0.8)
        wide = binomial_ci(15, 148, method=method, confidence_level=0.99)
        assert wide.low < narrow.low and wide.high > narrow.high, method


# --- the float kernel ---------------------------------------------------------------------


def test_wilson_bounds_kernel_on_float_counts():
    x = np.array([0.0, 2.5, 7.25, 12.5, np.nan])
    n = np.array([20.0, 12.5, 12.5, 12.5, 4.0])
    low, high = wilson_bounds(x, n, Z95)
    # statsmodels' Wilson formula accepts float counts too
    ref_low, ref_high = proportion_confint(x[:4], n[:4], alpha=0.05, method="wilson")
    np.testing.assert_allclose(low[:4], ref_low, rtol=0, atol=1e-14)
    np.testing.assert_allclose(high[:4], ref_high, rtol=0, atol=1e-14)
    assert low[0] == 0.0 and high[3] == 1.0
    assert np.isnan(low[4]) and np.isnan(high[4])
    # integer counts: the same numbers as binomial_ci
    ci = binomial_ci(7, 20)
    k_low, k_high = wilson_bounds(7.0, 20.0, Z95)
    assert (float(k_low), float(k_high)) == pytest.approx((ci.low, ci.high), abs=1e-15)


def test_wilson_bounds_broadcasts():
    low, high = wilson_bounds(np.array([[1.0], [2.0]]), np.array([4.0, 8.0]), 1.0)
    assert low.shape == (2, 2) and high.shape == (2, 2)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "n", "kwargs", "message"),
    [
        (5, 3, {}, r"successes must not exceed trials; found 5 successes in 3 trials"),
        ([1, 9], [5, 8], {}, r"found 9 successes in 8 trials"),
        (-1, 3, {}, r"successes must not be negative; found -1"),
        (1, -3, {}, r"trials must be at least 1; found -3"),
        (0, 0, {}, r"trials must be at least 1; found 0"),
        (2.5, 3, {}, r"successes must be whole numbers; found 2.5"),
        (2, 3.5, {}, r"trials must be whole numbers; found 3.5"),
        (np.inf, 3, {}, r"successes must be finite"),
        (1, np.inf, {}, r"trials must be finite"),
        ("a", 3, {}, r"successes must be numbers"),
        (True, 3, {}, r"successes must be counts, not booleans"),
        (pd.Series([True, False]), 3, {}, r"successes must be counts, not booleans"),
        (1, 3, {"confidence_level": 0}, r"confidence_level must be strictly between 0 and 1"),
        (1, 3, {"confidence_level": 1.0}, r"strictly between 0 and 1; got 1.0"),
        (1, 3, {"confidence_level": 95}, r"strictly between 0 and 1; got 95"),
        (1, 3, {"confidence_level": "95%"}, r"strictly between 0 and 1; got '95%'"),
        (1, 3, {"method": "exact"}, r"unknown method 'exact'; valid methods: wilson, wilson_cc"),
        (1, 3, {"method": "Wilson"}, r"valid methods: .*clopper_pearson.*likelihood"),
        ([1, 2], [3, 4, 5], {}, r"inputs cannot be broadcast together"),
    ],
)
def test_bad_input_raises_value_error(x, n, kwargs, message):
    with pytest.raises(ValueError, match=message):
        binomial_ci(x, n, **kwargs)


def test_misaligned_series_and_dataframes_are_refused():
    with pytest.raises(ValueError, match=r"different indexes; align them first"):
        binomial_ci(pd.Series([1, 2], index=[0, 1]), pd.Series([3, 4], index=[1, 2]))
    with pytest.raises(ValueError, match=r"not a DataFrame"):
        binomial_ci(pd.DataFrame({"a": [1]}), 3)
