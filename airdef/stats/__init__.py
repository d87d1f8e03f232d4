"""Pure, vectorized estimators: no I/O, no plotting.

* :mod:`airdef.stats.binomial` — confidence intervals for one proportion.
* :mod:`airdef.stats.diff` — confidence intervals for a difference of two proportions.
* :mod:`airdef.stats.cluster` — overdispersion diagnostics and intervals that respect attacks.
* :mod:`airdef.stats.pooling` — empirical-Bayes shrinkage of rare weapons toward their class.
"""
