"""Limits before reading: regular files only, a size limit, TOML size and nesting."""

from __future__ import annotations

import os
import time

import pytest

import airdef
from airdef import DataError
from airdef.io import limits
from airdef.io.limits import load_toml, read_limited
from airdef.needs.doctrine import load_doctrine


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_without_reading(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    start = time.perf_counter()
    with pytest.raises(DataError, match=f"^{device}: is a character device, not a regular file"):
        airdef.load(device)
    assert time.perf_counter() - start < 1.0


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match=r"pipe.csv: is a named pipe \(FIFO\)"):
        airdef.load(fifo)  # opening it would block forever


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    # A sparse file: 1 GB on paper, a few bytes on disk.
    big = tmp_path / "sparse.csv"
    with big.open("wb") as handle:
        handle.truncate(1024**3)
        handle.seek(1024**3)
        handle.write(b"tail\n")
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"sparse.csv: the file is 1.0 GB, over the limit of 512"):
        airdef.load(big)
    assert time.perf_counter() - start < 1.0
    small = tmp_path / "small.csv"
    small.write_bytes(b"x" * 100)
    with pytest.raises(DataError, match="over the limit of 50 bytes"):
        read_limited(small, max_bytes=50)


def test_missing_and_folder(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        airdef.load(tmp_path / "nope.csv")
    with pytest.raises(DataError, match="is a folder"):
        airdef.load(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000,  # arrays: RecursionError in the parser
        "x = " + "{a = " * 3000 + "1" + "}" * 3000,  # inline tables
        "a" + ".a" * 100_000 + " = 1",  # dotted keys: gigabytes in the parser
        "[" + ".".join(["t"] * 50_000) + "]",  # a table header
    ],
    ids=["arrays", "inline-tables", "dotted-keys", "table-header"],
)
def test_deep_toml_is_refused_quickly(tmp_path, text):
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(DataError, match="deep.toml: the file nests tables or lists deeper"):
        load_toml(path)
    with pytest.raises(DataError, match="deep.toml: the file nests"):
        load_doctrine(path)
    assert time.perf_counter() - start < 2.0


def test_toml_size_limit_and_valid_brackets_in_strings(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text("x = 1\n" * (limits.MAX_TOML_BYTES // 6 + 10), encoding="utf-8")
    with pytest.raises(DataError, match="big.toml: the file is 1.0 MB, over the limit"):
        load_toml(path)
    ok = tmp_path / "ok.toml"
    ok.write_text(
        'a = "[[[[[[[[[[[[[[[[[[[[[[["\n# [[[[[[[[[[[[[[[[[[[[[[[\n'
        "b = '''{{{{{{{{{{{{{{{{{{{{{{'''\nc = [1.5, 2.5, [3]]\n",
        encoding="utf-8",
    )
    assert load_toml(ok) == {"a": "[" * 23, "b": "{" * 22, "c": [1.5, 2.5, [3]]}


def test_the_bundled_doctrine_reads_through_the_limits():
    assert load_doctrine().currency == "USD"
