"""Score the reader against annotated corpus entries (the corpus README's rules).

An entry is *fully right* when the attack date, every top-level weapon group
(class, launched and intercepted with qualifiers, suppressed where annotated)
and every casualty entry (city, district, killed and injured with qualifiers)
match, and nothing else was reported. With ``nested=True`` the subsets and
their ``part_of`` links must match too. Groups are
matched by class and numbers with the label as a loose tie-breaker; casualty
entries by city and district.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

import airdef
from airdef.io.text import NoCountsWarning

# The corpus's coarse classes and the airdef classes each may become.
CLASSES = {
    "drone": {"strike_drone", "recon_drone"},
    "cruise": {"cruise_missile"},
    "guided": {"cruise_missile"},  # airdef files Kh-59/Kh-69 under cruise_missile
    "ballistic": {"ballistic_missile"},
    "anti_aircraft": {"anti_aircraft_missile"},
    "guided_bomb": {"guided_bomb"},
    "unknown": {"unknown"},
    "mixed": {"mixed"},
}
COUNTS = (
    ("launched", "launched"),
    ("launched_qual", "launched_qualifier"),
    ("intercepted", "intercepted"),
    ("intercepted_qual", "intercepted_qualifier"),
)
CASUALTY_COUNTS = (
    ("killed", "killed"),
    ("killed_qual", "killed_qualifier"),
    ("injured", "injured"),
    ("injured_qual", "injured_qualifier"),
)


def read_entries(path: Path) -> list[dict]:
    """The entries of one corpus file, or an empty list when it is absent."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _words(label: str) -> set[str]:
    return set(re.findall(r"\w+", str(label).lower()))


def _same(value, expected) -> bool:
    return (pd.isna(value) and expected is None) or (not pd.isna(value) and value == expected)


def _fits(events: pd.DataFrame, i, want: dict) -> bool:
    if events.at[i, "weapon_class"] not in CLASSES[want["class"]]:
        return False
    if not all(_same(events.at[i, col], want[key]) for col, key in COUNTS):
        return False
    return "suppressed" not in want or _same(events.at[i, "suppressed"], want["suppressed"])


def weapon_problems(events: pd.DataFrame, expected: list[dict]) -> list[str]:
    """Why the weapon rows differ from the annotation (empty when they agree)."""
    free = set(events.index)
    matched: dict[int, int] = {}
    problems = []
    for k, want in enumerate(expected):
        fits = [i for i in free if _fits(events, i, want)]
        if not fits:
            problems.append(f"no row for {want['class']} {want['weapon']!r}")
            continue
        best = max(
            fits, key=lambda i: len(_words(events.at[i, "weapon_label"]) & _words(want["weapon"]))
        )
        matched[k] = best
        free.discard(best)
    for i in sorted(free):
        problems.append(f"extra row {events.at[i, 'weapon_label']!r}")
    labels = {w["weapon"]: k for k, w in enumerate(expected)}
    for k, want in enumerate(expected):
        if k not in matched:
            continue
        row = events.loc[matched[k]]
        if want["part_of"] is None:
            if not pd.isna(row["part_of"]):
                problems.append(f"{want['weapon']!r} should have no parent")
        else:
            parent = matched.get(labels.get(want["part_of"], -1))
            if parent is None or row["part_of"] != events.at[parent, "weapon_label"]:
                problems.append(f"{want['weapon']!r} should be part of {want['part_of']!r}")
    return problems


def casualty_problems(cas: pd.DataFrame, expected: list[dict]) -> list[str]:
    """Why the casualty rows differ from the annotation (empty when they agree)."""
    problems = []
    if len(cas) != len(expected):
        problems.append(f"{len(cas)} casualty rows, {len(expected)} expected")
    for c in expected:
        cities = c["city"] if isinstance(c["city"], list) else [c["city"]] if c["city"] else []
        same_city = pd.Series(
            [set(filter(None, s.split("; "))) == set(cities) for s in cas["city"].fillna("")],
            index=cas.index,
            dtype=bool,
        )
        hit = cas.loc[same_city & cas["district"].fillna("").eq(c["district"] or "")]
        if len(hit) != 1:
            problems.append(f"no single casualty row for {c['city']}/{c['district']}")
            continue
        row = hit.iloc[0]
        for col, key in CASUALTY_COUNTS:
            if not _same(row[col], c[key]):
                problems.append(f"{c['city']}/{c['district']} {col} {row[col]} != {c[key]}")
    return problems


def problems(entry: dict, *, nested: bool = False) -> list[str]:
    """Every difference between the reader's output and one annotated entry.

    By default only the top-level groups (``part_of`` null) are compared, as
    the measure of the corpus README; ``nested=True`` compares subsets too.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoCountsWarning)  # an item may hold no count
        data = airdef.parse_report(
            entry["text"], published=entry["published"], source=entry["source_url"]
        )
    want = entry["expected"]
    events = data.events
    out = []
    days = pd.concat([events["time_start"], data.casualties["date"]]).dropna().unique()
    got = sorted({str(pd.Timestamp(d).date()) for d in days})
    if got != ([want["date"]] if want["date"] else []):
        out.append(f"date {got} != {want['date']}")
    weapons = want["weapons"]
    if not nested:
        events = events.loc[events["part_of"].isna()]
        weapons = [w for w in weapons if w["part_of"] is None]
    out += weapon_problems(events, weapons)
    out += casualty_problems(data.casualties, want["casualties"])
    return out


def shares(entries: Iterable[dict], *, nested: bool = False) -> dict[str, tuple[int, int]]:
    """Language -> (entries fully right, entries)."""
    out: dict[str, list[int]] = {}
    for entry in entries:
        lang = entry.get("lang", "en")
        lang = "uk" if lang == "ru" else lang  # Russian items are scored with the Ukrainian set
        tally = out.setdefault(lang, [0, 0])
        tally[0] += not problems(entry, nested=nested)
        tally[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}
