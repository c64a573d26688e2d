"""A bar chart drawn with QPainter: Pareto bars (the A class marked) with their cumulative
line and the 80% line, or bars with a rate line (the monthly trend). Clicking a bar emits
its index. No chart library: nothing to install or bundle, nothing added to start-up, and
Chinese labels are drawn with the window's own font (bench/README.md gives the figures)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.reports.review_data import Bars

BAR, MARKED, LINE, GRID = QColor("#90a4ae"), QColor("#c62828"), QColor("#1565c0"), \
    QColor("#cfd8dc")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 40, 16, 42


class BarChart(QWidget):
    """Bars with an optional percentage line; `bar_clicked(index)` when a bar is clicked."""

    bar_clicked = Signal(int)
    bar_menu = Signal(int, QPoint)  # a right-click on a bar: its index, where (global)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = Bars("", (), ())
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_chart(self, chart: Bars) -> None:
        """Shows `chart`."""
        self.chart = chart
        self.update()

    def plot_area(self) -> QRectF:
        """Where the bars are drawn."""
        return QRectF(MARGIN_LEFT, MARGIN_TOP, max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM))

    def bar_rect(self, index: int) -> QRectF:
        """The rectangle of bar `index` (its full slot height, so a short bar is easy to hit)."""
        area = self.plot_area()
        slot = area.width() / max(len(self.chart.values), 1)
        return QRectF(area.left() + index * slot + slot * 0.12, area.top(), slot * 0.76,
                      area.height())

    def bar_at(self, x: float, y: float) -> int | None:
        """The index of the bar under a point, if any."""
        for index in range(len(self.chart.values)):
            if self.bar_rect(index).contains(QPointF(x, y)):
                return index
        return None

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Draws the axes, bars, labels and lines."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        area = self.plot_area()
        top = axis_top(max(self.chart.values, default=0))
        self._grid(painter, area, top)
        self._bars(painter, area, top)
        percents = self.chart.cumulative or self.chart.line
        if percents:
            self._line(painter, area, percents)
        painter.end()

    def _grid(self, painter: QPainter, area: QRectF, top: float) -> None:
        metrics = painter.fontMetrics()
        for step in range(5):
            y = area.bottom() - area.height() * step / 4
            painter.setPen(QPen(GRID if step else self.palette().text().color(), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(self.palette().text().color())
            text = f"{top * step / 4:g}"
            painter.drawText(QPointF(area.left() - metrics.horizontalAdvance(text) - 4,
                                     y + metrics.ascent() / 2 - 1), text)

    def _bars(self, painter: QPainter, area: QRectF, top: float) -> None:
        metrics = painter.fontMetrics()
        slot = area.width() / max(len(self.chart.values), 1)
        for index, value in enumerate(self.chart.values):
            whole = self.bar_rect(index)
            height = area.height() * value / top
            marked = index < len(self.chart.marked) and self.chart.marked[index]
            painter.fillRect(QRectF(whole.left(), area.bottom() - height, whole.width(), height),
                             MARKED if marked else BAR)
            painter.setPen(self.palette().text().color())
            label = metrics.elidedText(self.chart.labels[index], Qt.TextElideMode.ElideRight,
                                       int(slot))
            painter.drawText(QRectF(area.left() + index * slot, area.bottom() + 4, slot,
                                    MARGIN_BOTTOM - 6),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            painter.drawText(QRectF(whole.left() - 10, area.bottom() - height - 16,
                                    whole.width() + 20, 14), Qt.AlignmentFlag.AlignCenter,
                             f"{value:g}")

    def _line(self, painter: QPainter, area: QRectF, percents: tuple[float | None, ...]) -> None:
        slot = area.width() / max(len(percents), 1)
        points = [QPointF(area.left() + (index + 0.5) * slot,
                          area.bottom() - area.height() * value / 100)
                  for index, value in enumerate(percents) if value is not None]
        painter.setPen(QPen(LINE, 2))
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        for point in points:
            painter.drawEllipse(point, 2.5, 2.5)
        for step in (0, 50, 100):
            painter.drawText(QPointF(area.right() + 4, area.bottom() - area.height() * step / 100
                                     + 4), f"{step}%")
        if self.chart.cumulative:
            y = area.bottom() - area.height() * 0.8
            painter.setPen(QPen(MARKED, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(QPointF(area.right() + 4, y + 4), "80%")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """A click on a bar opens its cases."""
        index = self.bar_at(event.position().x(), event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(index)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        """A right-click on a bar offers what can be done with its cases."""
        index = self.bar_at(event.pos().x(), event.pos().y())
        if index is not None:
            self.bar_menu.emit(index, event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """Hovering a bar names it and its count; the pointer says it can be clicked."""
        index = self.bar_at(event.position().x(), event.position().y())
        if index is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"{self.chart.labels[index]}: {self.chart.values[index]:g}", self)


def axis_top(largest: float) -> float:
    """The top of a four-step axis above `largest`, each step a round number (1, 2, 2.5 or 5
    times a power of ten), so the grid reads 0, 25, 50, 75, 100 rather than 0, 22, 45, 68, 90."""
    if largest <= 0:
        return 4
    step = largest / 4
    power = 10 ** math.floor(math.log10(step))
    nice = next(factor * power for factor in (1, 2, 2.5, 5, 10) if factor * power >= step)
    return 4 * max(nice, 1)
