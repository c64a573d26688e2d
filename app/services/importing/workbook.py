"""Opening an .xlsx workbook to import: its sheets, their cells, and what cannot be read.

Cells are read with python-calamine (a Rust reader, ten times faster than openpyxl's
read-only mode on a 10,000-row register, with the same values and dates). openpyxl is kept
for one question calamine cannot answer: which cells hold a formula whose result was never
saved (files written by programs that do not calculate); calamine reads those as empty, and
a row of them would vanish unreported. It is asked only when the sheet holds formulas.

Before anything is parsed, the sizes the archive's parts unpack to are checked: a small
file can hold a part of hundreds of megabytes (a "zip bomb"), which would take minutes and
gigabytes to refuse.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.i18n import Text

MAX_PART_BYTES = 256 * 1024 * 1024  # a sheet or the shared strings, unpacked
SWOLLEN_BYTES = 64 * 1024 * 1024  # a part this big, packed …
MAX_RATIO = 200  # … more than this many times is filler (XML packs 5–50 times)
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")  # a formula element in a sheet's XML
# What any formula element holds: found ten times faster (an `f` is rare in a sheet's XML,
# a `<` is in every element), so the exact search runs only where it may find one.
_MAYBE_FORMULA = re.compile(rb"f[ >/]")

Row = tuple[object, ...]


@dataclass
class Book:
    """An opened workbook: its worksheets in tab order and a way to read their cells."""

    path: Path
    sheets: list[str]  # worksheets (not chart sheets), in tab order
    visible: list[str]  # those a user sees (not hidden)
    _reader: Any = None
    _formulas: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)

    def rows(self, sheet: str) -> list[Row]:
        """Every row of `sheet` from A1, each as long as the widest; an empty cell is ""."""
        return [tuple(row) for row in
                self._reader.get_sheet_by_name(sheet).to_python(skip_empty_area=False)]

    def unsaved_formulas(self, sheet: str) -> dict[tuple[int, int], str]:
        """The cells (1-based row, 0-based column) of `sheet` holding a formula, with the
        formula; empty when the sheet has none (without opening it a second time)."""
        if sheet not in self._formulas:
            self._formulas[sheet] = (_formulas(self.path, self.sheets.index(sheet))
                                     if _has_formulas(self.path) else {})
        return self._formulas[sheet]


@contextmanager
def opened(path: Path) -> Iterator[Book]:
    """The workbook at `path`, checked and opened for reading.

    Raises:
        InputError: the file is missing, may not be read, is not an .xlsx workbook, is
            damaged, unpacks to far more than a register, or has no worksheet.
    """
    if not path.is_file():
        raise InputError(Text("The file “{path}” was not found.", "找不到文件“{path}”。")
                         .format(path=path), field="path")
    _check_sizes(path)
    import python_calamine

    try:
        reader = open_reader(path)
    except PermissionError as error:
        raise _denied(path) from error
    except (python_calamine.CalamineError, OSError, ValueError) as error:
        raise not_excel(path) from error
    try:
        metadata = [sheet for sheet in reader.sheets_metadata
                    if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet]
        sheets = [sheet.name for sheet in metadata]
        visible = [sheet.name for sheet in metadata
                   if sheet.visible == python_calamine.SheetVisibleEnum.Visible]
        if not sheets:
            raise InputError(Text(
                "“{name}” has no worksheet with a table (only charts, or nothing). Open it in "
                "Excel or WPS and check that the register is in it.",
                "“{name}”中没有含表格的工作表（只有图表，或什么都没有）。请用 Excel 或 WPS "
                "打开，确认投诉登记表在其中。").format(name=path.name), field="path")
        yield Book(path, sheets, visible or sheets, reader)
    except (python_calamine.CalamineError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise not_excel(path) from error  # a part missing or damaged shows only when read
    finally:
        reader.close()


def open_reader(path: Path) -> Any:
    """calamine's reader of the workbook at `path` (a seam for tests)."""
    import python_calamine

    return python_calamine.CalamineWorkbook.from_path(str(path))


def _check_sizes(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except PermissionError as error:
        raise _denied(path) from error
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise not_excel(path) from error
    total = sum(part.file_size for part in parts)
    swollen = [part for part in parts if part.file_size > MAX_PART_BYTES
               or (part.file_size > SWOLLEN_BYTES
                   and part.file_size > MAX_RATIO * part.compress_size)]
    if swollen or total > MAX_TOTAL_BYTES:
        biggest = max(parts, key=lambda part: part.file_size)
        raise InputError(Text(
            "“{name}” is not read: a part of it unpacks to {size} MB, far more than any "
            "register holds (the file is damaged or was made to overload programs). Open it "
            "in Excel or WPS, copy the table into a new workbook and import that.",
            "未读取“{name}”：其中一部分解压后达 {size} MB，远超任何登记表的大小（文件已损坏，"
            "或是故意制作来拖垮程序的）。请用 Excel 或 WPS 打开，把表格复制到新工作簿后再导入。")
            .format(name=path.name, size=biggest.file_size // 2**20), field="path")


def not_excel(file: Path) -> InputError:
    """The refusal of a file that is not a readable .xlsx workbook."""
    return InputError(
        Text("“{name}” is not an Excel workbook (.xlsx), or it has a password. Open it in "
             "Excel or WPS, save it as “Excel Workbook (*.xlsx)” without a password, and "
             "import that file.",
             "“{name}”不是 Excel 工作簿（.xlsx）文件，或者设置了密码。请用 Excel 或 WPS "
             "打开，另存为“Excel 工作簿（*.xlsx）”（不设密码）后再导入。")
        .format(name=file.name), field="path")


def _denied(file: Path) -> InputError:
    return InputError(
        Text("The file “{name}” cannot be opened: access is denied. Close it in Excel or "
             "WPS, or copy it to this computer, and try again.",
             "无法打开文件“{name}”：没有访问权限。请先在 Excel 或 WPS 中关闭它，"
             "或把它复制到本机后再试。").format(name=file.name), field="path")


def _has_formulas(path: Path) -> bool:
    """True when any worksheet has a formula element: a quick look at the XML, so that
    openpyxl is loaded only for a workbook that may need it."""
    with zipfile.ZipFile(path) as archive:
        for part in archive.infolist():
            if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                with archive.open(part) as stream:
                    tail = b""
                    while chunk := stream.read(1 << 20):
                        window = tail + chunk
                        if _MAYBE_FORMULA.search(window) and _FORMULA.search(window):
                            return True
                        tail = chunk[-16:]  # an element cut between two reads
    return False


def _formulas(path: Path, index: int) -> dict[tuple[int, int], str]:
    """The formulas of the worksheet at tab position `index`, by cell (openpyxl)."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns on stderr about what it does not support (data validation,
        # unknown extensions); nothing a user importing a register can act on.
        warnings.simplefilter("ignore")
        book = load_workbook(path, read_only=True, data_only=False)
        try:
            sheet = book.worksheets[index]
            return {(row, column): value
                    for row, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
                    for column, value in enumerate(cells)
                    if type(value) is str and value.startswith("=")}
        finally:
            book.close()
