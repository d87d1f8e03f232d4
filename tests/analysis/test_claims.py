"""Published claims checked against the data."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.analysis.claims import bundled_claims_path, check_claims, read_claims
from airdef.errors import DataError
from airdef.model import event_time


def test_press_figures_agree_with_the_air_force_data(snapshot):
    data = airdef.load(snapshot)
    table = check_claims(data.select(source="national"), read_claims(bundled_claims_path()))
    # The bundled claims (airdef/data/claims.toml, each with its source): WSJ, 13 May 2024:
    # missiles 73% in the six months before the past six, 46% in the past six, 30% last
    # month; ballistic 10%; Shahed-type drones 83% then 82%. ABC News, 12 Nov 2025: drones
    # shot down or suppressed 4,242 of 5,312 in October 2025, missiles 146 of 270. FT,
    # Oct 2025: ballistic almost 40% in August 2025, 6% in September.
    periods = table.loc[table["period"] != "change"]
    assert periods["claimed"].round(4).tolist() == [
        0.73, 0.46, 0.30, 0.10, 0.83, 0.82, 0.7986, 0.5407, 0.40, 0.06,
    ]  # fmt: skip
    covered = periods["end"] <= event_time(data.events).max()
    assert covered.iloc[:6].all()  # both snapshots cover 2023-2024
    seen = periods.loc[covered]
    assert (seen["ci_low"] <= seen["claimed"]).all() and (seen["claimed"] <= seen["ci_high"]).all()
    assert set(seen.loc[seen["reliable"], "verdict"]) == {"consistent"}
    assert set(seen.loc[~seen["reliable"], "verdict"]) <= {"too few attacks"}
    assert seen["reliable"].sum() >= 4
    assert set(periods.loc[~covered, "verdict"]) <= {"no data"}
    assert periods.loc[periods["who"] == "ABC News", "measure"].tolist() == [
        "neutralized", "intercepted",
    ]  # fmt: skip
    # The fall in missile interception is outside chance; the 1-point fall for drones is not.
    changes = table.loc[table["period"] == "change"]
    assert changes["verdict"].tolist()[:2] == ["consistent", "not significant"]
    missiles = changes.iloc[0]
    assert missiles["claimed"] == pytest.approx(0.46 - 0.73)
    assert missiles["ci_low"] <= missiles["rate"] <= missiles["ci_high"] < 0


def test_a_neutralized_claim_counts_suppressed_drones():
    ev = events([0.5] * 12, "2025-09-01").assign(suppressed=30)
    data = airdef.StrikeData(events=ev)
    claim = {"who": "x", "classes": ["cruise_missile"], "period": [
        {"start": "2025-09-01", "end": "2025-12-31", "rate": 0.8},
    ]}  # fmt: skip
    assert check_claims(data, [claim])["verdict"].item() == "contradicted"
    claim["measure"] = "neutralized"
    row = check_claims(data, [claim]).iloc[0]
    assert row["rate"] == pytest.approx(0.8) and row["verdict"] == "consistent"


def events(rates: list[float], start: str) -> pd.DataFrame:
    when = pd.date_range(start, periods=len(rates), freq="7D")
    return pd.DataFrame({
        "attack_id": [f"{start}-{i}" for i in range(len(rates))], "time_start": pd.NaT,
        "time_end": when, "weapon": "Kalibr", "weapon_class": "cruise_missile",
        "launched": 100, "intercepted": [round(100 * r) for r in rates], "suppressed": 0,
    })  # fmt: skip


def test_verdicts_follow_the_intervals():
    ev = pd.concat([events([0.9] * 12, "2023-01-02"), events([0.5] * 12, "2023-07-03")])
    data = airdef.StrikeData(events=ev.reset_index(drop=True))
    claim = {"who": "x", "classes": ["cruise_missile"], "period": [
        {"start": "2023-01-01", "end": "2023-04-30", "rate": 0.9},
        {"start": "2023-07-01", "end": "2023-10-31", "rate": 0.2},
    ]}  # fmt: skip
    table = check_claims(data, [claim])
    assert table["verdict"].tolist() == ["consistent", "contradicted", "consistent"]
    claim["period"][1]["rate"] = 0.95  # claims a rise where the data show a fall
    assert check_claims(data, [claim])["verdict"].iloc[2] == "contradicted"


def test_a_window_of_too_few_attacks_tests_nothing():
    """Two attacks give an interval that says next to nothing: no verdict either way."""
    ev = pd.concat([events([0.9] * 12, "2023-01-02"), events([0.5] * 2, "2023-07-03")])
    data = airdef.StrikeData(events=ev.reset_index(drop=True))
    claim = {"who": "x", "classes": ["cruise_missile"], "period": [
        {"start": "2023-01-01", "end": "2023-04-30", "rate": 0.9},
        {"start": "2023-07-01", "end": "2023-10-31", "rate": 0.2},
    ]}  # fmt: skip
    table = check_claims(data, [claim])
    assert table["reliable"].tolist() == [True, False, False]
    assert table["verdict"].tolist() == ["consistent", "too few attacks", "too few attacks"]


def test_bad_claims_files_are_one_clear_error(tmp_path):
    typo = tmp_path / "typo.toml"
    typo.write_text(
        '[[claim]]\nwho = "x"\nclasses = ["cruise_missiles"]\n'
        '[[claim.period]]\nstart = "2024-01-01"\nend = "2024-02-01"\nrate = 0.5\n'
    )
    with pytest.raises(DataError, match="unknown weapon class 'cruise_missiles'"):
        read_claims(typo)
    bad = tmp_path / "claims.toml"
    bad.write_text('[[claim]]\nwho = "x"\nclasses = ["cruise_missile"]\n', encoding="utf-8")
    with pytest.raises(DataError, match="claim 1: missing 'period'"):
        read_claims(bad)
    bad.write_text(
        '[[claim]]\nwho = "x"\nclasses = ["cruise_missile"]\n[[claim.period]]\nstart = "2024-01-01"\n'
        'end = "2024-02-01"\nrate = 73\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="'rate' must be between 0 and 1, not 73"):
        read_claims(bad)
    bad.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(DataError, match="not a valid TOML file"):
        read_claims(bad)
