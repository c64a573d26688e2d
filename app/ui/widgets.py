"""Small pieces the windows share: a field with its error line, combos over lists, read-only
tables, the icon, formatting."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
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
WIDEST = 320  # a table column no wider than this at first: longer texts wrap


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
        _on_edit(editor, self.clear_error)  # a message about a value goes once it is changed
        if editor.sizePolicy().verticalPolicy() in (QSizePolicy.Policy.Fixed,
                                                    QSizePolicy.Policy.Maximum) \
                or editor.minimumHeight() == editor.maximumHeight():
            # A box of fixed height stays under its label: the room a dialog has to spare
            # goes below the row, not around the box.
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setFocusProxy(editor)

    def show_error(self, message: str) -> None:
        """Shows `message` under the input."""
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        """Hides the message."""
        self.error.clear()
        self.error.hide()


def _on_edit(editor: QWidget, react: Callable[[], object]) -> None:
    """Calls `react` whenever the user changes what `editor` (or a box inside it) holds."""
    signals = {QLineEdit: "textChanged", QPlainTextEdit: "textChanged",
               QComboBox: "currentIndexChanged", QDateTimeEdit: "dateTimeChanged",
               QAbstractSpinBox: "editingFinished", QAbstractButton: "toggled"}
    for widget in [editor, *editor.findChildren(QWidget)]:
        for kind, name in signals.items():
            if isinstance(widget, kind):
                getattr(widget, name).connect(lambda *_a: react())
                break


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
    submit_on_ctrl_enter(buttons, confirm)
    return buttons, confirm


def submit_on_ctrl_enter(buttons: QWidget, confirm: QPushButton) -> None:
    """Ctrl+Enter anywhere in the dialog of `buttons` clicks `confirm`, as in intake: the
    hands stay on the keyboard, and Enter alone still makes a new line in a text box."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), buttons, confirm.click)  # the window's shortcut
    confirm.setToolTip(f"{confirm.text()} (Ctrl+Enter)")


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
    rows = table.verticalHeader()
    rows.hide()
    # A few rows, each as tall as its wrapped text at the width the columns end up with.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    fit_columns(table)  # the titles in full, before any row is there
    return table


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replaces the table's rows; each column is as wide as its title and values need (up
    to WIDEST: longer texts wrap), the last one taking what is left."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    fit_columns(table)
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
def fit_columns(table: QTableWidget) -> None:
    """Widens each column of `table` that the user may resize to its title and contents, up
    to WIDEST (never narrower than it was; a column that stretches or sizes itself is left
    to do so)."""
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    for column in range(table.columnCount()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive or \
                (column == last and header.stretchLastSection()):
            continue
        wanted = max(table.sizeHintForColumn(column),
                     header.sectionSizeFromContents(column).width())
        if wanted > header.sectionSize(column):
            header.resizeSection(column, min(wanted, max(WIDEST, header.sectionSize(column))))
