"""The synthetic-data generator: determinism, validity, the statistics it claims, the sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import airdef
from airdef.model import EVENT_SCHEMA
from airdef.samples import sample_files, sample_path
from airdef.synthetic import (
    SYNTHETIC_REPORTERS,
    CasualtySpec,
    RegionalSpec,
    SimulationSpec,
    WeaponSpec,
    is_synthetic,
    read_truth,
    simulate,
    source_label,
    true_rates,
    truth_path,
    write_synthetic,
)
from airdef.synthetic import generate as generate_module
from airdef.synthetic.casualties import DISTRICTS

COMPARED = [c for c in EVENT_SCHEMA if c not in ("origin", "source_row")]


def national(data: airdef.StrikeData) -> pd.DataFrame:
    return data.events[data.events["reporter"] == "synthetic"]


def one_weapon(**kwargs) -> SimulationSpec:
    """A spec with a single weapon type in every attack night (for statistical checks)."""
    weapon = WeaponSpec(
        kwargs.pop("weapon", "Kalibr"),
        rate=kwargs.pop("rate", 0.6),
        p_ordinary=1.0,
        p_massive=1.0,
        mean_size=kwargs.pop("mean_size", 20),
        dispersion=50.0,
        rho=kwargs.pop("rho", 0.1),
        **kwargs.pop("weapon_kwargs", {}),
    )
    return SimulationSpec(
        months=kwargs.pop("months", 24),
        nights_per_week=7,
        massive_share=0.0,
        weapons=(weapon,),
        regional=None,
        **kwargs,
    )


def pooled_z(events: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Plain pooled rate per truth period and its z-score against the reported true rate.

    The standard error is the exact one of a pooled proportion of beta-binomial
    counts with the sizes observed: Var(sum X_i) = sum[n_i q (1 - q) + n_i (n_i - 1) v],
    where q is the reported rate and v the variance of the per-attack rate,
    rho p (1 - p), times (1 - s)**2 where suppressed drones are folded in
    (q_a = p_a + (1 - p_a) s).
    """
    rows = []
    day = events["time_end"].dt.normalize()
    for t in truth.itertuples(index=False):
        sel = events[
            (events["weapon"] == t.weapon) & (day >= t.period_start) & (day < t.period_end)
        ]
        n = sel["launched"].to_numpy(dtype=float)
        x = sel["intercepted"].to_numpy(dtype=float)
        if n.sum() == 0:
            continue
        p, q, s = t.true_rate, t.reported_rate, t.suppressed_share
        v = t.rho * p * (1 - p) * ((1 - s) ** 2 if t.suppressed_folded else 1.0)
        var = np.sum(n * q * (1 - q) + n * (n - 1) * v)
        estimate = x.sum() / n.sum()
        se = np.sqrt(var) / n.sum()
        rows.append(
            {
                "weapon": t.weapon,
                "period_start": t.period_start,
                "launched": n.sum(),
                "estimate": estimate,
                "reported_rate": q,
                "z": (estimate - q) / se if se > 0 else (0.0 if estimate == q else np.inf),
            }
        )
    return pd.DataFrame(rows)


# -- determinism -------------------------------------------------------------------------


def test_same_seed_gives_the_same_data():
    a = simulate(months=3, seed=5)
    b = simulate(months=3, seed=5)
    pd.testing.assert_frame_equal(a.events, b.events)
    pd.testing.assert_frame_equal(a.casualties, b.casualties)


def test_different_seeds_differ():
    a = simulate(months=3, seed=5)
    b = simulate(months=3, seed=6)
    assert not a.events[["launched", "intercepted"]].equals(b.events[["launched", "intercepted"]])
    assert set(a.events["attack_id"]).isdisjoint(b.events["attack_id"])


