"""Read the Kiel Institute's Ukraine Support Tracker workbook into ledger rows.

The Kiel Institute for the World Economy publishes the Ukraine Support Tracker
as an Excel workbook (https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/).
airdef cannot fetch it; download it yourself and pass the file. Its item-level
sheet, ``Bilateral Assistance, MAIN DATA``, has one row per announced item.

**The column contract.** :data:`KIEL_COLUMNS` names the columns airdef reads
and what each becomes in the ledger. ``donor`` and ``announcement_date`` are the
names used by the release-21 workbook as read by public analysis code; the
item, quantity and value names are the contract airdef expects and **may differ
in a release you download**. When a release renames or drops one of them,
:func:`load_kiel` fails with one message naming the missing columns and the
columns the sheet has, so that you can pass ``columns=`` with the new names
instead of getting wrong numbers. Rows whose item matches none of ``systems``
are not interceptors for the doctrine and are left out, counted in
``skipped``; rows that match but cannot be read are quarantined with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from airdef.errors import DataError
from airdef.needs.ledger import LEDGER_COLUMNS, Ledger, load_ledger

__all__ = ["KIEL_COLUMNS", "KIEL_SHEET", "KIEL_SYSTEMS", "KielImport", "load_kiel"]

#: The item-level sheet of the workbook.
KIEL_SHEET = "Bilateral Assistance, MAIN DATA"

#: Ledger column <- workbook column.
KIEL_COLUMNS = {
    "announced": "announcement_date",
    "donor": "donor",
    "interceptor": "item",
    "quantity": "quantity",
    "value": "tot_sub_activity_value_EUR",
}

#: Doctrine system key <- a regular expression matched against the item text.
KIEL_SYSTEMS = {
    "pac3_mse": r"patriot|pac-?3",
    "samp_t": r"samp/?t|aster",
    "nasams": r"nasams|amraam",
    "iris_t_slm": r"iris-?t",
    "hawk": r"\bhawk\b",
    "gepard": r"gepard",
    "manpads": r"stinger|igla|piorun|mistral|starstreak|manpads",
}

_SOURCE = "Kiel Institute for the World Economy, Ukraine Support Tracker"
_URL = "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/"


@dataclass
class KielImport:
    """The interceptor rows of a Kiel workbook as a :class:`~airdef.needs.ledger.Ledger`.

    Attributes
    ----------
    ledger : Ledger
        Rows matched to a doctrine system, loaded with the ledger's rules.
    skipped : int
        Workbook rows whose item names no system of ``systems`` (not lost: they
        are not interceptors for this doctrine).
    """

    ledger: Ledger
    skipped: int


def load_kiel(
    path: str | Path,
    *,
    sheet: str = KIEL_SHEET,
    columns: dict[str, str] | None = None,
    systems: dict[str, str] | None = None,
    today: Any = None,
    frame: pd.DataFrame | None = None,
) -> KielImport:
    """Read the interceptor rows of a downloaded Ukraine Support Tracker workbook.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file (used in messages only when ``frame`` is given).
    sheet : str
        The item-level sheet (default :data:`KIEL_SHEET`).
    columns : dict, optional
        Ledger column -> workbook column, replacing entries of :data:`KIEL_COLUMNS`.
    systems : dict, optional
        Doctrine system key -> regular expression on the item (default :data:`KIEL_SYSTEMS`).
    today : date, optional
        Passed to :func:`~airdef.needs.ledger.load_ledger`.
    frame : pandas.DataFrame, optional
        The sheet already read (for tests and for workbooks read another way).

    Raises
    ------
    airdef.DataError
        When the file or the sheet is missing or the sheet lacks a contract column.

    Examples
    --------
    >>> sheet = pd.DataFrame({"donor": ["Germany", "Germany"],
    ...     "announcement_date": ["2024-06-11", "2024-06-11"],
    ...     "item": ["Patriot missiles", "Leopard 1 tanks"], "quantity": [100, 25],
    ...     "tot_sub_activity_value_EUR": [None, None]})
    >>> out = load_kiel("tracker.xlsx", frame=sheet)
    >>> out.ledger.rows[["donor", "system", "quantity"]].to_dict("records"), out.skipped
    ([{'donor': 'Germany', 'system': 'pac3_mse', 'quantity': 100}], 1)
    """
    name = str(path)
    contract = {**KIEL_COLUMNS, **(columns or {})}
    patterns = {k: re.compile(v, re.IGNORECASE) for k, v in (systems or KIEL_SYSTEMS).items()}
    if frame is None:
        p = Path(path)
        if not p.is_file():
            raise DataError(f"{name}: no such file")
        try:
            book = pd.ExcelFile(p, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
            raise DataError(f"{name}: not an Excel workbook ({type(exc).__name__})") from None
        if sheet not in book.sheet_names:
            raise DataError(
                f"{name}: no sheet {sheet!r}; the workbook has "
                + ", ".join(repr(s) for s in book.sheet_names)
            )
        frame = pd.read_excel(book, sheet_name=sheet, dtype=str)
    header = [str(c).strip() for c in frame.columns]
    frame = frame.set_axis(header, axis=1)
    missing = [f"{want} (for {mine})" for mine, want in contract.items() if want not in header]
    if missing:
        raise DataError(
            f"{name}: sheet {sheet!r} lacks the column(s) {', '.join(missing)}: this release of "
            "the Ukraine Support Tracker does not match the contract airdef reads "
            f"(it has {', '.join(header[:40])}); pass columns= with the new names"
        )
    item = frame[contract["interceptor"]].astype("string").fillna("")
    system = pd.Series(pd.NA, index=frame.index, dtype="string")
    for key, pattern in patterns.items():
        hit = system.isna() & item.str.contains(pattern, na=False)
        system[hit] = key
    keep = system.notna()
    rows = pd.DataFrame(
        {
            "announced": pd.to_datetime(frame[contract["announced"]], errors="coerce")
            .dt.strftime("%Y-%m-%d")
            .where(lambda s: s.notna(), frame[contract["announced"]]),
            "donor": frame[contract["donor"]],
            "system": system,
            "interceptor": item,
            "quantity": frame[contract["quantity"]],
            "value": frame[contract["value"]],
            "currency": frame[contract["value"]].map(lambda v: "" if pd.isna(v) else "EUR"),
            "value_scope": "item",
            "source": _SOURCE,
            "url": _URL,
        }
    ).loc[keep]
    rows = rows.reindex(columns=LEDGER_COLUMNS).astype("string").fillna("")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder) / "kiel_ledger.csv"
        rows.to_csv(tmp, index=False)
        ledger = load_ledger(tmp, systems=set(patterns), today=today)
    ledger.path = name
    # Ledger rows count from line 2 of the temporary file: map them back to sheet rows.
    sheet_rows = pd.Series(rows.index.to_numpy() + 2, index=range(2, len(rows) + 2))
    ledger.rows["source_row"] = ledger.rows["source_row"].map(sheet_rows).astype("int64")
    if len(ledger.quarantine):
        ledger.quarantine["source_row"] = (
            ledger.quarantine["source_row"].map(sheet_rows).astype("int64")
        )
    return KielImport(ledger=ledger, skipped=int((~keep).sum()))
