"""Section 3, interception rates by class and weapon, and true rates of synthetic data."""

from __future__ import annotations

from typing import Any

from airdef.analysis import Analysis, figure_rows
from airdef.report import fmt
from airdef.report.sections.layout import Numbering, notes, rate_columns, reliability_note, text

__all__ = ["rates_section"]


#: What the crosses of the forest plots mean, for their captions.
CROSSES = (
    "; crosses: too few independent attacks for the interval to say anything, so only the "
    "pooled estimate is drawn (section 3 tables give both)"
)


#: A weapon table longer than this shows only the weapons seen in two attacks or more.
MAX_WEAPON_ROWS = 70


def table_rows(table):
    """The weapon table's rows the report prints, and those it leaves out (``None`` when it
    prints all): past :data:`MAX_WEAPON_ROWS` rows, weapons seen in a single attack, whose
    rates can carry no interval, are left to the CSV table."""
    if len(table) <= MAX_WEAPON_ROWS:
        return table, None
    several = table["attacks"].fillna(0) >= 2
    return table.loc[several], table.loc[~several]


def rates_section(a: Analysis, num: Numbering, level: str) -> dict[str, Any]:
    pooled = a.by_class is not None and "rate_pooled" in a.by_class
    out: dict[str, Any] = {"pooled": pooled}
    out["class_figure"] = num.figure(
        "fig-class",
        f"Interception rate by weapon class with {level}s"
        + ("; diamonds: pooled estimates" if pooled else "")
        + CROSSES
        + ".",
    )
    out["by_class"] = num.table(
        "tab-class",
        "Interception rates by weapon class",
        a.by_class,
        [
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            *rate_columns(level, pooled),
        ],
        wide=True,
        note=" ".join(
            t
            for t in (
                "Neutralized: intercepted plus lost to electronic warfare (suppressed), over "
                "launched.",
                reliability_note(a.by_class, pooled=pooled),
                "Dispersion and excluded or censored rows per class are in "
                "tables/rates_by_class.csv.",
            )
            if t
        ),
    )
    out["class_notes"] = notes(a.by_class, "weapon_class")
    shown = len(figure_rows(a.by_weapon))
    total = int((a.by_weapon["launched"].fillna(0) > 0).sum())
    out["weapon_figure"] = num.figure(
        "fig-weapon",
        f"Interception rate by weapon with {level}s, grouped by class"
        + ("; diamonds: pooled toward the weapon's class" if pooled else "")
        + CROSSES
        + (
            f". Shown: the {shown} weapons with most launches (each at least 10 where possible); "
            f"all {total} are in tables/rates_by_weapon.csv."
            if shown < total
            else "."
        ),
    )
    rows, left_out = table_rows(a.by_weapon)
    out["by_weapon"] = num.table(
        "tab-weapon",
        "Interception rates by weapon"
        + (", for the weapons seen in two attacks or more" if left_out is not None else ""),
        rows,
        [
            ("Weapon", "text", lambda r: r["weapon"]),
            ("Class", "text", lambda r: fmt.class_title(r["weapon_class"])),
            *rate_columns(level, pooled, compact=True),
        ],
        wide=True,
        note=" ".join(
            t
            for t in (
                reliability_note(a.by_weapon, pooled=pooled),
                ""
                if left_out is None
                else f"Left out here: {fmt.plural(len(left_out), 'weapon')} seen in a single "
                f"attack ({fmt.plural(left_out['launched'].fillna(0).sum(), 'launch', 'launches')}"
                "), whose rates can carry no interval; they are in tables/rates_by_weapon.csv.",
                "Dispersion and excluded or censored rows per weapon are in "
                "tables/rates_by_weapon.csv.",
            )
            if t
        ),
    )
    out["weapon_notes"] = notes(a.by_weapon, "weapon")
    if a.truth is not None and len(a.truth):
        out["truth_figure"] = num.figure(
            "fig-truth", f"Estimated rates of the synthetic data ({level}s) against the true rates."
        )
        out["truth"] = num.table(
            "tab-truth",
            "Synthetic data: estimated against true rates",
            a.truth,
            [
                ("Weapon", "text", lambda r: r["weapon"]),
                ("Period", "text", lambda r: f"{fmt.date(r['period_start'])} to {fmt.date(r['period_end'])}"),
                ("Launched", "num", lambda r: fmt.count(r["launched"])),
                ("Estimated", "num", lambda r: fmt.pct(r["rate"])),
                (level, "num", lambda r: fmt.pct_ci(r["ci_low"], r["ci_high"])),
                ("Method", "text", lambda r: text(r["method"])),
                ("True rate", "num", lambda r: fmt.pct(r["reported_rate"])),
                ("Covered", "text", lambda r: "yes" if r["covered"] else "no"),
            ],
            note=f"True rates from {a.truth_source}. The true rate is the one the simulation's "
            "intercepted column measures (it differs from the physical rate where drones lost to "
            "electronic warfare are reported apart).",
            synthetic=True,
        )  # fmt: skip
    return out
