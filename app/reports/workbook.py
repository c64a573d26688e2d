"""The analysis as a typed Excel workbook (xlsxwriter): one sheet per table, numbers as
numbers, percentages and amounts formatted, a frozen header, columns sized to their titles."""

from __future__ import annotations

from pathlib import Path

from app.reports import files
from app.reports.review_data import CHANGE, COUNT, DAYS, NUMBER, PERCENT, SHARE, YUAN, Grid

_FORMATS = {COUNT: "0", PERCENT: "0.0%", SHARE: "0.0%", YUAN: "¥#,##0.00", DAYS: "0.0",
            CHANGE: "+0.##;-0.##;0", NUMBER: "General"}
_INVALID = "[]:*?/\\"


def build_workbook(grids: list[Grid], path: Path) -> Path:
    """Writes each table to its own sheet of a new workbook at `path`, whole or not at all
    (under a temporary name, renamed at the end)."""
    with files.replacing(path) as partial:
        _write_book(grids, partial)
    return path


def _write_book(grids: list[Grid], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    header = book.add_format({"bold": True, "bg_color": "#eceff1", "border": 1,
                              "text_wrap": True, "valign": "top"})
    formats = {kind: book.add_format({"num_format": pattern})
               for kind, pattern in _FORMATS.items()}
    used: set[str] = set()
    for grid in grids:
        sheet = book.add_worksheet(_sheet_name(grid.sheet or grid.title, used))
        for column, spec in enumerate(grid.columns):
            sheet.write_string(0, column, spec.title, header)
            sheet.set_column(column, column, max(10, min(40, 2 * len(spec.title) + 2)))
        for row, values in enumerate(grid.rows, start=1):
            for column, (value, spec) in enumerate(zip(values, grid.columns, strict=True)):
                _write(sheet, row, column, value, spec.kind, formats)
        sheet.freeze_panes(1, 0)
    book.close()


def _write(sheet: object, row: int, column: int, value: object, kind: str,
           formats: dict[str, object]) -> None:
    if value is None:
        sheet.write_blank(row, column, None)  # type: ignore[attr-defined]
    elif kind in (PERCENT,):
        sheet.write_number(row, column, float(value) / 100, formats[kind])  # type: ignore
    elif kind in formats:
        sheet.write_number(row, column, float(value), formats[kind])  # type: ignore
    else:
        sheet.write_string(row, column, str(value))  # type: ignore[attr-defined]


def _sheet_name(title: str, used: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique."""
    base = "".join(" " if ch in _INVALID else ch for ch in title).strip()[:28] or "Sheet"
    name, number = base, 2
    while name.lower() in used:
        name, number = f"{base[:26]} {number}", number + 1
    used.add(name.lower())
    return name
