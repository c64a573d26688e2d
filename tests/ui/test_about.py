"""The program's name, version and icon: in the window's title and the About box."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

import app
from app.models.connection import display_url
from app.services import settings
from app.ui.about import AboutDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.widgets import app_icon
from tests.conftest import NOW


@pytest.fixture
def about(qtbot: QtBot, context: UiContext) -> AboutDialog:
    dialog = AboutDialog(app_icon())
    qtbot.addWidget(dialog)
    return dialog


def _rows(dialog: AboutDialog) -> dict[str, str]:
    form = dialog.findChild(QFormLayout)
    rows = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        if label is not None and isinstance(field, QLabel):
            rows[label.widget().text()] = field.text()
    return rows


def test_the_title_names_the_program_its_version_and_the_business(
        qtbot: QtBot, context: UiContext, owner: object) -> None:
    settings.set_value("business.name", "惠民小店", actor=owner, now=NOW)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.windowTitle() == f"Complaint Desk {app.__version__} — 惠民小店"
    assert not window.windowIcon().isNull()
    window.close()


def test_the_about_box_says_the_version_and_where_the_data_is(about: AboutDialog,
                                                               db: str) -> None:
    assert f"Complaint Desk {app.__version__}" in about.title.text()
    rows = _rows(about)
    assert rows["Error log:"] and "Qt 6" in rows["Built with:"]
    assert about.windowTitle() == "About Complaint Desk"
    if db.startswith("postgresql://"):  # a server: its address, any password hidden
        assert rows["Database:"] == display_url(db)
        assert not hasattr(about, "open_folder")
    else:
        assert rows["Database:"] == str(Path(db).resolve())
        assert about.open_folder.text() == "Open the data folder"


def test_the_about_box_speaks_chinese(qtbot: QtBot, chinese: None, context: UiContext) -> None:
    dialog = AboutDialog(app_icon())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于投诉处理台"
    assert f"投诉处理台 {app.__version__}" in dialog.title.text()
    assert {"数据库：", "错误日志：", "中文字体："} <= set(_rows(dialog))
