"""Published claims checked against the data."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.analysis.claims import bundled_claims_path, check_claims, read_claims
from airdef.errors import DataError


def test_wsj_first_window_agrees_with_the_air_force_data(newest_snapshot):
    data = airdef.load(newest_snapshot).select(source="national")
    table = check_claims(data, read_claims(bundled_claims_path()))
    assert table["period"].tolist() == [
        "six months to November 2023", "six months to April 2024", "change",
    ]  # fmt: skip
    first = table.iloc[0]
    # WSJ, 13 May 2024: missiles intercepted 73% in the six months to November 2023
    assert first["claimed"] == 0.73
    assert first["ci_low"] <= 0.73 <= first["ci_high"] and first["verdict"] == "consistent"
    assert set(table["verdict"]) <= {"consistent", "not significant", "contradicted"}
    assert table["reliable"].all()
    change = table.iloc[2]
    assert change["claimed"] == pytest.approx(0.46 - 0.73)
    assert change["ci_low"] <= change["rate"] <= change["ci_high"]


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
    bad = tmp_path / "claims.toml"
    bad.write_text('[[claim]]\nwho = "x"\nclasses = ["cruise_missile"]\n', encoding="utf-8")
    with pytest.raises(DataError, match="claim 1: missing 'period'"):
        read_claims(bad)
    bad.write_text(
        '[[claim]]\nwho = "x"\nclasses = ["c"]\n[[claim.period]]\nstart = "2024-01-01"\n'
        'end = "2024-02-01"\nrate = 73\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="'rate' must be between 0 and 1, not 73"):
        read_claims(bad)
    bad.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(DataError, match="not a valid TOML file"):
        read_claims(bad)
