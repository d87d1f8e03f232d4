"""airdef rates and airdef trend on the command line."""

from __future__ import annotations

import io
import json

import pandas as pd

from airdef.cli import main


def test_rates_table(newest_snapshot, capsys):
    assert main(["rates", str(newest_snapshot), "--by", "weapon_class", "--method", "wilson"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("intercepted rate, 95% confidence intervals, source: national")
    assert "strike_drone" in out and "ci_low" in out
    assert "note: strike_drone: Shahed-136/131: from 2024-07" in out
    assert "Shahed-136/131: from 2025-08 suppressed (EW) counted in intercepted" in out


def test_rates_csv_and_json(newest_snapshot, capsys):
    args = [
        "rates",
        str(newest_snapshot),
        "--by",
        "weapon",
        "--since",
        "2025-01-01",
        "--method",
        "jeffreys",
    ]
    assert main([*args, "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert {"weapon", "rate", "ci_low", "ci_high", "method"} <= set(table.columns)
    assert set(table["method"]) == {"jeffreys", "none"}  # none: a weapon with nothing launched
    # nothing launched: zero, or blank where no row of the weapon had a known count
    assert table.loc[table["method"] == "none", "launched"].fillna(0).eq(0).all()
    assert main([*args, "--format", "json", "--level", "0.9"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["confidence_level"] == 0.9


def test_rates_bad_method_is_usage_error(newest_snapshot, capsys):
    try:
        main(["rates", str(newest_snapshot), "--method", "magic"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "invalid choice: 'magic'" in capsys.readouterr().err


def test_rates_bad_column_is_one_line(newest_snapshot, capsys):
    assert main(["rates", str(newest_snapshot), "--by", "colour"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "data lacks the column(s) colour" in err


def test_trend(newest_snapshot, capsys):
    assert (
        main(["trend", str(newest_snapshot), "--freq", "QS", "--method", "wilson", "--periods"])
        == 0
    )
    out = capsys.readouterr().out
    assert "odds_ratio_per_year" in out and "period" in out
    assert main(["trend", str(newest_snapshot), "--format", "csv", "--table", "periods"]) == 0
    periods = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert {"weapon_class", "period", "rate", "break_note"} <= set(periods.columns)


def test_fully_quarantined_input_gives_a_message_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(
        "time_start,time_end,model,launched,destroyed,source\n2024-01-01,2024-01-01 08:00,Kalibr,4,9,x\n"
    )
    assert main(["rates", str(path)]) == 0
    assert "no rates to show" in capsys.readouterr().out
    assert main(["trend", str(path)]) == 0
    assert "no rates to show" in capsys.readouterr().out


def test_an_internal_error_is_one_line(monkeypatch, newest_snapshot, capsys):
    import airdef.rates

    def broken(*args, **kwargs):
        raise RuntimeError("something\nunexpected")

    monkeypatch.setattr(airdef.rates, "interception_rates", broken)
    monkeypatch.delenv("AIRDEF_DEBUG", raising=False)
    assert main(["rates", str(newest_snapshot)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (RuntimeError): something unexpected; please report it" in err
