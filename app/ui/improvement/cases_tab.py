"""An action's cases: the list, linking more by number, unlinking, opening one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.services.casework.cases import get_case
from app.services.improvement import actions
from app.services.improvement.view import ActionDetails
from app.services.labels import STATUSES, label
from app.ui.context import Changes, UiContext
from app.ui.improvement.tables import fitted_table
from app.ui.operations import Operation
from app.ui.widgets import button_row, fill, when


class CasesTab(QWidget):
    """The cases an action came from; `open_case(id)` when one is opened."""

    open_case = Signal(int)

    def __init__(self, context: UiContext, action_id: int) -> None:
        super().__init__()
        self._context = context
        self._action_id = action_id
        self._details: ActionDetails | None = None
        self.table = fitted_table([self.tr("Case"), self.tr("Received"), self.tr("Customer"),
                                   self.tr("State"), self.tr("Root cause")], stretch=4)
        self.table.setObjectName("action-cases")
        self.number = QLineEdit()
        self.number.setObjectName("link-number")
        self.number.setPlaceholderText(self.tr("Case number, e.g. TS-2026-000123"))
        self.link = QPushButton(self.tr("Link case"))
        self.unlink = QPushButton(self.tr("Unlink"))
        self.open = QPushButton(self.tr("Open case"))
        self.link.clicked.connect(self._on_link)
        self.number.returnPressed.connect(self._on_link)
        self.unlink.clicked.connect(self._on_unlink)
        self.open.clicked.connect(self._on_open)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._on_open())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.open, self.unlink, right=(self.number, self.link)))

    def show_action(self, details: ActionDetails) -> None:
        """Lists the action's cases."""
        self._details = details
        fill(self.table, [(c.number, when(c.received_at), c.customer, label(STATUSES, c.status),
                           c.root_cause) for c in details.cases])
        closed = details.status in ("verified", "cancelled")
        self.link.setEnabled(not closed)
        self.number.setEnabled(not closed)
        # Whoever linked a case may unlink it too: the service says whose link it is.
        self.unlink.setEnabled(details.may_work or not closed)

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        if self._details is None or not 0 <= row < len(self._details.cases):
            return None
        return self._details.cases[row].id

    def _on_link(self) -> None:
        """Called when the user links the case whose number is typed."""
        number = self.number.text().strip()
        if not number:
            return
        if Operation(self, self._context, Changes(cases=True, actions=True)).run(
                lambda: actions.link_cases(self._action_id, [get_case(number).id],
                                           actor=self._context.user, now=self._context.now())):
            self.number.clear()

    def _on_unlink(self) -> None:
        """Called when the user takes the selected case off the action."""
        case_id = self._selected()
        if case_id is not None:
            Operation(self, self._context, Changes(case_id=case_id, actions=True)).run(
                lambda: actions.unlink_case(self._action_id, case_id, actor=self._context.user,
                                            now=self._context.now()))

    def _on_open(self) -> None:
        """Called when the user opens the selected case."""
        case_id = self._selected()
        if case_id is not None:
            self.open_case.emit(case_id)
