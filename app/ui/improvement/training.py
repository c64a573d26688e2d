"""Training given (培训): recording it, and the tables that list it (an action's, a user's
history in their account, all of it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError, FormError
from app.models import RootCause
from app.services import catalog, users
from app.services.catalog import name_of
from app.services.improvement import training
from app.services.improvement.training import TrainingInfo
from app.services.improvement.words import joined
from app.ui.context import UiContext
from app.ui.improvement.tables import fitted_table
from app.ui.operations import explaining
from app.ui.widgets import (
    ERROR_STYLE,
    FieldRow,
    add_row,
    dialog_buttons,
    fill,
    fill_combo,
    text_box,
)


def training_table() -> QTableWidget:
    """A table of trainings: date, topic, trainer, attendees, what it was for."""
    return fitted_table([QCoreApplication.translate("improvement", "Date"),
                         QCoreApplication.translate("improvement", "Topic"),
                         QCoreApplication.translate("improvement", "Trainer"),
                         QCoreApplication.translate("improvement", "Attendees"),
                         QCoreApplication.translate("improvement", "For")], stretch=1)


def training_rows(found: Sequence[TrainingInfo]) -> list[tuple[str, ...]]:
    """The rows of `training_table` for `found`."""
    return [(t.held_on.isoformat(), t.topic, t.trainer,
             joined(name for _u, name in t.attendees),
             f"#{t.action_id}" if t.action_id else t.root_cause_name) for t in found]


class TrainingDialog(QDialog):
    """Records a training: when, on what, by whom, to whom, for an action or a cause."""

    def __init__(self, context: UiContext, *, action_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._action_id = action_id
        self.setWindowTitle(self.tr("Record training"))
        today = context.now().date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.topic, self.trainer = QLineEdit(), QLineEdit()
        self.topic.setObjectName("training-topic")
        self.trainer.setObjectName("training-trainer")
        self.people = QListWidget()
        self.people.setObjectName("training-attendees")
        for user in users.list_users():
            item = QListWidgetItem(user.display_name)
            item.setData(Qt.ItemDataRole.UserRole, user.username)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.cause = QComboBox()
        fill_combo(self.cause, ((name_of(c), c.code) for c in catalog.entries(RootCause)),
                   blank="—")
        self.notes = text_box(3)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        self.rows: dict[str, FieldRow] = {
            "held_on": add_row(form, self.tr("Date"), self.day, required=True),
            "topic": add_row(form, self.tr("Topic"), self.topic, required=True),
            "trainer": add_row(form, self.tr("Trainer"), self.trainer, required=True),
            "attendees": add_row(form, self.tr("Attendees"), self.people, required=True)}
        if self._action_id is None:
            self.rows["root_cause"] = add_row(form, self.tr("Root cause it addresses"),
                                              self.cause)
        else:
            self.rows["action"] = add_row(form, self.tr("For action"),
                                          QLabel(f"#{self._action_id}"))
        self.rows["notes"] = add_row(form, self.tr("Notes"), self.notes)
        buttons, self.ok = dialog_buttons(self.tr("Record"), self.tr("Cancel"), self._on_ok,
                                          self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def attendees(self) -> list[str]:
        """The user names ticked."""
        return [item.data(Qt.ItemDataRole.UserRole)
                for item in (self.people.item(i) for i in range(self.people.count()))
                if item is not None and item.checkState() == Qt.CheckState.Checked]

    def _on_ok(self) -> None:
        """Called when the user records the training."""
        day = self.day.date()
        for row in self.rows.values():
            row.clear_error()
        self.error.hide()
        try:
            with explaining():
                training.add_training(
                    held_on=date(day.year(), day.month(), day.day()), topic=self.topic.text(),
                    trainer=self.trainer.text(), attendees=self.attendees(),
                    notes=self.notes.toPlainText(), action_id=self._action_id,
                    root_cause=self.cause.currentData(), actor=self._context.user,
                    now=self._context.now())
        except FormError as errors:  # each field's problem beside it, as the action form
            for name, error in errors.by_field().items():
                self._show_error(name, error)
            return
        except DeskError as error:
            self._show_error(error.field or "", error)
            return
        self.accept()

    def _show_error(self, name: str, error: DeskError) -> None:
        if name in self.rows:
            self.rows[name].show_error(str(error))
        else:
            self.error.setText(str(error))
            self.error.show()


class TrainingHistory(QWidget):
    """One user's training history: in their account (settings), and yours in 'My training'."""

    def __init__(self, context: UiContext, title: str = "") -> None:
        super().__init__()
        self._context = context
        self.title = QLabel(title)
        self.table = training_table()
        self.table.setObjectName("training-history")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def show_user(self, user_id: int | None) -> None:
        """Lists the trainings `user_id` attended (nothing for None)."""
        if user_id is None:
            fill(self.table, [])
            return
        try:
            with explaining():
                found = training.history(user_id, actor=self._context.user)
        except DeskError:
            found = []  # not theirs to see: the list stays empty
        fill(self.table, training_rows(found))
