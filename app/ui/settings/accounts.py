"""User accounts (owner and administrator): add, reset a password, switch off or on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import User
from app.services import users
from app.services.labels import ROLE_NAMES, label
from app.ui.context import LISTS, UiContext
from app.ui.improvement.training import TrainingHistory
from app.ui.operations import Operation
from app.ui.widgets import button_row, fill, read_only_table


class AccountsEditor(QWidget):
    """The list of accounts and the form to add one."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self.table = read_only_table([self.tr("User name"), self.tr("Name"), self.tr("Role"),
                                      self.tr("Active")])
        self.username, self.name, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for code, text in ROLE_NAMES.items():
            self.role.addItem(str(text), code)
        self.add = QPushButton(self.tr("Add account"))
        self.reset = QPushButton(self.tr("Set password…"))
        self.toggle = QPushButton(self.tr("Switch off / on"))
        self.add.clicked.connect(self._on_add)
        self.reset.clicked.connect(self._on_reset)
        self.toggle.clicked.connect(self._on_toggle)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        buttons = button_row(self.reset, self.toggle, right=(self.add,))
        # Each account's training history (培训记录), for the account selected.
        self.training = TrainingHistory(context, self.tr("Training attended"))
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.training.show_user(
            self._accounts[row].id if 0 <= row < len(self._accounts) else None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.training, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Shows every account, switched-off ones included."""
        self._accounts = users.list_users(include_inactive=True)
        fill(self.table, [[u.username, u.display_name, label(ROLE_NAMES, u.role),
                           self.tr("yes") if u.active else self.tr("no")]
                          for u in self._accounts])

    def _selected(self) -> User | None:
        row = self.table.currentRow()
        return self._accounts[row] if row >= 0 else None

    def _on_add(self) -> None:
        """Called when the user adds an account."""
        Operation(self, self._context, LISTS).run(lambda: users.create_user(
            username=self.username.text(), display_name=self.name.text(),
            role=self.role.currentData(), password=self.password.text(),
            actor=self._context.user, now=self._context.now()), self._on_added)

    def _on_added(self, _account: User) -> None:
        """Called when the account was added: the form is cleared for the next one."""
        for edit in (self.username, self.name, self.password):
            edit.clear()
        self.reload()

    def _on_reset(self) -> None:
        """Called when the user sets a new password for the selected account."""
        account = self._selected()
        if account is None:
            return
        password, ok = QInputDialog.getText(self, self.tr("New password"),
                                            self.tr("New password for %1:")
                                            .replace("%1", account.display_name),
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return
        Operation(self).run(lambda: users.change_password(
            user=account, new_password=password, actor=self._context.user,
            now=self._context.now()))

    def _on_toggle(self) -> None:
        """Called when the user switches the selected account off or back on."""
        account = self._selected()
        if account is None:
            return
        Operation(self, self._context, LISTS).run(lambda: users.set_active(
            user=account, active=not account.active, actor=self._context.user,
            now=self._context.now()), lambda _account: self.reload())
