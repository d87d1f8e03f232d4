"""Helpers shared inside :mod:`airdef.needs`: argument checks and the day of an event."""

from __future__ import annotations

import sys
import time
from typing import Any

import pandas as pd

__all__ = ["Progress", "event_day", "positive_int"]


def event_day(events: pd.DataFrame) -> pd.Series:
    """The calendar day each event happened (:func:`airdef.model.event_time`, normalized)."""
    from airdef.model import event_time

    return event_time(events).dt.normalize()


def positive_int(name: str, value: Any) -> int:
    """``value`` as an int, or a ValueError naming ``name`` unless it is a whole number >= 1."""
    if isinstance(value, bool) or not float(value).is_integer() or value < 1:
        raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
    return int(value)


class Progress:
    """A one-line progress bar on stderr, shown only on a terminal after about a second."""

    def __init__(self, total: int, enabled: bool | None) -> None:
        if enabled is None:
            enabled = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.start = time.perf_counter()
        self.shown = False

    def update(self, done: int) -> None:
        if not self.enabled or time.perf_counter() - self.start < 1.0:
            return
        width = 30
        filled = int(width * done / self.total)
        sys.stderr.write(
            f"\rprojecting needs [{'#' * filled}{'.' * (width - filled)}] "
            f"{done:,}/{self.total:,} draws"
        )
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
