"""The analyst-facing table of interception rates with confidence intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from airdef.model import StrikeData
from airdef.rates._prepare import OUTCOMES, as_events, by_columns, event_times, prepare
from airdef.rates.classes import main_class
from airdef.stats._common import check_level
from airdef.stats.binomial import METHODS as BINOMIAL_METHODS
from airdef.stats.binomial import binomial_ci
from airdef.stats.cluster import CLUSTER_METHODS, cluster_summary, clustered_ci, is_reliable

__all__ = ["RATE_COLUMNS", "RATE_METHODS", "interception_rates", "group_intervals"]

#: Every ``method`` the rate tables accept: ``auto``, the clustered methods, then the
#: binomial methods (applied to the pooled counts, ignoring clustering).
RATE_METHODS: tuple[str, ...] = tuple(dict.fromkeys(("auto", *CLUSTER_METHODS, *BINOMIAL_METHODS)))

#: Columns after the ``by`` columns, in order.
RATE_COLUMNS: tuple[str, ...] = (
    "attacks",
    "n_eff",
    "reliable",
    "launched",
    "intercepted",
    "rate",
    "ci_low",
    "ci_high",
    "method",
    "confidence_level",
    "dispersion",
    "excluded",
    "kills_only",
    "censored",
    "censor_widening",
    "outcome",
    "note",
)


def group_intervals(
    clusters: pd.DataFrame,
    n_groups: int,
    *,
    method: str,
    confidence_level: float,
    seed: int = 0,
    n_boot: int = 2000,
) -> pd.DataFrame:
    """Counts, rate, interval and dispersion per group from per-attack sums.

    Parameters
    ----------
    clusters : pandas.DataFrame
        Columns ``group`` (codes 0..n_groups-1), ``x`` and ``n`` (one row per attack).
    n_groups : int
    method, confidence_level, seed, n_boot
        As in :func:`interception_rates`.

    Returns
    -------
    pandas.DataFrame
        Indexed 0..n_groups-1: ``attacks, n_eff, reliable, launched, intercepted, rate,
        ci_low, ci_high, method, dispersion, design_effect``. Groups with nothing launched have missing rate and bounds
        and method ``none``.
    """
    if method not in RATE_METHODS:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(RATE_METHODS)}")
    live = clusters.loc[clusters["n"] > 0]
    x = live["x"].to_numpy(dtype=float)
    n = live["n"].to_numpy(dtype=float)
    g = live["group"].to_numpy(dtype=np.int64)
    summary = cluster_summary(x, n, g, n_groups=n_groups)
    has_data = summary["launched"].to_numpy() > 0
    # a group none of whose rows could be used has unknown counts, not zeros
    has_rows = np.bincount(clusters["group"].to_numpy(dtype=np.int64), minlength=n_groups) > 0
    launched = summary["launched"].round().astype("Int64").where(has_rows)
    intercepted = summary["intercepted"].round().astype("Int64").where(has_rows)
    n_eff = summary["n_eff"].to_numpy(dtype=float)
    out = pd.DataFrame(
        {
            "attacks": summary["attacks"].astype(int).to_numpy(),
            "n_eff": n_eff,
            "reliable": has_data & is_reliable(n_eff, summary["n_eff_minority"].to_numpy()),
            "launched": launched.reset_index(drop=True),
            "intercepted": intercepted.reset_index(drop=True),
            "rate": np.where(has_data, summary["rate"].to_numpy(dtype=float), np.nan),
            "ci_low": np.nan,
            "ci_high": np.nan,
            "method": "none",
            "dispersion": summary["dispersion"].to_numpy(dtype=float),
            "design_effect": summary["design_effect"].to_numpy(dtype=float),
        }
    )
    if not has_data.any():
        return out
    if method in CLUSTER_METHODS:
        ci = clustered_ci(
            x,
            n,
            g,
            method=method,
            confidence_level=confidence_level,
            n_boot=n_boot,
            seed=seed,
            n_groups=n_groups,
        )
        out.loc[has_data, ["ci_low", "ci_high"]] = ci.loc[
            has_data, ["ci_low", "ci_high"]
        ].to_numpy()
        out.loc[has_data, "method"] = ci.loc[has_data, "method"].to_numpy()
    else:
        idx = np.flatnonzero(has_data)
        ci = binomial_ci(
            out["intercepted"].to_numpy(dtype=float)[idx],
            out["launched"].to_numpy(dtype=float)[idx],
            method=method,
            confidence_level=confidence_level,
        )
        out.loc[idx, "ci_low"] = ci.low
        out.loc[idx, "ci_high"] = ci.high
        out.loc[idx, "method"] = method
    return out


def _pool(
    table: pd.DataFrame, events: pd.DataFrame, by: list[str], level: float, deff: np.ndarray
) -> pd.DataFrame:
    """Add empirical-Bayes pooled estimates, shrinking each row toward its class.

    Counts enter as effective counts (divided by the row's design effect), so that
    correlated attacks count for what they are worth in the pooled intervals too.
    """
    from airdef.stats.pooling import eb_pool

    if "weapon_class" in events.columns and by != ["weapon_class"] and "weapon_class" not in by:
        # Each group's class: the class of most of its launches.
        classes = main_class(events, by).reset_index()
        keys = table[by].astype("string").fillna("(missing)")
        parent = keys.merge(classes, on=by, how="left")["weapon_class"]
    elif "weapon_class" in by and len(by) > 1:
        parent = table["weapon_class"]
    else:
        parent = pd.Series("all", index=table.index)
    usable = table["launched"].fillna(0).to_numpy() > 0
    pooled = pd.DataFrame(
        np.nan, index=table.index, columns=["rate_pooled", "ci_low_pooled", "ci_high_pooled"]
    )
    if usable.any():
        est = eb_pool(
            table.loc[usable, "intercepted"].to_numpy(dtype=float),
            table.loc[usable, "launched"].to_numpy(dtype=float),
            parent[usable].fillna("unknown").to_numpy(),
            dispersion=np.nan_to_num(deff[usable], nan=1.0),
            confidence_level=level,
        )
        pooled.loc[usable] = est[["rate_pooled", "ci_low_pooled", "ci_high_pooled"]].to_numpy()
    return pd.concat([table, pooled], axis=1)


def interception_rates(
    data: StrikeData | pd.DataFrame,
    *,
    by: str | list[str] = "weapon",
    method: str = "auto",
    confidence_level: float = 0.95,
    outcome: str = "intercepted",
    pooled: bool = False,
    seed: int = 0,
    n_boot: int = 2000,
    kills_only: str = "exclude",
    neutralized: bool = False,
) -> pd.DataFrame:
    """Interception rates with confidence intervals, one row per group.

    Parameters
    ----------
    data : StrikeData or pandas.DataFrame
        Events with at least ``attack_id, launched, intercepted`` and the ``by``
        columns (``suppressed`` too for ``outcome="neutralized"``).
    by : str or list of str, default "weapon"
        Any column name(s), including columns the caller added. ``[]`` gives one
        overall row.
    method : str, default "auto"
        ``auto`` uses the clustered interval of Korn and Graubard (design-effect
        Clopper-Pearson with few-attack degrees of freedom, mid-p bounds where they
        are at least 20) wherever a group has two
        or more attacks and both outcomes, and the attack-level interval (the attacks
        as ``n_eff`` trials) where every weapon or none was intercepted or there is
        a single attack; any clustered method
        (``korn_graubard``, ``deff_wilson``, ``betabinomial``, ``bootstrap``; see
        :func:`airdef.stats.cluster.clustered_ci`) or any
        :func:`airdef.binomial_ci` method (applied to the pooled counts, ignoring
        clustering). The method actually used is reported per row.
    confidence_level : float, default 0.95
    outcome : {"intercepted", "neutralized"}
        ``neutralized`` counts intercepted + suppressed (lost to electronic warfare).
    pooled : bool, default False
        Add ``rate_pooled, ci_low_pooled, ci_high_pooled``: empirical-Bayes
        beta-binomial shrinkage of each row toward its weapon class (toward all rows
        when grouping by class), on counts deflated by each row's design effect.
    seed, n_boot : int
        Random seed and draws for the cluster bootstrap.
    kills_only : {"exclude", "include"}, default "exclude"
        Rows from kills-only reporters (:data:`airdef.model.REGIONAL_REPORTERS`, the
        regional air commands, which report what they shot down and not what was
        launched at them) are left out and counted in ``kills_only``; ``"include"``
        treats their counts as launches (they then overstate the rate).
    neutralized : bool, default False
        With ``outcome="intercepted"``, add the neutralized rate (shot down or
        suppressed) beside it: ``neutralized`` (count), ``neutralized_rate``,
        ``neutralized_ci_low``, ``neutralized_ci_high``, ``neutralized_reliable``.
        From August 2025 the Air Force reports one "shot down/suppressed" figure, so
        only the neutralized rate means the same before and after that change.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, then :data:`RATE_COLUMNS`: ``attacks`` (with launches),
        ``n_eff`` (Kish's effective number of attacks, ``(sum m)^2 / sum m^2`` over
        attack sizes), ``reliable`` (:func:`airdef.stats.cluster.is_reliable`:
        ``n_eff >= 8`` and at least 4 effective attacks with the rarer outcome; an
        unreliable row rests on too few independent attacks for its interval to be
        trusted: show it as such, with the pooled estimate beside it),
        ``launched`` and ``intercepted`` (the successes counted under ``outcome``;
        missing where no row of the group could be used),
        ``rate``, ``ci_low``, ``ci_high``, ``method``, ``confidence_level``,
        ``dispersion`` (Pearson chi-square / df across attacks), ``excluded`` (rows
        with an unknown count: counted, not used), ``kills_only`` (rows of kills-only
        reporters left out), ``censored`` (rows whose counts
        carry a qualifier other than exact), ``censor_widening`` (how much wider the
        interval is for them: it is widened to hold the intervals at the lowest and the
        highest rate the qualifiers allow, "about v" read as v +/- 20%, "at least v" as
        v to 1.2 v, "at most v" as 0.8 v to v; ``airdef.rates._prepare.CENSOR_SPAN``),
        ``outcome`` and
        ``note`` (for example a definition break inside the group's period).

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "attack_id": ["a", "a", "b", "c", "c"],
    ...     "weapon_class": ["strike_drone", "cruise_missile", "strike_drone", "strike_drone", "cruise_missile"],
    ...     "launched": [40, 6, 25, 60, None],
    ...     "intercepted": [35, 5, 20, 41, 3]})
    >>> t = interception_rates(events, by="weapon_class")
    >>> t[["weapon_class", "attacks", "n_eff", "reliable", "rate", "method", "excluded"]]
         weapon_class  attacks     n_eff  reliable      rate         method  excluded
    0  cruise_missile        1  1.000000     False  0.833333   attack_level         1
    1    strike_drone        3  2.682403     False  0.768000  korn_graubard         0
    """
    by = by_columns(by)
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}; not {outcome!r}")
    if method not in RATE_METHODS:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(RATE_METHODS)}")
    check_level(confidence_level)
    events = as_events(data)
    prep = prepare(events, by, outcome, kills_only=kills_only)
    stats = group_intervals(
        prep.clusters,
        len(prep.groups),
        method=method,
        confidence_level=confidence_level,
        seed=seed,
        n_boot=n_boot,
    )
    table = pd.concat([prep.groups[by].reset_index(drop=True), stats], axis=1)
    table["censor_widening"] = 0.0
    if prep.groups["censored"].gt(0).any():
        # the interval is widened to hold the intervals at the lowest and the highest
        # rate the qualified counts allow
        low = high = None
        for end in ("low", "high"):
            alt = prep.clusters[["group", f"x_{end}", f"n_{end}"]].set_axis(
                ["group", "x", "n"], axis=1
            )
            other = group_intervals(
                alt,
                len(prep.groups),
                method=method,
                confidence_level=confidence_level,
                seed=seed,
                n_boot=n_boot,
            )
            low = other["ci_low"] if low is None else np.fmin(low, other["ci_low"])
            high = other["ci_high"] if high is None else np.fmax(high, other["ci_high"])
        hit = prep.groups["censored"].to_numpy() > 0
        new_low = np.where(hit, np.fmin(table["ci_low"], low), table["ci_low"])
        new_high = np.where(hit, np.fmax(table["ci_high"], high), table["ci_high"])
        widening = (new_high - new_low) - (table["ci_high"] - table["ci_low"])
        table["ci_low"], table["ci_high"] = new_low, new_high
        table["censor_widening"] = np.where(hit, widening, 0.0)
    table["confidence_level"] = float(confidence_level)
    table["excluded"] = prep.groups["excluded"].to_numpy()
    table["kills_only"] = prep.groups["kills_only"].to_numpy()
    table["censored"] = prep.groups["censored"].to_numpy()
    table["outcome"] = outcome
    table["note"] = _break_notes(events, table, prep.group_of, outcome)
    deff = table["design_effect"].to_numpy(dtype=float)
    table = table[[*by, *RATE_COLUMNS]]
    if pooled:
        table = _pool(table, events, by, confidence_level, deff)
    if neutralized:
        if outcome != "intercepted":
            raise ValueError("neutralized=True adds the neutralized rate to intercepted rates")
        other = interception_rates(
            events,
            by=by,
            method=method,
            confidence_level=confidence_level,
            outcome="neutralized",
            seed=seed,
            n_boot=n_boot,
            kills_only=kills_only,
        )
        side = other[["intercepted", "rate", "ci_low", "ci_high", "reliable"]].set_axis(
            [f"neutralized{s}" for s in ("", "_rate", "_ci_low", "_ci_high", "_reliable")],
            axis=1,
        )
        table = pd.concat([table, side.reset_index(drop=True)], axis=1)
    return table


def _break_notes(
    events: pd.DataFrame, table: pd.DataFrame, group_of: np.ndarray, outcome: str
) -> pd.Series:
    """A note on each row whose data straddle a detected definition break."""
    notes = pd.Series("", index=table.index, dtype="string")
    needed = {"weapon", "time_end", "suppressed"}
    if outcome != "intercepted" or not needed <= set(events.columns) or len(events) == 0:
        return notes
    from airdef.rates.breaks import break_note, definition_breaks

    when = event_times(events)
    for brk in definition_breaks(events).itertuples(index=False):  # a handful at most
        hit = (events["weapon"] == brk.weapon).fillna(False).to_numpy(dtype=bool)
        if not ((hit & (when < brk.date)).any() and (hit & (when >= brk.date)).any()):
            continue
        mask = np.isin(np.arange(len(table)), group_of[hit])
        text = break_note(brk.weapon, brk.date, brk.change) + " (the row mixes two definitions)"
        notes[mask] = (notes[mask] + "; " + text).str.lstrip("; ")
    return notes
