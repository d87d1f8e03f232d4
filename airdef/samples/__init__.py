"""The bundled sample data (``data/sample/`` in the source tree).

Two kinds of sample live there: the synthetic data and a real attack
(``attack_2024-01-23``), which :func:`sample_files` lists, and the table of
attack nights compiled from public reports (``public_reports.csv``, built by
:mod:`airdef.samples.build`), which is reached by name with :func:`sample_path`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["PUBLIC_REPORTS", "sample_path", "sample_files"]

#: The file name of the table compiled from public reports.
PUBLIC_REPORTS = "public_reports.csv"

_COMPANIONS = (
    ".casualties.csv",
    ".evidence.csv",
    ".truth.csv",
    ".review.csv",
    ".disagreements.csv",
)


def _folder() -> Path:
    return Path(str(resources.files("airdef") / "data" / "sample"))


def sample_path(name: str) -> Path:
    """The path of a bundled sample file.

    Examples
    --------
    >>> sample_path("attack_2024-01-23.csv").name
    'attack_2024-01-23.csv'
    >>> sample_path(PUBLIC_REPORTS).name
    'public_reports.csv'
    """
    path = _folder() / name
    if not path.exists():
        available = ", ".join(p.name for p in sorted(_folder().glob("*.csv")))
        raise FileNotFoundError(f"no sample named {name!r}; available: {available}")
    return path


def sample_files() -> list[Path]:
    """The bundled sample events files the report uses by default, sorted by name.

    Companion tables (casualties, evidence, truth, review, disagreements) and the
    table compiled from public reports are left out.

    Examples
    --------
    >>> [p.name for p in sample_files()]
    ['attack_2024-01-23.csv', 'synthetic.csv']
    """
    return sorted(
        p
        for p in _folder().glob("*.csv")
        if not p.name.endswith(_COMPANIONS) and not p.name.startswith("public_reports")
    )
