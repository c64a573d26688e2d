"""First run on an empty database: set up the business and its owner, or try demo data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.models import User
from app.services.desk import setup
from app.ui.context import UiContext
from app.ui.operations import explaining
from app.ui.widgets import FieldRow, add_row, button_row


class WelcomeDialog(QDialog):
    """After `exec()`: `owner` is set when the business was set up; `wants_demo` otherwise."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.owner: User | None = None
        self.wants_demo = False
        self.setWindowTitle(self.tr("Welcome to Complaint Desk"))
        self._build_ui()

    def _build_ui(self) -> None:
        intro = QLabel(self.tr("This database is empty. Set up your business to start "
                               "recording complaints, or look around with demo data first."))
        intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        business = QGroupBox(self.tr("Your business"))
        owner = QGroupBox(self.tr("The owner's account"))
        for box, entries in (
            (business, (("name", self.tr("Business name"), True),
                        ("address", self.tr("Address"), False),
                        ("phone", self.tr("Phone"), False))),
            (owner, (("username", self.tr("User name (for signing in)"), True),
                     ("display_name", self.tr("Full name"), True),
                     ("password", self.tr("Password"), True),
                     ("repeat", self.tr("Password again"), True))),
        ):
            form = QFormLayout(box)
            for key, text, required in entries:
                self.fields[key] = QLineEdit()
                self.fields[key].setObjectName(key)
                self.rows[key] = add_row(form, text, self.fields[key], required=required)
        for key in ("password", "repeat"):
            self.fields[key].setEchoMode(QLineEdit.EchoMode.Password)
        self.start = QPushButton(self.tr("Set up and start"))
        self.start.setDefault(True)
        self.demo = QPushButton(self.tr("Try with demo data"))
        self.start.clicked.connect(self._on_start)
        self.demo.clicked.connect(self._on_demo)
        buttons = button_row(self.demo, right=(self.start,))
        layout = QVBoxLayout(self)
        for widget in (intro, business, owner):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.fields["name"].setFocus()

    def _on_start(self) -> None:
        """Called when the user sets up the business."""
        for row in self.rows.values():
            row.clear_error()
        values = {key: edit.text() for key, edit in self.fields.items()}
        if not values["name"].strip():
            self.rows["name"].show_error(self.tr("Please enter the business name."))
            return
        if values["password"] != values["repeat"]:
            self.rows["repeat"].show_error(self.tr("The two passwords differ."))
            return
        try:
            with explaining():  # a read-only or full disk is said, not a crash
                self.owner = setup.set_up_business(
                    name=values["name"], address=values["address"], phone=values["phone"],
                    owner_username=values["username"], owner_name=values["display_name"],
                    password=values["password"], now=self._context.now())
        except DeskError as error:
            target = {"display_name": "display_name", "username": "username",
                      "password": "password"}.get(error.field or "", "username")
            self.rows[target].show_error(str(error))
            return
        self.accept()

    def _on_demo(self) -> None:
        """Called when the user wants to try the app with demo data."""
        self.wants_demo = True
        self.accept()
