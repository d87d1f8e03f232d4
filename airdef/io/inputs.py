"""The inputs of an analysis as one :class:`~airdef.model.StrikeData` (:func:`load_inputs`).

How the inputs are described in a report (names, provenance, true rates beside synthetic
files) is :mod:`airdef.analysis.inputs`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from airdef.model import StrikeData

__all__ = ["load_inputs"]


def load_inputs(data: StrikeData | str | Path | Iterable[str | Path]) -> StrikeData:
    """``data`` as one StrikeData: returned as is, or read with :func:`airdef.load`.

    Raises
    ------
    ValueError
        For an empty list of paths.
    airdef.DataError
        When a file cannot be read.

    Examples
    --------
    >>> import airdef
    >>> data = load_inputs([airdef.sample_path("attack_2024-01-23.csv")])
    >>> load_inputs(data) is data
    True
    """
    if isinstance(data, StrikeData):
        return data
    from airdef.io import load

    if isinstance(data, str | Path):
        return load(data)
    paths = list(data)
    if not paths:
        raise ValueError("no input: give a StrikeData or at least one file path")
    return load(paths if len(paths) > 1 else paths[0])
