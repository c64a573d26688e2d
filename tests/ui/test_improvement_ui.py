"""Corrective actions, training and early warnings in the window: the action list, an
action's window taken from start to verified, its cases, the case view's tab and the offer
after resolving, warning items in the reminders, starting an action from the register's
selection, the rules in the settings, and each account's training."""

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from app.models import ActionCase, Complaint, CorrectiveAction, EarlyWarning, User, WarningRule
from app.services.casework import cases, reminders
from app.services.casework.view import CaseDetails
from app.services.improvement import actions, lifecycle, listing, training
from app.services.improvement.actions import ActionForm
from app.ui import messages
from app.ui.context import UiContext
from app.ui.improvement.action_list import ActionsWindow
from app.ui.improvement.action_view import ActionView
from app.ui.improvement.case_actions import (
    CaseActionsPage,
    ChooseActionDialog,
    offer_link_after_resolving,
)
from app.ui.improvement.form import ActionFormDialog
from app.ui.improvement.rules_editor import RulesEditor
from app.ui.improvement.steps import StepDialog
from app.ui.improvement.training import TrainingDialog
from app.ui.improvement.warning_dialog import WarningDialog
from app.ui.main_window import MainWindow
from app.ui.reminders.panel import RemindersPanel
from app.ui.settings.accounts import AccountsEditor
from tests.conftest import NOW
from tests.ui.conftest import signed_in, type_text, when_dialog

MakeCase = Callable[..., Complaint]
CHECK = NOW + timedelta(weeks=8)


def _action(manager: User, owner: User, **fields: object) -> CorrectiveAction:
    values: dict[str, object] = {"title": "电饭煲来货抽检", "owner": owner,
                                 "due_on": date(2026, 3, 31), "root_causes": ["RC03"]}
    values.update(fields)
    return actions.create_action(ActionForm(**values), actor=manager, now=NOW)  # type: ignore[arg-type]


def _button(view: QWidget, name: str) -> QPushButton | None:
    """The button called `name` (a step or Change…), if the view offers it now."""
    return next((button for button in view.findChildren(QPushButton)
                 if button.objectName() == name and not button.isHidden()), None)


def _confirm(note: str = "") -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        if note:
            type_text(dialog.note, note)
        dialog.ok.click()
    return act


def test_the_list_shows_what_concerns_each_user_and_opens_an_action(
        qtbot: QtBot, manager: User, staff: User, staff2: User) -> None:
    mine = _action(manager, staff)
    _action(manager, staff2, title="价签核对")
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
    action = _action(manager, staff, case_ids=[case.id])
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    assert _button(view, "step-in_progress") is not None
    assert _button(view, "step-cancelled") is None  # a manager's step
    when_dialog(StepDialog, _confirm())
    _button(view, "step-in_progress").click()
    type_text(view.analysis, "为什么：模具磨损")
    type_text(view.measure, "每批来货开箱抽检")
    view.save.click()
    when_dialog(StepDialog, _confirm())
    _button(view, "step-done").click()
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
    _button(judge, "step-verified").click()
    assert CorrectiveAction.get_by_id(action.id).status == "verified"
    assert shown and "in the 56 days before it was done" in shown[0]
    assert _button(judge, "edit-action") is None and not judge.save.isEnabled()
    said = [judge.timeline.item(row, 3).text() for row in range(judge.timeline.rowCount())]
    assert "State: Done → Verified effective" in said


def test_typed_work_survives_a_note_and_any_reload(qtbot: QtBot, manager: User,
                                                   staff: User) -> None:
    action = _action(manager, staff)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    type_text(view.containment, "下架同批次")
    type_text(view.analysis, "为什么：模具磨损")
    when_dialog(StepDialog, _confirm("已联系供应商"))
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
    action = _action(manager, staff)
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
    action = _action(manager, staff)
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
    action = _action(manager, staff)
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
    _button(view, "step-done").click()
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
    action = _action(manager, staff, cause_analysis="模具磨损", measure="抽检")
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
    _button(judge, "step-not_effective").click()
    assert CorrectiveAction.get_by_id(action.id).status == "not_effective"
    assert any("marked not effective, and its owner starts the work" in text for text in said)
    view = ActionView(signed_in(staff), action.id)
    qtbot.addWidget(view)
    assert _button(view, "step-in_progress") is not None  # the way back to work


