"""Monthly launches and monthly rates by weapon class, with definition breaks marked."""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from airdef.figures._style import class_color, class_label, new_figure, style

__all__ = ["monthly_launches", "monthly_rates", "panel_grid"]

_BREAK_COLOR = "#444444"


def panel_grid(n: int, *, ncols: int | None = None, panel_height: float = 1.4,
               width: float = 7.0, sharex: bool = True,
               sharey: bool = False) -> tuple[Figure, list]:  # fmt: skip
    """A figure with ``n`` small panels in a grid (unused cells removed).

    ``ncols`` defaults to 3 for more than four panels, else 2.
    """
    if ncols is None:
        ncols = 3 if n > 4 else 2
    ncols = max(1, min(ncols, n))
    nrows = max(1, math.ceil(n / ncols))
    fig = new_figure(width, 0.75 + panel_height * nrows)
    grid = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=False)
    axes = list(grid.ravel())
    for ax in axes[n:]:
        ax.remove()
    return fig, axes[:n]


def _classes(periods: pd.DataFrame, by: str = "weapon_class") -> list[str]:
    """Classes (or the ``by`` groups) with launches, most launches first."""
    total = periods.groupby(by, observed=True)["launched"].sum()
    total = total.loc[total > 0].sort_values(ascending=False, kind="stable")
    return [str(c) for c in total.index]


def _mark_breaks(ax, breaks: pd.DataFrame | None, group: str, by: str = "weapon_class") -> None:
    if breaks is None or breaks.empty or by not in breaks:
        return
    mine = breaks.loc[breaks[by].astype(str) == group]
    # one mark per month and kind; the weapons are in the breaks table, not on the chart
    marks = mine.assign(date=pd.to_datetime(mine["date"]))[["date", "change"]].drop_duplicates()
    for i, b in enumerate(marks.sort_values("date").itertuples(index=False)):
        when = pd.Timestamp(b.date)
        ax.axvline(when, color=_BREAK_COLOR, linestyle=(0, (4, 2)), linewidth=0.9, zorder=3)
        ax.annotate(
            "+EW" if b.change == "separate" else "−EW",
            xy=(when, 1.0), xycoords=("data", "axes fraction"),
            xytext=(0, -2 - 8 * (i % 2)), textcoords="offset points",
            fontsize=6, color=_BREAK_COLOR, va="top", ha="center", zorder=4,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )  # fmt: skip


