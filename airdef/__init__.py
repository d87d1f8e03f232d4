"""airdef: interception rates with honest intervals from public strike reports.

The public API is re-exported here and imported on first use, so that
``import airdef`` and the command line start quickly.

Examples
--------
>>> import airdef
>>> data = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
>>> data
StrikeData(1 events in 1 attacks, 2024-01-23 to 2024-01-23, 2 casualty rows, 0 quarantined)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from airdef._version import __version__
from airdef.errors import DataError

# name -> module that defines it
_EXPORTS: dict[str, str] = {
    "StrikeData": "airdef.model",
    "concat": "airdef.model",
    "load": "airdef.io",
    "load_catalog": "airdef.catalog",
    "summarize": "airdef.validate",
    "sample_path": "airdef.samples",
}

__all__ = ["DataError", "__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'airdef' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from airdef.catalog import load_catalog
    from airdef.io import load
    from airdef.model import StrikeData, concat
    from airdef.samples import sample_path
    from airdef.validate import summarize
