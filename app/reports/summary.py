"""The case summary (投诉处理单): every field, the timeline and the decisions, for the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from app.reports import data as model
from app.reports.pdf import (
    PAPER,
    cell,
    cell_font,
    label_table,
    letterhead_flowables,
    numbered_canvas,
    para,
    paras,
)

LINES: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                ("VALIGN", (0, 0), (-1, -1), "TOP")]


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
            story.append(label_table(short, width, 0.24))
            short = []
        story += [para(label, "cell"), *paras(value, "cell")]
    if short:
        story.append(label_table(short, width, 0.24))
    return story


def _table(table: model.Table, width: float) -> Table:
    widths = [width * part for part in table.widths]
    cells = [[cell(text, column) for text, column in zip(row, widths, strict=True)]
             for row in (table.headers, *table.rows)]
    result = Table(cells, colWidths=widths, repeatRows=1, splitByRow=True)
    result.setStyle(TableStyle([*cell_font(), *LINES,
                                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
    return result
