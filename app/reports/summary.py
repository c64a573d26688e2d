"""The case summary (投诉处理单): every field, the timeline and the decisions, for the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from app.reports import data as model
from app.reports.pdf import (
    PAPER,
    cell,
    cell_font,
    label_table,
    letterhead_flowables,
    line_count,
    numbered_canvas,
    para,
    paras,
    write_pdf,
)

LINES: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                ("VALIGN", (0, 0), (-1, -1), "TOP")]
MARGIN = 18 * mm
LABEL_SHARE = 0.24
# A table row cannot break across pages, so a text taller than this (in lines of a cell)
# flows below its table instead, where it can: a fifth of a page, so that no row comes near
# a page's height whatever the paper, and the tables stay tables.
TALL = 12


def build_summary(data: model.SummaryData, path: Path) -> Path:
    """Writes the summary to `path`; long texts and tables flow onto further pages."""
    page_width, _ = PAPER[data.paper]
    usable = page_width - 2 * MARGIN
    story: list[Any] = [*letterhead_flowables(data.letterhead), para(data.title, "title")]
    for heading, rows in data.sections:
        story.append(para(heading, "heading"))
        story += _fields(rows, usable)
    for table in data.tables:
        story.append(para(table.title, "heading"))
        story += _table(table, usable, data.words) if table.rows else [para("—", "small")]
    return write_pdf(path, story, paper=PAPER[data.paper], title=data.title,
                     margins=(MARGIN, MARGIN, MARGIN, MARGIN),
                     canvasmaker=numbered_canvas(data.words, data.header))


def _fields(rows: tuple[tuple[str, str], ...], width: float) -> list[Any]:
    """Short values in a two-column table; long ones as a label and flowing text."""
    story: list[Any] = []
    short: list[tuple[str, str]] = []
    for label, value in rows:
        if line_count(value, width * (1 - LABEL_SHARE)) <= TALL:
            short.append((label, value))
            continue
        if short:
            story.append(label_table(short, width, LABEL_SHARE))
            short = []
        story += [para(label, "cell"), *paras(value, "cell")]
    if short:
        story.append(label_table(short, width, LABEL_SHARE))
    return story


def _table(table: model.Table, width: float, words: model.Words) -> list[Any]:
    """The table; a row with a tall text ends it, the text follows under the column's title
    and the row's first cell (its time), and the table goes on with its headers again."""
    widths = [width * part for part in table.widths]
    story: list[Any] = []
    rows: list[tuple[str, ...]] = []
    for row in table.rows:
        tall = [i for i, (text, column) in enumerate(zip(row, widths, strict=True))
                if line_count(text, column) > TALL]
        rows.append(tuple(words.below if i in tall else text for i, text in enumerate(row)))
        if tall:
            story.append(_grid(table.headers, rows, widths))
            rows = []
            for i in tall:
                story += [Spacer(1, 2 * mm), para(f"{table.headers[i]} · {row[0]}", "cell"),
                          *paras(row[i], "cell"), Spacer(1, 2 * mm)]
    if rows:
        story.append(_grid(table.headers, rows, widths))
    return story


def _grid(headers: tuple[str, ...], rows: list[tuple[str, ...]], widths: list[float]) -> Table:
    cells = [[cell(text, column) for text, column in zip(row, widths, strict=True)]
             for row in (headers, *rows)]
    result = Table(cells, colWidths=widths, repeatRows=1, splitByRow=True)
    result.setStyle(TableStyle([*cell_font(), *LINES,
                                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
    return result
