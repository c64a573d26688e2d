"""Workbooks that are odd or hostile: no sheets, a missing part, only charts, a hidden first
sheet, formulas never calculated, openpyxl's warnings, a part that unpacks to hundreds of
megabytes. Each is refused or read in words, never an "Unexpected error"."""

from __future__ import annotations

import re
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import InputError
from app.models import Complaint, User
from app.services.importing import importer, workbook
from app.services.importing.reader import peek, read_sheet, sheet_names
from tests.conftest import NOW

HEADER = ["客户姓名", "电话", "投诉日期", "投诉内容"]
GOOD = ["张三", "13800138000", "2026-03-01", "电饭煲使用三天后无法开机"]
OTHER = ["李四", "13900139000", "2026-03-02", "送货晚了两天"]


def _rewrite(path: Path, change: dict[str, bytes | None]) -> Path:
    """The workbook at `path` with some parts replaced (or removed, for None)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, content in change.items():
        if content is None:
            parts.pop(name)
        else:
            parts[name] = content
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def _register(path: Path, *rows: list[object]) -> Path:
    book = Workbook()
    for row in (HEADER, *rows):
        book.active.append(row)
    book.save(path)
    return path


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_sheet(path, now=NOW)
    return caught.value


def test_a_workbook_without_sheets_is_refused_in_words(tmp_path: Path) -> None:
    path = _register(tmp_path / "empty.xlsx", GOOD)
    with zipfile.ZipFile(path) as archive:
        book_xml = archive.read("xl/workbook.xml")
    emptied = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", book_xml)
    _rewrite(path, {"xl/workbook.xml": emptied})
    error = _refused(path)
    assert "has no worksheet with a table" in error.text.en
    assert "没有含表格的工作表" in error.text.zh


def test_a_workbook_missing_its_sheet_is_refused_in_words(tmp_path: Path) -> None:
    path = _rewrite(_register(tmp_path / "broken.xlsx", GOOD),
                    {"xl/worksheets/sheet1.xml": None})
    assert "is not an Excel workbook (.xlsx)" in _refused(path).text.en
    with pytest.raises(InputError):
        peek(path)


def test_a_workbook_of_only_a_chart_sheet_is_refused_in_words(tmp_path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    book.create_chartsheet("图表")
    path = tmp_path / "chart.xlsx"
    book.save(path)
    assert "has no worksheet with a table" in _refused(path).text.en
    with pytest.raises(InputError):
        sheet_names(path)


def test_the_first_visible_sheet_is_read_not_a_hidden_one(tmp_path: Path) -> None:
    book = Workbook()
    hidden = book.active
    hidden.title = "旧数据"
    for row in (HEADER, OTHER):
        hidden.append(row)
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("2026")
    for row in (HEADER, GOOD):
        shown.append(row)
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    assert sheet_names(path) == ["2026"]
    reading = read_sheet(path, now=NOW)
    assert reading.sheet == "2026" and reading.rows[0].values["customer_name"] == "张三"
    assert peek(path).sheet == "2026"
    named = read_sheet(path, now=NOW, sheet="旧数据")  # still there when asked for by name
    assert named.rows[0].values["customer_name"] == "李四"


def test_a_row_of_formulas_never_calculated_is_reported_not_dropped(owner: User,
                                                                   tmp_path: Path) -> None:
    # openpyxl saves formulas without their results, as programs that do not calculate do.
    path = _register(tmp_path / "formulas.xlsx", GOOD,
                     ['="王"&"五"', "=13700137000", "2026-03-03", '="空调"&"不制冷"'], OTHER)
    reading = read_sheet(path, now=NOW)
    assert [row.row for row in reading.rows] == [2, 4]
    assert {(p.row, p.column) for p in reading.problems} == {(3, "客户姓名"), (3, "电话"),
                                                             (3, "投诉内容")}
    problem = next(p for p in reading.problems if p.column == "电话")
    assert problem.value == "=13700137000" and "never saved" in problem.reason.en
    report = importer.import_cases(path, actor=owner, now=NOW, skip_bad_rows=True)
    assert report.bad_rows == 1 and len(report.created) == 2
    assert Complaint.select().count() == 2


def test_openpyxl_warnings_do_not_reach_the_user(tmp_path: Path,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    path = _register(tmp_path / "validated.xlsx", GOOD, ["=A2", *GOOD[1:]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    # A data validation extension: openpyxl warns that it does not support it.
    extension = (b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
                 b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                 b'<x14:dataValidations count="0"/></ext></extLst></worksheet>')
    _rewrite(path, {"xl/worksheets/sheet1.xml": sheet.replace(b"</worksheet>", extension)})
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        reading = read_sheet(path, now=NOW)
    assert [p.row for p in reading.problems] == [3]  # openpyxl was asked about formulas
    assert seen == [] and capfd.readouterr().err == ""


def test_a_part_unpacking_to_hundreds_of_megabytes_is_refused_before_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _register(tmp_path / "bomb.xlsx", GOOD)
    strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               b'count="1" uniqueCount="1"><si><t>' + b"A" * (80 * 2**20) + b"</t></si></sst>")
    _rewrite(path, {"xl/sharedStrings.xml": strings})
    assert path.stat().st_size < 1_000_000

    def parsed(_path: Path) -> None:
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(workbook, "open_reader", parsed)
    started = datetime.now()
    error = _refused(path)
    assert "unpacks to 80 MB" in error.text.en and "解压后达 80 MB" in error.text.zh
    assert (datetime.now() - started).total_seconds() < 5
