"""Every misuse of the command line: exit status 2, the command's usage, and one line naming
the option; never a traceback."""

from __future__ import annotations

import pytest

import airdef
from airdef.cli import COMMANDS, main

SAMPLE = str(airdef.sample_path("attack_2024-01-23.csv"))
SYNTHETIC = str(airdef.sample_path("synthetic.csv"))


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "taken.csv"
    path.write_text("x\n")
    return str(path)


@pytest.fixture
def a_folder(tmp_path):
    path = tmp_path / "folder"
    path.mkdir()
    return str(path)


#: What each command needs besides options, so that only the misuse is wrong.
REQUIRED = {"simulate": ["--out", "{folder}/s.csv"], "fetch": [], "report": []}

# (arguments, the option the message must name); "{file}" and "{folder}" are filled in.
MISUSES = [
    # a selection that cannot select anything
    *[
        ([cmd, SAMPLE, "--since", "2025-06-01", "--until", "2025-01-01"], "--since")
        for cmd in ("rates", "trend", "needs")
    ],
    (["report", SAMPLE, "--since", "2025-06-01", "--until", "2025-01-01"], "--until"),
    *[([cmd, SAMPLE, "--since", "yesterday"], "--since") for cmd in ("rates", "trend", "needs")],
    (["report", SAMPLE, "--until", "2025-13-45"], "--until"),
    (["rates", SAMPLE, "--since", "2025-01-01T00:00+02:00"], "--since"),
    # --out naming a file where a folder is expected, or a folder where a file is
    (["report", SAMPLE, "--out", "{file}"], "--out"),
    (["fetch", "--url", "file:///nowhere.csv", "--out", "{file}"], "--out"),
    (["load", SAMPLE, "--out", "{folder}"], "--out"),
    (["load", SAMPLE, "--out", "{folder}/x.txt"], "--out"),
    (["simulate", "--out", "{folder}"], "--out"),
    (["simulate", "--out", "{folder}/sim.docx"], "--out"),
    (["rates", SAMPLE, "--out", "{folder}"], "--out"),
    (["trend", SAMPLE, "--out", "{folder}/t.docx"], "--out"),
    (["validate", SAMPLE, "--quarantine", "{folder}"], "--quarantine"),
    (["validate", SAMPLE, "--quarantine", "{folder}/q.txt"], "--quarantine"),
    (["rates", SAMPLE, "--format", "excel"], "--format"),
    # levels and probabilities out of range, unreachable targets
    *[
        ([cmd, SAMPLE, "--level", level], "--level")
        for cmd in ("rates", "trend")
        for level in ("0", "1", "1.5", "-0.2", "nan", "abc")
    ],
    (["needs", SAMPLE, "--interval", "1.5"], "--interval"),
    (["needs", SAMPLE, "--interval", "0"], "--interval"),
    *[
        ([cmd, SAMPLE, "--target-rate", rate], "--target-rate")
        for cmd in ("needs", "report")
        for rate in ("1.0", "1.5", "-0.1", "inf")
    ],
    (["needs", SAMPLE, "--draws", "0"], "--draws"),
    (["report", SAMPLE, "--draws", "-5"], "--draws"),
    (["needs", SAMPLE, "--horizon", "0"], "--horizon"),
    (["needs", SAMPLE, "--window", "0"], "--window"),
    (["rates", SAMPLE, "--seed", "-1"], "--seed"),
    (["simulate", "--out", "{folder}/s.csv", "--months", "0"], "--months"),
    (["fetch", "--url", "file:///x.csv", "--out", "{folder}", "--timeout", "0"], "--timeout"),
    (["fetch", "--url", "file:///x.csv", "--out", "{folder}", "--sha256", "abc"], "--sha256"),
    (["fetch", "--url", "ftp://example.org/x.csv", "--out", "{folder}"], "--url"),
    (["parse", SAMPLE, "--published", "last week"], "--published"),
    # choices, columns and unknown options
    (["rates", SAMPLE, "--method", "magic"], "--method"),
    (["trend", SAMPLE, "--outcome", "destroyed"], "--outcome"),
    (["trend", SAMPLE, "--freq", "fortnight"], "--freq"),
    (["rates", SAMPLE, "--by", "colour"], "--by"),
    (["rates", SAMPLE, "--by", "", "--pooled"], "--pooled"),
    (["trend", SAMPLE, "--by", "weapon,colour"], "--by"),
    (["validate", SAMPLE, "--input-format", "word"], "--input-format"),
    (["report", SAMPLE, "--format", "docx"], "--format"),
    *[([cmd, *REQUIRED.get(cmd, [SAMPLE]), "--bogus"], "--bogus") for cmd in COMMANDS],
]


