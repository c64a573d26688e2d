"""Bar charts as vector drawings (reportlab.graphics) in the embedded font: Pareto bars with
their cumulative line and the 80% line, or bars with a rate line (the monthly trend)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from app.reports.pdf import FONT, register_font
from app.reports.review_data import Bars

BAR = colors.HexColor("#90a4ae")
MARKED = colors.HexColor("#c62828")  # the A class: the few causes to fix first
LINE = colors.HexColor("#1565c0")
GRID = colors.HexColor("#cfd8dc")
LEFT, RIGHT, BOTTOM, TOP = 34, 34, 42, 14
MAX_LABEL = 8  # characters under a bar; longer names are cut with an ellipsis


def bar_chart(chart: Bars, width: float, height: float = 190) -> Drawing:
    """The chart as a drawing `width` points wide."""
    register_font()
    drawing = Drawing(width, height)
    # Else the renderer starts in Helvetica, which is not embedded (the stubs omit it).
    drawing.initialFontName = FONT  # type: ignore[attr-defined]
    plot_w, plot_h = width - LEFT - RIGHT, height - BOTTOM - TOP
    top = max(chart.values, default=0) or 1
    _axes(drawing, plot_w, plot_h, top)
    slot = plot_w / max(len(chart.values), 1)
    for index, value in enumerate(chart.values):
        marked = index < len(chart.marked) and chart.marked[index]
        bar_h = plot_h * value / top
        drawing.add(Rect(LEFT + index * slot + slot * 0.15, BOTTOM, slot * 0.7, bar_h,
                         # The stubs type these keywords too narrowly.
                         fillColor=MARKED if marked else BAR,  # type: ignore[arg-type]
                         strokeColor=None))  # type: ignore[arg-type]
        drawing.add(String(LEFT + (index + 0.5) * slot, BOTTOM + bar_h + 2, f"{value:g}",
                           fontName=FONT, fontSize=6.5, textAnchor="middle"))
        drawing.add(String(LEFT + (index + 0.5) * slot, BOTTOM - 10, _short(chart.labels[index]),
                           fontName=FONT, fontSize=6.5, textAnchor="middle"))
    percents = chart.cumulative or chart.line
    if percents:
        _percent_line(drawing, percents, slot, plot_w, plot_h, with_80=bool(chart.cumulative))
    if chart.legend:
        drawing.add(String(LEFT, 4, "   ".join(chart.legend), fontName=FONT, fontSize=7))
    return drawing


def _axes(drawing: Drawing, plot_w: float, plot_h: float, top: float) -> None:
    drawing.add(Line(LEFT, BOTTOM, LEFT + plot_w, BOTTOM, strokeColor=colors.black,
                     strokeWidth=0.6))
    for step in range(1, 5):
        y = BOTTOM + plot_h * step / 4
        drawing.add(Line(LEFT, y, LEFT + plot_w, y, strokeColor=GRID, strokeWidth=0.3))
        drawing.add(String(LEFT - 3, y - 2, f"{top * step / 4:.0f}", fontName=FONT,
                           fontSize=6, textAnchor="end"))


def _percent_line(drawing: Drawing, percents: tuple[float | None, ...], slot: float,
                  plot_w: float, plot_h: float, *, with_80: bool) -> None:
    points: list[float] = []
    for index, value in enumerate(percents):
        if value is None:
            continue
        points += [LEFT + (index + 0.5) * slot, BOTTOM + plot_h * value / 100]
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=LINE, strokeWidth=1.2))
    for step in (0, 50, 100):
        drawing.add(String(LEFT + plot_w + 3, BOTTOM + plot_h * step / 100 - 2, f"{step}%",
                           fontName=FONT, fontSize=6, fillColor=LINE))
    if with_80:
        y = BOTTOM + plot_h * 0.8
        drawing.add(Line(LEFT, y, LEFT + plot_w, y, strokeColor=MARKED, strokeWidth=0.6,
                         strokeDashArray=[3, 2]))
        drawing.add(String(LEFT + plot_w + 3, y - 2, "80%", fontName=FONT, fontSize=6,
                           fillColor=MARKED))


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
