"""Starting a corrective action (整改措施), or changing what a manager decides about one: the
title, who owns it by when, the causes and categories it addresses; a new one also takes
the containment, the cause analysis (with the "5 whys") and the action itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError, FormError
from app.models import Category, Department, RootCause
from app.services import catalog, users
from app.services.catalog import name_of
from app.services.improvement.words import FIVE_WHYS, joined
from app.ui.widgets import FieldRow, add_row, dialog_buttons, fill_combo, select_data, text_box

Submit = Callable[[dict[str, Any]], None]  # the values, by the service's field names
MANAGED = ("title", "owner", "department", "due_on", "root_causes", "categories")
TEXTS = ("containment", "cause_analysis", "measure")


def entry_list(model: type[RootCause] | type[Category], checked: Iterable[str]) -> QListWidget:
    """The entries of a coded list as check boxes, `checked` (codes) ticked."""
    chosen = set(checked)
    widget = QListWidget()
    for entry in catalog.entries(model, include_inactive=True):  # type: ignore[type-var]
        if not entry.active and entry.code not in chosen:
            continue  # switched off: offered only to an action that already names it
        item = QListWidgetItem(name_of(entry))
        item.setData(Qt.ItemDataRole.UserRole, entry.code)
        item.setCheckState(Qt.CheckState.Checked if entry.code in chosen
                           else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 5 + 12)
    return widget


def ticked(widget: QListWidget) -> list[str]:
    """The codes of the ticked entries."""
    return [item.data(Qt.ItemDataRole.UserRole)
            for item in (widget.item(row) for row in range(widget.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked]


class ActionFormDialog(QDialog):
    """The form; `submit(values)` calls the service, whose refusals appear beside fields."""

    def __init__(self, submit: Submit, *, today: date, values: dict[str, Any] | None = None,
                 cases: Iterable[str] = (), editing: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._editing = editing
        given = values or {}
        self.setWindowTitle(self.tr("Change the corrective action") if editing
                            else self.tr("Start a corrective action"))
        self._build(given, today)
        form = QFormLayout()
        self.rows = self._rows(form, list(cases))
        ok = self.tr("Save") if editing else self.tr("Start the action")
        buttons, self.ok = dialog_buttons(ok, self.tr("Cancel"), self._on_ok, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def _build(self, given: dict[str, Any], today: date) -> None:
        self.title = QLineEdit(given.get("title", ""))
        self.title.setObjectName("action-title")
        self.owner = QComboBox()
        fill_combo(self.owner, ((u.display_name, u.username) for u in users.list_users()))
        select_data(self.owner, given.get("owner"))
        self.department = QComboBox()
        fill_combo(self.department, ((name_of(d), d.code) for d in catalog.entries(Department)),
                   blank="—")
        select_data(self.department, given.get("department"))
        due = given.get("due_on") or today + timedelta(days=14)
        self.due = QDateEdit(QDate(due.year, due.month, due.day))
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setCalendarPopup(True)
        self.causes = entry_list(RootCause, given.get("root_causes", ()))
        self.categories = entry_list(Category, given.get("categories", ()))
        self.containment, self.analysis, self.measure = text_box(2), text_box(6), text_box(3)
        self.analysis.setPlaceholderText(str(FIVE_WHYS))
        self.five_whys = QPushButton(self.tr("Write the 5 whys"))
        self.five_whys.clicked.connect(self._on_five_whys)

    def _rows(self, form: QFormLayout, cases: list[str]) -> dict[str, FieldRow]:
        rows = {"title": add_row(form, self.tr("Title"), self.title, required=True),
                "owner": add_row(form, self.tr("Action owner"), self.owner, required=True),
                "department": add_row(form, self.tr("Department"), self.department),
                "due_on": add_row(form, self.tr("Due"), self.due, required=True),
                "root_causes": add_row(form, self.tr("Root causes addressed"), self.causes),
                "categories": add_row(form, self.tr("Categories addressed"), self.categories)}
        if self._editing:
            return rows
        rows["containment"] = add_row(form, self.tr("Containment now"), self.containment)
        rows["cause_analysis"] = add_row(form, self.tr("Cause analysis"), self.analysis)
        form.addRow("", self.five_whys)
        rows["measure"] = add_row(form, self.tr("Corrective action"), self.measure)
        if cases:
            shown = QLabel(joined(cases[:12]) + (" …" if len(cases) > 12 else ""))
            shown.setWordWrap(True)
            rows["cases"] = add_row(form, self.tr("Cases (%n)", "", len(cases)), shown)
        return rows

    def values(self) -> dict[str, Any]:
        """What the form holds, by the service's field names."""
        day = self.due.date()
        values: dict[str, Any] = {
            "title": self.title.text(), "owner": self.owner.currentData(),
            "department": self.department.currentData(),
            "due_on": date(day.year(), day.month(), day.day()),
            "root_causes": ticked(self.causes), "categories": ticked(self.categories)}
        if not self._editing:
            boxes: tuple[QPlainTextEdit, ...] = (self.containment, self.analysis, self.measure)
            values.update({name: box.toPlainText() for name, box in zip(TEXTS, boxes,
                                                                         strict=True)})
        return values

    def _on_five_whys(self) -> None:
        """Called when the user asks for the 5 whys: the prompt, to fill in."""
        if not self.analysis.toPlainText().strip():
            self.analysis.setPlainText(str(FIVE_WHYS))
        self.analysis.setFocus()

    def _on_ok(self) -> None:
        """Called when the user confirms: the caller's service call decides."""
        for row in self.rows.values():
            row.clear_error()
        try:
            self._submit(self.values())
        except FormError as errors:
            for name, error in errors.by_field().items():
                self.rows.get(name, self.rows["title"]).show_error(str(error))
            return
        except DeskError as error:
            self.rows.get(error.field or "", self.rows["title"]).show_error(str(error))
            return
        self.accept()
