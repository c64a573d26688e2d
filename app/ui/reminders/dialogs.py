"""Finishing or postponing a follow-up: shared by the reminders panel and the case view."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services.casework import followups, outcomes
from app.ui.context import UiContext
from app.ui.operations import explaining
from app.ui.widgets import (
    ERROR_STYLE,
    fill_combo,
    from_qdatetime,
    submit_on_ctrl_enter,
    text_box,
    to_qdatetime,
)


class _FollowUpDialog(QDialog):
    """A form with an error line and OK/Cancel; subclasses add fields and `save()`."""

    def __init__(self, title: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(buttons, self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        """Calls the service (subclasses)."""
        raise NotImplementedError

    def _on_ok(self) -> None:
        """Called when the user confirms."""
        try:
            with explaining():
                self.save()
        except DeskError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


class DoneDialog(_FollowUpDialog):
    """Marks a follow-up done: the outcome, and for a call-back the satisfaction."""

    def __init__(self, context: UiContext, follow_up_id: int, what: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._context, self._id = context, follow_up_id
        self.outcome = text_box(3)
        self.satisfaction = QComboBox()
        fill_combo(self.satisfaction, ((str(n), n) for n in range(5, 0, -1)), blank="—")
        self.reopen = QCheckBox(self.tr("The problem is not solved: reopen the case"))
        self.form.addRow(self.tr("What was to be done"), QLabel(what))
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Satisfaction (1–5)"), self.satisfaction)
        self.form.addRow(self.reopen)
        self.cancel.setText(self.tr("Cancel"))
        self.setWindowTitle(self.tr("Follow-up done"))
        self.ok.setText(self.tr("Done"))

    def save(self) -> None:
        """Records the outcome through the services."""
        outcomes.complete_follow_up(self._id, outcome=self.outcome.toPlainText(),
                                     satisfaction=self.satisfaction.currentData(),
                                     reopen=self.reopen.isChecked(), actor=self._context.user,
                                     now=self._context.now())


class SnoozeDialog(_FollowUpDialog):
    """Moves a follow-up later, with a note why."""

    def __init__(self, context: UiContext, follow_up_id: int, due: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self._context, self._id = context, follow_up_id
        later = max(due, context.now()) + timedelta(days=1)
        self.until = QDateTimeEdit(to_qdatetime(later.replace(second=0)))
        self.until.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.until.setCalendarPopup(True)
        self.note = QLineEdit()
        self.form.addRow(self.tr("Until"), self.until)
        self.form.addRow(self.tr("Why"), self.note)
        self.cancel.setText(self.tr("Cancel"))
        self.setWindowTitle(self.tr("Snooze follow-up"))
        self.ok.setText(self.tr("Snooze"))

    def save(self) -> None:
        """Moves the follow-up through the services."""
        followups.snooze_follow_up(self._id, until=from_qdatetime(self.until.dateTime()),
                                   note=self.note.text(), actor=self._context.user,
                                   now=self._context.now())
