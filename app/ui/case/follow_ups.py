"""The case view's follow-ups tab: the list, a quick-add bar, Done and Snooze."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.casework import actions
from app.services.casework.case_parts import FollowUpInfo
from app.services.casework.view import CaseDetails
from app.ui.case import tabs
from app.ui.context import Changes, UiContext
from app.ui.operations import Operation
from app.ui.reminders.dialogs import DoneDialog, SnoozeDialog
from app.ui.widgets import button_row, fill, from_qdatetime, to_qdatetime


class FollowUpsPage(QWidget):
    """Follow-ups of one case. Enter in the date adds one with the note as it stands."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._details: CaseDetails | None = None
        self.table = tabs.follow_up_table()
        self.due = QDateTimeEdit()
        self.due.setObjectName("follow-up-due")
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        self.due.installEventFilter(self)
        self.note = QLineEdit(self.tr("Call the customer with an update"))
        self.note.setObjectName("follow-up-note")
        add = QPushButton(self.tr("Add follow-up"))
        done, snooze = QPushButton(self.tr("Done…")), QPushButton(self.tr("Snooze…"))
        add.clicked.connect(self.add)
        self.note.returnPressed.connect(self.add)
        done.clicked.connect(self._on_done)
        snooze.clicked.connect(self._on_snooze)
        quick = QHBoxLayout()
        for widget in (self.due, self.note, add):
            quick.addWidget(widget)
        quick.setStretchFactor(self.note, 1)
        buttons = button_row(done, snooze)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(quick)

    def show_case(self, details: CaseDetails) -> None:
        """Lists the case's follow-ups; the date field suggests tomorrow at 10:00."""
        self._details = details
        fill(self.table, tabs.follow_up_rows(details))
        tomorrow = self._context.now() + timedelta(days=1)
        self.due.setDateTime(to_qdatetime(tomorrow.replace(hour=10, minute=0, second=0)))

    def focus_date(self) -> None:
        """Puts the cursor on the day of the follow-up date."""
        self.due.setFocus()
        self.due.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Enter in the date adds the follow-up."""
        if (watched is self.due and event.type() == QEvent.Type.KeyPress
                and cast(QKeyEvent, event).key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add()
            return True
        return super().eventFilter(watched, event)

    def add(self) -> None:
        """Adds the follow-up typed in the quick-add bar."""
        details = self._details
        inputs = {"due": from_qdatetime(self.due.dateTime()), "note": self.note.text()}
        if details:
            self._operation().run(lambda: actions.perform(
                "follow_up", details.id, expected_version=details.version, values={},
                inputs=inputs, actor=self._context.user, now=self._context.now()))

    def _operation(self) -> Operation:
        """An operation on the case shown: when it is done, every view of it redraws."""
        assert self._details is not None
        return Operation(self, self._context, Changes.case(self._details.id))

    def selected(self) -> FollowUpInfo | None:
        """The selected follow-up if it is still to be done."""
        row = self.table.currentRow()
        items = self._details.follow_ups if self._details else ()
        if row < 0 or row >= len(items) or items[row].done_at:
            return None
        return items[row]

    def _on_done(self) -> None:
        """Called when the user marks the selected follow-up done."""
        item = self.selected()
        if item and self._details:
            self._operation().run_dialog(DoneDialog(self._context, item.id, item.describe(),
                                                    parent=self))

    def _on_snooze(self) -> None:
        """Called when the user moves the selected follow-up later."""
        item = self.selected()
        if item and self._details:
            self._operation().run_dialog(SnoozeDialog(self._context, item.id, item.due_at,
                                                      parent=self))