def test_refusals_stay_in_the_step_dialog(qtbot: QtBot, manager: User, staff: User) -> None:
    view = ActionView(signed_in(manager), _action(manager, staff).id)
    qtbot.addWidget(view)
    seen: list[str] = []

    def without_a_reason(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.ok.click()  # cancelling needs a reason
        seen.append(dialog.error.text())
        dialog.reject()

    when_dialog(StepDialog, without_a_reason)
    _button(view, "step-cancelled").click()
    assert seen and "required" in seen[0]


def test_the_cases_tab_links_by_number_and_unlinks(qtbot: QtBot, make_case: MakeCase,
                                                  manager: User, staff: User) -> None:
    case = make_case()
    view = ActionView(signed_in(manager), _action(manager, staff).id)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.cases.number, case.number.lower())
    view.cases.link.click()
    assert view.cases.table.rowCount() == 1 and view.cases.table.item(0, 0).text() == case.number
    view.cases.table.selectRow(0)
    with qtbot.waitSignal(view.open_case) as opened:
        view.cases.open.click()
    assert opened.args == [case.id]
    view.cases.unlink.click()
    assert view.cases.table.rowCount() == 0 and not ActionCase.select().exists()


def test_the_case_view_lists_its_actions_and_resolving_offers_a_link(
        qtbot: QtBot, make_case: MakeCase, manager: User, staff: User) -> None:
    case = make_case()
    working = _action(manager, staff)
    case = cases.update_fields(case.id, values={"root_cause": "RC03"}, actor=staff, now=NOW,
                               expected_version=case.version)
    context = signed_in(staff)
    page = CaseActionsPage(context)
    qtbot.addWidget(page)
    page.show_case(CaseDetails.load_id(case.id))
    assert page.table.rowCount() == 0
    when_dialog(ChooseActionDialog, lambda dialog: dialog.ok.click())
    assert offer_link_after_resolving(page, context, CaseDetails.load_id(case.id))
    page.show_case(CaseDetails.load_id(case.id))
    assert page.table.item(0, 1).text() == "电饭煲来货抽检"
    assert [link.action_id for link in ActionCase.select()] == [working.id]
    assert not offer_link_after_resolving(page, context, CaseDetails.load_id(case.id))


