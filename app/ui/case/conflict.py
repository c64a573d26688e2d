"""Explaining a stale edit: what the other person changed, and what this user had typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError
from app.ui.widgets import dialog_buttons


class ConflictDialog(QDialog):
    """Shows the conflict; accepting it means 'reload the case'."""

    def __init__(self, error: ConflictError, unsaved: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        message = QLabel(str(error))
        message.setWordWrap(True)
        self.theirs = QPlainTextEdit("\n".join(error.changes) or self.tr("(no details)"))
        self.theirs.setReadOnly(True)
        self.mine = QPlainTextEdit("\n".join(f"{name}: {value}" for name, value in unsaved.items()
                                        if value not in (None, "")))
        self.mine.setReadOnly(True)
        buttons, _ = dialog_buttons(self.tr("Reload the case"), self.tr("Close"),
                                    self.accept, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(QLabel(self.tr("Their changes:")))
        layout.addWidget(self.theirs)
        layout.addWidget(QLabel(self.tr("What you had entered (not saved; copy it if needed):")))
        layout.addWidget(self.mine)
        layout.addWidget(buttons)
        self.resize(640, 420)
