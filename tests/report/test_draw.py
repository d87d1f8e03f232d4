"""Which rows the report's figures show."""

from __future__ import annotations

import pandas as pd

import airdef
from airdef.analysis import ReportOptions, prepare_analysis
from airdef.report.draw import whole_months


def test_partial_months_are_left_out_of_the_monthly_figures():
    a = prepare_analysis(airdef.StrikeData(), ReportOptions())
    a.periods = pd.DataFrame({"period": pd.to_datetime(["2026-04-01", "2026-05-01", "2026-06-01"]),
                              "launched": [100, 8150, 2136]})  # fmt: skip
    # June 2026 has 7 days in the 2026-06 snapshot: 2,136 launches, not a collapse
    a.partial_periods = pd.DataFrame({"period": pd.to_datetime(["2026-06-01"]), "days": [7]})
    assert whole_months(a)["launched"].tolist() == [100, 8150]
    a.partial_periods = a.partial_periods.iloc[:0]
    assert len(whole_months(a)) == 3
