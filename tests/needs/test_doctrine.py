"""Doctrine files: the bundled one is complete and sourced; every malformed case has its message."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

import airdef
from airdef import DataError
from airdef.catalog import WEAPON_CLASSES
from airdef.needs.doctrine import load_doctrine

ROOT = Path(__file__).resolve().parents[2]

VALID = """
currency = "USD"

[systems.sam]
name = "SAM"
unit_cost = 1000
cost_year = 2024
cost_source = "illustrative assumption, no public source"

[systems.gun]
name = "Gun"
unit_cost = 10
cost_year = 2024
cost_source = "illustrative assumption, no public source"

[classes.cruise_missile]
[[classes.cruise_missile.systems]]
system = "sam"
share = 0.5
shots = 2
source = "illustrative assumption, no public source"

[[classes.cruise_missile.systems]]
system = "gun"
share = 0.3
shots = 1
source = "illustrative assumption, no public source"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doctrine.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the bundled doctrine --------------------------------------------------------------------


def test_bundled_doctrine_loads_and_is_complete():
    doc = load_doctrine()
    assert doc.path == "airdef/data/doctrine.toml"
    assert doc.currency == "USD"
    names = set(doc.systems["name"])
    for expected in ("Patriot PAC-3 MSE", "Patriot PAC-2 GEM-T", "SAMP/T (Aster 30)", "IRIS-T SLM"):
        assert expected in names
    assert len(doc.systems) >= 10
    assert set(doc.classes["weapon_class"]) <= set(WEAPON_CLASSES)
    # shares per class, with electronic warfare, never above 1
    assert ((doc.classes["engaged_share"] + doc.classes["ew_share"]) <= 1 + 1e-9).all()
    assert (doc.systems["unit_cost"] >= 0).all()


def test_every_number_of_the_bundled_doctrine_names_its_source():
    doc = load_doctrine()
    sourced = re.compile(
        r"illustrative assumption, no public source|https?://|\(\w[^)]*\d{4}\)|\d{4}"
    )
    for s in doc.systems.itertuples(index=False):
        assert sourced.search(s.cost_source), s.name
        if not math.isnan(s.inventory):
            assert "illustrative assumption" in s.inventory_source, s.name
    for e in doc.engagements.itertuples(index=False):
        assert e.source.strip(), (e.weapon_class, e.name)
    for c in doc.classes.itertuples(index=False):
        if c.ew_share > 0:
            assert c.ew_source.strip()
    lines = doc.assumptions()
    assert lines[0].endswith("every number below is an assumption, not a fact.")
    assert all("source:" in line for line in lines if " per shot " in line or " engages " in line)


def test_data_folder_links_to_the_bundled_doctrine():
    link = ROOT / "data" / "doctrine.toml"
    assert link.is_symlink()
    assert link.resolve() == (ROOT / "airdef" / "data" / "doctrine.toml").resolve()
    # the same doctrine through either path
    assert load_doctrine(link).engagements.equals(load_doctrine().engagements)


def test_valid_minimal_doctrine(tmp_path):
    doc = airdef.load_doctrine(write(tmp_path, VALID))
    assert doc.engagements["name"].tolist() == ["SAM", "Gun"]
    assert doc.engagements["looks"].tolist() == [1, 1]
    row = doc.classes.iloc[0]
    assert row["engaged_share"] == pytest.approx(0.8)
    assert row["unengaged_share"] == pytest.approx(0.2)


# --- malformed doctrines -------------------------------------------------------------------------


def replace(old: str, new: str, count: int = 1) -> str:
    assert old in VALID
    return VALID.replace(old, new, count)


