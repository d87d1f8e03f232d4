"""What was loaded: the validation summary behind ``airdef validate``."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from airdef.catalog import WEAPON_CLASSES, load_catalog
from airdef.model import StrikeData, event_time

__all__ = ["ValidationSummary", "summarize", "unknown_labels", "over_counted"]


def unknown_labels(events: pd.DataFrame) -> pd.Series:
    """Rows per weapon label that left the weapon's class unknown, most frequent first.

    A label the catalog does not know but whose class is known (a text report's
    "Shahed drones", classified from its words) is not listed.
    """
    labels = events["weapon_label"].dropna()
    known = load_catalog().resolve(labels)["known"]
    unclassified = events.loc[labels.index, "weapon_class"].fillna("unknown").eq("unknown")
    counts = labels[~known & unclassified].value_counts()
    counts.index.name = "weapon_label"
    return counts.rename("rows")


def over_counted(events: pd.DataFrame) -> pd.DataFrame:
    """Rows where intercepted + suppressed exceeds launched (kept; flagged for neutralized rates)."""
    total = events["intercepted"].fillna(0) + events["suppressed"].fillna(0)
    hit = (events["suppressed"].notna() & (total > events["launched"])).fillna(False)
    return events.loc[hit]


def _rows(n: int) -> str:
    return f"{n:,} row" + ("" if n == 1 else "s")


@dataclass
class ValidationSummary:
    """Counts and lists that describe a load, for people and for tests.

    Attributes are plain Python values; ``str(summary)`` gives the text that
    ``airdef validate`` prints.
    """

    files: list[dict] = field(default_factory=list)
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    attacks: int = 0
    first: pd.Timestamp | None = None
    last: pd.Timestamp | None = None
    reporters: dict[str, int] = field(default_factory=dict)
    classes: dict[str, dict[str, int]] = field(default_factory=dict)
    unknown_labels: dict[str, int] = field(default_factory=dict)
    blank_launched: int = 0
    blank_intercepted: int = 0
    censored: int = 0
    over_counted: int = 0
    casualty_rows: int = 0

    def __str__(self) -> str:
        lines = []
        for f in self.files:
            lines.append(f"{f['path']}  ({f['format']}, sha256 {str(f['sha256'])[:12]}…)")
        lines.append(
            f"rows read {self.rows_read:,}  loaded {self.rows_loaded:,}  "
            f"quarantined {self.rows_quarantined:,}"
        )
        for reason, n in self.quarantine_reasons.items():
            lines.append(f"  quarantined {n:>5,}  {reason}")
        if self.first is not None:
            lines.append(
                f"period     {self.first:%Y-%m-%d %H:%M} to {self.last:%Y-%m-%d %H:%M}, "
                f"{self.attacks:,} attack{'' if self.attacks == 1 else 's'}"
            )
        if self.reporters:
            lines.append("sources    " + ", ".join(f"{k} {v:,}" for k, v in self.reporters.items()))
        if self.classes:
            lines.append("classes    rows   launched  intercepted")
            for cls, c in self.classes.items():
                lines.append(
                    f"  {cls:<22}{c['rows']:>6,} {c['launched']:>10,} {c['intercepted']:>12,}"
                )
        if self.unknown_labels:
            lines.append(
                "unknown labels (class 'unknown'): "
                + ", ".join(f"{k!r} ({v})" for k, v in self.unknown_labels.items())
            )
        notes = []
        if self.blank_launched:
            notes.append(f"{_rows(self.blank_launched)} with launched blank (unknown, not 0)")
        if self.blank_intercepted:
            notes.append(f"{_rows(self.blank_intercepted)} with intercepted blank (unknown, not 0)")
        if self.censored:
            notes.append(
                f"{_rows(self.censored)} with a count that is not exact (at least, at most, about)"
            )
        if self.over_counted:
            notes.append(
                f"{_rows(self.over_counted)} where intercepted + suppressed exceeds launched "
                "(kept; left out of neutralized rates)"
            )
        if self.casualty_rows:
            notes.append(
                f"{self.casualty_rows:,} casualty row{'s' if self.casualty_rows != 1 else ''}"
            )
        lines.extend("note       " + n for n in notes)
        return "\n".join(lines)


def summarize(data: StrikeData) -> ValidationSummary:
    """Summarize a :class:`StrikeData` for ``airdef validate`` and reports.

    Examples
    --------
    >>> import airdef
    >>> s = summarize(airdef.load(airdef.sample_path("attack_2024-01-23.csv")))
    >>> s.rows_read, s.rows_loaded, s.classes["mixed"]["launched"]
    (3, 3, 41)
    """
    ev = data.events
    prov = data.provenance
    q = data.quarantine
    by_reason: dict[str, int] = {}
    if len(q):
        first_reason = q.drop_duplicates(["origin", "source_row"])
        # Group alike reasons: quoted values and numbers become placeholders.
        kind = (
            first_reason["reason"]
            .str.replace(r"'[^']*'", "'…'", regex=True)
            .str.replace(r"\d+(?:[.,]\d+)*", "N", regex=True)
        )
        by_reason = kind.value_counts().to_dict()
    when = event_time(ev).dropna()
    classes: dict[str, dict[str, int]] = {}
    if len(ev):
        grouped = ev.groupby("weapon_class", observed=True).agg(
            rows=("weapon_class", "size"),
            launched=("launched", "sum"),
            intercepted=("intercepted", "sum"),
        )
        for cls in WEAPON_CLASSES:
            if cls in grouped.index:
                classes[cls] = {k: int(v) for k, v in grouped.loc[cls].items()}
    censored = (ev["launched_qual"].notna() & (ev["launched_qual"] != "exact")) | (
        ev["intercepted_qual"].notna() & (ev["intercepted_qual"] != "exact")
    )
    return ValidationSummary(
        files=prov.to_dict("records"),
        rows_read=int(prov["rows_read"].sum()),
        rows_loaded=int(prov["rows_loaded"].sum()),
        rows_quarantined=int(prov["rows_quarantined"].sum()),
        quarantine_reasons=by_reason,
        attacks=int(ev["attack_id"].nunique()),
        first=when.min() if len(when) else None,
        last=when.max() if len(when) else None,
        reporters={str(k): int(v) for k, v in ev["reporter"].value_counts().items()},
        classes=classes,
        unknown_labels={str(k): int(v) for k, v in unknown_labels(ev).items()},
        blank_launched=int(ev["launched"].isna().sum()),
        blank_intercepted=int(ev["intercepted"].isna().sum()),
        censored=int(censored.sum()),
        over_counted=len(over_counted(ev)),
        casualty_rows=len(data.casualties),
    )
