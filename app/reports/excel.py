"""Excel workbooks written a row at a time (xlsxwriter, constant memory), so memory stays flat
whatever the number of rows.

A sheet is a list of typed columns and an iterable of rows. Each column's cells are written
by the one xlsxwriter method its kind needs (text, number, date) with the column's format,
chosen once: deciding the type of every cell again (what `write` does) cost more than
writing it. In constant-memory mode each row goes to the sheet's file as soon as the next
one starts. xlsxwriter's own temporary files go into a scratch folder beside the target,
removed at the end, and the workbook itself is written under a temporary name there and
renamed once complete (files.replacing); what a killed export leaves behind is removed by
the next export into that folder (files.remove_abandoned).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZipFile

from app.reports import files

FORMATS = {
    "datetime": "yyyy-mm-dd hh:mm",
    "date": "yyyy-mm-dd",
    "money": '"¥"#,##0.00',
    "int": "0",
    "text": "General",
}
HEADER_FORMAT = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#4F6D8F",
                 "bottom": 1, "bottom_color": "#2F4A66", "valign": "vcenter", "text_wrap": True}
# Control characters other than tab and line breaks are not allowed in the file's XML.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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
    workbook, no temporary file and an earlier file of that name intact.
    """
    import xlsxwriter

    files.remove_abandoned(path.parent)
    with files.replacing(path) as partial, files.scratch_folder(path) as scratch:
        book = xlsxwriter.Workbook(str(partial), {"constant_memory": True,
                                                  "tmpdir": str(scratch),
                                                  "strings_to_numbers": False,
                                                  "strings_to_formulas": False,
                                                  "strings_to_urls": False})
        try:
            header = book.add_format(HEADER_FORMAT)
            counts = {sheet.title: _write_sheet(book, sheet, header) for sheet in sheets}
        except BaseException:
            _abandon(book)
            raise
        _close(book)
    return counts


def _close(book: Any) -> None:
    """`book.close()`, which writes the file. xlsxwriter reports a failure to write (a full
    disk) wrapped in its own error and leaves its archive open, to be finished again by the
    garbage collector (an error on stderr after the message): the archive is closed here and
    the system's error raised as it was."""
    try:
        book.close()
    except Exception as error:
        for failure in (error, error.__context__):
            traceback = failure.__traceback__ if failure is not None else None
            while traceback is not None:
                for value in list(traceback.tb_frame.f_locals.values()):
                    if isinstance(value, ZipFile):
                        with suppress(Exception):
                            value.close()
                traceback = traceback.tb_next
        cause = error.args[0] if error.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise


def _abandon(book: Any) -> None:
    """Closes the sheets' temporary files of a workbook that will not be written (the
    scratch folder holding them is removed next)."""
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()
    book.fileclosed = True  # nothing left for xlsxwriter to write when it is collected


def _write_sheet(book: Any, spec: Sheet, header: Any) -> int:
    sheet = book.add_worksheet(spec.title)
    writers = []
    for index, column in enumerate(spec.columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, column.header, header)
        writers.append(_writer(book, sheet, column.kind))
    sheet.freeze_panes(1, 0)
    count = 0
    for count, values in enumerate(spec.rows(), start=1):
        for index, value in enumerate(values):
            if value is not None:
                writers[index](count, index, value)
    sheet.autofilter(0, 0, count, max(len(spec.columns), 1) - 1)
    return count


Writer = Callable[[int, int, Any], object]


def _writer(book: Any, sheet: Any, kind: str) -> Writer:
    """The method writing one cell of a column of `kind`, with the column's format."""
    if kind == "text":
        write_string = sheet.write_string

        def text(row: int, column: int, value: Any) -> object:
            if type(value) is not str:
                return sheet.write(row, column, value)
            if not value.isprintable():  # rare: only then look for control characters
                value = _ILLEGAL.sub("", value)
            return write_string(row, column, value)
        return text
    cell_format = book.add_format({"num_format": FORMATS[kind]})
    if kind in ("datetime", "date"):
        write_datetime = sheet.write_datetime

        def moment(row: int, column: int, value: Any) -> object:
            if isinstance(value, date | datetime):
                return write_datetime(row, column, value, cell_format)
            return sheet.write(row, column, value, cell_format)
        return moment
    write_number = sheet.write_number
    return lambda row, column, value: write_number(row, column, value, cell_format)