def _date_axis(ax, first: pd.Timestamp, last: pd.Timestamp) -> None:
    """Ticks every year, half-year, quarter or month, by the span (cheaper than AutoDateLocator)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > 30:
        locator = mdates.YearLocator()
    elif months > 12:
        locator = mdates.MonthLocator(bymonth=(1, 7))
    elif months > 6:
        locator = mdates.MonthLocator(bymonth=(1, 4, 7, 10))
    else:
        locator = mdates.MonthLocator()
    ax.set_xlim(first - pd.Timedelta(days=20), last + pd.Timedelta(days=50))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def _span(periods: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    when = pd.to_datetime(periods["period"])
    return when.min(), when.max()


def _empty(title: str, message: str) -> Figure:
    fig = new_figure(7.0, 1.2)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.4, message, ha="center", va="center", transform=ax.transAxes)
    return fig


def monthly_launches(
    periods: pd.DataFrame,
    breaks: pd.DataFrame | None = None,
    *,
    title: str = "Launches per month by weapon class",
) -> Figure:
    """Bars of launches per month, one panel per weapon class (each with its own scale).

    Parameters
    ----------
    periods : pandas.DataFrame
        ``weapon_class``, ``period`` (month start) and ``launched``, as in
        :attr:`airdef.rates.RateTrend.periods`.
    breaks : pandas.DataFrame, optional
        Definition breaks (``weapon``, ``weapon_class``, ``date``, ``change``), drawn as
        dashed lines: ``+EW`` where drones lost to electronic warfare start to be
        reported apart, ``−EW`` where they are folded into intercepted.

    Examples
    --------
    >>> p = pd.DataFrame({"weapon_class": "cruise_missile", "launched": [10, 30],
    ...                   "period": pd.to_datetime(["2025-01-01", "2025-02-01"])})
    >>> len(monthly_launches(p).axes)
    1
    """
    with style():
        classes = _classes(periods)
        if not classes:
            return _empty(title, "No launches with a date.")
        fig, axes = panel_grid(len(classes))
        span_of = _span(periods)
        for ax, c in zip(axes, classes, strict=True):
            mine = periods.loc[periods["weapon_class"].astype(str) == c].sort_values("period")
            when = pd.to_datetime(mine["period"]) + pd.Timedelta(days=14)
            ax.bar(when, mine["launched"].to_numpy(float), width=24, color=class_color(c),
                   linewidth=0)  # fmt: skip
            _mark_breaks(ax, breaks, c)
            ax.set_title(class_label(c), fontsize=8.5)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
            ax.set_ylim(bottom=0)
            ax.margins(y=0.22)
            ax.grid(axis="x", visible=False)
            _date_axis(ax, *span_of)
        fig.supylabel("Launched per month", fontsize=8.5)
        fig.suptitle(title, x=0.01, ha="left")
    return fig


def monthly_rates(
    periods: pd.DataFrame,
    breaks: pd.DataFrame | None = None,
    *,
    title: str = "Monthly interception rate by weapon class",
    min_launched: int = 1,
    by: str = "weapon_class",
) -> Figure:
    """Monthly rate with its confidence band, one panel per weapon class (or weapon).

    Parameters
    ----------
    periods : pandas.DataFrame
        ``weapon_class``, ``period``, ``launched``, ``rate``, ``ci_low``, ``ci_high``,
        and the ``by`` column.
    breaks : pandas.DataFrame, optional
        As in :func:`monthly_launches`.
    min_launched : int
        Months with fewer launches are left out of the line (still in the tables).
    by : str, default "weapon_class"
        One panel per value of this column, in the order of most launches; with
        ``"weapon"`` each panel is titled by the weapon and coloured by its class.

    Notes
    -----
    Where a ``reliable`` column is False, the month rests on too few independent
    attacks for an interval (:func:`airdef.stats.is_reliable`): no band is drawn for
    it and its dot is open, so a band never spans next to the whole axis.

    Examples
    --------
    >>> p = pd.DataFrame({"weapon_class": "cruise_missile", "launched": [10, 30],
    ...                   "period": pd.to_datetime(["2025-01-01", "2025-02-01"]),
    ...                   "rate": [0.5, 0.7], "ci_low": [0.2, 0.5], "ci_high": [0.8, 0.85]})
    >>> tuple(float(v) for v in monthly_rates(p).axes[0].get_ylim())
    (0.0, 1.0)
    """
    with style():
        classes = _classes(periods, by)
        if not classes:
            return _empty(title, "No launches with a date.")
        fig, axes = panel_grid(len(classes), sharey=True)
        span_of = _span(periods)
        for ax, c in zip(axes, classes, strict=True):
            mine = periods.loc[
                (periods[by].astype(str) == c) & (periods["launched"].fillna(0) >= min_launched)
            ]
            label = class_label(c) if by == "weapon_class" else c
            ax.set_title(label, fontsize=8.5)
            if mine.empty:
                continue
            # every month of the span, so that months without launches break the line
            months = pd.to_datetime(mine["period"])
            span = pd.date_range(months.min(), months.max(), freq="MS")
            mine = mine.assign(period=months).set_index("period").reindex(span)
            when = mine.index + pd.Timedelta(days=14)
            known_class = mine.get("weapon_class", pd.Series(dtype=object)).dropna()
            color = class_color(c if by == "weapon_class" or known_class.empty
                                else known_class.iloc[0])  # fmt: skip
            rate = mine["rate"].to_numpy(float)
            sure = ~np.isnan(rate)
            if "reliable" in mine:
                sure &= mine["reliable"].astype("boolean").fillna(True).to_numpy(dtype=bool)
            low = np.where(sure, mine["ci_low"].to_numpy(float), np.nan)
            high = np.where(sure, mine["ci_high"].to_numpy(float), np.nan)
            ax.fill_between(when, low, high, color=color, alpha=0.22, linewidth=0)
            # a month with no neighbour has no band: draw its interval as a bar
            before = np.concatenate([[False], sure[:-1]])
            after = np.concatenate([sure[1:], [False]])
            alone = sure & ~before & ~after
            ax.vlines(when[alone], low[alone], high[alone], color=color, linewidth=1.6,
                      alpha=0.35)  # fmt: skip
            # plain plot, not seaborn's lineplot: a missing month must break the line
            ax.plot(when, rate, color=color, linewidth=1.1)
            ax.plot(when[sure], rate[sure], linestyle="none", color=color, marker="o",
                    markersize=2.8, markeredgewidth=0)  # fmt: skip
            shaky = ~np.isnan(rate) & ~sure
            ax.plot(when[shaky], rate[shaky], linestyle="none", marker="o", markersize=2.8,
                    markerfacecolor="white", markeredgecolor=color,
                    markeredgewidth=0.8)  # fmt: skip
            _mark_breaks(ax, breaks, c, by)
            ax.set_title(label, fontsize=8.5)
            ax.set_ylim(0.0, 1.0)
            ax.set_xlabel("")
            ax.set_ylabel("")
            ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
            ax.set_yticks(np.linspace(0, 1, 5))
            _date_axis(ax, *span_of)
        fig.supylabel("Intercepted / launched (%)", fontsize=8.5)
        fig.suptitle(title, x=0.01, ha="left")
    return fig
