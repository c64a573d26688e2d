"""Corrective actions beside the rest of the desk: an action's cases, the case view's tab
and the offer after resolving, warning items in the reminders, starting an action from the
register's selection or the analysis, the rules in the settings, and each account's
training."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QSpinBox
from pytestqt.qtbot import QtBot

from app.models import ActionCase, Complaint, CorrectiveAction, EarlyWarning, User, WarningRule
from app.services.casework import cases, reminders
from app.services.casework.view import CaseDetails
from app.services.improvement import actions, lifecycle, listing, training
from app.services.improvement.actions import ActionForm
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
from tests.ui.improvement_support import button, confirm, make_action

MakeCase = Callable[..., Complaint]


def test_the_cases_tab_links_by_number_and_unlinks(qtbot: QtBot, make_case: MakeCase,
                                                  manager: User, staff: User) -> None:
    case = make_case()
    view = ActionView(signed_in(manager), make_action(manager, staff).id)
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
    working = make_action(manager, staff)
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
    when_dialog(StepDialog, confirm("同一批次，已通知供应商"))
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
    action = make_action(manager, staff)
    context = signed_in(manager)
    shown = ActionsWindow(context)
    qtbot.addWidget(shown)
    lifecycle.move_action(action.id, "in_progress", expected_version=action.version,
                          actor=staff, now=NOW)
    with qtbot.waitSignal(context.actions_changed):
        view = ActionView(context, action.id)
        qtbot.addWidget(view)
        when_dialog(StepDialog, confirm("重复"))
        button(view, "step-cancelled").click()
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

    working = make_action(manager, manager)
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
    button(window, "action-resolve").click()
    assert window.details.status == "resolved"
    assert offered and offered[0].startswith(f"#{working.id}  电饭煲来货抽检")
    assert [row.id for row in listing.actions_of_case(case.id)] == [working.id]
    assert window.corrective.table.rowCount() == 1
