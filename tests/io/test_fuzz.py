"""Seeded mutation fuzzing of every loader.

Each mutant of a valid input (the real Air Force CSV's first rows when the shared
data is present, else a small file in its format; canonical CSV, JSON, Excel and
Parquet written from it; a text report) must either raise :class:`airdef.DataError`
naming the file, or load with every row accounted for (rows read = loaded +
quarantined) and no blank count turned into a number. The normal suite runs a few
hundred mutants; ``pytest -m slow`` runs thousands.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pandas as pd
import pytest

import airdef
from airdef import DataError
from airdef.io.canonical import write_canonical
from airdef.io.parsers import is_blank
from tests.conftest import SNAPSHOTS

AF_FALLBACK = (
    "time_start,time_end,model,launch_place,target,launched,destroyed,not_reach_goal,"
    "still_attacking,source\n"
    '2026-06-06 18:00,2026-06-07 08:30,Shahed-136/131,"Primorsko-Akhtarsk and Chauda, '
    'Crimea",Ukraine,236.0,215.0,0.0,4.0,kpszsu/posts/1\n'
    "2026-06-06,2026-06-06,Unknown UAV,,south,82.0,82.0,,,PvKPivden/posts/2\n"
    "2026-06-04 18:00,2026-06-05 07:30,X-59/X-69,Zaporizhzhia oblast,Ukraine,2.0,0.0,2.0,,"
    "kpszsu/posts/3\n"
    "2026-06-03 18:00,2026-06-04 08:00,Iskander-M/KN-23,Kursk oblast,Ukraine,4.0,,,,"
    "kpszsu/posts/4\n"
)
TEXT_REPORT = (
    "published: 2024-01-23\nsource: https://example.org/r/1\n"
    "Overnight Russia launched 40 Shahed drones and 6 Kalibr missiles; air defence shot "
    "down 35 drones and 5 missiles.\n---\npublished: 2024-02-01\n"
    "Air defences destroyed 9 of 12 Shahed drones over Odesa.\n"
)
HOSTILE = [
    '"',
    ",",
    "\n",
    "\r",
    "\r\n",
    "\x00",
    "\t",
    "=cmd|' /C calc'!A0",
    "1e-400",
    "1e30",
    "-7",
    "9" * 25,
    "9" * 5000,
    "\uff11\uff12",
    "9999-12-31",
    "2024-02-30",
    "\u202e",
    "Шахед",
    "NaN",
    "",
    " ",
    "x" * 140_000,
]


def _base_af() -> str:
    path = SNAPSHOTS["2026-06"]
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            return "".join(handle.readline() for _ in range(31))
    return AF_FALLBACK


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("bases")
    af = _base_af()
    (folder / "af.csv").write_text(af, encoding="utf-8", newline="")
    data = airdef.load(folder / "af.csv")
    out = {"af.csv": af.encode("utf-8"), "report.txt": TEXT_REPORT.encode("utf-8")}
    for name in ("canonical.csv", "canonical.json", "canonical.xlsx", "canonical.parquet"):
        write_canonical(data, folder / name)
        out[name] = (folder / name).read_bytes()
    return out


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """One to three byte-level edits: insert, delete, duplicate, truncate or overwrite."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(out) + 1)
        op = rng.random()
        if op < 0.35:
            token = rng.choice(HOSTILE).encode("utf-8")
            out[at:at] = token[: rng.choice([1, len(token)])]
        elif op < 0.55:
            out[at : at + rng.randint(1, 40)] = b""
        elif op < 0.7:
            out[at:at] = out[at : at + rng.randint(1, 200)]
        elif op < 0.8:
            del out[at:]
        else:
            for _ in range(rng.randint(1, 4)):
                if out:
                    out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _mutate_cells(text: str, rng: random.Random) -> str:
    """Replace a few cells of a CSV with hostile values, re-quoting as a writer would."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for _ in range(rng.randint(1, 4)):
        r = rng.randrange(1, len(rows)) if len(rows) > 1 else 0
        if rows[r]:
            rows[r][rng.randrange(len(rows[r]))] = rng.choice(HOSTILE)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _mutate_json(data: bytes, rng: random.Random) -> bytes:
    payload = json.loads(data)
    records = payload["events"]
    for _ in range(rng.randint(1, 4)):
        rec = rng.choice(records)
        key = rng.choice(sorted(rec))
        rec[key] = rng.choice([*HOSTILE, None, 1e308, -1, 7.9, [1, [2]], {"a": 1}, True, 10**30])
    if rng.random() < 0.2:
        records.append(rng.choice(["x", 1, None, []]))
    return json.dumps(payload).encode("utf-8")


def _mutant(name: str, base: bytes, rng: random.Random) -> bytes:
    if name.endswith(".json") and rng.random() < 0.6:
        return _mutate_json(base, rng)
    if name.endswith(".csv") and rng.random() < 0.5:
        return _mutate_cells(base.decode("utf-8"), rng).encode("utf-8")
    return _mutate_bytes(base, rng)


def _raw_records(data: bytes) -> dict[int, dict[str, str]]:
    """An independent reading of a CSV: record by the line it starts on."""
    text = data.decode("utf-8-sig")
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    out: dict[int, dict[str, str]] = {}
    header = None
    before = 0
    for record in reader:
        start = before + 1
        before = reader.line_num
        if header is None:
            header = record
            continue
        if len(record) == len(header):
            out[start] = dict(zip(header, record, strict=True))
    return out


def _check(path: Path, data: bytes) -> str:
    """Load one mutant and check the promises; returns the outcome for the tally."""
    try:
        loaded = airdef.load(path)
    except DataError as exc:
        message = str(exc)
        assert "bug in airdef" not in message, message
        assert str(path) in message, message
        assert "\n" not in message.strip(), message
        return "error"
    prov = loaded.provenance
    if prov["format"].iloc[0] != "text":
        assert (prov["rows_read"] == prov["rows_loaded"] + prov["rows_quarantined"]).all()
    if path.suffix == ".csv" and prov["format"].iloc[0] == "airforce":
        raw = _raw_records(data)
        events = loaded.events
        for column, source in (("launched", "launched"), ("intercepted", "destroyed")):
            cells = events["source_row"].map(lambda r, s=source: raw.get(int(r), {}).get(s))
            known = cells.notna()
            blank = is_blank(cells[known].astype("string"))
            assert events.loc[blank[blank].index, column].isna().all(), column
    return "loaded"


def _run(bases: dict[str, bytes], folder: Path, n: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    tally: dict[str, int] = {}
    names = sorted(bases)
    for i in range(n):
        name = names[i % len(names)]
        data = _mutant(name, bases[name], rng)
        path = folder / f"m{i}_{name}"
        path.write_bytes(data)
        outcome = _check(path, data)
        tally[f"{name}:{outcome}"] = tally.get(f"{name}:{outcome}", 0) + 1
        path.unlink()
    return tally


def test_mutants_give_data_error_or_account_for_every_row(bases, tmp_path):
    tally = _run(bases, tmp_path, 180, seed=20260601)
    # Both outcomes occur for the text formats: the fuzzing reaches the row checks.
    assert tally.get("af.csv:loaded", 0) > 0 and tally.get("canonical.json:loaded", 0) > 0
    assert sum(tally.values()) == 180


@pytest.mark.slow
def test_thousands_of_mutants(bases, tmp_path):
    tally = _run(bases, tmp_path, 3000, seed=7)
    assert sum(tally.values()) == 3000


def test_the_base_inputs_load_cleanly(bases, tmp_path):
    for name, data in bases.items():
        path = tmp_path / name
        path.write_bytes(data)
        loaded = airdef.load(path)
        assert len(loaded.events) > 0, name
        if name != "report.txt":
            assert len(loaded.quarantine) == 0, (name, loaded.quarantine)


def test_hostile_count_cells_load_only_as_blanks(tmp_path):
    # Every hostile value as a launched cell: none is a plain whole number, so each row
    # either loads with launched blank (the value is a blank) or is quarantined.
    values = [v for v in HOSTILE if v != "\x00"]  # NUL makes the whole file binary
    rows = []
    for value in values:
        cell = '"' + value.replace('"', '""') + '"'
        rows.append(f"2024-01-23,2024-01-23 08:00,Kalibr,{cell},1,,kpszsu/posts/1")
    header = "time_start,time_end,model,launched,destroyed,not_reach_goal,source\n"
    path = tmp_path / "hostile.csv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8", newline="")
    data = airdef.load(path)
    prov = data.provenance
    assert int(prov["rows_read"].iloc[0]) == len(values)
    assert (prov["rows_read"] == prov["rows_loaded"] + prov["rows_quarantined"]).all()
    assert data.events["launched"].isna().all()
    assert len(data.events) == int(is_blank(pd.Series(values)).sum())
