"""The merge dialog, the duplicate warning at intake, the case view's Record menu and the
retention page, driven as a user would."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.models import Complaint, Customer, Event, User
from app.services.casework import workflow
from app.services.casework.view import CaseDetails
from app.services.compensation import offers
from app.services.customers import retention
from app.ui import messages
from app.ui.case.merge_dialog import MergeDialog
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.intake import dialog as intake
from app.ui.intake.dialog import IntakeDialog
from app.ui.intake.duplicate import ADD, NEW, DuplicateWarning
from app.ui.settings.privacy import PrivacyPage
from tests.conftest import NOW
from tests.ui.conftest import signed_in, type_text

MakeCase = Callable[..., Complaint]


def _merge_dialog(qtbot: QtBot, context: UiContext, case: Complaint) -> tuple[MergeDialog,
                                                                             list[tuple]]:
    calls: list[tuple] = []

    def submit(*args: object) -> None:
        calls.append(args)
        from app.services.casework import merging
        merging.merge(args[0], args[1], actor=context.user, now=NOW,  # type: ignore[arg-type]
                      merged_version=args[2], into_version=args[3],  # type: ignore[arg-type]
                      different_customers=bool(args[4]))

    dialog = MergeDialog(context, case.id, submit)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, calls


def test_the_merge_dialog_offers_the_customers_open_case_and_merges(
        qtbot: QtBot, make_case: MakeCase, manager: User) -> None:
    kept = make_case(description="电饭煲坏了")
    duplicate = make_case(description="又打电话说电饭煲坏了", at=NOW + timedelta(minutes=5))
    dialog, _calls = _merge_dialog(qtbot, signed_in(manager), duplicate)
    assert dialog.candidates.count() == 1  # the customer's other open case, offered first
    assert dialog.pair()[1] is not None and dialog.pair()[1].number == kept.number
    assert kept.number in dialog.moves.text() and not dialog.confirm.isVisible()
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert Complaint.get_by_id(duplicate.id).merged_into_id == kept.id
    assert not dialog.isVisible()


def test_the_merge_dialog_swaps_searches_and_asks_about_different_customers(
        qtbot: QtBot, make_case: MakeCase, manager: User) -> None:
    this = make_case(description="冰箱不制冷")
    other = make_case(customer_name="李四", phone="13900139000", description="冰箱不制冷了")
    dialog, _calls = _merge_dialog(qtbot, signed_in(manager), this)
    assert dialog.candidates.count() == 0 and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.search, other.number)
    qtbot.waitUntil(lambda: dialog.candidates.count() == 1, timeout=2000)
    assert dialog.confirm.isVisible() and not dialog.ok.isEnabled()
    dialog.swap.click()
    assert dialog.pair()[0].number == other.number  # the other one is now the duplicate
    dialog.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert Complaint.get_by_id(other.id).merged_into_id == this.id


def test_the_merge_dialog_says_why_a_merge_is_refused(qtbot: QtBot, make_case: MakeCase,
                                                      staff: User, manager: User) -> None:
    closed = make_case(on_the_spot=True, on_the_spot_values={
        "root_cause": "RC03", "resolution": "换货", "feedback": "已告知"})
    waiting = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW,
                            expected_version=1,
                            values={"department": "after_sales", "handler": "staff1"})
    offers.propose(waiting.id, expected_version=waiting.version, kind="refund", amount="900",
                   reason="退款", actor=staff, now=NOW)
    dialog, calls = _merge_dialog(qtbot, signed_in(manager), make_case())
    numbers = [dialog.candidates.item(i).text()[:14] for i in range(dialog.candidates.count())]
    assert numbers == [waiting.number]  # open cases only: the closed one is not offered
    assert closed.number not in numbers
    assert dialog.refusal.isVisible() and "waiting for approval" in dialog.refusal.text()
    assert not dialog.ok.isEnabled() and calls == []


def _intake(qtbot: QtBot, context: UiContext) -> IntakeDialog:
    dialog = IntakeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.phone, "13800138000")
    type_text(dialog.name, "张三")
    dialog.category.setCurrentIndex(dialog.category.findData("product_quality"))
    type_text(dialog.description, "第二次来电：还是不能开机")
    return dialog


@pytest.mark.parametrize("choice", [ADD, NEW])
def test_intake_warns_of_a_likely_duplicate_before_saving(
        qtbot: QtBot, context: UiContext, make_case: MakeCase, monkeypatch: pytest.MonkeyPatch,
        choice: str) -> None:
    open_case = make_case(at=NOW - timedelta(days=2))
    seen: list[DuplicateWarning] = []

    def answer(warning: DuplicateWarning) -> int:
        seen.append(warning)
        assert warning.cases.count() == 1 and open_case.number in warning.cases.item(0).text()
        warning.choice = choice
        return 1

    monkeypatch.setattr(intake.DuplicateWarning, "exec", answer)
    dialog = _intake(qtbot, context)
    dialog.save.click()
    assert seen and dialog.pages.currentWidget() is dialog.success
    if choice == ADD:
        assert dialog.success.number.text() == open_case.number
        assert Complaint.select().count() == 1
        assert Event.get(Event.field == "called_again").new_value == "第二次来电：还是不能开机"
    else:
        assert Complaint.select().count() == 2


def test_no_warning_for_a_new_customer(qtbot: QtBot, context: UiContext,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake.DuplicateWarning, "exec", lambda _w: pytest.fail("warned"))
    dialog = _intake(qtbot, context)
    dialog.save.click()
    assert Complaint.select().count() == 1


def test_the_record_menu_follows_the_role(qtbot: QtBot, make_case: MakeCase, staff: User,
                                          manager: User, owner: User) -> None:
    case = make_case()

    def entries(user: User) -> list[str]:
        window = CaseWindow(signed_in(user), case.id)
        qtbot.addWidget(window)
        button = window.findChild(QPushButton, "action-record")
        return [a.text() for a in button.menu().actions() if a.text()]

    assert entries(staff) == ["Customer's own record (PDF and Excel)…",
                              "Correct the customer's details…"]
    assert "Merge duplicate cases…" in entries(manager)
    assert "Put on legal hold…" in entries(manager)
    assert "Erase the customer's personal data…" in entries(owner)


def _menu_action(qtbot: QtBot, user: User, case: Complaint, text: str) -> CaseWindow:
    window = CaseWindow(signed_in(user), case.id)
    qtbot.addWidget(window)
    button = window.findChild(QPushButton, "action-record")
    next(a for a in button.menu().actions() if a.text() == text).trigger()
    return window


def test_the_record_menu_joins_the_customers_other_record(
        qtbot: QtBot, make_case: MakeCase, manager: User, monkeypatch: pytest.MonkeyPatch,
        shown: list) -> None:
    case = make_case()
    other = make_case(customer_name="张叁", phone="13900139000")
    monkeypatch.setattr(messages, "ask_text", lambda *_a: "139 0013 9000")
    _menu_action(qtbot, manager, case, "Join another record of this customer…")
    assert Customer.get_by_id(other.customer_id).joined_to_id == case.customer_id
    monkeypatch.setattr(messages, "ask_text", lambda *_a: "13700000000")
    _menu_action(qtbot, manager, case, "Join another record of this customer…")
    assert shown and "13700000000" in shown[-1][1]  # no such customer: said, nothing joined


def test_the_retention_page_counts_and_runs_for_the_owner(
        qtbot: QtBot, make_case: MakeCase, owner: User, monkeypatch: pytest.MonkeyPatch,
        shown: list) -> None:
    make_case(at=NOW - timedelta(days=4 * 365), on_the_spot=True, on_the_spot_values={
        "root_cause": "RC03", "resolution": "换货", "feedback": "已告知"})
    page = PrivacyPage(signed_in(owner))
    qtbot.addWidget(page)
    assert "1 would lose their personal data" in page.preview.text()
    assert page.remove.isEnabled()
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    page.remove.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown == [("info", "The personal data of 1 case(s) was removed.")]
    assert "0 would lose" in page.preview.text() and retention.last_run() is not None
    assert CaseDetails.load("TS-2022-000001").redacted_at is not None
    QApplication.processEvents()
