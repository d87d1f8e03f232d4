"""The Kiel tracker loader: the column contract, a renamed column, a missing sheet."""

from __future__ import annotations

import pandas as pd
import pytest

from airdef import DataError
from airdef.needs.kiel import KIEL_SHEET, load_kiel

# A small workbook in the shape of the tracker's item-level sheet.
KIEL = pd.DataFrame(
    {
        "ID": ["1", "2", "3", "4"],
        "donor": ["Germany", "United States", "Germany", "Netherlands"],
        "announcement_date": ["2024-06-11", "2023-12-27", "2024-05-24", "2024-06-11"],
        "item": ["Patriot interceptors", "Stinger missiles", "Leopard 1 tanks", "IRIS-T missiles"],
        "quantity": ["100", "", "25", "-3"],
        "tot_sub_activity_value_EUR": ["", "230000000", "", ""],
    }
)


def test_kiel_workbook_gives_ledger_rows(tmp_path):
    path = tmp_path / "tracker.xlsx"
    KIEL.to_excel(path, sheet_name=KIEL_SHEET, index=False)
    out = load_kiel(path, today="2026-01-01")
    rows = out.ledger.rows
    assert rows["system"].tolist() == ["pac3_mse", "manpads"]
    assert rows["quantity"].tolist()[0] == 100 and pd.isna(rows["quantity"].iat[1])
    assert rows["currency"].tolist() == [pd.NA, "EUR"] or rows["currency"].iat[1] == "EUR"
    assert out.skipped == 1  # the tanks
    q = out.ledger.quarantine
    assert q["source_row"].tolist() == [5]  # the sheet's row 5 (header on row 1)
    assert "quantity is negative" in q["reason"].iat[0]


def test_kiel_release_that_renames_a_column_fails_clearly(tmp_path):
    path = tmp_path / "tracker.xlsx"
    KIEL.rename(columns={"item": "Item description"}).to_excel(
        path, sheet_name=KIEL_SHEET, index=False
    )
    with pytest.raises(
        DataError, match=r"lacks the column\(s\) item \(for interceptor\).*columns="
    ):
        load_kiel(path)
    out = load_kiel(path, columns={"interceptor": "Item description"}, today="2026-01-01")
    assert len(out.ledger.rows) == 2


def test_kiel_missing_sheet_and_not_a_workbook(tmp_path):
    path = tmp_path / "tracker.xlsx"
    KIEL.to_excel(path, sheet_name="Other", index=False)
    with pytest.raises(DataError, match="no sheet 'Bilateral Assistance, MAIN DATA'"):
        load_kiel(path)
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(DataError, match="not an Excel workbook"):
        load_kiel(bad)
