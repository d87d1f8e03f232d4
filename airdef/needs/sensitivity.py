"""Which assumption matters: global (Sobol) sensitivity of each system's need and cost.

Every number of the doctrine and every uncertain input becomes a factor with a
range, and SALib's Saltelli design with Sobol indices (Saltelli et al. 2010,
*Comput. Phys. Commun.* 181: 259-270; Herman and Usher 2017, *JOSS* 2(9): 97)
measures how much of the variance of each output each factor explains, alone
(``S1``) and with its interactions (``ST``, the total-order index).

**Factors and their ranges** (each an assumption, stated here):

* ``launches/<class>``: the daily mean, over the 0-100% quantiles of its
  posterior (a data forecast), or the scenario's rate times 1 +/- ``spread``;
* ``rate/<class>``: the interception rate over the quantiles of its Beta (the
  rate table's interval), or +/- 0.05 around a fixed rate;
* ``share/<class>/<system>`` and ``ew/<class>``: the doctrine's share times 1 +/-
  ``spread`` (a class's shares scaled down together when they would pass 1);
* ``shots/<class>/<system>``: the salvo size, from one fewer to one more
  (at least 1), rounded;
* ``unit_cost/<system>``: times 1 +/- ``spread`` (cost outputs only).

**Outputs**: for each system, the expected shots over the horizon,
``H * sum_c mean_c * share_cs * E[shots per engagement]``, with the per-shot
kill probability solved from the class's rate for each sample (one shared pk
per class; the doctrine's ``pk_prior`` ratios are not varied), and that times
the unit cost. The design has ``n * (D + 2)`` model runs for ``D`` factors,
all vectorized.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from airdef.needs.calibrate import rate_distribution
from airdef.needs.result import NeedsProjection

__all__ = ["Sensitivity", "sensitivity", "sobol_indices"]


def sobol_indices(
    Y: np.ndarray, d: int, *, resamples: int = 100, level: float = 0.95, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """First-order and total Sobol indices of every output column at once, with bootstrap half-widths.

    ``Y`` holds the outputs of a Saltelli design without second-order terms, in
    SALib's row order (blocks of ``A, AB_1..AB_d, B``); each column is an output.
    The estimators are SALib's (Saltelli et al. 2010 for ``S1``, Jansen 1999 for
    ``ST``) on the standardized output, vectorized over outputs. Returns
    ``S1, S1_conf, ST, ST_conf``, each of shape (d, outputs).
    """
    from scipy import stats as st_

    Y = np.asarray(Y, dtype=float)
    Y = (Y - Y.mean(axis=0)) / Y.std(axis=0)
    step = d + 2
    A, B = Y[0::step], Y[step - 1 :: step]
    AB = np.stack([Y[j + 1 :: step] for j in range(d)], axis=1)  # (n, d, outputs)

    def est(a, b, ab):
        var = np.concatenate([a, b], axis=-2).var(axis=-2)[..., None, :]
        s1 = (b[..., None, :] * (ab - a[..., None, :])).mean(axis=-3) / var
        stt = 0.5 * ((a[..., None, :] - ab) ** 2).mean(axis=-3) / var
        return s1, stt

    s1, stt = est(A, B, AB)
    rng = np.random.default_rng(seed)
    z = st_.norm.ppf(0.5 + level / 2)
    boot1, boott = [], []
    for _ in range(resamples):  # a bootstrap over base samples, every output at once
        r = rng.integers(0, len(A), len(A))
        b1, bt = est(A[r], B[r], AB[r])
        boot1.append(b1)
        boott.append(bt)
    return s1, z * np.std(boot1, axis=0, ddof=1), stt, z * np.std(boott, axis=0, ddof=1)


@dataclass(frozen=True)
class Sensitivity:
    """What :func:`sensitivity` returns.

    Attributes
    ----------
    indices : pandas.DataFrame
        ``system, output`` ("shots" or "cost"), ``factor, kind, subject, low,
        high, S1, S1_conf, ST, ST_conf``: one row per (output, factor).
    top : pandas.DataFrame
        The three factors with the largest ``ST`` per (system, output), with ``rank``.
    runs : int
        Model runs in the design.
    """

    indices: pd.DataFrame
    top: pd.DataFrame
    runs: int


def _factors(p: NeedsProjection, spread: float) -> list[dict]:
    doc, s = p.doctrine, p.samples
    model = p.threat_model.table.set_index("weapon_class")
    rates = rate_distribution(p.rates).table.set_index("weapon_class")
    active = [c for j, c in enumerate(s.classes) if s.launched[:, j].any()]
    out = []
    for c in active:
        m = model.loc[c]
        if p.threat_model.scenario:
            base = float(m["per_week"]) / 7.0
            out.append({"factor": f"launches/{c}", "kind": "launches", "subject": c,
                        "low": base * (1 - spread), "high": base * (1 + spread), "map": "lin"})  # fmt: skip
        else:
            out.append({"factor": f"launches/{c}", "kind": "launches", "subject": c,
                        "low": 0.0, "high": 1.0, "map": ("gamma", m["post_shape"], m["post_rate"])})  # fmt: skip
        if c in rates.index and np.isfinite(rates.loc[c, "a"]):
            out.append({"factor": f"rate/{c}", "kind": "rate", "subject": c, "low": 0.0,
                        "high": 1.0, "map": ("beta", rates.loc[c, "a"], rates.loc[c, "b"])})  # fmt: skip
        elif c in rates.index and not np.isnan(rates.loc[c, "rate"]):
            r = float(rates.loc[c, "rate"])
            out.append({"factor": f"rate/{c}", "kind": "rate", "subject": c,
                        "low": max(0.0, r - 0.05), "high": min(1.0, r + 0.05), "map": "lin"})  # fmt: skip
    for cl in doc.classes.itertuples(index=False):
        if cl.weapon_class in active and cl.ew_share > 0:
            out.append({"factor": f"ew/{cl.weapon_class}", "kind": "ew", "subject": cl.weapon_class,
                        "low": cl.ew_share * (1 - spread),
                        "high": min(1.0, cl.ew_share * (1 + spread)), "map": "lin"})  # fmt: skip
    for e in doc.engagements.itertuples(index=False):
        if e.weapon_class not in active:
            continue
        sub = f"{e.weapon_class}/{e.system}"
        out.append({"factor": f"share/{sub}", "kind": "share", "subject": sub,
                    "low": e.share * (1 - spread), "high": e.share * (1 + spread), "map": "lin"})  # fmt: skip
        out.append({"factor": f"shots/{sub}", "kind": "shots", "subject": sub,
                    "low": max(1.0, e.shots - 1.0) - 0.5 + 1e-9, "high": e.shots + 1.5 - 1e-9,
                    "map": "round"})  # fmt: skip
    for key in s.systems:
        cost = float(s.unit_cost[s.systems.index(key)])
        out.append({"factor": f"unit_cost/{key}", "kind": "unit_cost", "subject": key,
                    "low": cost * (1 - spread), "high": cost * (1 + spread), "map": "lin"})  # fmt: skip
    return out


def _value(f: dict, x: np.ndarray) -> np.ndarray:
    how = f["map"]
    if how == "lin":
        return x
    if how == "round":
        return np.round(x)
    kind, a, b = how
    u = np.clip(x, 1e-6, 1 - 1e-6)
    if kind == "gamma":
        return stats.gamma.ppf(u, a, scale=1.0 / b)
    return stats.beta.ppf(u, a, b)


def _solve_q(share: np.ndarray, expo: np.ndarray, kinetic: np.ndarray) -> np.ndarray:
    """Per-shot miss q in [0, 1] with sum_s share_s (1 - q**expo_s) = kinetic (bisection)."""
    lo = np.zeros(len(kinetic))
    hi = np.ones(len(kinetic))
    for _ in range(50):
        mid = (lo + hi) / 2
        f = (share * (1 - mid[:, None] ** expo)).sum(axis=1) - kinetic
        lo = np.where(f > 0, mid, lo)  # too many kills: more misses
        hi = np.where(f > 0, hi, mid)
    return (lo + hi) / 2


def _model(p: NeedsProjection, factors: list[dict], X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expected shots and cost per system for each row of the design: (runs, systems) each."""
    doc, s = p.doctrine, p.samples
    col = {f["factor"]: i for i, f in enumerate(factors)}
    vals = {f["factor"]: _value(f, X[:, i]) for i, f in enumerate(factors)}
    n = len(X)
    shots_out = np.zeros((n, len(s.systems)))
    for cl in doc.classes.itertuples(index=False):
        c = cl.weapon_class
        if f"launches/{c}" not in col:
            continue
        eng = doc.engagements[doc.engagements["weapon_class"] == c]
        if eng.empty:
            continue
        subs = [f"{c}/{k}" for k in eng["system"]]
        share = np.column_stack([vals[f"share/{x}"] for x in subs])
        shots = np.column_stack([vals[f"shots/{x}"] for x in subs])
        looks = eng["looks"].to_numpy(float)[None, :]
        ew = vals.get(f"ew/{c}", np.full(n, cl.ew_share))
        total = share.sum(axis=1)
        scale = np.minimum(1.0, (1.0 - ew) / np.maximum(total, 1e-12))
        share = share * scale[:, None]
        mean = vals[f"launches/{c}"]
        if f"rate/{c}" in vals:
            kinetic = np.clip(vals[f"rate/{c}"] - ew, 0.0, None)
            q = _solve_q(share, shots * looks, np.minimum(kinetic, share.sum(axis=1)))
            miss = q[:, None] ** shots
            with np.errstate(invalid="ignore", divide="ignore"):
                series = np.where(miss < 1, (1 - miss**looks) / (1 - miss), looks)
            per_eng = np.where(looks == 1, shots, shots * series)
        else:
            per_eng = shots * looks  # no rate: the most a doctrine can fire
        fired = p.horizon_days * mean[:, None] * share * per_eng
        for i, key in enumerate(eng["system"]):
            shots_out[:, s.systems.index(key)] += fired[:, i]
    cost = np.column_stack(
        [shots_out[:, k] * vals[f"unit_cost/{key}"] for k, key in enumerate(s.systems)]
    )
    return shots_out, cost


