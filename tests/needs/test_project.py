"""project_needs: hand-computed expectations, monotonicity, seeds, intervals, the real snapshots."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef.model import StrikeData
from airdef.needs import implied_pk, needs_by_system, project_needs
from airdef.needs.project import COLUMNS, TARGET_COLUMNS

# Two systems; cruise missiles partly defeated by electronic warfare; system "b" fires
# shoot-look-shoot (1 shot per look, up to 2 looks) at cruise missiles.
DOCTRINE = """
currency = "USD"

[systems.a]
name = "A"
unit_cost = 1000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
inventory = 500
inventory_source = "illustrative assumption, no public source"

[systems.b]
name = "B"
unit_cost = 10
cost_year = 2024
cost_source = "illustrative assumption, no public source"

[classes.strike_drone]
[[classes.strike_drone.systems]]
system = "b"
share = 0.6
shots = 1
source = "x"

[classes.cruise_missile]
ew_share = 0.1
ew_source = "x"
[[classes.cruise_missile.systems]]
system = "a"
share = 0.5
shots = 2
source = "x"
[[classes.cruise_missile.systems]]
system = "b"
share = 0.2
shots = 1
looks = 2
source = "x"
"""

# Zero-width rates that make the per-shot pk 0.5 for cruise missiles and 0.8 for drones:
#   cruise: both systems fire 2 shots per threat at most, so each engagement kills with
#           1 - 0.5^2 = 0.75 and the rate is 0.1 + (0.5 + 0.2) * 0.75 = 0.625;
#   drones: 0.6 * 0.8 = 0.48.
RATES = pd.DataFrame(
    {
        "weapon_class": ["cruise_missile", "strike_drone"],
        "rate": [0.625, 0.48],
        "ci_low": [0.625, 0.48],
        "ci_high": [0.625, 0.48],
        "confidence_level": [0.95, 0.95],
    }
)
# 70 cruise missiles and 140 drones a week for 14 days: 140 and 280 launches.
SCENARIO = {"cruise_missile": 70, "strike_drone": 140}


@pytest.fixture
def doctrine(tmp_path):
    path = tmp_path / "doctrine.toml"
    path.write_text(DOCTRINE)
    return airdef.load_doctrine(path)


def row(result, system, weapon_class):
    hit = result[(result["system"] == system) & (result["weapon_class"] == weapon_class)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_no_uncertainty_gives_the_hand_computed_expectation(doctrine):
    out = project_needs(
        scenario=SCENARIO,
        rates=RATES,
        doctrine=doctrine,
        horizon_days=14,
        draws=500,
        target_rate=0.8,
    )
    # A on cruise missiles: 140 launches x share 0.5 x 2 shots = 140 shots, x 1,000 USD
    a = row(out, "A", "cruise_missile")
    assert (a.fired_low, a.fired_median, a.fired_high) == (140.0, 140.0, 140.0)
    assert a.cost_median == 140_000.0
    # B on cruise missiles, shoot-look-shoot: 1 shot, a second with probability 0.5 -> 1.5
    # shots per engagement; 140 x 0.2 x 1.5 = 42 shots, x 10 USD
    b = row(out, "B", "cruise_missile")
    assert b.fired_median == pytest.approx(42.0, rel=1e-12)
    assert b.cost_median == pytest.approx(420.0, rel=1e-12)
    # B on drones: 280 x 0.6 x 1 = 168
    assert row(out, "B", "strike_drone").fired_median == 168.0
    # totals per system and in all; A's 500 shots last 500 / (140 / 14 a day) = 50 days
    a_all = row(out, "A", "all")
    assert a_all.fired_median == 140.0
    assert a_all.days_of_supply_median == pytest.approx(50.0, rel=1e-12)
    assert a_all.days_of_supply_low == a_all.days_of_supply_high == pytest.approx(50.0)
    assert row(out, "B", "all").fired_median == pytest.approx(210.0, rel=1e-12)
    assert np.isnan(row(out, "B", "all").days_of_supply_median)  # no inventory given
    total = row(out, "all", "all")
    assert np.isnan(total.fired_median)
    assert total.cost_median == pytest.approx(140_000 + 420 + 1_680, rel=1e-12)

    # Target 0.8. Cruise: electronic warfare gives 0.1, so engaged threats must die with
    # 0.7 / 0.7 = 1: impossible, so every threat not lost to EW is engaged (shares scaled
    # to 0.9 in the ratio 5:2) and must die with 0.7 / 0.9 = 0.7778. At pk 0.5, 2 shots give
    # 0.75 and 3 give 0.875: a share f = (0.7778 - 0.75) / 0.125 = 0.2222 of engagements fires
    # 3, so 2.2222 shots each; 140 x 0.9 x 2.2222 = 280 shots, split 5:2 into 200 and 80.
    assert row(out, "A", "cruise_missile").fired_target_median == pytest.approx(200.0, rel=1e-9)
    assert row(out, "B", "cruise_missile").fired_target_median == pytest.approx(80.0, rel=1e-9)
    # Drones: 0.8 / 0.6 > 1, so all 280 are engaged and must die with 0.8 = pk: one shot each.
    assert row(out, "B", "strike_drone").fired_target_median == pytest.approx(280.0, rel=1e-9)
    assert row(out, "all", "all").cost_target_median == pytest.approx(
        200 * 1000 + (80 + 280) * 10, rel=1e-9
    )


def test_result_layout_and_assumptions(doctrine):
    out = project_needs(
        scenario=SCENARIO, rates=RATES, doctrine=doctrine, horizon_days=14, draws=100
    )
    assert list(out.columns) == COLUMNS
    assert COLUMNS[:9] == [
        "system",
        "weapon_class",
        "interval",
        "fired_median",
        "fired_low",
        "fired_high",
        "cost_median",
        "cost_low",
        "cost_high",
    ]
    with_target = project_needs(
        scenario=SCENARIO, rates=RATES, doctrine=doctrine, draws=100, target_rate=0.9
    )
    assert list(with_target.columns) == COLUMNS + TARGET_COLUMNS
    assert out["system"].tolist() == ["A", "A", "B", "B", "B", "all"]
    assert needs_by_system(out)["system"].tolist() == ["A", "B"]
    text = "\n".join(out.attrs["assumptions"])
    assert "every number below is an assumption" in text
    assert "A: 1,000 USD per shot (2024 prices)" in text
    assert out.attrs["doctrine"].endswith("doctrine.toml")
    assert out.attrs["currency"] == "USD"


def test_pk_back_out_matches_the_hand_computation(doctrine):
    pk = implied_pk(RATES, doctrine).set_index(["weapon_class", "system"])
    assert pk.loc[("cruise_missile", "A"), "pk"] == pytest.approx(0.5, rel=1e-12)
    assert pk.loc[("cruise_missile", "B"), "pk"] == pytest.approx(0.5, rel=1e-12)
    assert pk.loc[("strike_drone", "B"), "pk"] == pytest.approx(0.8, rel=1e-12)


def test_pk_interval_follows_the_rate_interval():
    rates = pd.DataFrame(
        {"weapon_class": ["cruise_missile"], "rate": [0.7], "ci_low": [0.5], "ci_high": [0.8]}
    )
    pk = implied_pk(rates).query("weapon_class == 'cruise_missile'")
    assert (pk["pk_low"] < pk["pk"]).all() and (pk["pk"] < pk["pk_high"]).all()


def test_pk_priors_keep_their_ratio_on_the_log_scale(tmp_path):
    # Two systems, one shot each, priors 0.9 and 0.5. The data scale log(1 - pk) of both by
    # one factor: 1 - pk_s = (1 - prior_s)^lambda. With rate 0.5 * (1 - 0.1^l) + 0.5 * (1 -
    # 0.5^l) and lambda = 1 the rate is 0.5 * 0.9 + 0.5 * 0.5 = 0.7: the priors come back.
    text = DOCTRINE.replace('ew_share = 0.1\new_source = "x"\n', "")
    text = text.replace("share = 0.5\nshots = 2\n", "share = 0.5\nshots = 1\npk_prior = 0.9\n")
    text = text.replace(
        "share = 0.2\nshots = 1\nlooks = 2\n", "share = 0.5\nshots = 1\npk_prior = 0.5\n"
    )
    path = tmp_path / "priors.toml"
    path.write_text(text)
    rates = pd.DataFrame(
        {"weapon_class": ["cruise_missile"], "rate": [0.7], "ci_low": [0.7], "ci_high": [0.7]}
    )
    pk = implied_pk(rates, path).query("weapon_class == 'cruise_missile'").set_index("system")
    assert pk.loc["A", "pk"] == pytest.approx(0.9, rel=1e-10)
    assert pk.loc["B", "pk"] == pytest.approx(0.5, rel=1e-10)


def synthetic(days: int = 120, seed: int = 3) -> StrikeData:
    """Daily national reports with negative-binomial drone and cruise-missile launches."""
    rng = np.random.default_rng(seed)
    when = pd.date_range("2025-01-01 07:00", periods=days, freq="D")
    drones = rng.negative_binomial(2.0, 2.0 / 102.0, size=days)
    cruise = rng.negative_binomial(0.3, 0.3 / 3.3, size=days)
    rows = []
    for i, t in enumerate(when):
        for label, n in (("Shahed-136/131", drones[i]), ("Kalibr", cruise[i])):
            if n:
                rows.append((f"a{i}", t, label, int(n), int(rng.binomial(n, 0.8))))
    events = pd.DataFrame(
        rows, columns=["attack_id", "time_end", "weapon_label", "launched", "intercepted"]
    )
    return StrikeData(events=events.assign(reporter="kpszsu"))


@pytest.fixture(scope="module")
def data():
    return synthetic()


def test_same_seed_same_result(data):
    one = project_needs(data, horizon_days=30, draws=2000, seed=11, target_rate=0.9)
    two = project_needs(data, horizon_days=30, draws=2000, seed=11, target_rate=0.9)
    pd.testing.assert_frame_equal(one, two)
    other = project_needs(data, horizon_days=30, draws=2000, seed=12, target_rate=0.9)
    assert not one["cost_median"].equals(other["cost_median"])


def test_intervals_are_ordered_and_not_negative(data):
    out = project_needs(data, horizon_days=30, draws=2000, target_rate=0.95)
    for what in ("fired", "cost", "days_of_supply", "fired_target", "cost_target"):
        lo, mid, hi = (out[f"{what}_{k}"] for k in ("low", "median", "high"))
        known = mid.notna()
        assert (lo[known] <= mid[known]).all() and (mid[known] <= hi[known]).all(), what
        assert (lo[known] >= 0).all(), what


def test_monotone_in_horizon(data):
    medians = [
        needs_by_system(project_needs(data, horizon_days=h, draws=3000))["fired_median"].to_numpy()
        for h in (7, 30, 90, 365)
    ]
    for shorter, longer in zip(medians, medians[1:], strict=False):
        assert (longer >= shorter).all()


def test_monotone_in_target_rate(data):
    # The target does not use the random stream, so every draw is comparable.
    runs = [
        project_needs(data, horizon_days=30, draws=2000, target_rate=t)
        for t in (0.5, 0.8, 0.9, 0.97)
    ]
    for low, high in zip(runs, runs[1:], strict=False):
        for col in ("fired_target_median", "fired_target_high", "cost_target_median"):
            a, b = low[col].to_numpy(), high[col].to_numpy()
            known = ~np.isnan(a) & ~np.isnan(b)
            assert (b[known] >= a[known] - 1e-9).all(), col


def test_monotone_in_launches(doctrine):
    small = project_needs(scenario=SCENARIO, rates=RATES, doctrine=doctrine, draws=200)
    doubled = {k: 2 * v for k, v in SCENARIO.items()}
    large = project_needs(scenario=doubled, rates=RATES, doctrine=doctrine, draws=200)
    np.testing.assert_allclose(large["cost_median"], 2 * small["cost_median"], rtol=1e-12)


def test_rate_uncertainty_reaches_the_target_needs(doctrine):
    wide = RATES.assign(ci_low=[0.5, 0.4], ci_high=[0.7, 0.55])
    fixed = project_needs(
        scenario=SCENARIO, rates=RATES, doctrine=doctrine, target_rate=0.8, draws=2000
    )
    spread = project_needs(
        scenario=SCENARIO, rates=wide, doctrine=doctrine, target_rate=0.8, draws=2000
    )
    a0, a1 = row(fixed, "A", "cruise_missile"), row(spread, "A", "cruise_missile")
    assert a0.fired_target_low == a0.fired_target_high
    assert a1.fired_target_low < a1.fired_target_median < a1.fired_target_high


def test_classes_the_doctrine_leaves_out_are_noted(doctrine):
    base = synthetic()
    extra = pd.DataFrame(
        {
            "attack_id": ["x"],
            "time_end": [base.events["time_end"].max()],
            "weapon_label": ["Iskander-M"],
            "weapon": ["Iskander-M"],
            "weapon_class": ["ballistic_missile"],
            "launched": [4],
            "intercepted": [1],
            "reporter": ["kpszsu"],
        }
    )
    more = StrikeData(events=pd.concat([base.events, extra], ignore_index=True))
    notes = project_needs(more, doctrine=doctrine, draws=500).attrs["notes"]
    assert any(
        n.startswith("ballistic_missile: 4 launched in the window, but the doctrine") for n in notes
    )


def test_no_progress_bar_off_a_terminal(data, capsys):
    project_needs(data, draws=50_000)
    assert capsys.readouterr().err == ""


def test_progress_bar_when_asked_and_slow(data, capsys, monkeypatch):
    clock = iter(range(0, 10_000, 2))  # every reading of the clock is 2 s later
    monkeypatch.setattr("airdef.needs.project.time.perf_counter", lambda: next(clock))
    project_needs(data, draws=50_000, progress=True)
    err = capsys.readouterr().err
    assert "projecting needs" in err and "50,000/50,000 draws" in err
    assert err.endswith("\n")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"horizon_days": 0}, r"horizon_days must be a whole number of at least 1; got 0"),
        ({"draws": 2.5}, r"draws must be a whole number of at least 1; got 2.5"),
        ({"target_rate": 1.2}, r"target_rate must be in \[0, 1\]; got 1.2"),
        ({"interval": 1.0}, r"interval must be between 0 and 1; got 1.0"),
        ({"source": "regional"}, r"source must be 'national' or 'all', not 'regional'"),
    ],
)
def test_bad_arguments(data, kwargs, message):
    with pytest.raises(ValueError, match=message):
        project_needs(data, **kwargs)


def test_needs_data_or_scenario_and_rates():
    with pytest.raises(ValueError, match=r"needs data, unless both a scenario and rates are given"):
        project_needs(scenario=SCENARIO)


# --- the real snapshots ------------------------------------------------------------------------


def test_real_snapshot_projection(snapshot):
    data = airdef.load(snapshot)
    out = project_needs(data, horizon_days=30, draws=4000)
    systems = needs_by_system(out)
    assert (systems["fired_median"] > 0).sum() >= 3
    assert out["system"].nunique() >= 4  # at least three systems plus the "all" row
    assert (out["cost_median"].iloc[-1] > 0) and out["system"].iloc[-1] == "all"
    assert any("interception rates" in a for a in out.attrs["assumptions"])


def test_real_snapshot_doubling_the_horizon_roughly_doubles_the_medians(newest_snapshot):
    # Tolerance: the busy (drone) systems within 10% of twice; every system between 1.8x
    # and 2.7x, since medians of right-skewed totals (cruise and ballistic missiles come in
    # rare massive raids) grow a little faster than the horizon; total cost within 1.8x-2.4x.
    data = airdef.load(newest_snapshot)
    a = needs_by_system(project_needs(data, horizon_days=30, draws=6000))
    b = needs_by_system(project_needs(data, horizon_days=60, draws=6000))
    ratio = b["fired_median"] / a["fired_median"]
    busy = a["fired_median"] >= 100
    assert busy.sum() >= 3
    assert ratio[busy].between(1.8, 2.2).all()
    positive = a["fired_median"] > 0
    assert ratio[positive].between(1.8, 2.7).all()
    total = (
        project_needs(data, horizon_days=60, draws=6000)["cost_median"].iloc[-1]
        / project_needs(data, horizon_days=30, draws=6000)["cost_median"].iloc[-1]
    )
    assert 1.8 <= total <= 2.4
