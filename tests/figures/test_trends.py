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
