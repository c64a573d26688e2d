"""The case summary (投诉处理单): every field, the timeline and the decisions, for the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from app.reports import data as model
from app.reports.pdf import PAPER, letterhead_flowables, numbered_canvas, para

GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
])


def build_summary(data: model.SummaryData, path: Path) -> Path:
    """Writes the summary to `path`; long texts and tables flow onto further pages."""
    page_width, _ = PAPER[data.paper]
    usable = page_width - 36 * mm
    story: list[Any] = [*letterhead_flowables(data.letterhead), para(data.title, "title")]
    for heading, rows in data.sections:
        story.append(para(heading, "heading"))
        story += _fields(rows, usable)
    for table in data.tables:
        story.append(para(table.title, "heading"))
        story.append(_table(table, usable) if table.rows else para("—", "small"))
    document = SimpleDocTemplate(str(path), pagesize=PAPER[data.paper], title=data.title,
                                 leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                                 bottomMargin=18 * mm)
    document.build(story, canvasmaker=numbered_canvas(data.words, data.header))
    return path


LONG = 300  # characters; a longer value flows as paragraphs (a table row cannot split)


def _fields(rows: tuple[tuple[str, str], ...], width: float) -> list[Any]:
    """Short values in a two-column table; long ones as a label and flowing text."""
    story: list[Any] = []
    short: list[tuple[str, str]] = []
    for label, value in rows:
        if len(value) <= LONG:
            short.append((label, value))
            continue
        if short:
            story.append(_grid(short, width))
            short = []
        story += [para(label, "cell"), para(value, "cell")]
    if short:
        story.append(_grid(short, width))
    return story


def _grid(rows: list[tuple[str, str]], width: float) -> Table:
    cells = [[para(label, "cell"), para(value or "—", "cell")] for label, value in rows]
    table = Table(cells, colWidths=[width * 0.24, width * 0.76], splitByRow=True)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke)]))
    return table


def _table(table: model.Table, width: float) -> Table:
    cells = [[para(text, "cell") for text in table.headers]]
    cells += [[para(text, "cell") for text in row] for row in table.rows]
    result = Table(cells, colWidths=[width * part for part in table.widths], repeatRows=1,
                   splitByRow=True)
    result.setStyle(GRID)
    return result
