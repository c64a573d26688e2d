"""PySide6 6.12 loses a reference to None with each call of a Qt method that returns nothing;
the application keeps None's count out of its reach, so a window redrawing its reminders all
day is not aborted by Python ("deallocating None")."""

import sys
from collections.abc import Iterator
from datetime import datetime

import PySide6
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.services.casework.reminder_items import Reminder, Reminders
from app.ui import app as ui_app
from app.ui import none_guard
from app.ui.context import UiContext
from app.ui.reminders.panel import RemindersPanel

needs_guard = pytest.mark.skipif(not none_guard.needs_guard(), reason="None is immortal here")


@pytest.fixture(autouse=True)
def names_kept(qapp: QApplication) -> Iterator[None]:
    """make_application names the application: other tests' settings must not move."""
    names = qapp.organizationName(), qapp.applicationName()
    yield
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def _busy_desk() -> Reminders:
    """600 items, as a manager of a busy desk sees each minute."""
    items = {group: [Reminder(group, "decision", number, f"TS-2026-{number:06d}", "张三",
                              datetime(2026, 1, 1), "Decision due") for number in range(200)]
             for group in ("overdue", "today", "soon")}
    return Reminders(items=items, counts={group: 200 for group in items})


@needs_guard
@pytest.mark.skipif(PySide6.__version_info__[:2] != (6, 12), reason="6.11 is without it")
def test_the_fault_is_what_the_guard_is_for(qtbot: QtBot) -> None:
    """PySide6 6.12 loses a reference to None with each call that returns nothing."""
    button = QPushButton()
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for _ in range(1000):
        button.setEnabled(True)
    assert before - sys.getrefcount(None) >= 900


@needs_guard
def test_the_application_raises_nones_count_and_tops_it_up_each_minute(qtbot: QtBot) -> None:
    app = ui_app.make_application()
    assert sys.getrefcount(None) >= none_guard.FLOOR
    timer = app.findChild(QTimer, ui_app.GUARD_TIMER)
    assert timer is not None and timer.isActive() and timer.interval() == 60_000
    ui_app.make_application()
    assert len([t for t in app.findChildren(QTimer) if t.objectName() == ui_app.GUARD_TIMER]) == 1


def test_a_day_of_reminders_redrawn_does_not_abort(qtbot: QtBot) -> None:
    """Each redraw of 600 items loses about 1,200 references; without the guard a few dozen
    abort the test process, which fails the test."""
    ui_app.make_application()
    panel = RemindersPanel(UiContext())
    qtbot.addWidget(panel)
    found = _busy_desk()
    for _ in range(300):
        panel.show_reminders(found)
    groups = [panel.tree.topLevelItem(index) for index in range(panel.tree.topLevelItemCount())]
    assert sum(group.childCount() for group in groups if group is not None) == 600
    assert sys.getrefcount(None) > 0
