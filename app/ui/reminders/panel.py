"""The reminders panel: overdue, due today, due soon and escalated, with counts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.casework.reminder_items import GROUPS, Reminder, Reminders
from app.ui.context import Changes, UiContext
from app.ui.operations import Operation
from app.ui.widgets import button_row, when

ITEM = Qt.ItemDataRole.UserRole
GROUP_COLOURS = {"action": "#e65100", "overdue": "#c62828", "escalated": "#e65100",
                 "warning": "#e65100"}


class RemindersPanel(QWidget):
    """What is owed, most urgent first; Enter or double-click opens the case (or the
    corrective action, or the early warning, an item is about)."""

    open_case = Signal(int)
    open_action = Signal(int)
    open_warning = Signal(int)

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self.tree = QTreeWidget()
        self.tree.setObjectName("reminders")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("Customer"), self.tr("Due"),
                                   self.tr("What")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(2, 120)
        self.done = QPushButton(self.tr("Done…"))
        self.snooze = QPushButton(self.tr("Snooze…"))
        self.open = QPushButton(self.tr("Open case"))
        buttons = button_row(self.open, self.done, self.snooze)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setFocusProxy(self.tree)
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.open.clicked.connect(lambda: self._on_activated(self.tree.currentItem(), 0))
        self.done.clicked.connect(self._on_done)
        self.snooze.clicked.connect(self._on_snooze)
        self._update_buttons()

    def show_reminders(self, found: Reminders) -> None:
        """Redraws the groups and their items."""
        self.tree.clear()
        for group, title in GROUPS.items():
            if group in ("action", "warning") and not found.counts.get(group):
                continue  # actions and warnings: only for those who have them, when there are
            top = QTreeWidgetItem([f"{title} ({found.counts.get(group, 0)})"])
            if group in GROUP_COLOURS:
                top.setForeground(0, QBrush(QColor(GROUP_COLOURS[group])))
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the group's name in full, across the columns
            for item in found.items.get(group, []):
                row = QTreeWidgetItem([item.number, item.customer, when(item.due_at),
                                       item.reason])
                row.setData(0, ITEM, item)
                row.setToolTip(3, item.reason)
                top.addChild(row)
            top.setExpanded(group != "soon")
        self._update_buttons()

    def current(self) -> Reminder | None:
        """The selected item, if an item (not a group) is selected."""
        selected = self.tree.currentItem()
        return selected.data(0, ITEM) if selected is not None else None

    def _update_buttons(self) -> None:
        item = self.current()
        self.open.setEnabled(item is not None)
        self.open.setText(self.tr("Open action") if item is not None and item.action_id
                          else self.tr("Open warning") if item is not None and item.warning_id
                          else self.tr("Open case"))
        for button in (self.done, self.snooze):
            button.setEnabled(item is not None and item.follow_up_id is not None)

    def _on_activated(self, row: QTreeWidgetItem | None, _column: int) -> None:
        """Called on Enter or double-click: open the item's case."""
        item = row.data(0, ITEM) if row is not None else None
        if item is None:
            return
        if item.action_id is not None:  # corrective actions and warnings: services/improvement
            self.open_action.emit(item.action_id)
        elif item.warning_id is not None:
            self.open_warning.emit(item.warning_id)
        else:
            self.open_case.emit(item.case_id)

    def _on_done(self) -> None:
        """Called when the user marks the selected follow-up done."""
        from app.ui.reminders.dialogs import DoneDialog  # loaded when first needed

        item = self.current()
        if item and item.follow_up_id:
            Operation(self, self._context, Changes.case(item.case_id)).run_dialog(
                DoneDialog(self._context, item.follow_up_id, item.reason, parent=self))

    def _on_snooze(self) -> None:
        """Called when the user moves the selected follow-up later."""
        from app.ui.reminders.dialogs import SnoozeDialog

        item = self.current()
        if item and item.follow_up_id:
            Operation(self, self._context, Changes.case(item.case_id)).run_dialog(
                SnoozeDialog(self._context, item.follow_up_id, item.due_at, parent=self))
