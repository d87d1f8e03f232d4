"""Every PDF table inside the page box, and no near-empty pages, measured on the real data.

The full reports on both snapshots are checked by ``test_real_snapshot_report`` (it builds
them anyway); here a ``--since`` window with a target rate, and the measurement itself.
"""

from __future__ import annotations

import pytest

from airdef.report import build_report
from tests.report.layout import page_layouts

#: A page other than the last whose body is filled less than this is near-empty.
MIN_FILL = 0.15


def check_layout(pdf) -> None:
    pages = page_layouts(pdf)
    outside = [(p.number, round(p.left), round(p.right), p.text) for p in pages if p.outside()]
    assert outside == [], f"text beyond the page margins: {outside}"
    empty = [(p.number, round(p.fill, 2), p.text) for p in pages[:-1] if p.fill < MIN_FILL]
    assert empty == [], f"near-empty pages: {empty}"


@pytest.fixture
def epoch_zero(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")


def test_since_window_pdf_fits_its_pages(newest_snapshot, tmp_path, epoch_zero):
    files = build_report(newest_snapshot, tmp_path, formats="pdf", since="2025-01-01",
                         target_rate=0.9)  # fmt: skip
    check_layout(files[0])


def test_layout_check_sees_an_overflowing_table(tmp_path):
    """The measurement itself: a table wider than the page is caught."""
    from airdef.report.render import write_pdf

    cells = "".join(f"<td>{'W' * 12}</td>" for _ in range(14))
    html = f"<html><body><table><tr>{cells}</tr></table><p>x</p></body></html>"
    pages = page_layouts(write_pdf(html, tmp_path / "wide.pdf"))
    assert pages[0].outside()
