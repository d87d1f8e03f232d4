"""Run every benchmark module (``bench/bench_*.py``) in name order and print its table."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    only = set(sys.argv[1:])
    for name in names:
        if only and name.removeprefix("bench_") not in only and name not in only:
            continue
        module = importlib.import_module(f"bench.{name}")
        title = (module.__doc__ or name).strip().splitlines()[0]
        print(f"\n== {title} ==", flush=True)
        start = time.perf_counter()
        module.main()
        print(f"({name} took {time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
