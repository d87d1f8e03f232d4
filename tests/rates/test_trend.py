"""rate_trend, compare_periods and definition_breaks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef.rates import compare_periods, definition_breaks, mover_diff, rate_trend
from airdef.rates.trend import fit_trend
from airdef.stats.diff import diff_ci


def simulated_trend(rng, attacks=150, slope=0.5, icc=0.2, years=3.0):
    """Attacks over `years` with logit rate -0.5 + slope * t and beta-binomial noise per attack."""
    t = np.sort(rng.uniform(0, years, attacks))
    p = 1 / (1 + np.exp(-(-0.5 + slope * (t - years / 2))))
    strength = (1 - icc) / icc  # a + b of the attack-level Beta
    q = rng.beta(p * strength, (1 - p) * strength)
    n = rng.integers(2, 30, attacks)
    x = rng.binomial(n, q)
    return x.astype(float), n.astype(float), t


def test_cluster_robust_trend_keeps_coverage():
    """The OR-per-year interval covers the true slope about 95% of the time despite
    intra-attack correlation 0.2; a naive binomial GLM would not (checked below)."""
    import statsmodels.api as sm

    rng = np.random.default_rng(20241123)
    slope = 0.5
    covered = naive_covered = 0
    reps = 200
    for _ in range(reps):  # one GLM per replication: statsmodels fits one model at a time
        x, n, t = simulated_trend(rng, slope=slope)
        fit = fit_trend(x, n, t, 0.95)
        covered += fit["or_low"] <= np.exp(slope) <= fit["or_high"]
        naive = sm.GLM(
            np.column_stack([x, n - x]), sm.add_constant(t), family=sm.families.Binomial()
        ).fit()
        lo, hi = naive.conf_int()[1]
        naive_covered += lo <= slope <= hi
    coverage, naive_coverage = covered / reps, naive_covered / reps
    print(f"trend coverage: cluster-robust {coverage:.3f}, naive {naive_coverage:.3f}")
    assert coverage >= 0.90  # nominal 0.95; Monte Carlo sd ~0.015 at 200 replications
    assert naive_coverage < 0.85  # ignoring clustering is overconfident


def test_trend_recovers_direction_and_periods():
    rng = np.random.default_rng(7)
    x, n, t = simulated_trend(rng, attacks=300, slope=0.8)
    ev = pd.DataFrame(
        {
            "attack_id": [f"a{i}" for i in range(len(x))],
            "weapon_class": "ballistic_missile",
            "time_end": pd.Timestamp("2023-01-01") + pd.to_timedelta(t * 365.25, unit="D"),
            "launched": n.astype(int),
            "intercepted": x.astype(int),
        }
    )
    result = rate_trend(ev, freq="QS")
    row = result.trend.iloc[0]
    assert row["or_low"] > 1 and row["p_value"] < 0.001
    assert row["rate_last"] > row["rate_first"]
    assert result.periods["launched"].sum() == n.sum()
    assert result.periods["period"].is_monotonic_increasing
    assert (result.periods["period"].dt.month.isin([1, 4, 7, 10])).all()


def test_trend_edge_cases():
    ev = pd.DataFrame(
        {
            "attack_id": list("abcdefgh"),
            "weapon_class": "x",
            "time_end": pd.date_range("2024-01-01", periods=8),
            "launched": 5,
            "intercepted": 5,
        }
    )
    row = rate_trend(ev).trend.iloc[0]
    assert np.isnan(row["odds_ratio_per_year"]) and "same outcome" in row["note"]
    row = rate_trend(ev.head(3)).trend.iloc[0]
    assert np.isnan(row["odds_ratio_per_year"]) and "too few attacks" in row["note"]
    with pytest.raises(ValueError, match="freq must be one of"):
        rate_trend(ev, freq="fortnight")
    with pytest.raises(ValueError, match="a trend needs times"):
        rate_trend(ev.drop(columns="time_end"))


def test_breaks_on_real_data(newest_snapshot):
    """Data notes: EW losses apart from 2024-07, one "shot down/suppressed" figure from 2025-08."""
    data = airdef.load(newest_snapshot).select(source="national")
    breaks = definition_breaks(data.events)
    shahed = breaks.loc[breaks["weapon"] == "Shahed-136/131"].set_index("change")
    assert shahed.loc["folded", "date"] == pd.Timestamp("2025-08-01")
    assert shahed.loc["separate", "date"] == pd.Timestamp("2024-07-01")
    # two isolated days (17 and 15 drones) in months of ~5,000 launches
    assert shahed.loc["folded", "suppressed_share_after"] < 0.002
    trend = rate_trend(data, by="weapon", freq="MS")
    periods = trend.periods.set_index(["weapon", "period"])
    assert (
        "counted in intercepted"
        in periods.loc[("Shahed-136/131", pd.Timestamp("2025-08-01")), "break_note"]
    )
    assert "spans this change" in trend.trend.set_index("weapon").loc["Shahed-136/131", "note"]


def test_no_breaks_without_suppressed_counts():
    ev = pd.DataFrame(
        {
            "weapon": "Kalibr",
            "time_end": pd.date_range("2024-01-01", periods=10, freq="MS"),
            "launched": 10,
            "intercepted": 8,
            "suppressed": pd.array([None] * 10, dtype="Int64"),
        }
    )
    assert definition_breaks(ev).empty


def test_mover_with_wilson_is_newcombe_method_10():
    """MOVER on Wilson intervals is Newcombe's (1998) hybrid score interval, method 10."""
    from airdef.stats.binomial import binomial_ci

    x1, n1, x2, n2 = (
        np.array([56, 9, 6, 5]),
        np.array([70, 10, 7, 56]),
        np.array([48, 3, 2, 0]),
        np.array([80, 10, 7, 29]),
    )
    l1, u1 = binomial_ci(x1, n1)
    l2, u2 = binomial_ci(x2, n2)
    low, high = mover_diff(x1 / n1, l1, u1, x2 / n2, l2, u2)
    ref_low, ref_high = diff_ci(x1, n1, x2, n2, method="newcombe")
    np.testing.assert_allclose(low, ref_low, atol=1e-12)
    np.testing.assert_allclose(high, ref_high, atol=1e-12)
    # Newcombe (1998, Stat Med 17:873) Table II, 56/70 - 48/80, method 10: 0.0524 to 0.3339.
    assert round(float(low[0]), 4) == 0.0524 and round(float(high[0]), 4) == 0.3339


