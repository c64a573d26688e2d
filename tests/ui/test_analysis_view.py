"""The analysis view: period navigation, tiles, charts, and every door opening the register
on exactly the figure's cases (on the hand-built February of tests/services)."""

import math
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.models import User
from app.services.analysis.period import Period
from app.ui.analysis.charts import axis_top
from app.ui.analysis.view import AnalysisView
from app.ui.main_window import MainWindow
from tests.conftest import Seed
from tests.services.analysis_world import seed_world
from tests.ui.conftest import signed_in


@pytest.fixture
def world(seeded: Seed) -> dict[str, int]:
    return seeded(seed_world)


@pytest.fixture
def window(qtbot: QtBot, world: dict[str, int], manager: User) -> Iterator[MainWindow]:
    main = MainWindow(signed_in(manager))
    qtbot.addWidget(main)
    main.show()
    yield main
    if main._analysis is not None:  # noqa: SLF001
        main._analysis.close()  # noqa: SLF001
    main.close()


def open_view(qtbot: QtBot, window: MainWindow) -> AnalysisView:
    window.analysis_action.trigger()
    view = window._analysis  # noqa: SLF001
    assert view is not None
    qtbot.waitUntil(lambda: view.overview is not None and bool(view.overview.trend),
                    timeout=20_000)
    return view


def go_to(qtbot: QtBot, view: AnalysisView, period: Period) -> None:
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show_period(period)


def test_navigating_periods_and_the_tiles(qtbot: QtBot, window: MainWindow) -> None:
    view = open_view(qtbot, window)
    assert view.overview is not None and view.overview.period == Period.month(2026, 3)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.period_label.text() == "February 2026"
    assert view.tiles["received"].value.text() == "6"
    assert view.tiles["decision_on_time_pct"].value.text() == "50.0%"
    assert view.tiles["compensation_approved_amount"].value.text() == "¥150.00"
    assert view.tiles["received"].change.text().startswith("▲ 5")  # worse: red
    assert "#c62828" in view.tiles["received"].change.styleSheet()
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.kind.setCurrentIndex(view.kind.findData("quarter"))
    assert view.period == Period.quarter(2026, 1)
    assert view.tiles["received"].value.text() == "8"  # A in January, six, F in March


def test_a_tile_opens_the_register_on_its_cases(qtbot: QtBot, window: MainWindow) -> None:
    view = open_view(qtbot, window)
    go_to(qtbot, view, Period.month(2026, 2))
    qtbot.mouseClick(view.tiles["decided"], Qt.MouseButton.LeftButton)
    assert window.register.model.rowCount() == 4 == view.overview.current["decided"].cases
    assert window.register.figure_bar.isVisible()
    assert "Decided · 2026-02-01 – 2026-02-28" in window.register.figure_label.text()
    qtbot.mouseClick(view.tiles["not_upheld"], Qt.MouseButton.LeftButton)
    assert window.register.model.rowCount() == 1
    qtbot.mouseClick(window.register.figure_clear, Qt.MouseButton.LeftButton)
    assert window.register.model.rowCount() == 8 and not window.register.figure_bar.isVisible()


def test_a_bar_and_a_row_open_the_register_on_their_cases(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    view = open_view(qtbot, window)
    go_to(qtbot, view, Period.month(2026, 2))
    view.resize(1366, 768)
    chart = view.pareto_chart
    assert chart.chart.labels[:2] == ("Product quality", "Delivery")
    assert chart.chart.marked == (True, True, True, False)
    centre = chart.bar_rect(0).center()
    with qtbot.waitSignal(chart.bar_clicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()),
                                                                      int(centre.y())))
    assert clicked.args == [0]
    assert window.register.model.rowCount() == 2
    assert "Category: Product quality" in window.register.figure_label.text()
    view.tabs.setCurrentIndex(1)
    view.trend_chart.bar_clicked.emit(11)  # February, the last month of the trend
    assert window.register.model.rowCount() == 6
    view.tabs.setCurrentIndex(2)
    row = next(index for index in range(view.team_table.rowCount())
               if view.team_table.item(index, 0).text() == "Logistics")
    view.team_table.cellClicked.emit(row, 0)
    assert window.register.model.rowCount() == 1


def test_the_figures_show_first_and_a_late_answer_is_dropped(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    view = open_view(qtbot, window)
    with qtbot.waitSignal(view.figures_shown, timeout=20_000):
        view.show_period(Period.month(2026, 2))
    assert view.tiles["received"].value.text() == "6"
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show_period(Period.month(2026, 1))
    assert view.overview is not None and view.overview.period == Period.month(2026, 1)
    assert view.tiles["received"].value.text() == "1"


def test_staff_see_their_own_figures(qtbot: QtBot, world: dict[str, int], staff2: User) -> None:
    view = AnalysisView(signed_in(staff2))
    qtbot.addWidget(view)
    go_to(qtbot, view, Period.month(2026, 2))
    assert view.tiles["received"].value.text() == "1"
    assert [view.handler_table.item(r, 0).text()
            for r in range(view.handler_table.rowCount())] == ["刘明"]


def test_the_workbook_and_the_return_are_saved(qtbot: QtBot, window: MainWindow, tmp_path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    from app.ui import messages
    from app.ui.runner import wait_for_jobs

    view = open_view(qtbot, window)
    go_to(qtbot, view, Period.month(2026, 2))
    targets = iter([tmp_path / "review.xlsx", tmp_path / "return.xlsx"])
    monkeypatch.setattr(messages, "choose_save_file", lambda *_a, **_k: next(targets))
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: False)
    qtbot.mouseClick(view.workbook_button, Qt.MouseButton.LeftButton)
    assert wait_for_jobs()
    qtbot.mouseClick(view.return_button, Qt.MouseButton.LeftButton)
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: (tmp_path / "return.xlsx").exists(), timeout=10_000)
    assert load_workbook(tmp_path / "review.xlsx").sheetnames[0] == "Summary"
    assert dict(load_workbook(tmp_path / "return.xlsx")["Return"].iter_rows(
        min_row=2, values_only=True))["Received"] == 6


@pytest.mark.parametrize(("largest", "top"), [(0, 4), (3, 4), (9, 10), (90, 100), (100, 100),
                                              (349, 400), (1234, 2000)])
def test_the_chart_axis_reads_in_round_steps(largest: int, top: float) -> None:
    assert axis_top(largest) == top
    assert (top / 4) / 10 ** math.floor(math.log10(top / 4)) in (1, 2, 2.5, 5)