def _fill(args, a_file, a_folder):
    return [a.replace("{file}", a_file).replace("{folder}", a_folder) for a in args]


@pytest.mark.parametrize(
    ("args", "option"), MISUSES, ids=lambda v: " ".join(v[:1] + v[2:]) if isinstance(v, list) else v
)
def test_misuse_is_exit_2_with_usage_and_one_line(args, option, a_file, a_folder, capsys):
    argv = _fill(args, a_file, a_folder)
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    command = args[0]
    assert "Traceback" not in captured.err
    assert err[0].startswith(f"usage: airdef {command}"), captured.err
    errors = [line for line in err if line.startswith(f"airdef {command}: error: ")]
    assert len(errors) == 1 and errors[0] == err[-1], captured.err
    assert option in errors[0], errors[0]
    for internal in ("confidence_level", "target_rate", "horizon_days", "window_days"):
        assert internal not in errors[0]


def test_unreachable_target_says_so(capsys):
    assert main(["needs", SAMPLE, "--target-rate", "1.0"]) == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert "--target-rate 1 asks for every threat to be intercepted, which is unreachable" in err


def test_since_after_until_says_both(capsys):
    assert main(["rates", SAMPLE, "--since", "2025-06-01", "--until", "2025-01-01"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "airdef rates: error: --since 2025-06-01 is after --until 2025-01-01; "
        "the selection would be empty"
    )


def test_the_same_day_as_since_and_until_is_allowed(capsys):
    assert main(["rates", SYNTHETIC, "--since", "2025-01-05", "--until", "2025-01-05"]) == 0


def test_nothing_loads_before_an_option_is_refused(tmp_path, capsys):
    # the check comes before the (possibly long) load: a missing input is not even opened
    missing = str(tmp_path / "missing.csv")
    assert main(["load", missing, "--out", str(tmp_path / "x.txt")]) == 2
    assert "--out: cannot tell the format from the ending .txt" in capsys.readouterr().err


def test_a_data_problem_is_one_line_without_usage(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert err == f"airdef validate: error: {tmp_path / 'nope.csv'}: no such file\n"


def test_a_file_that_cannot_be_written_is_one_line(a_file, capsys):
    # the folder of --quarantine is a file: an operating-system error, named by path
    assert main(["validate", SAMPLE, "--quarantine", f"{a_file}/q.csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("airdef validate: error: ")
    assert "Errno" not in err


def test_a_value_error_that_names_no_option_is_a_bug(monkeypatch, capsys):
    import functools

    import airdef.rates

    @functools.wraps(airdef.rates.interception_rates)
    def broken(*args, **kwargs):
        raise ValueError("x must not exceed n; found 5 intercepted of 4 launched")

    monkeypatch.setattr(airdef.rates, "interception_rates", broken)
    monkeypatch.delenv("AIRDEF_DEBUG", raising=False)
    assert main(["rates", SAMPLE]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("airdef rates: internal error (ValueError): x must not exceed n")


def test_a_library_parameter_is_named_as_the_option(monkeypatch, capsys):
    import functools

    import airdef.rates

    @functools.wraps(airdef.rates.rate_trend)
    def strict(*args, **kwargs):
        raise ValueError("confidence_level must be strictly between 0 and 1; got 0.5")

    monkeypatch.setattr(airdef.rates, "rate_trend", strict)
    assert main(["trend", SAMPLE]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: airdef trend")
    assert err[-1] == "airdef trend: error: --level must be strictly between 0 and 1; got 0.5"


def test_no_command_prints_the_overview(capsys):
    assert main([]) == 0
    assert "commands:" in capsys.readouterr().out
