"""The small dialog of one case action: its fields, a reason if needed, errors beside them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError, DeskError, MissingFieldsError
from app.services.case_actions import Action
from app.services.case_view import CaseDetails
from app.services.fields import FIELDS
from app.ui.case.editors import editor_for, value_of
from app.ui.widgets import ERROR_STYLE, FieldRow, add_row, from_qdatetime, text_box, to_qdatetime

Submit = Callable[[dict[str, Any], str, datetime | None], None]


class ActionDialog(QDialog):
    """Collects an action's fields and calls `submit`; refusals are shown beside the fields.

    A ConflictError is not shown here: it is kept in `conflict` for the case view to explain.
    """

    def __init__(self, action: Action, details: CaseDetails, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self._submit = submit
        self.conflict: ConflictError | None = None
        self.setWindowTitle(f"{action.label} — {details.number}")
        self._build_ui(details)

    def _build_ui(self, details: CaseDetails) -> None:
        form = QFormLayout()
        blank = self.tr("— none —")
        self.editors = {name: editor_for(name, details, blank) for name in self._action.fields}
        self.rows: dict[str, FieldRow] = {
            name: add_row(form, str(FIELDS[name].label), editor,
                          required=name in self._action.required)
            for name, editor in self.editors.items()
        }
        self.new_due = None
        if self._action.code == "extend":
            current = details.resolution_due or datetime.now()
            self.new_due = QDateTimeEdit(to_qdatetime(current + timedelta(days=7)))
            self.new_due.setDisplayFormat("yyyy-MM-dd HH:mm")
            self.new_due.setCalendarPopup(True)
            self.rows["new_due"] = add_row(form, self.tr("New decision deadline"), self.new_due,
                                           required=True)
        self.reason = text_box(3) if self._action.needs_reason else None
        if self.reason is not None:
            self.rows["note"] = add_row(form, self.tr("Reason"), self.reason, required=True)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(str(self._action.label),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def values(self) -> dict[str, Any]:
        """The fields as typed or chosen."""
        return {name: value_of(editor) for name, editor in self.editors.items()}

    def _on_ok(self) -> None:
        """Called when the user confirms: the caller's service call decides."""
        for row in self.rows.values():
            row.clear_error()
        self.general.hide()
        note = self.reason.toPlainText() if self.reason is not None else ""
        due = from_qdatetime(self.new_due.dateTime()) if self.new_due is not None else None
        try:
            self._submit(self.values(), note, due)
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
