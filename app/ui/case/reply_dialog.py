"""Answering the customer in the approved wording (统一回复口径)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.i18n import current_language
from app.services.casework import replies
from app.services.casework.view import CaseDetails
from app.ui.operations import explaining
from app.ui.widgets import ERROR_STYLE, dialog_buttons, text_box


class ReplyDialog(QDialog):
    """Pick a template, see it filled from the case, edit it, record it as the answer given."""

    def __init__(self, details: CaseDetails, submit: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._details = details
        self._submit = submit
        self.setWindowTitle(self.tr("Reply to the customer — %1").replace("%1", details.number))
        self.template = QComboBox()
        self.template.addItem(self.tr("— write freely —"), "")
        for template in replies.templates(current_language()):
            self.template.addItem(template.title, template.body)
        self.text = text_box(8)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons, _ = dialog_buttons(self.tr("Record as told to the customer"),
                                    self.tr("Cancel"), self._on_ok, self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Text"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.template.currentIndexChanged.connect(self._on_template)
        self.resize(620, 380)

    def _on_template(self, _index: int) -> None:
        """Called when a template is picked: its text, filled from the case, replaces the draft."""
        body = self.template.currentData()
        if body:
            self.text.setPlainText(replies.render(body, self._details))

    def _on_ok(self) -> None:
        """Called when the user records the reply."""
        try:
            with explaining():
                self._submit(self.text.toPlainText())
        except DeskError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
