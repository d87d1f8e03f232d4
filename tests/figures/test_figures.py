"""Figures: tidy frames in, matplotlib Figures out; the same data give the same SVG bytes."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

import airdef
from airdef import figures as fig
from airdef.analysis import ReportOptions, analyse


@pytest.fixture(scope="module")
def result():
    return analyse(airdef.simulate(months=6, seed=3), ReportOptions(draws=200))


def test_forest_plot_draws_one_row_per_class(result):
    figure = fig.forest_plot(result.by_class, label="weapon_class", pooled=True, title="t")
    assert isinstance(figure, Figure)
    ax = figure.axes[0]
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert len(shown) == len(result.by_class)
    assert -0.05 <= ax.get_xlim()[0] < ax.get_xlim()[1] <= 1.05  # a rate axis, a little margin


def test_same_data_same_svg_bytes(result):
    def draw() -> str:
        return fig.figure_svg(
            fig.monthly_rates(result.periods, result.breaks, title="Monthly"), name="fig-m"
        )

    one, two = draw(), draw()
    assert one == two and one.startswith("<svg")
    assert 'id="fig-m-' in one  # ids are prefixed so that figures can share a page


def test_every_report_figure_draws(result):
    for figure in (
        fig.monthly_launches(result.periods, result.breaks),
        fig.difference_plot(result.compare, title="Change"),
        fig.forecast_fan(result.fan, interval=0.9, title="Fan"),
        fig.cost_chart(result.needs_systems, currency="USD", interval=0.9, title="Cost"),
    ):
        assert isinstance(figure, Figure) and figure.axes


def test_bad_figure_name_is_refused(result):
    figure = fig.forest_plot(result.by_class, label="weapon_class", pooled=False, title="t")
    with pytest.raises(ValueError, match="name must be letters, digits and '-'"):
        fig.figure_svg(figure, name="1 bad")
