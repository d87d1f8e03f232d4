"""airdef rates and airdef trend on the command line."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import airdef
from airdef.cli import main


def test_rates_table(newest_snapshot, capsys):
    assert main(["rates", str(newest_snapshot), "--by", "weapon_class", "--method", "wilson"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("intercepted rate, 95% confidence intervals, source: national")
    assert "strike_drone" in out and "95% CI" in out
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
    assert main(["rates", str(newest_snapshot), "--method", "magic"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: airdef rates")
    assert "invalid choice: 'magic'" in err


def test_rates_bad_column_names_the_option(newest_snapshot, capsys):
    assert main(["rates", str(newest_snapshot), "--by", "colour"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: airdef rates")
    assert err[-1].startswith("airdef rates: error: --by: the data has no column 'colour'")


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
    import functools

    import airdef.rates

    @functools.wraps(airdef.rates.interception_rates)  # keeps the defaults the options read
    def broken(*args, **kwargs):
        raise RuntimeError("something\nunexpected")

    monkeypatch.setattr(airdef.rates, "interception_rates", broken)
    monkeypatch.delenv("AIRDEF_DEBUG", raising=False)
    assert main(["rates", str(newest_snapshot)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (RuntimeError): something unexpected; please report it" in err


# -- uninformative intervals ----------------------------------------------------------------------


def _rate_table(**extra) -> pd.DataFrame:
    """A rate table as interception_rates returns it, with made-up numbers."""
    table = pd.DataFrame(
        {
            "weapon": ["Kalibr", "KN-23", "Forpost", "Nothing"],
            "attacks": [40, 2, 1, 0],
            "launched": [300, 30, 1, 0],
            "intercepted": [230, 15, 1, 0],
            "rate": [230 / 300, 0.5, 1.0, float("nan")],
            "ci_low": [0.71, 0.02, 0.21, float("nan")],
            "ci_high": [0.82, 0.98, 1.0, float("nan")],
            "method": ["korn_graubard", "korn_graubard", "wilson", "none"],
        }
    )
    for name, values in extra.items():
        table[name] = values
    return table


def test_without_a_reliable_column_wide_or_single_attack_intervals_are_uninformative():
    from airdef.cli.rates import informative

    got = informative(_rate_table())
    # Kalibr: width 0.11 from 40 attacks; KN-23: width 0.96 > 0.9; Forpost: one attack;
    # Nothing: no interval at all
    assert got.tolist()[:3] == [True, False, False]
    assert got.isna().tolist() == [False, False, False, True]


def test_the_reliable_column_decides_when_present():
    from airdef.cli.rates import informative

    got = informative(_rate_table(reliable=[False, True, True, pd.NA]))
    assert got.tolist()[:3] == [False, True, True]


@pytest.mark.parametrize(
    "names",
    [
        ("pooled_rate", "pooled_ci_low", "pooled_ci_high"),
        ("rate_pooled", "ci_low_pooled", "ci_high_pooled"),
    ],
)
def test_an_uninformative_row_shows_the_pooled_rate_beside_it(names):
    from airdef.cli.rates import TOO_FEW, shown_table

    pooled = dict(
        zip(
            names,
            ([0.76, 0.62, 0.8, None], [0.7, 0.4, 0.5, None], [0.8, 0.8, 0.95, None]),
            strict=True,
        )
    )
    shown = shown_table(_rate_table(**pooled), ["weapon"], 0.95)
    assert shown["95% CI"].tolist() == ["0.7100-0.8200", TOO_FEW, TOO_FEW, ""]
    assert shown["pooled"].tolist() == ["", "0.6200", "0.8000", ""]
    assert shown["pooled 95% CI"].tolist() == ["", "0.4000-0.8000", "0.5000-0.9500", ""]
    every = shown_table(_rate_table(**pooled), ["weapon"], 0.95, all_pooled=True)
    assert every["pooled"].tolist()[:3] == ["0.7600", "0.6200", "0.8000"]


def test_rates_never_prints_a_bare_zero_to_one_interval(tmp_path, capsys):
    rows = ["attack_id,time_start,time_end,weapon_label,weapon_class,launched,intercepted"]
    for i in range(30):  # a weapon seen often, so that pooling has a class to lean on
        rows.append(
            f"a{i},2025-01-{i % 28 + 1:02d},2025-01-{i % 28 + 1:02d} 06:00,Kalibr,"
            f"cruise_missile,10,{7 + i % 3}"
        )
    rows.append("b1,2025-02-01,2025-02-01 06:00,Kh-22,cruise_missile,20,20")
    rows.append("b2,2025-02-08,2025-02-08 06:00,Kh-22,cruise_missile,20,0")
    path = tmp_path / "few.csv"
    path.write_text("\n".join(rows) + "\n")
    assert main(["rates", str(path), "--by", "weapon", "--source", "all"]) == 0
    out = capsys.readouterr().out
    kh22 = next(line for line in out.splitlines() if line.strip().startswith("Kh-22"))
    assert "too few independent attacks" in kh22
    assert "0.0000-1.0000" not in out and "0.0000-0.9" not in kh22
    assert len(kh22.split("too few independent attacks")[1].split()) >= 6  # ... pooled, its CI
    assert "note: 1 row with too few independent attacks" in out
    # --format csv keeps the library's table as it is
    assert main(["rates", str(path), "--by", "weapon", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert {"ci_low", "ci_high"} <= set(table.columns)


# -- options shared with the library ----------------------------------------------------------


def test_defaults_agree_with_the_python_functions():
    import inspect

    from airdef.cli import build_parser
    from airdef.rates import interception_rates, rate_trend

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, function in (("rates", interception_rates), ("trend", rate_trend)):
        defaults = commands[name].parse_args(["x.csv"])
        params = inspect.signature(function).parameters
        by = params["by"].default
        assert defaults.by == (by if isinstance(by, str) else ",".join(by))
        assert defaults.level == params["confidence_level"].default
        assert defaults.method == params["method"].default
        assert defaults.outcome == params["outcome"].default
        assert defaults.seed == params["seed"].default


def test_rates_and_trend_share_the_analysis_options():
    from airdef.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices

    def options(name):
        return {s for a in commands[name]._actions for s in a.option_strings}

    shared = {"--by", "--method", "--level", "--outcome", "--seed", "--since", "--until"}
    shared |= {"--source", "--input-format", "--format", "--out", "--quiet"}
    assert shared <= options("rates") and shared <= options("trend")


@pytest.mark.parametrize("ending", [".csv", ".json", ".parquet", ".xlsx"])
def test_out_writes_the_table_in_the_format_of_its_ending(ending, tmp_path, capsys):
    sample = str(airdef.sample_path("synthetic.csv"))
    out = tmp_path / f"rates{ending}"
    assert main(["rates", sample, "--by", "weapon_class", "--out", str(out)]) == 0
    # the bundled sample has six weapon classes (see airdef/data/sample/synthetic.truth.csv)
    assert capsys.readouterr().out == f"wrote {out} (6 rows)\n"
    read = {
        ".csv": pd.read_csv,
        ".json": pd.read_json,
        ".parquet": pd.read_parquet,
        ".xlsx": pd.read_excel,
    }[ending]
    table = read(out)
    assert len(table) == 6 and {"weapon_class", "rate", "ci_low", "ci_high"} <= set(table.columns)


def test_format_chooses_over_the_ending(tmp_path, capsys):
    sample = str(airdef.sample_path("synthetic.csv"))
    out = tmp_path / "rates.dat"
    assert main(["trend", sample, "--out", str(out), "--format", "json", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert isinstance(json.loads(out.read_text()), list)


def test_csv_out_is_spreadsheet_safe(tmp_path, capsys):
    path = tmp_path / "hostile.csv"
    path.write_text(
        "attack_id,time_start,time_end,weapon_label,weapon_class,launched,intercepted\n"
        "a,2025-01-01,2025-01-01 06:00,Kalibr,cruise_missile,10,7\n"
    )
    data = airdef.load(path)
    data.events["reporter"] = "=HYPERLINK(1)"
    from airdef.cli._common import write_table

    written = write_table(data.events[["reporter"]], tmp_path / "out.csv")
    assert written.read_text().splitlines()[1] == "'=HYPERLINK(1)"


def test_quiet_leaves_out_the_notes(newest_snapshot, capsys):
    assert main(["rates", str(newest_snapshot), "--by", "weapon_class", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "strike_drone" in out and "note:" not in out


def test_one_overall_row(capsys):
    sample = str(airdef.sample_path("synthetic.csv"))
    assert main(["rates", sample, "--by", ""]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:3] == ["attacks", "launched", "intercepted"]
    assert len(lines) == 3  # the header line, the column names, one row
