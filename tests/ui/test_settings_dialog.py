"""The settings dialog: declarative settings, lists, accounts and templates."""

import base64
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models import RootCause, User
from app.services import catalog, settings, users
from app.services.casework import replies
from app.ui import messages
from app.ui.context import UiContext
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.form import SettingsForm
from app.ui.settings.lists import ListEditor
from tests.conftest import NOW
from tests.ui.conftest import type_text


def _owner_dialog(qtbot: QtBot, owner: User) -> SettingsDialog:
    context = UiContext(clock=lambda: NOW)
    context.sign_in(owner)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tab(dialog: SettingsDialog, title: str):  # noqa: ANN202
    for index in range(dialog.tabs.count()):
        if dialog.tabs.tabText(index) == title:
            dialog.tabs.setCurrentIndex(index)
            return dialog.tabs.widget(index)
    raise AssertionError(title)


def test_deadline_settings_are_saved_or_refused_beside_the_field(qtbot: QtBot,
                                                                 owner: User) -> None:
    form: SettingsForm = _tab(_owner_dialog(qtbot, owner), "Hours and deadlines")
    form.editors["deadline.resolution_days"].setValue(10)
    form.editors["calendar.holidays"].setPlainText("2026-10-01\n2026-10-02")
    form.save.click()
    assert settings.get("deadline.resolution_days") == 10
    assert settings.get("calendar.holidays") == ["2026-10-01", "2026-10-02"]
    form.editors["calendar.holidays"].setPlainText("not a date")
    form.save.click()
    assert form.rows["calendar.holidays"].error.isVisible()
    assert settings.get("calendar.holidays") == ["2026-10-01", "2026-10-02"]


def test_staff_see_settings_but_cannot_change_them(qtbot: QtBot, context: UiContext) -> None:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "User accounts" not in titles and "Root causes" not in titles
    assert not dialog.tabs.widget(0).isEnabled()


def test_an_owner_adds_a_root_cause_and_an_account(qtbot: QtBot, owner: User) -> None:
    dialog = _owner_dialog(qtbot, owner)
    causes: ListEditor = _tab(dialog, "Root causes")
    type_text(causes.code, "RC10")
    type_text(causes.name_zh, "培训不足")
    type_text(causes.name_en, "Not enough training")
    causes.add.click()
    assert catalog.find(RootCause, "RC10").name_zh == "培训不足"
    accounts = _tab(dialog, "User accounts")
    type_text(accounts.username, "staff3")
    type_text(accounts.name, "赵敏")
    accounts.password.setText("secret")
    accounts.add.click()
    assert users.find_user("staff3").display_name == "赵敏"


def test_templates_are_edited(qtbot: QtBot, owner: User) -> None:
    editor = _tab(_owner_dialog(qtbot, owner), "Reply templates")
    editor.list.setCurrentRow(0)
    editor.body.setPlainText("{客户}您好，已收到投诉 {编号}。")
    editor.save.click()
    code = editor.code.text()
    assert [t.body for t in replies.templates("zh_CN") if t.code == code] == [
        "{客户}您好，已收到投诉 {编号}。"]


def test_the_logo_is_chosen_from_a_file(qtbot: QtBot, owner: User, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QImage

    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    image.save(str(logo))
    monkeypatch.setattr(messages, "choose_open_file", lambda *_a, **_k: logo)
    form: SettingsForm = _tab(_owner_dialog(qtbot, owner), "Business")
    picker = form.editors["business.logo"]
    picker.choose.click()
    assert picker.preview.pixmap() is not None and not picker.preview.pixmap().isNull()
    form.save.click()
    assert base64.b64decode(settings.get("business.logo")) == logo.read_bytes()


def test_the_owner_signs_once_for_all_letters(qtbot: QtBot, owner: User) -> None:
    from PySide6.QtCore import QPoint, Qt

    from app.ui.printing.signature import SignatureDialog
    from tests.ui.conftest import when_dialog

    form: SettingsForm = _tab(_owner_dialog(qtbot, owner), "Business")
    picker = form.editors["letter.owner_signature"]

    def sign(dialog: SignatureDialog) -> None:
        qtbot.mousePress(dialog.pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 100))
        qtbot.mouseMove(dialog.pad, QPoint(200, 60))
        qtbot.mouseRelease(dialog.pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 90))
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(SignatureDialog, sign)
    picker.sign.click()
    form.save.click()
    assert base64.b64decode(settings.get("letter.owner_signature")).startswith(b"\x89PNG")
