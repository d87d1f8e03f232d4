"""The section of published claims: each claimed rate beside airdef's, and a verdict."""

from __future__ import annotations

from typing import Any

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.sections.layout import UNINFORMATIVE, Numbering


def claims_section(a: Analysis, num: Numbering, level: str) -> dict[str, Any]:
    """The claims table and where the claims came from; empty without claims."""
    c = a.claims
    if c is None or c.empty:
        return {}
    outside = int(c["verdict"].eq("no data").sum())
    c = c.loc[c["verdict"].ne("no data")]
    if c.empty:
        return {}

    def shown(r: Any, low: str, high: str) -> str:
        if not fmt.is_missing(r.get("reliable")) and not bool(r["reliable"]):
            return UNINFORMATIVE
        if r["period"] == "change":
            return fmt.pp_ci(r[low], r[high])
        return fmt.pct_ci(r[low], r[high])

    def about(r: Any) -> str:
        if r.get("measure") == "neutralized":
            return f"{r['about']} (shot down or suppressed)"
        return str(r["about"])

    def value(r: Any, col: str) -> str:
        return fmt.pp(r[col]) if r["period"] == "change" else fmt.pct(r[col])

    return {
        "source": a.claims_source,
        "table": num.table(
            "tab-claims",
            "Published claims against airdef's estimate for the same classes and window",
            c,
            [
                ("Who, when", "text", lambda r: f"{r['who']}, {r['said_on']}"),
                ("About", "text", about),
                (
                    "Period",
                    "text",
                    lambda r: (
                        r["period"]
                        if r["period"] == "change"
                        else f"{r['period']} ({fmt.date(r['start'])} to {fmt.date(r['end'])})"
                    ),
                ),
                ("Claimed", "num", lambda r: value(r, "claimed")),
                ("Launched", "num", lambda r: fmt.count(r["launched"])),
                ("airdef", "num", lambda r: value(r, "rate")),
                (level, "num", lambda r: shown(r, "ci_low", "ci_high")),
                ("Verdict", "text", lambda r: r["verdict"]),
            ],
            note="Consistent: the claimed rate lies inside airdef's interval (for a change, the "
            "interval of the difference excludes zero with the claimed sign); not significant: "
            "the difference interval contains zero; contradicted: outside the interval; too few "
            "attacks: airdef's interval says next to nothing, so the claim is not tested. "
            + (
                f"{outside} claimed figure{'s' if outside != 1 else ''} about periods without "
                "launches in the data left out. "
                if outside
                else ""
            )
            + "Sources: "
            + "; ".join(dict.fromkeys(str(s) for s in c["source"] if s))
            + ".",
            synthetic=a.synthetic,
            wide=True,
        ),  # fmt: skip
    }
