"""Casualties by city."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from airdef.figures._style import OKABE_ITO, new_figure, style

__all__ = ["casualty_chart"]


def casualty_chart(
    by_city: pd.DataFrame, *, top: int = 15, title: str = "Killed and injured by city"
) -> Figure:
    """Stacked bars of killed and injured for the cities with most casualties.

    Parameters
    ----------
    by_city : pandas.DataFrame
        ``city``, ``killed``, ``injured`` (blank counts are unknown and drawn as 0;
        the tables mark such sums as minimums).
    top : int
        Cities shown, most casualties first.

    Examples
    --------
    >>> t = pd.DataFrame({"city": ["Kyiv", "Odesa"], "killed": [5, 1], "injured": [20, 4]})
    >>> [float(b.get_width()) for b in casualty_chart(t).axes[0].patches]
    [5.0, 1.0, 20.0, 4.0]
    """
    killed = pd.to_numeric(by_city["killed"], errors="coerce").fillna(0).to_numpy(float)
    injured = pd.to_numeric(by_city["injured"], errors="coerce").fillna(0).to_numpy(float)
    order = np.argsort(-(killed + injured), kind="stable")[:top]
    names = by_city["city"].astype(str).to_numpy()[order]
    n = len(order)
    with style():
        fig = new_figure(7.0, 1.0 + 0.26 * max(n, 1))
        ax = fig.add_subplot()
        y = np.arange(n)
        ax.barh(y, killed[order], color=OKABE_ITO[6], label="killed", height=0.65)
        ax.barh(y, injured[order], left=killed[order], color=OKABE_ITO[2], label="injured",
                height=0.65)  # fmt: skip
        ax.set_yticks(y, [s if len(s) <= 34 else s[:33] + "…" for s in names])
        ax.set_ylim(n - 0.5, -0.5)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlabel("People (sum of reported figures)")
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        ax.legend(loc="lower right", frameon=False)
    return fig
