"""Checks of option values, and library parameter names written as options.

A person's mistake on the command line is answered by one line that names the
option as it was typed (``--level``, not ``confidence_level``); the names are
mapped in :data:`OPTION_NAMES`, the checks are in :func:`check_args`.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

__all__ = [
    "OPTION_NAMES",
    "UsageError",
    "check_args",
    "check_canonical_ending",
    "check_columns",
    "option_for",
    "option_message",
]

#: Library parameter names whose option has another name (``dest`` of the option).
#: Every other parameter is spelt like its option: ``target_rate`` is ``--target-rate``.
OPTION_NAMES: dict[str, str] = {
    "confidence_level": "level",
    "horizon_days": "horizon",
    "window_days": "window",
}


class UsageError(Exception):
    """An option given a value that cannot work; the message names the option.

    The command line prints the command's usage and the message, and exits with 2.
    """


def option_for(parser: argparse.ArgumentParser, name: str) -> str | None:
    """The option of ``parser`` whose ``dest`` is ``name`` (its longest spelling), or
    else the option spelt ``--name``; None when there is neither."""
    shown = [a for a in parser._actions if a.option_strings and a.help != argparse.SUPPRESS]
    for action in shown:
        if action.dest == name:
            return max(action.option_strings, key=len)
    spelt = "--" + name.replace("_", "-")
    return spelt if any(spelt in a.option_strings for a in shown) else None


_NAMED = re.compile(r"(?<![\w-])([a-z][a-z0-9_]*)(?=\s+must\b|\s+should\b|=)")
_UNKNOWN = re.compile(r"^unknown ((?:[a-z_]+ )+)")


def option_message(parser: argparse.ArgumentParser, text: str) -> str | None:
    """``text`` with library parameter names written as this command's options.

    Returns None when the text names no option of ``parser``: then it is not about
    what the person typed.

    Examples
    --------
    >>> p = argparse.ArgumentParser(prog="airdef rates")
    >>> _ = p.add_argument("--level", type=float)
    >>> option_message(p, "confidence_level must be strictly between 0 and 1; got 1.5")
    '--level must be strictly between 0 and 1; got 1.5'
    >>> option_message(p, "x must not exceed n") is None
    True
    """
    named = False

    def swap(match: re.Match) -> str:
        nonlocal named
        word = match.group(1)
        option = option_for(parser, OPTION_NAMES.get(word, word))
        if option is None:
            return word
        named = True
        return option

    out = _NAMED.sub(swap, text)
    unknown = _UNKNOWN.match(out)
    if unknown and not named:  # "unknown report format 'docx'": the last word that is an option
        words = unknown.group(1).split()
        option = next((o for w in reversed(words) if (o := option_for(parser, w))), None)
        if option:
            named = True
            out = f"{option}: {out}"
    if not named:
        options = {s for a in parser._actions for s in a.option_strings if s.startswith("--")}
        named = any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", out) for o in options)
    return out if named else None


def _between(low: float, high: float, *, low_ok: bool = False) -> Callable[[float], str | None]:
    def check(value: float) -> str | None:
        inside = (low <= value if low_ok else low < value) and value < high
        if inside:
            return None
        where = (
            f"from {low:g} up to but not including {high:g}"
            if low_ok
            else f"between {low:g} and {high:g}"
        )
        return f"must be {where}, e.g. 0.95; got {value:g}"

    return check


def _at_least(low: int) -> Callable[[float], str | None]:
    def check(value: float) -> str | None:
        if value >= low and math.isfinite(value):
            return None
        return f"must be {low} or more; got {value:g}"

    return check


def _target(value: float) -> str | None:
    if value == 1:
        return (
            "1 asks for every threat to be intercepted, which is unreachable: each shot "
            "can miss, so no number of shots gives 100%; give a rate below 1, e.g. 0.95"
        )
    return _between(0, 1, low_ok=True)(value)


def _positive(value: float) -> str | None:
    return None if value > 0 and math.isfinite(value) else f"must be more than 0; got {value:g}"


#: Checks of option values, by ``dest``; each returns what is wrong, or None.
_VALUE_CHECKS: dict[str, Callable[[float], str | None]] = {
    "level": _between(0, 1),
    "interval": _between(0, 1),
    "target_rate": _target,
    "draws": _at_least(1),
    "horizon": _at_least(1),
    "window": _at_least(1),
    "seed": _at_least(0),
    "timeout": _positive,
}


def _check_path(parser: argparse.ArgumentParser, dest: str, value: str) -> str | None:
    """A folder option (metavar DIR) must not name a file, a file option not a folder."""
    action = next(a for a in parser._actions if a.dest == dest)
    option = max(action.option_strings, key=len)
    path = Path(value)
    if action.metavar == "DIR":
        if path.exists() and not path.is_dir():
            return f"{option}: {value} is a file; give a folder (it is made if it does not exist)"
        return None
    if path.is_dir():
        return f"{option}: {value} is a folder; give a file name"
    return None


def check_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse option values that cannot work, with a message naming the option.

    Raises
    ------
    UsageError
    """
    for dest, check in _VALUE_CHECKS.items():
        value = getattr(args, dest, None)
        option = option_for(parser, dest)
        if value is None or option is None or isinstance(value, bool):
            continue
        problem = check(float(value))
        if problem:
            raise UsageError(f"{option} {problem}")
    since, until = getattr(args, "since", None), getattr(args, "until", None)
    if since and until and pd.Timestamp(since) > pd.Timestamp(until):
        raise UsageError(f"--since {since} is after --until {until}; the selection would be empty")
    for dest in ("out", "quarantine"):
        value = getattr(args, dest, None)
        if value and option_for(parser, dest):
            problem = _check_path(parser, dest, value)
            if problem:
                raise UsageError(problem)


def check_columns(data, by: Sequence[str]) -> None:
    """``--by`` names columns the data has."""
    missing = [c for c in by if c not in data.events.columns]
    if missing:
        events = data.events
        known = ", ".join(
            c
            for c in events.columns
            if not c.endswith("_qual")
            and c not in ("source", "origin", "source_row")
            and not pd.api.types.is_numeric_dtype(events[c])
            and not pd.api.types.is_datetime64_any_dtype(events[c])
        )
        raise UsageError(
            f"--by: the data has no column {', '.join(map(repr, missing))}; "
            f"columns to group by include {known}"
        )


def check_canonical_ending(out: str | Path) -> None:
    """Refuse an ``--out`` whose ending names no canonical format, before anything loads."""
    from airdef.io.canonical import FORMATS as CANONICAL

    suffix = Path(out).suffix.lower()
    if not any(suffix in endings for endings in CANONICAL.values()):
        raise UsageError(
            f"--out: cannot tell the format from the ending {suffix or '(none)'} of {out}; "
            "use .csv, .parquet, .xlsx or .json"
        )
