"""Input widgets for case fields, chosen by the field's kind (text, list entry, user, score)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.models import Department, RootCause
from app.services import catalog, users
from app.services.casework.fields import FIELDS
from app.services.casework.view import CaseDetails
from app.services.catalog import name_of
from app.services.labels import SEVERITIES
from app.ui.widgets import fill_combo, select_data, text_box

SHORT_TEXT = 200  # fields this short get a one-line box


def editor_for(name: str, details: CaseDetails, blank: str) -> QWidget:
    """An editor for case field `name`, showing the case's current value."""
    field = FIELDS[name]
    current = getattr(details, name, None)
    if field.kind == "flag":
        box = QCheckBox()
        box.setChecked(name.removeprefix("flag_") in details.flags)
        return box
    if field.kind == "text":
        if field.max_length <= SHORT_TEXT:
            line = QLineEdit(current or "")
            return line
        text = text_box(4)
        text.setPlainText(current or "")
        return text
    combo = QComboBox()
    if field.kind in ("department", "root_cause"):
        listed = (catalog.entries(Department) if field.kind == "department"
                  else catalog.entries(RootCause))
        fill_combo(combo, ((name_of(e), e.code) for e in listed), blank=blank)
        select_data(combo, current.code if current else None)
    elif field.kind == "user":
        fill_combo(combo, ((u.display_name, u.username) for u in users.list_users()), blank=blank)
        select_data(combo, current.username if current else None)
    elif field.kind == "satisfaction":
        fill_combo(combo, ((str(n), n) for n in range(5, 0, -1)), blank=blank)
        select_data(combo, current)
    elif field.kind == "severity":
        fill_combo(combo, ((str(text), code) for code, text in SEVERITIES.items()))
        select_data(combo, current)
    return combo


def value_of(editor: QWidget) -> Any:
    """What the editor holds, as the services take it ('' or None when empty)."""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    raise TypeError(type(editor))
