"""docs/guide/cli.md has a section for every command and lists every option of the
commands whose options it describes in full."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from airdef.cli import COMMANDS, build_parser

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "cli.md"

#: Commands whose every option the guide must list (the others point to their own guides).
IN_FULL = ("validate", "load", "rates", "trend", "simulate", "fetch")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_in_the_guide(name):
    text = GUIDE.read_text(encoding="utf-8")
    assert f"\n## {name}\n" in text
    section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
    if name not in IN_FULL:
        return
    parser = next(a for a in build_parser()._actions if a.dest == "command").choices[name]
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or action.dest == "help":
            continue
        for option in action.option_strings:
            assert f"`{option}`" in section, f"airdef {name} {option}"
