"""What a report was built from: input formats, library versions, build time (the input
files themselves are described by :func:`airdef.analysis.inputs.input_files`)."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from importlib import metadata

from airdef.model import StrikeData

__all__ = ["LIBRARIES", "build_time", "formats", "library_versions"]

#: The libraries whose versions the report records.
LIBRARIES: tuple[str, ...] = (
    "numpy",
    "pandas",
    "scipy",
    "statsmodels",
    "matplotlib",
    "seaborn",
    "jinja2",
    "weasyprint",
)


def build_time() -> datetime:
    """Now in UTC, or the time in ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds).

    Examples
    --------
    >>> import os
    >>> os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    >>> build_time().isoformat()
    '2023-11-14T22:13:20+00:00'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}"
            ) from None
    return datetime.now(tz=UTC).replace(microsecond=0)


def library_versions() -> list[tuple[str, str]]:
    """(name, version) of Python, airdef and :data:`LIBRARIES`."""
    from airdef._version import __version__

    out = [("python", platform.python_version()), ("airdef", __version__)]
    for name in LIBRARIES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "not installed"))
    return out


def formats(data: StrikeData) -> set[str]:
    """The input formats that were loaded."""
    return set(data.provenance["format"].dropna().astype(str)) if len(data.provenance) else set()
