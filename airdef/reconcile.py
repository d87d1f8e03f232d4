"""Link reports of the same attack from different reporters and flag conflicting counts.

A news report, the Air Force's national channel and a regional command may all
describe one attack. :func:`reconcile` finds such pairs and sets their counts
side by side, class by class, without choosing between them.

Linking
    Two attacks are linked when their reporters differ and their windows
    overlap, or their end dates are fewer than ``days`` days apart (a text
    report gives only a date, which covers the whole day).

Comparing
    Each weapon row covers a set of classes: its own class; every missile class
    for plain "missiles" (``unknown``); the classes named by a ``mixed`` group
    ("ballistic, cruise, anti-aircraft and guided missiles"); every drone class
    for unspecified "drones". For every class set that either side names, each
    side's rows inside the set are summed (a row whose parent is also inside
    the set is not counted again), and the set is compared when both sides have
    rows in it. A class one side does not mention is not compared: an absent
    class is not a zero.

Conflict
    Each count is read as an interval: ``exact`` n is [n, n], ``at_least`` n is
    [n, ∞), ``at_most`` n is [0, n], ``approx`` n is n ± 20 %
    (:data:`APPROX_TOLERANCE`). Counts conflict when their intervals do not
    meet: two different exact figures, or an ``at_least`` bound above an exact
    figure. A sum over rows with some counts unknown is an ``at_least``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from airdef.catalog import WEAPON_CLASSES, label_coverage
from airdef.model import REGIONAL_REPORTERS, StrikeData

__all__ = ["APPROX_TOLERANCE", "RECONCILE_COLUMNS", "reconcile"]

#: Relative half-width of the interval an ``approx`` count stands for.
APPROX_TOLERANCE = 0.2

#: Columns of the table :func:`reconcile` returns, with their dtypes.
RECONCILE_COLUMNS: dict[str, str] = {
    "date_a": "datetime64[ns]",
    "attack_id_a": "string",
    "reporter_a": "string",
    "date_b": "datetime64[ns]",
    "attack_id_b": "string",
    "reporter_b": "string",
    "classes": "string",
    "weapons_a": "string",
    "weapons_b": "string",
    "launched_a": "Int64",
    "launched_qual_a": "string",
    "launched_b": "Int64",
    "launched_qual_b": "string",
    "intercepted_a": "Int64",
    "intercepted_qual_a": "string",
    "intercepted_b": "Int64",
    "intercepted_qual_b": "string",
    "conflict": "boolean",
    "reason": "string",
}

_BIT = {c: 1 << i for i, c in enumerate(WEAPON_CLASSES)}
_DEPTH = 4  # nesting levels followed through part_of


def _mask(classes) -> int:
    return sum(_BIT[c] for c in classes if c in _BIT)


def _masks(events: pd.DataFrame) -> pd.Series:
    keys = (
        events[["weapon_class", "weapon"]]
        .astype(object)
        .where(events[["weapon_class", "weapon"]].notna(), None)
    )
    codes, uniques = pd.MultiIndex.from_frame(keys.fillna("")).factorize()
    # One catalog look-up per distinct (class, weapon), not per row.
    masks = np.array(
        [_mask(label_coverage(cls or "unknown", weapon or None)) for cls, weapon in uniques],
        dtype="int64",
    )
    return pd.Series(
        masks[codes] if len(masks) else np.zeros(len(codes), "int64"), index=events.index
    )


def _attacks(events: pd.DataFrame) -> pd.DataFrame:
    start = events["time_start"].fillna(events["time_end"])
    end = events["time_end"].fillna(events["time_start"])
    table = (
        pd.DataFrame(
            {
                "attack_id": events["attack_id"],
                "start": start,
                "end": end,
                "reporter": events["reporter"].fillna(""),
            }
        )
        .dropna(subset=["attack_id", "start"])
        .groupby("attack_id", sort=True)
        .agg(start=("start", "min"), end=("end", "max"), reporter=("reporter", "first"))
        .reset_index()
    )
    table["end_day"] = table["end"].dt.normalize()
    return table


def _expand(attacks: pd.DataFrame, slack: int) -> pd.DataFrame:
    """One row per attack and calendar day it may share with a linked attack."""
    first = attacks["start"].dt.normalize() - pd.to_timedelta(slack, unit="D")
    last = attacks["end_day"] + pd.to_timedelta(slack, unit="D")
    n = ((last - first).dt.days + 1).to_numpy()
    idx = np.repeat(np.arange(len(attacks)), n)
    offsets = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    days = first.to_numpy()[idx] + offsets.astype("timedelta64[D]")
    return pd.DataFrame({"attack_id": attacks["attack_id"].to_numpy()[idx], "day": days})


def _pairs(attacks: pd.DataFrame, days: int) -> pd.DataFrame:
    slack = max(days - 1, 0)
    left = _expand(attacks, slack)
    right = _expand(attacks, 0)
    cand = left.merge(right, on="day", suffixes=("_a", "_b"))[["attack_id_a", "attack_id_b"]]
    cand = cand.loc[cand["attack_id_a"] < cand["attack_id_b"]].drop_duplicates()
    info = attacks.set_index("attack_id")
    a = info.loc[cand["attack_id_a"]].reset_index(drop=True)
    b = info.loc[cand["attack_id_b"]].reset_index(drop=True)
    overlap = (a["start"] <= b["end"]) & (b["start"] <= a["end"])
    near = (a["end_day"] - b["end_day"]).abs() < pd.Timedelta(days=days)
    keep = ((overlap | near) & (a["reporter"] != b["reporter"])).to_numpy()
    out = cand.reset_index(drop=True).loc[keep].reset_index(drop=True)
    out["pair"] = np.arange(len(out))
    return out


def _rows(events: pd.DataFrame) -> pd.DataFrame:
    rows = pd.DataFrame(
        {
            "attack_id": events["attack_id"],
            "label": events["weapon_label"].fillna(events["weapon"]).fillna(""),
            "part_of": events["part_of"],
            "mask": _masks(events),
            "launched": events["launched"],
            "launched_qual": events["launched_qual"],
            "intercepted": events["intercepted"],
            "intercepted_qual": events["intercepted_qual"],
        }
    ).reset_index(drop=True)
    parents = rows[["attack_id", "label", "mask", "part_of"]].drop_duplicates(
        ["attack_id", "label"]
    )
    up = rows[["attack_id", "part_of"]].rename(columns={"part_of": "label"})
    for level in range(1, _DEPTH + 1):
        hit = up.merge(parents, on=["attack_id", "label"], how="left")
        rows[f"anc{level}"] = hit["mask"].fillna(0).astype("int64").to_numpy()
        up = pd.DataFrame({"attack_id": rows["attack_id"], "label": hit["part_of"].to_numpy()})
    return rows


def _combine(quals: pd.Series) -> str | None:
    kinds = set(quals.dropna())
    if not kinds:
        return None
    if kinds == {"exact"}:
        return "exact"
    if kinds <= {"exact", "at_least"}:
        return "at_least"
    if kinds <= {"exact", "at_most"}:
        return "at_most"
    return "approx"


def _side(pairs: pd.DataFrame, keys: pd.DataFrame, rows: pd.DataFrame, side: str) -> pd.DataFrame:
    frame = keys.merge(pairs[["pair", f"attack_id_{side}"]], on="pair").merge(
        rows, left_on=f"attack_id_{side}", right_on="attack_id"
    )
    key = frame["key"].to_numpy()
    inside = (frame["mask"].to_numpy() & ~key) == 0
    for level in range(1, _DEPTH + 1):
        anc = frame[f"anc{level}"].to_numpy()
        inside &= ~((anc != 0) & ((anc & ~key) == 0))
    frame = frame.loc[inside]
    out = []
    for name in ("launched", "intercepted"):
        known = frame[name].notna()
        g = frame.assign(_known=known).groupby(["pair", "key"])
        agg = g.agg(
            value=(name, "sum"),
            n_known=("_known", "sum"),
            n=("_known", "size"),
            labels=("label", lambda s: "; ".join(dict.fromkeys(s))),
        )
        quals = frame.loc[known].groupby(["pair", "key"])[f"{name}_qual"].agg(_combine)
        agg["qual"] = quals.reindex(agg.index)
        partial = (agg["n_known"] < agg["n"]) & (agg["n_known"] > 0)
        bad = partial & ~agg["qual"].isin(["exact", "at_least"])
        agg.loc[partial, "qual"] = "at_least"
        agg.loc[bad | (agg["n_known"] == 0), ["value", "qual"]] = [np.nan, None]
        out.append(agg.rename(columns={"value": f"{name}_{side}", "qual": f"{name}_qual_{side}"}))
    both = (
        out[0]
        .drop(columns=["n_known", "n"])
        .join(out[1][[f"intercepted_{side}", f"intercepted_qual_{side}"]])
    )
    return both.rename(columns={"labels": f"weapons_{side}"})


def _interval(value: pd.Series, qual: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    v = value.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    q = qual.astype("string").fillna("").to_numpy(dtype=str)
    lo = np.where(q == "at_most", 0.0, np.where(q == "approx", v * (1 - APPROX_TOLERANCE), v))
    hi = np.where(q == "at_least", np.inf, np.where(q == "approx", v * (1 + APPROX_TOLERANCE), v))
    return lo, hi


def _conflicts(table: pd.DataFrame) -> pd.DataFrame:
    reasons = pd.Series("", index=table.index, dtype=object)
    for name in ("launched", "intercepted"):
        lo_a, hi_a = _interval(table[f"{name}_a"], table[f"{name}_qual_a"])
        lo_b, hi_b = _interval(table[f"{name}_b"], table[f"{name}_qual_b"])
        with np.errstate(invalid="ignore"):
            clash = (lo_a > hi_b) | (lo_b > hi_a)
        clash &= ~(np.isnan(lo_a) | np.isnan(lo_b))
        text = (
            f"{name}: "
            + table[f"{name}_a"].astype("string").fillna("")
            + " ("
            + table[f"{name}_qual_a"].astype("string").fillna("")
            + ") vs "
            + table[f"{name}_b"].astype("string").fillna("")
            + " ("
            + table[f"{name}_qual_b"].astype("string").fillna("")
            + ")"
        )
        add = pd.Series(clash, index=table.index)
        reasons = reasons.where(
            ~add, reasons.where(reasons == "", reasons + "; ") + text.astype(object)
        )
    table["conflict"] = reasons != ""
    table["reason"] = reasons.replace("", None)
    return table


def reconcile(data: StrikeData, *, days: int = 1, source: str = "national") -> pd.DataFrame:
    """Link reports of the same attack from different reporters and compare their counts.

    Parameters
    ----------
    data : StrikeData
        Events from several sources, e.g. ``airdef.concat([airforce, news])``.
    days : int, default 1
        Attacks whose windows do not overlap are still linked when their end
        dates are fewer than ``days`` days apart: 1 links reports dated the same
        day, 2 also the day before or after, 0 only overlapping windows.
    source : {"national", "all"}
        ``national`` (the default) leaves out the Air Force's regional commands,
        which report what they shot down in their region only.

    Returns
    -------
    pandas.DataFrame
        One row per linked pair of attacks and class set that both name, with
        both sides' counts and qualifiers (:data:`RECONCILE_COLUMNS`),
        ``conflict`` and a ``reason`` naming the counts that disagree. Both
        reports are kept; nothing is chosen or averaged.

    Raises
    ------
    ValueError
        For ``days`` that is not a whole number 0 or more, or an unknown ``source``.

    Examples
    --------
    >>> import airdef
    >>> news = airdef.parse_report(
    ...     "Russia launched 30 Shahed drones overnight; 25 were shot down.", published="2024-03-01")
    >>> table = StrikeData(events=pd.DataFrame({
    ...     "attack_id": ["af1"], "reporter": ["kpszsu"], "weapon_label": ["Shahed-136/131"],
    ...     "time_start": [pd.Timestamp("2024-02-29 19:00")],
    ...     "time_end": [pd.Timestamp("2024-03-01 09:00")], "launched": [31], "intercepted": [25]}))
    >>> out = reconcile(airdef.concat([news, table]))
    >>> out[["reporter_a", "reporter_b", "classes", "launched_a", "launched_b", "conflict"]]
      reporter_a reporter_b       classes  launched_a  launched_b  conflict
    0     kpszsu       text  strike_drone          31          30      True
    >>> out["reason"].iloc[0]
    'launched: 31 (exact) vs 30 (exact)'
    """
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or days < 0:
        raise ValueError(f"days must be a whole number of days, 0 or more; got {days!r}")
    if source not in ("national", "all"):
        raise ValueError(f"source must be 'national' or 'all', not {source!r}")
    events = data.events
    if source == "national":
        events = events.loc[~events["reporter"].isin(REGIONAL_REPORTERS).fillna(False)]
    events = events.loc[events["attack_id"].notna()]
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in RECONCILE_COLUMNS.items()})
    if events.empty:
        return empty
    attacks = _attacks(events)
    pairs = _pairs(attacks, int(days))
    if pairs.empty:
        return empty
    rows = _rows(events)
    keys = (
        pd.concat(
            [
                pairs[["pair", f"attack_id_{s}"]].merge(
                    rows[["attack_id", "mask"]], left_on=f"attack_id_{s}", right_on="attack_id"
                )[["pair", "mask"]]
                for s in ("a", "b")
            ]
        )
        .drop_duplicates()
        .rename(columns={"mask": "key"})
    )
    keys = keys.loc[keys["key"] != 0]
    table = _side(pairs, keys, rows, "a").join(_side(pairs, keys, rows, "b"), how="inner")
    table = table.reset_index().merge(pairs, on="pair")
    info = attacks.set_index("attack_id")
    for s in ("a", "b"):
        table[f"date_{s}"] = info.loc[table[f"attack_id_{s}"], "end_day"].to_numpy()
        table[f"reporter_{s}"] = info.loc[table[f"attack_id_{s}"], "reporter"].to_numpy()
    table["classes"] = [
        ", ".join(c for c in WEAPON_CLASSES if k & _BIT[c]) for k in table["key"].to_numpy()
    ]
    table = _conflicts(table)
    table = table.sort_values(["date_a", "attack_id_a", "attack_id_b", "key"], kind="stable")
    out = table[list(RECONCILE_COLUMNS)].reset_index(drop=True)
    return out.astype(RECONCILE_COLUMNS)