class CountingGenerator:
    """Wraps a numpy Generator and counts calls to its methods."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self.calls = 0

    def __getattr__(self, name: str):
        attr = getattr(self._rng, name)
        if not callable(attr):
            return attr

        def counted(*args, **kwargs):
            self.calls += 1
            return attr(*args, **kwargs)

        return counted


def test_vectorized_draw_count_does_not_grow_with_the_data(monkeypatch):
    # A loop per attack or per row would make more random draws calls for a longer
    # period; a vectorized generator makes the same, fixed number of calls.
    made: list[CountingGenerator] = []

    def counting_rng(seed):
        made.append(CountingGenerator(np.random.default_rng(seed)))
        return made[-1]

    monkeypatch.setattr(generate_module, "default_rng", counting_rng)
    short = simulate(months=2, seed=3)
    long = simulate(months=36, seed=3)
    assert len(long.events) > 10 * len(short.events)
    assert made[0].calls == made[1].calls
    assert 0 < made[0].calls < 40  # one call per kind of draw, not per attack


# -- validity of the counts ----------------------------------------------------------------


@pytest.mark.parametrize("fold", [None, 6])
def test_counts_are_valid(fold):
    data = simulate(months=12, seed=2, ew_fold_month=fold)
    ev = data.events
    for col in ("launched", "intercepted", "suppressed", "still_attacking", "source_row"):
        assert ev[col].dtype == "Int64", col
    for col in ("attack_id", "source", "reporter", "weapon", "weapon_class", "target"):
        assert ev[col].dtype == "string", col
    assert (ev["launched"] >= 1).all()
    assert (ev["intercepted"] >= 0).all()
    assert (ev["suppressed"].dropna() >= 0).all()
    total = ev["intercepted"] + ev["suppressed"].fillna(0)
    assert (total <= ev["launched"]).all()
    assert (ev["launched_qual"] == "exact").all() and (ev["intercepted_qual"] == "exact").all()
    assert (ev["time_end"] > ev["time_start"]).where(ev["reporter"] == "synthetic", True).all()
    # Only jammed types report suppressed; the others leave it blank (unknown, not 0).
    jammed = ev["weapon"].isin(["Shahed-136/131"])
    assert ev.loc[jammed & (ev["reporter"] == "synthetic"), "suppressed"].notna().all()
    assert ev.loc[~jammed, "suppressed"].isna().all()
    cas = data.casualties
    assert cas["killed"].dtype == "Int64" and cas["injured"].dtype == "Int64"
    assert ((cas["killed"] + cas["injured"]) > 0).all()
    assert (cas[["killed", "injured"]] >= 0).all().all()


def test_weapon_labels_are_canonical_catalog_names():
    data = simulate(months=6, seed=4)
    catalog = airdef.load_catalog()
    for label in data.events["weapon_label"].unique():
        assert catalog.lookup(label) == label
    assert (data.events["weapon"] == data.events["weapon_label"]).all()
    classes = set(national(data)["weapon_class"])
    assert {"strike_drone", "cruise_missile", "ballistic_missile"} <= classes


def test_synthetic_marking_on_every_row():
    data = simulate(months=4, seed=7)
    ev = data.events
    assert ev["reporter"].isin(SYNTHETIC_REPORTERS).all()
    assert ev["source"].str.startswith(source_label(7)).all()
    assert ev["attack_id"].str.startswith(("synthetic:", "synthetic-regional:")).all()
    assert data.casualties["source"].eq(source_label(7)).all()
    assert is_synthetic(ev).all()
    real = airdef.load(sample_path("attack_2024-01-23.csv"))
    assert not is_synthetic(real.events).any()


def test_casualties_reference_existing_attacks():
    data = simulate(months=12, seed=8)
    cas = data.casualties
    nat = national(data)
    assert len(cas) > 50
    assert cas["attack_id"].isin(nat["attack_id"]).all()
    report_day = nat.groupby("attack_id")["time_end"].first().dt.normalize()
    assert (cas["date"].to_numpy() == report_day.loc[cas["attack_id"]].to_numpy()).all()
    for city, districts in DISTRICTS.items():
        rows = cas[cas["city"] == city]
        assert rows["district"].notna().all()
        assert rows["district"].isin(districts).all()
    assert cas.loc[~cas["city"].isin(list(DISTRICTS)), "district"].isna().all()
    # One place appears at most once per attack.
    assert not cas.duplicated(["attack_id", "city", "district"]).any()


def test_no_casualties_when_scale_is_zero():
    data = simulate(months=3, seed=1, casualties=CasualtySpec(scale=0.0))
    assert len(data.casualties) == 0


def test_regional_reporter_reports_kills_only():
    data = simulate(months=6, seed=9)
    regional = data.events[data.events["reporter"] == "synthetic-regional"]
    assert len(regional) > 20
    assert (regional["launched"] == regional["intercepted"]).all()
    assert (regional["target"] == "south").all()
    assert not regional["weapon"].isin(national(data)["weapon"]).any()
    without = simulate(months=6, seed=9, regional=None)
    assert (without.events["reporter"] == "synthetic").all()


def test_attack_windows_are_overnight():
    nat = national(simulate(months=3, seed=10))
    start_hour = nat["time_start"].dt.hour
    end = nat["time_end"]
    assert start_hour.isin([18, 19, 20]).all()
    assert ((end.dt.hour * 60 + end.dt.minute) // 30).between(15, 19).all()  # 07:30-09:30
    assert (end.dt.normalize() - nat["time_start"].dt.normalize() == pd.Timedelta(days=1)).all()
    assert nat["attack_id"].nunique() == nat.drop_duplicates(["time_start", "time_end"]).shape[0]


# -- the statistics the generator claims ---------------------------------------------------


def pearson_dispersion(events: pd.DataFrame) -> tuple[float, float]:
    """Pearson chi2 / df of a constant-rate binomial fit, and the moment estimate of rho.

    Under beta-binomial counts, E[chi2] ~ sum(1 + (n_i - 1) rho), so
    rho ~ (chi2 - df) / sum(n_i - 1).
    """
    n = events["launched"].to_numpy(dtype=float)
    x = events["intercepted"].to_numpy(dtype=float)
    p = x.sum() / n.sum()
    chi2 = np.sum((x - n * p) ** 2 / (n * p * (1 - p)))
    df = len(n) - 1
    return chi2 / df, (chi2 - df) / np.sum(n - 1)


def test_intra_attack_correlation_shows_as_overdispersion():
    correlated = national(simulate(one_weapon(rho=0.1), seed=11))
    independent = national(simulate(one_weapon(rho=0.0), seed=11))
    ratio_rho, rho_hat = pearson_dispersion(correlated)
    ratio_0, _ = pearson_dispersion(independent)
    df = len(independent) - 1
    # Binomial counts: chi2/df has sd sqrt(2/df) (~0.05 for ~730 attacks); 4 sd either side.
    assert abs(ratio_0 - 1) < 4 * np.sqrt(2 / df)
    # rho = 0.1 with waves of ~20: E[chi2/df] ~ 1 + 19 * 0.1 = 2.9.
    assert ratio_rho > 2.0
    # The moment estimate of rho had mean 0.100 and sd 0.008 over 40 seeds (range
    # 0.078-0.117); 0.03 is ~4 sd.
    assert abs(rho_hat - 0.1) < 0.03


def test_change_point_is_where_the_spec_says():
    spec = one_weapon(
        weapon="Iskander-M/KN-23",
        rate=0.25,
        mean_size=8,
        rho=0.05,
        months=18,
        weapon_kwargs={"rate_after": 0.55, "change_month": 9},
    )
    truth = true_rates(spec)
    change = pd.Timestamp("2024-07-01") + pd.DateOffset(months=9)
    assert truth["period_start"].tolist() == [pd.Timestamp("2024-07-01"), change]
    assert truth["true_rate"].tolist() == [0.25, 0.55]

    ev = national(simulate(spec, seed=12))
    daily = ev.groupby(ev["time_end"].dt.normalize())[["launched", "intercepted"]].sum()
    n = daily["launched"].to_numpy(dtype=float)
    x = daily["intercepted"].to_numpy(dtype=float)

    def loglik(xs: np.ndarray, ns: np.ndarray) -> np.ndarray:
        p = np.clip(xs / ns, 1e-12, 1 - 1e-12)
        return xs * np.log(p) + (ns - xs) * np.log1p(-p)

    # Profile likelihood of one change of a binomial rate, over every split of the days.
    cx, cn = np.cumsum(x)[:-1], np.cumsum(n)[:-1]
    profile = loglik(cx, cn) + loglik(x.sum() - cx, n.sum() - cn)
    found = daily.index[int(np.argmax(profile)) + 1]
    # A jump of 0.3 with ~8 launches a night: over 100 seeds the split found was at most
    # 11 days off (median 0); allow two weeks.
    assert abs(found - change) <= pd.Timedelta(days=14)
    z = pooled_z(ev, truth)
    assert (z["z"].abs() < 4).all(), z


def test_pooled_estimates_recover_the_true_rates():
    # Default spec, another seed than the sample. Each (weapon, period) estimate is
    # compared with its exact beta-binomial standard error (see pooled_z); |z| < 4
    # fails with probability ~6e-5 per comparison for a correct generator. Over 40
    # seeds the largest |z| of the 12 comparisons averaged 2.0 (as for 12 standard
    # normals) and never exceeded 3.5, so the standard error is the right one.
    spec = SimulationSpec()
    z = pooled_z(national(simulate(spec, seed=21)), true_rates(spec))
    assert len(z) == len(true_rates(spec))
    assert (z["z"].abs() < 4).all(), z
    big = z[z["launched"] > 1000]
    assert (abs(big["estimate"] - big["reported_rate"]) < 0.05).all(), big


def test_ew_fold_moves_suppressed_into_intercepted():
    spec = SimulationSpec(ew_fold_month=8)
    data = simulate(spec, seed=13)
    nat = national(data)
    fold = spec.ew_fold_date
    shahed = nat[nat["weapon"] == "Shahed-136/131"]
    after = shahed["time_end"] >= fold
    assert (shahed.loc[after, "suppressed"] == 0).all()
    assert (shahed.loc[~after, "suppressed"] > 0).mean() > 0.9
    truth = true_rates(spec)
    folded = truth[truth["suppressed_folded"]]
    assert folded["weapon"].tolist() == ["Shahed-136/131"]
    assert folded["reported_rate"].iloc[0] == pytest.approx(0.70 + 0.30 * 0.55)
    z = pooled_z(nat, truth)
    assert (z["z"].abs() < 4).all(), z


def test_rare_type_is_seen_only_a_few_times():
    nat = national(simulate(seed=0))
    nights = nat.loc[nat["weapon"] == "3M22 Zircon", "attack_id"].nunique()
    assert 1 <= nights <= 8


def test_drone_waves_grow():
    nat = national(simulate(seed=0))
    shahed = nat[nat["weapon"] == "Shahed-136/131"]
    first = shahed[shahed["time_end"] < "2024-11-01"]["launched"].mean()
    last = shahed[shahed["time_end"] >= "2025-07-01"]["launched"].mean()
    # growth = 1.2 a year: a mean about (2.2 ** 1.0) larger a year later.
    assert last > 1.6 * first


# -- true rates --------------------------------------------------------------------------


def test_true_rates_cover_the_period_without_gaps():
    spec = SimulationSpec(ew_fold_month=10)
    truth = true_rates(spec)
    assert list(truth.columns) == [
        "weapon",
        "weapon_class",
        "period_start",
        "period_end",
        "true_rate",
        "rho",
        "suppressed_share",
        "suppressed_folded",
        "reported_rate",
    ]
    for _, rows in truth.groupby("weapon"):
        assert rows["period_start"].iloc[0] == spec.start_date
        assert rows["period_end"].iloc[-1] == spec.end_date
        assert (rows["period_start"].iloc[1:].to_numpy() == rows["period_end"].iloc[:-1]).all()
    iskander = truth[truth["weapon"] == "Iskander-M/KN-23"]
    assert iskander["period_start"].tolist()[1] == pd.Timestamp("2025-03-01")
    assert iskander["true_rate"].tolist() == [0.25, 0.45]


def test_change_after_the_period_does_not_happen():
    truth = true_rates(SimulationSpec(months=3))
    assert (truth["weapon"] == "Iskander-M/KN-23").sum() == 1


# -- bad input ---------------------------------------------------------------------------


def test_bad_arguments_have_clear_messages():
    with pytest.raises(ValueError, match="unknown simulation parameter.*mnths.*valid: start"):
        simulate(mnths=3)
    with pytest.raises(ValueError, match="seed must be a whole number"):
        simulate(months=1, seed="zero")
    with pytest.raises(ValueError, match="rate must be in \\[0, 1\\], not 1.5"):
        WeaponSpec("Kalibr", rate=1.5, p_ordinary=0.1, p_massive=0.1, mean_size=2)
    with pytest.raises(ValueError, match="rho must be in \\[0, 1\\)"):
        WeaponSpec("Kalibr", rate=0.5, p_ordinary=0.1, p_massive=0.1, mean_size=2, rho=1.0)
    with pytest.raises(ValueError, match="give both rate_after and change_month"):
        WeaponSpec("Kalibr", rate=0.5, p_ordinary=0.1, p_massive=0.1, mean_size=2, rate_after=0.6)
    geran = WeaponSpec("Geran-2", rate=0.5, p_ordinary=0.5, p_massive=0.5, mean_size=2)
    with pytest.raises(ValueError, match="'Geran-2'.*the catalog calls it 'Shahed-136/131'"):
        SimulationSpec(weapons=(geran,))
    with pytest.raises(ValueError, match="months must be a whole number from 1 to 240"):
        SimulationSpec(months=0)
    with pytest.raises(ValueError, match="start must be a date"):
        SimulationSpec(start="July")
    with pytest.raises(ValueError, match="reporter must start with 'synthetic'"):
        RegionalSpec(reporter="kpszsu")
    with pytest.raises(ValueError, match="listed more than once: Kalibr"):
        kalibr = WeaponSpec("Kalibr", rate=0.5, p_ordinary=0.1, p_massive=0.1, mean_size=2)
        SimulationSpec(weapons=(kalibr, kalibr))


# -- files and the bundled sample ------------------------------------------------------------


def test_write_and_read_back(tmp_path):
    spec = SimulationSpec(months=3)
    data = simulate(spec, seed=14)
    written = write_synthetic(data, tmp_path / "sim.csv", spec)
    assert [p.name for p in written] == ["sim.csv", "sim.casualties.csv", "sim.truth.csv"]
    loaded = airdef.load(tmp_path / "sim.csv")
    assert len(loaded.quarantine) == 0
    pd.testing.assert_frame_equal(loaded.events[COMPARED], data.events[COMPARED])
    pd.testing.assert_frame_equal(
        loaded.casualties.drop(columns="origin"), data.casualties.drop(columns="origin")
    )
    pd.testing.assert_frame_equal(read_truth(tmp_path / "sim.csv"), true_rates(spec))


def test_read_truth_of_a_missing_file(tmp_path):
    with pytest.raises(airdef.DataError, match="no such file.*true rates"):
        read_truth(tmp_path / "none.csv")
    assert truth_path(tmp_path / "a.parquet").name == "a.truth.csv"


def test_bundled_sample_is_the_documented_simulation():
    # Regenerate with: airdef simulate --out airdef/data/sample/synthetic.csv --seed 0
    path = sample_path("synthetic.csv")
    bundled = airdef.load(path)
    assert len(bundled.quarantine) == 0
    assert bundled.provenance["rows_quarantined"].iloc[0] == 0
    fresh = simulate(SimulationSpec(), seed=0)
    pd.testing.assert_frame_equal(
        bundled.events[COMPARED], fresh.events[COMPARED], obj="bundled synthetic.csv"
    )
    pd.testing.assert_frame_equal(
        bundled.casualties.drop(columns="origin"),
        fresh.casualties.drop(columns="origin"),
        obj="bundled synthetic.casualties.csv",
    )
    pd.testing.assert_frame_equal(read_truth(path), true_rates(SimulationSpec()))


def test_bundled_sample_estimates_are_near_the_truth():
    path = sample_path("synthetic.csv")
    z = pooled_z(national(airdef.load(path)), read_truth(path))
    assert (z["z"].abs() < 4).all(), z


def test_bundled_sample_is_small_and_listed_once():
    names = [p.name for p in sample_files()]
    assert "synthetic.csv" in names
    assert not any(n.endswith((".truth.csv", ".casualties.csv")) for n in names)
    folder = sample_path("synthetic.csv").parent
    size = sum((folder / n).stat().st_size for n in ("synthetic.csv", "synthetic.casualties.csv"))
    size += (folder / "synthetic.truth.csv").stat().st_size
    assert size < 600_000


def test_top_level_names():
    assert airdef.simulate is simulate
    assert airdef.true_rates is true_rates
    assert airdef.SimulationSpec is SimulationSpec
