"""The command line as a whole: help, --quiet, exit statuses."""

from __future__ import annotations

import warnings

import pytest

import airdef
from airdef.cli import COMMANDS, build_parser, main

SAMPLE = str(airdef.sample_path("attack_2024-01-23.csv"))


def _commands():
    parser = build_parser()
    return next(a for a in parser._actions if a.dest == "command").choices


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_description_and_an_example(name, capsys):
    assert main([name, "--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: airdef {name}")
    parser = _commands()[name]
    assert parser.description and len(parser.description) > 80
    assert "Example" in parser.epilog
    epilog = text[text.index("Example") :].splitlines()
    examples = [line.strip() for line in epilog[1:] if line.startswith("  airdef ")]
    assert examples and all(e.startswith(f"airdef {name}") for e in examples)
    assert len(examples) == len([line for line in epilog[1:] if line.strip()])  # one a line


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_quiet(name):
    options = {s for a in _commands()[name]._actions for s in a.option_strings}
    assert {"-q", "--quiet"} <= options


def test_every_option_has_help():
    for name, parser in _commands().items():
        for action in parser._actions:
            assert action.help, f"airdef {name} {action.option_strings or action.dest}"


def test_quiet_silences_warnings(monkeypatch, capsys):
    import airdef.rates

    original = airdef.rates.interception_rates

    def warns(*args, **kwargs):
        warnings.warn("something to say", UserWarning, stacklevel=1)
        return original(*args, **kwargs)

    monkeypatch.setattr(airdef.rates, "interception_rates", warns)
    # the options read their defaults from the function: keep its signature
    warns.__wrapped__ = original
    assert main(["rates", SAMPLE, "--source", "all"]) == 0
    assert capsys.readouterr().err == "airdef: warning: something to say\n"
    assert main(["rates", SAMPLE, "--source", "all", "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"airdef {airdef.__version__}"
