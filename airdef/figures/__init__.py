"""Figures for reports: functions that take tidy DataFrames and return matplotlib Figures.

Every function builds a :class:`matplotlib.figure.Figure` with constrained layout
in airdef's style (seaborn's whitegrid look, the Okabe-Ito colour-blind-safe
palette, one colour per weapon class); :func:`figure_svg` turns a figure into
an ``<svg>`` element that is the same bytes for the same data.

* :func:`forest_plot` -- rates with intervals, raw and pooled (and true rates).
* :func:`monthly_launches`, :func:`monthly_rates` -- trends by class, definition breaks marked.
* :func:`difference_plot` -- the change between two periods.
* :func:`casualty_chart` -- killed and injured by city.
* :func:`forecast_fan`, :func:`cost_chart` -- the launch forecast and interceptor costs.
"""

from airdef.figures._style import (
    CLASS_COLORS,
    OKABE_ITO,
    class_color,
    class_label,
    figure_svg,
    new_figure,
    style,
)
from airdef.figures.casualties import casualty_chart
from airdef.figures.compare import difference_plot
from airdef.figures.needs import cost_chart, forecast_fan
from airdef.figures.rates import forest_plot
from airdef.figures.trends import monthly_launches, monthly_rates

__all__ = [
    "CLASS_COLORS",
    "OKABE_ITO",
    "casualty_chart",
    "class_color",
    "class_label",
    "cost_chart",
    "difference_plot",
    "figure_svg",
    "forecast_fan",
    "forest_plot",
    "monthly_launches",
    "monthly_rates",
    "new_figure",
    "style",
]
