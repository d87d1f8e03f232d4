"""The ``airdef`` command: thin wrappers that parse arguments, call the library and print.

Each subcommand lives in ``airdef/cli/<name>.py`` with ``add_parser(subparsers)``
(which sets ``func``) and is listed in :data:`COMMANDS`. A data problem prints one
line on stderr and exits with status 2; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from importlib import import_module

from airdef._version import __version__
from airdef.errors import DataError

__all__ = ["COMMANDS", "build_parser", "main"]

#: Subcommand modules, in the order ``airdef --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "validate",
    "load",
    "parse",
    "rates",
    "trend",
    "simulate",
    "fetch",
    "needs",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="airdef",
        description=(
            "Interception rates with honest confidence intervals, munition-need projections "
            "and analyst reports from public strike reports."
        ),
        epilog="Run 'airdef COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"airdef {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"airdef.cli.{name}").add_parser(sub)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings reach a person as one line, without the code location."""
    print(f"airdef: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    warnings.showwarning = _show_warning
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except (DataError, ValueError, FileNotFoundError) as exc:
        message = " ".join(str(exc).split())
        print(f"airdef {args.command}: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("airdef: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug, not a data problem: one line, the traceback on request
        if os.environ.get("AIRDEF_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(
            f"airdef {args.command}: internal error ({type(exc).__name__}): {message}; "
            "please report it (run with AIRDEF_DEBUG=1 for the details)",
            file=sys.stderr,
        )
        return 3
