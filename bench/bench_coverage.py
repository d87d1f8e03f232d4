"""Coverage grid of the default clustered interval (1,000 seeded replicates a cell).

The grid of :mod:`airdef.stats.coverage`: 3-100 attacks, intra-attack correlation 0-0.5,
rates 0.05-0.99, Poisson(8) and heavy-tailed sizes (lognormal median 8, sdlog 1.2, 10%
swarms of 500), rates independent of or tied to size: 320 cells in one vectorized call.
Prints the worst cells overall and among rows marked reliable, and the width against
Wilson at no correlation.
"""

from __future__ import annotations

import time

import pandas as pd

from airdef.stats.coverage import coverage_grid

REPS = 1000


def main() -> None:
    start = time.perf_counter()
    grid = coverage_grid(reps=REPS, seed=5)
    took = time.perf_counter() - start
    print(f"  {len(grid)} cells x {REPS} replicates = {len(grid) * REPS:,} groups in {took:.1f} s")
    with pd.option_context("display.width", 140, "display.max_columns", 20):
        cols = ["K", "icc", "p", "sizes", "tied", "coverage", "reliable_share", "coverage_reliable"]
        print("  coverage by sizes and attacks (min, mean over cells):")
        print(grid.groupby(["sizes", "K"])["coverage"].agg(["min", "mean"]).round(3).to_string())
        enough = grid["reliable_share"] * REPS >= 100
        rel = grid.loc[enough]
        print(f"  reliable rows: {int(enough.sum())} cells with >= 100 reliable replicates;")
        print(f"  worst reliable coverage {rel['coverage_reliable'].min():.3f}; cells below 0.93:")
        print(rel.loc[rel["coverage_reliable"] < 0.93, cols].round(3).to_string(index=False))
        flat = grid.loc[(grid["icc"] == 0) & (grid["K"] >= 30) & ~grid["tied"]]
        flat = flat.assign(
            mean=flat["width"] / flat["width_wilson"],
            median=flat["width_median"] / flat["width_wilson_median"],
            reliable=flat["width_reliable"] / flat["width_wilson_reliable"],
        )
        print("  width / Wilson at ICC 0, K >= 30, rates not tied to size (mean, median, mean")
        print("  over reliable rows), with the share of rows reliable and all-same:")
        cols = ["K", "p", "sizes", "mean", "median", "reliable", "reliable_share", "all_same"]
        print(flat[cols].round(3).to_string(index=False))


if __name__ == "__main__":
    main()
