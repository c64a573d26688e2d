"""Figure tiles: a figure, its value and its change against the previous period, coloured by
whether it got better or worse. A tile is a door: clicking it opens the figure's cases."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.services.analysis.overview import Change
from app.services.text import yuan

BETTER, WORSE, SAME = "#2e7d32", "#c62828", "#607d8b"
COUNT, PERCENT, DAYS, MONEY, SCORE = "count", "percent", "days", "money", "score"


def shown(value: float | None, unit: str) -> str:
    """A figure's value as a tile shows it."""
    if value is None:
        return "—"
    if unit == PERCENT:
        return f"{value:.1f}%"
    if unit == MONEY:
        return yuan(int(value))
    if unit == SCORE:
        return f"{value:.2f}"
    return f"{value:g}"


def change_text(change: Change, unit: str) -> tuple[str, str]:
    """The change as `▲ 12` / `▼ ¥300.00` and its colour."""
    if change.difference is None:
        return "", SAME
    if not change.difference:
        return "=", SAME
    arrow = "▲" if change.difference > 0 else "▼"
    size = abs(change.difference)
    amount = yuan(int(size)) if unit == MONEY else f"{size:g}"
    colour = SAME if change.better is None else (BETTER if change.better else WORSE)
    return f"{arrow} {amount}", colour


class FigureTile(QFrame):
    """One figure; `clicked(key)` when the user clicks it."""

    clicked = Signal(str)

    def __init__(self, key: str, title: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key, self.unit = key, unit
        self.setObjectName(f"tile-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.change):
            layout.addWidget(label)

    def show_figure(self, value: float | None, change: Change, previous_label: str,
                    cases: int | None) -> None:
        """Shows the value and its change; the tooltip says what a click opens."""
        self.value.setText(shown(value, self.unit))
        text, colour = change_text(change, self.unit)
        self.change.setText(f"{text}  {previous_label}" if text else previous_label)
        self.change.setStyleSheet(f"color: {colour};")
        self.setToolTip(self.tr("Click to list the %n case(s) behind this figure", "",
                                cases or 0))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """A click opens the figure's cases in the register."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
