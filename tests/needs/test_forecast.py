"""Threat forecasts: zero days, the negative-binomial fit, predictive coverage, scenarios."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import airdef
from airdef import DataError
from airdef.model import StrikeData
from airdef.needs.forecast import (
    ThreatModel,
    daily_counts,
    daily_launches,
    fit_counts,
    fit_threats,
    load_scenario,
    scenario_model,
    threat_forecast,
)


def strikes(rows: list[tuple[str, str, int | None]]) -> StrikeData:
    """StrikeData from (time_end, weapon_label, launched) rows, one attack each."""
    return StrikeData(
        events=pd.DataFrame(
            {
                "attack_id": [f"a{i}" for i in range(len(rows))],
                "time_end": pd.to_datetime([r[0] for r in rows]),
                "weapon_label": [r[1] for r in rows],
                "launched": pd.array([r[2] for r in rows], dtype="Int64"),
                "intercepted": pd.array([r[2] for r in rows], dtype="Int64"),
                "reporter": "kpszsu",
            }
        )
    )


def test_days_without_reports_count_as_zero_launches():
    data = strikes(
        [
            ("2025-03-01 07:00", "Shahed-136/131", 50),
            ("2025-03-01 07:00", "Kalibr", 4),
            ("2025-03-04 06:00", "Shahed-136/131", 30),
            ("2025-03-04 06:00", "Shahed-136/131", 5),  # same day: summed
        ]
    )
    daily = daily_launches(data, window_days=5)
    assert list(daily.index) == list(pd.date_range("2025-02-28", "2025-03-04"))
    assert daily["strike_drone"].tolist() == [0, 50, 0, 0, 35]
    assert daily["cruise_missile"].tolist() == [0, 4, 0, 0, 0]
    fit = fit_threats(data, window_days=5, classes=["strike_drone", "ballistic_missile"])
    t = fit.table.set_index("weapon_class")
    assert t.loc["strike_drone", "mean_per_day"] == pytest.approx(85 / 5)  # zeros count
    assert t.loc["ballistic_missile", "launched"] == 0  # a class never seen: all zeros
    assert "a day with no report counts as a day without launches" in fit.basis


def test_regional_commands_are_left_out_and_blank_counts_censored():
    data = strikes([("2025-03-01", "Shahed-136/131", 50), ("2025-03-02", "Kalibr", None)])
    data.events.loc[0, "reporter"] = "PvKPivden"  # a regional command: kills only
    daily = daily_launches(data, window_days=2)
    assert "strike_drone" not in daily.columns
    assert daily_counts(data, window_days=2).blank_rows == 1
    model = fit_threats(data, window_days=2)
    assert model.blank_rows == 1
    assert model.table.set_index("weapon_class").loc["cruise_missile", "censored_days"] == 1


def test_a_blank_launched_count_is_at_least_its_intercepted_count():
    # The audit's reproduction: 10 days of 100 launches with 3 blanks forecast 70 a day when
    # the blanks were read as zero. Read as "at least 90" they stay about 100 a day.
    rows = [(f"2025-03-{d:02d}", "Shahed-136/131", 100) for d in range(1, 11)]
    data = strikes(rows)
    data.events["launched"] = data.events["launched"].astype("Float64")
    data.events.loc[7:, "launched"] = None
    data.events.loc[7:, "intercepted"] = 90
    counts = daily_counts(data, window_days=10)
    assert counts.censored["strike_drone"].sum() == 3
    assert counts.counts["strike_drone"].tolist()[-3:] == [90, 90, 90]
    fit = fit_threats(data, window_days=10).table.set_index("weapon_class")
    # The fixed point is the maximum-likelihood mean of the censored Poisson sample:
    # 7 days of 100 and 3 days of at least 90, maximized here directly.
    from scipy import optimize, stats

    def nll(m):
        return -(7 * stats.poisson.logpmf(100, m) + 3 * stats.poisson.logsf(89, m))

    mle = optimize.minimize_scalar(nll, bounds=(50, 150), method="bounded").x
    assert fit.loc["strike_drone", "mean_per_day"] == pytest.approx(mle, abs=0.01)
    out = threat_forecast(data, horizon_days=10, window_days=10, draws=4000)
    assert 960 <= out["launched_median"].iat[0] <= 1060


def test_a_fully_blank_row_censors_its_day_at_the_known_rest():
    data = strikes([("2025-03-01", "Kalibr", 6), ("2025-03-01", "Kalibr", None)])
    data.events["intercepted"] = pd.array([5, None], dtype="Int64")
    counts = daily_counts(data, window_days=1)
    assert counts.counts["cruise_missile"].tolist() == [6]
    assert counts.censored["cruise_missile"].tolist() == [True]


def test_negative_binomial_size_matches_statsmodels():
    # The intercept-only NB2 maximum-likelihood fit: statsmodels estimates alpha = 1 / k,
    # and its mean exp(const) is the sample mean.
    rng = np.random.default_rng(1)
    y = rng.negative_binomial(n=1.5, p=1.5 / (1.5 + 40.0), size=300).astype(float)
    res = sm.NegativeBinomial(y, np.ones_like(y)).fit(disp=0)
    fit = fit_counts(y)
    assert math.exp(res.params[0]) == pytest.approx(fit["mean_per_day"], rel=1e-5)
    assert 1 / res.params[1] == pytest.approx(fit["size"], rel=1e-3)


def test_no_overdispersion_is_poisson():
    fit = fit_counts(np.array([5.0, 6.0, 5.0, 4.0, 5.0]))  # variance 0.5 < mean 5
    assert math.isinf(fit["size"])
    assert fit["post_shape"] == 25.5 and fit["post_rate"] == 5.0  # Gamma(S + 1/2, W)


def test_posterior_is_down_weighted_by_the_dispersion():
    rng = np.random.default_rng(7)
    y = rng.negative_binomial(3.0, 3.0 / (3.0 + 50.0), size=90).astype(float)
    fit = fit_counts(y)
    phi = 1 + y.mean() / fit["size"]
    assert fit["post_shape"] == pytest.approx(y.sum() / phi + 0.5)  # Jeffreys' 1/2
    assert fit["post_rate"] == pytest.approx(len(y) / phi)
    # the posterior mean is near the sample mean, its spread near the standard error of the mean
    assert fit["post_shape"] / fit["post_rate"] == pytest.approx(y.mean(), rel=0.01)
    sd = math.sqrt(fit["post_shape"]) / fit["post_rate"]
    assert sd == pytest.approx(y.std(ddof=1) / math.sqrt(len(y)), rel=0.15)


def test_predictive_interval_covers_about_its_probability():
    # Seeded simulation: 400 histories of 90 + 30 days of NB(k=2, mean 40) launches.
    # The 80% predictive interval of the 30-day total, fitted on the 90 days, should
    # cover the realised total in about 80% of histories (binomial sd 2%; accept 72-88%).
    rng = np.random.default_rng(20260607)
    k, mu, covered, reps = 2.0, 40.0, 0, 400
    for _ in range(reps):
        y = rng.negative_binomial(k, k / (k + mu), size=120).astype(float)
        model = ThreatModel(
            table=pd.DataFrame([{"weapon_class": "strike_drone", **fit_counts(y[:90])}]),
            basis="",
        )
        draws = model.draw(30, 2000, rng)[:, 0]
        lo, hi = np.quantile(draws, [0.1, 0.9])
        covered += lo <= y[90:].sum() <= hi
    assert 0.72 <= covered / reps <= 0.88


def test_scenario_files(tmp_path):
    toml = tmp_path / "s.toml"
    toml.write_text("[launches_per_week]\nstrike_drone = 700\ncruise_missile = 14\n")
    csv = tmp_path / "s.csv"
    csv.write_text("weapon_class,launches_per_week\nstrike_drone,700\ncruise_missile,14\n")
    for path in (toml, csv):
        s = load_scenario(path)
        assert s.to_dict() == {"strike_drone": 700.0, "cruise_missile": 14.0}
    out = threat_forecast(scenario=toml, horizon_days=30).set_index("weapon_class")
    # 700 a week for 30 days: 700 * 30 / 7 = 3000, with no count noise
    assert (
        out.loc["strike_drone", ["launched_median", "launched_low", "launched_high"]].tolist()
        == [3000.0] * 3
    )
    assert "fixed launches per week" in scenario_model(load_scenario(toml)).basis


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "s.toml",
            "[launches_per_week]\ncruise_misile = 3\n",
            r"s\.toml: launches_per_week\.cruise_misile: unknown weapon class 'cruise_misile'",
        ),
        (
            "s.toml",
            "[launches_per_week]\nstrike_drone = -3\n",
            r"launches_per_week\.strike_drone: launches per week must not be negative",
        ),
        (
            "s.toml",
            "[launches_per_week]\nstrike_drone = 'many'\n",
            r"launches per week must be a number, not 'many'",
        ),
        ("s.toml", "strike_drone = 3\n", r"s\.toml: launches_per_week: missing"),
        ("s.toml", "[launches_per_week\n", r"s\.toml: not valid TOML"),
        (
            "s.csv",
            "weapon_class,launches_per_week\nstrike_drone,x\n",
            r"s\.csv: row 2: launches per week must be a number, not 'x'",
        ),
        (
            "s.csv",
            "weapon_class,per_week\nstrike_drone,3\n",
            r"s\.csv: the header lacks the column launches_per_week",
        ),
        (
            "s.csv",
            "weapon_class,launches_per_week\nstrike_drone,3\nstrike_drone,4\n",
            r"row 3: strike_drone is given twice",
        ),
        ("s.txt", "strike_drone 3\n", r"s\.txt: a scenario must be a \.toml or \.csv file"),
    ],
)
def test_bad_scenario_files(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(DataError, match=message):
        load_scenario(path)


def test_forecast_on_the_real_snapshot(newest_snapshot):
    data = airdef.load(newest_snapshot)
    out = threat_forecast(data, horizon_days=30, draws=4000).set_index("weapon_class")
    assert "strike_drone" in out.index
    assert (out["launched_low"] <= out["launched_median"]).all()
    assert (out["launched_median"] <= out["launched_high"]).all()
    # the median of 30 days is close to 30 times the daily mean for the busiest class
    drone = out.loc["strike_drone"]
    assert drone["launched_median"] == pytest.approx(30 * drone["mean_per_day"], rel=0.1)


def test_a_fitted_model_gives_the_same_forecast(newest_snapshot):
    """Passing the model fitted once (as the report does) equals fitting from the data."""
    data = airdef.load(newest_snapshot)
    direct = threat_forecast(data, horizon_days=30, draws=2000, seed=3)
    reused = threat_forecast(model=fit_threats(data), horizon_days=30, draws=2000, seed=3)
    pd.testing.assert_frame_equal(direct, reused)


def test_bad_arguments():
    with pytest.raises(
        ValueError, match=r"horizon_days must be a whole number of at least 1; got 0"
    ):
        threat_forecast(scenario={"strike_drone": 1}, horizon_days=0)
    with pytest.raises(ValueError, match=r"interval must be between 0 and 1; got 1.5"):
        threat_forecast(scenario={"strike_drone": 1}, interval=1.5)
    with pytest.raises(ValueError, match=r"threat_forecast needs data or a scenario"):
        threat_forecast()
    with pytest.raises(ValueError, match=r"unknown weapon class 'drones'"):
        threat_forecast(scenario={"drones": 1})
