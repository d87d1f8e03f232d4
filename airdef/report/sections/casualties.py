"""Section 6, casualties by city and district."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.sections.layout import Numbering

__all__ = ["casualties_section"]


def casualties_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    if a.casualties_by_city is None:
        return {}

    def people(col: str) -> Callable[[Any], str]:
        return lambda r: (
            fmt.MISSING
            if fmt.is_missing(r[col])
            else ("≥ " if r[f"{col}_at_least"] else "") + fmt.count(r[col])
        )

    city = a.casualties_by_city
    district = a.casualties_by_district
    out: dict[str, Any] = {
        "figure": num.figure("fig-casualties", "Killed and injured by city (sum of reported figures)."),
        "by_city": num.table(
            "tab-cas-city",
            "Casualties by city",
            city,
            [
                ("City", "text", lambda r: r["city"]),
                ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
                ("Killed", "num", people("killed")),
                ("Injured", "num", people("injured")),
            ],
            note="“≥”: a lower bound, because some figures were given as “at least” or are blank.",
        ),
        "by_district": num.table(
            "tab-cas-district",
            "Casualties by city and district" + (" (the 30 with most casualties)" if len(district) > 30 else ""),
            district.head(30),
            [
                ("City", "text", lambda r: r["city"]),
                ("District", "text", lambda r: r["district"]),
                ("Attacks", "num", lambda r: fmt.count(r["attacks"])),
                ("Killed", "num", people("killed")),
                ("Injured", "num", people("injured")),
            ],
            note="Every row is in tables/casualties_by_district.csv." if len(district) > 30 else "",
        ),
    }  # fmt: skip
    return out
