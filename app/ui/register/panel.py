"""The register: search box, filters, the case table and its count."""

from __future__ import annotations

import json
from typing import Any, cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.desk import store
from app.services.register import listing
from app.services.register.listing import CaseQuery
from app.ui import runner
from app.ui.context import UiContext
from app.ui.register.chooser import ColumnChooser
from app.ui.register.filters import ALL, FilterPanel
from app.ui.register.model import CASE_ID, SORT_KEYS, CaseTableModel

SEARCH_DELAY_MS = 250  # staff type while the customer talks: search when they pause
COUNTS_DELAY_MS = 30
SETTINGS_FILTERS = "register/{user}/filters"  # each user's own: one's filters never hide
SETTINGS_SPLITTER = "register/splitter"  # cases from the next one to sign in on this PC


class RegisterPanel(QWidget):
    """Everything to find a case; `open_case` fires with a case id on Enter or double-click."""

    open_case = Signal(int)

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._drill: dict[str, Any] = {}  # a figure of the analysis, while it is shown
        self._notice: tuple[list[str], int] | None = None  # filters on, all cases
        self._build_ui()
        self._restore_layout()  # before the signals: restoring the header must not query
        self._connect_signals()

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: number, customer, phone or any words of the complaint (Ctrl+F)"))
        self.count = QLabel()
        self.figure_label = QLabel()
        self.figure_label.setObjectName("figure")
        self.figure_label.setWordWrap(True)
        self.figure_clear = QPushButton(self.tr("Show all cases"))
        self.figure_bar = QWidget()
        bar = QHBoxLayout(self.figure_bar)
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.figure_label, 1)
        bar.addWidget(self.figure_clear)
        self.figure_bar.setStyleSheet("background: #fff8e1;")
        self.figure_bar.hide()
        self.notice = QLabel()
        self.notice.setObjectName("filter-notice")
        self.notice.setWordWrap(True)
        self.notice_clear = QPushButton(self.tr("Clear filters"))
        self.notice_bar = QWidget()
        notice_row = QHBoxLayout(self.notice_bar)
        notice_row.setContentsMargins(6, 2, 6, 2)
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.notice_clear)
        self.notice_bar.setStyleSheet("background: #e3f2fd;")
        self.notice_bar.hide()
        self.columns_button = QPushButton(self.tr("Columns…"))
        self.columns_button.setToolTip(self.tr("Choose the columns (or right-click a column "
                                               "title)"))
        self.model = CaseTableModel(self._context)
        self.table = QTableView()
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once: a corrective action can start from the cases selected.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        self.chooser = ColumnChooser(self.table)
        header = self.table.horizontalHeader()
        header.setSortIndicator(SORT_KEYS.index("received_at"), Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.filters = FilterPanel(self._context)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        # The counts beside each state come a moment after the rows: the rows are what the
        # user is waiting for, and a zero timeout could run before their paint.
        self.counts_timer = QTimer(self)
        self.counts_timer.setSingleShot(True)
        self.counts_timer.setInterval(COUNTS_DELAY_MS)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.columns_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.figure_bar)
        column.addWidget(self.notice_bar)
        column.addWidget(self.table, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.filters)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1100])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self._on_search_entered)
        self.search.installEventFilter(self)
        self.notice_clear.clicked.connect(self.filters.clear_all)
        self.columns_button.clicked.connect(
            lambda: self.chooser.menu().exec(self.columns_button.mapToGlobal(
                self.columns_button.rect().bottomLeft())))
        self.timer.timeout.connect(self.apply_filters)
        self.counts_timer.timeout.connect(self._show_counts)
        self.model.counted.connect(self._show_total)
        self.figure_clear.clicked.connect(self.clear_figure)
        self.filters.changed.connect(self.apply_filters)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort)
        self.table.activated.connect(self._on_activated)
        self._context.case_changed.connect(lambda _id: self.refresh())
        self._context.cases_changed.connect(self.refresh)
        self._context.lists_changed.connect(self.filters.reload_lists)
        self._context.user_changed.connect(self._on_user_changed)

    def current_query(self) -> CaseQuery:
        """The query the search box, the filters and the sort order describe."""
        header = self.table.horizontalHeader()
        fields = self.filters.query_fields()
        fields.update({key: value for key, value in self._drill.items() if value is not None})
        sort = SORT_KEYS[header.sortIndicatorSection()] or self.model.query.sort
        return CaseQuery(search=self.search.text().strip(), **fields, sort=sort,
                         descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def show_figure(self, fields: dict[str, Any], description: str) -> None:
        """Lists the cases behind a figure of the analysis: its slice and filters alone (the
        other filters and the search are cleared, so the count is the figure), and says so."""
        self._drill = dict(fields)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.restore({"state": ALL}, notify=False)
        self.figure_label.setText(self.tr("Showing the cases behind a figure: %1")
                                  .replace("%1", description))
        self.figure_bar.show()
        self.apply_filters()

    def clear_figure(self) -> None:
        """Called when the user clicks Show all cases: back to the register's own filters."""
        self._drill = {}
        self.figure_bar.hide()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Runs the query now (the search timer calls this after a pause in typing)."""
        self.timer.stop()
        self.model.set_query(self.current_query())
        self.table.scrollToTop()  # a new order or filter starts at its first row
        self._rows_changed()

    def refresh(self) -> None:
        """Reads the rows and counts again, keeping the filters and the selection's row."""
        row = self.table.currentIndex().row()
        self.model.refresh()
        self._rows_changed()
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def selected_case(self) -> int | None:
        """The id of the selected case, if any."""
        index = self.table.currentIndex()
        return self.model.data(index, CASE_ID) if index.isValid() else None

    def selected_cases(self) -> list[int]:
        """The ids of the selected cases, in the register's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = (self.model.data(self.model.index(row, 0), CASE_ID) for row in rows)
        return [case_id for case_id in found if case_id is not None]

    def save_layout(self) -> None:
        """Remembers the signed-in user's filters and columns, and the splitter, for the next
        run."""
        settings = QSettings()
        settings.setValue(SETTINGS_FILTERS.format(user=self._user),
                          json.dumps(self.filters.state()))
        self.chooser.save()
        settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())

    def _restore_layout(self) -> None:
        self._user = self._context.user.username
        self.chooser.restore(self._user)
        splitter_state = QSettings().value(SETTINGS_SPLITTER)
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)
        self.filters.restore(self._saved_filters(), notify=False)

    def _saved_filters(self) -> dict[str, Any]:
        try:
            saved = json.loads(str(QSettings().value(SETTINGS_FILTERS.format(user=self._user),
                                                     "{}")))
        except ValueError:
            saved = {}
        return saved if isinstance(saved, dict) else {}

    def _on_user_changed(self) -> None:
        """Called when someone else signs in: their own filters and columns."""
        if self._context.user.username != self._user:
            self.save_layout()
            self._restore_layout()
        self.apply_filters()

    def _rows_changed(self) -> None:
        self._show_total()
        self.counts_timer.start()

    def _show_total(self) -> None:
        """Called when the rows or their count changed: "…" until the count is known."""
        total = self.model.total
        self.count.setText("…" if total is None else self.tr("%n case(s)", "", total))
        self._show_notice()

    def _show_counts(self) -> None:
        """Called just after the rows changed: the number of cases beside each state, and
        whether the filters hide some, counted on the worker (a search scanning every case's
        text takes a while)."""
        if not store.is_open():
            return
        query, now = self.model.query, self._context.now()
        active = [] if self._drill else self.filters.active()
        if not active:
            self._notice = None
            self.notice_bar.setVisible(False)

        def count() -> tuple[dict[str, int], int]:
            everything = listing.count(CaseQuery(search=query.search), now=now) if active else 0
            return listing.count_by_status(query, now=now), everything

        def show(found: tuple[dict[str, int], int]) -> None:
            if query != self.model.query:  # an answer for rows no longer shown is dropped
                return
            by_status, everything = found
            self.filters.show_counts(by_status, sum(by_status.values()))
            if active:
                self._notice = (active, everything)
                self._show_notice()

        runner.run_quietly(self, count, show)

    def _show_notice(self) -> None:
        """Says plainly which filters are on and how many cases they hide ("…" shown until
        the rows are counted)."""
        if self._notice is None:
            return
        active, everything = self._notice
        shown = "…" if self.model.total is None else str(self.model.total)
        text = self.tr("Filters are on (%1): %2 of %3 cases are shown.") if everything else \
            self.tr("Filters are on (%1).")
        self.notice.setText(text.replace("%1", ", ".join(active)).replace("%2", shown)
                            .replace("%3", str(everything)))
        self.notice_bar.setVisible(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Down in the search box goes to the results."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and cast(QKeyEvent, event).key() == Qt.Key.Key_Down):
            self._go_to_results()
            return True
        return super().eventFilter(watched, event)

    def _on_search_entered(self) -> None:
        """Called on Enter in the search box: search now, then go to the results (Enter
        there opens the case)."""
        self.apply_filters()
        self._go_to_results()

    def _go_to_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())
        self.table.setFocus()

    def _on_sort(self, _column: int, _order: Qt.SortOrder) -> None:
        """Called when the user clicks a column header."""
        self.apply_filters()

    def _on_activated(self, index: QModelIndex) -> None:
        """Called on Enter or double-click on a row."""
        case_id = self.model.data(index, CASE_ID)
        if case_id is not None:
            self.open_case.emit(case_id)
