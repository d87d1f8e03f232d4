"""The launch forecast, interceptor costs, stock against burn, cost exchange and sensitivity."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

from airdef.figures._style import class_color, class_label, new_figure, style
from airdef.figures.trends import panel_grid

__all__ = ["cost_chart", "exchange_chart", "forecast_fan", "stock_fan", "tornado"]


def forecast_fan(
    fan: pd.DataFrame,
    *,
    title: str = "Forecast of cumulative launches",
    interval: float = 0.9,
    leave_out: Iterable[str] = (),
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
    leave_out : iterable of str
        Classes to draw no panel for (the report leaves out those whose forecast is at
        most one launch, :func:`airdef.analysis.projection.quiet_classes`).

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
        skip = set(leave_out)
        classes = [str(c) for c in top.loc[top > 0].sort_values(ascending=False).index
                   if str(c) not in skip]  # fmt: skip
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
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, min_n_ticks=2))
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


def stock_fan(
    stock: pd.DataFrame,
    *,
    title: str = "Interceptor stock against projected fire",
    interval: float = 0.9,
    assumptions: list[str] | None = None,
) -> Figure:
    """Fan chart of each system's stock over time, one panel per system.

    Parameters
    ----------
    stock : pandas.DataFrame
        ``name`` (or ``system``), ``date`` (or ``day``), ``low, q25, median, q75,
        high`` (as :attr:`airdef.needs.supply.SupplyBurn.stock`).
    assumptions : list of str, optional
        Short labels printed under the panels (each assumption behind the fan).

    Examples
    --------
    >>> f = pd.DataFrame({"name": "IRIS-T SLM", "day": [0, 10, 20], "low": [100, 40, 0],
    ...                   "q25": [100, 45, 5], "median": [100, 50, 10], "q75": [100, 55, 15],
    ...                   "high": [100, 60, 20]})
    >>> len(stock_fan(f, assumptions=["inventory: illustrative"]).axes)
    1
    """
    key = "name" if "name" in stock.columns else "system"
    x = "date" if "date" in stock.columns else "day"
    with style():
        names = list(dict.fromkeys(stock[key].astype(str)))
        fig, axes = panel_grid(max(len(names), 1), panel_height=1.45, sharey=False)
        for ax, name in zip(axes, names, strict=False):
            f = stock.loc[stock[key].astype(str) == name].sort_values(x)
            xs = f[x].to_numpy()
            ax.fill_between(xs, f["low"], f["high"], color="#0072B2", alpha=0.18, linewidth=0)
            ax.fill_between(xs, f["q25"], f["q75"], color="#0072B2", alpha=0.38, linewidth=0)
            ax.plot(xs, f["median"].to_numpy(float), color="#0072B2", linewidth=1.4)
            ax.axhline(0, color="#D55E00", linewidth=0.8)
            ax.set_title(name if len(name) <= 38 else name[:37] + "…", fontsize=8.5)
            ax.set_ylim(bottom=0)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, min_n_ticks=2))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
            ax.tick_params(axis="x", labelsize=7, rotation=30)
        if not names:
            axes[0].text(0.5, 0.5, "No system with a known stock or deliveries.", ha="center",
                         transform=axes[0].transAxes)  # fmt: skip
        fig.supylabel("Interceptors in stock", fontsize=8.5)
        handles = [
            Patch(color="#0072B2", alpha=0.18, label=f"{interval:.0%} interval"),
            Patch(color="#0072B2", alpha=0.45, label="50% interval"),
            _median_line("median"),
        ]
        fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False)
        if assumptions:
            fig.text(0.01, 0.0, "Assumptions: " + "; ".join(assumptions), fontsize=6.5,
                     ha="left", va="bottom", wrap=True)  # fmt: skip
        fig.suptitle(title, x=0.01, ha="left")
    return fig


def tornado(
    indices: pd.DataFrame,
    *,
    system: str,
    output: str = "cost",
    top: int = 10,
    title: str | None = None,
) -> Figure:
    """Tornado chart of total-order Sobol indices of one system's output, largest on top.

    Parameters
    ----------
    indices : pandas.DataFrame
        ``system, output, factor, S1, ST`` (and optionally ``ST_conf``), as
        :attr:`airdef.needs.sensitivity.Sensitivity.indices`.
    system, output : str
        Which result to show ("shots" or "cost").

    Examples
    --------
    >>> t = pd.DataFrame({"system": "a", "output": "cost", "factor": ["x", "y"],
    ...                   "S1": [0.6, 0.1], "ST": [0.7, 0.2]})
    >>> ax = tornado(t, system="a").axes[0]
    >>> [lab.get_text() for lab in ax.get_yticklabels()]
    ['x', 'y']
    """
    rows = indices[(indices["system"] == system) & (indices["output"] == output)]
    rows = rows.sort_values("ST", ascending=False, kind="stable").head(top).reset_index(drop=True)
    n = len(rows)
    with style():
        fig = new_figure(7.0, 1.0 + 0.28 * max(n, 1))
        ax = fig.add_subplot()
        y = np.arange(n)
        ax.barh(y, rows["ST"].clip(lower=0), color="#0072B2", alpha=0.45, label="total (ST)")
        ax.barh(y, rows["S1"].clip(lower=0), color="#0072B2", height=0.45, label="alone (S1)")
        if "ST_conf" in rows:
            ax.errorbar(rows["ST"].clip(lower=0), y, xerr=rows["ST_conf"], fmt="none",
                        ecolor="#333333", linewidth=0.8)  # fmt: skip
        ax.set_yticks(y, rows["factor"].astype(str).tolist())
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(0, max(1.0, float(rows["ST"].max()) if n else 1.0))
        ax.set_xlabel("Share of the variance explained (Sobol index)")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", frameon=False, fontsize=7)
        ax.set_title(title or f"What moves the {output} of {system}")
    return fig


def exchange_chart(
    exchange: pd.DataFrame, *, title: str = "Cost-exchange ratio by class", interval: float = 0.9
) -> Figure:
    """Cost-exchange ratio (defender / attacker cost) per class with its interval, log scale.

    Parameters
    ----------
    exchange : pandas.DataFrame
        ``weapon_class, exchange_ratio_median, exchange_ratio_low,
        exchange_ratio_high`` (as :func:`airdef.needs.exchange.cost_exchange`).

    Examples
    --------
    >>> t = pd.DataFrame({"weapon_class": ["strike_drone"], "exchange_ratio_median": [3.0],
    ...                   "exchange_ratio_low": [1.0], "exchange_ratio_high": [9.0]})
    >>> exchange_chart(t).axes[0].get_xscale()
    'log'
    """
    rows = exchange.dropna(subset=["exchange_ratio_median"]).reset_index(drop=True)
    n = len(rows)
    with style():
        fig = new_figure(7.0, 1.0 + 0.32 * max(n, 1))
        ax = fig.add_subplot()
        y = np.arange(n)
        for i, r in rows.iterrows():
            color = class_color(str(r["weapon_class"]))
            ax.hlines(
                i, r["exchange_ratio_low"], r["exchange_ratio_high"], color=color, linewidth=2.2
            )
            ax.scatter(r["exchange_ratio_median"], i, s=30, color=color, zorder=3)
        ax.axvline(1.0, color="#555555", linewidth=0.8, linestyle="--")
        ax.set_xscale("log")
        # plain numbers, not mathtext: SVG text is kept as text and would show the markup
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,g}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_yticks(y, [class_label(str(c)) for c in rows["weapon_class"]])
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlabel(
            f"Defender cost / attacker cost (log); dot: median, line: {interval:.0%} interval"
        )
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
    return fig
