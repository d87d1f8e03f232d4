"""Forest plots of interception rates and their intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter

from airdef.figures._style import class_color, class_label, new_figure, style

__all__ = ["forest_plot"]


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _unreliable(rows: pd.DataFrame, column: str) -> np.ndarray:
    """True where the table's ``column`` flags the interval as saying next to nothing."""
    if column not in rows:
        return np.zeros(len(rows), dtype=bool)
    flag = rows[column].astype("boolean")
    return (~flag.fillna(True)).to_numpy(dtype=bool)


def forest_plot(
    table: pd.DataFrame,
    *,
    label: str = "weapon_class",
    title: str = "Interception rates",
    pooled: bool = True,
    truth: str | None = None,
    width: float = 7.0,
) -> Figure:
    """Rates with confidence intervals, one row per group, top to bottom in table order.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``label``, ``rate``, ``ci_low``, ``ci_high`` and ``launched``; with
        ``pooled`` also ``rate_pooled``, ``ci_low_pooled``, ``ci_high_pooled``
        (drawn below each raw interval); ``weapon_class`` colours the rows.
        Rows with nothing launched are left out. Where a ``reliable`` column is False
        the interval is not drawn (it would span most of the scale): a cross marks the
        pooled estimate (the rate without ``pooled``) and the row says "too few
        independent attacks"; ``reliable_pooled`` False leaves out the pooled interval.
    label : str
        Column naming the rows.
    title : str
    pooled : bool
        Draw the pooled estimates when the columns are there.
    truth : str, optional
        A column of true rates to mark on each row (synthetic data).
    width : float
        Width in inches; the height grows with the rows.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> t = pd.DataFrame({"weapon_class": ["strike_drone", "cruise_missile"],
    ...                   "launched": [100, 20], "rate": [0.8, 0.6],
    ...                   "ci_low": [0.7, 0.4], "ci_high": [0.9, 0.8]})
    >>> fig = forest_plot(t)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Strike drones  (n = 100)', 'Cruise missiles  (n = 20)']
    """
    rows = table.loc[pd.to_numeric(table["launched"], errors="coerce").fillna(0) > 0]
    rows = rows.reset_index(drop=True)
    has_pooled = pooled and "rate_pooled" in rows.columns and rows["rate_pooled"].notna().any()
    has_truth = truth is not None and truth in rows.columns
    n = len(rows)
    with style():
        fig = new_figure(width, 0.95 + 0.21 * max(n, 1) * (1.3 if has_pooled else 1.0))
        ax = fig.add_subplot()
        y = np.arange(n)
        colors = [
            class_color(c)
            for c in (rows["weapon_class"] if "weapon_class" in rows else ["unknown"] * n)
        ]
        offset = 0.18 if has_pooled else 0.0
        shaky = _unreliable(rows, "reliable")
        shaky_pooled = _unreliable(rows, "reliable_pooled") if has_pooled else shaky
        rate = rows["rate"].to_numpy(float)
        low, high = rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)
        solid = ~shaky
        ax.hlines(
            (y - offset)[solid], low[solid], high[solid],
            colors=[c for c, k in zip(colors, solid, strict=True) if k], linewidth=2.2,
        )  # fmt: skip
        ax.scatter(
            rate[solid], (y - offset)[solid], s=26,
            c=[c for c, k in zip(colors, solid, strict=True) if k], zorder=3,
            edgecolors="white", linewidths=0.6,
        )  # fmt: skip
        handles = [
            Line2D([], [], color="#444444", marker="o", linewidth=2.2, markersize=5,
                   label="observed rate, confidence interval"),
        ]  # fmt: skip
        if has_pooled:
            pooled_rate = rows["rate_pooled"].to_numpy(float)
            show = solid & ~shaky_pooled
            ax.hlines(
                (y + offset)[show],
                rows["ci_low_pooled"].to_numpy(float)[show],
                rows["ci_high_pooled"].to_numpy(float)[show],
                colors=[c for c, k in zip(colors, show, strict=True) if k], linewidth=1.1,
                linestyles=(0, (3, 1.5)),
            )  # fmt: skip
            ax.scatter(
                pooled_rate[solid], (y + offset)[solid], s=22, marker="D",
                facecolors="white", edgecolors=[c for c, k in zip(colors, solid, strict=True) if k],
                linewidths=1.0, zorder=3,
            )  # fmt: skip
            handles.append(
                Line2D([], [], color="#444444", marker="D", markerfacecolor="white",
                       linestyle=(0, (3, 1.5)), linewidth=1.1, markersize=4.5,
                       label="pooled toward its class (hierarchical Bayes)")
            )  # fmt: skip
        if shaky.any():
            where = rows["rate_pooled"].to_numpy(float) if has_pooled else rate
            where = np.where(np.isnan(where), rate, where)
            ax.scatter(
                where[shaky], y[shaky], s=44, marker="X",
                c=[c for c, k in zip(colors, shaky, strict=True) if k], edgecolors="#222222",
                linewidths=0.5, zorder=4,
            )  # fmt: skip
            for yy, xx in zip(y[shaky], where[shaky], strict=True):
                right = xx < 0.55
                ax.annotate(
                    "too few independent attacks", (xx, yy), xytext=(7 if right else -7, 0),
                    textcoords="offset points", ha="left" if right else "right", va="center",
                    fontsize=6.5, color="#555555", style="italic",
                )  # fmt: skip
            handles.append(
                Line2D([], [], color="#444444", marker="X", linestyle="none", markersize=6,
                       label="too few independent attacks: "
                       + ("pooled estimate" if has_pooled else "rate") + " only, no interval")
            )  # fmt: skip
        if has_truth:
            ax.scatter(
                rows[truth].to_numpy(float), y, s=46, marker="|", c="#000000",
                linewidths=1.8, zorder=4,
            )  # fmt: skip
            handles.append(
                Line2D([], [], color="#000000", marker="|", linestyle="none", markersize=9,
                       markeredgewidth=1.8, label="true rate (simulation input)")
            )  # fmt: skip
        names = rows[label].astype(str).map(class_label if label == "weapon_class" else _short)
        ax.set_yticks(
            y, [f"{a}  (n = {int(b):,})" for a, b in zip(names, rows["launched"], strict=True)]
        )
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(-0.02, 1.02)
        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
        ax.set_xlabel("Interception rate (% of launched intercepted)")
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        fig.legend(
            handles=handles, loc="outside lower center", ncols=min(len(handles), 2),
            frameon=False,
            handlelength=2.2,
        )  # fmt: skip
    return fig
