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

import io
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from airdef.errors import DataError
from airdef.io.convert import attack_ids, build_casualties, build_events
from airdef.io.csvsafe import escape_frame, unescape_frame, write_safe_csv
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


def frame_to_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text (missing stays missing); times as ``YYYY-MM-DD HH:MM:SS.ffffff``."""
    out = {}
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[str(col)] = values.dt.strftime("%Y-%m-%d %H:%M:%S.%f").astype("string")
        else:
            if values.dtype == object:
                values = values.map(
                    lambda v: v.isoformat(sep=" ") if hasattr(v, "isoformat") else v
                )
            out[str(col)] = values.astype("string")
    return pd.DataFrame(out, index=frame.index)


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


def _read_frames(
    path: Path, fmt: str, encoding: str | None, main: RawTable | bytes | None = None
) -> tuple[dict[str, pd.DataFrame], dict[str, int]]:
    """Read a canonical file and its companions as string tables keyed by table name.

    ``main`` is the events file as the caller already read it: split into rows (CSV)
    or its bytes (Parquet, Excel, JSON), so that no file is read twice.
    """
    name = str(path)
    frames: dict[str, pd.DataFrame] = {}
    pending: dict[str, pd.DataFrame] = {}
    rows_read: dict[str, int] = {}
    if fmt == "csv":
        for kind, p in [("main", path), *[(k, _companion(path, k)) for k in _COMPANIONS]]:
            if kind != "main" and not p.exists():
                continue
            if kind == "main" and isinstance(main, RawTable):
                raw = main
            else:
                raw = read_table_text(decode(p.read_bytes(), str(p), encoding), str(p))
            frames[kind] = unescape_frame(raw.rows)
            pending[kind] = raw.quarantine
            rows_read[kind] = raw.rows_read
        return {**frames, **{f"{k}__quarantine": v for k, v in pending.items()}}, rows_read
    source: Path | io.BytesIO = io.BytesIO(main) if isinstance(main, bytes) else path
    try:
        if fmt == "parquet":
            tables = {"main": pd.read_parquet(source)}
            for kind in _COMPANIONS:
                if _companion(path, kind).exists():
                    tables[kind] = pd.read_parquet(_companion(path, kind))
        elif fmt == "excel":
            sheets = pd.read_excel(source, sheet_name=None, dtype=object)
            tables = {"main": sheets.get("events", next(iter(sheets.values())))}
            tables.update({k: sheets[k] for k in _COMPANIONS if k in sheets})
        elif fmt == "json":
            raw_bytes = main if isinstance(main, bytes) else path.read_bytes()
            payload = json.loads(raw_bytes.decode(encoding or "utf-8"))
            if isinstance(payload, list):
                payload = {"events": payload}
            if not isinstance(payload, dict) or not isinstance(payload.get("events", []), list):
                raise DataError(
                    f"{name}: JSON must be a list of rows or an object with an 'events' list"
                )
            tables = {"main": pd.DataFrame(payload.get("events", []))}
            tables.update({k: pd.DataFrame(payload[k]) for k in _COMPANIONS if payload.get(k)})
        else:  # pragma: no cover - guarded by the caller
            raise DataError(f"{name}: unknown canonical format {fmt!r}")
    except DataError:
        raise
    except (ValueError, OSError, ImportError, KeyError, TypeError) as exc:
        raise DataError(f"{name}: cannot read as {fmt}: {str(exc).splitlines()[0]}") from None
    # Spreadsheet-like numbering: the first data row is row 2 (JSON: record 1 is row 1).
    first = 1 if fmt == "json" else 2
    for kind, table in tables.items():
        strings = frame_to_strings(table)
        if fmt == "excel":
            strings = unescape_frame(strings)
        strings.index = pd.RangeIndex(first, first + len(strings), name="source_row")
        frames[kind] = strings
        rows_read[kind] = len(strings)
    return frames, rows_read


def read_canonical_frames(
    path: Path, fmt: str, *, encoding: str | None = None, main: RawTable | bytes | None = None
) -> tuple[StrikeData, int]:
    """Read a canonical file (and companions) into a :class:`StrikeData`.

    Returns the data (without provenance) and the number of rows read, counting
    companions.
    """
    name = str(path)
    frames, rows_read = _read_frames(path, fmt, encoding, main)
    table = frames["main"]
    held = [frames.get(f"{k}__quarantine") for k in ("main", *_COMPANIONS)]
    held = [h for h in held if h is not None and len(h)]
    header = list(table.columns)
    events = pd.DataFrame()
    casualties = pd.DataFrame()
    evidence = pd.DataFrame()
    if looks_like_events(header):
        events, q = _events_from_strings(table, name)
        held.append(q)
    elif looks_like_casualties(header):
        casualties, q = build_casualties(table, origin=name)
        held.append(q)
    else:
        raise DataError(
            f"{name}: no recognisable columns; expected airdef's canonical columns "
            "(attack_id, weapon_label, launched, intercepted, ...) or the Air Force daily "
            f"columns (time_start, time_end, model, launched, destroyed, ...); found: "
            + ", ".join(header[:12])
            + (" ..." if len(header) > 12 else "")
        )
    if "casualties" in frames:
        cpath = str(_companion(path, "casualties")) if fmt in ("csv", "parquet") else name
        casualties, q = build_casualties(frames["casualties"], origin=cpath)
        held.append(q)
    if "evidence" in frames:
        evidence = frames["evidence"]
    quarantine = pd.concat(held, ignore_index=True) if held else pd.DataFrame()
    data = StrikeData(
        events=events, casualties=casualties, quarantine=quarantine, evidence=evidence
    )
    return data, sum(rows_read.values())


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
