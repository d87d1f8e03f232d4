"""Salvo arithmetic: kill probabilities of several shots, and the shots a target needs.

Every function broadcasts over scalars, numpy arrays and pandas Series (a Series
keeps its index) and assumes independent shots with one single-shot kill
probability ``pk``. The salvo kill probability of ``n`` shots is

.. math:: P_n = 1 - (1 - pk)^n .

Floating point: decimal probabilities are not exact in binary (``1 - 0.3**2`` is
``0.9099999999999999``), so :func:`shots_needed` and :func:`mixed_salvo_shots`
count a target as reached when the miss probability of the salvo is within a
relative ``1e-9`` of the allowed miss probability ``1 - target``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "expected_shots_sls",
    "mixed_salvo_shots",
    "salvo_kill_probability",
    "shots_needed",
    "single_shot_pk",
]

#: Relative tolerance for "the salvo reaches the target" (see the module notes).
REACH_RTOL = 1e-9


def _index_of(*values: Any) -> pd.Index | None:
    for v in values:
        if isinstance(v, pd.Series):
            return v.index
    return None


def _wrap(result: np.ndarray, index: pd.Index | None, *, name: str) -> Any:
    if index is not None:
        return pd.Series(result, index=index, name=name)
    if result.ndim == 0:
        return result.item()
    return result


def _probability(name: str, value: Any) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    bad = ~np.isnan(arr) & ((arr < 0) | (arr > 1))
    if bad.any():
        raise ValueError(f"{name} must be a probability in [0, 1]; got {float(arr[bad].flat[0]):g}")
    return arr


def _whole(name: str, value: Any, *, minimum: int = 1) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    bad = np.isnan(arr) | (arr < minimum) | (arr != np.floor(arr)) | np.isinf(arr)
    if bad.any():
        raise ValueError(
            f"{name} must be whole numbers of at least {minimum}; got {float(arr[bad].flat[0]):g}"
        )
    return arr


def salvo_kill_probability(pk: Any, shots: Any) -> Any:
    """Probability that at least one of ``shots`` independent shots kills: 1 - (1 - pk)^shots.

    Parameters
    ----------
    pk : float, array or Series
        Single-shot kill probability, in [0, 1].
    shots : int, array or Series
        Shots fired at one target, whole numbers >= 1.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Broadcast over the inputs; a Series input gives a Series with its index.

    Examples
    --------
    >>> salvo_kill_probability(0.7, 2)  # 1 - 0.3**2 = 0.91
    0.91
    >>> salvo_kill_probability([0.5, 0.9], [2, 1])
    array([0.75, 0.9 ])
    """
    index = _index_of(pk, shots)
    p = _probability("pk", pk)
    n = _whole("shots", shots)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = -np.expm1(n * np.log1p(-p))  # log1p(-1) = -inf gives a certain kill
    return _wrap(out, index, name="salvo_pk")


def single_shot_pk(rate: Any, shots: Any) -> Any:
    """The single-shot kill probability that gives salvo probability ``rate``: 1 - (1 - rate)^(1/shots).

    The inverse of :func:`salvo_kill_probability` in ``pk``.

    Parameters
    ----------
    rate : float, array or Series
        Kill probability of the whole salvo, in [0, 1].
    shots : int, array or Series
        Shots per salvo, whole numbers >= 1.

    Examples
    --------
    >>> round(single_shot_pk(0.91, 2), 12)  # sqrt(0.09) = 0.3 misses per shot
    0.7
    >>> single_shot_pk(0.75, [1, 2])
    array([0.75, 0.5 ])
    """
    index = _index_of(rate, shots)
    r = _probability("rate", rate)
    n = _whole("shots", shots)
    with np.errstate(divide="ignore"):
        out = -np.expm1(np.log1p(-r) / n)
    return _wrap(out, index, name="pk")


def _reached(miss: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    return (miss <= allowed) | np.isclose(miss, allowed, rtol=REACH_RTOL, atol=0.0)


def _miss(log_q: np.ndarray, n: np.ndarray) -> np.ndarray:
    """(1 - pk)**n from log(1 - pk), with 0 shots always missing."""
    with np.errstate(invalid="ignore"):
        return np.where(n == 0, 1.0, np.exp(n * log_q))


def _shots_needed(q: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Least whole n with 1 - q**n >= target, as floats (inf where unreachable, NaN for NaN).

    ``q`` is the single-shot miss probability 1 - pk.
    """
    q, target = np.broadcast_arrays(np.asarray(q, float), np.asarray(target, float))
    allowed = 1.0 - target
    with np.errstate(divide="ignore", invalid="ignore"):
        log_q = np.log(q)
        x = np.log(allowed) / log_q
    guess = np.where(np.isfinite(x), np.ceil(np.maximum(x, 0.0)), 0.0)
    # Rounding can put the logarithmic guess one off either way: check guess - 1 and guess.
    prev = np.maximum(guess - 1.0, 0.0)
    take_prev = (guess > 0) & _reached(_miss(log_q, prev), allowed)
    take_guess = _reached(_miss(log_q, guess), allowed)
    out = np.where(take_prev, prev, np.where(take_guess, guess, guess + 1.0))
    unreachable = ((q == 1.0) & (target > 0)) | ((allowed == 0) & (q > 0))
    out = np.where(unreachable, np.inf, out)
    return np.where(np.isnan(q) | np.isnan(target), np.nan, out)


