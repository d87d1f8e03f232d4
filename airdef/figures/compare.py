"""The difference between two periods' rates, per weapon class."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from airdef.figures._style import class_color, class_label, new_figure, style

__all__ = ["difference_plot"]


def difference_plot(
    compare: pd.DataFrame,
    *,
    title: str = "Change in interception rate, latest period against the one before",
) -> Figure:
    """Difference of rates (recent − before) with its interval, one row per class.

    Parameters
    ----------
    compare : pandas.DataFrame
        As :func:`airdef.compare_periods` returns it: ``weapon_class``, ``diff``,
        ``diff_low``, ``diff_high``. Rows without a difference are left out.
        Differences whose interval excludes zero are drawn solid, the others open.
        Where ``reliable`` is False (either period rests on too few independent
        attacks), the interval is not drawn, and a cross marks the point estimate.

    Examples
    --------
    >>> c = pd.DataFrame({"weapon_class": ["strike_drone", "cruise_missile"],
    ...                   "diff": [0.06, -0.05], "diff_low": [0.03, -0.35],
    ...                   "diff_high": [0.11, 0.30]})
    >>> len(difference_plot(c).axes[0].collections)  # intervals, then dots
    2
    >>> c["reliable"] = [True, False]
    >>> len(difference_plot(c).axes[0].texts)  # "too few independent attacks"
    1
    """
    rows = compare.loc[compare["diff"].notna()].reset_index(drop=True)
    n = len(rows)
    with style():
        fig = new_figure(7.0, 1.0 + 0.3 * max(n, 1))
        ax = fig.add_subplot()
        y = np.arange(n)
        colors = np.array([class_color(c) for c in rows["weapon_class"]], dtype=object)
        shaky = (
            (~rows["reliable"].astype("boolean").fillna(True)).to_numpy(dtype=bool)
            if "reliable" in rows
            else np.zeros(n, dtype=bool)
        )
        low, high = rows["diff_low"].to_numpy(float), rows["diff_high"].to_numpy(float)
        diff = rows["diff"].to_numpy(float)
        significant = ((low > 0) | (high < 0)) & ~shaky
        ax.axvline(0, color="#333333", linewidth=0.9, zorder=1)
        sure = ~shaky
        ax.hlines(y[sure], low[sure], high[sure], colors=list(colors[sure]), linewidth=2.2,
                  zorder=2)  # fmt: skip
        ax.scatter(
            diff[sure], y[sure], s=34, zorder=3, linewidths=1.2,
            facecolors=np.where(significant, colors, "white")[sure].tolist(),
            edgecolors=list(colors[sure]),
        )  # fmt: skip
        for k in np.flatnonzero(shaky):
            ax.scatter([diff[k]], [y[k]], marker="x", s=30, color=colors[k], zorder=3)
            left = diff[k] > 0  # the words on the side with room
            ax.annotate("too few independent attacks", (diff[k], y[k]),
                        xytext=(-8 if left else 8, 0), textcoords="offset points",
                        ha="right" if left else "left", va="center", fontsize=7.5,
                        color="#555555")  # fmt: skip
        low, high = np.where(shaky, diff, low), np.where(shaky, diff, high)
        ax.set_yticks(y, [class_label(c) for c in rows["weapon_class"]])
        ax.set_ylim(n - 0.5, -0.5)
        span = np.nanmax(np.abs(np.concatenate([low, high, [0.05]])))
        ax.set_xlim(-span * 1.08, span * 1.08)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{100 * v:+.0f}"))
        ax.set_xlabel(
            "Recent rate minus earlier rate (percentage points); filled: interval excludes 0"
        )
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
    return fig
