"""A table model over the register that reads pages of 100 cases by key as the view needs them.

The first page is read at once and painted; how many cases match in all is counted on the
worker afterwards (the count label shows "…" meanwhile), and then the places of every
2,000th row are found there too, so the scroll bar dragged anywhere reads a page from the
nearest known row (keyset paging) instead of skipping every row before it. Pages are kept in
a small cache. Sorting and filtering go to the database.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import replace
from itertools import count as serials
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.services.labels import FLAGS, label
from app.services.register import extras, listing
from app.services.register.extras import CaseExtras
from app.services.register.listing import CaseQuery, CaseRow, Page
from app.services.register.paging import Cursor
from app.ui import runner
from app.ui.context import UiContext
from app.ui.register.columns import COLUMNS, SORT_KEYS, position
from app.ui.widgets import when

__all__ = ["CASE_ID", "SORT_KEYS", "CaseTableModel"]

PAGE = 100
CACHED_PAGES = 40
_NONE = CaseExtras()
ANCHOR_EVERY = 2000
ANCHOR_DELAY_MS = 300
OVERDUE = QColor("#c62828")
FLAGGED = QColor("#fff1e0")
CASE_ID = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
_DUE_COLUMNS = (position("number"), position("next_due_at"))  # red when overdue


class CaseTableModel(QAbstractTableModel):
    """The register's rows, read from the services a page at a time."""

    counted = Signal()  # the total is known (after the first page, when it was not)

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._query = CaseQuery()
        self._count = 0
        self.total: int | None = 0  # None while it is being counted
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        self._extras: dict[int, dict[int, CaseExtras]] = {}  # by page: the further columns
        self._known: dict[int, Cursor] = {}  # row number → its place in the order
        self._serial = 0
        self._serials = serials(1)
        self._places_timer = QTimer(self)
        self._places_timer.setSingleShot(True)
        self._places_timer.setInterval(ANCHOR_DELAY_MS)
        self._places_timer.timeout.connect(self._find_places)

    def headers(self) -> list[str]:
        """Column titles in the current language."""
        return [column.title() for column in COLUMNS]

    @property
    def query(self) -> CaseQuery:
        """The filters and order the rows follow."""
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        """Shows the cases matching `query` from the first row; a full first page (or one a
        short search could not complete yet) is followed by the count and the places of
        rows far down, read on the worker."""
        provisional = listing.provisional(query.search)
        page = listing.read_page(query, now=self._context.now(), limit=PAGE, exact=False)
        self._show_first(query, page, complete=len(page.rows) < PAGE and not provisional)
        if self.total is None:
            self._count_later(query, self._serial, provisional)

    def _show_first(self, query: CaseQuery, page: Page, *, complete: bool) -> None:
        """Shows `page` as the first rows of `query`, with the total when it is `complete`."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._extras.clear()
        self._known.clear()
        self._serial = next(self._serials)
        self._places_timer.stop()
        self._pages[0] = page.rows
        self._remember(0, page)
        self._count = len(page.rows)
        self.total = len(page.rows) if complete else None
        self.endResetModel()

    def refresh(self) -> None:
        """Reads the rows again (after a change here or on another PC)."""
        self.set_query(self._query)

    def _count_later(self, query: CaseQuery, serial: int, provisional: bool) -> None:
        now = self._context.now()

        def count() -> tuple[int, dict[str, list[int]]]:
            total = listing.count(query, now=now)
            return total, listing.short_matches(query.search) if provisional else {}

        runner.run_quietly(self, count, lambda found: self._on_counted(serial, *found))

    def _on_counted(self, serial: int, total: int, matches: dict[str, list[int]]) -> None:
        """Called on the UI thread with the count of a query (dropped if the query changed);
        a short search's first page is read again from all its matches."""
        if serial != self._serial:
            return
        if matches:
            listing.adopt_matches(matches)
            page = listing.read_page(self._query, now=self._context.now(), limit=PAGE)
            self._show_first(self._query, page, complete=False)
            serial = self._serial
        self._set_count(total)
        self.total = total
        self.counted.emit()
        if total > 2 * ANCHOR_EVERY:
            # A moment later: the rows and the window are painted first, and a user still
            # choosing filters does not start a pass that the next choice makes useless.
            # (A QTimer object: QTimer.singleShot with a Python callable loses a reference
            # to what the callable returns, in this PySide6, and ends the program in time.)
            self._places_timer.start()

    def _find_places(self) -> None:
        """Finds, on the worker, where every ANCHOR_EVERY-th row is (for far jumps)."""
        serial, query, now = self._serial, self._query, self._context.now()
        runner.run_quietly(self, lambda: listing.anchors(query, now=now, every=ANCHOR_EVERY),
                           lambda found: self._on_anchors(serial, found))

    def _on_anchors(self, serial: int, found: dict[int, Cursor]) -> None:
        if serial == self._serial:
            self._known.update(found)

    def _set_count(self, total: int) -> None:
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        """Number of matching cases (the first page's until they are counted)."""
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
            page = self._read(number)
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

    def _read(self, number: int) -> list[CaseRow]:
        """Page `number`, read from the nearest row whose place is known: the rows before
        it forwards, or the rows after it (or the end) backwards."""
        first = number * PAGE
        size = min(PAGE, self._count - first)
        if size <= 0:
            return []
        now, places = self._context.now(), sorted(self._known)
        below = bisect.bisect_left(places, first) - 1
        forward: tuple[int, int | None] = ((first - places[below] - 1, places[below])
                                           if below >= 0 else (first, None))
        ahead = bisect.bisect_left(places, first + size)
        backward: list[tuple[int, int | None]] = (
            [(places[ahead] - first - size, places[ahead])] if ahead < len(places) else [])
        if self.total is not None:
            backward.append((self.total - first - size, None))
        best = min(backward, default=None, key=lambda choice: choice[0])
        if best is not None and best[0] < forward[0]:
            skip, place = best
            page = listing.read_page(self._query, now=now, limit=size, skip=skip,
                                     before=None if place is None else self._known[place],
                                     from_end=place is None)
        else:
            skip, place = forward
            page = listing.read_page(self._query, now=now, limit=size, skip=skip,
                                     after=None if place is None else self._known[place])
        self._remember(first, page)
        return page.rows

    def _remember(self, first: int, page: Page) -> None:
        if page.cursors:
            self._known[first] = page.cursors[0]
            self._known[first + len(page.cursors) - 1] = page.cursors[-1]

    def _tooltip(self, row: CaseRow) -> str:
        lines = [label(FLAGS, flag) for flag in row.flags]
        if row.is_overdue(self._context.now()):
            lines.insert(0, self.tr("Overdue since %s") % when(row.next_due_at))
        return "\n".join(lines)
