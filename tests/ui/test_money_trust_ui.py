"""The window's side of money and trust: the session ends at the next action after the
account changed elsewhere, payments are marked from the case, the approval shows the
case's running total."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models import Complaint, Payment, User
from app.services import users
from app.services.casework import workflow
from app.services.compensation import figures, offers
from app.ui.case.window import CaseWindow
from app.ui.compensation.approval import ApprovalDialog
from app.ui.compensation.pay import PayDialog
from app.ui.main_window import MainWindow
from app.ui.signin import SignInDialog
from tests.conftest import NOW, PASSWORD
from tests.ui.conftest import signed_in, when_dialog

MakeCase = Callable[..., Complaint]


@pytest.fixture
def handled(make_case: MakeCase, staff: User) -> Complaint:
    case = make_case()
    return workflow.move(case.id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})


@pytest.mark.parametrize("change", ["switched off", "new password"])
def test_the_window_signs_out_at_the_next_action(qtbot: QtBot, owner: User, manager: User,
                                                 shown: list[tuple[str, str]],
                                                 change: str) -> None:
    window = MainWindow(signed_in(users.authenticate("manager", PASSWORD, now=NOW)))
    qtbot.addWidget(window)
    window.show()
    account = users.find_user("manager")
    if change == "switched off":  # on another PC, by the owner
        users.set_active(user=account, active=False, actor=owner, now=NOW)
    else:
        users.change_password(user=account, new_password="new-one", actor=owner, now=NOW)
    asked: list[bool] = []

    def sign_in_as_owner(dialog: SignInDialog) -> None:
        asked.append(True)
        dialog.people.setCurrentIndex(dialog.people.findData("owner"))
        dialog.password.setText(PASSWORD)
        dialog._on_sign_in()

    when_dialog(SignInDialog, sign_in_as_owner)
    qtbot.mouseClick(window.register.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    assert shown and "Please sign in again" in shown[0][1]
    assert window._context.user.username == "owner"
    qtbot.mouseClick(window.register.search, Qt.MouseButton.LeftButton)
    assert len(shown) == 1  # the owner's session goes on


def test_cancelling_the_new_sign_in_closes_the_window(qtbot: QtBot, owner: User,
                                                      staff: User,
                                                      shown: list[tuple[str, str]]) -> None:
    window = MainWindow(signed_in(staff))
    qtbot.addWidget(window)
    window.show()
    users.set_active(user=users.find_user("staff1"), active=False, actor=owner, now=NOW)
    when_dialog(SignInDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(window.register.search, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_guard_watches_again_once_the_window_has_painted(qtbot: QtBot, owner: User,
                                                             staff: User,
                                                             shown: list[tuple[str, str]]) -> None:
    window = MainWindow(signed_in(staff))
    qtbot.addWidget(window)
    window.show()  # the guard steps aside while the event loop paints the window first
    qtbot.waitUntil(window.watch.timer.isActive)  # started just after the first paint
    users.set_active(user=users.find_user("staff1"), active=False, actor=owner, now=NOW)
    when_dialog(SignInDialog, lambda dialog: dialog.reject())
    qtbot.keyClick(window.register.search, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert shown and "Please sign in again" in shown[0][1]


def test_mark_paid_from_the_case(qtbot: QtBot, handled: Complaint, staff: User) -> None:
    offer = offers.propose(handled.id, expected_version=handled.version, kind="voucher",
                           amount="150", reason="补偿", actor=staff, now=NOW)
    window = CaseWindow(signed_in(staff), handled.id)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(3)
    window.offers.table.selectRow(0)
    assert window.offers.pay.isEnabled()

    def pay(dialog: PayDialog) -> None:
        assert dialog.amount.text() == "150.00"
        dialog.method.setCurrentIndex(dialog.method.findData("voucher"))
        qtbot.keyClicks(dialog.reference, "DJQ-0007")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(PayDialog, pay)
    qtbot.mouseClick(window.offers.pay, Qt.MouseButton.LeftButton)
    paid = Payment.get(Payment.offer == offer.id)
    assert (paid.amount_fen, paid.reference, paid.method) == (15000, "DJQ-0007", "voucher")
    qtbot.waitUntil(lambda: "DJQ-0007" in window.offers.table.item(0, 7).text())
    window.offers.table.selectRow(0)
    assert not window.offers.pay.isEnabled()  # paid once


def test_a_payment_above_the_approval_is_refused_in_the_dialog(qtbot: QtBot,
                                                               handled: Complaint,
                                                               staff: User) -> None:
    offers.propose(handled.id, expected_version=handled.version, kind="voucher",
                   amount="150", reason="补偿", actor=staff, now=NOW)
    window = CaseWindow(signed_in(staff), handled.id)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(3)
    window.offers.table.selectRow(0)
    errors: list[str] = []

    def pay(dialog: PayDialog) -> None:
        dialog.amount.setText("151")
        qtbot.keyClicks(dialog.reference, "DJQ-0008")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.rows["amount"].error.text())
        dialog.reject()

    when_dialog(PayDialog, pay)
    qtbot.mouseClick(window.offers.pay, Qt.MouseButton.LeftButton)
    assert errors == ["¥151.00 is more than the ¥150.00 approved: nothing was paid."]
    assert Payment.select().count() == 0


def test_the_approval_dialog_shows_the_cases_running_total(qtbot: QtBot, handled: Complaint,
                                                           staff: User) -> None:
    offers.propose(handled.id, expected_version=handled.version, kind="voucher",
                   amount="150", reason="补偿", actor=staff, now=NOW)
    case = Complaint.get_by_id(handled.id)
    waiting = offers.propose(case.id, expected_version=case.version, kind="refund",
                             amount="300", reason="退款", actor=staff, now=NOW)
    dialog = ApprovalDialog(figures.approval_view(waiting.id), lambda *_a: None)
    qtbot.addWidget(dialog)
    assert dialog.case_total.text() == "<b>¥450.00</b>"
