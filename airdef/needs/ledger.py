"""The supply ledger: announced deliveries and commitments of interceptors, checked like strike data.

A ledger is a CSV file with one row per announced delivery or commitment:

=====================  ==============================================================
column                 meaning
=====================  ==============================================================
``announced``          date of the announcement, ``YYYY-MM-DD`` (required, not in the future)
``donor``              who gives or sells (required)
``system``             a system key of the doctrine, e.g. ``manpads`` (required)
``interceptor``        the munition as the source names it, e.g. ``Stinger``
``quantity``           whole number of interceptors; **blank when not stated**
``quantity_qualifier`` ``exact``, ``at_least``, ``up_to`` or ``about`` (blank: exact;
                       must be blank when the quantity is)
``value``              money value, >= 0; blank when not stated
``currency``           ISO code of ``value`` (required with a value)
``value_scope``        ``item`` (the value is for this row's interceptors) or
                       ``package`` (for a whole package of which they are part)
``delivery_start``     first day of the expected delivery window (blank: unknown)
``delivery_end``       last day of the window, not before ``delivery_start``
``source``             title and publisher of the announcement (required)
``url``                ``http(s)://`` address of the source (required)
``notes``              free text
=====================  ==============================================================

:func:`load_ledger` reads it with the same rules as strike data: every row is
loaded or **quarantined with a reason** (nothing is dropped silently), a blank
cell is unknown and never zero, and problems with the file as a whole raise one
:class:`~airdef.errors.DataError` naming the file. The bundled ledger is
``airdef/data/supply_ledger.csv``; every row in it names its public source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from airdef.errors import DataError
from airdef.io.csvsafe import unescape_frame, write_safe_csv
from airdef.io.parsers import is_blank, parse_counts
from airdef.io.tabular import decode, read_table_text

__all__ = [
    "BUNDLED_LEDGER",
    "LEDGER_COLUMNS",
    "QUALIFIERS",
    "Ledger",
    "load_ledger",
    "write_ledger",
]

#: How the bundled ledger is named in messages and reports.
BUNDLED_LEDGER = "airdef/data/supply_ledger.csv"

#: The ledger's columns, in order.
LEDGER_COLUMNS = [
    "announced",
    "donor",
    "system",
    "interceptor",
    "quantity",
    "quantity_qualifier",
    "value",
    "currency",
    "value_scope",
    "delivery_start",
    "delivery_end",
    "source",
    "url",
    "notes",
]
_REQUIRED = ["announced", "donor", "system", "quantity", "source", "url"]
#: What a stated quantity may be.
QUALIFIERS = ("exact", "at_least", "up_to", "about")
_SCOPES = ("item", "package")
#: Largest file read, in bytes (a ledger is a few hundred rows).
MAX_BYTES = 20_000_000


@dataclass
class Ledger:
    """A checked supply ledger.

    Attributes
    ----------
    rows : pandas.DataFrame
        The loaded rows in :data:`LEDGER_COLUMNS` order plus ``source_row`` (the
        line in the file): dates as ``datetime64``, ``quantity`` as ``Int64``
        (``<NA>`` when not stated), ``value`` as ``Float64``, text as ``string``.
    quarantine : pandas.DataFrame
        Rows that could not be loaded: ``source_row``, ``reason`` and the row's
        cells as written.
    path : str
        Where it was read from.
    """

    rows: pd.DataFrame
    quarantine: pd.DataFrame = field(repr=False)
    path: str = ""

    def __repr__(self) -> str:
        return f"Ledger({self.path}: {len(self.rows)} rows, {len(self.quarantine)} quarantined)"


def _dates(raw: pd.Series, name: str) -> tuple[pd.Series, pd.Series]:
    text = raw.astype("string").str.strip()
    blank = is_blank(text)
    ok = text.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
    parsed = pd.to_datetime(text.where(ok & ~blank), format="%Y-%m-%d", errors="coerce")
    problems = pd.Series(pd.NA, index=raw.index, dtype="string")
    bad = ~blank & parsed.isna()
    problems[bad] = f"{name} is not a date (YYYY-MM-DD): " + text[bad].map(repr)
    return parsed, problems


def _first(problems: pd.Series, more: pd.Series) -> pd.Series:
    return problems.fillna(more)


def load_ledger(
    path: str | Path | None = None,
    *,
    systems: Any = None,
    today: dt.date | str | None = None,
) -> Ledger:
    """Read and check a supply ledger (see the module notes for the format).

    Parameters
    ----------
    path : str or Path, optional
        A ledger CSV; default the bundled ``airdef/data/supply_ledger.csv``.
    systems : iterable of str or Doctrine, optional
        The valid system keys (default: those of the bundled doctrine).
    today : date or str, optional
        Announcements after this day are quarantined (default: today's date).

    Returns
    -------
    Ledger

    Raises
    ------
    airdef.DataError
        For problems with the file as a whole: missing, too large, not text, no
        header, or a header without a required column.

    Examples
    --------
    >>> ledger = load_ledger()
    >>> first = ledger.rows.iloc[0]
    >>> str(first["announced"].date()), first["interceptor"], first["quantity"]
    ('2023-12-27', 'Stinger', <NA>)
    >>> len(ledger.quarantine)
    0
    """
    if path is None:
        name = BUNDLED_LEDGER
        raw_bytes = (resources.files("airdef") / "data" / "supply_ledger.csv").read_bytes()
    else:
        name = str(path)
        p = Path(path)
        if not p.is_file():
            raise DataError(f"{name}: no such file")
        if p.stat().st_size > MAX_BYTES:
            raise DataError(f"{name}: the file is over {MAX_BYTES:,} bytes, too large for a ledger")
        raw_bytes = p.read_bytes()
    table = read_table_text(decode(raw_bytes, name), name)
    missing = [c for c in _REQUIRED if c not in table.header]
    if missing:
        raise DataError(
            f"{name}: line 1: the header lacks the column(s) {', '.join(missing)}; "
            f"a ledger has the columns {', '.join(LEDGER_COLUMNS)}"
        )
    valid = _system_keys(systems)
    day = pd.Timestamp(today) if today is not None else pd.Timestamp(dt.date.today())
    raw = table.rows.reindex(columns=LEDGER_COLUMNS)
    raw = unescape_frame(raw.astype("string"))
    text = {c: raw[c].astype("string").str.strip() for c in LEDGER_COLUMNS}
    blank = {c: is_blank(text[c]) for c in LEDGER_COLUMNS}

    problems = pd.Series(pd.NA, index=raw.index, dtype="string")
    for col in ("announced", "donor", "system", "source", "url"):
        problems[problems.isna() & blank[col]] = f"{col} is blank"
    announced, p = _dates(text["announced"], "announced")
    problems = _first(problems, p)
    future = announced > day
    problems[problems.isna() & future] = "announced is in the future: " + announced[
        future
    ].dt.strftime("%Y-%m-%d")
    unknown = ~blank["system"] & ~text["system"].isin(valid)
    problems[problems.isna() & unknown] = (
        "unknown system "
        + text["system"][unknown].map(repr)
        + "; valid systems are "
        + ", ".join(sorted(valid))
    )
    quantity, p = parse_counts(text["quantity"], name="quantity")
    problems = _first(problems, p)
    qual = text["quantity_qualifier"].fillna("").where(~blank["quantity_qualifier"], "")
    bad_q = (qual != "") & ~qual.isin(QUALIFIERS)
    problems[problems.isna() & bad_q] = (
        "quantity_qualifier must be one of "
        + ", ".join(QUALIFIERS)
        + ", not "
        + qual[bad_q].map(repr)
    )
    orphan = (qual != "") & quantity.isna() & p.isna()
    problems[problems.isna() & orphan] = "quantity_qualifier is given but the quantity is blank"
    value = pd.to_numeric(text["value"].str.replace(",", "", regex=False).where(~blank["value"]),
                          errors="coerce").astype("Float64")  # fmt: skip
    bad_v = ~blank["value"] & value.isna()
    problems[problems.isna() & bad_v] = "value is not a number: " + text["value"][bad_v].map(repr)
    neg_v = value.notna() & (value < 0)
    problems[problems.isna() & neg_v] = "value is negative: " + text["value"][neg_v]
    no_cur = value.notna() & blank["currency"]
    problems[problems.isna() & no_cur] = "value is given without a currency"
    bad_cur = ~blank["currency"] & ~text["currency"].str.fullmatch(r"[A-Z]{3}").fillna(False)
    problems[problems.isna() & bad_cur] = (
        "currency must be a three-letter ISO code such as USD, not "
        + text["currency"][bad_cur].map(repr)
    )
    scope = text["value_scope"].fillna("").where(~blank["value_scope"], "")
    bad_s = (scope != "") & ~scope.isin(_SCOPES)
    problems[problems.isna() & bad_s] = "value_scope must be item or package, not " + scope[
        bad_s
    ].map(repr)
    start, p = _dates(text["delivery_start"], "delivery_start")
    problems = _first(problems, p)
    end, p = _dates(text["delivery_end"], "delivery_end")
    problems = _first(problems, p)
    backwards = start.notna() & end.notna() & (end < start)
    problems[problems.isna() & backwards] = "delivery_end is before delivery_start"
    bad_url = ~blank["url"] & ~text["url"].str.match(r"https?://\S+$").fillna(False)
    problems[problems.isna() & bad_url] = "url must start with http:// or https://"

    ok = problems.isna().to_numpy()
    rows = pd.DataFrame(
        {
            "announced": announced,
            "donor": text["donor"],
            "system": text["system"],
            "interceptor": text["interceptor"].where(~blank["interceptor"]),
            "quantity": quantity,
            "quantity_qualifier": pd.Series(qual, dtype="string")
            .where(quantity.notna(), pd.NA)
            .where(lambda s: s != "", "exact")
            .where(quantity.notna(), pd.NA),
            "value": value,
            "currency": text["currency"].where(~blank["currency"]),
            "value_scope": pd.Series(scope, dtype="string").where(lambda s: s != "", pd.NA),
            "delivery_start": start,
            "delivery_end": end,
            "source": text["source"],
            "url": text["url"],
            "notes": text["notes"].where(~blank["notes"]),
        }
    )
    rows = rows.loc[ok].copy()
    rows.insert(len(rows.columns), "source_row", rows.index.astype("int64"))
    rows = rows.reset_index(drop=True)
    quarantine = raw.loc[~ok].copy()
    quarantine.insert(0, "reason", problems[~ok])
    quarantine.insert(0, "source_row", quarantine.index.astype("int64"))
    quarantine = pd.concat([table.quarantine, quarantine.reset_index(drop=True)], ignore_index=True)
    return Ledger(rows=rows, quarantine=quarantine, path=name)


def _system_keys(systems: Any) -> set[str]:
    from airdef.needs.doctrine import Doctrine, load_doctrine

    if systems is None:
        systems = load_doctrine()
    if isinstance(systems, Doctrine):
        return set(systems.systems["system"])
    return {str(s) for s in systems}


def write_ledger(ledger: Ledger | pd.DataFrame, path: str | Path) -> Path:
    """Write a ledger's rows as a ledger CSV (loading it again gives the same rows).

    Text cells that a spreadsheet would read as a formula are escaped, and
    unescaped again by :func:`load_ledger`.

    Examples
    --------
    >>> import tempfile, os
    >>> ledger = load_ledger()
    >>> out = write_ledger(ledger, os.path.join(tempfile.mkdtemp(), "ledger.csv"))
    >>> again = load_ledger(out)
    >>> again.rows.drop(columns="source_row").equals(ledger.rows.drop(columns="source_row"))
    True
    """
    rows = ledger.rows if isinstance(ledger, Ledger) else ledger
    out = rows.reindex(columns=LEDGER_COLUMNS).copy()
    for col in ("announced", "delivery_start", "delivery_end"):
        out[col] = pd.to_datetime(out[col]).dt.strftime("%Y-%m-%d")
    out["value"] = out["value"].map(lambda v: "" if pd.isna(v) else f"{float(v):.15g}")
    return write_safe_csv(out, path)
