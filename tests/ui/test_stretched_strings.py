"""The main screens with every string about 1.4 times longer: nothing is cut off.

A translation a third longer than English, a longer category name, a larger font: each
would cut off a label, button, tab or column title laid out only for today's English. The
screens are shown at the size they open at on a 1366×768 screen (tests/ui/stretched.py).
"""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.models import Complaint, User
from app.services.casework import workflow
from app.services.compensation import figures, offers
from app.ui.analysis.view import AnalysisView
from app.ui.case.window import CaseWindow
from app.ui.compensation.approval import ApprovalDialog
from app.ui.context import UiContext
from app.ui.intake.dialog import IntakeDialog
from app.ui.main_window import MainWindow
from app.ui.settings.dialog import SettingsDialog
from tests.conftest import NOW
from tests.ui.conftest import signed_in
from tests.ui.stretched import clipped, stretch, stretching

SCREEN = (1366, 768)


@pytest.fixture
def stretched() -> Iterator[None]:
    with stretching():
        yield


@pytest.fixture
def waiting_offer(make_case: Callable[..., Complaint], staff: User) -> int:
    """A case being handled with an offer above staff's limit: the approval dialog's."""
    case = workflow.move(make_case(flags=["group"]).id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    return offers.propose(case.id, expected_version=case.version, kind="refund", amount="1500",
                          reason="质量问题，退还全款", description="电饭煲一台", actor=staff,
                          now=NOW).id


def _show(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    return window


def test_the_stretch_lengthens_what_a_user_reads() -> None:
    assert stretch("Save") == "Savexx"
    assert stretch("<b>Due</b>: %1") == "<b>Due</b>: %1xxx"
    assert stretch("") == ""


def test_the_check_finds_a_button_too_narrow(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("Record the decision")
    _show(qtbot, button).setFixedWidth(40)
    assert clipped(button) == ["button 'Record the decision'"]


def test_main_window(qtbot: QtBot, stretched: None, owner: User, waiting_offer: int) -> None:
    window = MainWindow(signed_in(owner))
    window.resize(*SCREEN)
    _show(qtbot, window)
    window.watch.check()
    assert clipped(window) == []
    window.approvals_action.trigger()  # the approvals queue in front
    assert clipped(window) == []
    window.close()


def test_intake(qtbot: QtBot, stretched: None, context: UiContext) -> None:
    dialog = _show(qtbot, IntakeDialog(context))
    assert clipped(dialog) == []
    dialog.on_spot.setChecked(True)  # the solved-on-the-spot fields
    assert clipped(dialog) == []


def test_case_view(qtbot: QtBot, stretched: None, owner: User, waiting_offer: int) -> None:
    case_id = figures.waiting()[0].case_id
    window = _show(qtbot, CaseWindow(signed_in(owner), case_id))
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        assert clipped(window) == [], window.tabs.tabText(tab)


def test_approval_dialog(qtbot: QtBot, stretched: None, waiting_offer: int) -> None:
    dialog = _show(qtbot, ApprovalDialog(figures.approval_view(waiting_offer),
                                         lambda *_a: None))
    assert clipped(dialog) == []


@pytest.mark.parametrize("who", ["owner", "manager"])
def test_settings(qtbot: QtBot, stretched: None, who: str, owner: User, manager: User) -> None:
    dialog = _show(qtbot, SettingsDialog(signed_in(owner if who == "owner" else manager)))
    pages = dialog.pages if hasattr(dialog, "pages") else dialog.tabs
    for index in range(pages.count()):
        pages.setCurrentIndex(index)
        assert clipped(dialog) == [], index


def test_analysis_view(qtbot: QtBot, stretched: None, owner: User, waiting_offer: int) -> None:
    view = AnalysisView(signed_in(owner))
    _show(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.reload()
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        assert clipped(view) == [], view.tabs.tabText(tab)
    view.close()
