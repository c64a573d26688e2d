"""Reading a complaint register that a shop kept by hand in Excel before using this app.

The rows of one .xlsx sheet become clean values: names stripped, phones as digits, dates as
datetimes. Every cell that cannot be taken is listed with its row and column so the shop can
correct the file. Nothing is written here: recording the cases is the caller's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path

from app.errors import InputError
from app.i18n import Text
from app.services.importing.cells import cell_text, clean_column, cleaner, is_blank, shown
from app.services.importing.columns import FIELD_BY_KEY, FIELDS, header_key
from app.services.importing.workbook import Book, opened

HEADER_SCAN_ROWS = 20  # title rows and notes above the header never run longer than this
MIN_HEADER_MATCHES = 2  # one known word could be a title or a note; two make a header

Cells = tuple[object, ...]


@dataclass(slots=True)  # not frozen: one is made for every row, twice as fast
class SheetRow:
    """One data row whose every cell could be taken; `row` is the Excel row number.

    `values` holds a clean value for each matched column; an optional cell left blank is "".
    """

    row: int
    values: dict[str, object]


@dataclass(frozen=True)
class RowProblem:
    """A cell that cannot be taken: Excel row number, column title, the value as text, why."""

    row: int
    column: str
    value: str
    reason: Text

    @property
    def message(self) -> Text:
        """The whole problem in one sentence, as a list of problems shows it."""
        return Text("Row {row}, column “{column}”: {reason}",
                    "第 {row} 行，列“{column}”：{reason}").format(
            row=self.row, column=self.column, reason=self.reason)


@dataclass(frozen=True)
class SheetReading:
    """What was read from one sheet: where the header is, what each column feeds, the rows.

    `columns` maps a field name to a 0-based column index, in form order. A row with any
    problem is left out of `rows`; each of its bad cells is in `problems`.
    """

    sheet: str
    header_row: int
    headers: list[str]
    columns: dict[str, int]
    unmatched: list[str]
    rows: list[SheetRow]
    problems: list[RowProblem]


def sheet_names(path: str | Path) -> list[str]:
    """The names of the worksheets a user sees in the workbook at `path`, in tab order
    (hidden sheets and chart sheets are not offered; a hidden one may still be named).

    Raises:
        InputError: the file is missing or is not an Excel .xlsx workbook.
    """
    with opened(Path(path)) as book:
        return list(book.visible)


def read_sheet(path: str | Path, *, now: datetime, sheet: str | None = None,
               mapping: Mapping[str, str] | None = None) -> SheetReading:
    """Reads the complaints on `sheet` (the first sheet when None) of the workbook at `path`.

    The header is the row among the first 20 naming the most fields (at least two). Columns
    are matched to fields by their titles; `mapping` (field name → column title as in the
    file; "" for none) chooses, adds or removes columns, and each column feeds one field.
    Dates after `now` or
    before 2000 are problems.

    Raises:
        InputError: the file is missing or not an .xlsx workbook, the sheet does not exist,
            is empty or has no header row, a required column is missing, or `mapping` names
            an unknown field or a column title not in the header.
    """
    mapping = dict(mapping or {})
    _check_field_names(mapping)
    with opened(Path(path)) as book:
        title = _worksheet(book, sheet)
        # calamine reads the cells the file really has, whatever used range it records.
        lines = book.rows(title)
        top = lines[:HEADER_SCAN_ROWS]
        extra_keys = {header_key(text) for text in mapping.values()} - {""}
        header_row = _header_row(top, lines, extra_keys=extra_keys, sheet=title)
        headers = _header_texts(top[header_row - 1])
        columns = _columns(headers, mapping, header_row=header_row)
        _require_columns(columns, headers)
        rows, problems = _read_rows(lines[header_row:], first_row=header_row + 1,
                                    columns=columns, headers=headers, now=now,
                                    formulas=book.unsaved_formulas(title))
    used = set(columns.values())
    unmatched = [text for index, text in enumerate(headers) if text and index not in used]
    return SheetReading(sheet=title, header_row=header_row, headers=headers,
                        columns=columns, unmatched=unmatched, rows=rows, problems=problems)


@dataclass(frozen=True)
class SheetPeek:
    """The top of a sheet, for choosing its columns: the header found, the automatic
    matching (field → 0-based column) and the first data rows as text."""

    sheet: str
    sheets: list[str]
    header_row: int
    headers: list[str]
    columns: dict[str, int]
    sample: list[list[str]]


def peek(path: str | Path, *, sheet: str | None = None, rows: int = 10) -> SheetPeek:
    """The header and first `rows` rows of `sheet` (the first sheet when None), read
    without cleaning anything; a missing required column is not refused here.

    Raises:
        InputError: the file is missing or not an .xlsx workbook, the sheet does not exist,
            is empty or has no header row.
    """
    with opened(Path(path)) as book:
        title = _worksheet(book, sheet)
        lines = book.rows(title)
        top = lines[:HEADER_SCAN_ROWS]
        header_row = _header_row(top, lines, extra_keys=set(), sheet=title)
        headers = _header_texts(top[header_row - 1])
        filled = (cells for cells in lines[header_row:] if not is_blank(*cells))
        sample = [[cell_text(cell) for cell in cells[:len(headers)]]
                  for cells in islice(filled, rows)]
        return SheetPeek(title, list(book.visible), header_row, headers,
                         _columns(headers, {}, header_row=header_row), sample)


def _worksheet(book: Book, sheet: str | None) -> str:
    """The sheet to read: the one named, or the first a user sees."""
    if sheet is None:
        return book.visible[0]
    if sheet not in book.sheets:
        raise InputError(
            Text("There is no sheet “{sheet}” in this workbook. Sheets: {names}.",
                 "工作簿中没有名为“{sheet}”的工作表。现有工作表：{names}。")
            .format(sheet=sheet, names=_listing(book.visible)), field="sheet")
    return sheet


def _header_row(top: Sequence[Cells], rest: Iterable[Cells], *, extra_keys: set[str],
                sheet: str) -> int:
    """The 1-based number of the row in `top` naming the most fields; the first on a tie."""
    known = FIELD_BY_KEY.keys() | extra_keys
    counts = [len({header_key(cell_text(cell)) for cell in cells} & known) for cells in top]
    best = max(counts, default=0)
    if best >= MIN_HEADER_MATCHES:
        return counts.index(best) + 1
    raise _no_header(chain(top, rest), sheet=sheet)


def _no_header(lines: Iterable[Cells], *, sheet: str) -> InputError:
    if all(is_blank(*cells) for cells in lines):
        return InputError(Text("The sheet “{sheet}” is empty.", "工作表“{sheet}”是空的。")
                          .format(sheet=sheet), field="sheet")
    required = _listing([field.label for field in FIELDS.values() if field.required])
    return InputError(
        Text("No header row found in the first {n} rows of the sheet “{sheet}”. The table "
             "needs column titles such as {titles}.",
             "在工作表“{sheet}”的前 {n} 行中找不到表头。表格需要有列标题，例如：{titles}。")
        .format(n=HEADER_SCAN_ROWS, sheet=sheet, titles=required), field="sheet")


def _header_texts(cells: Cells) -> list[str]:
    texts = [cell_text(cell) for cell in cells]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def _columns(headers: Sequence[str], mapping: Mapping[str, str], *,
             header_row: int) -> dict[str, int]:
    keys = [header_key(title) for title in headers]
    columns: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key in FIELD_BY_KEY:
            columns.setdefault(FIELD_BY_KEY[key], index)  # a repeated title: the first counts
    for name, title in mapping.items():
        if not title.strip():  # "" leaves the field out, even if a column's title names it
            columns.pop(name, None)
            continue
        index = _column_titled(title, keys, headers, header_row=header_row)
        columns = {field: used for field, used in columns.items() if used != index}
        columns[name] = index
    return {name: columns[name] for name in FIELDS if name in columns}


def _column_titled(title: str, keys: Sequence[str], headers: Sequence[str], *,
                   header_row: int) -> int:
    key = header_key(title)
    if key and key in keys:
        return keys.index(key)
    raise InputError(
        Text("There is no column “{title}” in the header (row {row}). Columns: {headers}.",
             "表头（第 {row} 行）中没有“{title}”这一列。现有的列：{headers}。")
        .format(title=title, row=header_row, headers=_listing(filter(None, headers))),
        field="mapping")


def _require_columns(columns: Mapping[str, int], headers: Sequence[str]) -> None:
    missing = [field for field in FIELDS.values() if field.required and field.name not in columns]
    if missing:
        raise InputError(
            Text("The sheet has no column for: {missing}. Columns found: {headers}. Rename "
                 "the column titles in the file or choose the columns by hand.",
                 "表格缺少这些列：{missing}。找到的列：{headers}。请修改文件中的列标题，"
                 "或手动指定对应的列。")
            .format(missing=_listing([field.label for field in missing]),
                    headers=_listing(filter(None, headers))),
            field=missing[0].name)


UNSAVED = Text("a formula whose result was never saved ({formula}). Open the file in Excel or "
               "WPS, save it there, and import it again.",
               "公式的计算结果没有保存（{formula}）。请用 Excel 或 WPS 打开并保存该文件后再导入。")


def _read_rows(lines: Iterable[Cells], *, first_row: int, columns: Mapping[str, int],
               headers: Sequence[str], now: datetime,
               formulas: Mapping[tuple[int, int], str] | None = None,
               ) -> tuple[list[SheetRow], list[RowProblem]]:
    """The rows that could be taken, and the problems of those that could not (in row
    order). The cells are cleaned a column at a time: each column's cleaner is made knowing
    the whole column, and runs over it in one pass."""
    problems: list[RowProblem] = []
    kept: list[tuple[int, Cells]] = []
    unsaved = _unsaved_by_row(formulas or {}, set(columns.values()))
    for number, cells in enumerate(lines, start=first_row):
        missing = unsaved.get(number)
        if missing:  # calamine reads these cells as empty: a row of them is not blank
            found = _unsaved_problems(number, cells, missing, headers)
            if found:
                problems.extend(found)
                continue
        if not is_blank(*cells):
            kept.append((number, cells))
    bad: set[int] = set()  # positions in `kept` of rows with a problem
    rows_cells = [cells for _number, cells in kept]
    cleaned = [_read_column(name, index, kept, _column(rows_cells, index), headers, now,
                            problems, bad)
               for name, index in columns.items()]
    names = list(columns)
    rows = [SheetRow(number, dict(zip(names, values, strict=True)))
            for (number, _cells), values in zip(kept, zip(*cleaned, strict=True), strict=True)]
    if bad:
        rows = [row for position, row in enumerate(rows) if position not in bad]
    problems.sort(key=lambda problem: problem.row)  # stable: a row's cells stay in order
    return rows, problems


def _column(rows: Sequence[Cells], index: int) -> list[object]:
    """The cells at `index` of `rows` (None past a row's end)."""
    if min(map(len, rows), default=0) > index:  # calamine's rows are all as wide
        return list(map(itemgetter(index), rows))
    return [cells[index] if index < len(cells) else None for cells in rows]


def _read_column(name: str, index: int, kept: Sequence[tuple[int, Cells]],
                 column: list[object], headers: Sequence[str], now: datetime,
                 problems: list[RowProblem], bad: set[int]) -> list[object]:
    """The clean values of one `column` of the rows `kept`; a cell that cannot be taken
    adds its problem and its row's position to `bad` (its value is then None)."""
    field = FIELDS[name]
    try:
        return clean_column(field, column, now=now)
    except InputError:
        pass  # the column again, a cell at a time, to name every cell that cannot be taken
    clean = cleaner(field, now=now, column=column)
    values: list[object] = []
    for position, raw in enumerate(column):
        try:
            values.append(clean(raw))
        except InputError as error:
            values.append(None)
            bad.add(position)
            problems.append(RowProblem(kept[position][0], headers[index], shown(raw),
                                       error.text))
    return values


def _unsaved_by_row(formulas: Mapping[tuple[int, int], str],
                    used: set[int]) -> dict[int, dict[int, str]]:
    """The formulas in the columns being imported, by row."""
    by_row: dict[int, dict[int, str]] = {}
    for (row, column), formula in formulas.items():
        if column in used:
            by_row.setdefault(row, {})[column] = formula
    return by_row


def _unsaved_problems(number: int, cells: Cells, formulas: Mapping[int, str],
                      headers: Sequence[str]) -> list[RowProblem]:
    """A problem for each formula cell of the row that reads as empty (no saved result)."""
    return [RowProblem(number, headers[column], formula, UNSAVED.format(formula=formula))
            for column, formula in formulas.items()
            if column >= len(cells) or is_blank(cells[column])]


def _listing(items: Iterable[Text | str]) -> Text:
    """Items joined as each language lists them: `a, b` and `a、b`."""
    texts = [item if isinstance(item, Text) else Text(item, item) for item in items]
    return Text(", ".join(text.en for text in texts), "、".join(text.zh for text in texts))


def _check_field_names(mapping: Mapping[str, str]) -> None:
    unknown = [name for name in mapping if name not in FIELDS]
    if unknown:
        raise InputError(
            Text("Unknown field “{name}”. Fields: {names}.",
                 "未知字段“{name}”。可用字段：{names}。")
            .format(name=unknown[0], names=", ".join(FIELDS)), field="mapping")
