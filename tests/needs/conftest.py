"""Fixtures of the needs tests: a one-system, one-class projection with closed forms."""

from __future__ import annotations

import pandas as pd
import pytest

from airdef.needs import project

# One system, one class: the closed forms in the tests.
DOCTRINE = """
currency = "USD"
[systems.a]
name = "A"
unit_cost = 1000
cost_year = 2024
cost_source = "illustrative assumption, no public source"
inventory = 300
inventory_source = "illustrative assumption, no public source"
[classes.cruise_missile]
[[classes.cruise_missile.systems]]
system = "a"
share = 0.5
shots = 1
source = "x"
"""
RATES = pd.DataFrame(
    {"weapon_class": ["cruise_missile"], "rate": [0.4], "ci_low": [0.4], "ci_high": [0.4]}
)


@pytest.fixture
def one(tmp_path):
    path = tmp_path / "one.toml"
    path.write_text(DOCTRINE)
    # 70 a week = 10 a day; A engages half with one shot: 5 shots a day.
    return project(scenario={"cruise_missile": 70}, rates=RATES, doctrine=path, horizon_days=30,
                   draws=4000, price_year=2024)  # fmt: skip
