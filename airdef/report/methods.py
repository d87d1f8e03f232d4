"""What each interval method is, in a sentence or two, for the methods appendix.

The texts follow the docstrings of :mod:`airdef.stats.binomial`,
:mod:`airdef.stats.cluster` and :mod:`airdef.stats.pooling`. The appendix
describes the method ``auto`` uses (:data:`airdef.stats.cluster.AUTO_METHOD`),
every method that appears in the report's tables, and the alternatives.
"""

from __future__ import annotations

__all__ = ["METHOD_TEXT", "describe"]

#: One description per ``method`` value the rate tables can show.
METHOD_TEXT: dict[str, str] = {
    "wilson": (
        "Wilson's score interval on the pooled counts (Wilson 1927): keeps its coverage near "
        "the nominal level for small counts and for rates near 0 or 1, unlike the Wald "
        "interval. Every clustered interval is at least as wide as it."
    ),
    "attack_level": (
        "the attack-level interval: Clopper-Pearson bounds with the attacks counted as "
        "Kish's effective number of trials, as if each attack succeeded or failed as one "
        "(an intra-attack correlation of 1). Used for a group with a single attack and "
        "where every attack had the same outcome, since such data say nothing about the "
        "correlation; with every weapon intercepted its lower bound is (α/2)^(1/n_eff)."
    ),
    "korn_graubard": (
        "Korn and Graubard's (1998) design-effect Clopper-Pearson interval for the pooled "
        "ratio: the counts are divided by the design effect, the larger of the model-based "
        "1 + ρ(m_w − 1) (m_w the size-weighted mean attack size, ρ the moment estimate of "
        "the intra-attack correlation) and the leave-one-attack-out jackknife's, which does "
        "not assume that the rate is unrelated to attack size; the effective sample size "
        "is then reduced by (z / t(df))², with Satterthwaite's degrees of freedom for the "
        "clustered variance, the binomial part of which has degrees of freedom known from "
        "the rate: with unequal attacks or few misses the variance rests on few attacks, and "
        "df says how few; when the attacks add little to the binomial variance, df is large "
        "and the interval is close to Wilson's. Where df is at least 20 the bounds are the "
        "mid-p ones (Lancaster 1961) on the same counts, since Clopper-Pearson's excess over "
        "the nominal level is then not needed. On airdef's seeded coverage grid (3 to "
        "100 attacks, intra-attack correlation 0 to 0.5, rates 0.05 to 0.99, Poisson and "
        "heavy-tailed attack sizes; 1,000 replicates a cell) the rows it marks reliable "
        "covered at least 94% at nominal 95% in every cell."
    ),
    "deff_wilson": (
        "Wilson's interval on the same design-effect-adjusted counts as Korn and Graubard's: "
        "a little narrower, and less safe near 0 and 1."
    ),
    "betabinomial": (
        "the profile-likelihood interval for the mean of a beta-binomial model of the "
        "attacks, with the intra-attack correlation profiled out and an F(1, k − 1) cut-off "
        "for k attacks. It estimates the mean attack-level rate, which equals the pooled "
        "ratio only when attack size is unrelated to the attack's rate."
    ),
    "bootstrap": (
        "a BCa cluster bootstrap that resamples attacks with replacement (seeded). It makes "
        "no model assumption but undercovers with few attacks (about 89% with 30 attacks)."
    ),
    "none": "no interval: nothing was launched in the group.",
}


def describe(method: str) -> str:
    """The description of ``method``, or a plain statement of its name.

    Examples
    --------
    >>> describe("wilson").split(" (")[0]
    "Wilson's score interval on the pooled counts"
    >>> describe("new_method")
    'the new_method interval (see airdef.stats).'
    """
    return METHOD_TEXT.get(method, f"the {method} interval (see airdef.stats).")
