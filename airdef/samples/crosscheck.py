"""Compare compiled nights with a reference table (the Air Force's national channel).

Both sides are reduced to national totals per night and weapon group: strike
and reconnaissance drones, cruise, ballistic and anti-aircraft missiles;
``missiles``, the total of every missile count of the night, compared with the
reference's total of all missiles that night only where some compiled count gives
no type (classes ``unknown`` and ``mixed``); and ``air_targets``, a count of
missiles and drones together (a ``mixed`` group with a drone among its parts, or
whose label names drones), compared with the reference's total of everything
launched that night. Only groups without a parent (``part_of`` blank) are summed.
A night is the day its window ended (:func:`airdef.model.event_time`).

A compiled figure is compared with several readings of the reference, because
pages and the table cut the same events differently; it agrees when it matches
any of them:

* the reference's whole day (every window that ended that day) or one of its
  reporting windows alone (a page's overnight tally leaves out the daytime report
  and the evening salvo the table files under the same date);
* for a strike-drone figure, also the reference's total of all drones (strike,
  reconnaissance and of unidentified type), since the press often counts them
  together;
* for an intercept figure given without a separate ``suppressed`` count, also the
  reference's shot down plus suppressed (lost to electronic warfare), since a page
  often quotes the Air Force's "shot down or suppressed" figure as one number.

A figure is consistent with a reference value under its qualifier: ``exact``
equal, ``at_least`` at most one above the reference, ``at_most`` not below it,
``approx`` within 5% (at least 2). The one to spare for ``at_least`` is the corpus
convention: "more than 50" is stored as at least 51, while the Air Force table records
the 50 that the Air Force said "more than" of (and a hedge before a list, "over 300
drones and eight missiles", makes the eight "at least 9").
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
_FIGURES = ("launched", "intercepted", "suppressed")
_DAY = pd.Timestamp(0)  # the window key of a whole day


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


def _groups(events: pd.DataFrame) -> pd.Series:
    """The comparison group of each row without a parent (other rows: blank)."""
    blank = pd.Series("", index=events.index, dtype="string")
    label = events.get("weapon_label", blank).fillna("") + " " + events.get("weapon", blank)
    label = label.fillna("")
    named_drone = label.str.contains(_DRONE_WORDS)
    group = events["weapon_class"].map(GROUPS)
    # a row of unknown class that names a drone ("Unknown UAV") is a drone of
    # unidentified type, not a missile: it counts only in the night's drone total
    group = group.mask(events["weapon_class"].eq("unknown") & named_drone, "other_drone")
    # a mixed count with a drone among its parts, or naming drones, is of air targets
    parts = events.get("part_of", pd.Series(pd.NA, index=events.index))
    night = event_time(events).dt.normalize()
    drone_parts = events["weapon_class"].isin(_DRONES) | (
        events["weapon_class"].eq("unknown") & named_drone
    )
    key = night.astype("string") + "|" + events.get("weapon_label", blank).astype("string")
    parents = (night.astype("string") + "|" + parts.astype("string"))[drone_parts & parts.notna()]
    has_drone_part = key.isin(parents).fillna(False)
    mixed = events["weapon_class"].eq("mixed")
    group = group.mask(mixed & (has_drone_part | named_drone), "air_targets")
    return group.where(parts.isna())


def night_totals(
    events: pd.DataFrame, *, missiles_total: bool = False, windows: bool = False
) -> pd.DataFrame:
    """National launched, intercepted and suppressed per night and comparison group.

    With ``missiles_total`` every missile class is also added into the
    ``missiles`` group, every drone into ``all_drones`` and everything into
    ``air_targets`` (the reference side of counts that give no type). With
    ``windows`` the totals are also given for each reporting window (each distinct
    ``time_start`` and ``time_end``) beside the whole day; column ``window`` names
    the window, and is ``"day"`` for the whole day.

    Examples
    --------
    >>> ev = pd.DataFrame({"time_start": pd.to_datetime(["2023-05-16"] * 2),
    ...     "time_end": pd.NaT, "weapon_class": ["cruise_missile", "ballistic_missile"],
    ...     "launched": pd.array([9, 6], dtype="Int64"), "launched_qual": ["exact", "exact"],
    ...     "intercepted": pd.array([9, 6], dtype="Int64"),
    ...     "intercepted_qual": ["exact", "exact"], "part_of": pd.NA})
    >>> night_totals(ev, missiles_total=True)[["group", "launched", "intercepted"]]
                   group  launched  intercepted
    0        air_targets        15           15
    1  ballistic_missile         6            6
    2     cruise_missile         9            9
    3           missiles        15           15
    """
    group = _groups(events)
    ev = events[group.notna()]
    blank = pd.Series(pd.NA, index=ev.index, dtype="Int64")
    frame = pd.DataFrame(
        {
            "date": event_time(ev).dt.normalize(),
            "window": ev["time_start"].astype("string").fillna("")
            + "/"
            + ev["time_end"].astype("string").fillna(""),
            "group": group[group.notna()],
            **{f: ev[f] if f in ev else blank for f in _FIGURES},
            "launched_qual": ev["launched_qual"],
            "intercepted_qual": ev["intercepted_qual"],
        }
    )
    if missiles_total:
        extra = frame[frame["group"].isin(_MISSILES[:-1])].assign(group="missiles")
        drones = frame[frame["group"].isin(_DRONES)].assign(group="all_drones")
        targets = frame[frame["group"] != "air_targets"].assign(group="air_targets")
        frame = pd.concat([frame, extra, drones, targets], ignore_index=True)
    day = frame.assign(window="day")
    frame = pd.concat([day, frame], ignore_index=True) if windows else day
    frame = frame[frame["group"] != "other_drone"]
    grouped = frame.groupby(["date", "window", "group"], sort=True)
    out = grouped[list(_FIGURES)].sum(min_count=1)
    out["launched_qual"] = grouped["launched_qual"].agg(_combined_qualifier)
    out["intercepted_qual"] = grouped["intercepted_qual"].agg(_combined_qualifier)
    out = out.reset_index()
    for col in _FIGURES:
        out[col] = out[col].astype("Int64")
    columns = ["date", "window"] if windows else ["date"]
    columns += ["group", "launched", "launched_qual", "intercepted", "intercepted_qual"]
    return out[[*columns, "suppressed"]]


def agrees(value: pd.Series, qual: pd.Series, reference: pd.Series) -> pd.Series:
    """Whether each compiled figure is consistent with the reference (blank: no figure).

    Examples
    --------
    >>> agrees(pd.Series([71, 71, 90, 5]), pd.Series(["at_least", "at_least", "approx", "exact"]),
    ...        pd.Series([70, 69, 93, 6])).tolist()
    [True, False, True, False]
    """
    v = value.astype("Float64")
    r = reference.astype("Float64")
    ok = pd.Series(pd.NA, index=value.index, dtype="boolean")
    ok = ok.mask(qual.eq("exact"), r.eq(v))
    ok = ok.mask(qual.eq("at_least"), r.ge(v - 1))  # "more than 70" is at least 71
    ok = ok.mask(qual.eq("at_most"), r.le(v))
    tolerance = (v * 0.05).clip(lower=2)
    ok = ok.mask(qual.eq("approx"), (r - v).abs().le(tolerance))
    ok = ok.mask(value.notna() & reference.isna(), False)
    return ok.mask(value.isna(), pd.NA)


#: the reference groups a compiled group may also be matched against
_ALSO = {"strike_drone": "all_drones"}


def cross_check(compiled: StrikeData, reference: StrikeData) -> pd.DataFrame:
    """One row per compiled (night, group) that the reference also covers.

    Columns: ``date``, ``group``, the compiled ``launched``/``intercepted`` with
    their qualifiers, the reference's whole-day ``ref_launched``/``ref_intercepted``,
    ``launched_agrees``/``intercepted_agrees`` against the whole day (blank where
    the compiled figure is blank), ``agrees`` (every compiled figure agrees with
    one reading of the reference, see the module documentation) and ``matched``:
    the reading that agreed (``day``, ``window``, ``all drones``, with
    ``+ suppressed`` where the intercept figure included suppressed drones), blank
    for a disagreement.

    Examples
    --------
    >>> def night(rows):
    ...     cols = ["time_start", "time_end", "weapon_class", "launched", "intercepted",
    ...             "suppressed"]
    ...     ev = pd.DataFrame(rows, columns=cols).assign(
    ...         launched_qual="exact", intercepted_qual="exact", part_of=pd.NA)
    ...     for c in ("time_start", "time_end"):
    ...         ev[c] = pd.to_datetime(ev[c])
    ...     for c in ("launched", "intercepted", "suppressed"):
    ...         ev[c] = ev[c].astype("Int64")
    ...     return StrikeData(events=ev)
    >>> page = night([["2025-06-01", "2025-06-01", "strike_drone", 472, 382, None]])
    >>> table = night([["2025-05-31 19:30", "2025-06-01 13:30", "strike_drone", 472, 210, 172],
    ...                ["2025-06-01 14:00", "2025-06-01 19:00", "strike_drone", 10, 9, 0]])
    >>> cross_check(page, table)[["ref_launched", "ref_intercepted", "agrees", "matched"]]
       ref_launched  ref_intercepted  agrees               matched
    0           482              219    True  window + suppressed
    """
    mine = night_totals(compiled.events, missiles_total=True)
    # a night's missile total is compared only where some count gave no type
    plain = night_totals(compiled.events)
    untyped = set(map(tuple, plain.loc[plain["group"] == "missiles", ["date", "group"]].values))
    keys = list(zip(mine["date"], mine["group"], strict=True))
    mine = mine[[g != "missiles" or (d, g) in untyped for d, g in keys]]
    # ... and the total of air targets only where a count covered missiles and drones
    # (that count alone: the page's other counts are not added to it)
    mine = pd.concat([mine[mine["group"] != "air_targets"], plain[plain["group"] == "air_targets"]])
    mine = mine[mine["group"] != "all_drones"].reset_index(drop=True)
    mine = mine[mine["launched"].notna() | mine["intercepted"].notna()].reset_index(drop=True)
    theirs = night_totals(reference.events, missiles_total=True, windows=True)
    theirs = theirs.rename(columns={f: f"ref_{f}" for f in _FIGURES})
    ref_cols = ["date", "window", "group", "ref_launched", "ref_intercepted", "ref_suppressed"]
    day = theirs.loc[theirs["window"] == "day", ref_cols].drop(columns="window")
    both = mine.drop(columns="suppressed").merge(day, on=["date", "group"], how="inner")
    both = both.drop(columns="ref_suppressed")
    for f in ("launched", "intercepted"):
        both[f"{f}_agrees"] = agrees(both[f], both[f"{f}_qual"], both[f"ref_{f}"])
    # every reading of the reference for each compiled figure
    mine = mine.rename_axis("row").reset_index()
    as_also = mine.assign(ref_group=mine["group"].map(_ALSO)).dropna(subset="ref_group")
    readings = pd.concat([mine.assign(ref_group=mine["group"]), as_also], ignore_index=True)
    readings = readings.merge(
        theirs[ref_cols].rename(columns={"group": "ref_group"}),
        on=["date", "ref_group"],
        how="inner",
    )
    launched_ok = agrees(readings["launched"], readings["launched_qual"], readings["ref_launched"])
    shot = agrees(
        readings["intercepted"], readings["intercepted_qual"], readings["ref_intercepted"]
    )
    with_suppressed = readings["ref_intercepted"] + readings["ref_suppressed"].fillna(0)
    lost = agrees(readings["intercepted"], readings["intercepted_qual"], with_suppressed)
    lost = lost & readings["suppressed"].isna() & readings["ref_suppressed"].fillna(0).gt(0)
    intercepted_ok = shot.fillna(True) | lost.fillna(False)
    readings["ok"] = (launched_ok.fillna(True) & intercepted_ok).astype(bool)
    readings["how"] = (
        readings["window"].where(readings["window"] == "day", "window")
        + readings["ref_group"].map({"all_drones": ", all drones"}).fillna("")
        + (~shot.fillna(True) & intercepted_ok).map({True: " + suppressed", False: ""})
    )
    # the simplest reading first: the whole day, then a window, all drones, suppressed
    readings["rank"] = readings["how"].str.len()
    first = readings[readings["ok"]].sort_values(["row", "rank"]).drop_duplicates("row")
    matched = mine[["row", "date", "group"]].merge(first[["row", "how"]], on="row", how="left")
    both = both.merge(matched.drop(columns="row"), on=["date", "group"], how="left")
    both = both.rename(columns={"how": "matched"})
    both["agrees"] = both["matched"].notna()
    return both.reset_index(drop=True)
