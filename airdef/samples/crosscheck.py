"""Compare compiled nights with a reference table (the Air Force's national channel).

Both sides are reduced to national totals per night and weapon group: strike
and reconnaissance drones, cruise, ballistic and anti-aircraft
missiles, and ``missiles``: the total of every missile count of the night, compared
with the reference's total of all missiles that night only where some compiled
count gives no type (classes ``unknown`` and ``mixed``). A strike-drone figure
also agrees when it matches the reference's total of all drones that night (strike,
reconnaissance and drones of unidentified type), since the press often counts them
together. Only groups without a parent (``part_of`` blank) are summed. A night is
the day its window ended (:func:`airdef.model.event_time`).

A compiled figure agrees with the reference when it is consistent with its
qualifier: ``exact`` equal, ``at_least`` not above the reference, ``at_most``
not below it, ``approx`` within 5% (at least 2).
"""

from __future__ import annotations

import pandas as pd

from airdef.model import StrikeData, event_time

__all__ = ["GROUPS", "agrees", "cross_check", "night_totals"]

#: airdef weapon class -> comparison group.
GROUPS: dict[str, str] = {
    "strike_drone": "strike_drone",
    "recon_drone": "recon_drone",
    "cruise_missile": "cruise_missile",
    "ballistic_missile": "ballistic_missile",
    "anti_aircraft_missile": "anti_aircraft_missile",
    "unknown": "missiles",
    "mixed": "missiles",
}
_DRONE_WORDS = r"(?i)\bUAVs?\b|drone|БпЛА|БПЛА|дрон|беспилот|безпілот"
_DRONES = ("strike_drone", "recon_drone", "other_drone")
_MISSILES = ("cruise_missile", "ballistic_missile", "anti_aircraft_missile", "missiles")


def _combined_qualifier(quals: pd.Series) -> str | None:
    present = set(quals.dropna())
    if not present:
        return None
    if present <= {"exact"}:
        return "exact"
    for one in ("at_least", "at_most"):
        if present <= {"exact", one}:
            return one
    return "approx"


def night_totals(events: pd.DataFrame, *, missiles_total: bool = False) -> pd.DataFrame:
    """National launched and intercepted per night and comparison group.

    With ``missiles_total`` every missile class is also added into the
    ``missiles`` group (the reference side of a count that gives no type).

    Examples
    --------
    >>> ev = pd.DataFrame({"time_start": pd.to_datetime(["2023-05-16"] * 2),
    ...     "time_end": pd.NaT, "weapon_class": ["cruise_missile", "ballistic_missile"],
    ...     "launched": pd.array([9, 6], dtype="Int64"), "launched_qual": ["exact", "exact"],
    ...     "intercepted": pd.array([9, 6], dtype="Int64"),
    ...     "intercepted_qual": ["exact", "exact"], "part_of": pd.NA})
    >>> night_totals(ev, missiles_total=True)[["group", "launched", "intercepted"]]
                   group  launched  intercepted
    0  ballistic_missile         6            6
    1     cruise_missile         9            9
    2           missiles        15           15
    """
    ev = events[events["part_of"].isna()] if "part_of" in events else events
    ev = ev[ev["weapon_class"].isin(list(GROUPS))]
    # a row of unknown class that names a drone ("Unknown UAV") is a drone of
    # unidentified type, not a missile: it counts only in the night's drone total
    blank = pd.Series("", index=ev.index, dtype="string")
    label = ev.get("weapon_label", blank).fillna("") + " " + ev.get("weapon", blank).fillna("")
    drone = ev["weapon_class"].eq("unknown") & label.str.contains(_DRONE_WORDS)
    group = ev["weapon_class"].map(GROUPS).mask(drone, "other_drone")
    frame = pd.DataFrame(
        {
            "date": event_time(ev).dt.normalize(),
            "group": group,
            "launched": ev["launched"],
            "launched_qual": ev["launched_qual"],
            "intercepted": ev["intercepted"],
            "intercepted_qual": ev["intercepted_qual"],
        }
    )
    if missiles_total:
        extra = frame[frame["group"].isin(_MISSILES[:-1])].assign(group="missiles")
        drones = frame[frame["group"].isin(_DRONES)].assign(group="all_drones")
        frame = pd.concat([frame, extra, drones], ignore_index=True)
    frame = frame[frame["group"] != "other_drone"]
    grouped = frame.groupby(["date", "group"], sort=True)
    out = grouped[["launched", "intercepted"]].sum(min_count=1)
    out["launched_qual"] = grouped["launched_qual"].agg(_combined_qualifier)
    out["intercepted_qual"] = grouped["intercepted_qual"].agg(_combined_qualifier)
    out = out.reset_index()
    for col in ("launched", "intercepted"):
        out[col] = out[col].astype("Int64")
    return out[["date", "group", "launched", "launched_qual", "intercepted", "intercepted_qual"]]


