"""Text-report parsing: reports per second on the annotated dev corpus, and long inputs.

Reads every excerpt of ``../shared/corpus/reports_dev*.json`` (skipped when the
corpus is absent) and prints the parse rate per language, then the time for
inputs that a quadratic pattern would take minutes on: 40,000 digits, 10,000
range-like pairs, and a 1 MB text made of the English dev excerpts (time grows
linearly with size: ten times the text takes about ten times as long).
"""

from __future__ import annotations

import json
import os
import time
import warnings
from pathlib import Path

import airdef
from airdef.io.text import NoCountsWarning

CORPUS = (
    Path(os.environ.get("AIRDEF_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"
)


def _time(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    warnings.simplefilter("ignore", NoCountsWarning)
    files = sorted(CORPUS.glob("reports_dev*.json"))
    if not files:
        print(f"corpus not found at {CORPUS}; set AIRDEF_SHARED")
        return
    by_lang: dict[str, list[dict]] = {}
    for path in files:
        for e in json.loads(path.read_text(encoding="utf-8")):
            by_lang.setdefault(e.get("lang", "en"), []).append(e)
    airdef.parse_report("Russia launched 5 drones.")  # warm the catalog and patterns
    print(f"{'language':<10}{'reports':>9}{'chars':>10}{'seconds':>10}{'reports/s':>12}{'kB/s':>8}")
    for lang, entries in sorted(by_lang.items()):
        chars = sum(len(e["text"]) for e in entries)

        def run(entries=entries):
            for e in entries:
                airdef.parse_report(e["text"], published=e["published"])

        sec = _time(run, repeat=3)
        print(
            f"{lang:<10}{len(entries):>9}{chars:>10}{sec:>10.3f}{len(entries) / sec:>12.1f}{chars / sec / 1000:>8.0f}"
        )
    cases = {
        "40,000 digits": "Russia launched " + "1" * 40_000 + " drones.",
        "10,000 '7 - ' pairs": "7 - " * 10_000,
    }
    english = " ".join(e["text"] for e in by_lang.get("en", []))
    if english:
        big = (english + "\n") * (1_000_000 // (len(english) + 1) + 1)
        cases["1 MB of news text"] = big[:1_000_000]
    for name, text in cases.items():
        sec = _time(lambda text=text: airdef.parse_report(text, published="2024-01-01"))
        print(f"{name:<24}{len(text):>12,} chars {sec:>8.2f} s  ({len(text) / sec / 1e6:.2f} MB/s)")
