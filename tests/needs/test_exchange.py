"""Cost exchange: closed form and the sourced attacker cost table."""

from __future__ import annotations

import pandas as pd
import pytest

from airdef import DataError
from airdef.needs.exchange import cost_exchange, load_attacker_costs


def test_cost_exchange_closed_form(one):
    costs = pd.DataFrame(
        {"weapon": ["K"], "weapon_class": ["cruise_missile"], "cost_low": [10_000.0],
         "cost_high": [10_000.0], "currency": ["USD"], "year": [2024], "source": ["s"],
         "url": ["https://example.org"]}
    )  # fmt: skip
    x = cost_exchange(one, costs).iloc[0]
    # 300 launches x 10,000 = 3e6 attacker; defender: about 150 shots x 1,000 = 1.5e5
    assert x["attacker_cost_median"] == pytest.approx(3e6)
    assert x["defender_cost_median"] == pytest.approx(150_000, rel=0.1)
    assert x["exchange_ratio_median"] == pytest.approx(0.05, rel=0.1)
    # Kill probability per shot 0.8 (0.4 / 0.5): about 120 kills, 1,250 USD per kill
    assert x["kills_median"] == pytest.approx(120, rel=0.1)
    assert x["cost_per_kill_median"] == pytest.approx(1250, rel=0.05)


def test_bundled_attacker_costs_hold_the_sourced_ranges():
    t = load_attacker_costs()
    shahed = t[t["weapon"] == "Shahed-136"]
    # CSIS: about 35,000 early 2025 and 20,000-50,000 in May 2025; Ukrainian intelligence 70,000
    assert sorted(shahed["cost_low"]) == [20_000, 35_000, 70_000]
    assert t.loc[t["weapon"] == "Kh-101", "cost_low"].item() == 13_000_000
    assert t["url"].str.startswith("https://").all()


def test_bad_attacker_cost_table(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("weapon,weapon_class,cost_low,cost_high,currency,year,source,url\n"
                    "X,cruise_missile,5,1,USD,2024,s,https://e.org\n")  # fmt: skip
    with pytest.raises(DataError, match=r"row 2: need 0 <= cost_low <= cost_high"):
        load_attacker_costs(path)
