"""Loading at 10^4, 10^5 and 10^6 rows: time and peak memory, against pandas.read_csv

Air Force-format CSVs of 10^4, 10^5 and 10^6 rows are built by repeating the rows of the
newest real snapshot with their dates moved on (or synthetic rows when the snapshot is
absent). Each size is loaded in a fresh Python process, so the peak resident memory
(``ru_maxrss``) is that of the load alone, with the import's own footprint subtracted.
The obvious alternative is ``pandas.read_csv`` of the same file (no checks, no
quarantine). The rate table by class and the monthly trend are timed on the loaded data.
Set ``AIRDEF_BENCH_MAX_ROWS`` to stop at a smaller size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

SNAPSHOT = (
    Path(os.environ.get("AIRDEF_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "data/real/snapshot_2026-06/missile_attacks_daily.csv"
)
SIZES = (10_000, 100_000, 1_000_000)

_CHILD = r"""
import json, resource, sys, time
import pandas as pd
import airdef
path, what = sys.argv[1], sys.argv[2]
airdef.load(airdef.sample_path("attack_2024-01-23.csv"))  # warm the imports
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
out = {}
if what == "airdef":
    data = airdef.load(path)
    out["load"] = time.perf_counter() - start
    out["rows"] = len(data.events)
    out["quarantined"] = int(data.provenance["rows_quarantined"].sum())
    out["peak_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
    t = time.perf_counter()
    airdef.interception_rates(data, by="weapon_class")
    out["rates"] = time.perf_counter() - t
    t = time.perf_counter()
    airdef.rate_trend(data, by="weapon_class")
    out["trend"] = time.perf_counter() - t
else:
    frame = pd.read_csv(path, dtype="string")
    out["load"] = time.perf_counter() - start
    out["peak_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
print(json.dumps(out))
"""


def _template() -> pd.DataFrame:
    if SNAPSHOT.exists():
        return pd.read_csv(SNAPSHOT, dtype="string", keep_default_na=False)
    rng = np.random.default_rng(0)
    n = 3000
    days = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")
    launched = rng.integers(1, 200, n)
    return pd.DataFrame(
        {
            "time_start": days.strftime("%Y-%m-%d 18:00"),
            "time_end": (days + pd.Timedelta(hours=14)).strftime("%Y-%m-%d %H:%M"),
            "model": rng.choice(["Shahed-136/131", "Kalibr", "Iskander-M", "X-101/X-555"], n),
            "launched": launched.astype(str),
            "destroyed": rng.binomial(launched, 0.8).astype(str),
            "source": [f"kpszsu/posts/{i}" for i in range(n)],
        }
    ).astype("string")


def _write(rows: int, folder: Path) -> Path:
    """``rows`` rows: copies of the template, each copy's times moved on and sources renamed."""
    template = _template()
    copies = -(-rows // len(template))
    frame = pd.concat([template] * copies, ignore_index=True).iloc[:rows]
    copy = np.repeat(np.arange(copies), len(template))[:rows]
    shift = pd.to_timedelta(copy * 7, unit="D")
    for col in ("time_start", "time_end"):
        times = pd.to_datetime(frame[col], format="mixed", errors="coerce")
        frame[col] = (times + shift).dt.strftime("%Y-%m-%d %H:%M").astype("string")
    frame["source"] = frame["source"] + "/" + pd.Series(copy, dtype="string")
    path = folder / f"af_{rows}.csv"
    frame.to_csv(path, index=False)
    return path


def _run(path: Path, what: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    limit = int(os.environ.get("AIRDEF_BENCH_MAX_ROWS", SIZES[-1]))
    print(
        f"  {'rows':>9} {'MB':>7} {'airdef load':>12} {'read_csv':>9} {'ratio':>6}"
        f" {'peak MB':>8} {'read_csv MB':>11} {'rates':>7} {'trend':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for rows in (s for s in SIZES if s <= limit):
            path = _write(rows, Path(tmp))
            ours = _run(path, "airdef")
            plain = _run(path, "pandas")
            print(
                f"  {rows:>9,} {path.stat().st_size / 1024**2:>7.1f} {ours['load']:>10.2f} s"
                f" {plain['load']:>7.2f} s {plain['load'] / ours['load']:>6.2f}"
                f" {ours['peak_mb']:>8.0f} {plain['peak_mb']:>11.0f}"
                f" {ours['rates']:>5.2f} s {ours['trend']:>5.2f} s",
                flush=True,
            )
            path.unlink()
