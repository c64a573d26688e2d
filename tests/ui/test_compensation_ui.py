"""Compensation in the window: propose, then the owner approves or refuses in the dialog."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from app.models import CompensationOffer, Complaint, FollowUp, User
from app.services import notes
from app.services.casework import workflow
from app.services.casework.view import CaseDetails
from app.services.compensation import offers
from app.ui.case.window import CaseWindow
from app.ui.compensation.approval import ApprovalDialog
from app.ui.compensation.propose import ProposeDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from tests.conftest import NOW, PASSWORD
from tests.ui.conftest import type_text, when_dialog

MakeCase = Callable[..., Complaint]


@pytest.fixture
def handled(make_case: MakeCase, staff: User) -> Complaint:
    """A case in progress, handled by staff1, from a customer with an earlier case."""
    make_case(description="上次的投诉")
    case = make_case(description="电饭煲三天就坏了")
    return workflow.move(case, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})


@pytest.fixture
def owner_window(qtbot: QtBot, owner: User) -> Iterator[MainWindow]:
    context = UiContext(clock=lambda: NOW)
    context.sign_in(owner)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def _propose(qtbot: QtBot, context: UiContext, case: Complaint, amount: str) -> list[str]:
    window = CaseWindow(context, case.id)
    qtbot.addWidget(window)
    window.show()
    hints: list[str] = []

    def fill(dialog: ProposeDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("refund"))
        qtbot.keyClicks(dialog.amount, amount)
        hints.append(dialog.hint.text())
        type_text(dialog.reason, "质量问题属实，全额退款")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(ProposeDialog, fill)
    qtbot.mouseClick(window.findChild(QPushButton, "action-compensate"),
                     Qt.MouseButton.LeftButton)
    return hints


def test_propose_then_the_owner_approves(qtbot: QtBot, context: UiContext, handled: Complaint,
                                        owner_window: MainWindow, staff: User) -> None:
    hints = _propose(qtbot, context, handled, "1500")
    assert "Your limit: ¥200.00. Above it" in hints[0]
    assert CaseDetails.load_id(handled.id).status == "awaiting_approval"
    with qtbot.waitSignal(owner_window.watch.updated, timeout=2000):
        owner_window.watch.check()
    assert owner_window.approvals_action.text() == "Approvals (1)"
    panel = owner_window.approvals
    panel.table.selectRow(0)
    seen: dict[str, str] = {}

    def approve(dialog: ApprovalDialog) -> None:
        seen["title"] = dialog.windowTitle()
        type_text(dialog.reason, "质量问题属实")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(ApprovalDialog, approve)
    qtbot.mouseClick(panel.decide, Qt.MouseButton.LeftButton)
    offer = CompensationOffer.get()
    assert seen["title"] == f"Decide on compensation — {handled.number}"
    assert (offer.status, offer.approver_id) == ("approved", owner_window._context.user.id)
    assert CaseDetails.load_id(handled.id).status == "in_progress"
    assert owner_window.approvals_action.text() == "Approvals"
    told = FollowUp.get(FollowUp.assignee == staff.id)
    assert str(notes.words(told.note)).startswith("Compensation approved")


def test_a_wrong_password_then_a_refusal(qtbot: QtBot, context: UiContext,
                                         handled: Complaint, owner: User) -> None:
    _propose(qtbot, context, handled, "900")
    offer = CompensationOffer.get()
    owner_context = UiContext(clock=lambda: NOW)
    owner_context.sign_in(owner)
    window = CaseWindow(owner_context, handled.id)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(3)
    window.offers.table.selectRow(0)
    assert window.offers.decide.isEnabled() and not window.offers.accept_counter.isEnabled()
    errors: list[str] = []

    def refuse(dialog: ApprovalDialog) -> None:
        assert dialog.history.rowCount() == 1  # the customer's earlier case is listed
        dialog.findChild(QRadioButton, "decision-refuse").setChecked(True)
        type_text(dialog.reason, "已换新，不再退款")
        qtbot.keyClicks(dialog.password, "guess")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.rows["password"].error.text())
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(ApprovalDialog, refuse)
    qtbot.mouseClick(window.offers.decide, Qt.MouseButton.LeftButton)
    assert errors == ["Wrong password: the decision was not recorded."]
    assert CompensationOffer.get_by_id(offer.id).status == "refused"
    assert window.offers.table.item(0, 3).text() == "Refused"


def test_staff_do_not_see_the_approvals_queue(qtbot: QtBot, context: UiContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert not window.approvals_dock.isVisible()
    assert not window.approvals_action.isVisible()
    window.close()


def test_within_the_limit_no_approval_is_needed(qtbot: QtBot, context: UiContext,
                                                handled: Complaint) -> None:
    hints = _propose(qtbot, context, handled, "150")
    assert "Within it: approved at once" in hints[0]
    assert CompensationOffer.get().status == "approved"
    assert offers.limit_fen(context.user) == 20000
