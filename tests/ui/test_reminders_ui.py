"""Reminders in the window: the panel, follow-ups in two keystrokes, tray notifications."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.models import Complaint, FollowUp, User
from app.services.casework import reminders
from app.services.casework.view import CaseDetails
from app.services.desk.store import close_desk
from app.services.improvement import actions
from app.services.improvement.actions import ActionForm
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.reminders.dialogs import DoneDialog
from app.ui.reminders.notifier import Notifier
from app.ui.reminders.panel import RemindersPanel
from app.ui.reminders.watch import ReminderWatch
from app.ui.runner import wait_for_jobs
from tests.conftest import NOW
from tests.ui.conftest import type_text, when_dialog

MakeCase = Callable[..., Complaint]


class Clock:
    """A clock the test moves forward."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _context(user: User, clock: Clock) -> UiContext:
    context = UiContext(clock=clock)
    context.sign_in(user)
    return context


def test_a_tray_notification_when_an_item_falls_due(qtbot: QtBot, staff: User,
                                                    make_case: MakeCase) -> None:
    clock = Clock(NOW)  # 10:00; the first answer is promised by 18:00
    case = make_case()
    window = MainWindow(_context(staff, clock))
    qtbot.addWidget(window)
    seen: list[tuple[str, str]] = []
    window.notifier.notified.connect(lambda title, text: seen.append((title, text)))
    window.show()  # the first check, on the worker once the window has painted: a summary
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "1 due today" in seen[0][1]
    assert window.reminders_action.text() == "Reminders (1)"
    clock.now = datetime(2026, 3, 4, 18, 1)  # time passes: the promise falls due
    with qtbot.waitSignal(window.notifier.notified, timeout=2000) as raised:
        window.watch.timer.timeout.emit()  # what the minute timer does
    assert raised.args[0].startswith(case.number)
    assert "First answer promised by 2026-03-04 18:00" in raised.args[1]
    count = len(seen)
    with qtbot.waitSignal(window.watch.updated, timeout=2000):
        window.watch.timer.timeout.emit()
    assert len(seen) == count  # announced once


def test_an_escalation_from_another_pc_reaches_the_owner(qtbot: QtBot, owner: User,
                                                         make_case: MakeCase) -> None:
    clock = Clock(NOW)
    notifier = Notifier(QApplication.windowIcon())
    watch = ReminderWatch(_context(owner, clock), notifier)
    with qtbot.waitSignal(watch.updated, timeout=2000):
        watch.start()
    make_case(flags=["group"], description="十几位业主一起来投诉")  # recorded on another PC
    with qtbot.waitSignal(notifier.notified, timeout=2000) as raised:
        watch.timer.timeout.emit()
    assert raised.args[0].startswith("Escalated: TS-2026-000001")
    assert "Group complaint" in raised.args[1]
    watch.timer.stop()


def test_notifications_can_be_switched_off(qtbot: QtBot, staff: User, make_case: MakeCase,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Notifier, "enabled", staticmethod(lambda: False))
    notifier = Notifier(QApplication.windowIcon())
    seen: list[str] = []
    notifier.notified.connect(lambda title, _text: seen.append(title))
    make_case()
    watch = ReminderWatch(_context(staff, Clock(datetime(2026, 3, 5, 9))), notifier)
    with qtbot.waitSignal(watch.updated, timeout=2000) as checked:
        watch.check()
    assert checked.args[0].counts["overdue"] and seen == []


def test_reminders_read_as_the_database_closes_are_dropped(qtbot: QtBot, staff: User,
                                                          make_case: MakeCase) -> None:
    """An answer from the worker that arrives once the database is closed (the window
    closing, a restore) is dropped instead of being shown, which would query it."""
    make_case()
    watch = ReminderWatch(_context(staff, Clock(datetime(2026, 3, 5, 9))),
                          Notifier(QApplication.windowIcon()))
    watch.check()
    wait_for_jobs()  # read on the worker; the answer waits in the event queue
    close_desk()
    with qtbot.assertNotEmitted(watch.updated, wait=100):
        QApplication.processEvents()


def test_the_panel_lists_groups_and_opens_cases(qtbot: QtBot, staff: User,
                                                make_case: MakeCase) -> None:
    case = make_case(received_at=NOW - timedelta(days=9), at=NOW - timedelta(days=9))
    window = MainWindow(_context(staff, Clock(NOW)))
    qtbot.addWidget(window)
    window.show()
    tree = window.reminders.tree
    qtbot.waitUntil(lambda: tree.topLevelItem(0) is not None, timeout=3000)
    overdue = tree.topLevelItem(0)
    assert overdue.text(0) == "Overdue (3)"  # first answer, decision, no contact
    tree.setCurrentItem(overdue.child(0))
    qtbot.mouseClick(window.reminders.open, Qt.MouseButton.LeftButton)
    assert [w.details.number for w in window.findChildren(CaseWindow)] == [case.number]


