"""Smaller promises of the window: Esc closes dialogs, files attach and open, layout is kept."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.models import Complaint
from app.ui import messages
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from app.ui.main_window import MainWindow

MakeCase = Callable[..., Complaint]


def test_escape_closes_a_dialog(qtbot: QtBot, context: UiContext) -> None:
    dialog = IntakeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_photo_is_attached_and_opened(qtbot: QtBot, context: UiContext, make_case: MakeCase,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    photo = tmp_path / "屏幕照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo of the broken screen")
    monkeypatch.setattr(messages, "choose_open_file", lambda *_a, **_k: photo)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = CaseWindow(context, make_case().id)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(4)
    qtbot.mouseClick(window.findChild(QPushButton, "add-file"), Qt.MouseButton.LeftButton)
    assert window.files.rowCount() == 1 and window.files.item(0, 0).text() == "屏幕照片.jpg"
    window.files.selectRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "open-file"), Qt.MouseButton.LeftButton)
    assert Path(opened[0].toLocalFile()).read_bytes() == photo.read_bytes()
    assert window.details.timeline[-1].kind == "attachment"


def test_column_widths_and_window_place_are_remembered(qtbot: QtBot, context: UiContext) -> None:
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.show()
    first.register.table.setColumnWidth(3, 211)  # the category (the customer stretches)
    first.close()
    second = MainWindow(context)
    qtbot.addWidget(second)
    assert second.register.table.columnWidth(3) == 211
