"""Excel workbooks written a row at a time (openpyxl write-only), so memory stays flat
whatever the number of rows.

A sheet is a list of typed columns and an iterable of rows. Each typed column has one
styled cell that every row reuses: openpyxl writes a cell the moment its row is appended,
so reuse is safe, and it saves building a styled cell for every date and amount.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from app.reports import files

FORMATS = {
    "datetime": "yyyy-mm-dd hh:mm",
    "date": "yyyy-mm-dd",
    "money": '"¥"#,##0.00',
    "int": "0",
    "text": "General",
}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="4F6D8F")
HEADER_BORDER = Border(bottom=Side(style="thin", color="2F4A66"))


@dataclass(frozen=True)
class Column:
    """A column: its header, the kind of its values (a key of FORMATS) and its width."""

    header: str
    kind: str = "text"
    width: float = 12


@dataclass(frozen=True)
class Sheet:
    """A sheet to write. `rows` is called when the sheet's turn comes, so it may depend on
    what earlier sheets saw (a summary of the rows above)."""

    title: str
    columns: Sequence[Column]
    rows: Callable[[], Iterable[Sequence[Any]]]


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> dict[str, int]:
    """Writes the sheets to `path` and returns the number of rows of each.

    The file is written under a temporary name and renamed at the end (files.replacing):
    stopping half way (a row iterator may raise), or failing, leaves no half-written
    workbook and an earlier file of that name intact. Whatever happens, every file and
    writer opened is closed here, none is left for the garbage collector to finish.
    """
    workbook = Workbook(write_only=True)
    try:
        with files.replacing(path) as partial:
            counts = {sheet.title: _write_sheet(workbook.create_sheet(sheet.title), sheet)
                      for sheet in sheets}
            _save(workbook, partial)
    except BaseException:
        _abandon(workbook)
        raise
    return counts


def _save(workbook: Workbook, path: Path) -> None:
    """What `workbook.save` does, but the archive is closed even when writing fails: left
    open, it would try to finish the file again when collected (an error on stderr)."""
    workbook.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()


def _abandon(workbook: Workbook) -> None:
    """Ends the sheets' writers and deletes the rows they buffered on disk. Left to the
    garbage collector, each would write to its already closed buffer file (an error on
    stderr), and the files would stay until the program exits."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        # The row writer, then the file's: each ends now, and a failure to finish a file
        # being abandoned (a full disk) does not matter.
        for generator in (getattr(sheet, "_rows", None), writer.xf):
            if generator is not None:
                with suppress(Exception):
                    generator.close()
        Path(writer.out).unlink(missing_ok=True)


def _write_sheet(sheet: WriteOnlyWorksheet, spec: Sheet) -> int:
    # Widths and the frozen header go in the sheet's head, written with the first row.
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, column.header) for column in spec.columns])
    typed = [(index, _typed_cell(sheet, column.kind))
             for index, column in enumerate(spec.columns) if column.kind != "text"]
    count = 0
    for values in spec.rows():
        sheet.append(_cells(sheet, list(values), typed))
        count += 1
    last = get_column_letter(max(len(spec.columns), 1))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"  # type: ignore[attr-defined]  # after the rows
    return count


def _header_cell(sheet: WriteOnlyWorksheet, text: str) -> Cell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    return cell


def _typed_cell(sheet: WriteOnlyWorksheet, kind: str) -> Cell:
    cell = WriteOnlyCell(sheet)
    cell.number_format = FORMATS[kind]
    return cell


def _cells(sheet: WriteOnlyWorksheet, row: list[Any],
           typed: list[tuple[int, Cell]]) -> list[Any]:
    """The row with its typed values in their column's styled cell and its text made safe.

    Per row rather than per cell: this runs for every one of 100,000 rows.
    """
    for index, template in typed:
        if row[index] is not None:
            template.value = row[index]
            row[index] = template
    text = "".join(value for value in row if type(value) is str)
    if not text.isprintable() or "=" in text:  # rare: look at each text
        row = [_text(sheet, value) if type(value) is str else value for value in row]
    return row


def _text(sheet: WriteOnlyWorksheet, value: str) -> Any:
    # Control characters pasted into a description are not allowed in the file's XML.
    if not value.isprintable():
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith("="):  # a customer's words, never a formula
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
