"""The supply ledger and the Kiel tracker loader: nothing lost, blank unknown, clear reasons."""

from __future__ import annotations

import pandas as pd
import pytest

from airdef import DataError
from airdef.needs.ledger import LEDGER_COLUMNS, load_ledger, write_ledger

HEADER = ",".join(LEDGER_COLUMNS)
GOOD = "2024-06-11,Germany,pac3_mse,Patriot,100,exact,,,,2024-06-11,2024-07-31,Pistorius,https://example.org/a,"


def _write(tmp_path, *lines, name="ledger.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_bundled_ledger_starts_with_the_seed_package_and_cites_every_row():
    ledger = load_ledger()
    assert len(ledger.quarantine) == 0
    first = ledger.rows.iloc[0]
    # The seed article (2024-01-23): "a $250 million package ... Stinger anti-aircraft missiles"
    assert str(first["announced"].date()) == "2023-12-27"
    assert first["value"] == 250_000_000 and first["currency"] == "USD"
    assert first["value_scope"] == "package"
    assert pd.isna(first["quantity"])  # not stated: unknown, not zero
    assert ledger.rows["url"].str.startswith("https://").all()
    assert ledger.rows["source"].str.len().gt(10).all()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (GOOD.replace(",100,", ",-5,"), "quantity is negative: -5"),
        (GOOD.replace("pac3_mse", "thor"), "unknown system 'thor'; valid systems are"),
        (GOOD.replace("2024-06-11,Germany", "2099-01-01,Germany"), "announced is in the future"),
        (GOOD.replace(",exact,,,,", ",exact,5000000,,,"), "value is given without a currency"),
        (GOOD.replace(",exact,,,,", ",exact,5e6,usd,,"), "currency must be a three-letter ISO"),
        (GOOD.replace(",exact,", ",roughly,"), "quantity_qualifier must be one of"),
        (GOOD.replace(",100,exact,", ",,exact,"), "quantity_qualifier is given but the quantity"),
        (GOOD.replace("2024-07-31", "2024-05-01"), "delivery_end is before delivery_start"),
        (GOOD.replace("https://example.org/a", "example.org"), "url must start with http"),
        (GOOD.replace("2024-06-11,Germany", "11/06/2024,Germany"), "announced is not a date"),
        (GOOD.replace(",100,", ",2.5,"), "quantity is not a whole number"),
        (GOOD.replace(",Pistorius,", ",,"), "source is blank"),
        (GOOD.replace(",exact,,,,", ",exact,-1,EUR,,"), "value is negative"),
        (GOOD.replace(",exact,,,,", ",exact,1,EUR,whole,"), "value_scope must be item or package"),
    ],
)
def test_bad_rows_are_quarantined_with_their_reason(tmp_path, line, reason):
    ledger = load_ledger(_write(tmp_path, GOOD, line), today="2026-01-01")
    assert len(ledger.rows) == 1 and len(ledger.quarantine) == 1  # nothing lost
    q = ledger.quarantine.iloc[0]
    assert q["source_row"] == 3
    assert reason in q["reason"]


def test_ragged_rows_are_quarantined_too(tmp_path):
    ledger = load_ledger(_write(tmp_path, GOOD, "2024-06-11,Germany"), today="2026-01-01")
    assert len(ledger.rows) + len(ledger.quarantine) == 2


def test_blank_quantity_and_value_stay_unknown(tmp_path):
    line = "2023-12-27,United States,manpads,Stinger,,,,,,,,DoD,https://example.org/b,"
    row = load_ledger(_write(tmp_path, line), today="2026-01-01").rows.iloc[0]
    assert pd.isna(row["quantity"]) and pd.isna(row["value"])
    assert pd.isna(row["quantity_qualifier"]) and pd.isna(row["delivery_start"])


def test_a_header_without_a_required_column_is_one_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("announced,donor\n2024-01-01,Germany\n")
    with pytest.raises(DataError, match=r"x.csv: line 1: the header lacks the column\(s\) system"):
        load_ledger(path)


def test_missing_and_huge_files(tmp_path, monkeypatch):
    with pytest.raises(DataError, match="no such file"):
        load_ledger(tmp_path / "nope.csv")
    import airdef.needs.ledger as mod

    monkeypatch.setattr(mod, "MAX_BYTES", 10)
    with pytest.raises(DataError, match="too large"):
        load_ledger(_write(tmp_path, GOOD))


@pytest.mark.parametrize(
    ("donor", "quantity", "value", "notes"),
    [
        ("Germany", 100, None, None),
        ("a,b;c|d", 0, 0.0, "0"),  # delimiters; zeros stay zeros
        ('say "hi"', None, 1.5, "'"),  # quotes
        ("=SUM(A1)", 7, 250_000_000.0, "+1"),  # formula starters are escaped and restored
        ("Україна", 100_000, 1e10, "ї"),  # the largest count a row may hold
        ("x", None, None, "line"),
    ],
)
def test_round_trip_is_lossless(tmp_path, donor, quantity, value, notes):
    rows = pd.DataFrame(
        {
            "announced": [pd.Timestamp("2024-06-11")],
            "donor": [donor],
            "system": ["manpads"],
            "interceptor": ["=Stinger"],  # formula-like text survives the escaping
            "quantity": pd.array([quantity], dtype="Int64"),
            "quantity_qualifier": pd.array(
                [None if quantity is None else "at_least"], dtype="string"
            ),
            "value": pd.array([value], dtype="Float64"),
            "currency": [None if value is None else "USD"],
            "value_scope": [None if value is None else "item"],
            "delivery_start": [pd.NaT],
            "delivery_end": [pd.NaT],
            "source": ["A source"],
            "url": ["https://example.org/c"],
            "notes": [notes],
        }
    )
    folder = tmp_path
    first = load_ledger(write_ledger(rows, folder / "a.csv"), today="2026-01-01")
    assert len(first.quarantine) == 0, first.quarantine["reason"].tolist()
    again = load_ledger(write_ledger(first, folder / "b.csv"), today="2026-01-01")
    pd.testing.assert_frame_equal(first.rows, again.rows)
    assert first.rows["donor"].iat[0] == donor and first.rows["interceptor"].iat[0] == "=Stinger"
    if value is not None:
        assert float(first.rows["value"].iat[0]) == value
