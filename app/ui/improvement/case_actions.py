"""A case's corrective actions (整改措施): in the case view, linked and unlinked there; and
the offer, when a case is resolved with a root cause some action is under way on, to link
the case to it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.casework.view import CaseDetails
from app.services.improvement import actions, listing
from app.services.improvement.listing import ActionRow
from app.services.improvement.words import ACTION_STATUSES, WORKING, label
from app.ui.context import Changes, UiContext
from app.ui.improvement.tables import fitted_table
from app.ui.operations import Operation
from app.ui.widgets import button_row, dialog_buttons, fill


class ChooseActionDialog(QDialog):
    """Picks one of a few actions; `chosen()` is its id once accepted."""

    def __init__(self, title: str, explanation: str, rows: list[ActionRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        said = QLabel(explanation)
        said.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("choose-action")
        for row in rows:
            item = QListWidgetItem(f"#{row.id}  {row.title}  ·  "
                                   f"{label(ACTION_STATUSES, row.status)}  ·  {row.owner_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons, self.ok = dialog_buttons(self.tr("Link"), self.tr("Not now"), self.accept,
                                          self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> int | None:
        """The id of the action picked."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class CaseActionsPage(QWidget):
    """The actions a case is linked to; `open_action(id)` when one is opened."""

    open_action = Signal(int)

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._case_id: int | None = None
        self._rows: list[ActionRow] = []
        self.table = fitted_table([self.tr("No."), self.tr("Action"), self.tr("State"),
                                   self.tr("Action owner"), self.tr("Due")], stretch=1)
        self.table.setObjectName("case-actions")
        self.open = QPushButton(self.tr("Open action"))
        self.link = QPushButton(self.tr("Link to an action…"))
        self.link.setObjectName("link-action")
        self.unlink = QPushButton(self.tr("Unlink"))
        self.open.clicked.connect(self._on_open)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._on_open())
        self.link.clicked.connect(self._on_link)
        self.unlink.clicked.connect(self._on_unlink)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.open, self.unlink, right=(self.link,)))

    def show_case(self, details: CaseDetails) -> None:
        """Lists the case's actions."""
        self._case_id = details.id
        self._rows = listing.actions_of_case(details.id)
        fill(self.table, [(f"#{r.id}", r.title, label(ACTION_STATUSES, r.status), r.owner_name,
                           r.due_on.isoformat()) for r in self._rows])

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def _on_open(self) -> None:
        """Called when the user opens the selected action."""
        action_id = self._selected()
        if action_id is not None:
            self.open_action.emit(action_id)

    def _on_link(self) -> None:
        """Called when the user links the case to an action under way."""
        linked = {row.id for row in self._rows}
        rows = [row for row in listing.list_actions(actor=self._context.user)
                if row.status in (*WORKING, "done") and row.id not in linked]
        if self._case_id is not None:
            link_to_one_of(self, self._context, self._case_id, rows, self.tr(
                "Link this case to a corrective action under way:"))

    def _on_unlink(self) -> None:
        """Called when the user takes the case off the selected action."""
        action_id, case_id = self._selected(), self._case_id
        if action_id is not None and case_id is not None:
            Operation(self, self._context, Changes(case_id=case_id, actions=True)).run(
                lambda: actions.unlink_case(action_id, case_id, actor=self._context.user,
                                            now=self._context.now()))


def link_to_one_of(parent: QWidget, context: UiContext, case_id: int, rows: list[ActionRow],
                   explanation: str) -> bool:
    """Offers `rows` and links the case to the one picked; True when it was linked."""
    title = QCoreApplication.translate("improvement", "Link to a corrective action")
    if not rows:
        return False
    dialog = ChooseActionDialog(title, explanation, rows, parent)
    if not dialog.exec() or (action_id := dialog.chosen()) is None:
        return False
    return Operation(parent, context, Changes(case_id=case_id, actions=True)).run(
        lambda: actions.link_cases(action_id, [case_id], actor=context.user, now=context.now()))


def offer_link_after_resolving(parent: QWidget, context: UiContext, details: CaseDetails,
                               ) -> bool:
    """After a case is resolved: if its root cause has actions under way it is not linked to,
    offers to link it (the case is one more instance of what they fix)."""
    if details.root_cause is None:
        return False
    rows = listing.open_actions_on_cause(details.root_cause.code, not_linked_to=details.id)
    text = QCoreApplication.translate(
        "improvement", "The root cause “%1” has a corrective action under way. Link this case "
        "to it, so the action lists every case it is about?").replace("%1", details.root_cause.name)
    return link_to_one_of(parent, context, details.id, rows, text)