def agrees(value: pd.Series, qual: pd.Series, reference: pd.Series) -> pd.Series:
    """Whether each compiled figure is consistent with the reference (blank: no figure).

    Examples
    --------
    >>> agrees(pd.Series([71, 90, 5]), pd.Series(["at_least", "approx", "exact"]),
    ...        pd.Series([71, 93, 6])).tolist()
    [True, True, False]
    """
    v = value.astype("Float64")
    r = reference.astype("Float64")
    ok = pd.Series(pd.NA, index=value.index, dtype="boolean")
    ok = ok.mask(qual.eq("exact"), r.eq(v))
    ok = ok.mask(qual.eq("at_least"), r.ge(v))
    ok = ok.mask(qual.eq("at_most"), r.le(v))
    tolerance = (v * 0.05).clip(lower=2)
    ok = ok.mask(qual.eq("approx"), (r - v).abs().le(tolerance))
    ok = ok.mask(value.notna() & reference.isna(), False)
    return ok.mask(value.isna(), pd.NA)


def cross_check(compiled: StrikeData, reference: StrikeData) -> pd.DataFrame:
    """One row per compiled (night, group) that the reference also covers.

    Columns: ``date``, ``group``, the compiled ``launched``/``intercepted`` with
    their qualifiers, the reference's ``ref_launched``/``ref_intercepted``,
    ``launched_agrees``/``intercepted_agrees`` (blank where the compiled figure
    is blank) and ``agrees`` (every compiled figure agrees).
    """
    mine = night_totals(compiled.events, missiles_total=True)
    # a night's missile total is compared only where some count gave no type
    untyped = night_totals(compiled.events)
    untyped = set(map(tuple, untyped.loc[untyped["group"] == "missiles", ["date", "group"]].values))
    keys = list(zip(mine["date"], mine["group"], strict=True))
    mine = mine[[g != "missiles" or (d, g) in untyped for d, g in keys]]
    mine = mine[mine["group"] != "all_drones"]
    theirs = night_totals(reference.events, missiles_total=True)
    theirs = theirs.rename(columns={"launched": "ref_launched", "intercepted": "ref_intercepted"})
    both = mine.merge(
        theirs[["date", "group", "ref_launched", "ref_intercepted"]],
        on=["date", "group"],
        how="inner",
    )
    both = both[both["launched"].notna() | both["intercepted"].notna()]
    # a strike-drone figure may also be the night's total of all drones
    alls = theirs.loc[theirs["group"] == "all_drones", ["date", "ref_launched", "ref_intercepted"]]
    alls = alls.rename(columns=lambda c: c.replace("ref_", "all_drones_"))
    both = both.merge(alls, on="date", how="left")
    strike = both["group"].eq("strike_drone")

    def agree_all(ref_prefix: str) -> pd.Series:
        out = pd.Series(True, index=both.index, dtype="boolean")
        for f in ("launched", "intercepted"):
            ok = agrees(both[f], both[f"{f}_qual"], both[f"{ref_prefix}{f}"])
            out &= ok.fillna(True)
        return out

    for f in ("launched", "intercepted"):
        both[f"{f}_agrees"] = agrees(both[f], both[f"{f}_qual"], both[f"ref_{f}"])
    both["agrees"] = agree_all("ref_") | (strike & agree_all("all_drones_"))
    return both.drop(columns=["all_drones_launched", "all_drones_intercepted"]).reset_index(
        drop=True
    )
