"""Forest plots draw no interval the table marks as saying next to nothing."""

from __future__ import annotations

import numpy as np
import pandas as pd

from airdef.figures import forest_plot


def _segments(ax) -> list[float]:
    """Widths of the horizontal interval lines drawn."""
    widths = []
    for coll in ax.collections:
        for seg in getattr(coll, "get_segments", lambda: [])():
            seg = np.asarray(seg)
            if len(seg) == 2 and seg[0, 1] == seg[1, 1]:
                widths.append(abs(seg[1, 0] - seg[0, 0]))
    return widths


def test_unreliable_row_has_a_marker_and_words_not_a_bar():
    table = pd.DataFrame({
        "weapon_class": ["strike_drone", "guided_bomb"], "launched": [1000, 13],
        "rate": [0.75, 0.6], "ci_low": [0.73, 0.0], "ci_high": [0.77, 1.0],
        "reliable": [True, False], "rate_pooled": [0.75, 0.58],
        "ci_low_pooled": [0.73, 0.05], "ci_high_pooled": [0.77, 0.98],
        "reliable_pooled": [True, False],
    })  # fmt: skip
    fig = forest_plot(table)
    ax = fig.axes[0]
    assert max(_segments(ax)) < 0.1  # only the strike drones' narrow intervals are drawn
    words = [t.get_text() for t in ax.texts]
    assert words == ["too few independent attacks"]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("too few independent attacks" in t for t in legend)


def test_without_a_reliable_column_every_interval_is_drawn():
    table = pd.DataFrame({"weapon_class": ["strike_drone"], "launched": [10], "rate": [0.5],
                          "ci_low": [0.1], "ci_high": [0.9]})  # fmt: skip
    ax = forest_plot(table, pooled=False).axes[0]
    assert max(_segments(ax)) > 0.7 and not ax.texts


def test_difference_plot_draws_no_interval_for_a_period_with_too_few_attacks():
    from airdef.figures.compare import difference_plot

    c = pd.DataFrame({
        "weapon_class": ["strike_drone", "ballistic_missile"], "diff": [0.06, 0.01],
        "diff_low": [0.03, -0.30], "diff_high": [0.09, 0.54],
        "reliable": [True, False],
    })  # fmt: skip
    ax = difference_plot(c).axes[0]
    segments = ax.collections[0].get_segments()  # the intervals drawn
    assert len(segments) == 1 and segments[0][:, 0].tolist() == [0.03, 0.09]
    assert [t.get_text() for t in ax.texts] == ["too few independent attacks"]
    assert ax.get_xlim()[1] < 0.2  # the axis is not stretched to the hidden interval
