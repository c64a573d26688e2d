"""The strip above the register that says what is wrong with the backups: one line of
headlines (the whole news in its tooltip and behind Details…), so the register keeps its
room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import messages

if TYPE_CHECKING:
    from app.services.backup.automatic import BackupWarning

STYLE = ("#backup-banner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
         " #backup-banner QLabel { color: #4a3b00; }")


class BackupBanner(QFrame):
    """Shows backup warnings until the user hides them; new ones show it again."""

    back_up = Signal()  # the user wants a copy now
    open_settings = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup-banner")
        self.setStyleSheet(STYLE)
        self.shown: list[BackupWarning] = []
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.details_button = QPushButton(self.tr("Details…"))
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.settings_button = QPushButton(self.tr("Backup settings…"))
        self.hide_button = QPushButton(self.tr("Hide"))
        self.details_button.clicked.connect(self._on_details)
        self.back_up_button.clicked.connect(self.back_up)
        self.settings_button.clicked.connect(self.open_settings)
        self.hide_button.clicked.connect(self._on_hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        for button in (self.details_button, self.back_up_button, self.settings_button,
                       self.hide_button):
            layout.addWidget(button)
        self.hide()

    def allow(self, backing_up: bool) -> None:
        """Offers a copy now and the backup settings only to those who may make backups."""
        self.back_up_button.setVisible(backing_up)
        self.settings_button.setVisible(backing_up)

    def show_warnings(self, warnings: list[BackupWarning]) -> None:
        """Adds `warnings` to what the strip says, and shows it."""
        self.shown = [w for w in self.shown if w.code not in {n.code for n in warnings}]
        self.shown += warnings
        self.text.setText("⚠ " + " · ".join(str(w.headline) for w in self.shown))
        self.text.setToolTip(self.details())
        self.show()

    def details(self) -> str:
        """The whole news, one warning a paragraph."""
        return "\n\n".join(str(w.text) for w in self.shown)

    def _on_details(self) -> None:
        """Called when the user wants the whole news."""
        messages.show_info(self, self.details(), title=self.tr("Backups"))

    def _on_hide(self) -> None:
        """Called when the user hides the strip: it comes back only with new news."""
        self.shown = []
        self.hide()
