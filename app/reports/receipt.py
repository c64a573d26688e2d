"""The acknowledgement receipt (受理回执): half a page handed to the customer at intake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from app.reports.data import ReceiptData
from app.reports.pdf import PAPER, EmbeddedFontCanvas, label_table, letterhead_flowables, para


def build_receipt(data: ReceiptData, path: Path) -> Path:
    """Writes the receipt (A5, landscape: half an A4 sheet) to `path`."""
    page_width, _ = PAPER["A5"]
    usable = page_width - 30 * mm
    table = label_table(list(data.rows), usable, 0.25)
    story: list[Any] = [*letterhead_flowables(data.letterhead), para(data.title, "title"), table]
    if data.note:
        story += [Spacer(1, 3 * mm), para(data.note, "small")]
    document = SimpleDocTemplate(str(path), pagesize=PAPER["A5"], title=data.title,
                                 leftMargin=15 * mm, rightMargin=15 * mm, topMargin=10 * mm,
                                 bottomMargin=10 * mm)
    document.build(story, canvasmaker=EmbeddedFontCanvas)
    return path
