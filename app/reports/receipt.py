"""The acknowledgement receipt (受理回执): half a page handed to the customer at intake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from app.reports.data import ReceiptData
from app.reports.pdf import PAPER, EmbeddedFontCanvas, letterhead_flowables, para


def build_receipt(data: ReceiptData, path: Path) -> Path:
    """Writes the receipt (A5, landscape: half an A4 sheet) to `path`."""
    page_width, _ = PAPER["A5"]
    usable = page_width - 30 * mm
    rows = [[para(label, "cell"), para(value, "cell")] for label, value in data.rows]
    table = Table(rows, colWidths=[usable * 0.25, usable * 0.75])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story: list[Any] = [*letterhead_flowables(data.letterhead), para(data.title, "title"), table]
    if data.note:
        story += [Spacer(1, 3 * mm), para(data.note, "small")]
    document = SimpleDocTemplate(str(path), pagesize=PAPER["A5"], title=data.title,
                                 leftMargin=15 * mm, rightMargin=15 * mm, topMargin=10 * mm,
                                 bottomMargin=10 * mm)
    document.build(story, canvasmaker=EmbeddedFontCanvas)
    return path
