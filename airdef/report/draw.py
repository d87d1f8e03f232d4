"""Draw the report's figures from an analysis: SVG text by figure id.

The drawing is :mod:`airdef.figures`; this module chooses which figures a report has,
their titles and the rows they show.
"""

from __future__ import annotations

import pandas as pd

from airdef.analysis import Analysis, figure_rows
from airdef.analysis.projection import quiet_classes

__all__ = [
    "RATE_FIGURE_GROUPS",
    "make_figures",
    "projection_figures",
    "rate_figures",
    "time_figures",
]


#: The two halves of :func:`rate_figures`, which a build can draw in two processes.
RATE_FIGURE_GROUPS: tuple[str, ...] = ("rates", "time")


def rate_figures(
    analysis: Analysis, groups: tuple[str, ...] = RATE_FIGURE_GROUPS
) -> dict[str, str]:
    """The figures of the rate tables, comparisons and true rates (group ``rates``) and of
    the monthly series and casualties (group ``time``), by figure id."""
    from airdef import figures as fig

    a = analysis
    out: dict[str, str] = {}
    if not a.usable:
        return out
    level = f"{a.options.confidence_level:.0%} CI"
    if "time" in groups:
        out.update(time_figures(a, level))
    if "rates" not in groups:
        return out
    pooled = a.by_class is not None and "rate_pooled" in a.by_class
    out["fig-class"] = fig.figure_svg(
        fig.forest_plot(a.by_class, label="weapon_class", pooled=pooled,
                        title=f"Interception rate by weapon class, {level}"),
        name="fig-class",
    )  # fmt: skip
    out["fig-weapon"] = fig.figure_svg(
        fig.forest_plot(figure_rows(a.by_weapon), label="weapon", pooled=pooled,
                        title=f"Interception rate by weapon, {level}"),
        name="fig-weapon",
    )  # fmt: skip
    if a.truth is not None and len(a.truth):
        truth = a.truth.copy()
        several = truth["weapon"].duplicated(keep=False)
        truth["label"] = truth["weapon"].where(
            ~several,
            truth["weapon"] + " (" + pd.to_datetime(truth["period_start"]).dt.strftime("%Y-%m")
            + " to " + pd.to_datetime(truth["period_end"]).dt.strftime("%Y-%m") + ")",
        )  # fmt: skip
        out["fig-truth"] = fig.figure_svg(
            fig.forest_plot(truth, label="label", pooled=False, truth="reported_rate",
                            title="Synthetic data: estimated and true interception rates"),
            name="fig-truth",
        )  # fmt: skip
    if a.compare is not None and a.compare["diff"].notna().any():
        days = a.options.compare_days
        out["fig-compare"] = fig.figure_svg(
            fig.difference_plot(
                a.compare,
                title=f"Change in interception rate: latest {days} days minus the {days} before",
            ),
            name="fig-compare",
        )
    return out


def time_figures(a: Analysis, level: str) -> dict[str, str]:
    from airdef import figures as fig

    out: dict[str, str] = {}
    if a.periods is not None:
        periods = whole_months(a)
        out["fig-launches"] = fig.figure_svg(
            fig.monthly_launches(periods, a.breaks), name="fig-launches"
        )
        out["fig-monthly-rates"] = fig.figure_svg(
            fig.monthly_rates(periods, a.breaks,
                              title=f"Monthly interception rate by weapon class, {level}"),
            name="fig-monthly-rates",
        )  # fmt: skip
    if a.weapon_periods is not None and len(a.weapon_periods):
        out["fig-weapon-rates"] = fig.figure_svg(
            fig.monthly_rates(whole_months(a, a.weapon_periods), a.breaks, by="weapon",
                              title=f"Monthly interception rate by weapon, {level}"),
            name="fig-weapon-rates",
        )  # fmt: skip
    if a.casualties_by_city is not None:
        out["fig-casualties"] = fig.figure_svg(
            fig.casualty_chart(a.casualties_by_city), name="fig-casualties"
        )
    return out


def whole_months(analysis: Analysis, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """A monthly table (by default the classes') without the months the data cover only
    in part (the figures would show them as collapses in launches); all months when every
    month is partial."""
    periods = analysis.periods if periods is None else periods
    partial = analysis.partial_periods
    if partial is None or partial.empty:
        return periods
    keep = ~pd.to_datetime(periods["period"]).isin(pd.to_datetime(partial["period"]))
    return periods.loc[keep] if keep.any() else periods


def projection_figures(analysis: Analysis) -> dict[str, str]:
    """The figures of the needs projection, by figure id."""
    from airdef import figures as fig

    a = analysis
    out: dict[str, str] = {}
    if not a.usable:
        return out
    if a.needs is not None:
        interval = a.options.interval
        horizon = a.options.horizon_days
        out["fig-fan"] = fig.figure_svg(
            fig.forecast_fan(a.fan, interval=interval, leave_out=quiet_classes(a.fan),
                             title=f"Forecast of cumulative launches, next {horizon} days"),
            name="fig-fan",
        )  # fmt: skip
        money = f"{a.needs.price_year} {a.needs.currency}"
        out["fig-cost"] = fig.figure_svg(
            fig.cost_chart(a.needs_systems, currency=money, interval=interval,
                           title=f"Projected interceptor cost by system, next {horizon} days"),
            name="fig-cost",
        )  # fmt: skip
        out.update(supply_figures(a))
    return out


def supply_figures(a: Analysis) -> dict[str, str]:
    """The stock fan, the cost-exchange chart and the tornado of the costliest system."""
    from airdef.figures import needs as fn
    from airdef.figures._style import figure_svg
    from airdef.report.sections.supply import costliest_system, factor_label

    out: dict[str, str] = {}
    interval = a.options.interval
    if a.supply is not None and len(a.supply.stock):
        out["fig-stock"] = figure_svg(
            fn.stock_fan(a.supply.stock, interval=interval,
                         title=f"Interceptor stock against projected fire, {a.supply.days} days",
                         assumptions=["stock at start: doctrine inventory (illustrative)",
                                      "deliveries: ledger rows of stated quantity",
                                      "fire: expected shots a day, constant"]),
            name="fig-stock",
        )  # fmt: skip
    if a.exchange is not None and a.exchange["exchange_ratio_median"].notna().any():
        out["fig-exchange"] = figure_svg(
            fn.exchange_chart(a.exchange, interval=interval,
                              title=f"Cost-exchange ratio by class, next {a.options.horizon_days} days"),
            name="fig-exchange",
        )  # fmt: skip
    key = costliest_system(a)
    if key is not None:
        names = dict(zip(a.doctrine.systems["system"], a.doctrine.systems["name"], strict=True))
        ind = a.sensitivity.indices.copy()
        ind["factor"] = [factor_label(f, names) for f in ind["factor"]]
        out["fig-tornado"] = figure_svg(
            fn.tornado(ind, system=key, output="cost",
                       title=f"What moves the cost of {names.get(key, key)}"),
            name="fig-tornado",
        )  # fmt: skip
    return out


def make_figures(analysis: Analysis) -> dict[str, str]:
    """Every figure of the report as SVG text, by figure id."""
    return {**rate_figures(analysis), **projection_figures(analysis)}
