"""Limits checked before and while reading an input, so that no file can hang airdef or
exhaust its memory.

* :func:`read_limited` stats a path first: only regular files are read (a FIFO, a device
  such as ``/dev/zero`` or a socket is refused before it is opened), and a file larger
  than :data:`MAX_FILE_BYTES` is refused without reading it.
* :func:`load_toml` reads a configuration file of at most :data:`MAX_TOML_BYTES` whose
  tables and arrays nest at most :data:`MAX_TOML_DEPTH` deep.
* :data:`MAX_FIELD_CHARS`, :data:`MAX_COLUMNS`, :data:`MAX_ROWS` and
  :data:`MAX_UNPACKED_BYTES` bound one cell, the width and length of a table, and what a
  zipped workbook may unpack to.

Every refusal is a :class:`~airdef.errors.DataError` whose message names the file.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from airdef.errors import DataError

__all__ = [
    "MAX_COLUMNS",
    "MAX_FIELD_CHARS",
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_ROWS",
    "MAX_TOML_BYTES",
    "MAX_TOML_DEPTH",
    "MAX_UNPACKED_BYTES",
    "check_depth",
    "load_toml",
    "parse_toml",
    "read_limited",
]

#: Largest input file read, in bytes (the 2026 Air Force snapshot is about 3 MB;
#: a million canonical rows take about 150 MB).
MAX_FILE_BYTES = 512 * 1024**2

#: Largest total a zipped input (an Excel workbook) may unpack to.
MAX_UNPACKED_BYTES = 1024**3

#: Longest text of one cell; a row with a longer one is quarantined.
MAX_FIELD_CHARS = 100_000

#: Most columns a table may have (airdef's widest table has 22).
MAX_COLUMNS = 1_000

#: Most rows one table may have.
MAX_ROWS = 5_000_000

#: Deepest nesting of arrays and objects in a JSON input.
MAX_JSON_DEPTH = 32

#: Largest configuration file (doctrine, claims), in bytes.
MAX_TOML_BYTES = 1024**2

#: Deepest nesting of tables and arrays in a configuration file.
MAX_TOML_DEPTH = 16


def _human(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:,.1f} {unit}"
    return f"{n:,} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_limited(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole regular file of at most ``max_bytes`` bytes.

    Parameters
    ----------
    path : str or Path
    max_bytes : int
        The size limit.

    Returns
    -------
    bytes

    Raises
    ------
    DataError
        When the path is missing, a folder, not a regular file, larger than the
        limit, or unreadable. Nothing is read from a refused path.

    Examples
    --------
    >>> read_limited("/dev/zero")
    Traceback (most recent call last):
    ...
    airdef.errors.DataError: /dev/zero: is a character device, not a regular file; airdef reads only regular files
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{name}: no such file") from None
    except OSError as exc:
        raise DataError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(
            f"{name}: is {_kind(info.st_mode)}, not a regular file; airdef reads only regular files"
        )
    if info.st_size > max_bytes:
        raise DataError(
            f"{name}: the file is {_human(info.st_size)}, over the limit of {_human(max_bytes)}"
        )
    try:
        with open(path, "rb") as handle:
            # Read what stat promised; a file that keeps going is read in chunks, to the limit.
            parts = [handle.read(info.st_size + 1)]
            size = len(parts[0])
            while size > info.st_size and size <= max_bytes:
                chunk = handle.read(1 << 20)
                if not chunk:
                    break
                parts.append(chunk)
                size += len(chunk)
            data = b"".join(parts) if len(parts) > 1 else parts[0]
    except OSError as exc:
        raise DataError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # the file grew while it was read
        raise DataError(f"{name}: the file is over the limit of {_human(max_bytes)}")
    return data


def check_depth(value: Any, *, max_depth: int, name: str, what: str = "the file") -> None:
    """Refuse a parsed document whose lists and dicts nest deeper than ``max_depth``.

    The walk uses an explicit stack, so it cannot itself overflow.

    Examples
    --------
    >>> check_depth({"a": [[1]]}, max_depth=2, name="x.toml")
    Traceback (most recent call last):
    ...
    airdef.errors.DataError: x.toml: the file nests tables or lists deeper than the limit of 2
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth + 1 > max_depth:
            raise DataError(
                f"{name}: {what} nests tables or lists deeper than the limit of {max_depth}"
            )
        stack.extend((child, depth + 1) for child in children)


