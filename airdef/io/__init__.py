"""Loaders: every input format becomes the same :class:`~airdef.model.StrikeData`.

:func:`load` detects the format from the file ending and the header:

* the Air Force daily CSV (:mod:`airdef.io.airforce`), both schemas;
* airdef's canonical files in CSV, Parquet, Excel or JSON (:mod:`airdef.io.canonical`);
* free-text reports in ``.txt`` files (:mod:`airdef.io.text`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from airdef._version import __version__
from airdef.errors import DataError
from airdef.io import airforce, canonical
from airdef.io.limits import read_limited
from airdef.io.tabular import decode, read_table_text
from airdef.model import StrikeData, concat

__all__ = ["FORMATS", "load", "detect_format"]

#: Values accepted by ``load(format=...)``.
FORMATS: tuple[str, ...] = ("auto", "airforce", "canonical", "parquet", "excel", "json", "text")

_TEXT_ENDINGS = (".txt", ".text")


def detect_format(path: str | Path, *, encoding: str | None = None) -> str:
    """Guess the format of a file from its ending and, for delimited text, its header.

    Returns one of ``airforce``, ``canonical``, ``parquet``, ``excel``, ``json``, ``text``.
    """
    path = Path(path)
    fmt = _format_by_ending(path)
    if fmt:
        return fmt
    raw = read_table_text(decode(_read_bytes(path), str(path), encoding), str(path))
    return "airforce" if airforce.looks_like(raw.header) else "canonical"


def _format_by_ending(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _TEXT_ENDINGS:
        return "text"
    for fmt in ("parquet", "excel", "json"):
        if suffix in canonical.FORMATS[fmt]:
            return fmt
    return ""


def _read_bytes(path: Path) -> bytes:
    return read_limited(path)


def _refuse_table_as_text(data: bytes, name: str) -> None:
    """A table given as a text report would parse as prose; say what it is instead."""
    head = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")
    first = head.splitlines()[0] if head.strip() else ""
    for delimiter in (",", ";", "\t", "|"):
        header = [h.strip() for h in first.split(delimiter)]
        if len(header) > 2 and (
            airforce.looks_like(header)
            or canonical.looks_like_events(header)
            or canonical.looks_like_casualties(header)
        ):
            shown = ", ".join(header[:5]) + (", ..." if len(header) > 5 else "")
            raise DataError(
                f"{name}: looks like a CSV table (its first line is a header: {shown}), "
                "not a text report; load it as a table"
            )


def _load_text(path: Path, data: bytes, encoding: str | None) -> StrikeData:
    from airdef.io.text import load_text

    name = str(path)
    if not data.strip():
        raise DataError(f"{name}: the file is empty")
    _refuse_table_as_text(data, name)
    try:
        return load_text(path, encoding=encoding, content=data)
    except DataError:
        raise
    except (OverflowError, RecursionError):
        raise DataError(f"{name}: a number or a passage in the text is too large to read") from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise DataError(f"{name}: a number in the text has too many digits to read") from None
        raise


def _rows_loaded(data: StrikeData) -> int:
    return len(data.events) + len(data.casualties) + len(data.evidence)


def _check_invariant(name: str, data: StrikeData, rows_read: int) -> None:
    loaded = _rows_loaded(data)
    held = 0
    if len(data.quarantine):
        held = len(data.quarantine[["origin", "source_row"]].drop_duplicates())
    if loaded + held != rows_read:
        raise DataError(
            f"{name}: {rows_read} rows read but {loaded} loaded and {held} quarantined; "
            "this is a bug in airdef, please report it"
        )


def _load_one(path: Path, format: str, encoding: str | None) -> StrikeData:
    name = str(path)
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; not {format!r}")
    data_bytes = _read_bytes(path)
    if format == "auto":
        format = _format_by_ending(path) or "delimited"
    rows_read: int | None
    if format == "text":
        data = _load_text(path, data_bytes, encoding)
        rows_read = None
    elif format in ("parquet", "excel", "json"):
        data, rows_read = canonical.read_canonical_frames(
            path, format, encoding=encoding, main=data_bytes
        )
    else:
        raw = read_table_text(decode(data_bytes, name, encoding), name)
        if format == "delimited":
            format = "airforce" if airforce.looks_like(raw.header) else "canonical"
        if format == "airforce":
            missing = airforce.REQUIRED - set(raw.header)
            if missing:
                raise DataError(
                    f"{name}: not the Air Force daily format; missing column(s) "
                    + ", ".join(sorted(missing))
                )
            events, quarantine = airforce.from_rows(raw.rows, origin=name)
            quarantine = pd.concat([raw.quarantine, quarantine], ignore_index=True)
            data = StrikeData(events=events, quarantine=quarantine)
            rows_read = raw.rows_read
        else:
            data, rows_read = canonical.read_canonical_frames(
                path, "csv", encoding=encoding, main=raw
            )
    if rows_read is not None:
        _check_invariant(name, data, rows_read)
    if len(data.quarantine):
        data.quarantine = data.quarantine.sort_values("source_row", kind="stable").reset_index(
            drop=True
        )
    quarantined = (
        len(data.quarantine[["origin", "source_row"]].drop_duplicates())
        if len(data.quarantine)
        else 0
    )
    data.provenance = pd.DataFrame(
        {
            "path": [name],
            "sha256": [hashlib.sha256(data_bytes).hexdigest()],
            "format": [format],
            "rows_read": [
                rows_read if rows_read is not None else len(data.events) + len(data.casualties)
            ],
            "rows_loaded": [len(data.events) + len(data.casualties)],
            "rows_quarantined": [quarantined],
            "airdef_version": [__version__],
        }
    ).astype({"rows_read": "Int64", "rows_loaded": "Int64", "rows_quarantined": "Int64"})
    return StrikeData(
        events=data.events,
        casualties=data.casualties,
        quarantine=data.quarantine,
        provenance=data.provenance,
        evidence=data.evidence,
    )


def load(
    source: str | Path | Iterable[str | Path],
    *,
    format: str = "auto",
    encoding: str | None = None,
) -> StrikeData:
    """Load strike reports from one file or several.

    Parameters
    ----------
    source : path or iterable of paths
        Air Force daily CSV, an airdef canonical file (CSV, Parquet, Excel, JSON)
        or a text report (``.txt``). Several files are loaded and concatenated.
    format : {"auto", "airforce", "canonical", "parquet", "excel", "json", "text"}
        ``auto`` detects the format from the ending and the header.
    encoding : str, optional
        Text encoding of CSV and text files; UTF-8 (with or without BOM) by default.

    Returns
    -------
    StrikeData
        Every input row is either in ``events`` (or ``casualties``) or in
        ``quarantine`` with its reason; ``provenance`` records each file.
        Of several table inputs that hold the same attack, the first keeps it
        and the later ones quarantine their rows of it ("already loaded from").

    Raises
    ------
    DataError
        When a file as a whole cannot be read: missing, not a regular file,
        over the size limit, empty, binary, not UTF-8, damaged, or with no
        recognisable columns; or when the same file is given twice. This is the
        only exception a data problem raises, and the message names the file.

    Examples
    --------
    >>> import airdef
    >>> data = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
    >>> data.events[["weapon_label", "launched", "launched_qual", "intercepted"]]
                                            weapon_label  launched launched_qual  intercepted
    0  ballistic, cruise, anti-aircraft and guided mi...        41      at_least           21
    """
    if isinstance(source, (str, Path)):
        return _load_one(Path(source), format, encoding)
    return _combine([_load_one(Path(s), format, encoding) for s in source])


def _combine(items: list[StrikeData]) -> StrikeData:
    """Concatenate inputs without counting any report twice.

    The same file given twice (same sha256) is refused. Rows of a table input whose
    attack id an earlier table input already holds (an Air Force CSV and its canonical
    copy, or two overlapping snapshots) are quarantined with a reason naming the
    earlier input, and the later input's provenance counts them as quarantined.
    Text reports are exempt: reports of one attack from several sources are
    reconciled, not summed.
    """
    seen_sha: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    out: list[StrikeData] = []
    for item in items:
        prov = item.provenance.iloc[0]
        name, sha = str(prov["path"]), str(prov["sha256"])
        if sha in seen_sha:
            raise DataError(
                f"{name}: the same content as {seen_sha[sha]} (identical sha256); "
                "give each input once"
            )
        seen_sha[sha] = name
        if prov["format"] != "text" and len(item.events):
            item = _drop_seen_attacks(item, name, seen_ids)
            for attack in item.events["attack_id"].dropna().unique():
                seen_ids.setdefault(str(attack), name)
        out.append(item)
    return concat(out)


def _drop_seen_attacks(item: StrikeData, name: str, seen: dict[str, str]) -> StrikeData:
    ids = item.events["attack_id"].astype("string")
    first = ids.map(seen).astype("string")
    dup = first.notna().to_numpy()
    if not dup.any():
        return item
    gone = item.events.loc[dup]
    held = pd.DataFrame(
        {
            "origin": gone["origin"].fillna(name).to_numpy(),
            "source_row": gone["source_row"].to_numpy(),
            "column": "attack_id",
            "value": gone["attack_id"].to_numpy(),
            "reason": ("its attack is already loaded from " + first[dup]).to_numpy(),
        }
    )
    held["reason"] = held["reason"] + "; not counted twice"
    casualties = item.casualties
    cas_dup = casualties["attack_id"].astype("string").map(seen).notna().to_numpy()
    if cas_dup.any():
        gone_c = casualties.loc[cas_dup]
        held = pd.concat(
            [
                held,
                pd.DataFrame(
                    {
                        "origin": gone_c["origin"].fillna(name).to_numpy(),
                        "source_row": pd.array([pd.NA] * int(cas_dup.sum()), dtype="Int64"),
                        "column": "attack_id",
                        "value": gone_c["attack_id"].to_numpy(),
                        "reason": "casualties of an attack already loaded; not counted twice",
                    }
                ),
            ],
            ignore_index=True,
        )
        casualties = casualties.loc[~cas_dup]
    evidence = item.evidence
    if len(evidence):
        evidence = evidence.loc[~evidence["attack_id"].astype("string").map(seen).notna()]
    prov = item.provenance.copy()
    n = int(dup.sum()) + int(cas_dup.sum())
    prov["rows_loaded"] = prov["rows_loaded"] - n
    prov["rows_quarantined"] = prov["rows_quarantined"] + n
    return StrikeData(
        events=item.events.loc[~dup],
        casualties=casualties,
        quarantine=pd.concat([item.quarantine, held], ignore_index=True),
        provenance=prov,
        evidence=evidence,
    )
