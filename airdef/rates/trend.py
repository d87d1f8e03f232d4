"""Rates over time: per-period intervals and a logistic trend with small-sample cluster-robust inference."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import special

from airdef.model import StrikeData
from airdef.rates._prepare import as_events, by_columns, event_times, prepare
from airdef.rates.breaks import break_note, definition_breaks, groups_with
from airdef.rates.table import RATE_METHODS, group_intervals
from airdef.stats.trend import logistic_trend

__all__ = ["FREQUENCIES", "RateTrend", "fit_trend", "rate_trend", "period_start"]

#: ``freq`` values accepted by :func:`rate_trend` and the pandas period they use.
FREQUENCIES: dict[str, str] = {
    "D": "D",
    "W": "W",
    "MS": "M",
    "M": "M",
    "QS": "Q",
    "Q": "Q",
    "YS": "Y",
    "Y": "Y",
}

#: Fewer attacks than this give no trend (the note says so).
MIN_TREND_ATTACKS = 6

TREND_COLUMNS: tuple[str, ...] = (
    "attacks",
    "launched",
    "first",
    "last",
    "odds_ratio_per_year",
    "or_low",
    "or_high",
    "p_value",
    "df",
    "rate_first",
    "rate_last",
    "confidence_level",
    "note",
)


def period_start(when: pd.Series, freq: str) -> pd.Series:
    """The start of the period (day, week, month, quarter, year) each time falls in."""
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {', '.join(FREQUENCIES)}; not {freq!r}")
    return when.dt.to_period(FREQUENCIES[freq]).dt.start_time


@dataclass
class RateTrend:
    """Per-period rates and a trend per group.

    Attributes
    ----------
    periods : pandas.DataFrame
        The ``by`` columns, ``period`` (its start), then the columns of
        :func:`airdef.interception_rates` and ``break_note`` where a definition
        break begins in that period.
    trend : pandas.DataFrame
        One row per group: the ``by`` columns and ``attacks, launched, first, last,
        odds_ratio_per_year, or_low, or_high, p_value, df, rate_first, rate_last,
        confidence_level, note`` from a binomial GLM of the attack-level rate on
        time (years), with the CR2 cluster-robust variance by attack and a t interval
        on Bell and McCaffrey's (2002) degrees of freedom ``df``.
    breaks : pandas.DataFrame
        Definition breaks found in the data (:func:`airdef.rates.definition_breaks`).
    """

    periods: pd.DataFrame
    trend: pd.DataFrame
    breaks: pd.DataFrame = field(default_factory=pd.DataFrame)

    def _repr_html_(self) -> str:
        """The trend per group and the per-period rates, as HTML tables for notebooks."""
        trend = self.trend.to_html(index=False, escape=True, na_rep="")
        periods = self.periods.head(24).to_html(index=False, escape=True, na_rep="")
        return (
            f"<div><p><strong>Trend per group</strong></p>{trend}"
            f"<p><strong>Per period (first 24 rows)</strong></p>{periods}</div>"
        )


def fit_trend(
    x: np.ndarray, n: np.ndarray, years: np.ndarray, level: float
) -> dict[str, float | str]:
    """Logistic trend of one group's attacks on time, with CR2 / Bell-McCaffrey inference.

    Returns the odds ratio per year with its interval (t with Bell-McCaffrey degrees of
    freedom, :func:`airdef.stats.trend.logistic_trend`), the two-sided p-value, the
    degrees of freedom, the fitted rates at the first and last attack and a ``note``
    where no trend can be estimated.
    """
    nan = {
        k: np.nan
        for k in (
            "odds_ratio_per_year",
            "or_low",
            "or_high",
            "p_value",
            "df",
            "rate_first",
            "rate_last",
        )
    }
    if len(x) < MIN_TREND_ATTACKS or np.ptp(years) <= 0:
        return {**nan, "note": "too few attacks over time for a trend"}
    if x.sum() == 0 or x.sum() == n.sum():
        return {**nan, "note": "every launch had the same outcome; no trend can be estimated"}
    fit = logistic_trend(x, n, years, confidence_level=level)
    slope, se = float(fit.slope[0]), float(fit.se[0])
    if not fit.converged[0] or not np.isfinite(se) or se <= 0:
        return {**nan, "note": "the trend model did not fit (the outcomes separate in time)"}
    ends = np.array([years.min(), years.max()]) - float(fit.t_mean[0])
    fitted = special.expit(float(fit.intercept[0]) + slope * ends)
    return {
        "odds_ratio_per_year": float(np.exp(slope)),
        "or_low": float(np.exp(fit.slope_low[0])),
        "or_high": float(np.exp(fit.slope_high[0])),
        "p_value": float(fit.p_value[0]),
        "df": float(fit.df[0]),
        "rate_first": float(fitted[0]),
        "rate_last": float(fitted[1]),
        "note": "",
    }


def rate_trend(
    data: StrikeData | pd.DataFrame,
    *,
    by: str | list[str] = "weapon_class",
    freq: str = "MS",
    method: str = "auto",
    confidence_level: float = 0.95,
    outcome: str = "intercepted",
    seed: int = 0,
) -> RateTrend:
    """Interception rates per period with intervals, and a trend per group.

    Parameters
    ----------
    data : StrikeData or pandas.DataFrame
        Events with ``attack_id, time_end`` (or ``time_start``), ``launched,
        intercepted`` and the ``by`` columns.
    by : str or list of str, default "weapon_class"
    freq : {"D", "W", "MS", "QS", "YS"}, default "MS"
        Period length (month start by default); ``M``, ``Q`` and ``Y`` are accepted too.
    method, confidence_level, outcome, seed
        As in :func:`airdef.interception_rates`.

    Returns
    -------
    RateTrend
        ``periods``, ``trend`` and ``breaks`` tables. The trend is the odds ratio
        per year of a binomial GLM of each attack's outcome on time, with the CR2
        standard error (robust to correlation within an attack, corrected for few
        attacks) and a t interval on Bell-McCaffrey degrees of freedom; rows with no
        time, and kills-only regional rows, are left out of both tables.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({
    ...     "attack_id": [f"a{i}" for i in range(12)], "weapon_class": "ballistic_missile",
    ...     "time_end": pd.date_range("2024-01-15", periods=12, freq="30D"),
    ...     "launched": 10, "intercepted": [1, 2, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8]})
    >>> result = rate_trend(ev, freq="QS")
    >>> result.periods[["period", "launched", "intercepted", "rate"]]
          period  launched  intercepted      rate
    0 2024-01-01        30            5  0.166667
    1 2024-04-01        30           10  0.333333
    2 2024-07-01        30           16  0.533333
    3 2024-10-01        30           22  0.733333
    >>> bool(result.trend["odds_ratio_per_year"].iloc[0] > 1), bool(result.trend["p_value"].iloc[0] < 0.01)
    (True, True)
    """
    by = by_columns(by)
    if method not in RATE_METHODS:
        raise ValueError(f"unknown method {method!r}; valid methods: {', '.join(RATE_METHODS)}")
    events = as_events(data)
    when = event_times(events)
    dated = events.loc[when.notna()].assign(period=period_start(when[when.notna()], freq))

    prep = prepare(dated, [*by, "period"], outcome)
    per = group_intervals(
        prep.clusters, len(prep.groups), method=method, confidence_level=confidence_level, seed=seed
    )
    periods = pd.concat([prep.groups[[*by, "period"]].reset_index(drop=True), per], axis=1)
    periods["period"] = pd.to_datetime(periods["period"].astype("string"))
    periods["confidence_level"] = float(confidence_level)
    periods["excluded"] = prep.groups["excluded"].to_numpy()
    periods["kills_only"] = prep.groups["kills_only"].to_numpy()
    periods["censored"] = prep.groups["censored"].to_numpy()
    breaks = (
        definition_breaks(dated) if outcome == "intercepted" else pd.DataFrame(columns=["weapon"])
    )
    periods["break_note"] = _period_breaks(dated, periods, by, breaks, freq)

    # Trend: one GLM per group on attack-level sums (a loop over groups, not rows).
    rows = prep.rows.assign(when=when.loc[prep.rows.index])
    attack = rows.groupby([*by, "attack_id"], observed=True).agg(
        x=("x", "sum"), n=("n", "sum"), when=("when", "min")
    )
    attack = attack.loc[attack["n"] > 0].reset_index()
    t0 = attack["when"].min() if len(attack) else pd.Timestamp(0)
    attack["years"] = (attack["when"] - t0) / pd.Timedelta(days=365.25)
    out = []
    for key, g in attack.groupby(by, observed=True, sort=True) if by else [((), attack)]:
        key = key if isinstance(key, tuple) else (key,)
        fit = fit_trend(
            g["x"].to_numpy(float),
            g["n"].to_numpy(float),
            g["years"].to_numpy(float),
            confidence_level,
        )
        note = _trend_break_note(dated, by, key, breaks)
        if note:
            fit["note"] = "; ".join(filter(None, [fit["note"], note]))
        out.append(
            {
                **dict(zip(by, key, strict=True)),
                "attacks": len(g),
                "launched": int(g["n"].sum()),
                "first": g["when"].min(),
                "last": g["when"].max(),
                **fit,
                "confidence_level": float(confidence_level),
            }
        )
    trend = pd.DataFrame(out, columns=[*by, *TREND_COLUMNS])
    trend[["first", "last"]] = trend[["first", "last"]].astype("datetime64[ns]")
    return RateTrend(periods=periods, trend=trend, breaks=breaks)


def _period_breaks(
    events: pd.DataFrame, periods: pd.DataFrame, by: list[str], breaks: pd.DataFrame, freq: str
) -> pd.Series:
    notes = pd.Series("", index=periods.index, dtype="string")
    if breaks.empty or "weapon" not in events:
        return notes
    for brk in breaks.itertuples(index=False):
        start = period_start(pd.Series([brk.date]), freq).iloc[0]
        mask = (periods["period"] == start) & groups_with(events, by, periods, brk.weapon)
        notes[mask] = (
            notes[mask] + "; " + break_note(brk.weapon, brk.date, brk.change)
        ).str.lstrip("; ")
    return notes


def _trend_break_note(events: pd.DataFrame, by: list[str], key: tuple, breaks: pd.DataFrame) -> str:
    if breaks.empty or "weapon" not in events:
        return ""
    mine = events
    for col, value in zip(by, key, strict=True):
        mine = mine.loc[mine[col].astype("string") == value]
    inside = breaks.loc[breaks["weapon"].isin(mine["weapon"].dropna().unique())]
    return "; ".join(
        break_note(b.weapon, b.date, b.change) + " (the trend spans this change of definition)"
        for b in inside.itertuples(index=False)
    )
