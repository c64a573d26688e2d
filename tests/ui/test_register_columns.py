"""The register as staff use it all day: columns wide enough for every state and category,
a column chooser remembered per user, filters remembered per user and said plainly when they
hide cases, and the keyboard from the search box to a case."""

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.i18n import ZH
from app.models import Category, Complaint, User
from app.services import catalog
from app.services.casework import workflow
from app.services.catalog import name_of
from app.services.labels import STATUSES
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.register.columns import position
from app.ui.register.panel import RegisterPanel
from tests.conftest import NOW
from tests.ui.conftest import signed_in, type_text

MakeCase = Callable[..., Complaint]


@pytest.fixture
def cases(make_case: MakeCase, staff: User, staff2: User) -> list[Complaint]:
    """A new case of staff1's, and one of staff2's decided with a root cause and a score."""
    first = make_case(customer_name="王芳", phone="13900000001", description="手机屏幕碎裂")
    second = make_case(customer_name="李雷", phone="13900000003", category="service",
                       description="店员态度冷淡", received_at=NOW - timedelta(days=9),
                       at=NOW - timedelta(days=9))
    second = workflow.move(second.id, "in_progress", actor=staff2, now=NOW, expected_version=1,
                           values={"department": "front_desk", "handler": "staff2"})
    second = workflow.move(second.id, "resolved", actor=staff2, now=NOW,
                           expected_version=second.version,
                           values={"root_cause": "RC01", "resolution": "道歉", "satisfaction": 4})
    return [first, second]


def _window(qtbot: QtBot, context: UiContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.fixture
def window(qtbot: QtBot, context: UiContext, cases: list[Complaint]) -> Iterator[MainWindow]:
    main = _window(qtbot, context)
    yield main
    main.close()


def _column(register: RegisterPanel, key: str) -> list[str]:
    model = register.model
    return [model.data(model.index(row, position(key))) for row in range(model.rowCount())]


@pytest.mark.parametrize("language", ["en", ZH])
def test_every_state_and_category_fits_its_column(qtbot: QtBot, context: UiContext,
                                                  cases: list, language: str,
                                                  request: pytest.FixtureRequest) -> None:
    if language == ZH:
        request.getfixturevalue("chinese")
    main = _window(qtbot, context)
    table = main.register.table
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    names = {"status": [str(t) for t in STATUSES.values()],
             "category": [name_of(c) for c in catalog.entries(Category)]}
    for key, texts in names.items():
        room = header.sectionSize(position(key))
        too_long = [t for t in texts if metrics.horizontalAdvance(t) + 8 > room]
        assert too_long == [], key
    # The spare width goes to the customer, not to the last column.
    assert header.sectionSize(position("next_due_at")) < 200
    assert header.sectionSize(position("customer")) > header.sectionSize(position("number"))
    main.close()


def test_the_column_chooser_adds_root_cause_and_satisfaction_for_this_user(
        qtbot: QtBot, window: MainWindow, context: UiContext, staff2: User,
        cases: list) -> None:
    chooser, register = window.register.chooser, window.register
    menu = chooser.menu()
    titles = [action.text() for action in menu.actions() if action.isCheckable()]
    assert {"Handling department", "Root cause", "Approved compensation",
            "Satisfaction (1–5)"} <= set(titles)
    next(a for a in menu.actions() if a.text() == "Root cause").trigger()
    chooser.set_shown("satisfaction", True)
    chooser.set_shown("severity", False)
    assert "root_cause" in chooser.shown() and "severity" not in chooser.shown()
    assert _column(register, "root_cause") == ["", "Staff attitude"]
    assert _column(register, "satisfaction") == ["", "4"]
    window.close()
    again = _window(qtbot, signed_in(context.user))  # the next day: as staff1 left it
    assert {"root_cause", "satisfaction"} <= set(again.register.chooser.shown())
    assert not again.register.chooser.shown().count("severity")
    again.close()
    other = _window(qtbot, signed_in(staff2))  # another user: the usual columns
    assert "root_cause" not in other.register.chooser.shown()
    assert "severity" in other.register.chooser.shown()
    other.close()


def test_down_or_enter_in_the_search_box_goes_to_the_results(qtbot: QtBot, window: MainWindow,
                                                             cases: list) -> None:
    register = window.register
    register.search.setFocus()
    qtbot.keyClick(register.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is register.table
    assert register.table.currentIndex().row() == 0
    register.search.setFocus()
    type_text(register.search, "屏幕")
    qtbot.keyClick(register.search, Qt.Key.Key_Return)  # search now, then the results
    assert QApplication.focusWidget() is register.table
    qtbot.keyClick(register.table, Qt.Key.Key_Return)  # Enter opens the case
    opened = [w.details.number for w in window.findChildren(CaseWindow) if w.isVisible()]
    assert opened == [cases[0].number]


def test_filters_hiding_cases_are_said_plainly(qtbot: QtBot, window: MainWindow,
                                               cases: list) -> None:
    register, filters = window.register, window.register.filters
    assert register.notice_bar.isHidden()
    filters.mine.setChecked(True)  # as another user might have left it
    register.search.setText("13900000003")  # a phone search for a case that is not mine
    register.apply_filters()
    qtbot.waitUntil(lambda: register.notice_bar.isVisibleTo(window))
    assert register.notice.text() == "Filters are on (Only mine): 0 of 1 cases are shown."
    register.notice_clear.click()
    qtbot.waitUntil(lambda: register.notice_bar.isHidden())
    assert register.model.rowCount() == 1