def shots_needed(pk: Any, target: Any) -> Any:
    """The least whole number of shots whose salvo kill probability reaches ``target``.

    Parameters
    ----------
    pk : float, array or Series
        Single-shot kill probability, in [0, 1].
    target : float, array or Series
        Kill probability the salvo must reach, in [0, 1]. A target of 0 needs 0 shots.

    Returns
    -------
    int, numpy.ndarray of int64 or pandas.Series

    Raises
    ------
    ValueError
        For probabilities outside [0, 1], and where the target cannot be reached
        (pk = 0 with a positive target, or target = 1 with pk < 1).

    Examples
    --------
    >>> shots_needed(0.7, 0.95)  # 1 - 0.3**2 = 0.91 < 0.95 <= 1 - 0.3**3 = 0.973
    3
    >>> shots_needed(0.5, 0.75)  # exactly 1 - 0.5**2
    2
    >>> shots_needed([0.7, 0.95, 1.0], 0.91)  # 0.95 alone is enough, and so is a certain kill
    array([2, 1, 1])
    """
    index = _index_of(pk, target)
    p = _probability("pk", pk)
    t = _probability("target", target)
    if np.isnan(p).any() or np.isnan(t).any():
        raise ValueError("pk and target must not be missing (NaN)")
    n = _shots_needed(1.0 - p, t)
    if np.isinf(n).any():
        where = np.argwhere(np.isinf(np.broadcast_to(n, n.shape)))[0]
        pb, tb = np.broadcast_arrays(p, t)
        raise ValueError(
            f"target {float(tb[tuple(where)]):g} cannot be reached with pk "
            f"{float(pb[tuple(where)]):g}: "
            "no number of shots gets there"
        )
    return _wrap(n.astype(np.int64), index, name="shots")


