"""Where the text of a PDF lies on its pages, measured with pypdfium2 (for layout tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
#: The page margins of report.css (@page margin: 20mm 17mm 18mm 17mm), in points.
TOP, RIGHT, BOTTOM, LEFT = 20 * MM, 17 * MM, 18 * MM, 17 * MM


@dataclass(frozen=True)
class PageLayout:
    number: int
    width: float
    height: float
    left: float  # leftmost character edge, points from the page's left edge
    right: float  # rightmost character edge
    fill: float  # share of the body's height down to its lowest character
    text: str

    def outside(self, tolerance: float = 3.0) -> bool:
        """True when some text lies beyond the left or right page margin."""
        return self.left < LEFT - tolerance or self.right > self.width - RIGHT + tolerance


def page_layouts(path: Path) -> list[PageLayout]:
    """One :class:`PageLayout` per page of the PDF at ``path``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            width, height = page.get_size()
            textpage = page.get_textpage()
            boxes = [textpage.get_charbox(k) for k in range(textpage.count_chars())]
            boxes = [b for b in boxes if b[2] > b[0]]  # drop empty boxes (spaces, breaks)
            body = [b for b in boxes if BOTTOM < b[1] and b[3] < height - TOP]
            low = min((b[1] for b in body), default=height - TOP)
            out.append(
                PageLayout(
                    number=i + 1,
                    width=width,
                    height=height,
                    left=min((b[0] for b in boxes), default=LEFT),
                    right=max((b[2] for b in boxes), default=0.0),
                    fill=(height - TOP - low) / (height - TOP - BOTTOM),
                    text=" ".join(textpage.get_text_range().split())[:60],
                )
            )
    finally:
        pdf.close()
    return out
