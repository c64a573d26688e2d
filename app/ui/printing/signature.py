"""Signing on screen: with the mouse, a pen or a finger; Clear and Undo; saved as PNG.

Qt turns pen (tablet) and touch input that a widget does not handle itself into mouse
events, so following the mouse covers all three.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets import dialog_buttons

INK = QPen(Qt.GlobalColor.black, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
           Qt.PenJoinStyle.RoundJoin)


class SignaturePad(QWidget):
    """A white area that keeps the strokes drawn on it."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.strokes: list[QPolygonF] = []
        self.setMinimumSize(480, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def is_empty(self) -> bool:
        """True until something has been drawn."""
        return not any(stroke.size() > 1 for stroke in self.strokes)

    def clear(self) -> None:
        """Removes every stroke (to sign again)."""
        self.strokes.clear()
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Removes the last stroke."""
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """A new stroke starts."""
        self.strokes.append(QPolygonF([event.position()]))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """The stroke goes on."""
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """The stroke ends."""
        if self.strokes:
            self.strokes[-1].append(event.position())
            self.update()
            self.changed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """White paper with a base line and the ink."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(Qt.GlobalColor.lightGray, 1, Qt.PenStyle.DashLine))
        base = self.height() - 30
        painter.drawLine(20, base, self.width() - 20, base)
        self._draw(painter, QPointF(0, 0))
        painter.end()

    def _draw(self, painter: QPainter, offset: QPointF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(INK)
        for stroke in self.strokes:
            painter.drawPolyline(stroke.translated(offset))

    def to_png(self) -> bytes:
        """The ink on a transparent background, cropped to the signature, as PNG bytes."""
        box = QRect()
        for stroke in self.strokes:
            box = box.united(stroke.boundingRect().toAlignedRect())
        box = box.adjusted(-8, -8, 8, 8)
        image = QImage(box.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._draw(painter, QPointF(-box.left(), -box.top()))
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # any QIODevice will do
        return bytes(buffer.data().data())


class SignatureDialog(QDialog):
    """Asks someone to sign; `png` holds the signature after `exec()`."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.png: bytes | None = None
        self.setWindowTitle(self.tr("Signature"))
        self.pad = SignaturePad()
        self.clear = QPushButton(self.tr("Clear"))
        self.undo = QPushButton(self.tr("Undo last stroke"))
        buttons, self.ok = dialog_buttons(self.tr("Use this signature"), self.tr("Cancel"),
                                          self._on_ok, self.reject)
        tools = QHBoxLayout()
        tools.addWidget(self.clear)
        tools.addWidget(self.undo)
        tools.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%1, please sign in the box:").replace("%1", who)))
        layout.addWidget(self.pad)
        layout.addLayout(tools)
        layout.addWidget(buttons)
        self.clear.clicked.connect(self.pad.clear)
        self.undo.clicked.connect(self.pad.undo)
        self.pad.changed.connect(lambda: self.ok.setEnabled(not self.pad.is_empty()))
        self.ok.setEnabled(False)

    def _on_ok(self) -> None:
        """Called when the signature is accepted."""
        self.png = self.pad.to_png()
        self.accept()
