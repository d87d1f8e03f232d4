"""The "Massive Missile Attacks on Ukraine" daily CSV (Ukrainian Air Force reports).

Both published schemas load: the 19-column one (to mid-2025, with
``cross_border_belarus`` and ``back_russia``) and the 22-column one (with
``border_crossing``, ``is_shahed``, ``target_main``, ``turbojet``). Columns used:

==================  =======================================================
source column       canonical column
==================  =======================================================
time_start          time_start (date-only, unpadded and padded forms)
time_end            time_end
model               weapon_label (kept as written), weapon, weapon_class
launched            launched (floats such as ``236.0`` become integers)
destroyed           intercepted (from 2026 includes drones suppressed by EW)
not_reach_goal      suppressed ("locationally lost", mostly electronic warfare)
still_attacking     still_attacking
is_shahed           shahed_type (of those launched, how many were Shahed-type strike
                    drones rather than decoys such as Gerbera; rounded, from mid-2025)
target              target
launch_place        launch_place
carrier             carrier
launched_details    launched_details (the source's own split, as written)
source              source; its channel (``kpszsu``, ``PvKPivden``...) -> reporter
==================  =======================================================

Rows of one post and window (``source``, ``time_start``, ``time_end``) share an
``attack_id``. Other columns (free-text details, border crossings) are not carried
into the canonical model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from airdef.io.convert import attack_ids, build_events

__all__ = ["COLUMN_MAP", "REQUIRED", "looks_like", "reporter_of", "from_rows"]

#: Columns that identify the format.
REQUIRED = frozenset({"time_start", "time_end", "model", "launched", "destroyed"})

#: canonical column -> Air Force column
COLUMN_MAP: dict[str, str] = {
    "time_start": "time_start",
    "time_end": "time_end",
    "weapon_label": "model",
    "launched": "launched",
    "intercepted": "destroyed",
    "suppressed": "not_reach_goal",
    "still_attacking": "still_attacking",
    "shahed_type": "is_shahed",
    "target": "target",
    "launch_place": "launch_place",
    "carrier": "carrier",
    "launched_details": "launched_details",
    "source": "source",
}

_TELEGRAM = re.compile(r"^https?://t\.me/(?:s/)?(?P<ch>[^/?#]+)", re.IGNORECASE)
_URL_HOST = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/", re.IGNORECASE
)


def looks_like(header: Iterable[str]) -> bool:
    """True if a header has the Air Force daily columns."""
    return REQUIRED <= set(header)


def reporter_of(source: pd.Series) -> pd.Series:
    """The channel behind each source post.

    ``kpszsu/posts/...`` -> ``kpszsu``; ``https://t.me/kpszsu/22252`` -> ``kpszsu``;
    ``kharkivoda.gov.ua/news/1`` -> ``kharkivoda.gov.ua``; a Facebook ``watch/?v=``
    video -> ``facebook-video``.

    Examples
    --------
    >>> reporter_of(pd.Series(["kpszsu/posts/pfbid0", "https://t.me/war_monitor/27083",
    ...                        "watch/?v=1216014506516442", None])).tolist()
    ['kpszsu', 'war_monitor', 'facebook-video', <NA>]
    """
    text = source.astype("string").str.strip()
    telegram = text.str.extract(_TELEGRAM)["ch"]
    host = text.str.extract(_URL_HOST)["host"]
    first = text.str.split("/", n=1).str[0]
    out = telegram.fillna(host).fillna(first)
    out = out.where(~text.str.startswith("watch/?").fillna(False), "facebook-video")
    return out.where(text.notna() & (text != "")).astype("string")


def from_rows(rows: pd.DataFrame, *, origin: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Convert Air Force rows (strings indexed by source row) to events and quarantine."""
    present = {k: v for k, v in COLUMN_MAP.items() if v in rows.columns}
    events, quarantine = build_events(rows, present, origin=origin)
    if "source" not in events:
        events["source"] = pd.Series(pd.NA, index=events.index, dtype="string")
    events["reporter"] = reporter_of(events["source"])
    events["attack_id"] = attack_ids(
        events["reporter"], events["source"], events["time_start"], events["time_end"]
    )
    events["launched_qual"] = pd.Series("exact", index=events.index).where(
        events["launched"].notna()
    )
    events["intercepted_qual"] = pd.Series("exact", index=events.index).where(
        events["intercepted"].notna()
    )
    return events, quarantine
