"""What a report was built from: input files, library versions, build time."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pandas as pd

from airdef.model import StrikeData

__all__ = ["LIBRARIES", "build_time", "input_files", "library_versions"]

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


def input_files(data: StrikeData) -> list[dict[str, str]]:
    """One record per input: shown name, format, sha256, row counts and, for a fetched
    dataset, where and when it was fetched (from ``SOURCE.txt`` beside it)."""
    from airdef.fetch import read_source_record
    from airdef.report.analysis import input_label

    out = []
    for row in data.provenance.itertuples(index=False):
        record = {
            "path": input_label(str(row.path)),
            "format": str(row.format),
            "sha256": str(row.sha256),
            "rows_read": row.rows_read,
            "rows_loaded": row.rows_loaded,
            "rows_quarantined": row.rows_quarantined,
            "fetched_from": "",
            "fetched_at": "",
        }
        source = read_source_record(Path(str(row.path)).parent)
        if source and source.get("sha256") in (None, "", record["sha256"]):
            record["fetched_from"] = source.get("url", "")
            record["fetched_at"] = source.get("fetched_at", "")
        out.append(record)
    return out


def formats(data: StrikeData) -> set[str]:
    """The input formats that were loaded."""
    return set(data.provenance["format"].dropna().astype(str)) if len(data.provenance) else set()


def period(events: pd.DataFrame) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last time of the events (window end, else start)."""
    when = events["time_end"].fillna(events["time_start"]).dropna()
    return (when.min(), when.max()) if len(when) else (None, None)
