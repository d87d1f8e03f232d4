"""Text reports set beside the tables: which attacks they match, which figures agree and
which conflict, and the text reports that match nothing.

:func:`airdef.reconcile` links every pair of overlapping attacks; a report of "the
night of 9 September" overlaps the table's attacks ending on the 9th and on the 10th.
:func:`reconciliation` keeps, for each attack of a text report, the table attacks that
match it best: dated the same day where there is one, else the nearest date (all of them: a table
may give one night in two posts). Class sets for which the text gives no figure are
left out. Nothing is chosen between the figures.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# ``airdef.reconcile`` names both a module and the function it defines; the function is
# taken from the package first, so that loading the module cannot leave the package's
# name bound to the module.
from airdef import reconcile as link  # isort: skip
from airdef.model import StrikeData, event_time
from airdef.reconcile import APPROX_TOLERANCE

__all__ = ["APPROX_TOLERANCE", "RECONCILED_COLUMNS", "reconciliation", "text_attack_ids"]

#: Columns of the matched table (``table`` side from the tables, ``text`` from the text).
RECONCILED_COLUMNS: tuple[str, ...] = (
    "date_text", "reporter_text", "attack_id_text", "date_table", "attack_id_table",
    "classes", "launched_table", "launched_text", "launched_qual_text",
    "intercepted_table", "intercepted_text", "intercepted_qual_text",
    "conflict", "launched_diff", "intercepted_diff",
)  # fmt: skip


def text_attack_ids(data: StrikeData) -> pd.Index:
    """The ``attack_id`` of every event read from a text input."""
    prov = data.provenance
    if not len(prov) or "origin" not in data.events:
        return pd.Index([], dtype="string")
    paths = set(prov.loc[prov["format"].astype("string") == "text", "path"].astype(str))
    mine = data.events["origin"].astype("string").isin(paths).fillna(False)
    return pd.Index(data.events.loc[mine, "attack_id"].dropna().unique())


def _oriented(pairs: pd.DataFrame, text_ids: pd.Index) -> pd.DataFrame:
    """The pairs with the text report on side ``text`` and a table's attack on ``table``."""
    a_text = pairs["attack_id_a"].isin(text_ids).to_numpy()
    b_text = pairs["attack_id_b"].isin(text_ids).to_numpy()
    keep = a_text ^ b_text
    out = {}
    for col in ("date", "attack_id", "reporter", "weapons", "launched", "launched_qual",
                "intercepted", "intercepted_qual"):  # fmt: skip
        a, b = pairs[f"{col}_a"].to_numpy(object), pairs[f"{col}_b"].to_numpy(object)
        out[f"{col}_text"] = np.where(a_text, a, b)
        out[f"{col}_table"] = np.where(a_text, b, a)
    frame = pd.DataFrame(out, index=pairs.index)
    frame["classes"] = pairs["classes"]
    frame["conflict"] = pairs["conflict"].fillna(False).astype(bool)
    return frame.loc[keep]


def _best(frame: pd.DataFrame) -> pd.DataFrame:
    """For each text attack, the rows of the table attacks dated nearest to it (the same
    day where there is one; all of them, as a table may give one night in two posts)."""
    days = (pd.to_datetime(frame["date_table"]) - pd.to_datetime(frame["date_text"])).dt.days.abs()
    nearest = days.groupby(frame["attack_id_text"]).transform("min")
    return frame.loc[days == nearest]


def reconciliation(data: StrikeData) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Text reports against the tables they were given beside.

    Parameters
    ----------
    data : StrikeData
        The selected data: rows read from text inputs (:func:`text_attack_ids`) and from
        tables (any other input).

    Returns
    -------
    (matched, unmatched) or None
        ``None`` when the data lack text reports or table rows. ``matched`` has one row
        per text attack, best-matching table attack and class set
        (:data:`RECONCILED_COLUMNS`; ``*_diff`` is text minus table where both are
        known); ``unmatched`` has one row per text attack with no figure compared
        (``date``, ``reporter``, ``attack_id``, ``weapons``, ``launched``,
        ``intercepted``, ``source``, and ``linked``: it overlaps a table attack but
        gives no count for the classes both name).

    Examples
    --------
    >>> import airdef
    >>> text = airdef.parse_report(
    ...     "Russia launched 30 Shahed drones overnight; 25 were shot down.", published="2024-03-01")
    >>> text.provenance = pd.DataFrame({"path": ["text"], "format": ["text"]})
    >>> table = StrikeData(events=pd.DataFrame({
    ...     "attack_id": ["af1"], "reporter": ["kpszsu"], "weapon_label": ["Shahed-136/131"],
    ...     "time_start": [pd.Timestamp("2024-02-29 19:00")],
    ...     "time_end": [pd.Timestamp("2024-03-01 09:00")], "launched": [31], "intercepted": [25]}))
    >>> matched, unmatched = reconciliation(airdef.concat([text, table]))
    >>> matched[["launched_table", "launched_text", "launched_diff", "conflict"]]
      launched_table launched_text launched_diff  conflict
    0             31            30            -1      True
    >>> len(unmatched)
    0
    """
    ev = data.events
    text_ids = text_attack_ids(data)
    is_text = ev["attack_id"].isin(text_ids).fillna(False)
    if not is_text.any() or is_text.all():
        return None
    pairs = link(data)
    matched = _oriented(pairs, text_ids)
    given = matched["launched_text"].notna() | matched["intercepted_text"].notna()
    matched = matched.loc[given]
    if len(matched):
        matched = _best(matched)
    for what in ("launched", "intercepted"):
        diff = pd.to_numeric(matched[f"{what}_text"], errors="coerce") - pd.to_numeric(
            matched[f"{what}_table"], errors="coerce"
        )
        matched[f"{what}_diff"] = diff.astype("Int64")
    matched = matched.sort_values(["date_text", "attack_id_text", "date_table"], kind="stable")
    matched = matched.reindex(columns=[*RECONCILED_COLUMNS, "weapons_text", "weapons_table"])
    linked = pd.Index(_oriented(pairs, text_ids)["attack_id_text"].unique())
    rows = ev.loc[is_text & ~ev["attack_id"].isin(matched["attack_id_text"]).fillna(False)]
    rows = rows.loc[rows["part_of"].isna()] if "part_of" in rows else rows
    unmatched = (
        rows.assign(date=event_time(rows).dt.normalize())
        .groupby("attack_id", as_index=False, sort=False)
        .agg(
            date=("date", "min"),
            reporter=("reporter", "first"),
            weapons=("weapon_label", lambda s: "; ".join(s.dropna().astype(str).unique())),
            launched=("launched", lambda s: s.sum(min_count=1)),
            intercepted=("intercepted", lambda s: s.sum(min_count=1)),
            source=("source", "first"),
        )
        .sort_values("date", kind="stable")
        .reset_index(drop=True)
    )
    unmatched["linked"] = unmatched["attack_id"].isin(linked).to_numpy(dtype=bool)
    return matched.reset_index(drop=True), unmatched
