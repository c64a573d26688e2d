"""Draws the application icon (a speech bubble with a tick) into resources/icons/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    """The icon at `size`×`size` pixels, transparent around a rounded blue square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1565c0"))
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(44 * s, 52 * s, 168 * s, 120 * s), 28 * s, 28 * s)
    tail = QPainterPath()
    tail.moveTo(QPointF(84 * s, 166 * s))
    tail.lineTo(QPointF(70 * s, 212 * s))
    tail.lineTo(QPointF(124 * s, 168 * s))
    painter.setBrush(QColor("white"))
    painter.drawPath(bubble.united(tail))
    painter.setPen(QPen(QColor("#2e7d32"), 18 * s, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPolyline([QPointF(86 * s, 112 * s), QPointF(116 * s, 140 * s),
                          QPointF(170 * s, 86 * s)])
    painter.end()
    return image


def main() -> None:
    """Writes complaint-desk.png (256 px) and complaint-desk.ico (16 to 256 px)."""
    QGuiApplication([])
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "complaint-desk.png"))
    draw(256).save(str(ICONS / "complaint-desk.ico"))
    print(ICONS)


if __name__ == "__main__":
    main()
