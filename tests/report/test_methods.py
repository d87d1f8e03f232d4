"""The methods' paragraph on definition breaks is written from the breaks detected."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import airdef
from airdef.analysis import analyse_rates, prepare_analysis
from airdef.report import fmt
from airdef.report.sections.methods import breaks_paragraph


@pytest.fixture(scope="module", params=["2025-05", "2026-06"], ids=lambda k: f"snapshot_{k}")
def real(request):
    from tests.conftest import SNAPSHOTS

    path = SNAPSHOTS[request.param]
    if not path.exists():
        pytest.skip(f"the real Air Force snapshot not found at {path}")
    return request.param, analyse_rates(prepare_analysis(airdef.load(path)))


def test_every_number_of_the_paragraph_is_computed(real):
    name, result = real
    text = breaks_paragraph(result)
    b = result.breaks
    m = result.methods
    allowed = {fmt.pct(v) for c in ("rate_before", "rate_after", "suppressed_share_before",
                                     "suppressed_share_after") for v in b[c]}  # fmt: skip
    allowed |= {fmt.pct(m.break_min_share, 0)}
    assert set(re.findall(r"\d+(?:\.\d+)?%", text)) <= allowed
    months = {fmt.date(v, "%Y-%m") for c in ("date", "regime_start", "regime_end") for v in b[c]}
    assert set(re.findall(r"\d{4}-\d{2}", text)) <= months
    # the Shahed break the data show: folded from 2025-08 on the 2026-06 snapshot (the
    # data notes: suppressed is 0 in every national month from 2025-08, bar two days)
    if name == "2026-06":
        assert "counted them inside intercepted from 2025-08" in text
        assert "2026-01" not in text
    else:
        assert "2025-08" not in text and "Shahed-136/131 reported them apart from 2024-07" in text
    assert f"{m.break_min_months} reporting months" in text


def test_without_breaks_the_paragraph_says_none_was_found():
    result = analyse_rates(prepare_analysis(airdef.load(
        airdef.sample_path("attack_2024-01-23.csv"))))  # fmt: skip
    assert result.breaks.empty
    text = breaks_paragraph(result)
    assert "No break was detected in these data." in text
    assert not re.search(r"\d{4}-\d{2}", text)


def test_since_window_moves_no_break(newest_snapshot):
    from airdef.analysis import ReportOptions

    result = analyse_rates(prepare_analysis(airdef.load(newest_snapshot),
                                            ReportOptions(since="2025-01-01")))  # fmt: skip
    assert result.breaks["date"].tolist() == [pd.Timestamp("2025-08-01")]
    assert "from 2025-08" in breaks_paragraph(result)
