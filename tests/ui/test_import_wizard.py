"""The import wizard: file and sheet, columns matched and changed, the check, the import."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.models import Complaint, User
from app.ui import messages
from app.ui.context import UiContext
from app.ui.excel.import_wizard import ImportWizard, start_import
from app.ui.main_window import MainWindow
from app.ui.runner import wait_for_jobs
from tests.ui.conftest import signed_in

HEADER = ["客户姓名", "联系方式", "投诉日期", "投诉内容", "备注"]
GOOD = [["王小芳", "138 0013 8000", "2025/3/5", "电饭煲坏了", ""],
        ["李雷", "13900000001", datetime(2025, 4, 1), "送货晚了", "老客户"]]
BAD = ["赵敏", "13900000002", "明天", "收银多收", ""]


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    book.active.title = "登记"
    book.active.append(["2025年投诉登记表"])
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    book.create_sheet("说明").append(["本表由门店填写"])
    book.save(path)
    return path


@pytest.fixture
def manager_context(manager: User) -> UiContext:
    return signed_in(manager)


@pytest.fixture
def wizard(qtbot: QtBot, manager_context: UiContext, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[ImportWizard]:
    path = _workbook(tmp_path / "旧登记表.xlsx", [*GOOD, BAD])
    monkeypatch.setattr(messages, "choose_open_file", lambda *_a: path)
    shown = ImportWizard(manager_context)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def _to_check_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.files.browse, qtbot_left())
    assert wizard.files.isComplete() and wizard.files.sheet.currentText() == "登记"
    wizard.next()
    phone = wizard.columns.choices["phone"]
    assert not wizard.columns.isComplete()  # 联系方式 is not a title it knows
    phone.setCurrentIndex(phone.findText("联系方式"))
    assert wizard.columns.isComplete()
    wizard.next()
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: wizard.check.report is not None, timeout=5000)


def qtbot_left() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_columns_are_matched_from_titles_and_shown_with_the_first_rows(
        qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.files.browse, qtbot_left())
    wizard.next()
    columns = wizard.columns
    assert columns.choices["customer_name"].currentText() == "客户姓名"
    assert columns.choices["received_at"].currentText() == "投诉日期"
    assert columns.choices["phone"].currentData() == -1
    assert columns.note.text() == "Choose a column for: Phone"  # required, no column yet
    assert columns.preview.rowCount() == 3
    assert columns.preview.item(1, 2).text() == "2025-04-01 00:00"


def test_the_check_lists_each_bad_cell_and_imports_only_when_told(
        qtbot: QtBot, wizard: ImportWizard, manager_context: UiContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _to_check_page(qtbot, wizard)
    check = wizard.check
    assert "2 can be imported, 1 have problems" in check.summary.text()
    assert [check.problems.item(0, c).text() for c in range(3)] == ["5", "投诉日期", "明天"]
    assert Complaint.select().count() == 0  # the check changed nothing
    assert not check.isComplete()
    check.skip.setChecked(True)
    assert check.isComplete()
    said: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _p, text, **_k: said.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    start_import(parent, manager_context, wizard.choice())
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said[0].startswith("2 case(s) imported from “旧登记表.xlsx”; 1 row(s) skipped")
    assert Complaint.select().count() == 2


def test_a_file_that_is_not_excel_says_why_on_the_page(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path) -> None:
    notes = tmp_path / "notes.xlsx"
    notes.write_text("not a workbook", encoding="utf-8")
    wizard.files.load(notes)
    assert not wizard.files.isComplete() and "not an Excel workbook" in wizard.files.error.text()


def test_only_those_allowed_see_the_import(qtbot: QtBot, context: UiContext,
                                           manager_context: UiContext) -> None:
    for ui, visible in ((context, False), (manager_context, True)):
        window = MainWindow(ui)
        qtbot.addWidget(window)
        assert window.import_action.isVisible() is visible
        window.close()
