"""The improvement windows' tables: columns as wide as what they hold, one stretching."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableWidget

from app.ui.widgets import read_only_table


def fitted_table(headers: Sequence[str], *, stretch: int, wrap: bool = False) -> QTableWidget:
    """A read-only table whose columns fit their contents but `stretch`, which takes the
    room left (a title, what changed): numbers and dates are never cut. Rows are one line
    each unless `wrap` (a timeline's long texts)."""
    table = read_only_table(headers)
    table.setWordWrap(wrap)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table
