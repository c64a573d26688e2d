"""The analysis view's tables: each row carries the slice of cases it counts (its door)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.services.analysis.breakdowns import TeamRow
from app.services.analysis.pareto import Pareto

DOOR = Qt.ItemDataRole.UserRole


def door_table(headers: Sequence[str]) -> QTableWidget:
    """A read-only table whose rows are chosen whole."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # The names' column is never narrower than its title: the table scrolls instead.
    header.setMinimumSectionSize(header.sectionSizeFromContents(0).width())
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for index, (door, texts) in enumerate(rows):
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 0:
                item.setData(DOOR, door)
            table.setItem(index, column, item)
    for column in range(1, table.columnCount()):
        table.resizeColumnToContents(column)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def fill_pareto(table: QTableWidget, pareto: Pareto) -> None:
    """One row per cause: its count, share, cumulative share and class."""
    _fill(table, [(row.door, [str(row.name), str(row.count), _pct(100 * row.share),
                              _pct(100 * row.cumulative_share), row.klass])
                  for row in pareto.rows])


def fill_teams(table: QTableWidget, rows: Sequence[TeamRow]) -> None:
    """One row per department or handler."""
    _fill(table, [(row.door, [str(row.name), str(row.received), _pct(row.on_time_pct),
                              _num(row.median_days), str(row.overdue_now),
                              _num(row.satisfaction_avg)]) for row in rows])
