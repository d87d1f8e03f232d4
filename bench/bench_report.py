"""Analyst report on the newest real snapshot: wall time per step and in total (goal: under 15 s).

Runs ``airdef report`` as a user would (a fresh process, so imports count) with
``--progress`` and reads the per-step times it prints. Skips with a message when
the snapshot is absent.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AIRDEF_SHARED", ROOT.parent / "shared"))
SNAPSHOT = SHARED / "data" / "real" / "snapshot_2026-06" / "missile_attacks_daily.csv"
GOAL = 15.0


def run_once(out: Path) -> tuple[float, dict[str, float]]:
    """One ``airdef report`` run: wall seconds and the seconds of each step."""
    command = [sys.executable, "-m", "airdef", "report", str(SNAPSHOT), "--out", str(out),
               "--progress"]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    steps = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"^\s+(\w+)\s.*?([\d.]+) s$", done.stderr, flags=re.MULTILINE)
    }
    return wall, steps


def main() -> None:
    if not SNAPSHOT.exists():
        print(f"  skipped: the real snapshot is not at {SNAPSHOT} (set AIRDEF_SHARED)")
        return
    print(f"  input: {SNAPSHOT.name} (snapshot_2026-06), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [run_once(Path(tmp) / f"run{i}") for i in range(2)]
    wall, steps = min(runs, key=lambda r: r[0])
    print(f"  {'step':<12} {'seconds':>8}")
    for name, seconds in steps.items():
        if name != "total":
            print(f"  {name:<12} {seconds:8.2f}")
    startup = wall - steps.get("total", wall)
    print(f"  {'start-up':<12} {startup:8.2f}   (interpreter and imports)")
    verdict = "meets" if wall < GOAL else "misses"
    print(f"  {'wall, total':<12} {wall:8.2f}   best of 2; {verdict} the {GOAL:.0f} s goal")


if __name__ == "__main__":
    main()
