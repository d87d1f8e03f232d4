"""Section 2, data quality: inputs, quarantine, unknown labels, excluded sources, breaks."""

from __future__ import annotations

from typing import Any

import pandas as pd

from airdef.analysis import Analysis
from airdef.report import fmt
from airdef.report.sections.layout import Numbering
from airdef.report.sections.trends import decoy_words

__all__ = ["quality_section"]


def quality_section(a: Analysis, num: Numbering) -> dict[str, Any]:
    q = a.quality
    out: dict[str, Any] = {"summary": q, "selection": a.selection}
    files = pd.DataFrame(a.inputs)
    out["files"] = num.table(
        "tab-inputs",
        "Inputs: rows read, loaded and quarantined",
        files,
        [
            ("File", "text", lambda r: r["path"]),
            ("Format", "text", lambda r: r["format"]),
            ("Rows read", "num", lambda r: fmt.count(r["rows_read"])),
            ("Loaded", "num", lambda r: fmt.count(r["rows_loaded"])),
            ("Quarantined", "num", lambda r: fmt.count(r["rows_quarantined"])),
        ],
        synthetic=False,
    ) if len(files) else None  # fmt: skip
    reasons = pd.DataFrame(list(q.quarantine_reasons.items()), columns=["reason", "rows"])
    out["reasons"] = num.table(
        "tab-quarantine",
        "Quarantined rows by reason",
        reasons,
        [("Reason", "text", lambda r: r["reason"]), ("Rows", "num", lambda r: fmt.count(r["rows"]))],
        note="Every quarantined row, with file, row, column and value, is in tables/quarantine.csv.",
        synthetic=False,
    ) if len(reasons) else None  # fmt: skip
    labels = pd.DataFrame(list(q.unknown_labels.items()), columns=["label", "rows"])
    out["unknown"] = num.table(
        "tab-unknown",
        "Weapon labels the catalog does not know (loaded with class “unknown”)",
        labels.head(40),
        [("Label as written", "text", lambda r: r["label"]), ("Rows", "num", lambda r: fmt.count(r["rows"]))],
        note=f"{len(labels) - 40} more in the validation output." if len(labels) > 40 else "",
        synthetic=False,
    ) if len(labels) else None  # fmt: skip
    excluded = pd.DataFrame(
        list(a.selection["excluded_reporters"].items()), columns=["reporter", "rows"]
    )
    out["excluded"] = num.table(
        "tab-excluded",
        "Sources left out by the source selection",
        excluded,
        [("Reporter", "text", lambda r: r["reporter"]), ("Rows", "num", lambda r: fmt.count(r["rows"]))],
        synthetic=False,
    ) if len(excluded) else None  # fmt: skip
    notes = []
    if q.blank_launched:
        notes.append(
            f"{fmt.plural(q.blank_launched, 'row has', 'rows have')} a blank launched count "
            "(unknown, not 0)."
        )
    if q.blank_intercepted:
        notes.append(
            f"{fmt.plural(q.blank_intercepted, 'row has', 'rows have')} a blank intercepted count "
            "(unknown, not 0)."
        )
    notes.append(
        f"{fmt.plural(q.censored, 'row carries', 'rows carry')} a count that is not exact "
        "(“at least”, “about”); such counts are used as stated and counted as censored in the "
        "rate tables."
    )
    if q.over_counted:
        notes.append(
            f"{fmt.plural(q.over_counted, 'row reports', 'rows report')} intercepted + suppressed "
            "above launched; kept, and left out of neutralized rates."
        )
    out["notes"] = notes
    b = a.breaks
    out["breaks"] = num.table(
        "tab-breaks",
        "Definition breaks detected in the data",
        b,
        [
            ("Weapon", "text", lambda r: r["weapon"]),
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            ("From", "text", lambda r: fmt.date(r["date"], "%Y-%m")),
            ("Change", "text", lambda r: "EW losses reported apart" if r["change"] == "separate"
             else "EW losses counted as intercepted"),
            ("Rate before", "num", lambda r: fmt.pct(r["rate_before"])),
            ("Rate after", "num", lambda r: fmt.pct(r["rate_after"])),
            ("EW share before", "num", lambda r: fmt.pct(r["suppressed_share_before"])),
            ("EW share after", "num", lambda r: fmt.pct(r["suppressed_share_after"])),
        ],
        note=f"Rates are intercepted / launched over {fmt.plural(a.methods.break_min_months, 'month')} "
        "with launches on each side of the break; "
        "EW share is drones reported lost to electronic warfare (suppressed) / launched.",
    ) if b is not None and len(b) else None  # fmt: skip
    out["decoy_words"] = decoy_words(a)
    return out
