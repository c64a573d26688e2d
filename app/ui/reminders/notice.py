"""The strip above the register that says what the tray would have said, on a PC without a
system tray (many Linux desktops, a remote session): the start-of-day summary and each item
falling due reach the user in the window instead of nowhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLE = ("#reminder-notice { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 3px; }"
         " #reminder-notice QLabel { color: #0d47a1; }")


class ReminderNotice(QFrame):
    """Shows the latest notification until the user hides it or opens the reminders."""

    open_reminders = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder-notice")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Show reminders"))
        self.hide_button = QPushButton(self.tr("Hide"))
        self.open_button.clicked.connect(self._on_open)
        self.hide_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.hide_button)
        self.hide()

    def notify(self, title: str, text: str) -> None:
        """Called for each notification: the newest is the one shown."""
        self.text.setText(f"{title}: {text}")
        self.show()

    def _on_open(self) -> None:
        self.hide()
        self.open_reminders.emit()
