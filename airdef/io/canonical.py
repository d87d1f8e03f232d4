"""airdef's own files: the canonical columns in CSV, Parquet, Excel or JSON.

Layout
------
CSV and Parquet hold one table a file: the events in the file you name, and,
when the data has them, ``<name>.casualties.csv`` and ``<name>.evidence.csv``
beside it (``.parquet`` likewise). Excel holds the tables as sheets ``events``,
``casualties`` and ``evidence``; JSON as one object with those keys. Reading a
file reads its companions. A file with only casualty columns loads as casualties.

CSV cells that a spreadsheet could take for a formula are written with a leading
apostrophe and read back without it (see :mod:`airdef.io.csvsafe`), so the round
trip load -> write -> load gives identical tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from airdef.errors import DataError
from airdef.io.convert import attack_ids, build_casualties, build_events
from airdef.io.csvsafe import escape_frame, unescape_frame, write_safe_csv
from airdef.io.limits import read_limited
from airdef.io.readers import frame_to_strings, read_excel_tables, read_json_tables, read_parquet
from airdef.io.tabular import RawTable, decode, read_table_text
from airdef.model import EVENT_SCHEMA, StrikeData

__all__ = [
    "FORMATS",
    "looks_like_events",
    "looks_like_casualties",
    "frame_to_strings",
    "read_canonical_frames",
    "write_canonical",
]

#: File endings of each canonical format.
FORMATS: dict[str, tuple[str, ...]] = {
    "csv": (".csv", ".tsv"),
    "parquet": (".parquet", ".pq"),
    "excel": (".xlsx", ".xlsm"),
    "json": (".json",),
}
_COMPANIONS = ("casualties", "evidence")


def looks_like_events(header: Iterable[str]) -> bool:
    """True if a header has airdef's canonical event columns."""
    cols = set(header)
    return bool(cols & {"weapon_label", "weapon"}) and {"launched", "intercepted"} <= cols


def looks_like_casualties(header: Iterable[str]) -> bool:
    """True if a header has airdef's canonical casualty columns."""
    return {"killed", "injured"} <= set(header)


