"""Small pieces the windows share: a field with its error line, combos over lists, read-only
tables, the icon, formatting."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.resources import resource_path
from app.services.text import when

__all__ = [
    "FieldRow", "add_row", "button_row", "dialog_buttons", "fill_combo", "select_data",
    "text_box", "when",
]

ERROR_STYLE = "color: #b00020;"


class FieldRow(QWidget):
    """An input with a red message line under it, shown when the value is refused."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)

    def show_error(self, message: str) -> None:
        """Shows `message` under the input."""
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        """Hides the message."""
        self.error.clear()
        self.error.hide()


def add_row(form: QFormLayout, label: str, editor: QWidget, *, required: bool = False,
            ) -> FieldRow:
    """Adds `editor` under `label` (marked * when required) with its error line."""
    row = FieldRow(editor)
    caption = QLabel(f"{label} <span style='color:#b00020'>*</span>" if required else label)
    caption.setBuddy(editor)
    form.addRow(caption, row)
    return row


def text_box(lines: int = 3) -> QPlainTextEdit:
    """A multi-line text box where Tab moves to the next field (keyboard-only forms)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]], *, blank: str | None = None,
               ) -> None:
    """Replaces the combo's items with (text, data) pairs, optionally after a blank choice."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for text, data in items:
        combo.addItem(text, data)


def select_data(combo: QComboBox, data: Any) -> None:
    """Selects the item whose data is `data` (nothing changes when none matches)."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def to_qdatetime(moment: datetime) -> QDateTime:
    """A QDateTime for a naive local datetime."""
    return QDateTime(moment.date(), moment.time())  # type: ignore[call-overload]  # PySide converts


def from_qdatetime(value: QDateTime) -> datetime:
    """The naive local datetime of a QDateTime, to the minute."""
    return cast(datetime, value.toPython()).replace(second=0, microsecond=0)


def heading(text: str, *, size: int = 13) -> QLabel:
    """A bold label for the top of a panel."""
    label = QLabel(text)
    label.setStyleSheet(f"font-size: {size}pt; font-weight: bold;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def dialog_buttons(ok: str, cancel: str, on_ok: Callable[[], Any],
                   on_cancel: Callable[[], Any]) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's confirm and cancel buttons, wired; returns the box and the confirm button.

    Buttons carry verbs ("Record the decision", "Print") rather than OK, so the caller names them.
    """
    buttons = QDialogButtonBox()
    confirm = buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons, confirm


def button_row(*left: QWidget, right: Iterable[QWidget] = ()) -> QHBoxLayout:
    """A row of buttons: `left` packed at the start, `right` at the end, space between."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch()
    for widget in right:
        row.addWidget(widget)
    return row


def app_icon() -> QIcon:
    """The application's icon."""
    return QIcon(str(resource_path("icons", "complaint-desk.png")))


def read_only_table(headers: Sequence[str]) -> QTableWidget:
    """A table for a few rows of text, selectable and copyable, not editable."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replaces the table's rows."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeRowsToContents()


class FirstPaint(QObject):
    """Calls `then()` once, just after `widget` has first been painted (work that must not
    delay what the user is waiting to see)."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        # A QTimer object, not QTimer.singleShot with a Python callable: in this PySide6
        # that loses a reference to what the callable returns each time.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(then)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Waits for the widget's first paint event, then lets it paint first."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._timer.start()
        return False


def clipped(text: str, length: int) -> str:
    """`text` on one line, cut to `length` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length - 1].rstrip() + "…"