def test_a_warning_item_starts_an_action_with_its_cases(
        qtbot: QtBot, make_case: MakeCase, manager: User) -> None:
    WarningRule.update(threshold=2).where(WarningRule.dimension == "category").execute()
    made = [make_case(phone=f"1390000{n:04d}") for n in range(2)]
    context = signed_in(manager)
    panel = RemindersPanel(context)
    qtbot.addWidget(panel)
    panel.show_reminders(reminders.reminders(user=manager, now=NOW))
    group = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                 if panel.tree.topLevelItem(i).text(0).startswith("Early warnings"))
    panel.tree.setCurrentItem(group.child(0))
    assert panel.open.text() == "Open warning"
    with qtbot.waitSignal(panel.open_warning) as opened:
        panel.open.click()
    (warning,) = EarlyWarning.select()
    assert opened.args == [warning.id]
    dialog = WarningDialog(context, warning.id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2

    def fill_in(form: QDialog) -> None:
        assert isinstance(form, ActionFormDialog)
        assert form.values()["categories"] == ["product_quality"]
        form.ok.click()

    when_dialog(ActionFormDialog, fill_in)
    with qtbot.waitSignal(dialog.open_action):
        dialog.start.click()
    action = CorrectiveAction.get()
    assert {link.complaint_id for link in ActionCase.select()} == {c.id for c in made}
    assert EarlyWarning.get_by_id(warning.id).action_id == action.id


def test_a_warning_is_dismissed_with_a_note(qtbot: QtBot, make_case: MakeCase,
                                           manager: User) -> None:
    WarningRule.update(threshold=2).where(WarningRule.dimension == "category").execute()
    for n in range(2):
        make_case(phone=f"1390000{n:04d}")
    (warning,) = EarlyWarning.select()
    dialog = WarningDialog(signed_in(manager), warning.id)
    qtbot.addWidget(dialog)
    when_dialog(StepDialog, _confirm("同一批次，已通知供应商"))
    dialog.dismiss.click()
    warning = EarlyWarning.get_by_id(warning.id)
    assert (warning.status, warning.note) == ("dismissed", "同一批次，已通知供应商")


@pytest.fixture
def window(qtbot: QtBot, manager: User) -> Iterator[MainWindow]:
    main = MainWindow(signed_in(manager))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.improvement.close_all()
    main.close()


def test_an_action_starts_from_the_cases_selected_in_the_register(
        qtbot: QtBot, make_case: MakeCase, staff: User, window: MainWindow) -> None:
    made = [make_case(phone=f"1390000{n:04d}") for n in range(3)]
    for case in made[:2]:
        cases.update_fields(case.id, values={"root_cause": "RC08"}, actor=staff, now=NOW,
                            expected_version=case.version)
    window.register.refresh()
    table = window.register.table
    table.selectRow(1)
    table.selectionModel().select(window.register.model.index(2, 0),
                                  table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    assert len(window.register.selected_cases()) == 2
    assert window.start_action in table.actions()

    def fill_in(form: QDialog) -> None:
        assert isinstance(form, ActionFormDialog)
        assert form.values()["root_causes"] == ["RC08"]
        qtbot.keyClicks(form.title, "Supplier batch")
        form.ok.click()

    when_dialog(ActionFormDialog, fill_in)
    window.start_action.trigger()
    action = CorrectiveAction.get()
    assert action.title == "Supplier batch" and ActionCase.select().count() == 2
    assert window.improvement._views  # noqa: SLF001  # its window opened


def test_the_form_says_what_is_wrong_beside_each_field(qtbot: QtBot, manager: User) -> None:
    form = ActionFormDialog(lambda values: actions.create_action(
        ActionForm(**values), actor=manager, now=NOW) and None, today=NOW.date())
    qtbot.addWidget(form)
    form.five_whys.click()
    assert form.analysis.toPlainText().startswith("Why 1:")
    form.ok.click()
    assert form.rows["title"].error.text() == "Title is required."
    assert form.result() != QDialog.DialogCode.Accepted


def test_managers_edit_the_warning_rules(qtbot: QtBot, manager: User) -> None:
    editor = RulesEditor(signed_in(manager))
    qtbot.addWidget(editor)
    first = WarningRule.select().order_by(WarningRule.id).first()
    spin = editor.table.cellWidget(0, 1)
    assert isinstance(spin, QSpinBox) and spin.value() == first.threshold
    spin.setValue(8)
    active = editor.table.cellWidget(1, 4)
    assert isinstance(active, QCheckBox)
    active.setChecked(False)
    assert [rule_id for rule_id, _values in editor.edited()] == [first.id, first.id + 1]
    editor.save.click()
    assert WarningRule.get_by_id(first.id).threshold == 8
    assert not WarningRule.get_by_id(first.id + 1).active
    assert editor.edited() == []
    assert "8 or more cases" in editor.table.item(0, 0).text()


def test_the_training_dialog_marks_each_missing_field(qtbot: QtBot, manager: User) -> None:
    dialog = TrainingDialog(signed_in(manager))
    qtbot.addWidget(dialog)
    dialog.ok.click()
    marked = {name for name, row in dialog.rows.items() if not row.error.isHidden()}
    assert marked == {"topic", "trainer", "attendees"}
    assert dialog.rows["attendees"].error.text() == "Name at least one attendee."
    qtbot.keyClicks(dialog.topic, "Reception")
    dialog.ok.click()
    assert dialog.rows["topic"].error.isHidden() and not dialog.rows["trainer"].error.isHidden()


def test_each_account_shows_its_training(qtbot: QtBot, owner: User, manager: User,
                                         staff: User) -> None:
    training.add_training(held_on="2026-03-01", topic="接待礼仪", trainer="外部讲师",
                          attendees=[staff], actor=manager, now=NOW)
    editor = AccountsEditor(signed_in(owner))
    qtbot.addWidget(editor)
    row = next(r for r in range(editor.table.rowCount())
               if editor.table.item(r, 0).text() == "staff1")
    editor.table.setCurrentCell(row, 0)
    assert editor.training.table.rowCount() == 1
    assert editor.training.table.item(0, 1).text() == "接待礼仪"
    editor.table.setCurrentCell(0 if row else 1, 0)
    assert editor.training.table.rowCount() == 0


def test_a_step_announces_the_change_to_other_views(qtbot: QtBot, manager: User,
                                                    staff: User) -> None:
    action = _action(manager, staff)
    context = signed_in(manager)
    shown = ActionsWindow(context)
    qtbot.addWidget(shown)
    lifecycle.move_action(action.id, "in_progress", expected_version=action.version,
                          actor=staff, now=NOW)
    with qtbot.waitSignal(context.actions_changed):
        view = ActionView(context, action.id)
        qtbot.addWidget(view)
        when_dialog(StepDialog, _confirm("重复"))
        _button(view, "step-cancelled").click()
    assert shown.table.item(0, 2).text() == "Cancelled"
    assert Qt  # the module's Qt import is used by the register test above


def test_an_action_starts_from_a_bar_of_the_analysis(qtbot: QtBot, staff: User, staff2: User,
                                                     manager: User,
                                                     window: MainWindow) -> None:
    from app.services.analysis.period import Period
    from app.ui.analysis.tables import DOOR
    from tests.services.analysis_world import World

    World(staff, staff2, manager).build()
    window.analysis_action.trigger()
    view = window._analysis  # noqa: SLF001
    assert view is not None
    qtbot.waitUntil(lambda: view.overview is not None, timeout=20_000)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show_period(Period.month(2026, 2))
    door = view.pareto_table.item(0, 0).data(DOOR)
    expected = int(view.pareto_table.item(0, 1).text())

    def confirm(form: QDialog) -> None:
        assert isinstance(form, ActionFormDialog)
        assert form.values()["categories"] == ["product_quality"]
        assert form.values()["root_causes"] == []
        form.ok.click()

    when_dialog(ActionFormDialog, confirm)
    with qtbot.waitSignal(view.action_started):
        view.start_action(door)
    assert ActionCase.select().count() == expected
    view.close()


def test_the_minute_check_fires_in_the_background_and_refreshes_the_reminders(
        qtbot: QtBot, make_case: MakeCase, manager: User, window: MainWindow) -> None:
    WarningRule.update(active=False).execute()
    for n in range(2):
        make_case(phone=f"1390000{n:04d}")
    WarningRule.update(active=True, threshold=2).where(
        WarningRule.dimension == "category").execute()
    with qtbot.waitSignal(window.improvement.watch.fired, timeout=20_000) as fired, \
            qtbot.waitSignal(window.watch.updated, timeout=20_000):
        window.improvement.watch.check()
    assert fired.args == [1]
    qtbot.waitUntil(lambda: not window.improvement.watch.running)
    assert window.watch.latest.counts["warning"] == 1
    assert "(1)" in window.reminders_action.text()


def test_resolving_in_the_case_window_offers_the_action_on_its_cause(
        qtbot: QtBot, make_case: MakeCase, manager: User, staff: User) -> None:
    from app.services.casework import workflow
    from app.ui.case.action_dialog import ActionDialog
    from app.ui.case.window import CaseWindow

    working = _action(manager, manager)
    case = make_case()
    workflow.move(case.id, "in_progress", actor=staff, now=NOW, expected_version=1,
                  values={"department": "after_sales", "handler": "staff1",
                          "root_cause": "RC03"})
    window = CaseWindow(signed_in(staff), case.id)
    qtbot.addWidget(window)
    window.show()

    def resolve(dialog: QDialog) -> None:
        assert isinstance(dialog, ActionDialog)
        type_text(dialog.editors["resolution"], "更换新品")
        dialog.ok.click()

    offered: list[str] = []

    def link(dialog: QDialog) -> None:
        assert isinstance(dialog, ChooseActionDialog)
        offered.append(dialog.list.item(0).text())
        dialog.ok.click()

    when_dialog(ActionDialog, resolve)
    when_dialog(ChooseActionDialog, link)
    _button(window, "action-resolve").click()
    assert window.details.status == "resolved"
    assert offered and offered[0].startswith(f"#{working.id}  电饭煲来货抽检")
    assert [row.id for row in listing.actions_of_case(case.id)] == [working.id]
    assert window.corrective.table.rowCount() == 1