def mixed_salvo_shots(pk: Any, target: Any) -> Any:
    """Least expected shots per target that reach kill probability ``target`` with whole salvos.

    With ``n = shots_needed(pk, target)``, a share ``f`` of targets gets ``n``
    shots and the rest ``n - 1``, with ``f`` chosen so that the average kill
    probability is exactly ``target``:

    .. math:: f = \\frac{target - P_{n-1}}{P_n - P_{n-1}}, \\qquad
              \\text{shots} = n - 1 + f .

    Because :math:`P_n` is concave in ``n``, no other mix of whole salvos reaches
    the target with fewer shots on average. The result is continuous and
    increasing in ``target``; it is ``inf`` where the target cannot be reached.

    Examples
    --------
    >>> mixed_salvo_shots(0.5, 0.75)  # exactly two shots
    2.0
    >>> round(mixed_salvo_shots(0.5, 0.625), 12)  # halfway between P_1 = 0.5 and P_2 = 0.75
    1.5
    """
    index = _index_of(pk, target)
    p = _probability("pk", pk)
    t = _probability("target", target)
    return _wrap(mixed_salvo_shots_array(1.0 - p, t), index, name="shots")


def mixed_salvo_shots_array(q: np.ndarray, target: np.ndarray) -> np.ndarray:
    """:func:`mixed_salvo_shots` from the miss probability ``q``, without argument checks."""
    q = np.asarray(q, dtype=float)
    n = _shots_needed(q, target)
    finite = np.isfinite(n) & (n > 0)
    m = np.where(finite, n, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        below = _miss(np.log(q), m - 1.0)  # miss probability of n - 1 shots
        above = below * q
        gain = below - above
        f = np.where(gain > 0, ((1.0 - target) - below) / -gain, 1.0)
    f = np.clip(f, 0.0, 1.0)
    return np.where(finite, m - 1.0 + f, n)


def expected_shots_sls(pk: Any, shots_per_look: Any = 1, max_looks: Any = 1) -> Any:
    """Expected shots per target under shoot-look-shoot.

    The model: fire a salvo of ``shots_per_look`` shots, look (assess whether the
    target was killed), and fire again while it survives, for at most
    ``max_looks`` salvos. A salvo misses with probability
    :math:`Q = (1 - pk)^s`, so the expected shots are

    .. math:: s \\sum_{k=0}^{L-1} Q^k = s \\, \\frac{1 - Q^L}{1 - Q}

    (``s * L`` when ``Q = 1``), and the target is killed with probability
    :math:`1 - Q^L`, the same as one salvo of ``s * L`` shots. Assessment is
    taken to be perfect and instant. ``max_looks = 1`` is a plain salvo.

    Parameters
    ----------
    pk : float, array or Series
        Single-shot kill probability, in [0, 1].
    shots_per_look : int, array or Series
        Shots per salvo, whole numbers >= 1.
    max_looks : int, array or Series
        Salvos at most, whole numbers >= 1.

    Examples
    --------
    >>> expected_shots_sls(0.7, 1, 2)  # 1 shot, then a second with probability 0.3
    1.3
    >>> expected_shots_sls(0.5, 2, 1)  # a plain salvo of two
    2.0
    """
    index = _index_of(pk, shots_per_look, max_looks)
    p = _probability("pk", pk)
    s = _whole("shots_per_look", shots_per_look)
    looks = _whole("max_looks", max_looks)
    return _wrap(expected_shots_array(1.0 - p, s, looks), index, name="shots")


def expected_shots_array(
    q: np.ndarray, shots: np.ndarray | float, looks: np.ndarray | float
) -> np.ndarray:
    """Expected shots per engagement from the miss probability ``q`` (no argument checks).

    With one look the answer is ``shots`` whatever ``q`` is (even NaN).
    """
    q = np.asarray(q, dtype=float)
    shots = np.asarray(shots, dtype=float)
    looks = np.asarray(looks, dtype=float)
    if np.all(looks == 1.0):
        return np.broadcast_to(shots, np.broadcast_shapes(q.shape, shots.shape)).astype(float)
    miss = q**shots
    with np.errstate(invalid="ignore", divide="ignore"):
        series = np.where(miss < 1.0, -np.expm1(looks * np.log(miss)) / (1.0 - miss), looks)
    series = np.where(miss == 0.0, 1.0, series)
    series = np.where(np.isnan(miss), np.nan, series)
    return np.where(looks == 1.0, shots * np.ones_like(q), shots * series)
