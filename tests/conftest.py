"""Shared fixtures: where the real snapshots and the text corpus live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AIRDEF_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "data" / "real"
CORPUS = SHARED / "corpus"
SNAPSHOTS = {
    "2025-05": REAL / "snapshot_2025-05" / "missile_attacks_daily.csv",
    "2026-06": REAL / "snapshot_2026-06" / "missile_attacks_daily.csv",
}


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.skip(f"{what} not found at {path} (set AIRDEF_SHARED to the shared folder)")
    return path


@pytest.fixture(params=sorted(SNAPSHOTS), ids=lambda k: f"snapshot_{k}")
def snapshot(request) -> Path:
    """Each real Air Force snapshot, read in place."""
    return _need(SNAPSHOTS[request.param], "the real Air Force snapshot")


@pytest.fixture
def newest_snapshot() -> Path:
    return _need(SNAPSHOTS["2026-06"], "the real Air Force snapshot")


@pytest.fixture
def corpus_dir() -> Path:
    return _need(CORPUS, "the text-report corpus")