def sensitivity(
    projection: NeedsProjection, *, n: int = 256, spread: float = 0.5, seed: int | None = None
) -> Sensitivity:
    """Sobol indices of each system's expected shots and cost (see the module notes).

    Parameters
    ----------
    projection : NeedsProjection
    n : int
        Base sample size of the Saltelli design (a power of 2; runs = n * (D + 2)).
    spread : float
        Relative half-width of the doctrine factors' ranges (default 0.5, i.e. +/-50%).
    seed : int, optional
        Default the projection's seed.

    Examples
    --------
    >>> from airdef.needs import project
    >>> rates = pd.DataFrame({"weapon_class": ["cruise_missile"], "rate": [0.9],
    ...                       "ci_low": [0.85], "ci_high": [0.95]})
    >>> p = project(scenario={"cruise_missile": 70}, rates=rates, horizon_days=7, draws=200)
    >>> top = sensitivity(p, n=64).top
    >>> top[(top["system"] == "iris_t_slm") & (top["output"] == "shots")]["factor"].iloc[0]
    'shots/cruise_missile/iris_t_slm'
    """
    from SALib.sample import sobol as sobol_sample

    factors = _factors(projection, spread)
    problem = {
        "num_vars": len(factors),
        "names": [f["factor"] for f in factors],
        "bounds": [[f["low"], f["high"]] if f["high"] > f["low"] else [f["low"], f["low"] + 1e-12]
                   for f in factors],
    }  # fmt: skip
    rs = projection.seed if seed is None else seed
    X = sobol_sample.sample(problem, n, calc_second_order=False, seed=rs)
    shots, cost = _model(projection, factors, X)
    rows = []
    meta = {f["factor"]: f for f in factors}
    outputs, labels = [], []
    for k, key in enumerate(projection.samples.systems):
        for output, Y in (("shots", shots[:, k]), ("cost", cost[:, k])):
            if np.isfinite(Y).all() and Y.var() > 0:
                outputs.append(Y)
                labels.append((key, output))
    if outputs:
        s1, s1c, st, stc = sobol_indices(np.column_stack(outputs), len(factors), seed=rs)
        for o, (key, output) in enumerate(labels):
            for i, name in enumerate(problem["names"]):
                f = meta[name]
                rows.append({"system": key, "output": output, "factor": name,
                             "kind": f["kind"], "subject": f["subject"],
                             "low": f["low"], "high": f["high"],
                             "S1": s1[i, o], "S1_conf": s1c[i, o],
                             "ST": st[i, o], "ST_conf": stc[i, o]})  # fmt: skip
    indices = pd.DataFrame(rows)
    if indices.empty:
        top = indices.assign(rank=pd.Series(dtype=int))
    else:
        top = (
            indices.sort_values(["system", "output", "ST"], ascending=[True, True, False])
            .groupby(["system", "output"], sort=False)
            .head(3)
            .copy()
        )
        top["rank"] = top.groupby(["system", "output"]).cumcount() + 1
        top = top.reset_index(drop=True)
    return Sensitivity(indices=indices, top=top, runs=len(X))
