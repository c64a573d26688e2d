"""A table model over the register that fetches pages of 100 cases as the view needs them.

The view asks for the row count (one COUNT query) and then only for the rows it shows;
pages are kept in a small cache. Sorting and filtering go to the database.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.labels import FLAGS, label
from app.services.register import extras, listing
from app.services.register.extras import CaseExtras
from app.services.register.listing import CaseQuery, CaseRow
from app.ui.context import UiContext
from app.ui.register.columns import COLUMNS, SORT_KEYS, position
from app.ui.widgets import when

__all__ = ["CASE_ID", "SORT_KEYS", "CaseTableModel"]

PAGE = 100
CACHED_PAGES = 40
_NONE = CaseExtras()
OVERDUE = QColor("#c62828")
FLAGGED = QColor("#fff1e0")
CASE_ID = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
_DUE_COLUMNS = (position("number"), position("next_due_at"))  # red when overdue


class CaseTableModel(QAbstractTableModel):
    """The register's rows, read from the services a page at a time."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._query = CaseQuery()
        self._count = 0
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        self._extras: dict[int, dict[int, CaseExtras]] = {}  # by page: the further columns

    def headers(self) -> list[str]:
        """Column titles in the current language."""
        return [column.title() for column in COLUMNS]

    @property
    def query(self) -> CaseQuery:
        """The filters and order the rows follow."""
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        """Shows the cases matching `query` from the first row."""
        rows, total = listing.first_page(query, now=self._context.now(), limit=PAGE)
        self.beginResetModel()
        self._query = query
        self._count = total
        self._pages.clear()
        self._extras.clear()
        self._pages[0] = rows
        self.endResetModel()

    def refresh(self) -> None:
        """Reads the rows again (after a change here or on another PC)."""
        self.set_query(self._query)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        """Number of matching cases."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, colours and tooltip; the case id under CASE_ID."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = COLUMNS[index.column()]
            return column.text(row, self._extras_of(index.row(), row) if column.extra else _NONE)
        if role == CASE_ID:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in _DUE_COLUMNS:
            return QBrush(OVERDUE) if row.is_overdue(self._context.now()) else None
        if role == Qt.ItemDataRole.BackgroundRole and (row.flag_group or row.flag_risk):
            return QBrush(FLAGGED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts in the database by the column's key (a column without one is not sorted)."""
        key = SORT_KEYS[column]
        if key is not None:
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(replace(self._query, sort=key, descending=descending))

    def row_at(self, row: int) -> CaseRow | None:
        """The case on `row`, fetching its page if needed (None if it has just gone)."""
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            page = listing.fetch_page(self._query, now=self._context.now(),
                                       offset=number * PAGE, limit=PAGE)
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                gone, _rows = self._pages.popitem(last=False)
                self._extras.pop(gone, None)
        else:
            self._pages.move_to_end(number)
        position = row % PAGE
        return page[position] if position < len(page) else None

    def _extras_of(self, row_number: int, row: CaseRow) -> CaseExtras:
        """The further columns of `row`, read for its whole page at the first ask."""
        number = row_number // PAGE
        found = self._extras.get(number)
        if found is None:
            ids = [case.id for case in self._pages.get(number, [row])]
            found = self._extras[number] = extras.extras_of(ids)
        return found.get(row.id, _NONE)

    def _tooltip(self, row: CaseRow) -> str:
        lines = [label(FLAGS, flag) for flag in row.flags]
        if row.is_overdue(self._context.now()):
            lines.insert(0, self.tr("Overdue since %s") % when(row.next_due_at))
        return "\n".join(lines)
