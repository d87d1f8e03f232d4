"""The cluster bootstrap: resample attacks with replacement, vectorized over draws and groups."""

from __future__ import annotations

import numpy as np
from scipy import special

from airdef.stats._clusters import Clusters

__all__ = ["cluster_bootstrap"]


def cluster_bootstrap(
    cl: Clusters, n_boot: int, seed: int | None, alpha: float, *, bca: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Cluster bootstrap of sum(x)/sum(n) per group, vectorized over draws and groups.

    Every draw resamples each group's attacks with replacement (uniform indices into
    the group's rows). Draws are made in blocks that bound memory; the stream of random
    numbers, and so the result, does not depend on the block size.
    """
    H, C = cl.H, cl.x.size
    rng = np.random.default_rng(seed)
    ratios = np.empty((n_boot, H))
    block = max(1, 2_000_000 // max(C, 1))
    size_of = cl.count[cl.h].astype(float)
    first = cl.start[cl.h]
    for b0 in range(0, n_boot, block):  # blocks of draws bound memory; not one draw each
        m = min(block, n_boot - b0)
        idx = first + (rng.random((m, C)) * size_of).astype(np.intp)
        # rows are sorted by group, so each group's resampled attacks are contiguous
        sx = np.add.reduceat(cl.x[idx], cl.start, axis=1)
        sn = np.add.reduceat(cl.n[idx], cl.start, axis=1)
        ratios[b0 : b0 + m] = sx / sn
    X = np.bincount(cl.h, weights=cl.x, minlength=H)
    N = np.bincount(cl.h, weights=cl.n, minlength=H)
    theta = X / N
    z = special.ndtri(np.array([alpha / 2.0, 1.0 - alpha / 2.0]))
    if bca:
        below = (ratios < theta).mean(axis=0) + 0.5 * (ratios == theta).mean(axis=0)
        below = np.clip(below, 0.5 / n_boot, 1.0 - 0.5 / n_boot)
        z0 = special.ndtri(below)
        # acceleration from the leave-one-attack-out ratios
        jack = (X[cl.h] - cl.x) / (N[cl.h] - cl.n)
        d = np.bincount(cl.h, weights=jack, minlength=H)[cl.h] / cl.count[cl.h] - jack
        d2 = np.bincount(cl.h, weights=d * d, minlength=H)
        d3 = np.bincount(cl.h, weights=d * d * d, minlength=H)
        with np.errstate(divide="ignore", invalid="ignore"):
            acc = np.where(d2 > 0, d3 / (6.0 * d2**1.5), 0.0)
        zz = z0[:, None] + z[None, :]
        levels = special.ndtr(z0[:, None] + zz / (1.0 - acc[:, None] * zz))
    else:
        levels = np.broadcast_to(special.ndtr(z), (H, 2))
    ratios.sort(axis=0)
    pos = np.clip(levels, 0.0, 1.0) * (n_boot - 1)  # numpy's default "linear" quantile
    below_i = np.floor(pos).astype(np.intp)
    above_i = np.minimum(below_i + 1, n_boot - 1)
    frac = pos - below_i
    cols = np.arange(H)[:, None]
    q = ratios[below_i, cols] * (1 - frac) + ratios[above_i, cols] * frac
    return q[:, 0], q[:, 1]
