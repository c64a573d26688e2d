"""The case view: actions offered by state, their dialogs, the timeline, stale edits."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.models import Complaint, User
from app.services.casework import actions
from app.services.casework.view import CaseDetails
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.conflict import ConflictDialog
from app.ui.case.reply_dialog import ReplyDialog
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.widgets import select_data
from tests.conftest import NOW
from tests.ui.conftest import type_text, when_dialog

MakeCase = Callable[..., Complaint]
Fill = Callable[[ActionDialog], None]


@pytest.fixture
def window(qtbot: QtBot, context: UiContext, make_case: MakeCase) -> CaseWindow:
    case = make_case()
    view = CaseWindow(context, case.id)
    qtbot.addWidget(view)
    view.show()
    return view


def _buttons(window: CaseWindow) -> list[str]:
    return [b.objectName().removeprefix("action-") for b in window.findChildren(QPushButton)
            if b.objectName().startswith("action-") and not b.isHidden()]


def _act(qtbot: QtBot, window: CaseWindow, code: str, *fills: Fill) -> list[str]:
    """Clicks an action; each fill runs before one click on OK; returns errors seen between."""
    errors: list[str] = []

    def drive(dialog: ActionDialog) -> None:
        for fill in fills:
            fill(dialog)
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
            if dialog.isVisible():
                errors.extend(row.error.text() for row in dialog.rows.values()
                              if row.error.isVisible())

    when_dialog(ActionDialog, drive)
    button = window.findChild(QPushButton, f"action-{code}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return errors


def _choose(name: str, data: object) -> Fill:
    return lambda dialog: select_data(dialog.editors[name], data)


def _write(name: str, text: str) -> Fill:
    return lambda dialog: type_text(dialog.editors[name], text)


def _both(*fills: Fill) -> Fill:
    return lambda dialog: [fill(dialog) for fill in fills] and None


def test_a_case_from_acknowledgement_to_close(qtbot: QtBot, window: CaseWindow) -> None:
    assert _buttons(window) == ["acknowledge", "assign", "reject", "solve_now", "follow_up",
                                "flags", "pause", "new_facts", "print", "reply", "record"]
    _act(qtbot, window, "acknowledge", lambda d: None)
    assert window.details.status == "acknowledged"
    _act(qtbot, window, "assign", _both(_choose("department", "after_sales"),
                                        _choose("handler", "staff1")))
    _act(qtbot, window, "investigate", _both(_write("facts", "检测确认主板故障"),
                                             _choose("root_cause", "RC03")))
    errors = _act(qtbot, window, "resolve", lambda d: None, _write("resolution", "更换新品"))
    assert errors == ["Solution is required."]
    assert window.details.status == "resolved"
    _act(qtbot, window, "feedback", _write("feedback", "电话告知客户，客户接受"))
    _act(qtbot, window, "close", _choose("satisfaction", 5))
    details = window.details
    assert (details.status, details.satisfaction, details.root_cause.code) == ("closed", 5, "RC03")
    assert _buttons(window) == ["satisfaction", "reopen", "follow_up", "review", "print",
                                "record"]
    steps = [window.timeline.item(row, 3).text() for row in range(window.timeline.rowCount())]
    assert "Status: New → Acknowledged" in steps
    assert "Handler: 张小芳" in steps
    assert "Root cause: Product defect" in steps
    assert steps[-1] == "Status: Resolved → Closed"
    assert window.title.text().endswith("Closed")


def test_a_refused_step_shows_the_missing_field(qtbot: QtBot, window: CaseWindow) -> None:
    def close_without_answer(dialog: ActionDialog) -> None:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.rows["answer"].error.text() == "Reasoned answer (not upheld) is required."
        dialog.reject()

    when_dialog(ActionDialog, close_without_answer)
    qtbot.mouseClick(window.findChild(QPushButton, "action-reject"), Qt.MouseButton.LeftButton)
    assert CaseDetails.load_id(window.details.id).status == "new"


def test_a_stale_edit_shows_what_changed_and_reloads(qtbot: QtBot, window: CaseWindow,
                                                     staff2: User) -> None:
    actions.perform("acknowledge", window.details.id,
                    expected_version=CaseDetails.load_id(window.details.id).version, values={},
                    actor=staff2, now=NOW + timedelta(minutes=5))
    seen: list[str] = []

    def on_conflict(dialog: ConflictDialog) -> None:
        seen.append(dialog.theirs.toPlainText())
        assert "不属于质量问题" in dialog.mine.toPlainText()
        dialog.accept()

    when_dialog(ConflictDialog, on_conflict)
    _act(qtbot, window, "reject", _write("answer", "不属于质量问题"))
    qtbot.waitUntil(lambda: bool(seen))
    assert "刘明: status" in seen[0]
    assert window.details.status == "acknowledged"  # reloaded: their change, nothing of mine
    assert CaseDetails.load_id(window.details.id).answer == ""


def test_reply_with_a_template_is_recorded(qtbot: QtBot, window: CaseWindow) -> None:
    def reply(dialog: ReplyDialog) -> None:
        dialog.template.setCurrentIndex(1)
        assert "张三" in dialog.text.toPlainText()
        dialog._on_ok()

    when_dialog(ReplyDialog, reply)
    qtbot.mouseClick(window.findChild(QPushButton, "action-reply"), Qt.MouseButton.LeftButton)
    assert window.details.timeline[-1].kind == "reply"
    assert window.details.first_response_at == NOW


def test_guidance_can_be_hidden(qtbot: QtBot, window: CaseWindow) -> None:
    assert window.guidance.isVisible() and "More patience" in window.guidance.text()
    window.show_guidance.setChecked(False)
    assert not window.guidance.isVisible()
