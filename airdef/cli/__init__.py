"""The ``airdef`` command: thin wrappers that parse arguments, call the library and print.

Each subcommand lives in ``airdef/cli/<name>.py`` with ``add_parser(subparsers)``
(which sets ``func``) and is listed in :data:`COMMANDS`.

Exit status: 0 on success; 2, with one line on stderr, for a mistake of the person
running it (an option value that cannot work, after the command's usage; a file
that cannot be read or written; a data problem, :class:`~airdef.errors.DataError`);
3 for a bug in airdef (one line; ``AIRDEF_DEBUG=1`` shows the traceback); 130 when
interrupted. No traceback reaches the user otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from importlib import import_module

from airdef._version import __version__
from airdef.cli._checks import UsageError, check_args, option_message
from airdef.errors import DataError

__all__ = ["COMMANDS", "build_parser", "main"]

#: Subcommand modules, in the order ``airdef --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "validate",
    "load",
    "parse",
    "rates",
    "trend",
    "compare",
    "simulate",
    "fetch",
    "needs",
    "report",
)

#: An example for the commands whose module gives none in its epilog.
_EXAMPLES: dict[str, str] = {
    "needs": "Example: airdef needs data/raw/missile_attacks_daily.csv --horizon 30 "
    "--target-rate 0.9",
    "parse": "Example: airdef parse statements.txt --published 2025-07-04",
}


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own and keeps indented lines
    (the examples) whole; ``Example: airdef ...`` becomes a heading and an indented line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for line in text.splitlines():
            head, sep, rest = line.partition(": airdef ")
            if sep and head in ("Example", "Examples"):
                lines += [f"{head}:", f"  airdef {rest}"]
            else:
                lines.append(line)
        return "\n".join(
            indent + line
            if line.startswith(" ")
            else super(_HelpFormatter, self)._fill_text(line, width, indent)
            for line in lines
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered.

    Every subcommand gets ``-q/--quiet`` if its module did not add one, the shared
    help layout, and an example in its epilog.
    """
    parser = argparse.ArgumentParser(
        prog="airdef",
        description=(
            "Interception rates with honest confidence intervals, munition-need projections "
            "and analyst reports from public strike reports."
        ),
        epilog="Run 'airdef COMMAND --help' for the options and an example of a command.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"airdef {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for name in COMMANDS:
        import_module(f"airdef.cli.{name}").add_parser(sub)
        p = sub.choices[name]
        p.formatter_class = _HelpFormatter
        if not p.epilog and name in _EXAMPLES:
            p.epilog = _EXAMPLES[name]
        if not any(a.dest == "quiet" for a in p._actions):
            p.add_argument(
                "-q", "--quiet", action="store_true", help="no warnings and no progress on stderr"
            )
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings reach a person as one line, without the code location."""
    print(f"airdef: warning: {' '.join(str(message).split())}", file=sys.stderr)


def _no_warning(*args, **kwargs) -> None:
    """Warnings under ``--quiet``."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """The command's usage and one line naming the option, as argparse prints its own."""
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: {_one_line(message)}", file=sys.stderr)
    return 2


def _os_message(exc: OSError) -> str:
    """``PATH: what is wrong`` for an operating-system error, without the errno."""
    what = exc.strerror or _one_line(exc) or type(exc).__name__
    what = what[0].lower() + what[1:] if what else what
    return f"{exc.filename}: {what}" if exc.filename else what


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        command = getattr(args, "command", None)
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        sub = commands.choices.get(command) if command else None
        if extra:
            (sub or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse has printed the usage and one line, or the help
        return int(exc.code or 0)
    if sub is None:
        parser.print_help()
        return 0
    quiet = bool(getattr(args, "quiet", False))
    warnings.showwarning = _no_warning if quiet else _show_warning
    if quiet and getattr(args, "progress", False) is None:
        args.progress = False
    if not quiet:
        for note in getattr(args, "deprecations", None) or []:
            print(f"{sub.prog}: note: {note}", file=sys.stderr)
    try:
        check_args(sub, args)
        return int(args.func(args) or 0)
    except UsageError as exc:
        return _usage_error(sub, str(exc))
    except DataError as exc:
        print(f"{sub.prog}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file that cannot be read or written, a network failure
        if isinstance(exc, BrokenPipeError):  # e.g. piped into `head`
            sys.stderr.close()
            return 0
        print(f"{sub.prog}: error: {_one_line(_os_message(exc))}", file=sys.stderr)
        return 2
    except ValueError as exc:  # about an option when it names one, else a bug
        message = option_message(sub, _one_line(exc))
        if message is not None:
            return _usage_error(sub, message)
        return _internal_error(sub, exc)
    except KeyboardInterrupt:
        print("airdef: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not a data problem: one line, the traceback on request
        return _internal_error(sub, exc)


def _internal_error(sub: argparse.ArgumentParser, exc: Exception) -> int:
    if os.environ.get("AIRDEF_DEBUG"):
        raise exc
    message = _one_line(exc) or type(exc).__name__
    print(
        f"{sub.prog}: internal error ({type(exc).__name__}): {message}; "
        "please report it (run with AIRDEF_DEBUG=1 for the details)",
        file=sys.stderr,
    )
    return 3
