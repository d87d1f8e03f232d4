"""The weapon catalog: aliases, scripts, multi-model labels, classes."""

from __future__ import annotations

import pandas as pd
import pytest

from airdef import DataError
from airdef.catalog import WEAPON_CLASSES, load_catalog


@pytest.mark.parametrize(
    ("label", "weapon"),
    [
        ("X-101/X-555", "Kh-101/Kh-555"),  # Latin X for Cyrillic Х
        ("Х-101/Х-555", "Kh-101/Kh-555"),  # Cyrillic Х
        ("Kh-101/Kh-555", "Kh-101/Kh-555"),
        ("C-300/C-400", "S-300/S-400"),  # Latin C for Cyrillic С
        ("С-300", "S-300"),  # Cyrillic С
        ("Geran-2", "Shahed-136/131"),
        ("Герань-2", "Shahed-136/131"),
        ("shahed-131/136", "Shahed-136/131"),
        ("3M-14", "Kalibr"),
        ("9M723", "Iskander-M"),
        ("X-47 Kinzhal", "Kh-47M2 Kinzhal"),
        ("Iskander-M/KN-23", "Iskander-M/KN-23"),
        ("GBU", "KAB"),
        ("KAB", "KAB"),
        ("Молнія", "Molniya"),
        ("Intercontinental ballistic missile", "Intercontinental Ballistic Missile"),
        ("  Kalibr  ", "Kalibr"),
    ],
)
def test_aliases(label, weapon):
    assert load_catalog().resolve([label])["weapon"].iloc[0] == weapon


def test_combined_labels_keep_their_own_group():
    cat = load_catalog()
    for label in ("X-101/X-555", "Iskander-M/KN-23", "C-300/C-400", "X-59/X-69"):
        assert "+" not in cat.resolve([label])["weapon"].iloc[0]


def test_multi_model_rows_stay_one_row():
    out = load_catalog().resolve(
        [
            "X-101/X-555 and Kalibr and Iskander-K",
            "Iskander-K and X-101/X-555 and Kalibr",  # another order, same weapon
            "C-400 and Iskander-M",
            "Молнія and Lancet",
            "X-22/X-32",  # the 2025 spelling of "X-22 and X-32"
            "X-22 and X-32",
        ]
    )
    assert out["weapon"].tolist() == [
        "Kh-101/Kh-555 + Kalibr + Iskander-K",
        "Kh-101/Kh-555 + Kalibr + Iskander-K",
        "Iskander-M + S-400",
        "Lancet + Molniya",
        "Kh-22 + Kh-32",
        "Kh-22 + Kh-32",
    ]
    assert out["weapon_class"].tolist() == [
        "cruise_missile",
        "cruise_missile",
        "mixed",
        "strike_drone",
        "cruise_missile",
        "cruise_missile",
    ]


def test_classes_of_key_types():
    cat = load_catalog()
    assert cat.weapon_class("Kh-47M2 Kinzhal") == "ballistic_missile"  # aeroballistic
    assert cat.weapon_class("S-300") == "anti_aircraft_missile"
    assert cat.weapon_class("Orlan-10") == "recon_drone"
    assert cat.weapon_class("KAB") == "guided_bomb"
    assert set(cat.table["weapon_class"]) <= set(WEAPON_CLASSES)


def test_unknown_label():
    out = load_catalog().resolve(["Tu-95MS", "Kalibr and Mystery", None])
    assert out["known"].tolist() == [False, False, False]
    assert out["weapon_class"].tolist() == ["unknown"] * 3


def test_bad_catalog(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("weapon,weapon_class,aliases\nFoo,spaceship,Foo\n")
    with pytest.raises(DataError, match=r"row 2, column weapon_class: 'spaceship' is not one of"):
        load_catalog(path)
    path.write_text("weapon,weapon_class,aliases\nFoo,unknown,Bar\nBaz,unknown,Bar\n")
    with pytest.raises(DataError, match="alias 'Bar' names both 'Foo' and 'Baz'"):
        load_catalog(path)


def test_resolve_all_blank_labels():
    # Every label missing used to end in pyarrow.lib.ArrowInvalid (no label to infer from).
    resolved = load_catalog().resolve(pd.Series([None, None], dtype="string"))
    assert resolved["weapon"].isna().all()
    assert resolved["weapon_class"].tolist() == ["unknown", "unknown"]
    assert resolved["known"].tolist() == [False, False]
    assert len(load_catalog().resolve([])) == 0


def test_resolve_odd_labels_never_raise():
    odd = ["", "''", "-", "/", " and ", "\u202e", "x" * 10_000, "Шахед\u200f", "+"]
    resolved = load_catalog().resolve(odd)
    assert len(resolved) == len(odd)
    assert set(resolved["weapon_class"]) <= {"unknown", *load_catalog().table["weapon_class"]}
