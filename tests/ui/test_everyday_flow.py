"""The flow of a working day: the intake form that forgets no one's words, the case view from
the keyboard, the acknowledgement that records what the customer was told, the offer in full,
a file no program opens, and the summary on a PC without a tray."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.models import Complaint, User
from app.services.casework import workflow
from app.services.casework.view import CaseDetails
from app.services.compensation import offers
from app.ui import messages, opening
from app.ui.case.acknowledge import AcknowledgeDialog
from app.ui.case.action_dialog import ActionDialog
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from app.ui.main_window import MainWindow
from tests.conftest import NOW
from tests.ui.conftest import signed_in, type_text, when_dialog

MakeCase = Callable[..., Complaint]


def _intake(qtbot: QtBot, context: UiContext) -> IntakeDialog:
    dialog = IntakeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.phone)
    return dialog


def _fill_intake(dialog: IntakeDialog) -> None:
    type_text(dialog.phone, "13800138000")
    type_text(dialog.name, "张三")
    dialog.category.setCurrentIndex(dialog.category.findData("product_quality"))
    type_text(dialog.description, "电饭煲用了三天就无法开机")


def test_a_message_goes_once_its_field_is_filled(qtbot: QtBot, context: UiContext) -> None:
    dialog = _intake(qtbot, context)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.rows["customer_name"].error.isVisible()
    assert dialog.rows["category"].error.isVisible()
    type_text(dialog.name, "张三")
    dialog.category.setCurrentIndex(0)
    assert not dialog.rows["customer_name"].error.isVisible()
    assert not dialog.rows["category"].error.isVisible()
    assert dialog.rows["description"].error.isVisible()  # still empty: still said


def test_esc_asks_before_a_typed_form_is_thrown_away(qtbot: QtBot, context: UiContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(messages, "confirm",
                        lambda _p, text, **_k: asked.append(text) or answer[0])
    empty = _intake(qtbot, context)
    qtbot.keyClick(empty.phone, Qt.Key.Key_Escape)
    assert not empty.isVisible() and asked == []  # nothing typed: closes at once
    dialog = _intake(qtbot, context)
    type_text(dialog.description, "客户说明")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 1 and "will be lost" in asked[0]
    answer[0] = True
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_mood_is_kept_apart_and_the_promise_read_out(qtbot: QtBot,
                                                        context: UiContext) -> None:
    dialog = _intake(qtbot, context)
    _fill_intake(dialog)
    dialog.mood.setCurrentText("Very angry")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    case = CaseDetails.load(dialog.success.number.text())
    assert (case.mood, case.description) == ("Very angry", "电饭煲用了三天就无法开机")
    assert dialog.success.promise.isVisible()
    assert dialog.success.promise.text() == (
        f"Tell the customer: we will answer you by {case.first_response_due:%Y-%m-%d %H:%M}.")


def test_categories_come_by_use_and_a_letter_jumps(qtbot: QtBot, context: UiContext,
                                                   make_case: MakeCase) -> None:
    for _ in range(2):
        make_case(category="billing")
    dialog = _intake(qtbot, context)
    assert dialog.category.currentIndex() == -1  # none chosen until the user chooses
    assert dialog.category.itemData(0) == "billing"  # this shop's commonest first
    dialog.category.setFocus()
    qtbot.keyClick(dialog.category, Qt.Key.Key_P)
    assert dialog.category.currentData() == "billing"  # Price and billing: used most
    qtbot.keyClick(dialog.category, Qt.Key.Key_Q)  # then pq: Product quality
    assert dialog.category.currentData() == "product_quality"
    qtbot.keyClick(dialog.category, Qt.Key.Key_D)  # no "pqd": a new word, Delivery
    assert dialog.category.currentData() == "delivery"
    assert dialog.category.jump("cpzl")  # 产品质量 by its pinyin initials
    assert dialog.category.currentData() == "product_quality"


@pytest.fixture
def case_window(qtbot: QtBot, context: UiContext, make_case: MakeCase) -> CaseWindow:
    view = CaseWindow(context, make_case().id)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    return view


def _button(window: CaseWindow, code: str) -> QPushButton:
    found = window.findChild(QPushButton, f"action-{code}")
    assert isinstance(found, QPushButton)
    return found


def test_the_case_view_from_the_keyboard(qtbot: QtBot, case_window: CaseWindow) -> None:
    acknowledge = _button(case_window, "acknowledge")
    assert acknowledge.text() == "&Acknowledge"
    assert _button(case_window, "assign").text() == "A&ssign"
    letters = [b.text().split("&")[1][0] for b in case_window.findChildren(QPushButton)
               if b.objectName().startswith("action-") and "&" in b.text()]
    assert len(letters) == len(set(letters)) > 5  # one letter each
    qtbot.waitUntil(lambda: QApplication.focusWidget() is acknowledge)  # no invisible stop
    qtbot.keyClick(case_window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is _button(case_window, "assign")
    qtbot.keyClick(case_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert case_window.tabs.currentIndex() == 1


def test_ctrl_enter_submits_an_action_dialog(qtbot: QtBot, case_window: CaseWindow) -> None:
    def drive(dialog: ActionDialog) -> None:
        dialog.activateWindow()  # as the dialog a user opens is
        qtbot.waitUntil(dialog.isActiveWindow)
        type_text(dialog.inputs["note"], "给客户回电")
        qtbot.keyClick(dialog.inputs["note"], Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)

    when_dialog(ActionDialog, drive)
    qtbot.mouseClick(_button(case_window, "follow_up"), Qt.MouseButton.LeftButton)
    assert [f.note for f in case_window.details.follow_ups] == ["给客户回电"]


def test_acknowledging_records_what_the_customer_was_told(qtbot: QtBot,
                                                         case_window: CaseWindow) -> None:
    told: list[str] = []

    def drive(dialog: ActionDialog) -> None:
        assert isinstance(dialog, AcknowledgeDialog)
        told.append(dialog.reply.toPlainText())
        promised = dialog.promised.dateTime().addDays(-2)
        dialog.promised.setDateTime(promised)  # the reply follows the promise
        told.append(dialog.reply.toPlainText())
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog(AcknowledgeDialog, drive)
    qtbot.mouseClick(_button(case_window, "acknowledge"), Qt.MouseButton.LeftButton)
    details = case_window.details
    assert "TS-2026-000001" in told[0] and "2026-03-11 18:00" in told[0]
    assert "2026-03-09 18:00" in told[1]
    assert details.status == "acknowledged"
    assert details.resolution_due == NOW.replace(day=9, hour=18, minute=0)
    assert [e.new for e in details.timeline if e.kind == "reply"] == [told[1]]


def test_the_compensation_tab_shows_what_an_offer_holds(qtbot: QtBot, context: UiContext,
                                                       make_case: MakeCase,
                                                       staff: User) -> None:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offers.propose(case.id, expected_version=case.version, kind="voucher", amount="80",
                   description="80 元代金券，下次购物使用", reason="客户等了两周",
                   actor=staff, now=NOW)
    view = CaseWindow(context, case.id)
    qtbot.addWidget(view)
    shown = view.offers.content.text()
    assert "80 元代金券，下次购物使用" in shown and "客户等了两周" in shown
    assert "¥80.00" in shown


def test_a_file_no_program_opens_is_said_and_its_folder_offered(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication) -> None:
    opened: list[str] = []
    offered: list[Path] = []
    monkeypatch.setattr(opening, "no_program_for", lambda _path: True)
    monkeypatch.setattr(messages, "offer_folder", lambda path: offered.append(path) or True)
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    workbook = tmp_path / "cases.xlsx"
    workbook.write_bytes(b"")
    assert messages.open_file(workbook)
    assert offered == [workbook] and opened == [str(tmp_path)]  # the folder, not the file


def test_without_a_tray_the_summary_shows_in_the_window(qtbot: QtBot, staff: User,
                                                       make_case: MakeCase) -> None:
    make_case(at=NOW - timedelta(days=3))  # its first answer is overdue
    window = MainWindow(signed_in(staff))
    qtbot.addWidget(window)
    window.show()
    if window.notifier.tray is not None:
        pytest.skip("this desktop has a tray")
    window.watch.check()  # read on the worker
    qtbot.waitUntil(window.notice.isVisible, timeout=3000)
    assert window.notice.text.text().startswith("Today: 1 overdue")
    qtbot.mouseClick(window.notice.open_button, Qt.MouseButton.LeftButton)
    assert not window.notice.isVisible() and window.reminders.isVisible()
    window.close()
