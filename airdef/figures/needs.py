"""The launch forecast (fan chart) and projected interceptor costs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from airdef.figures._style import class_color, class_label, new_figure, style
from airdef.figures.trends import panel_grid

__all__ = ["cost_chart", "forecast_fan"]


def forecast_fan(
    fan: pd.DataFrame, *, title: str = "Forecast of cumulative launches", interval: float = 0.9
) -> Figure:
    """Fan chart of cumulative launches over the coming days, one panel per class.

    Parameters
    ----------
    fan : pandas.DataFrame
        ``weapon_class``, ``day`` (days ahead), ``low``, ``q25``, ``median``, ``q75``,
        ``high``: quantiles of the launches from day 0 to ``day``; ``low`` and
        ``high`` bound the central ``interval``. Classes whose upper bound stays 0
        are left out.
    interval : float
        The probability between ``low`` and ``high``, for the legend.

    Examples
    --------
    >>> f = pd.DataFrame({"weapon_class": "strike_drone", "day": [0, 10],
    ...                   "low": [0, 50], "q25": [0, 80], "median": [0, 100],
    ...                   "q75": [0, 120], "high": [0, 160]})
    >>> len(forecast_fan(f).axes)
    1
    """
    with style():
        top = fan.groupby("weapon_class", observed=True)["high"].max()
        classes = [str(c) for c in top.loc[top > 0].sort_values(ascending=False).index]
        fig, axes = panel_grid(max(len(classes), 1), panel_height=1.45, sharey=False)
        for ax, c in zip(axes, classes, strict=False):
            f = fan.loc[fan["weapon_class"].astype(str) == c].sort_values("day")
            color = class_color(c)
            day = f["day"].to_numpy(float)
            ax.fill_between(day, f["low"], f["high"], color=color, alpha=0.18, linewidth=0)
            ax.fill_between(day, f["q25"], f["q75"], color=color, alpha=0.38, linewidth=0)
            sns.lineplot(x=day, y=f["median"].to_numpy(float), ax=ax, color=color, linewidth=1.4)
            ax.set_title(class_label(c), fontsize=8.5)
            ax.set_ylim(bottom=0)
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
            ax.grid(axis="x", visible=False)
        if not classes:
            axes[0].text(0.5, 0.5, "No launches in the forecast window.", ha="center",
                         transform=axes[0].transAxes)  # fmt: skip
        ncols = axes[0].get_subplotspec().get_gridspec().ncols
        for ax in axes[-ncols:]:
            ax.set_xlabel("Days ahead")
        fig.supylabel("Launches, cumulative", fontsize=8.5)
        fig.legend(
            handles=[
                Patch(color="#777777", alpha=0.18, label=f"{interval:.0%} interval"),
                Patch(color="#777777", alpha=0.45, label="50% interval"),
                _median_line("median"),
            ],
            loc="outside lower center", ncols=3, frameon=False,
        )  # fmt: skip
        fig.suptitle(title, x=0.01, ha="left")
    return fig


def _median_line(label: str):
    from matplotlib.lines import Line2D

    return Line2D([], [], color="#555555", linewidth=1.4, label=label)


def cost_chart(
    by_system: pd.DataFrame,
    *,
    currency: str = "USD",
    title: str = "Projected interceptor cost by system",
    interval: float = 0.9,
) -> Figure:
    """Median cost per system with its Monte Carlo interval, on a log scale.

    Parameters
    ----------
    by_system : pandas.DataFrame
        ``system``, ``cost_median``, ``cost_low``, ``cost_high`` (one row per system,
        as :func:`airdef.needs.needs_by_system` returns). Systems with no cost are
        left out.

    Examples
    --------
    >>> t = pd.DataFrame({"system": ["A", "B"], "cost_median": [2e6, 5e4],
    ...                   "cost_low": [1e6, 1e4], "cost_high": [4e6, 9e4]})
    >>> cost_chart(t).axes[0].get_xscale()
    'log'
    """
    rows = by_system.loc[by_system["cost_high"].fillna(0) > 0]
    rows = rows.sort_values("cost_median", ascending=False, kind="stable").reset_index(drop=True)
    n = len(rows)
    with style():
        fig = new_figure(7.0, 1.0 + 0.28 * max(n, 1))
        ax = fig.add_subplot()
        if n == 0:
            ax.set_axis_off()
            ax.set_title(title)
            ax.text(0.5, 0.4, "No system fires in this projection.", ha="center",
                    transform=ax.transAxes)  # fmt: skip
            return fig
        y = np.arange(n)
        low = rows["cost_low"].to_numpy(float) / 1e6
        high = rows["cost_high"].to_numpy(float) / 1e6
        med = rows["cost_median"].to_numpy(float) / 1e6
        positive = np.concatenate([low[low > 0], med[med > 0], high[high > 0]])
        floor = float(positive.min()) / 2 if positive.size else 1e-3
        ax.hlines(y, np.maximum(low, floor), high, color="#0072B2", linewidth=2.2)
        ax.scatter(np.maximum(med, floor), y, s=30, color="#0072B2", zorder=3,
                   edgecolors="white", linewidths=0.6)  # fmt: skip
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.3g}"))
        ax.set_yticks(y, [s if len(s) <= 38 else s[:37] + "…" for s in rows["system"].astype(str)])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlabel(
            f"Cost, {currency} million (log scale); dot: median, line: {interval:.0%} interval"
        )
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
    return fig
