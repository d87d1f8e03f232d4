"""The canonical model: event_time, the reporter table and the notebook view."""

from __future__ import annotations

import pandas as pd

from airdef.model import REGIONAL_REPORTERS, StrikeData, event_time


def test_event_time_prefers_the_end_of_the_window() -> None:
    ev = pd.DataFrame(
        {
            "time_start": pd.to_datetime(["2024-01-22 22:00", "2024-01-23 00:00", None]),
            "time_end": pd.to_datetime(["2024-01-23 08:00", None, None]),
        },
        index=[5, 6, 7],
    )
    when = event_time(ev)
    assert when.index.tolist() == [5, 6, 7]
    assert when.iloc[0] == pd.Timestamp("2024-01-23 08:00")
    assert when.iloc[1] == pd.Timestamp("2024-01-23")
    assert pd.isna(when.iloc[2])


def test_regional_reporters_come_from_the_data_file() -> None:
    # airdef/data/reporters.csv: the four Air Force regional commands and the simulator's one.
    assert set(REGIONAL_REPORTERS) == {
        "PvKPivden",
        "pvkshid",
        "PvkZahid",
        "PvkCenter",
        "synthetic-regional",
    }
    assert "kpszsu" not in REGIONAL_REPORTERS


def test_repr_html_escapes_labels_and_counts_rows() -> None:
    data = StrikeData(
        events=pd.DataFrame(
            {
                "attack_id": ["<script>alert(1)</script>"] * 12,
                "weapon_label": ["<b>Kalibr</b>"] * 12,
                "launched": [3] * 12,
                "intercepted": [2] * 12,
            }
        )
    )
    page = data._repr_html_()
    assert "<script>" not in page and "<b>Kalibr" not in page
    assert "&lt;script&gt;" in page
    assert "2 more events" in page


def test_result_objects_have_an_escaped_notebook_view() -> None:
    import airdef

    data = StrikeData(
        events=pd.DataFrame(
            {
                "attack_id": ["a1", "a2", "a3"],
                "time_end": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-06-01"]),
                "weapon_label": ["<i>Kalibr</i>", "<i>Kalibr</i>", "<i>Kalibr</i>"],
                "launched": [4, 5, 6],
                "intercepted": [3, 4, 4],
            }
        )
    )
    summary = airdef.summarize(data)._repr_html_()
    assert summary.startswith("<pre>") and "<i>" not in summary
    trend = airdef.rate_trend(data, by="weapon")._repr_html_()
    assert "Trend per group" in trend and "<i>Kalibr" not in trend