MALFORMED = [
    # (what is wrong, the text, the message that must appear)
    (
        "TOML syntax error",
        VALID.replace('name = "SAM"', 'name = "SAM'),
        r"doctrine\.toml: not valid TOML: .*line",
    ),
    (
        "unknown threat class",
        VALID.replace("cruise_missile", "cruise_misile"),
        r"doctrine\.toml: classes\.cruise_misile: unknown threat class; valid classes are "
        r"strike_drone, recon_drone",
    ),
    (
        "shares above 1",
        replace("share = 0.3", "share = 0.3\n")
        + '\n[[classes.cruise_missile.systems]]\nsystem = "gun2"\nshare = 0.5\nshots = 1\n'
        'source = "x"\n'
        + '\n[systems.gun2]\nname = "Gun 2"\nunit_cost = 1\ncost_year = 2024\ncost_source = "x"\n',
        r"doctrine\.toml: classes\.cruise_missile\.systems\[2\]\.share: shares for cruise_missile "
        r"sum to 1\.30, above 1",
    ),
    (
        "shares above 1 with electronic warfare",
        replace(
            "[classes.cruise_missile]\n",
            '[classes.cruise_missile]\new_share = 0.4\new_source = "x"\n',
        ),
        r"classes\.cruise_missile\.systems\[1\]\.share: shares for cruise_missile sum to 1\.20 "
        r"\(with ew_share 0\.40\), above 1",
    ),
    (
        "a share outside [0, 1]",
        replace("share = 0.5", "share = 1.5"),
        r"classes\.cruise_missile\.systems\[0\]\.share: must be a share in \[0, 1\], not 1\.5",
    ),
    (
        "negative cost",
        replace("unit_cost = 1000", "unit_cost = -5"),
        r"doctrine\.toml: systems\.sam\.unit_cost: must not be negative, not -5",
    ),
    (
        "missing key",
        replace("cost_year = 2024\n", ""),
        r"doctrine\.toml: systems\.sam\.cost_year: missing",
    ),
    (
        "missing source of an engagement",
        replace('shots = 2\nsource = "illustrative assumption, no public source"\n', "shots = 2\n"),
        r"classes\.cruise_missile\.systems\[0\]\.source: missing",
    ),
    (
        "wrong type",
        replace("shots = 2", 'shots = "two"'),
        r"classes\.cruise_missile\.systems\[0\]\.shots: must be a whole number, not text 'two'",
    ),
    (
        "a fractional shot count",
        replace("shots = 2", "shots = 1.5"),
        r"systems\[0\]\.shots: must be a whole number, not a number 1\.5",
    ),
    (
        "zero shots",
        replace("shots = 2", "shots = 0"),
        r"systems\[0\]\.shots: must be at least 1, not 0",
    ),
    (
        "unknown system",
        replace('system = "sam"', 'system = "patriot"'),
        r"classes\.cruise_missile\.systems\[0\]\.system: 'patriot' is not a system of this "
        r"doctrine; known systems are sam, gun",
    ),
    (
        "unknown key (a typo)",
        replace("shots = 2", "shots = 2\nshot_cost = 3"),
        r"classes\.cruise_missile\.systems\[0\]\.shot_cost: unknown key; valid keys are",
    ),
    (
        "unknown top-level key",
        "curency = 'USD'\n" + VALID,
        r"doctrine\.toml: curency: unknown key",
    ),
    (
        "missing currency",
        VALID.replace('currency = "USD"', ""),
        r"doctrine\.toml: currency: missing",
    ),
    (
        "a system listed twice",
        replace('system = "gun"', 'system = "sam"'),
        r"systems\[1\]\.system: 'sam' is listed twice for cruise_missile",
    ),
    (
        "inventory without its source",
        replace("unit_cost = 10\n", "unit_cost = 10\ninventory = 50\n"),
        r"systems\.gun\.inventory_source: missing \(required with inventory\)",
    ),
    (
        "pk_prior for only some systems",
        replace("shots = 2\n", "shots = 2\npk_prior = 0.8\n"),
        r"classes\.cruise_missile\.systems\[1\]\.pk_prior: missing: give pk_prior for every system "
        r"of cruise_missile or for none",
    ),
    (
        "electronic warfare without its source",
        replace("[classes.cruise_missile]\n", "[classes.cruise_missile]\new_share = 0.1\n"),
        r"classes\.cruise_missile\.ew_source: missing \(required with ew_share\)",
    ),
    (
        "a boolean where a number belongs",
        replace("unit_cost = 1000", "unit_cost = true"),
        r"systems\.sam\.unit_cost: must be a number, not true/false True",
    ),
]


@pytest.mark.parametrize(("case", "text", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_doctrine(tmp_path, case, text, message):
    path = write(tmp_path, text)
    with pytest.raises(DataError, match=message) as info:
        load_doctrine(path)
    assert "\n" not in str(info.value)  # one line
    assert str(info.value).startswith(str(path))  # names the file


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"nowhere\.toml: no such file"):
        load_doctrine(tmp_path / "nowhere.toml")
