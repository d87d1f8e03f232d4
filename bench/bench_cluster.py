"""Clustered intervals: airdef vs statsmodels GLM and a pandas loop.

Data: 20 groups x 2,000 attacks, attack sizes round(exp(Normal(log 10, 1))) clipped to
[1, 400], beta-binomial outcomes (rates 0.5..0.95, intra-attack correlation 0..0.3).

* summary + auto interval: :func:`cluster_summary` and ``clustered_ci(method="auto")``
  (the Korn-Graubard interval with the jackknife design effect, every group) against a
  statsmodels binomial GLM with cluster-robust (attack) covariance fitted per group in a
  loop.
* bootstrap: ``clustered_ci(method="bootstrap")`` with 2,000 draws against a plain
  loop over groups and draws (pandas groupby + numpy resampling, percentile interval).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from airdef.stats.cluster import cluster_summary, clustered_ci
from bench._timing import best_of, row

GROUPS, ATTACKS, DRAWS = 20, 2000, 2000


def make_data(seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    mu = np.linspace(0.5, 0.95, GROUPS)
    rho = np.linspace(0.0, 0.3, GROUPS)
    group = np.repeat(np.arange(GROUPS), ATTACKS)
    n = np.clip(np.rint(np.exp(rng.normal(np.log(10.0), 1.0, group.size))), 1, 400)
    strength = np.where(rho > 0, 1.0 / np.maximum(rho, 1e-12) - 1.0, np.inf)
    a, b = mu * strength, (1 - mu) * strength
    p = np.where(np.isinf(strength[group]), mu[group], 0.0)
    mixed = ~np.isinf(strength[group])
    p[mixed] = rng.beta(a[group][mixed], b[group][mixed])
    x = rng.binomial(n.astype(np.int64), p)
    return pd.DataFrame({"x": x, "n": n.astype(np.int64), "group": group})


def ours_auto(df: pd.DataFrame) -> pd.DataFrame:
    x, n, g = df["x"].to_numpy(), df["n"].to_numpy(), df["group"].to_numpy()
    summary = cluster_summary(x, n, g)
    return summary.join(clustered_ci(x, n, g)[["ci_low", "ci_high", "method", "reliable"]])


def statsmodels_loop(df: pd.DataFrame) -> pd.DataFrame:
    import statsmodels.api as sm

    out = []
    for _code, part in df.groupby("group"):
        endog = np.column_stack([part["x"], part["n"] - part["x"]])
        exog = np.ones((len(part), 1))
        groups = np.arange(len(part))  # each row is one attack (cluster)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = sm.GLM(endog, exog, family=sm.families.Binomial()).fit(
                cov_type="cluster", cov_kwds={"groups": groups}
            )
        low, high = fit.conf_int()[0]
        out.append((1 / (1 + np.exp(-low)), 1 / (1 + np.exp(-high)), fit.pearson_chi2))
    return pd.DataFrame(out, columns=["ci_low", "ci_high", "chi2"])


def ours_bootstrap(df: pd.DataFrame) -> pd.DataFrame:
    return clustered_ci(df["x"], df["n"], df["group"], method="bootstrap", n_boot=DRAWS)


def pandas_bootstrap(df: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    out = []
    for _code, part in df.groupby("group"):
        x, n = part["x"].to_numpy(), part["n"].to_numpy()
        ratios = np.empty(DRAWS)
        for b in range(DRAWS):
            idx = rng.integers(0, len(x), len(x))
            ratios[b] = x[idx].sum() / n[idx].sum()
        out.append(np.quantile(ratios, [0.025, 0.975]))
    return pd.DataFrame(out, columns=["ci_low", "ci_high"])


def main() -> None:
    df = make_data()
    print(f"  {GROUPS} groups x {ATTACKS} attacks = {len(df)} rows; {DRAWS} bootstrap draws")
    print(f"  {'':<46} {'airdef':>13} {'other':>13} {'ratio':>8}")
    t_ours = best_of(lambda: ours_auto(df), repeat=3)
    t_sm = best_of(lambda: statsmodels_loop(df), repeat=3)
    print(row("summary + auto CI vs statsmodels GLM loop", t_ours, t_sm, "GLM: Wald, robust SE"))
    x, n, g = df["x"].to_numpy(), df["n"].to_numpy(), df["group"].to_numpy()
    t_sum = best_of(lambda: cluster_summary(x, n, g), repeat=5)
    print(row("cluster_summary alone", t_sum))
    t_deff = best_of(lambda: clustered_ci(x, n, g, method="deff_wilson"), repeat=5)
    print(row("clustered_ci(method='deff_wilson') alone", t_deff))
    t_boot = best_of(lambda: ours_bootstrap(df), repeat=3)
    t_loop = best_of(lambda: pandas_bootstrap(df), repeat=1)
    print(row("bootstrap vs pandas/numpy loop per draw", t_boot, t_loop, "BCa vs percentile"))
    auto = ours_auto(df)
    print("  groups given the clustered interval by auto:", int((auto["method"] != "wilson").sum()))


if __name__ == "__main__":
    main()
