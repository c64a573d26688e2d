"""The settings' pages listed down the left, each name in full.

Twelve tabs across a dialog cut their names short in English ("User ac…") and hid the last
ones behind scroll arrows; a list down the side has room for every name in any language.
It answers as much of QTabWidget as the dialog and its callers use.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

SPACE = 36  # beside the longest name: the list's frame, the items' padding and some air


class PageList(QWidget):
    """A list of page names beside the page chosen; `currentChanged(index)` like a tab
    widget's."""

    currentChanged = Signal(int)  # noqa: N815 (as QTabWidget names it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = QListWidget()
        self.names.setObjectName("settings-pages")
        self.names.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        self.stack = QStackedWidget()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.names)
        layout.addWidget(self.stack, 1)
        self.names.currentRowChanged.connect(self._on_row_changed)

    def addTab(self, page: QWidget, name: str) -> int:  # noqa: N802 (as QTabWidget)
        """Adds a page under `name`; returns its index."""
        self.names.addItem(name)
        index = self.stack.addWidget(page)
        self.names.setFixedWidth(self.names.sizeHintForColumn(0) + SPACE)
        if self.names.currentRow() < 0:
            self.names.setCurrentRow(0)
        return index

    def count(self) -> int:
        """How many pages."""
        return self.stack.count()

    def tabText(self, index: int) -> str:  # noqa: N802
        """The name of page `index`."""
        item = self.names.item(index)
        return item.text() if item is not None else ""

    def widget(self, index: int) -> QWidget | None:
        """Page `index`."""
        return self.stack.widget(index)

    def currentIndex(self) -> int:  # noqa: N802
        """The page shown."""
        return self.stack.currentIndex()

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        """The page shown."""
        return self.stack.currentWidget()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        """Shows page `index`."""
        self.names.setCurrentRow(index)

    def _on_row_changed(self, row: int) -> None:
        """Called when the user picks a page."""
        if 0 <= row < self.stack.count():
            self.stack.setCurrentIndex(row)
            self.currentChanged.emit(row)
