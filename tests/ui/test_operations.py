"""One way to run an operation: failures explained through the messages seam (never the
error dialog), and the change announced to every view once it is done."""

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.errors import RuleError
from app.failures import explain
from app.i18n import Text
from app.location import is_postgres
from app.models import Complaint, database_proxy
from app.services.casework.view import CaseDetails
from app.ui import messages, runner
from app.ui.case.reply_dialog import ReplyDialog
from app.ui.case.window import CaseWindow
from app.ui.context import CASES, LISTS, Changes, UiContext
from app.ui.operations import Operation
from app.ui.runner import Progress
from tests.ui.conftest import when_dialog

MakeCase = Callable[..., Complaint]
Shown = list[tuple[str, str]]


class LockedFile(type(Path())):  # type: ignore[misc]
    """A file another program holds open: Windows refuses to read it."""

    def read_bytes(self) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def window(qtbot: QtBot, context: UiContext, make_case: MakeCase) -> CaseWindow:
    view = CaseWindow(context, make_case().id)
    qtbot.addWidget(view)
    view.show()
    return view


def _changed(context: UiContext) -> list[object]:
    seen: list[object] = []
    context.case_changed.connect(seen.append)
    context.cases_changed.connect(lambda: seen.append("cases"))
    context.lists_changed.connect(lambda: seen.append("lists"))
    return seen


def _fail(error: BaseException) -> Callable[..., object]:
    def call(*_args: object) -> object:
        raise error

    return call


def test_a_refusal_is_shown_and_nothing_is_announced(parent: QWidget, context: UiContext,
                                                    shown: Shown) -> None:
    changed = _changed(context)
    refusal = RuleError(Text("The case is closed: reopen it to change it.", "该投诉已结案。"))
    assert not Operation(parent, context, Changes.case(7)).run(_fail(refusal))
    assert shown == [("error", "The case is closed: reopen it to change it.")]
    assert changed == []


def test_success_announces_what_the_operation_changed(parent: QWidget, context: UiContext,
                                                     shown: Shown) -> None:
    changed = _changed(context)
    results: list[object] = []
    assert Operation(parent, context, Changes.case(7)).run(lambda: "saved", results.append)
    assert Operation(parent, context, LISTS).run(lambda: None)
    assert Operation(parent, context, lambda number: Changes.case(number)).run(lambda: 9)
    assert Operation(parent).run(lambda: "a file written")  # changes nothing shown
    assert changed == [7, "lists", 9] and results == ["saved"] and shown == []


def test_a_fault_in_the_program_is_not_explained_away(parent: QWidget, context: UiContext,
                                                      shown: Shown) -> None:
    with pytest.raises(KeyError):
        Operation(parent, context, CASES).run(_fail(KeyError("status")))
    assert shown == []


def test_a_file_another_program_holds_is_named_not_a_crash(
        qtbot: QtBot, window: CaseWindow, context: UiContext, shown: Shown, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    locked = LockedFile(tmp_path / "签字告知书.jpg")
    monkeypatch.setattr(messages, "choose_open_file", lambda *_a, **_k: locked)
    changed = _changed(context)
    menu = window.findChild(QPushButton, "action-print").menu()
    signed = next(a for a in menu.actions() if a.text().startswith("The signed letter"))
    signed.trigger()
    qtbot.mouseClick(window.findChild(QPushButton, "add-file"), Qt.MouseButton.LeftButton)
    said = str(explain(PermissionError(errno.EACCES, "Permission denied", str(locked))))
    assert said.startswith(f"Permission denied: {locked} cannot be read or written.")
    assert shown == [("error", said), ("error", said)]
    assert changed == [] and window.details.attachments == ()


def _hold_the_case(db: str, case_id: int) -> Callable[[], None]:
    """Another PC in the middle of saving the case; returns how it lets go. This PC waits
    0.1 s for it, not the usual 10 s."""
    if is_postgres(db):
        import psycopg

        database_proxy.execute_sql("SET lock_timeout = '100ms'")
        other = psycopg.connect(db)
        other.execute(f'SELECT id FROM "{Complaint._meta.table_name}" WHERE id = %s '
                      "FOR UPDATE", (case_id,))
    else:
        database_proxy.execute_sql("PRAGMA busy_timeout = 100")
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")

    def release() -> None:
        other.rollback()
        other.close()

    return release


def _read_only(db: str, on: bool) -> None:
    """As if the database file (or the server) refused every write."""
    if is_postgres(db):
        database_proxy.execute_sql(f"SET default_transaction_read_only = {'on' if on else 'off'}")
    else:
        database_proxy.execute_sql(f"PRAGMA query_only = {'ON' if on else 'OFF'}")


def test_a_busy_database_is_explained_and_the_retry_is_announced(
        window: CaseWindow, context: UiContext, db: str, shown: Shown) -> None:
    release = _hold_the_case(db, window.details.id)
    changed = _changed(context)
    window.follow_ups.note.setText("Call back with the test result")
    window.follow_ups.add()
    assert shown == [("error", "The database is busy: another PC or program is saving to it. "
                               "Nothing was changed; try again in a moment.")]
    assert changed == [] and window.details.follow_ups == ()
    release()
    window.follow_ups.add()
    assert changed == [window.details.id] and len(shown) == 1
    assert [f.note for f in window.details.follow_ups] == ["Call back with the test result"]


def test_a_read_only_database_is_said_beside_the_dialog_fields(
        qtbot: QtBot, window: CaseWindow, context: UiContext, db: str, shown: Shown) -> None:
    changed = _changed(context)
    seen: list[str] = []

    def reply(dialog: ReplyDialog) -> None:
        dialog.text.setPlainText("We have your complaint and will answer today.")
        record = next(b for b in dialog.findChildren(QPushButton)
                      if b.text() == "Record as told to the customer")
        _read_only(db, True)
        try:
            qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
        finally:
            _read_only(db, False)
        seen.append(dialog.error.text() if dialog.isVisible() else "closed")
        dialog.reject()

    when_dialog(ReplyDialog, reply)
    qtbot.mouseClick(window.findChild(QPushButton, "action-reply"), Qt.MouseButton.LeftButton)
    assert seen and seen[0].startswith("The database is read-only; nothing was changed.")
    assert changed == [] and shown == []
    assert CaseDetails.load_id(window.details.id).version == 1


def test_a_dialog_announces_once_it_closes_accepted(qtbot: QtBot, parent: QWidget,
                                                   context: UiContext) -> None:
    changed = _changed(context)
    when_dialog(QDialog, lambda dialog: dialog.reject())
    assert not Operation(parent, context, Changes.case(3)).run_dialog(QDialog(parent))
    when_dialog(QDialog, lambda dialog: dialog.accept())
    assert Operation(parent, context, Changes.case(3)).run_dialog(QDialog(parent))
    assert changed == [3]


def test_background_work_announces_when_done_and_explains_its_failure(
        qtbot: QtBot, parent: QWidget, context: UiContext, shown: Shown) -> None:
    changed = _changed(context)
    done: list[int] = []
    with qtbot.waitSignal(context.cases_changed, timeout=10_000):
        Operation(parent, context, CASES).run_in_background("job", lambda _p: 3, done.append)
    assert done == [3] and changed == ["cases"]

    def full_disk(_progress: Progress) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/shop/register.xlsx")

    Operation(parent, context, CASES).run_in_background("job", full_disk, done.append)
    assert runner.wait_for_jobs()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("error", "The disk is full: /shop/register.xlsx could not be written. "
                               "Free some space or choose another disk, then try again.")]
    assert done == [3] and changed == ["cases"]
