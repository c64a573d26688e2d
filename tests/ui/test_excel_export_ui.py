"""Export to Excel from the window: the register's filters, a timeline sheet, Cancel."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.models import Complaint
from app.services.register.listing import CaseQuery
from app.ui import messages
from app.ui.context import UiContext
from app.ui.excel.export import ExportChoice, export_job
from app.ui.main_window import MainWindow
from app.ui.runner import run_in_background, wait_for_jobs
from tests.conftest import NOW
from tests.ui.conftest import PausedJob, when_dialog

MakeCase = Callable[..., Complaint]


@pytest.fixture
def window(qtbot: QtBot, context: UiContext, make_case: MakeCase) -> Iterator[MainWindow]:
    make_case(customer_name="王芳", phone="13900000001", description="手机屏幕碎裂")
    make_case(customer_name="Alice", phone="13900000002", description="parcel late")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def test_the_register_as_filtered_goes_to_the_chosen_file(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.keyClicks(window.register.search, "parcel")
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 1, timeout=3000)
    opened: list[Path] = []
    monkeypatch.setattr(messages, "choose_save_file", lambda *_a: tmp_path / "register")
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(messages, "open_file", opened.append)
    said: list[str] = []

    def choose(dialog: ExportChoice) -> None:
        said.append(dialog.summary.text())
        dialog.events.setChecked(True)
        dialog.ok.click()

    when_dialog(ExportChoice, choose)
    window.export_action.trigger()
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: opened == [tmp_path / "register.xlsx"], timeout=5000)
    assert said[0].startswith("1 case(s) match")
    book = load_workbook(opened[0])
    rows = list(book["Complaints"].iter_rows(values_only=True))
    assert len(rows) == 2 and "Alice" in rows[1] and "parcel late" in rows[1]
    timeline = list(book["Timeline"].iter_rows(values_only=True))[1:]
    assert timeline and {row[0] for row in timeline} == {rows[1][0]}  # that case's events only


def test_nothing_to_export_cannot_be_confirmed(qtbot: QtBot, context: UiContext) -> None:
    dialog = ExportChoice(0)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()


def test_a_cancelled_export_writes_nothing(qtbot: QtBot, context: UiContext,
                                           make_case: MakeCase, tmp_path: Path) -> None:
    for index in range(3):
        make_case(phone=f"1390000010{index}")
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[object] = []
    path = tmp_path / "exports" / "r.xlsx"
    path.parent.mkdir()
    job = export_job(CaseQuery(), path, now=NOW, language="en", events=True)
    paused = PausedJob(job)
    progress = run_in_background(parent, "export", paused, done.append)
    paused.cancel(progress)
    assert wait_for_jobs()
    QApplication.processEvents()
    assert done == [] and list(path.parent.iterdir()) == []
