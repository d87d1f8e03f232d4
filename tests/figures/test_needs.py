"""Needs figures from real projection frames: stock fan, tornado, cost exchange."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from airdef.figures import figure_svg
from airdef.figures.needs import exchange_chart, stock_fan, tornado
from airdef.needs import project
from airdef.needs.exchange import cost_exchange
from airdef.needs.sensitivity import sensitivity
from airdef.needs.supply import supply_against_burn

RATES = pd.DataFrame({"weapon_class": ["cruise_missile", "strike_drone"], "rate": [0.8, 0.85],
                      "ci_low": [0.7, 0.8], "ci_high": [0.9, 0.9]})  # fmt: skip


@pytest.fixture(scope="module")
def projection():
    return project(scenario={"cruise_missile": 70, "strike_drone": 700}, rates=RATES,
                   horizon_days=30, draws=1000)  # fmt: skip


def test_stock_fan_has_a_panel_per_system_and_is_deterministic(projection):
    s = supply_against_burn(projection, start="2025-01-01", days=120)
    fig = stock_fan(s.stock, assumptions=["inventories: illustrative"])
    assert isinstance(fig, Figure)
    names = set(s.stock["name"])
    titles = {ax.get_title(loc="left") or ax.get_title() for ax in fig.axes}  # style: left titles
    assert names <= titles
    one = figure_svg(stock_fan(s.stock), name="fig-stock")
    two = figure_svg(stock_fan(s.stock), name="fig-stock")
    assert one == two and one.startswith("<svg")


def test_tornado_orders_factors_by_total_index(projection):
    sens = sensitivity(projection, n=64)
    fig = tornado(sens.indices, system="interceptor_drone", output="cost", top=5)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    expected = (
        sens.indices.query("system == 'interceptor_drone' and output == 'cost'")
        .sort_values("ST", ascending=False)["factor"]
        .head(5)
        .tolist()
    )
    assert labels == expected


def test_exchange_chart_one_row_per_class_with_a_ratio(projection):
    x = cost_exchange(projection)
    fig = exchange_chart(x)
    assert len(fig.axes[0].get_yticklabels()) == x["exchange_ratio_median"].notna().sum()


def test_fan_chart_leaves_out_classes_forecast_at_most_one_launch():
    from airdef.analysis.projection import quiet_classes
    from airdef.figures.needs import forecast_fan

    fan = pd.DataFrame({
        "weapon_class": ["strike_drone", "recon_drone"] * 2, "day": [0, 0, 30, 30],
        "low": 0, "q25": 0, "median": [0, 0, 700, 0], "q75": [0, 0, 800, 0],
        "high": [0, 0, 900, 1],
    })  # fmt: skip
    assert quiet_classes(fan) == ["recon_drone"]
    titles = [ax.get_title("left") for ax in forecast_fan(fan, leave_out=quiet_classes(fan)).axes]
    assert titles == ["Strike drones"]
    assert len(forecast_fan(fan).axes) == 2  # without it the 0-1 band is drawn
