"""Text reports beside a table: matched, agreeing, conflicting and unmatched attacks, and no
attack counted twice in the estimates."""

from __future__ import annotations

import pandas as pd
import pytest

import airdef
from airdef.analysis import prepare_analysis
from airdef.analysis.reconciliation import reconciliation, text_attack_ids

#: Figures of the Air Force's national reports of 10 and 21 January 2025 (72 Shahed drones
#: launched, 33 shot down; 131 launched, 72 shot down), as both real snapshots give them;
#: the second text says 80 shot down, a conflict of +8. The third describes a night before
#: the table begins, so it matches nothing.
NEWS_MATCHED = """published: 2025-01-10
Overnight Russia attacked Ukraine with 72 Shahed drones; air defences shot down 33 of them.
---
published: 2025-01-21
Russia launched 131 Shahed drones overnight; 80 were shot down.
"""
NEWS = (
    NEWS_MATCHED
    + """---
published: 2021-03-01
Russia launched 12 Shahed drones overnight; 10 were shot down.
"""
)


def _check(data: airdef.StrikeData) -> None:
    matched, unmatched = reconciliation(data.select(source="national"))
    drones = matched.loc[matched["classes"] == "strike_drone"].set_index("date_text")
    agree = drones.loc[pd.Timestamp("2025-01-10")]
    assert (agree["launched_table"], agree["intercepted_table"]) == (72, 33)
    assert not agree["conflict"] and agree["intercepted_diff"] == 0
    clash = drones.loc[pd.Timestamp("2025-01-21")]
    assert clash["conflict"] and clash["intercepted_diff"] == 8 and clash["launched_diff"] == 0
    assert unmatched["date"].tolist() == [pd.Timestamp("2021-03-01")]
    assert not unmatched["linked"].any()


def test_text_beside_each_real_snapshot(snapshot, tmp_path):
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    data = airdef.load([snapshot, news])
    _check(data)
    # The matched text attacks are left out of the estimates: the table counts them already.
    table_only = prepare_analysis(airdef.load(snapshot))
    both = prepare_analysis(data)
    assert both.selection["text_attacks_left_out"] == 2
    assert both.selection["attacks"] == table_only.selection["attacks"] + 1  # the unmatched one
    kept = both.data.events
    assert kept["attack_id"].isin(text_attack_ids(data)).sum() == 1


def test_text_beside_a_synthetic_table(tmp_path):
    """The same checks without the real data: a table holding the two January nights."""
    table = tmp_path / "table.csv"
    table.write_text(
        "time_start,time_end,model,launched,destroyed,source\n"
        "2025-01-09 19:00,2025-01-10 09:00,Shahed-136/131,72,33,kpszsu/posts/1\n"
        "2025-01-20 19:00,2025-01-21 09:00,Shahed-136/131,131,72,kpszsu/posts/2\n",
        encoding="utf-8",
    )
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    _check(airdef.load([table, news]))


def test_no_text_no_reconciliation(tmp_path):
    data = airdef.load(airdef.sample_path("attack_2024-01-23.csv"))
    assert reconciliation(data) is None
    assert prepare_analysis(data).reconciled is None


@pytest.mark.parametrize("only", ["text", "table"])
def test_one_side_only_gives_none(tmp_path, only):
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    path = news if only == "text" else airdef.sample_path("attack_2024-01-23.csv")
    assert reconciliation(airdef.load(path)) is None
