"""The main window: who is signed in, the register, search, filters, opening a case."""

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models import Complaint, User
from app.services.casework import workflow
from app.ui.case.window import CaseWindow
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.register.panel import SETTINGS_FILTERS
from tests.conftest import NOW
from tests.ui.conftest import type_text

MakeCase = Callable[..., Complaint]


@pytest.fixture
def cases(make_case: MakeCase, staff2: User) -> list[Complaint]:
    """Three cases: a broken screen, a late delivery (flagged), a rude clerk (overdue)."""
    made = [
        make_case(customer_name="王芳", phone="13900000001", description="手机屏幕碎裂"),
        make_case(customer_name="Alice", phone="13900000002", category="delivery",
                  description="parcel late", flags=["group"]),
        make_case(customer_name="李雷", phone="13900000003", category="service",
                  description="店员态度冷淡", received_at=NOW - timedelta(days=9),
                  at=NOW - timedelta(days=9)),
    ]
    made[2] = workflow.move(made[2].id, "in_progress", actor=staff2, now=NOW, expected_version=1,
                            values={"department": "front_desk", "handler": "staff2"})
    return made


@pytest.fixture
def window(qtbot: QtBot, context: UiContext, cases: list[Complaint]) -> Iterator[MainWindow]:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()  # before the database closes: its timers stop


def _numbers(window: MainWindow) -> list[str]:
    model = window.register.model
    return [model.row_at(row).number for row in range(model.rowCount())]


def test_signed_in_user_and_role_are_always_visible(window: MainWindow) -> None:
    assert window.user_label.text() == "Signed in: 张小芳 (Staff)"


def test_register_lists_newest_first_with_overdue_and_flagged_marked(window: MainWindow,
                                                                     cases: list) -> None:
    assert _numbers(window) == [c.number for c in (cases[1], cases[0], cases[2])]
    model = window.register.model
    overdue = model.index(2, 7)
    assert model.data(overdue, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "Group complaint" in model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)


def test_search_finds_a_chinese_substring_as_the_user_types(qtbot: QtBot, window: MainWindow,
                                                            cases: list) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.register.search
    type_text(window.register.search, "屏幕碎")
    assert window.register.timer.isActive()  # waits for a pause in typing
    qtbot.waitUntil(lambda: _numbers(window) == [cases[0].number], timeout=2000)
    assert window.register.count.text() == "1 case(s)"


def test_filters_change_the_rows_and_are_remembered(qtbot: QtBot, window: MainWindow,
                                                    cases: list) -> None:
    filters = window.register.filters
    filters.overdue.setChecked(True)
    assert _numbers(window) == [cases[2].number]
    filters.overdue.setChecked(False)
    filters.flagged.setChecked(True)
    assert _numbers(window) == [cases[1].number]
    filters.flagged.setChecked(False)
    filters.states.setCurrentRow(filters.states.count() - 6)  # "In progress"
    assert _numbers(window) == [cases[2].number]
    qtbot.waitUntil(lambda: "In progress (1)" in filters.states.currentItem().text())
    window.close()
    assert '"state": "in_progress"' in str(QSettings().value(
        SETTINGS_FILTERS.format(user="staff1")))


def test_mine_shows_the_signed_in_users_cases(window: MainWindow, context: UiContext,
                                             staff: User, staff2: User, cases: list) -> None:
    filters = window.register.filters
    filters.mine.setChecked(True)
    assert _numbers(window) == []
    context.sign_in(staff2)  # staff2's own filters: none yet, so every case
    assert not filters.mine.isChecked() and len(_numbers(window)) == 3
    filters.mine.setChecked(True)
    assert _numbers(window) == [cases[2].number]
    assert "刘明" in window.user_label.text()
    context.sign_in(staff)  # and back: staff1's "only mine" as they left it
    assert filters.mine.isChecked() and _numbers(window) == []


def test_sorting_by_a_column_goes_to_the_database(window: MainWindow, cases: list) -> None:
    window.register.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _numbers(window) == sorted(c.number for c in cases)


def test_enter_opens_the_case(qtbot: QtBot, window: MainWindow, cases: list) -> None:
    table = window.register.table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    opened = window.findChildren(CaseWindow)
    assert [w.details.number for w in opened if w.isVisible()] == [cases[0].number]


def test_a_short_search_shows_the_newest_matches_then_all_once_counted(
        qtbot: QtBot, window: MainWindow, cases: list, monkeypatch: pytest.MonkeyPatch,
        db: str) -> None:
    from app.services.register import search_hits

    monkeypatch.setattr(search_hits, "NEWEST", 1)  # the first page reads the newest case only
    register = window.register
    register.search.setText("王")  # in the oldest case's customer name only
    register.apply_filters()
    if db.startswith("postgresql://"):  # no search table there: the server answers at once
        assert _numbers(window) == [cases[0].number]
        qtbot.waitUntil(lambda: register.count.text() == "1 case(s)", timeout=3000)
        return
    assert _numbers(window) == [] and register.count.text() == "…"
    qtbot.waitUntil(lambda: register.count.text() == "1 case(s)", timeout=3000)
    assert _numbers(window) == [cases[0].number]


def test_waiting_for_a_paint_loses_no_reference(qtbot: QtBot) -> None:
    """PySide6's QTimer.singleShot with a Python callable drops a reference to what the
    callable returns (None here) each time, until Python aborts: FirstPaint must not.

    The garbage collector is run first and held while counting: freeing what earlier tests
    left (each object's attributes that are None) lowers the count by hundreds too.
    """
    import gc
    import sys

    from PySide6.QtWidgets import QWidget

    from app.ui.widgets import FirstPaint

    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        waits = [FirstPaint(widget, lambda: calls.append(1)) for _ in range(300)]
        widget.show()
        widget.repaint()
        qtbot.waitUntil(lambda: len(calls) == 300, timeout=3000)
        assert sys.getrefcount(None) > before - 100 and len(waits) == 300
    finally:
        gc.enable()


def _copies(case: Complaint, count: int) -> None:
    """`count` more cases like `case`, received a minute apart before it."""
    model = Complaint.get_by_id(case.id)
    values = {field.name: getattr(model, field.name)
              for field in Complaint._meta.sorted_fields if field.name != "id"}
    rows = [{**values, "number": f"TS-2025-{n:06d}",
             "received_at": model.received_at - timedelta(minutes=n)}
            for n in range(1, count + 1)]
    for start in range(0, len(rows), 100):
        Complaint.insert_many(rows[start:start + 100]).execute()


def test_a_new_order_or_filter_starts_at_the_top_and_far_rows_are_read_by_key(
        qtbot: QtBot, window: MainWindow, cases: list) -> None:
    from app.services.register import listing

    _copies(cases[0], 400)
    register, table = window.register, window.register.table
    register.apply_filters()
    bar = table.verticalScrollBar()
    for change in (lambda: table.sortByColumn(0, Qt.SortOrder.AscendingOrder),
                   lambda: (register.filters.flagged.setChecked(True),
                            register.apply_filters())):
        qtbot.waitUntil(lambda: register.model.total == 403 and bar.maximum() > 0,
                        timeout=3000)  # counted on the worker, and laid out
        bar.setValue(bar.maximum())  # the scroll bar dragged to the end
        order = listing.ordered_ids(register.model.query, now=NOW)
        assert bar.value() > 0 and register.model.row_at(350).id == order[350]
        change()
        assert bar.value() == 0
    assert _numbers(window) == [cases[1].number]
