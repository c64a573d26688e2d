"""The monthly review pack (月度投诉分析报告) as a PDF: the headline figures with their change,
then a section per chart, each with its sentences, the chart as a vector drawing and its
tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from app.reports.charts import bar_chart
from app.reports.pdf import (
    PAPER,
    cell,
    cell_font,
    letterhead_flowables,
    numbered_canvas,
    para,
    write_pdf,
)
from app.reports.review_data import CHANGE, DAYS, NUMBER, PERCENT, SHARE, YUAN, Grid, ReviewData

MARGIN = 16 * mm


def build_review(data: ReviewData, path: Path) -> Path:
    """Writes the pack to `path`, whole or not at all."""
    page_width, _ = PAPER[data.paper]
    usable = page_width - 2 * MARGIN
    story: list[Any] = [*letterhead_flowables(data.letterhead), para(data.title, "title"),
                        para(data.subtitle, "small"), Spacer(1, 3 * mm),
                        grid_table(data.headline, usable)]
    for section in data.sections:
        block: list[Any] = [para(section.heading, "heading")]
        block += [para(sentence) for sentence in section.sentences]
        if section.chart is not None and section.chart.values:
            block += [Spacer(1, 2 * mm), bar_chart(section.chart, usable)]
        story.append(KeepTogether(block))
        for grid in section.grids:
            story += [Spacer(1, 2 * mm), para(grid.title, "cell"), grid_table(grid, usable)]
    return write_pdf(path, story, paper=PAPER[data.paper], title=data.title,
                     margins=(MARGIN, MARGIN, MARGIN, MARGIN),
                     canvasmaker=numbered_canvas(data.words, data.title))


def shown(value: object, kind: str) -> str:
    """A value as the PDF prints it."""
    if value is None:
        return "—"
    if kind not in (PERCENT, SHARE, YUAN, DAYS, NUMBER, CHANGE):
        return str(value)
    amount = float(value)  # type: ignore[arg-type]  # the figures hand numbers or Decimals
    if kind == PERCENT:
        return f"{amount:.1f}%"
    if kind == SHARE:
        return f"{100 * amount:.1f}%"
    if kind == YUAN:
        return f"¥{amount:,.2f}"
    if kind == CHANGE:
        return ("+" if amount > 0 else "") + number(amount)
    return number(amount)


def number(value: float) -> str:
    """`10,585`, `3.88`, `1,995,564.5`: whole numbers without decimals, others with up to two."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def grid_table(grid: Grid, width: float) -> Table:
    """A table with a shaded header row, numbers aligned right."""
    share = sum(column.width for column in grid.columns)
    widths = [width * column.width / share for column in grid.columns]
    header = [cell(column.title, w) for column, w in zip(grid.columns, widths, strict=True)]
    body = [[cell(shown(value, column.kind), w)
             for value, column, w in zip(row, grid.columns, widths, strict=True)]
            for row in grid.rows]
    table = Table([header, *body] if body else [header, ["—"] + [""] * (len(widths) - 1)],
                  colWidths=widths, repeatRows=1, splitByRow=True)
    numeric = [index for index, column in enumerate(grid.columns) if column.kind != "text"]
    style = [*cell_font(), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
             ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("ALIGN", (index, 1), (index, -1), "RIGHT") for index in numeric]
    table.setStyle(TableStyle(style))
    return table
