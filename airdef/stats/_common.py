"""Input checks shared by the estimators of :mod:`airdef.stats` and :mod:`airdef.rates`.

The module is private; its functions are public within the package.

One contract for missing counts
-------------------------------
A missing count (NaN, None, ``pd.NA``) means *unknown*, never zero. Functions that work
elementwise on independent pairs (:func:`~airdef.stats.binomial.binomial_ci`,
:func:`~airdef.stats.diff.diff_ci`) return NaN bounds for that element. Functions that
combine rows (one row per attack: the clustered intervals, the beta-binomial fit, the
pooling) cannot do either without silently dropping or zeroing the row, so they raise
``ValueError`` naming the first position. :func:`check_counts` applies the same checks
in both cases and takes the choice as ``missing="nan"`` or ``missing="raise"``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "as_counts",
    "as_vector",
    "broadcast_inputs",
    "check_boot",
    "check_counts",
    "check_groups",
    "check_level",
    "check_method",
    "counts_1d",
]


def check_method(method: str, methods: tuple[str, ...]) -> str:
    """``method`` if it is one of ``methods``; else ValueError listing the valid ones."""
    if not isinstance(method, str) or method not in methods:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(methods)}")
    return method


def check_level(confidence_level: float) -> float:
    """``confidence_level`` as a float strictly between 0 and 1; else ValueError.

    Examples
    --------
    >>> check_level(0.9)
    0.9
    """
    try:
        level = float(confidence_level)
    except (TypeError, ValueError):
        level = float("nan")
    if isinstance(confidence_level, bool) or not 0.0 < level < 1.0:
        raise ValueError(
            f"confidence_level must be strictly between 0 and 1; got {confidence_level!r}"
        )
    return level


def as_counts(value: Any, name: str) -> tuple[np.ndarray, bool]:
    """Float array of ``value`` (any shape; missing -> NaN) and whether its dtype was integer."""
    if isinstance(value, pd.Series | pd.Index | pd.api.extensions.ExtensionArray):
        if pd.api.types.is_bool_dtype(value.dtype):
            raise ValueError(f"{name} must be counts, not booleans")
        integral = pd.api.types.is_integer_dtype(value.dtype)
        try:
            return value.to_numpy(dtype=float, na_value=np.nan), integral
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be numbers; got dtype {value.dtype}") from None
    arr = np.asarray(value)
    if arr.dtype.kind in "iu":
        return arr.astype(float), True
    if arr.dtype.kind == "b":
        raise ValueError(f"{name} must be counts, not booleans")
    try:
        return np.asarray(arr, dtype=float), False
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numbers; got {value!r}") from None


def as_vector(value: Any, name: str) -> np.ndarray:
    """One-dimensional float array of ``value`` (one value per row; missing -> NaN)."""
    if isinstance(value, pd.DataFrame):
        raise ValueError(f"{name} must be a one-dimensional array or Series, not a DataFrame")
    if isinstance(value, pd.Series | pd.Index | pd.api.extensions.ExtensionArray):
        try:
            arr = value.to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be numbers; got dtype {value.dtype}") from None
    else:
        arr = np.asarray(value)
        if arr.dtype.kind == "b":
            raise ValueError(f"{name} must be numbers, not booleans")
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be numbers; got dtype {arr.dtype}") from None
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (one value per attack); got {arr.shape}")
    return arr


def _where(arr: np.ndarray, mask: np.ndarray) -> tuple[float, str]:
    """The first flagged value and, for a vector, " at position i"."""
    if arr.ndim == 0:
        return float(arr), ""
    i = int(np.argmax(mask))
    return float(arr.flat[i]), (f" at position {i}" if arr.ndim == 1 else "")


def check_counts(
    x: np.ndarray,
    n: np.ndarray,
    *,
    names: tuple[str, str] = ("x", "n"),
    missing: str = "raise",
    min_n: int = 0,
    integral: tuple[bool, bool] = (False, False),
) -> None:
    """Raise ValueError unless every known pair is whole, finite, ``0 <= x <= n``, ``n >= min_n``.

    Parameters
    ----------
    x, n : numpy.ndarray
        Float arrays of the same shape (or broadcastable).
    names : (str, str)
        The names used in messages.
    missing : {"raise", "nan"}
        What a NaN means: ``"nan"`` lets it through (the caller gives NaN for that
        element); ``"raise"`` refuses it (the caller combines rows).
    min_n : int
        Smallest allowed ``n`` (1 for a single proportion, 0 where empty rows are ignored).
    integral : (bool, bool)
        Whether ``x`` and ``n`` came from integer dtypes (then the whole-number and
        finiteness checks are skipped: they hold).
    """
    if missing not in ("raise", "nan"):
        raise ValueError(f"missing must be 'raise' or 'nan'; got {missing!r}")
    for arr, is_int, name in ((x, integral[0], names[0]), (n, integral[1], names[1])):
        if is_int:
            continue
        nan = np.isnan(arr)
        if missing == "raise" and nan.any():
            where = f", the first at position {int(np.argmax(nan))}" if arr.ndim else ""
            raise ValueError(
                f"{name} has {int(nan.sum())} missing value(s){where}; "
                "drop rows with unknown counts before calling"
            )
        for bad, what in (
            (np.isinf(arr), "finite"),
            ((arr != np.trunc(arr)) & ~nan, "whole numbers"),
        ):
            if bad.any():
                value, where = _where(arr, bad)
                raise ValueError(f"{name} must be {what}; found {value:g}{where}")
    x_name, n_name = names
    bad = x < 0
    if bad.any():
        value, where = _where(x, bad)
        raise ValueError(f"{x_name} must not be negative; found {value:g}{where}")
    bad = n < min_n
    if bad.any():
        value, where = _where(n, bad)
        raise ValueError(f"{n_name} must be at least {min_n}; found {value:g}{where}")
    bad = x > n
    if bad.any():
        xb, nb = np.broadcast_arrays(x, n)
        mask = np.broadcast_to(bad, xb.shape)
        i = int(np.argmax(mask))
        where = f" at position {i}" if xb.ndim == 1 else ""
        raise ValueError(
            f"{x_name} must not exceed {n_name}; found {xb.flat[i]:g} {x_name} "
            f"in {nb.flat[i]:g} {n_name}{where}"
        )


def counts_1d(x: Any, n: Any) -> tuple[np.ndarray, np.ndarray]:
    """Validated float vectors of intercepted ``x`` and launched ``n``, one per attack.

    Rows are combined afterwards, so a missing count raises (``missing="raise"``).
    """
    xa, na = as_vector(x, "x"), as_vector(n, "n")
    if xa.size != na.size:
        raise ValueError(f"x and n must have the same length; got {xa.size} and {na.size}")
    check_counts(xa, na, names=("x", "n"), missing="raise", min_n=0)
    return xa, na


def check_groups(group: Any, size: int, n_groups: int | None) -> tuple[np.ndarray, int]:
    """Integer group codes (one per row) and the number of groups."""
    ga = as_vector(group, "group")
    if ga.size != size:
        raise ValueError(f"group must have one code per row; got {ga.size} codes for {size} rows")
    nan = np.isnan(ga)
    if nan.any():
        raise ValueError(
            f"group has {int(nan.sum())} missing value(s), the first at position "
            f"{int(np.argmax(nan))}; give every row a group"
        )
    for bad, what in (
        (np.isinf(ga), "finite"),
        (ga != np.trunc(ga), "whole numbers"),
        (ga < 0, "non-negative"),
    ):
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"group must be {what}; found {ga[i]:g} at position {i}")
    top = int(ga.max()) + 1 if ga.size else 0
    if n_groups is None:
        return ga.astype(np.intp), top
    if isinstance(n_groups, bool) or not isinstance(n_groups, int | np.integer) or n_groups < 0:
        raise ValueError(f"n_groups must be a non-negative integer; got {n_groups!r}")
    if top > n_groups:
        i = int(np.argmax(ga >= n_groups))
        raise ValueError(
            f"group codes must be below n_groups={n_groups}; found {ga[i]:g} at position {i}"
        )
    return ga.astype(np.intp), int(n_groups)


def check_boot(n_boot: Any, seed: Any) -> int:
    """``n_boot`` (an integer of at least 100) after checking ``seed`` (an integer or None)."""
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 100:
        raise ValueError(f"n_boot must be an integer of at least 100; got {n_boot!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise ValueError(f"seed must be an integer or None; got {seed!r}")
    return int(n_boot)


def broadcast_inputs(
    values: dict[str, Any],
) -> tuple[list[np.ndarray], list[bool], Callable[[np.ndarray, str], Any]]:
    """Float arrays broadcast to one shape, their integer-ness, and a function that
    turns a result array back into the input's kind (float, ndarray or Series)."""
    arrays, integral = [], []
    index = None
    index_from = ""
    for name, value in values.items():
        if isinstance(value, pd.DataFrame):
            raise ValueError(f"{name} must be a scalar, array or Series, not a DataFrame")
        if isinstance(value, pd.Series):
            if index is None:
                index, index_from = value.index, name
            elif not value.index.equals(index):
                raise ValueError(
                    f"{name} and {index_from} are Series with different indexes; align them first"
                )
        arr, is_int = as_counts(value, name)
        arrays.append(arr)
        integral.append(is_int)
    try:
        arrays = list(np.broadcast_arrays(*arrays)) if len(arrays) > 1 else arrays
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(a)}" for k, a in zip(values, arrays, strict=True))
        raise ValueError(f"inputs cannot be broadcast together: {shapes}") from None
    shape = arrays[0].shape

    def wrap(result: np.ndarray, name: str) -> Any:
        if index is not None:
            return pd.Series(result, index=index, name=name)
        if shape == ():
            return float(result)
        return result

    return arrays, integral, wrap
