"""The intake form, driven by keyboard as the front desk uses it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models import Complaint
from app.services.casework.view import CaseDetails
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from tests.ui.conftest import type_text


def _open(qtbot: QtBot, context: UiContext) -> IntakeDialog:
    dialog = IntakeDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.phone)
    return dialog


def _tab(qtbot: QtBot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_record_a_complaint_by_keyboard_only(qtbot: QtBot, context: UiContext) -> None:
    dialog = _open(qtbot, context)
    qtbot.keyClicks(dialog.phone, "138-0013-8000")
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.name
    type_text(dialog.name, "张三")
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.channel
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.category
    for letter in (Qt.Key.Key_P, Qt.Key.Key_Q):  # Product quality by its initials
        qtbot.keyClick(dialog.category, letter)
    _tab(qtbot)
    assert QApplication.focusWidget() is dialog.severity
    qtbot.keyClick(dialog.severity, Qt.Key.Key_Down)  # medium → high
    _tab(qtbot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # group complaint
    for _ in range(3):
        _tab(qtbot)
    assert QApplication.focusWidget() is dialog.description
    type_text(dialog.description, "电饭煲用了三天就无法开机")
    _tab(qtbot)
    type_text(dialog.wish, "换新")
    _tab(qtbot)
    qtbot.keyClicks(dialog.reference, "DD20260304001")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.pages.currentWidget() is dialog.success
    assert dialog.success.number.text() == "TS-2026-000001"
    case = CaseDetails.load("TS-2026-000001")
    assert (case.customer, case.phone, case.category.code, case.severity) == (
        "张三", "13800138000", "product_quality", "high")
    assert case.flags == ("group",) and case.reference == "DD20260304001"
    assert case.first_response_due == dialog.promised.dateTime().toPython()


def test_missing_fields_are_shown_beside_them(qtbot: QtBot, context: UiContext) -> None:
    dialog = _open(qtbot, context)
    qtbot.keyClicks(dialog.phone, "12")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.form_page
    for field in ("phone", "customer_name", "category", "description"):
        assert dialog.rows[field].error.isVisible(), field
    assert "not a phone number" in dialog.rows["phone"].error.text()
    assert not dialog.rows["wish"].error.isVisible()
    assert QApplication.focusWidget() is dialog.phone
    assert Complaint.select().count() == 0


def test_a_known_phone_fills_in_the_customer(qtbot: QtBot, context: UiContext,
                                             make_case: object) -> None:
    make_case(customer_name="王芳", phone="13900001111")  # type: ignore[operator]
    dialog = _open(qtbot, context)
    qtbot.keyClicks(dialog.phone, "139 0000 1111")
    assert dialog.name.text() == "王芳"
    assert "1 earlier case" in dialog.known.text()
    assert dialog.earlier.count() == 1 and "TS-2026-000001" in dialog.earlier.item(0).text()


def test_solved_on_the_spot_closes_in_one_save(qtbot: QtBot, context: UiContext) -> None:
    dialog = _open(qtbot, context)
    qtbot.keyClicks(dialog.phone, "13800138000")
    type_text(dialog.name, "李四")
    dialog.category.setCurrentIndex(dialog.category.findData("billing"))
    type_text(dialog.description, "标价 99 元收了 109 元")
    qtbot.keyClick(dialog.on_spot, Qt.Key.Key_Space)
    assert dialog.spot_box.isVisible()
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.rows["root_cause"].error.isVisible()
    dialog.root_cause.setCurrentIndex(dialog.root_cause.findData("RC05"))
    type_text(dialog.resolution, "退还多收的 10 元")
    type_text(dialog.feedback, "当场退款，客户满意")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.success
    assert CaseDetails.load(dialog.success.number.text()).status == "closed"


def test_copy_number_and_open_the_case(qtbot: QtBot, context: UiContext) -> None:
    dialog = _open(qtbot, context)
    qtbot.keyClicks(dialog.phone, "13800138000")
    type_text(dialog.name, "张三")
    dialog.category.setCurrentIndex(1)
    type_text(dialog.description, "投诉内容")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.success.copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "TS-2026-000001"
    with qtbot.waitSignal(dialog.open_case) as opened:
        qtbot.mouseClick(dialog.success.open, Qt.MouseButton.LeftButton)
    assert opened.args == [Complaint.get().id]
