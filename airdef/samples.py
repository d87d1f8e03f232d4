"""The bundled sample data (``data/sample/`` in the source tree)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["sample_path", "sample_files"]


def _folder() -> Path:
    return Path(str(resources.files("airdef") / "data" / "sample"))


def sample_path(name: str) -> Path:
    """The path of a bundled sample file.

    Examples
    --------
    >>> sample_path("attack_2024-01-23.csv").name
    'attack_2024-01-23.csv'
    """
    path = _folder() / name
    if not path.exists():
        available = ", ".join(p.name for p in sample_files())
        raise FileNotFoundError(f"no sample named {name!r}; available: {available}")
    return path


def sample_files() -> list[Path]:
    """Every bundled sample events file (companion tables excluded), sorted by name."""
    return sorted(
        p
        for p in _folder().glob("*.csv")
        if not p.name.endswith((".casualties.csv", ".evidence.csv", ".truth.csv"))
    )
