"""Monthly figures by class and by weapon."""

from __future__ import annotations

import pandas as pd

from airdef.figures.trends import monthly_rates


def test_monthly_rates_by_weapon_has_a_panel_per_weapon():
    p = pd.DataFrame({
        "weapon": ["Kalibr", "Kalibr", "Iskander-M"], "launched": [10, 30, 5],
        "weapon_class": ["cruise_missile", "cruise_missile", "ballistic_missile"],
        "period": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-01-01"]),
        "rate": [0.5, 0.7, 0.2], "ci_low": [0.2, 0.5, 0.0], "ci_high": [0.8, 0.85, 0.6],
    })  # fmt: skip
    fig = monthly_rates(p, by="weapon")
    titles = [ax.get_title("left") or ax.get_title() for ax in fig.axes]
    assert titles == ["Kalibr", "Iskander-M"]


def _band_top(ax) -> float:
    """The highest point of the confidence bands drawn in a panel (0 when none)."""
    tops = [c.get_paths()[0].vertices[:, 1].max() for c in ax.collections if c.get_paths()]
    return max(tops, default=0.0)


def test_unreliable_months_get_no_band_and_an_open_dot():
    months = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])
    p = pd.DataFrame({
        "weapon_class": "cruise_missile", "period": months, "launched": [40, 3, 50],
        "rate": [0.7, 0.3, 0.75], "ci_low": [0.6, 0.0, 0.65], "ci_high": [0.8, 0.99, 0.84],
        "reliable": [True, False, True],
    })  # fmt: skip
    ax = monthly_rates(p).axes[0]
    # the unreliable month's 0-99% interval is nowhere: the bands reach 0.84 at most
    assert _band_top(ax) <= 0.84 + 1e-9
    open_dots = [ln for ln in ax.lines if ln.get_markerfacecolor() == "white"]
    assert len(open_dots) == 1 and list(open_dots[0].get_ydata()) == [0.3]
    # without the column every month has its band
    assert _band_top(monthly_rates(p.drop(columns="reliable")).axes[0]) >= 0.99 - 1e-9
