"""Help › About: the program's name, version and icon, and where it keeps its data.

What support asks for on the phone is here to read out: the version, the database the
desk is using and the folder of the error log.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import app
from app import crashlog
from app.services.backup import records
from app.services.desk import store
from app.ui import messages
from app.ui.backup.wording import last_backup

ICON_SIZE = 64
MIN_WIDTH = 460  # a data folder's path fits on one line


class AboutDialog(QDialog):
    """The About box."""

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Complaint Desk"))
        self.setWindowIcon(icon)
        self.database = store.location()
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading(icon))
        layout.addLayout(self._details())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _heading(self, icon: QIcon) -> QHBoxLayout:
        picture = QLabel()
        picture.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        name = self.tr("Complaint Desk")
        motto = self.tr("Customer complaints, followed to the end.")
        self.title = QLabel(f"<h2>{name} {app.__version__}</h2><p>{motto}</p>")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.title, 1)
        return row

    def _details(self) -> QFormLayout:
        form = QFormLayout()
        database = _selectable(self.database)
        form.addRow(self.tr("Database:"), database)
        if Path(self.database).is_file():  # a file on this PC, not a server
            self.open_folder = QPushButton(self.tr("Open the data folder"))
            self.open_folder.clicked.connect(
                lambda: messages.open_file(Path(self.database).parent))
            row = QHBoxLayout()
            row.addWidget(self.open_folder)
            row.addStretch()
            form.addRow("", row)
        self.backup = _selectable(last_backup(records.latest()))
        form.addRow(self.tr("Last backup:"), self.backup)
        form.addRow(self.tr("Error log:"), _selectable(str(crashlog.folder())))
        form.addRow(self.tr("Built with:"), _selectable(
            f"Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__}"))
        form.addRow(self.tr("Chinese font:"), QLabel(self.tr(
            "WenQuanYi Micro Hei, under the Apache License 2.0")))
        return form


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
