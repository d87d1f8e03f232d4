"""Pure, vectorized estimators: no I/O, no plotting.

* :mod:`airdef.stats.binomial` — confidence intervals for one proportion.
* :mod:`airdef.stats.diff` — confidence intervals for a difference of two proportions.
* :mod:`airdef.stats.cluster` — overdispersion diagnostics and intervals that respect attacks.
* :mod:`airdef.stats.betabinom` — the beta-binomial model of attacks (fit and profile likelihood).
* :mod:`airdef.stats.bootstrap` — the cluster bootstrap.
* :mod:`airdef.stats.pooling` — shrinkage of rare weapons toward their class.

Input checks shared by these modules live in ``airdef.stats._common``; special functions
and root finding in ``airdef.stats._special``; per-group aggregates in
``airdef.stats._clusters``.
"""

from airdef.stats.betabinom import betabinomial_fit
from airdef.stats.binomial import BinomialCI, binomial_ci, wilson_bounds
from airdef.stats.cluster import CLUSTER_METHODS, cluster_summary, clustered_ci
from airdef.stats.diff import diff_ci
from airdef.stats.pooling import eb_pool

__all__ = [
    "CLUSTER_METHODS",
    "BinomialCI",
    "betabinomial_fit",
    "binomial_ci",
    "cluster_summary",
    "clustered_ci",
    "diff_ci",
    "eb_pool",
    "wilson_bounds",
]
