"""Editing a coded list (categories, departments, root causes): add, switch off or on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import Category, Department, RootCause
from app.services import catalog
from app.ui.context import LISTS, UiContext
from app.ui.operations import Operation
from app.ui.widgets import button_row, fill, read_only_table

Model = type[Category] | type[Department] | type[RootCause]


class ListEditor(QWidget):
    """One coded list: entries are never deleted, only switched off."""

    def __init__(self, context: UiContext, model: Model) -> None:
        super().__init__()
        self._context = context
        self._model = model
        self.table = read_only_table([self.tr("Code"), self.tr("Chinese name"),
                                      self.tr("English name"), self.tr("In use")])
        self.code, self.name_zh, self.name_en = QLineEdit(), QLineEdit(), QLineEdit()
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Shop: answer today, decide in N days"), "shop")
        self.profile.addItem(self.tr("Financial: decide within 15 days"), "financial")
        self.add = QPushButton(self.tr("Add"))
        self.toggle = QPushButton(self.tr("Switch off / on"))
        self.add.clicked.connect(self._on_add)
        self.toggle.clicked.connect(self._on_toggle)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Chinese name"), self.name_zh)
        form.addRow(self.tr("English name"), self.name_en)
        if model is Category:
            form.addRow(self.tr("Deadline rule"), self.profile)
        buttons = button_row(self.toggle, right=(self.add,))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Shows the list, switched-off entries included."""
        self._entries = catalog.entries(self._model,  # type: ignore[type-var]  # any of them
                                        include_inactive=True)
        fill(self.table, [[e.code, e.name_zh, e.name_en,
                           self.tr("yes") if e.active else self.tr("no")] for e in self._entries])

    def _on_add(self) -> None:
        """Called when the user adds an entry."""
        Operation(self, self._context, LISTS).run(lambda: catalog.add(  # type: ignore[type-var]
            self._model, code=self.code.text(), name_zh=self.name_zh.text(),
            name_en=self.name_en.text(), profile=self.profile.currentData(),
            actor=self._context.user, now=self._context.now()), self._on_added)

    def _on_added(self, _entry: object) -> None:
        """Called when the entry was added: the form is cleared for the next one."""
        for edit in (self.code, self.name_zh, self.name_en):
            edit.clear()
        self.reload()

    def _on_toggle(self) -> None:
        """Called when the user switches the selected entry off or back on."""
        row = self.table.currentRow()
        if row < 0:
            return
        entry = self._entries[row]
        Operation(self, self._context, LISTS).run(lambda: catalog.set_active(  # type: ignore[type-var]
            entry, active=not entry.active, actor=self._context.user,
            now=self._context.now()), lambda _entry: self.reload())
