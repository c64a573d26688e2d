"""The main window and settings as a shop uses them every day, in both languages: the
approvals queue brought to the front, reminder groups and queue rows in full, the settings'
pages named in full and a reason when they cannot be changed, the days of the week and Qt's
own widgets in the window's language."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from app.i18n import EN
from app.models import Complaint, User
from app.services import settings
from app.services.casework import actions, workflow
from app.services.compensation import offers
from app.ui.main_window import MainWindow
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.form import SettingsForm
from app.ui.signin import SignInDialog
from app.ui.translation import install_translators
from tests.conftest import NOW
from tests.ui.conftest import signed_in

MakeCase = Callable[..., Complaint]


@pytest.fixture
def waiting(make_case: MakeCase, staff: User) -> Complaint:
    """A flagged case (escalated) with an offer waiting for approval."""
    case = workflow.move(make_case(flags=["group"]).id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offers.propose(case.id, expected_version=case.version, kind="refund", amount="1500",
                   reason="退还全款", actor=staff, now=NOW)
    return case


@pytest.fixture
def manager_window(qtbot: QtBot, manager: User, waiting: Complaint) -> Iterator[MainWindow]:
    window = MainWindow(signed_in(manager))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.watch.updated, timeout=3000):  # read on the worker
        window.watch.check()
    yield window
    window.close()


def _in_front(window: MainWindow) -> str:
    """The panel in front of the two that share the bottom of the window."""
    QApplication.processEvents()
    shown = [panel for panel in (window.reminders, window.approvals)
             if panel.isVisible() and not panel.visibleRegion().isEmpty()]
    assert len(shown) == 1
    return "reminders" if shown[0] is window.reminders else "approvals"


def test_the_approvals_button_always_brings_the_queue_to_the_front(
        manager_window: MainWindow) -> None:
    window = manager_window
    assert _in_front(window) == "reminders"
    for _ in range(2):  # a second click leaves it there (it used to hide the panel)
        window.approvals_action.trigger()
        assert _in_front(window) == "approvals"
    window.approvals_dock.close()
    window.approvals_action.trigger()  # closed by its title bar: the button brings it back
    assert _in_front(window) == "approvals"
    window.reminders_action.trigger()
    assert _in_front(window) == "reminders"


def test_reminder_groups_and_queue_rows_are_shown_in_full(manager_window: MainWindow,
                                                          waiting: Complaint) -> None:
    tree = manager_window.reminders.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert all(group.isFirstColumnSpanned() for group in groups)
    assert any(g.text(0).startswith("Escalated, waiting for a manager") for g in groups)
    table = manager_window.approvals.table
    metrics = table.fontMetrics()
    number = table.item(0, 1).text()
    assert number == waiting.number
    assert table.columnWidth(1) > metrics.horizontalAdvance(number)
    assert table.rowHeight(0) < 2 * metrics.lineSpacing()  # the date is not wrapped


def _page(dialog: SettingsDialog, title: str) -> int:
    return next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == title)


def test_a_manager_is_told_why_the_settings_cannot_be_changed(qtbot: QtBot,
                                                              manager: User) -> None:
    dialog = SettingsDialog(signed_in(manager))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.currentIndex() == 0 and not dialog.tabs.widget(0).isEnabled()
    assert dialog.locked.isVisible()
    assert "Only the owner or an administrator can change" in dialog.locked.text()
    dialog.tabs.setCurrentIndex(_page(dialog, "Categories"))  # lists: a manager edits them
    assert not dialog.locked.isVisible() and dialog.tabs.currentWidget().isEnabled()


def test_every_settings_page_is_named_in_full(qtbot: QtBot, owner: User) -> None:
    dialog = SettingsDialog(signed_in(owner))
    qtbot.addWidget(dialog)
    dialog.show()
    names = dialog.tabs.names
    room = names.viewport().width()
    for row in range(names.count()):
        assert names.fontMetrics().horizontalAdvance(names.item(row).text()) < room
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "This PC"


def _days_off(dialog: SettingsDialog) -> tuple[str, list[str]]:
    form = dialog.tabs.widget(_page(dialog, dialog.tabs.tabText(1)))
    assert isinstance(form, SettingsForm)
    editor = form.editors["calendar.days_off"]
    caption = form.rows["calendar.days_off"].parentWidget().findChildren(QLabel)
    label = next(c.text() for c in caption if c.buddy() is editor)
    return label, [box.text() for box in editor.findChildren(QCheckBox)]


def test_weekdays_speak_the_window_language(qtbot: QtBot, owner: User,
                                            request: pytest.FixtureRequest) -> None:
    dialog = SettingsDialog(signed_in(owner))
    qtbot.addWidget(dialog)
    label, days = _days_off(dialog)
    assert label == "Weekly days off" and days[0] == "Mon" and days[6] == "Sun"
    request.getfixturevalue("chinese")
    chinese = SettingsDialog(signed_in(owner))
    qtbot.addWidget(chinese)
    label, days = _days_off(chinese)
    assert label == "每周休息日"
    assert days == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    form = chinese.tabs.widget(1)
    form.editors["calendar.days_off"].findChildren(QCheckBox)[6].setChecked(True)
    form.save.click()
    assert settings.get("calendar.days_off") == [6]  # Sunday is day 6, as before


def test_qt_own_widgets_follow_the_window_language_not_the_pc(qapp: QApplication,
                                                              chinese: None) -> None:
    assert QLocale().dayName(1) == "星期一"
    install_translators(qapp, EN)  # English chosen on a Chinese PC
    assert QLocale().dayName(1) == "Monday"


def test_sign_in_names_roles_with_the_language_brackets(qtbot: QtBot, owner: User,
                                                        request: pytest.FixtureRequest) -> None:
    english = SignInDialog()
    qtbot.addWidget(english)
    assert english.people.itemText(0) == "王老板 (Owner)"
    request.getfixturevalue("chinese")
    chinese = SignInDialog()
    qtbot.addWidget(chinese)
    assert chinese.people.itemText(0) == "王老板（负责人）"


def test_closing_a_case_does_not_read_like_closing_the_window() -> None:
    assert str(actions.BY_CODE["close"].label) == "Close case"
    assert actions.BY_CODE["close"].label.zh == "结案"
