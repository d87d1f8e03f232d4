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

    Every draw resamples each group's attacks with replacement. Each group has its own
    random stream, seeded by ``seed`` and the group's own data (attacks, intercepted,
    launched), so a group's interval does not depend on which other groups are in the
    call. Draws are made in blocks that bound memory.
    """
    H = cl.H
    ratios = np.empty((n_boot, H))
    X = np.bincount(cl.h, weights=cl.x, minlength=H)
    N = np.bincount(cl.h, weights=cl.n, minlength=H)
    for h in range(H):  # one stream per group: a loop over groups, vectorized over draws
        first, size = int(cl.start[h]), int(cl.count[h])
        xs, ns = cl.x[first : first + size], cl.n[first : first + size]
        rng = np.random.default_rng(None if seed is None else [seed, size, int(X[h]), int(N[h])])
        block = max(1, 4_000_000 // max(size, 1))
        for b0 in range(0, n_boot, block):  # blocks of draws bound memory
            m = min(block, n_boot - b0)
            idx = rng.integers(0, size, (m, size))
            ratios[b0 : b0 + m, h] = xs[idx].sum(axis=1) / ns[idx].sum(axis=1)
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
