"""Tests for airdef.stats.diff: published values, properties, the restricted MLE, errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats
from statsmodels.stats.proportion import confint_proportions_2indep

import airdef
from airdef.stats.binomial import BinomialCI
from airdef.stats.diff import METHODS, diff_ci, restricted_mle

Z95 = stats.norm.isf(0.025)

# Newcombe RG (1998b), "Interval estimation for the difference between independent
# proportions: comparison of eleven methods", Stat Med 17:873-890, Table II examples:
EXAMPLES = {
    "a": (56, 70, 48, 80),
    "b": (9, 10, 3, 10),
    "c": (6, 7, 2, 7),
    "d": (5, 56, 0, 29),
    "e": (0, 10, 0, 20),
    "f": (0, 10, 0, 10),
    "g": (10, 10, 0, 20),
    "h": (10, 10, 0, 10),
}

# 95% limits of p1 - p2, to 4 dp, from Newcombe 1998b Table II. Methods 5, 6 and 10 for all
# eight examples are also tabulated in the test suite of the Python package mergeron-extra
# ("Examples from Newcombe (1998), Table II"); example (d) for methods 5 and 6 is asserted in
# R: ratesci::scoreci(x1 = 5, n1 = 56, x2 = 0, n2 = 29, skew = FALSE[, bcf = FALSE]).
NEWCOMBE_TABLE_II = [
    # method 10, hybrid score from Wilson limits
    ("newcombe", "a", 0.0524, 0.3339),
    ("newcombe", "b", 0.1705, 0.8090),
    ("newcombe", "c", 0.0582, 0.8062),
    ("newcombe", "d", -0.0381, 0.1926),
    ("newcombe", "e", -0.1611, 0.2775),
    ("newcombe", "f", -0.2775, 0.2775),
    ("newcombe", "g", 0.6791, 1.0000),
    ("newcombe", "h", 0.6075, 1.0000),
    # method 6, Miettinen-Nurminen score (variance times N / (N - 1))
    ("miettinen_nurminen", "a", 0.0528, 0.3382),
    ("miettinen_nurminen", "b", 0.1700, 0.8406),
    ("miettinen_nurminen", "c", 0.0342, 0.8534),
    ("miettinen_nurminen", "d", -0.0326, 0.1933),
    ("miettinen_nurminen", "e", -0.1658, 0.2844),
    ("miettinen_nurminen", "f", -0.2879, 0.2879),
    ("miettinen_nurminen", "g", 0.7156, 1.0000),
    ("miettinen_nurminen", "h", 0.6636, 1.0000),
    # method 5, Mee score (no N / (N - 1) factor)
    ("mee", "a", 0.0533, 0.3377),
    ("mee", "b", 0.1821, 0.8370),
    ("mee", "c", 0.0544, 0.8478),
    ("mee", "d", -0.0313, 0.1926),
    ("mee", "e", -0.1611, 0.2775),
    ("mee", "f", -0.2775, 0.2775),
    ("mee", "g", 0.7225, 1.0000),
    ("mee", "h", 0.6777, 1.0000),
    # methods 1, 2 and 11 for examples (a), (b), (g): Newcombe 1998b Table II as reproduced
    # by SAS PROC FREQ in WUSS 2016 paper 127 (lexjansen.com/wuss/2016/127_Final_Paper_PDF.pdf,
    # p. 9); limits beyond +/-1 are clipped, as airdef does
    ("wald", "a", 0.0575, 0.3425),
    ("wald", "b", 0.2605, 0.9395),
    ("wald", "g", 1.0000, 1.0000),
    ("wald_cc", "a", 0.0441, 0.3559),
    ("wald_cc", "b", 0.1605, 1.0000),
    ("wald_cc", "g", 0.9250, 1.0000),
    ("newcombe_cc", "a", 0.0428, 0.3422),
    ("newcombe_cc", "b", 0.1013, 0.8387),
    ("newcombe_cc", "g", 0.6014, 1.0000),
    # Agresti & Caffo (2000), not in Newcombe's table: the same SAS reproduction, p. 9
    ("agresti_caffo", "a", 0.0525, 0.3358),
    ("agresti_caffo", "b", 0.1600, 0.8400),
    ("agresti_caffo", "g", 0.6922, 1.0000),
]


@pytest.mark.parametrize(("method", "example", "low", "high"), NEWCOMBE_TABLE_II)
def test_newcombe_1998_table_ii(method, example, low, high):
    ci = diff_ci(*EXAMPLES[example], method=method)
    assert ci.low == pytest.approx(low, abs=5e-5)
    assert ci.high == pytest.approx(high, abs=5e-5)


# WUSS 2016 paper 127 (same source), HIV trial example: 84/101 vs 89/105, SAS PROC FREQ
HIV_TRIAL = [
    ("wald", -0.1162, 0.0843),
    ("wald_cc", -0.1259, 0.0940),
    ("mee", -0.1188, 0.0857),
    ("miettinen_nurminen", -0.1191, 0.0860),
    ("newcombe", -0.1177, 0.0851),
    ("newcombe_cc", -0.1245, 0.0918),
    ("agresti_caffo", -0.1168, 0.0850),
]


@pytest.mark.parametrize(("method", "low", "high"), HIV_TRIAL)
def test_sas_hiv_trial_example(method, low, high):
    ci = diff_ci(84, 101, 89, 105, method=method)
    assert (ci.low, ci.high) == pytest.approx((low, high), abs=5e-5)


def test_miettinen_nurminen_1985_example_5():
    # Miettinen & Nurminen (1985), 0/10 vs 0/20, to 8 dp as tabulated in mergeron-extra's
    # tests; Mee's interval there equals the Newcombe hybrid (-U(0/20), U(0/10)) Wilson limits
    ci = diff_ci(0, 10, 0, 20, method="miettinen_nurminen")
    assert (ci.low, ci.high) == pytest.approx((-0.16576023, 0.28438134), abs=1e-8)
    ci = diff_ci(0, 10, 0, 20, method="mee")
    assert (ci.low, ci.high) == pytest.approx((-0.16112516, 0.27753279), abs=1e-8)


# --- independent derivations for the Table II cells not found in a public source ----------


def _wilson_cc_scipy(x: int, n: int) -> tuple[float, float]:
    ci = stats.binomtest(x, n).proportion_ci(method="wilsoncc")
    return ci.low, ci.high


@pytest.mark.parametrize("example", "cdefh")
def test_newcombe_cc_square_and_add_from_scipy_wilsoncc(example):
    # Method 11 for the other examples, derived from scipy's own continuity-corrected Wilson
    # limits (scipy.stats.binomtest(x, n).proportion_ci(method="wilsoncc")) and Newcombe's
    # square-and-add formula.
    x1, n1, x2, n2 = EXAMPLES[example]
    (l1, u1), (l2, u2) = _wilson_cc_scipy(x1, n1), _wilson_cc_scipy(x2, n2)
    p1, p2 = x1 / n1, x2 / n2
    low = max(p1 - p2 - math.hypot(p1 - l1, u2 - p2), -1.0)
    high = min(p1 - p2 + math.hypot(u1 - p1, p2 - l2), 1.0)
    ci = diff_ci(x1, n1, x2, n2, method="newcombe_cc")
    assert (ci.low, ci.high) == pytest.approx((low, high), abs=1e-12)


@pytest.mark.parametrize("example", "cdefh")
def test_wald_textbook_formula(example):
    # Methods 1 and 2 for the other examples, from the textbook formula in scalar math:
    # d +/- (z * se [+ (1/n1 + 1/n2) / 2]), clipped to [-1, 1].
    x1, n1, x2, n2 = EXAMPLES[example]
    p1, p2 = x1 / n1, x2 / n2
    half = Z95 * math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    for method, extra in (("wald", 0.0), ("wald_cc", 0.5 / n1 + 0.5 / n2)):
        ci = diff_ci(x1, n1, x2, n2, method=method)
        expected = (max(p1 - p2 - half - extra, -1.0), min(p1 - p2 + half + extra, 1.0))
        assert (ci.low, ci.high) == pytest.approx(expected, abs=1e-14)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [("newcombe", "newcomb"), ("agresti_caffo", "agresti-caffo"), ("wald", "wald")],
)
def test_statsmodels_agreement_where_definitions_match(ours, theirs):
    # statsmodels' "score" interval is not used as an oracle (statsmodels issue 10269).
    rng = np.random.default_rng(7)
    n1, n2 = rng.integers(1, 80, 150), rng.integers(1, 80, 150)
    x1, x2 = rng.integers(0, n1 + 1), rng.integers(0, n2 + 1)
    low, high = diff_ci(x1, n1, x2, n2, method=ours)
    for i in range(n1.size):
        ref = confint_proportions_2indep(x1[i], n1[i], x2[i], n2[i], method=theirs)
        assert (low[i], high[i]) == pytest.approx(np.clip(ref, -1, 1), abs=1e-12)


def _neg_loglik(q2: float, x1: int, n1: int, x2: int, n2: int, delta: float) -> float:
    return -(stats.binom.logpmf(x1, n1, q2 + delta) + stats.binom.logpmf(x2, n2, q2))


def _constrained_q2(x1: int, n1: int, x2: int, n2: int, delta: float) -> optimize.OptimizeResult:
    """The restricted MLE of p2 found by bounded scalar minimisation (no cubic)."""
    return optimize.minimize_scalar(
        _neg_loglik,
        bounds=(max(0.0, -delta), min(1.0, 1.0 - delta)),
        args=(x1, n1, x2, n2, delta),
        method="bounded",
        options={"xatol": 1e-13},
    )


def test_restricted_mle_maximises_the_constrained_likelihood():
    rng = np.random.default_rng(3)
    cases = [(int(n), int(m)) for n, m in rng.integers(1, 60, (40, 2))]
    for i, (n1, n2) in enumerate(cases):
        # every other case puts a group at 0 or n, where the maximum can sit on an end
        x1 = int(rng.choice([0, n1])) if i % 2 else int(rng.integers(0, n1 + 1))
        x2 = int(rng.choice([0, n2])) if i % 4 == 1 else int(rng.integers(0, n2 + 1))
        delta = float(rng.uniform(-0.95, 0.95))
        best = _constrained_q2(x1, n1, x2, n2, delta)
        q1, q2 = restricted_mle(x1 / n1, n1, x2 / n2, n2, delta)
        assert float(q1 - q2) == pytest.approx(delta, abs=1e-12)
        assert _neg_loglik(float(q2), x1, n1, x2, n2, delta) <= best.fun + 1e-9


@pytest.mark.parametrize(("method", "inflate"), [("mee", False), ("miettinen_nurminen", True)])
def test_score_limits_solve_the_score_equation(method, inflate):
    # At each finite limit the score statistic equals -/+ z (checked with an independent
    # scalar restricted MLE found by numerical maximisation).
    for x1, n1, x2, n2 in [(56, 70, 48, 80), (5, 56, 0, 29), (3, 29, 6, 36), (1, 2, 0, 1)]:
        ci = diff_ci(x1, n1, x2, n2, method=method)
        p1, p2 = x1 / n1, x2 / n2
        for bound, sign in ((ci.low, 1.0), (ci.high, -1.0)):
            if abs(bound) == 1.0:
                continue
            q2 = _constrained_q2(x1, n1, x2, n2, bound).x
            q1 = q2 + bound
            var = q1 * (1 - q1) / n1 + q2 * (1 - q2) / n2
            if inflate:
                var *= (n1 + n2) / (n1 + n2 - 1)
            assert (p1 - p2 - bound) / math.sqrt(var) == pytest.approx(sign * Z95, abs=1e-5)


# --- properties ---------------------------------------------------------------------------


@st.composite
def two_groups(draw, max_n: int = 5000):
    n1, n2 = draw(st.integers(1, max_n)), draw(st.integers(1, max_n))
    return draw(st.integers(0, n1)), n1, draw(st.integers(0, n2)), n2


@settings(max_examples=50, deadline=None)
@given(two_groups(), st.floats(0.5, 0.999))
def test_bounds_ordered_inside_and_contain_the_difference(counts, level):
    x1, n1, x2, n2 = counts
    d = x1 / n1 - x2 / n2
    for method in METHODS:
        low, high = diff_ci(x1, n1, x2, n2, method=method, confidence_level=level)
        assert -1.0 <= low <= high <= 1.0, method
        if method != "agresti_caffo":  # shrunk toward 0: 0/1 vs 1/1 at 50% is (-0.59, -0.07)
            assert low <= d + 1e-12 and d - 1e-12 <= high, method


@settings(max_examples=50, deadline=None)
@given(two_groups(), st.floats(0.5, 0.999))
def test_antisymmetry(counts, level):
    x1, n1, x2, n2 = counts
    for method in METHODS:
        a = diff_ci(x1, n1, x2, n2, method=method, confidence_level=level)
        b = diff_ci(x2, n2, x1, n1, method=method, confidence_level=level)
        assert a.low == pytest.approx(-b.high, abs=1e-10), method
        assert a.high == pytest.approx(-b.low, abs=1e-10), method


@settings(max_examples=20, deadline=None)
@given(st.lists(two_groups(max_n=300), min_size=1, max_size=8), st.sampled_from(METHODS))
def test_vectorized_equals_elementwise_and_series_parity(rows, method):
    x1, n1, x2, n2 = (np.array(col) for col in zip(*rows, strict=True))
    low, high = diff_ci(x1, n1, x2, n2, method=method)
    for i in range(x1.size):
        one = diff_ci(int(x1[i]), int(n1[i]), int(x2[i]), int(n2[i]), method=method)
        assert isinstance(one.low, float)
        assert (one.low, one.high) == pytest.approx((low[i], high[i]), abs=1e-14)
    index = pd.RangeIndex(100, 100 + x1.size)
    s = diff_ci(*(pd.Series(c, index=index) for c in (x1, n1, x2, n2)), method=method)
    assert s.low.index.equals(index) and s.high.index.equals(index)
    np.testing.assert_array_equal(s.low.to_numpy(), low)
    np.testing.assert_array_equal(s.high.to_numpy(), high)


# --- edge cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_extreme_tables(method):
    # all vs none: the limit at the end is exactly 1 (or -1)
    assert diff_ci(5, 5, 0, 7, method=method).high == 1.0
    assert diff_ci(0, 5, 7, 7, method=method).low == -1.0
    # single trials
    low, high = diff_ci(1, 1, 0, 1, method=method)
    assert -1.0 <= low <= high == 1.0
    # huge groups: close to the Wald interval
    ci = diff_ci(5 * 10**6, 10**7, 4 * 10**6, 10**7, method=method)
    half = Z95 * math.sqrt(0.25 / 1e7 + 0.24 / 1e7)
    assert (ci.low, ci.high) == pytest.approx((0.1 - half, 0.1 + half), abs=1e-6)


@pytest.mark.parametrize("method", METHODS)
def test_nan_gives_nan_for_that_element_only(method):
    x1 = pd.Series([56, pd.NA, 9], dtype="Int64", index=["a", "b", "c"])
    ci = diff_ci(x1, 70, [48, 1, 3], pd.Series([80, 10, pd.NA], dtype="Int64", index=x1.index))
    ci = diff_ci(x1, 70, [48, 1, 3], [80, 10, 10], method=method)
    assert ci.low.isna().tolist() == [False, True, False]
    assert ci.low["a"] == diff_ci(56, 70, 48, 80, method=method).low
    assert ci.high["c"] == diff_ci(9, 70, 3, 10, method=method).high
    assert math.isnan(diff_ci(1, 2, np.nan, 3, method=method).high)


def test_result_object_and_export():
    ci = diff_ci(9, 10, 3, 10, method="mee", confidence_level=0.9)
    assert isinstance(ci, BinomialCI)
    assert ci.method == "mee" and ci.confidence_level == 0.9
    low, high = ci
    assert (low, high) == (ci.low, ci.high)
    assert airdef.diff_ci is diff_ci


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((5, 3, 1, 2), {}, r"x1 must not exceed n1; found 5 x1 in 3 n1"),
        ((1, 3, 4, 2), {}, r"x2 must not exceed n2; found 4 x2 in 2 n2"),
        ((-1, 3, 1, 2), {}, r"x1 must not be negative"),
        ((1, 3, 1, 0), {}, r"n2 must be at least 1; found 0"),
        ((1.5, 3, 1, 2), {}, r"x1 must be whole numbers; found 1.5"),
        ((1, 3, 1, 2), {"confidence_level": 1.5}, r"confidence_level must be strictly between"),
        ((1, 3, 1, 2), {"method": "score"}, r"unknown method 'score'; valid methods: newcombe"),
        (([1, 2], 3, [1, 2, 0], 3), {}, r"inputs cannot be broadcast together"),
    ],
)
def test_bad_input_raises_value_error(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        diff_ci(*args, **kwargs)