def test_compare_periods(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    table = compare_periods(data, by="weapon_class", days=90, method="wilson")
    from airdef.model import event_time

    day = event_time(data.events).dt.normalize()
    assert (table["recent_to"] == day.max()).all()
    row = table.set_index("weapon_class").loc["strike_drone"]
    # 90 whole days each, sharing no day
    assert row["recent_to"] - row["recent_from"] == pd.Timedelta(days=89)
    assert row["recent_from"] - row["before_to"] == pd.Timedelta(days=1)
    assert row["before_to"] - row["before_from"] == pd.Timedelta(days=89)
    assert row["diff"] == pytest.approx(row["rate_recent"] - row["rate_before"])
    assert row["diff_low"] <= row["diff"] <= row["diff_high"]
    ev = data.events
    drones = (ev["weapon_class"] == "strike_drone").to_numpy()
    recent = ev.loc[(day >= row["recent_from"]).to_numpy() & drones]
    before = ev.loc[((day >= row["before_from"]) & (day <= row["before_to"])).to_numpy() & drones]
    assert row["launched_recent"] == recent["launched"].sum()
    assert row["launched_before"] == before["launched"].sum()
    # a difference is reliable only where both periods' rows are: on 2026-06 the
    # ballistic missiles of both 90-day windows are too few independent attacks
    both = table["reliable_recent"].astype(bool) & table["reliable_before"].astype(bool)
    assert table["reliable"].astype(bool).tolist() == both.tolist()
    assert not table.set_index("weapon_class").loc["ballistic_missile", "reliable"]
    with pytest.raises(ValueError, match="days must be a positive whole number"):
        compare_periods(data, days=0)


def test_compare_any_two_periods(newest_snapshot):
    # WSJ, 13 May 2024: missiles intercepted 73% in the six months to November 2023 and
    # 46% in the six months to April 2024 (the claim compares two half-years).
    data = airdef.load(newest_snapshot).select(source="national")
    a = ("2023-06-01", "2023-11-30")
    b = ("2023-11-01", "2024-04-30")
    t = compare_periods(data, by=[], a=a, b=b, method="wilson")
    ev = data.events
    from airdef.model import event_time

    day = event_time(ev).dt.normalize()
    in_a = ((day >= a[0]) & (day <= a[1])).to_numpy()
    assert t.loc[0, "launched_a"] == ev.loc[in_a, "launched"].sum()
    assert t.loc[0, "a_from"] == pd.Timestamp(a[0]) and t.loc[0, "b_to"] == pd.Timestamp(b[1])
    assert t.loc[0, "diff"] == pytest.approx(t.loc[0, "rate_a"] - t.loc[0, "rate_b"])
    with pytest.raises(ValueError, match="give both periods"):
        compare_periods(data, a=a)
    with pytest.raises(ValueError, match="starts after it ends"):
        compare_periods(data, a=("2024-02-01", "2024-01-01"), b=b)


def test_trend_and_comparison_leave_kills_only_rows_out():
    data = airdef.load(airdef.sample_path("synthetic.csv"))
    national = data.select(source="national")
    trend = rate_trend(data, by="weapon_class")
    assert trend.periods["kills_only"].sum() > 0
    plain = rate_trend(national, by="weapon_class")
    pd.testing.assert_series_equal(
        trend.trend["odds_ratio_per_year"], plain.trend["odds_ratio_per_year"]
    )
    both = compare_periods(data, days=90).set_index("weapon_class")
    only = compare_periods(national, days=90).set_index("weapon_class")
    # a class seen only in kills-only rows is a row with nothing usable (blank counts)
    pd.testing.assert_series_equal(both.loc[only.index, "launched_recent"], only["launched_recent"])
    extra = both.index.difference(only.index)
    assert both.loc[extra, "launched_recent"].isna().all()
