"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(func: Callable[[], object], *, repeat: int = 5, budget: float = 10.0) -> float:
    """Best wall time of ``func()`` in seconds over up to ``repeat`` runs within ``budget`` seconds."""
    best = float("inf")
    spent = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        spent += elapsed
        if spent > budget:
            break
    return best


def row(name: str, ours: float, theirs: float | None = None, note: str = "") -> str:
    """One aligned line: name, our time, their time, ratio, note."""
    if theirs is None:
        return f"  {name:<46} {ours * 1e3:10.2f} ms {'':>12} {'':>8}  {note}"
    ratio = theirs / ours if ours > 0 else float("inf")
    return f"  {name:<46} {ours * 1e3:10.2f} ms {theirs * 1e3:10.2f} ms {ratio:7.1f}x  {note}"
