"""Reading annotation and disagreement files."""

from __future__ import annotations

import json

import pytest

from airdef.errors import DataError
from airdef.samples.build import disagreement_table
from airdef.samples.corpus import read_disagreements, read_reports


def write(tmp_path, name, payload):
    path = tmp_path / name
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def item(**changes):
    base = {
        "id": "a",
        "source_url": "https://example.org/a",
        "published": "2023-05-16",
        "text": "All 18 missiles were shot down.",
        "checked": True,
        "expected": {
            "date": "2023-05-16",
            "casualties": [],
            "weapons": [
                {
                    "weapon": "missiles",
                    "class": "unknown",
                    "launched": 18,
                    "launched_qualifier": "exact",
                    "intercepted": 18,
                    "intercepted_qualifier": "exact",
                    "suppressed": None,
                    "part_of": None,
                }
            ],
        },
    }
    base.update(changes)
    return base


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": ""}, r"item 1: field id: missing"),
        ({"published": "16.05.2023"}, r"field published: '16.05.2023' is not a date"),
        (
            {"expected": {"date": "2023-05-16", "weapons": [{"weapon": "x", "class": "rocket"}]}},
            r"weapon 1: field class: 'rocket' is not one of",
        ),
        (
            {
                "expected": {
                    "date": "2023-05-16",
                    "weapons": [
                        {
                            "weapon": "x",
                            "class": "drone",
                            "launched": 3,
                            "launched_qualifier": "some",
                        }
                    ],
                }
            },
            r"field launched_qualifier: 'some' is not one of exact",
        ),
        (
            {
                "expected": {
                    "date": "2023-05-16",
                    "weapons": [{"weapon": "x", "class": "drone", "part_of": "y"}],
                }
            },
            r"field part_of: 'y' names no other group",
        ),
    ],
)
def test_bad_items_are_named(tmp_path, change, message):
    path = write(tmp_path, "reports_bad.json", [item(**change)])
    with pytest.raises(DataError, match=message):
        read_reports(path)


def test_repeated_ids_are_refused(tmp_path):
    path = write(tmp_path, "reports_twice.json", [item(), item()])
    with pytest.raises(DataError, match=r"item 2 \(a\): field id: repeated"):
        read_reports(path)


def test_disagreement_figures_keyed_by_url_or_listed(tmp_path):
    keyed = {
        "date": "2022-11-23",
        "class": "cruise",
        "explanation": "later correction",
        "figures": {"https://a.example/1": {"launched": 67, "intercepted": 51}},
    }
    listed = {
        "date": "2022-11-23",
        "class": "cruise",
        "explanation": "later correction",
        "figures": [{"url": "https://b.example/2", "launched": 70, "intercepted": 51}],
    }
    rows = read_disagreements(write(tmp_path, "disagreements_x.json", [keyed, listed]))
    table = disagreement_table(rows)
    assert table[["source", "launched", "intercepted"]].values.tolist() == [
        ["https://a.example/1", "67", "51"],
        ["https://b.example/2", "70", "51"],
    ]
    assert table["compared_with"].eq("sources").all()


def test_disagreement_without_explanation_is_refused(tmp_path):
    path = write(
        tmp_path,
        "disagreements_y.json",
        [{"date": "2022-11-23", "class": "cruise", "figures": {}, "explanation": ""}],
    )
    with pytest.raises(DataError, match="field explanation: missing"):
        read_disagreements(path)
