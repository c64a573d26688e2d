"""The register's column titles: which columns are shown (the chooser), how wide they are,
and remembering both per user (and the widths per language: a title's width depends on it).

Widths start wide enough for the longest title and value each column can hold (every state,
severity and category name, a case number, a time), with the customer's name taking the room
that is left, so no state or category is cut off in English or Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from app.i18n import current_language
from app.models import Category, Department, RootCause
from app.services import catalog, users
from app.services.catalog import name_of
from app.services.labels import CHANNELS, SEVERITIES, STATUSES
from app.ui.register.columns import COLUMNS, DEFAULT, KEYS, chosen, position

PADDING = 20  # a cell's margins and a little air
MOST = 280  # no column starts wider than this (a long category name wraps into view)
STRETCHED = "customer"


class ColumnChooser(QObject):
    """Shows the columns a user chose and keeps their widths; `changed` fires when a column
    is shown or hidden."""

    changed = Signal()

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._user = ""
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_menu_requested)

    @property
    def header(self) -> QHeaderView:
        """The table's column titles."""
        return self._table.horizontalHeader()

    def shown(self) -> tuple[str, ...]:
        """The keys of the columns shown, in the model's order."""
        return tuple(key for key in KEYS if not self.header.isSectionHidden(position(key)))

    def restore(self, username: str) -> None:
        """Shows `username`'s columns and widths (the defaults the first time)."""
        self._user = username
        settings = QSettings()
        state = settings.value(self._key("header"))
        if state is None or not self.header.restoreState(state):
            self._default_widths()
        keys = settings.value(self._key("columns"))
        self._show(chosen(list(keys) if isinstance(keys, list | tuple) else None))
        self.header.setSectionResizeMode(position(STRETCHED), QHeaderView.ResizeMode.Stretch)
        # Never narrower than its title: with many columns the table scrolls instead.
        self.header.setMinimumSectionSize(
            self.header.sectionSizeFromContents(position(STRETCHED)).width())

    def save(self) -> None:
        """Remembers the columns and widths of the user signed in."""
        if not self._user:
            return
        settings = QSettings()
        settings.setValue(self._key("header"), self.header.saveState())
        settings.setValue(self._key("columns"), list(self.shown()))

    def menu(self) -> QMenu:
        """A menu with a tick for each column, and a way back to the usual ones."""
        menu = QMenu(self._table)
        for column in COLUMNS:
            action = QAction(column.title(), menu)
            action.setCheckable(True)
            action.setChecked(column.key in self.shown())
            action.setEnabled(column.key != "number")  # a row needs its case number
            action.toggled.connect(lambda on, key=column.key: self.set_shown(key, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Usual columns"), lambda: self._show(DEFAULT, announce=True))
        return menu

    def set_shown(self, key: str, shown: bool) -> None:
        """Shows or hides one column (a shown one gets a width that fits it)."""
        keys = [k for k in self.shown() if k != key] + ([key] if shown else [])
        self._show(tuple(k for k in KEYS if k in keys), announce=True)
        if shown:
            self.header.resizeSection(position(key), self._fitting(key))

    def _show(self, keys: Iterable[str], *, announce: bool = False) -> None:
        wanted = set(keys)
        for key in KEYS:
            self.header.setSectionHidden(position(key), key not in wanted)
        self.save()
        if announce:
            self.changed.emit()

    def _default_widths(self) -> None:
        for key in KEYS:
            if key != STRETCHED:
                self.header.resizeSection(position(key), self._fitting(key))

    def _fitting(self, key: str) -> int:
        """Wide enough for the column's title and the longest value it can hold."""
        metrics = self._table.fontMetrics()
        values = [metrics.horizontalAdvance(text) + PADDING for text in _longest(key)]
        title = self.header.sectionSizeFromContents(position(key)).width()
        return min(MOST, max([title, *values]))

    def _key(self, what: str) -> str:
        if what == "header":  # widths follow the language; the choice of columns does not
            return f"register/{self._user}/header/{current_language()}"
        return f"register/{self._user}/{what}"

    def _on_menu_requested(self, point: QPoint) -> None:
        """Called when the user right-clicks a column title."""
        self.menu().exec(self.header.mapToGlobal(point))


def _longest(key: str) -> list[str]:
    """What a column may hold, to measure: every name of its list or vocabulary."""
    moment = "2026-12-31 23:59"
    samples: dict[str, list[str]] = {
        "number": ["TS-2026-000000"], "received_at": [moment], "next_due_at": [moment],
        "resolution_due": [moment], "phone": ["13800138000"],
        "severity": [str(t) for t in SEVERITIES.values()],
        "status": [str(t) for t in STATUSES.values()],
        "channel": [str(t) for t in CHANNELS.values()],
        "compensation": ["¥99,999.00"], "paid": ["¥99,999.00"], "satisfaction": ["5"],
    }
    if key in samples:
        return samples[key]
    if key == "category":
        return [name_of(entry) for entry in catalog.entries(Category)]
    if key in ("department", "fault_department"):
        return [name_of(entry) for entry in catalog.entries(Department)]
    if key == "root_cause":
        return [name_of(entry) for entry in catalog.entries(RootCause)]
    if key == "handler":
        return [user.display_name for user in users.list_users()]
    return []
