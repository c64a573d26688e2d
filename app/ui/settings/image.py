"""Choosing an image for a setting (the logo): a preview, Choose… and Remove."""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import messages
from app.ui.operations import Operation


class ImagePicker(QWidget):
    """Holds an image as base64 text, the way the setting stores it."""

    def __init__(self, *, can_sign: bool = False) -> None:
        super().__init__()
        self._value = ""
        self.preview = QLabel()
        self.preview.setFixedSize(160, 60)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #ccc;")
        self.choose = QPushButton(self.tr("Choose image…"))
        self.remove = QPushButton(self.tr("Remove"))
        self.choose.clicked.connect(self._on_choose)
        self.remove.clicked.connect(lambda: self.set_value(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose)
        if can_sign:
            self.sign = QPushButton(self.tr("Sign on screen…"))
            self.sign.clicked.connect(self._on_sign)
            row.addWidget(self.sign)
        row.addWidget(self.remove)
        row.addStretch()
        self.set_value("")

    def value(self) -> str:
        """The image as base64 text ('' for none)."""
        return self._value

    def set_value(self, value: str) -> None:
        """Shows the image held in `value`."""
        self._value = value or ""
        pixmap = QPixmap()
        if self._value and pixmap.loadFromData(base64.b64decode(self._value)):
            self.preview.setPixmap(pixmap.scaled(self.preview.size(),
                                                 Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setText(self.tr("No image"))
        self.remove.setEnabled(bool(self._value))

    def _on_sign(self) -> None:
        """Called when the owner signs on screen (once; kept in the settings)."""
        from app.ui.printing.signature import SignatureDialog

        dialog = SignatureDialog(self.tr("Owner"), self)
        if dialog.exec() and dialog.png:
            self.set_value(base64.b64encode(dialog.png).decode())

    def _on_choose(self) -> None:
        """Called when the user picks an image file."""
        path = messages.choose_open_file(self, self.tr("Choose an image"),
                                         self.tr("Images (*.png *.jpg *.jpeg)"))
        if path is not None:  # a file that cannot be read is named, as everywhere
            Operation(self).run(path.read_bytes,
                                lambda data: self.set_value(base64.b64encode(data).decode()))
