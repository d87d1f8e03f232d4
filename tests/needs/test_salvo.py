"""Salvo arithmetic: worked examples (arithmetic in the comments), inverses, properties, errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import airdef
from airdef.needs.salvo import (
    expected_shots_sls,
    mixed_salvo_shots,
    salvo_kill_probability,
    shots_needed,
    single_shot_pk,
)

# --- worked examples ----------------------------------------------------------------------


def test_salvo_worked_examples():
    # 1 - (1 - 0.7)^2 = 1 - 0.09 = 0.91
    assert salvo_kill_probability(0.7, 2) == pytest.approx(0.91, abs=1e-15)
    # 1 - 0.5^3 = 1 - 0.125 = 0.875
    assert salvo_kill_probability(0.5, 3) == pytest.approx(0.875, abs=1e-15)
    # one shot is the single-shot probability itself
    assert salvo_kill_probability(0.37, 1) == pytest.approx(0.37, abs=1e-15)
    # a certain kill stays certain; a sure miss stays a miss
    assert salvo_kill_probability(1.0, 4) == 1.0
    assert salvo_kill_probability(0.0, 4) == 0.0


def test_shots_needed_worked_examples():
    # 2 shots: 1 - 0.3^2 = 0.91 < 0.95; 3 shots: 1 - 0.3^3 = 1 - 0.027 = 0.973 >= 0.95
    assert shots_needed(0.7, 0.95) == 3
    # 1 - 0.3^2 = 0.91 exactly reaches 0.91 (0.3**2 is 0.09000000000000002 in floating point)
    assert shots_needed(0.7, 0.91) == 2
    # exact boundary: 1 - 0.5^2 = 0.75
    assert shots_needed(0.5, 0.75) == 2
    # exact boundary: 1 - 0.7^2 = 0.51 (0.7**2 is 0.48999999999999994)
    assert shots_needed(0.3, 0.51) == 2
    # exact boundary: 1 - 0.9^3 = 0.271 (0.9**3 is 0.7290000000000001)
    assert shots_needed(0.1, 0.271) == 3
    # one shot already enough; a zero target needs no shot; a certain kill needs one shot
    assert shots_needed(0.9, 0.9) == 1
    assert shots_needed(0.4, 0.0) == 0
    assert shots_needed(1.0, 1.0) == 1
    # 1 - 0.99^n >= 0.5  <=>  n >= log(0.5) / log(0.99) = 68.97  ->  69
    assert shots_needed(0.01, 0.5) == 69


def test_single_shot_pk_worked_examples():
    # 1 - (1 - 0.91)^(1/2) = 1 - 0.3 = 0.7
    assert single_shot_pk(0.91, 2) == pytest.approx(0.7, abs=1e-12)
    # 1 - 0.125^(1/3) = 1 - 0.5 = 0.5
    assert single_shot_pk(0.875, 3) == pytest.approx(0.5, abs=1e-12)
    assert single_shot_pk(0.0, 2) == 0.0
    assert single_shot_pk(1.0, 2) == 1.0


def test_shoot_look_shoot_worked_examples():
    # pk 0.7, 1 shot per look, 2 looks: 1 + 0.3 = 1.3 shots; kill 1 - 0.3^2 = 0.91
    assert expected_shots_sls(0.7, 1, 2) == pytest.approx(1.3, abs=1e-12)
    # pk 0.5, 2 shots per look, 2 looks: a look misses with 0.25, so 2 * (1 + 0.25) = 2.5
    assert expected_shots_sls(0.5, 2, 2) == pytest.approx(2.5, abs=1e-12)
    # pk 0.5, 1 shot, 3 looks: 1 + 0.5 + 0.25 = 1.75
    assert expected_shots_sls(0.5, 1, 3) == pytest.approx(1.75, abs=1e-12)
    # never kills: every look fires, 2 shots x 3 looks = 6
    assert expected_shots_sls(0.0, 2, 3) == 6.0
    # certain kill: the first salvo is enough
    assert expected_shots_sls(1.0, 2, 3) == 2.0
    # one look is a plain salvo
    assert expected_shots_sls(0.3, 4, 1) == 4.0


def test_mixed_salvo_worked_examples():
    # pk 0.5: P1 = 0.5, P2 = 0.75. Target 0.625 is halfway: half the targets get 2 shots -> 1.5
    assert mixed_salvo_shots(0.5, 0.625) == pytest.approx(1.5, abs=1e-12)
    # exactly reachable with whole salvos
    assert mixed_salvo_shots(0.5, 0.75) == pytest.approx(2.0, abs=1e-12)
    # below one shot's probability: engage a share target / pk with one shot, 0.3 / 0.6 = 0.5
    assert mixed_salvo_shots(0.6, 0.3) == pytest.approx(0.5, abs=1e-12)
    # unreachable: a certain kill with pk < 1
    assert math.isinf(mixed_salvo_shots(0.6, 1.0))


# --- properties ---------------------------------------------------------------------------

probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
open_probabilities = st.floats(min_value=1e-6, max_value=1 - 1e-6)
shots = st.integers(min_value=1, max_value=12)


@settings(max_examples=300, deadline=None)
@given(pk=open_probabilities, n=shots)
def test_single_shot_pk_inverts_salvo(pk, n):
    salvo = salvo_kill_probability(pk, n)
    # Near 1 the salvo probability keeps too few digits of its miss probability to invert.
    assume(salvo < 1 - 1e-6)
    back = single_shot_pk(salvo, n)
    assert back == pytest.approx(pk, rel=1e-9, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(rate=open_probabilities, n=shots)
def test_salvo_inverts_single_shot_pk(rate, n):
    assert salvo_kill_probability(single_shot_pk(rate, n), n) == pytest.approx(rate, rel=1e-9)


@settings(max_examples=300, deadline=None)
@given(
    pk=st.floats(min_value=0.01, max_value=1.0),
    target=st.floats(min_value=0.0, max_value=1.0, exclude_max=True),
)
def test_shots_needed_is_the_least_that_reaches(pk, target):
    n = shots_needed(pk, target)
    allowed = 1 - target  # compared on the miss scale, with the documented 1e-9 tolerance
    assert (1 - pk) ** n <= allowed * (1 + 1e-9)
    if n > 0:
        assert (1 - pk) ** (n - 1) > allowed


@settings(max_examples=200, deadline=None)
@given(pk=st.floats(min_value=0.05, max_value=0.99), a=probabilities, b=probabilities)
def test_mixed_salvo_is_increasing_and_below_whole_salvos(pk, a, b):
    lo, hi = sorted((a, b))
    if hi == 1.0:
        return
    assert mixed_salvo_shots(pk, lo) <= mixed_salvo_shots(pk, hi) + 1e-12
    assert mixed_salvo_shots(pk, hi) <= shots_needed(pk, hi) + 1e-12


@settings(max_examples=200, deadline=None)
@given(pk=probabilities, s=shots, looks=st.integers(min_value=1, max_value=5))
def test_shoot_look_shoot_between_one_salvo_and_all(pk, s, looks):
    e = expected_shots_sls(pk, s, looks)
    assert s - 1e-12 <= e <= s * looks + 1e-12


def test_scalar_array_series_agree_and_keep_the_index():
    pk = pd.Series([0.3, 0.7, 0.9], index=["a", "b", "c"])
    out = salvo_kill_probability(pk, 2)
    assert list(out.index) == ["a", "b", "c"]
    np.testing.assert_allclose(out.to_numpy(), salvo_kill_probability(pk.to_numpy(), 2))
    assert out["b"] == pytest.approx(salvo_kill_probability(0.7, 2))
    need = shots_needed(pk, 0.95)
    assert list(need.index) == ["a", "b", "c"] and need.dtype == np.int64
    assert need.tolist() == [9, 3, 2]  # 1-0.7^9 = 0.960; 1-0.3^3 = 0.973; 1-0.1^2 = 0.99
    grid = salvo_kill_probability(np.array([[0.5], [0.7]]), np.array([1, 2, 3]))
    assert grid.shape == (2, 3)


def test_nan_propagates():
    out = salvo_kill_probability(np.array([0.5, np.nan]), 2)
    assert out[0] == 0.75 and np.isnan(out[1])


def test_exported_at_top_level():
    assert airdef.shots_needed(0.7, 0.95) == 3
    assert airdef.salvo_kill_probability is salvo_kill_probability


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: salvo_kill_probability(1.2, 2), r"pk must be a probability in \[0, 1\]; got 1.2"),
        (lambda: salvo_kill_probability(-0.1, 2), r"pk must be a probability in \[0, 1\]"),
        (
            lambda: salvo_kill_probability(0.5, 0),
            r"shots must be whole numbers of at least 1; got 0",
        ),
        (
            lambda: salvo_kill_probability(0.5, 1.5),
            r"shots must be whole numbers of at least 1; got 1.5",
        ),
        (lambda: salvo_kill_probability(0.5, -2), r"shots must be whole numbers of at least 1"),
        (lambda: single_shot_pk(1.5, 2), r"rate must be a probability in \[0, 1\]"),
        (lambda: shots_needed(0.5, 1.01), r"target must be a probability in \[0, 1\]"),
        (lambda: shots_needed(0.0, 0.5), r"target 0.5 cannot be reached with pk 0:"),
        (lambda: shots_needed(0.9, 1.0), r"target 1 cannot be reached with pk 0.9"),
        (lambda: shots_needed(np.nan, 0.5), r"must not be missing"),
        (lambda: expected_shots_sls(0.5, 1, 0), r"max_looks must be whole numbers of at least 1"),
        (lambda: expected_shots_sls(0.5, 0, 2), r"shots_per_look must be whole numbers"),
    ],
)
def test_bad_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()
