"""The corrective actions (整改措施): every one a manager may see, or those that concern the
signed-in user, with their state, owner, due and check dates; and the training records."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services.improvement import listing, training
from app.services.improvement.listing import ActionRow
from app.services.improvement.words import ACTION_STATUSES, label
from app.services.permissions import Permission, allowed
from app.ui import messages
from app.ui.context import ACTIONS, UiContext
from app.ui.improvement.start import start_action
from app.ui.improvement.tables import fitted_table
from app.ui.improvement.training import TrainingDialog, training_rows, training_table
from app.ui.operations import Operation, explaining
from app.ui.widgets import button_row, fill, fill_combo

LATE = QColor("#c62828")


class ActionsWindow(QDialog):
    """The list of actions and of training; `open_action(id)` asks for an action's window."""

    open_action = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[ActionRow] = []
        self.setModal(False)
        self.setWindowTitle(self.tr("Corrective actions"))
        self._build_ui()
        context.actions_changed.connect(self.reload)
        context.user_changed.connect(self.reload)
        self.reload()
        self.resize(980, 560)

    def _build_ui(self) -> None:
        self.state = QComboBox()
        fill_combo(self.state, ((str(text), code) for code, text in ACTION_STATUSES.items()),
                   blank=self.tr("Any state"))
        self.mine = QCheckBox(self.tr("Only mine"))
        self.table = fitted_table([self.tr("No."), self.tr("Action"), self.tr("State"),
                                   self.tr("Action owner"), self.tr("Due"),
                                   self.tr("Effect checked on"), self.tr("Cases")], stretch=1)
        self.table.setObjectName("actions")
        self.open_button = QPushButton(self.tr("Open"))
        self.new = QPushButton(self.tr("New action…"))
        self.new.setObjectName("new-action")
        self.trainings = training_table()
        self.record = QPushButton(self.tr("Record training…"))
        top = QHBoxLayout()
        for widget in (self.state, self.mine):
            top.addWidget(widget)
        top.addStretch()
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(self.table)
        column.addLayout(button_row(self.open_button, right=(self.new,)))
        training_page = QWidget()
        training_column = QVBoxLayout(training_page)
        training_column.addWidget(self.trainings)
        training_column.addLayout(button_row(self.record))
        self.tabs = QTabWidget()
        self.tabs.addTab(page, self.tr("Actions"))
        self.tabs.addTab(training_page, self.tr("Training"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.state.currentIndexChanged.connect(lambda _i: self.reload())
        self.mine.toggled.connect(lambda _on: self.reload())
        self.open_button.clicked.connect(self._on_open)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._on_open())
        self.new.clicked.connect(self._on_new)
        self.record.clicked.connect(self._on_record)

    def reload(self) -> None:
        """Reads the actions and trainings again."""
        user = self._context.user
        manages = allowed(user, Permission.MANAGE_IMPROVEMENT)
        self.new.setVisible(manages)
        self.record.setVisible(manages)
        try:
            with explaining():
                self._rows = listing.list_actions(actor=user, status=self.state.currentData(),
                                                  owner=user if self.mine.isChecked() else None)
                found = training.trainings(actor=user)
        except DeskError as error:
            messages.show_error(self, error)
            return
        self._fill(self._rows)
        fill(self.trainings, training_rows(found))

    def _fill(self, rows: list[ActionRow]) -> None:
        today = self._context.now().date()
        fill(self.table, [(f"#{r.id}", r.title, label(ACTION_STATUSES, r.status), r.owner_name,
                           r.due_on.isoformat(), r.check_on.isoformat() if r.check_on else "",
                           str(r.cases)) for r in rows])
        for index, row in enumerate(rows):
            if row.is_late(today) and (item := self.table.item(index, 4)) is not None:
                item.setForeground(QBrush(LATE))
            first = self.table.item(index, 0)
            if isinstance(first, QTableWidgetItem):
                first.setData(Qt.ItemDataRole.UserRole, row.id)

    def selected(self) -> int | None:
        """The id of the selected action, if any."""
        row = self.table.currentRow()
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def _on_open(self) -> None:
        """Called on Open or a double-click: the action's window."""
        action_id = self.selected()
        if action_id is not None:
            self.open_action.emit(action_id)

    def _on_new(self) -> None:
        """Called when a manager starts an action from no case in particular."""
        made = start_action(self, self._context, [])
        if made is not None:
            self.open_action.emit(made)

    def _on_record(self) -> None:
        """Called when a manager records training."""
        Operation(self, self._context, ACTIONS).run_dialog(TrainingDialog(self._context,
                                                                          parent=self))
