"""Every window fits a 1366×768 screen (taskbar included) in Chinese and in English."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.i18n import EN, ZH, set_language
from app.models import Complaint, User
from app.services.casework import actions
from app.services.casework.view import CaseDetails
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from app.ui.main_window import MainWindow
from app.ui.settings.dialog import SettingsDialog
from app.ui.translation import install_translators

SCREEN_WIDTH, USABLE_HEIGHT = 1366, 768 - 40  # a Windows taskbar takes about 40 pixels


@pytest.mark.parametrize("language", [ZH, EN])
def test_windows_fit_a_small_laptop_screen(qtbot: QtBot, qapp: object, language: str,
                                           owner: User, make_case: Callable[..., Complaint],
                                           ) -> None:
    set_language(language)
    translators = install_translators(qapp, language)  # type: ignore[arg-type]
    try:
        context = UiContext()
        context.sign_in(owner)
        details = CaseDetails.load(make_case(flags=["group", "risk"]).number)
        windows: list[QWidget] = [
            MainWindow(context), IntakeDialog(context), CaseWindow(context, details.id),
            SettingsDialog(context),
            *(ActionDialog(a, details, lambda *_a: None) for a in actions.ACTIONS),
        ]
        too_big = {}
        for window in windows:
            qtbot.addWidget(window)
            needed, chosen = window.minimumSizeHint(), window.size()
            if max(needed.width(), chosen.width()) > SCREEN_WIDTH or \
                    max(needed.height(), chosen.height()) > USABLE_HEIGHT:
                too_big[type(window).__name__] = (needed.toTuple(), chosen.toTuple())
        assert too_big == {}
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[attr-defined]
        set_language(EN)
