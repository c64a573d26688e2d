"""Corrective actions in the window: the action list, and an action's window taken from
start to verified, with typed work kept through notes, reloads, closing and steps."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from app.models import Complaint, CorrectiveAction, User
from app.services.improvement import actions, lifecycle
from app.ui import messages
from app.ui.context import UiContext
from app.ui.improvement.action_list import ActionsWindow
from app.ui.improvement.action_view import ActionView
from app.ui.improvement.steps import StepDialog
from tests.conftest import NOW
from tests.ui.conftest import signed_in, type_text, when_dialog
from tests.ui.improvement_support import CHECK, button, confirm, make_action

MakeCase = Callable[..., Complaint]


def test_the_list_shows_what_concerns_each_user_and_opens_an_action(
        qtbot: QtBot, manager: User, staff: User, staff2: User) -> None:
    mine = make_action(manager, staff)
    make_action(manager, staff2, title="价签核对")
    window = ActionsWindow(signed_in(manager))
    qtbot.addWidget(window)
    assert window.table.rowCount() == 2 and not window.new.isHidden()
    window.table.selectRow(1)
    with qtbot.waitSignal(window.open_action) as opened:
        window.open_button.click()
    assert opened.args == [mine.id]
    theirs = ActionsWindow(signed_in(staff))
    qtbot.addWidget(theirs)
    assert theirs.table.rowCount() == 1 and theirs.table.item(0, 1).text() == "电饭煲来货抽检"
    assert theirs.new.isHidden()


def test_an_action_taken_from_start_to_verified_in_its_window(
        qtbot: QtBot, make_case: MakeCase, manager: User, staff: User) -> None:
    case = make_case()
    action = make_action(manager, staff, case_ids=[case.id])
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    assert button(view, "step-in_progress") is not None
    assert button(view, "step-cancelled") is None  # a manager's step
    when_dialog(StepDialog, confirm())
    button(view, "step-in_progress").click()
    type_text(view.analysis, "为什么：模具磨损")
    type_text(view.measure, "每批来货开箱抽检")
    view.save.click()
    when_dialog(StepDialog, confirm())
    button(view, "step-done").click()
    assert CorrectiveAction.get_by_id(action.id).status == "done"
    assert view.effect.text().startswith("Just done: new cases with the same cause")
    at_check = UiContext(clock=lambda: CHECK)
    at_check.sign_in(manager)
    judge = ActionView(at_check, action.id)
    qtbot.addWidget(judge)
    shown: list[str] = []

    def verdict(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        shown.append(dialog.comparison.text())
        dialog.ok.click()

    when_dialog(StepDialog, verdict)
    button(judge, "step-verified").click()
    assert CorrectiveAction.get_by_id(action.id).status == "verified"
    assert shown and "in the 56 days before it was done" in shown[0]
    assert button(judge, "edit-action") is None and not judge.save.isEnabled()
    said = [judge.timeline.item(row, 3).text() for row in range(judge.timeline.rowCount())]
    assert "State: Done → Verified effective" in said


def test_typed_work_survives_a_note_and_any_reload(qtbot: QtBot, manager: User,
                                                   staff: User) -> None:
    action = make_action(manager, staff)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    type_text(view.containment, "下架同批次")
    type_text(view.analysis, "为什么：模具磨损")
    when_dialog(StepDialog, confirm("已联系供应商"))
    view.note.click()
    view.reload()
    assert view.containment.toPlainText() == "下架同批次"
    assert view.analysis.toPlainText() == "为什么：模具磨损"
    assert view.unsaved() == {"containment": "下架同批次", "cause_analysis": "为什么：模具磨损"}
    view.save.click()
    assert CorrectiveAction.get_by_id(action.id).containment == "下架同批次"
    assert view.unsaved() == {}


def test_typed_work_is_kept_and_a_change_saved_under_it_is_told(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, manager: User, staff: User) -> None:
    action = make_action(manager, staff)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    told: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, **_k: told.append(text))
    type_text(view.containment, "下架同批次")
    type_text(view.measure, "每批抽检")
    actions.update_action(action.id, values={"containment": "暂停销售"},
                          expected_version=action.version, actor=manager, now=NOW)
    view.reload()
    assert view.containment.toPlainText() == "下架同批次"  # kept, not overwritten
    assert len(told) == 1 and "Someone else saved Containment" in told[0]
    assert "Corrective action" not in told[0]  # nobody else touched that one
    view.save.click()
    assert told[1:] == [] and view.unsaved() == {}


@pytest.mark.parametrize("save", [True, False])
def test_closing_with_typed_work_asks_to_save_it(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                 manager: User, staff: User, save: bool) -> None:
    action = make_action(manager, staff)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    view.show()
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm",
                        lambda _parent, text, **_k: asked.append(text) or save)
    view.close()  # nothing typed: closes without a question
    assert asked == [] and not view.isVisible()
    view.show()
    type_text(view.containment, "下架同批次")
    view.close()
    assert len(asked) == 1 and "not saved" in asked[0] and not view.isVisible()
    assert CorrectiveAction.get_by_id(action.id).containment == ("下架同批次" if save else "")


def test_marking_done_carries_the_work_typed_and_not_saved(qtbot: QtBot, manager: User,
                                                         staff: User) -> None:
    action = make_action(manager, staff)
    lifecycle.move_action(action.id, "in_progress", expected_version=action.version,
                          actor=staff, now=NOW)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    type_text(view.analysis, "为什么：模具磨损")
    type_text(view.measure, "每批来货开箱抽检")
    errors: list[str] = []

    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.ok.click()
        if dialog.isVisible():  # refused: the error stays in the dialog
            errors.append(dialog.error.text())
            dialog.reject()

    when_dialog(StepDialog, confirm)
    button(view, "step-done").click()
    saved = CorrectiveAction.get_by_id(action.id)
    assert errors == []
    assert (saved.status, saved.cause_analysis, saved.measure) == (
        "done", "为什么：模具磨损", "每批来货开箱抽检")
    assert view.unsaved() == {}
    assert f"Effect checked on: {saved.check_on.isoformat()}" in view.summary.text()
    listed = ActionsWindow(signed_in(manager))
    qtbot.addWidget(listed)
    headers = [listed.table.horizontalHeaderItem(i).text()
               for i in range(listed.table.columnCount())]
    assert "Effect checked on" in headers  # one term for the date, as the CLI and PDF say


def test_not_effective_says_what_happens_to_the_action(qtbot: QtBot, manager: User,
                                                      staff: User) -> None:
    action = make_action(manager, staff, cause_analysis="模具磨损", measure="抽检")
    for target in ("in_progress", "done"):
        action = lifecycle.move_action(action.id, target, expected_version=action.version,
                                       actor=staff, now=NOW)
    at_check = UiContext(clock=lambda: CHECK)
    at_check.sign_in(manager)
    judge = ActionView(at_check, action.id)
    qtbot.addWidget(judge)
    said: list[str] = []

    def verdict(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        type_text(dialog.note, "同类投诉未减少")
        dialog.ok.click()

    when_dialog(StepDialog, verdict)
    button(judge, "step-not_effective").click()
    assert CorrectiveAction.get_by_id(action.id).status == "not_effective"
    assert any("marked not effective, and its owner starts the work" in text for text in said)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    assert button(view, "step-in_progress") is not None  # the way back to work


def test_refusals_stay_in_the_step_dialog(qtbot: QtBot, manager: User, staff: User) -> None:
    view = ActionView(signed_in(manager), make_action(manager, staff).id)
    qtbot.addWidget(view)
    seen: list[str] = []

    def without_a_reason(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.ok.click()  # cancelling needs a reason
        seen.append(dialog.error.text())
        dialog.reject()

    when_dialog(StepDialog, without_a_reason)
    button(view, "step-cancelled").click()
    assert seen and "required" in seen[0]