def test_a_follow_up_in_one_keystroke_after_the_date(qtbot: QtBot, context: UiContext,
                                                     make_case: MakeCase) -> None:
    case = make_case()
    window = CaseWindow(context, case.id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.follow_ups.due
    qtbot.keyClicks(window.follow_ups.due, "06")  # the day: 6 March
    qtbot.keyClick(window.follow_ups.due, Qt.Key.Key_Return)  # and Enter
    follow_up = FollowUp.get()
    assert follow_up.due_at == datetime(2026, 3, 6, 10, 0)
    assert follow_up.note == "Call the customer with an update"
    assert window.follow_ups.table.rowCount() == 1


def test_a_follow_up_is_done_from_the_case_view(qtbot: QtBot, context: UiContext,
                                                make_case: MakeCase) -> None:
    case = make_case()
    window = CaseWindow(context, case.id)
    qtbot.addWidget(window)
    window.show()
    window.follow_ups.add()
    window.follow_ups.table.selectRow(0)

    def finish(dialog: DoneDialog) -> None:
        type_text(dialog.outcome, "已告知客户检测结果")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(DoneDialog, finish)
    window.follow_ups._on_done()
    assert FollowUp.get().outcome == "已告知客户检测结果"
    assert window.follow_ups.table.item(0, 4).text() == "已告知客户检测结果"


def test_pause_and_resume_from_the_case_view(qtbot: QtBot, context: UiContext,
                                             make_case: MakeCase) -> None:
    window = CaseWindow(context, make_case().id)
    qtbot.addWidget(window)
    window.show()

    def pause(dialog: ActionDialog) -> None:
        type_text(dialog.inputs["reason"], "等待质检中心报告")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(ActionDialog, pause)
    qtbot.mouseClick(window.findChild(QPushButton, "action-pause"), Qt.MouseButton.LeftButton)
    assert window.details.clock_paused_at == NOW
    assert "Clock paused since" in window.summary.text()
    when_dialog(ActionDialog, lambda d: qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton))
    qtbot.mouseClick(window.findChild(QPushButton, "action-resume"), Qt.MouseButton.LeftButton)
    assert CaseDetails.load_id(window.details.id).clock_paused_at is None


def test_corrective_actions_have_their_own_group_at_the_top(
        qtbot: QtBot, make_case: MakeCase, manager: User, staff: User) -> None:
    for n in range(3):
        make_case(phone=f"1390000{n:04d}", received_at=NOW - timedelta(days=30),
                  at=NOW - timedelta(days=30))
    context = _context(staff, Clock(NOW))
    panel = RemindersPanel(context)
    qtbot.addWidget(panel)
    later = datetime(2026, 3, 20, 9, 0)
    panel.show_reminders(reminders.reminders(user=staff, now=later))
    tops = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert not any(top.startswith("Corrective actions") for top in tops)  # none: no group
    action = actions.create_action(ActionForm(title="价签每日核对", owner=staff,
                                              due_on=date(2026, 3, 5), root_causes=["RC05"]),
                                   actor=manager, now=NOW)
    panel.show_reminders(reminders.reminders(user=staff, now=later))
    top = panel.tree.topLevelItem(0)
    assert top.text(0) == "Corrective actions due or to judge (1)"
    assert top.isExpanded() and top.child(0).text(0) == f"Action #{action.id}"


def test_the_check_runs_on_the_worker_after_the_first_paint(qtbot: QtBot, staff: User,
                                                            make_case: MakeCase,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            ) -> None:
    import threading

    from PySide6.QtCore import QEvent, QObject

    from app.services.casework import reminders

    make_case()
    seen: list[str] = []
    read = reminders.reminders

    def checked(**arguments: object) -> object:
        seen.append("check on the UI thread" if threading.current_thread() is
                    threading.main_thread() else "check on the worker")
        return read(**arguments)  # type: ignore[arg-type]

    class Paints(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "paint" not in seen:
                seen.append("paint")
            return False

    monkeypatch.setattr(reminders, "reminders", checked)
    window = MainWindow(_context(staff, Clock(NOW)))
    qtbot.addWidget(window)
    paints = Paints()
    window.register.table.viewport().installEventFilter(paints)
    window.show()
    qtbot.waitUntil(lambda: window.reminders.tree.topLevelItem(0) is not None, timeout=3000)
    assert seen[:2] == ["paint", "check on the worker"]