def _events_from_strings(rows: pd.DataFrame, origin: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    columns = {c: c for c in EVENT_SCHEMA if c in rows.columns}
    events, quarantine = build_events(rows, columns, origin=origin)
    if "attack_id" not in events:
        events["attack_id"] = pd.Series(pd.NA, index=events.index, dtype="string")
    missing = events["attack_id"].isna()
    if missing.any():
        empty = pd.Series(pd.NA, index=events.index, dtype="string")
        derived = attack_ids(
            events.get("reporter", empty),
            events.get("source", empty),
            events.get("time_start", pd.Series(pd.NaT, index=events.index)),
            events.get("time_end", pd.Series(pd.NaT, index=events.index)),
        )
        events["attack_id"] = events["attack_id"].where(~missing, derived)
    return events, quarantine


def _companion(path: Path, kind: str) -> Path:
    return path.with_name(f"{path.stem}.{kind}{path.suffix}")


def _read_tables(
    path: Path, fmt: str, encoding: str | None, main: RawTable | bytes | None = None
) -> dict[str, RawTable]:
    """Read a canonical file and its companions as text tables keyed by table name.

    ``main`` is the events file as the caller already read it: split into rows (CSV)
    or its bytes (Parquet, Excel, JSON), so that no file is read twice.
    """
    name = str(path)
    if fmt == "excel":
        return read_excel_tables(main if isinstance(main, bytes) else read_limited(path), name)
    if fmt == "json":
        data = main if isinstance(main, bytes) else read_limited(path)
        return read_json_tables(data, name, encoding)
    if fmt not in ("csv", "parquet"):  # pragma: no cover - guarded by the caller
        raise DataError(f"{name}: unknown canonical format {fmt!r}")
    tables: dict[str, RawTable] = {}
    for kind, p in [("events", path), *[(k, _companion(path, k)) for k in _COMPANIONS]]:
        if kind != "events" and not p.exists():
            continue
        given = main if kind == "events" else None
        if fmt == "csv":
            if isinstance(given, RawTable):
                raw = given
            else:
                raw = read_table_text(decode(read_limited(p), str(p), encoding), str(p))
            raw.rows = unescape_frame(raw.rows)
            raw.header = list(raw.rows.columns)
        else:
            raw = read_parquet(given if isinstance(given, bytes) else read_limited(p), str(p))
        tables[kind] = raw
    return tables


def read_canonical_frames(
    path: Path, fmt: str, *, encoding: str | None = None, main: RawTable | bytes | None = None
) -> tuple[StrikeData, int]:
    """Read a canonical file (and companions) into a :class:`StrikeData`.

    Returns the data (without provenance) and the number of rows read, counting
    companions. Rows of each table are known by their own origin (the companion
    file, or the file and its sheet), so quarantine keys never collide across tables.
    """
    name = str(path)
    tables = _read_tables(path, fmt, encoding, main)
    main_table = tables["events"]
    held = [t.quarantine for t in tables.values() if len(t.quarantine)]
    header = list(main_table.rows.columns)
    events = pd.DataFrame()
    casualties = pd.DataFrame()
    evidence = pd.DataFrame()
    if looks_like_events(header):
        events, q = _events_from_strings(main_table.rows, main_table.origin or name)
        held.append(q)
    elif looks_like_casualties(header):
        casualties, q = build_casualties(main_table.rows, origin=main_table.origin or name)
        held.append(q)
    else:
        raise DataError(
            f"{name}: no recognisable columns; expected airdef's canonical columns "
            "(attack_id, weapon_label, launched, intercepted, ...) or the Air Force daily "
            f"columns (time_start, time_end, model, launched, destroyed, ...); found: "
            + (", ".join(header[:12]) or "no header")
            + (" ..." if len(header) > 12 else "")
        )
    if "casualties" in tables:
        table = tables["casualties"]
        casualties, q = build_casualties(table.rows, origin=table.origin)
        held.append(q)
    if "evidence" in tables:
        evidence = tables["evidence"].rows
    quarantine = pd.concat(held, ignore_index=True) if held else pd.DataFrame()
    data = StrikeData(
        events=events, casualties=casualties, quarantine=quarantine, evidence=evidence
    )
    return data, sum(t.rows_read for t in tables.values())


def _to_json_records(frame: pd.DataFrame) -> list[dict]:
    strings = frame_to_strings(
        frame.astype({c: "object" for c in frame.columns if frame[c].dtype == "Int64"})
    )
    records = []
    for rec in strings.to_dict("records"):
        records.append({k: (None if pd.isna(v) else v) for k, v in rec.items()})
    return records


def write_canonical(data: StrikeData, path: str | Path, *, format: str = "auto") -> list[Path]:
    """Write ``data`` in airdef's canonical format.

    Parameters
    ----------
    data : StrikeData
    path : str or Path
        The events file; its ending chooses the format unless ``format`` is given.
    format : {"auto", "csv", "parquet", "excel", "json"}

    Returns
    -------
    list of Path
        Every file written.
    """
    path = Path(path)
    fmt = format
    if fmt == "auto":
        suffix = path.suffix.lower()
        fmt = next((f for f, ends in FORMATS.items() if suffix in ends), "")
        if not fmt:
            raise DataError(
                f"{path}: cannot tell the format from the ending {suffix or '(none)'}; "
                "use .csv, .parquet, .xlsx or .json, or pass format="
            )
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of auto, {', '.join(FORMATS)}; not {format!r}")
    tables = {"main": data.events}
    if len(data.casualties):
        tables["casualties"] = data.casualties
    if len(data.evidence):
        tables["evidence"] = data.evidence
    written: list[Path] = []
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        for kind, table in tables.items():
            target = path if kind == "main" else _companion(path, kind)
            written.append(write_safe_csv(table, target, date_format="%Y-%m-%d %H:%M:%S.%f"))
    elif fmt == "parquet":
        for kind, table in tables.items():
            target = path if kind == "main" else _companion(path, kind)
            table.to_parquet(target, index=False)
            written.append(target)
    elif fmt == "excel":
        with pd.ExcelWriter(path) as xl:
            for kind, table in tables.items():
                escape_frame(table).to_excel(
                    xl, sheet_name="events" if kind == "main" else kind, index=False
                )
        written.append(path)
    else:
        payload = {"airdef_format": 1}
        payload.update(
            {("events" if k == "main" else k): _to_json_records(t) for k, t in tables.items()}
        )
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written
