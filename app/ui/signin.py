"""Signing in: pick your name, type your password. The last user is remembered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.models import User
from app.services import settings, users
from app.services.labels import ROLE_NAMES, label
from app.services.text import to_seconds
from app.ui.operations import explaining
from app.ui.widgets import FieldRow, add_row, select_data

SETTINGS_LAST_USER = "signin/last_user"


class SignInDialog(QDialog):
    """Asks who is at the desk; `user` holds the signed-in account after `exec()`."""

    def __init__(self, parent: QWidget | None = None, *, hint: str = "",
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.user: User | None = None
        self._clock = clock
        business = settings.get("business.name")
        self.setWindowTitle(self.tr("Sign in — Complaint Desk"))
        self.people = QComboBox()
        self.people.setObjectName("people")
        for account in users.list_users():
            self.people.addItem(self.tr("%1 (%2)").replace("%1", account.display_name)
                                .replace("%2", label(ROLE_NAMES, account.role)),
                                account.username)
        select_data(self.people, QSettings().value(SETTINGS_LAST_USER))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Who are you?"), self.people)
        self.password_row: FieldRow = add_row(form, self.tr("Password"), self.password)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
                          ).setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if business:
            layout.addWidget(QLabel(f"<b>{business}</b>"))
        layout.addLayout(form)
        if hint:
            layout.addWidget(QLabel(hint))
        layout.addWidget(buttons)
        self.password.setFocus()

    def _on_sign_in(self) -> None:
        """Called when the user clicks Sign in."""
        try:
            with explaining():  # a database out of reach is said beside the password too
                self.user = users.authenticate(self.people.currentData() or "",
                                               self.password.text(),
                                               now=to_seconds(self._clock()))
        except DeskError as error:
            self.password.clear()  # first: clearing the box clears its message too
            self.password_row.show_error(str(error))
            self.password.setFocus()
            return
        QSettings().setValue(SETTINGS_LAST_USER, self.user.username)
        self.accept()
