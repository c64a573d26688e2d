"""After saving: the case number, large enough to read to the customer, and what next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class SuccessPage(QWidget):
    """Shows the new case's number with buttons to copy it, open it or take the next one."""

    new_requested = Signal()
    open_requested = Signal(int)
    close_requested = Signal()
    receipt_requested = Signal(int, str)  # case id, number

    def __init__(self) -> None:
        super().__init__()
        self._case_id = 0
        self.caption = QLabel(self.tr("Complaint recorded. Case number:"))
        self.number = QLabel()
        self.number.setObjectName("case-number")
        self.number.setStyleSheet("font-size: 32pt; font-weight: bold; color: #0d47a1;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.copy = QPushButton(self.tr("Copy number"))
        self.receipt = QPushButton(self.tr("Print receipt"))
        self.open = QPushButton(self.tr("Open case"))
        self.next = QPushButton(self.tr("Next complaint"))
        self.done = QPushButton(self.tr("Close"))
        self.done.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.copy, self.receipt, self.open, self.next, self.done):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addStretch()
        for widget in (self.caption, self.number, self.state):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch()
        self.copy.clicked.connect(self._on_copy)
        self.receipt.clicked.connect(
            lambda: self.receipt_requested.emit(self._case_id, self.number.text()))
        self.open.clicked.connect(lambda: self.open_requested.emit(self._case_id))
        self.next.clicked.connect(self.new_requested)
        self.done.clicked.connect(self.close_requested)

    def show_case(self, case_id: int, number: str, state: str, *, added: bool = False) -> None:
        """Shows the number of the case just recorded (or that the words were `added` to)."""
        self._case_id = case_id
        self.caption.setText(self.tr("Added to the open case. Case number:") if added
                             else self.tr("Complaint recorded. Case number:"))
        self.number.setText(number)
        self.state.setText(state)
        self.done.setFocus()

    def _on_copy(self) -> None:
        """Called when the user clicks Copy number."""
        QGuiApplication.clipboard().setText(self.number.text())
        self.copy.setText(self.tr("Copied"))