def load_toml(
    path: str | Path,
    *,
    max_bytes: int = MAX_TOML_BYTES,
    max_depth: int = MAX_TOML_DEPTH,
) -> dict[str, Any]:
    """Parse a TOML configuration file within size and depth limits.

    Parameters
    ----------
    path : str or Path
    max_bytes : int
        The largest file accepted.
    max_depth : int
        The deepest nesting of tables and arrays accepted.

    Returns
    -------
    dict

    Raises
    ------
    DataError
        For a file that is missing, not regular, too large, not UTF-8, not valid
        TOML, or nested too deep; the message names the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "d.toml"
    >>> _ = p.write_text("[doctrine]\\nshots = 2\\n")
    >>> load_toml(p)
    {'doctrine': {'shots': 2}}
    >>> _ = p.write_text("x = " + "[" * 100 + "]" * 100)
    >>> load_toml(p)
    Traceback (most recent call last):
    ...
    airdef.errors.DataError: ...d.toml: the file nests tables or lists deeper than the limit of 16
    """
    name = str(path)
    raw = read_limited(path, max_bytes=max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{name}: line {line}: the file is not valid UTF-8") from None
    return parse_toml(text, name, max_depth=max_depth)


def parse_toml(text: str, name: str, *, max_depth: int = MAX_TOML_DEPTH) -> dict[str, Any]:
    """Parse TOML text (already read) with the depth limit of :func:`load_toml`.

    Examples
    --------
    >>> parse_toml("a.b = 1", "inline.toml")
    {'a': {'b': 1}}
    """
    if len(text) > MAX_TOML_BYTES:
        raise DataError(f"{name}: the file is over the limit of {_human(MAX_TOML_BYTES)}")
    _precheck_nesting(text, name, max_depth)
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{name}: not valid TOML: {exc}") from None
    except RecursionError:
        raise DataError(
            f"{name}: the file nests tables or lists deeper than the limit of {max_depth}"
        ) from None
    check_depth(parsed, max_depth=max_depth, name=name)
    return parsed


def _precheck_nesting(text: str, name: str, max_depth: int) -> None:
    """Refuse nesting past the limit before the recursive parser sees it.

    Counts open brackets and the dots of dotted keys (``a.b.c = 1`` nests three
    tables), skipping strings and comments. The count is an upper bound with a
    little slack for the dot of a float; the exact depth is checked after parsing.
    """
    depth = 0
    dots = 0
    in_value = False
    i = 0
    n = len(text)
    limit = max_depth + 2
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if ch in "\"'":
            triple = text.startswith(ch * 3, i)
            end_mark = ch * 3 if triple else ch
            j = i + len(end_mark)
            while True:
                k = text.find(end_mark, j)
                if k < 0:
                    return  # unterminated: the parser reports it
                if ch == '"':
                    run = len(text[j:k]) - len(text[j:k].rstrip("\\"))
                    if run % 2:
                        j = k + 1
                        continue
                break
            i = k + len(end_mark)
            continue
        if ch in "[{":
            depth += 1
            dots = 0
            in_value = in_value and ch == "["
        elif ch in "]}":
            depth = max(depth - 1, 0)
        elif ch == "\n":
            dots = 0
            in_value = False
        elif ch == ",":
            dots = 0
            in_value = False
        elif ch == "=":
            in_value = True
            dots = 0
        elif ch == "." and not in_value:
            dots += 1
        if depth + dots > limit:
            raise DataError(
                f"{name}: the file nests tables or lists deeper than the limit of {max_depth}"
            )
        i += 1
