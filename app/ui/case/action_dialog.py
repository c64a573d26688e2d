"""The small dialog of one case action: its fields and inputs, errors beside them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError, DeskError, MissingFieldsError
from app.services.casework.actions import INPUTS, OPTIONAL_INPUTS, Action
from app.services.casework.fields import FIELDS
from app.services.casework.view import CaseDetails
from app.ui.case.editors import editor_for, value_of
from app.ui.operations import explaining
from app.ui.widgets import (
    ERROR_STYLE,
    FieldRow,
    add_row,
    dialog_buttons,
    from_qdatetime,
    text_box,
    to_qdatetime,
)

Submit = Callable[[dict[str, Any], dict[str, Any]], None]


def input_editor(name: str, details: CaseDetails, now: datetime) -> QWidget:
    """The editor of an action input: a date and time, or text."""
    if name in ("due", "promised"):
        start = _first_date(name, details, now)
        edit = QDateTimeEdit(to_qdatetime(start.replace(second=0)))
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit
    return QLineEdit() if name in ("told", "note") else text_box(4 if name == "reply" else 3)


def _first_date(name: str, details: CaseDetails, now: datetime) -> datetime:
    """What a date starts at: the promise at the deadline, an extension a week after it."""
    if name == "promised":
        return details.resolution_due or now + timedelta(days=1)
    return details.resolution_due + timedelta(days=7) if details.resolution_due \
        else now + timedelta(days=1)


def input_value(editor: QWidget) -> Any:
    """What an input editor holds."""
    if isinstance(editor, QDateTimeEdit):
        return from_qdatetime(editor.dateTime())
    return value_of(editor)


class ActionDialog(QDialog):
    """Collects an action's fields and inputs and calls `submit`; refusals appear beside the
    fields. A ConflictError is kept in `conflict` for the case view to explain."""

    def __init__(self, action: Action, details: CaseDetails, submit: Submit,
                 parent: QWidget | None = None, *, now: datetime | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self._submit = submit
        self.conflict: ConflictError | None = None
        self.setWindowTitle(f"{action.label} — {details.number}")
        self._build_ui(details, now or datetime.now())

    def _build_ui(self, details: CaseDetails, now: datetime) -> None:
        self.form = form = QFormLayout()
        blank = self.tr("— none —")
        self.editors = {name: editor_for(name, details, blank) for name in self._action.fields}
        self.rows: dict[str, FieldRow] = {
            name: add_row(form, str(FIELDS[name].label), editor,
                          required=name in self._action.required)
            for name, editor in self.editors.items()
        }
        self.inputs = {name: input_editor(name, details, now) for name in self._action.inputs}
        for name, editor in self.inputs.items():
            self.rows[name] = add_row(form, str(INPUTS[name]), editor,
                                      required=name not in OPTIONAL_INPUTS)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        buttons, self.ok = dialog_buttons(str(self._action.label), self.tr("Cancel"),
                                          self._on_ok, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def values(self) -> dict[str, Any]:
        """The case fields as typed or chosen."""
        return {name: value_of(editor) for name, editor in self.editors.items()}

    def input_values(self) -> dict[str, Any]:
        """The other inputs (reason, date, how the customer was told…)."""
        return {name: input_value(editor) for name, editor in self.inputs.items()}

    def _on_ok(self) -> None:
        """Called when the user confirms: the caller's service call decides."""
        for row in self.rows.values():
            row.clear_error()
        self.general.hide()
        try:
            with explaining():  # a locked database or a full disk is said here too
                self._submit(self.values(), self.input_values())
        except ConflictError as error:
            self.conflict = error
            self.reject()
            return
        except MissingFieldsError as error:
            for name in error.missing:
                self._show(name, str(error))
            return
        except DeskError as error:
            self._show(error.field, str(error))
            return
        self.accept()

    def _show(self, field: str | None, message: str) -> None:
        row = self.rows.get(field or "")
        if row is None:
            self.general.setText(message)
            self.general.show()
            return
        row.show_error(message)
        row.setFocus()
