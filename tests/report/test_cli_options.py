"""``airdef report`` passes every analysis option through, and --quiet prints nothing."""

from __future__ import annotations

import pytest

from airdef.cli import main
from airdef.samples import sample_path


@pytest.fixture
def captured(monkeypatch, tmp_path):
    calls = {}

    def fake_build_report(paths, out, **kwargs):
        calls.update(kwargs, paths=paths, out=out)
        report = tmp_path / "airdef-report.html"
        report.write_text("x", encoding="utf-8")
        return [report]

    monkeypatch.setattr("airdef.report.build_report", fake_build_report)
    return calls


def test_every_option_reaches_build_report(captured, tmp_path, capsys):
    path = str(sample_path("attack_2024-01-23.csv"))
    code = main(
        ["report", path, "--out", str(tmp_path), "--level", "0.9", "--compare-days", "30",
         "--window-days", "60", "--interval", "0.8"]
    )  # fmt: skip
    assert code == 0
    assert captured["confidence_level"] == 0.9 and captured["compare_days"] == 30
    assert captured["window_days"] == 60 and captured["interval"] == 0.8
    assert "wrote" in capsys.readouterr().out


def test_defaults_match_build_report(captured, tmp_path):
    import inspect

    from airdef.report.build import build_report  # the real one (the package name is patched)

    main(["report", str(sample_path("attack_2024-01-23.csv")), "--out", str(tmp_path)])
    defaults = inspect.signature(build_report).parameters
    for name in ("confidence_level", "compare_days", "window_days", "interval", "draws", "seed"):
        assert captured[name] == defaults[name].default, name


def test_quiet_prints_nothing(captured, tmp_path, capsys):
    main(["report", "--out", str(tmp_path), "--quiet"])
    out = capsys.readouterr()
    assert out.out == "" and out.err == "" and captured["progress"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--level", "1.5"], "--level must be between 0 and 1, e.g. 0.95; got 1.5"),
        (["--interval", "0"], "--interval must be between 0 and 1, e.g. 0.95; got 0"),
        (["--compare-days", "0"], "--compare-days must be a whole number of at least 1, not 0"),
        (["--window-days", "-3"], "--window-days must be a whole number of at least 1, not -3"),
    ],
)
def test_bad_option_is_one_line_naming_the_option(tmp_path, capsys, args, message):
    path = str(sample_path("attack_2024-01-23.csv"))
    assert main(["report", path, "--out", str(tmp_path), "--format", "html", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    # the subcommand's usage, then one line naming the option (argparse's convention)
    assert err[0].startswith("usage: airdef report")
    assert err[-1] == f"airdef report: error: {message}"
