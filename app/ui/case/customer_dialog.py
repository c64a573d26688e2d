"""Correcting a customer's details on their request: name, address and phone, each change
recorded on their newest case."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import DeskError
from app.services.casework.view import CaseDetails
from app.ui.operations import explaining
from app.ui.widgets import ERROR_STYLE, FieldRow, add_row, dialog_buttons

Submit = Callable[[str, str, str], None]


class CorrectDialog(QDialog):
    """The customer's details to correct; refusals beside the field they are about."""

    def __init__(self, case: CaseDetails, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Correct the customer's details"))
        self.name, self.address, self.phone = (QLineEdit(case.customer),
                                               QLineEdit(case.address), QLineEdit(case.phone))
        form = QFormLayout()
        self.rows: dict[str, FieldRow] = {
            "customer_name": add_row(form, self.tr("Customer name"), self.name, required=True),
            "address": add_row(form, self.tr("Address"), self.address),
            "phone": add_row(form, self.tr("Phone"), self.phone, required=True)}
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        buttons, self.ok = dialog_buttons(self.tr("Correct"), self.tr("Cancel"), self._on_ok,
                                          self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every change is recorded on the customer's newest "
                                        "case.")))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _on_ok(self) -> None:
        """Called when the user confirms the correction."""
        for row in self.rows.values():
            row.clear_error()
        try:
            with explaining():
                self._submit(self.name.text(), self.address.text(), self.phone.text())
        except DeskError as error:
            found = self.rows.get(error.field or "")
            if found is None:
                self.general.setText(str(error))
                self.general.show()
            else:
                found.show_error(str(error))
            return
        self.accept()
