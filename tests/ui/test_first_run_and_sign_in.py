"""First run on an empty database, signing in, switching user without restarting."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.i18n import EN, ZH, set_language
from app.models import User
from app.services import settings
from app.services.desk import setup
from app.ui import app as ui_app
from app.ui.context import UiContext
from app.ui.signin import SETTINGS_LAST_USER, SignInDialog
from app.ui.welcome import WelcomeDialog
from tests.conftest import NOW
from tests.ui.conftest import type_text, when_dialog


def test_welcome_sets_up_the_business_and_its_owner(qtbot: QtBot, db: str) -> None:
    dialog = WelcomeDialog(UiContext(clock=lambda: NOW))
    qtbot.addWidget(dialog)
    for key, value in (("name", "惠民小店"), ("address", "文化路 8 号"), ("phone", "0571-1234"),
                       ("username", "boss"), ("display_name", "王老板"), ("password", "secret"),
                       ("repeat", "secrex")):
        type_text(dialog.fields[key], value)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.rows["repeat"].error.text() == "The two passwords differ."
    assert setup.needs_setup()
    dialog.fields["repeat"].setText("secret")
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.owner is not None and dialog.owner.role == "owner"
    assert settings.get("business.name") == "惠民小店"


@pytest.mark.parametrize(("language", "file", "owner"), [
    (EN, "complaint-desk-demo-en.sqlite3", "Grace Owen"),
    (ZH, "complaint-desk-demo.sqlite3", "王老板")])
def test_welcome_can_open_demo_data_instead(qtbot: QtBot, db: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch, language: str,
                                            file: str, owner: str) -> None:
    """The demo speaks the window's language, in a file of its own per language."""
    set_language(language)
    monkeypatch.setattr(ui_app, "default_database_path", lambda: tmp_path / "real.sqlite3")
    monkeypatch.setattr(ui_app, "DEMO_CASES", 30)
    when_dialog(WelcomeDialog, lambda d: qtbot.mouseClick(d.demo, Qt.MouseButton.LeftButton))

    def sign_in(dialog: SignInDialog) -> None:
        assert "password “demo”" in "".join(label.text() for label in dialog.findChildren(
            type(dialog.password_row.error)))
        dialog.password.setText("demo")
        dialog._on_sign_in()

    when_dialog(SignInDialog, sign_in)
    user = ui_app.first_user(UiContext(clock=lambda: NOW), None)
    assert user is not None and (tmp_path / file).exists()
    assert not setup.needs_setup()
    assert User.get(User.username == "owner").display_name == owner


def test_sign_in_refuses_a_wrong_password_and_remembers_the_last_user(
        qtbot: QtBot, staff: User, staff2: User) -> None:
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.people.setCurrentIndex(dialog.people.findData("staff2"))
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.password_row.error.text() == "Wrong user name or password."
    assert dialog.user is None and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, "secret")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.user is not None and dialog.user.username == "staff2"
    assert QSettings().value(SETTINGS_LAST_USER) == "staff2"
    again = SignInDialog()
    qtbot.addWidget(again)
    assert again.people.currentData() == "staff2"


def test_a_password_in_the_environment_signs_in_directly(db: str, staff: User,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         ) -> None:
    monkeypatch.setenv("COMPLAINT_DESK_PASSWORD", "secret")
    user = ui_app.first_user(UiContext(), "staff1")
    assert user is not None and user.id == staff.id
