"""The register's filter panel: states with their counts, lists, flags and dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import Category, Department
from app.services import catalog, users
from app.services.catalog import name_of
from app.services.labels import STATUSES, label
from app.ui.context import UiContext
from app.ui.widgets import fill_combo, select_data

ALL, OPEN = "all", "open"


class FilterPanel(QWidget):
    """Filters on the left of the register; `changed` fires when any of them changes."""

    changed = Signal()

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._build_ui()
        self.reload_lists()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.states = QListWidget()
        self.states.setObjectName("states")
        for code, text in ((ALL, self.tr("All cases")), (OPEN, self.tr("Not yet decided")),
                           # Duplicates merged into other cases are found by their
                           # number and under "All cases", not as a state of their own.
                           *((code, label(STATUSES, code)) for code in STATUSES
                             if code != "merged")):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.states.addItem(item)
        self.states.setCurrentRow(0)
        rows = self.states.count() * self.states.sizeHintForRow(0)
        self.states.setFixedHeight(rows + 2 * self.states.frameWidth() + 4)
        self.category, self.department, self.handler = QComboBox(), QComboBox(), QComboBox()
        self.mine = QCheckBox(self.tr("Only mine"))
        self.overdue = QCheckBox(self.tr("Overdue"))
        self.flagged = QCheckBox(self.tr("Group or escalation risk"))
        self.dated = QCheckBox(self.tr("Received between"))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.clear = QPushButton(self.tr("Clear filters"))
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Handler"), self.handler)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("State")))
        layout.addWidget(self.states)
        layout.addLayout(form)
        for box in (self.mine, self.overdue, self.flagged, self.dated):
            layout.addWidget(box)
        layout.addLayout(dates)
        layout.addWidget(self.clear)
        layout.addStretch()

    def _connect_signals(self) -> None:
        self.states.currentRowChanged.connect(lambda _row: self.changed.emit())
        for combo in (self.category, self.department, self.handler):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (self.mine, self.overdue, self.flagged, self.dated):
            box.toggled.connect(lambda _on: self.changed.emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._on_date_changed)
        self.clear.clicked.connect(self._on_clear)

    def reload_lists(self) -> None:
        """Refills the combos after the lists were edited, keeping the choices made."""
        kept = self.state()
        combos = (self.category, self.department, self.handler)
        for combo in combos:
            combo.blockSignals(True)
        fill_combo(self.category, ((name_of(c), c.id) for c in catalog.entries(Category)),
                   blank=self.tr("Any category"))
        fill_combo(self.department, ((name_of(d), d.id) for d in catalog.entries(Department)),
                   blank=self.tr("Any department"))
        fill_combo(self.handler, ((u.display_name, u.id) for u in users.list_users()),
                   blank=self.tr("Anyone"))
        for combo in combos:
            combo.blockSignals(False)
        self.restore(kept, notify=False)

    def query_fields(self) -> dict[str, Any]:
        """The filters as CaseQuery fields."""
        state = self.states.currentItem().data(Qt.ItemDataRole.UserRole)
        handler = self._context.user.id if self.mine.isChecked() else self.handler.currentData()
        return {
            "statuses": (state,) if state in STATUSES else (),
            "open_only": state == OPEN,
            "category_id": self.category.currentData(),
            "department_id": self.department.currentData(),
            "handler_id": handler,
            "overdue": self.overdue.isChecked(), "flagged": self.flagged.isChecked(),
            "received_from": self.date_from.date().toPython() if self.dated.isChecked() else None,
            "received_to": self.date_to.date().toPython() if self.dated.isChecked() else None,
        }

    def show_counts(self, counts: dict[str, int], total: int) -> None:
        """Writes the number of cases beside each state."""
        for row in range(self.states.count()):
            item = self.states.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            name = {ALL: self.tr("All cases"), OPEN: self.tr("Not yet decided")}.get(code) or \
                label(STATUSES, code)
            if code in counts:
                item.setText(f"{name} ({counts[code]})")
            elif code == ALL:
                item.setText(f"{name} ({total})")

    def state(self) -> dict[str, Any]:
        """The filters as plain values, to remember between runs."""
        item = self.states.currentItem()
        return {
            "state": item.data(Qt.ItemDataRole.UserRole) if item else ALL,
            "category": self.category.currentData(), "department": self.department.currentData(),
            "handler": self.handler.currentData(), "mine": self.mine.isChecked(),
            "overdue": self.overdue.isChecked(), "flagged": self.flagged.isChecked(),
            "dated": self.dated.isChecked(),
            "from": self.date_from.date().toString(Qt.DateFormat.ISODate),
            "to": self.date_to.date().toString(Qt.DateFormat.ISODate),
        }

    def restore(self, state: dict[str, Any], *, notify: bool = True) -> None:
        """Sets the filters from `state()` values (unknown or stale values are ignored)."""
        self.blockSignals(True)
        for row in range(self.states.count()):
            if self.states.item(row).data(Qt.ItemDataRole.UserRole) == state.get("state"):
                self.states.setCurrentRow(row)
        for combo, key in ((self.category, "category"), (self.department, "department"),
                           (self.handler, "handler")):
            select_data(combo, state.get(key))
        for box, key in ((self.mine, "mine"), (self.overdue, "overdue"),
                         (self.flagged, "flagged"), (self.dated, "dated")):
            box.setChecked(bool(state.get(key)))
        for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
            day = QDate.fromString(str(state.get(key, "")), Qt.DateFormat.ISODate)
            if day.isValid():
                edit.setDate(day)
        self.blockSignals(False)
        if notify:
            self.changed.emit()

    def _on_date_changed(self, _day: QDate) -> None:
        """Called when a date of the range changes: it counts only when the range is on."""
        if self.dated.isChecked():
            self.changed.emit()

    def _on_clear(self) -> None:
        """Called when the user clicks Clear filters."""
        self.restore({"state": ALL, "from": date.today().isoformat(),
                      "to": date.today().isoformat()})
