"""The window on 100,000 and 1,000,000 cases: start-up, sorting, scrolling, filters, search,
the counts and the reminders, each from the change to the rows repainted (offscreen).

Each figure is beside the SQL it ran on the window's thread, replayed through a bare sqlite3
connection in the same run, and says how many rows the register holds after it. What the
window leaves to the worker (the total, the counts beside the states, the places of rows far
down, the reminders) is timed apart: the window does not wait for it. Every run has its own
settings folder (`bench.common.isolate`): nothing restores another run's filters.

    python -m bench.window [--quick]   # --quick: 100,000 cases only
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import (
    case_count,
    demo_database,
    demo_now,
    isolate,
    median,
    recorded,
    replay,
    report,
    sizes,
    timings,
)

STARTS = 9  # medians of nine: a shared machine moves a start by tens of milliseconds
Row = tuple[str, float, str]


def run() -> list[Row]:
    """Start-up and the register's reactions, at each size."""
    isolate()
    rows = []
    for cases in sizes():
        path, _ = demo_database(cases)
        rows += _start(path, f"{cases // 1000}k")
        rows += _interactions(path, f"{cases // 1000}k")
    return rows


def _start(path: Path, label: str) -> list[Row]:
    """Fresh processes, in turn: a bare window, the same on the program's QApplication setup
    (its name, icon, Chinese font and catalogues: the baseline of the target) and the
    program."""
    compileall.compile_dir(Path(__file__).parent.parent / "app", quiet=1)  # as installed
    bare, setup, ours = [], [], []
    for _ in range(STARTS):  # in turn, so all see the same load on a shared machine
        bare.append(_start_once("--bare"))
        setup.append(_start_once("--bare-setup"))
        ours.append(_start_once(str(path)))
    (bare_wall, bare_cpu, _), (setup_wall, setup_cpu, _) = _medians(bare), _medians(setup)
    wall, cpu, shown = _medians(ours)
    return [(f"{label}: bare PySide6 window with a table, start to first paint", bare_wall,
             f"CPU {bare_cpu:.0f} ms (medians of {STARTS})"),
            (f"{label}: the same on the program's QApplication setup", setup_wall,
             f"CPU {setup_cpu:.0f} ms"),
            (f"{label}: Complaint Desk, start to the painted register", wall,
             f"CPU {cpu:.0f} ms, ratio {cpu / setup_cpu:.2f}x to the set-up bare window "
             f"({cpu / bare_cpu:.2f}x to the bare one; wall {wall / setup_wall:.2f}x; "
             f"target ≤ 2x); {shown} rows held at the first paint, of "
             f"{case_count(path):,} cases; load average {os.getloadavg()[0]:.1f}")]


def _start_once(*args: str) -> tuple[float, float, str]:
    """Wall and CPU time from starting the process to the first painted rows: the child
    prints the system's monotonic clock (the one read here before starting it) and its own
    CPU time at its first paint; closing the program is not counted."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bench.window_start", *args],
                            capture_output=True, text=True, check=True)
    assert "painted" in result.stdout, result.stderr
    fields = dict(part.split("=") for part in result.stdout.split()[2:])
    painted = float(result.stdout.split()[1])
    return (painted - started) * 1000, float(fields["cpu"]) * 1000, fields["rows"]


def _medians(runs: list[tuple[float, float, str]]) -> tuple[float, float, str]:
    walls, cpus = sorted(run[0] for run in runs), sorted(run[1] for run in runs)
    return walls[len(runs) // 2], cpus[len(runs) // 2], runs[-1][2]


class Desk:
    """The main window on a database, signed in, shown offscreen."""

    def __init__(self, path: Path) -> None:
        from app.i18n import ZH, set_language
        from app.services import users
        from app.services.desk.store import open_desk
        from app.ui.app import make_application
        from app.ui.context import UiContext
        from app.ui.main_window import MainWindow

        make_application()
        set_language(ZH)
        open_desk(str(path))
        self.path, self.now = path, demo_now(path)
        self.context = UiContext(clock=lambda: self.now)
        self.context.sign_in(users.find_user("manager"))
        self.window = MainWindow(self.context)
        self.window.resize(1366, 768)
        self.window.show()
        self.panel = self.window.register
        self.settle()

    def settle(self) -> None:
        """Lets the window start its work on the worker (the places of far rows start a
        moment after the rows), the worker finish it and its answers reach the window.

        One event loop runs for the while, ended by a timer: this PySide6 loses a reference
        to None with every call of `processEvents`, so a loop calling it ends the process."""
        from PySide6.QtCore import QEventLoop, QTimer

        from app.ui.register.model import ANCHOR_DELAY_MS
        from app.ui.runner import wait_for_jobs

        loop, timer = QEventLoop(), QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        for _ in range(2):  # the places' timer fires in the first; their answer lands after
            timer.start(ANCHOR_DELAY_MS + 50)
            loop.exec()
            wait_for_jobs()
        timer.start(0)
        loop.exec()

    def paint(self) -> None:
        """The rows on screen painted now (what the user waits for)."""
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        self.panel.table.viewport().repaint()

    def held(self) -> str:
        """How many rows the register holds, and its total, once the worker has answered."""
        self.settle()
        model = self.panel.model
        return f"register holds {model.rowCount():,} rows (total {model.total:,})"

    def versus(self, name: str, action: Callable[[], object], runs: int,
               note: str = "") -> Row:
        """`action` (which repaints): the median CPU time of the window's thread (what the
        user waits for; the worker's share is timed apart), the worker let finish between
        runs, beside the median of its SQL replayed bare."""
        statements = recorded(action)
        walls, ours = timings(action, runs, self.settle, clock=time.thread_time)
        _, bare = timings(replay(statements, self.path), runs, clock=time.thread_time)
        text = (f"bare SQL ({len(statements)} statements) {median(bare):.1f} ms, ratio "
                f"{median(ours) / max(median(bare), 0.01):.1f}x; wall {median(walls):.0f} ms; "
                f"{self.held()}")
        return name, median(ours), f"{text}; {note}" if note else text


def _interactions(path: Path, label: str) -> list[Row]:
    desk = Desk(path)
    rows = _sorting_and_scrolling(desk, label)
    rows += _filters_and_search(desk, label)
    rows += _worker(desk, label)
    desk.window.close()
    from app.services.desk.store import close_desk

    close_desk()
    return rows


def _sort_by(desk: Desk, column: int) -> None:
    from PySide6.QtCore import Qt

    table = desk.panel.table
    order = table.horizontalHeader().sortIndicatorOrder()
    flipped = (Qt.SortOrder.AscendingOrder if order == Qt.SortOrder.DescendingOrder
               else Qt.SortOrder.DescendingOrder)
    table.sortByColumn(column, flipped)
    desk.paint()


def _scroll(desk: Desk, fraction: float) -> None:
    """Drags the scroll bar to `fraction` of the rows: a page not read yet, painted."""
    model, table = desk.panel.model, desk.panel.table
    model._pages.clear()  # noqa: SLF001 (a cold page, as when the bar lands somewhere new)
    table.scrollTo(model.index(int((model.rowCount() - 1) * fraction), 0))
    desk.paint()


def _sorting_and_scrolling(desk: Desk, label: str) -> list[Row]:
    rows = [desk.versus(f"{label}: one click on the Customer column", lambda: _sort_by(desk, 2),
                        6, "sorted in the database, scrolled to the top")]
    desk.settle()  # the total and the places of rows far down, found on the worker
    for name, fraction in (("the middle", 0.5), ("the end", 1.0)):
        rows.append(desk.versus(f"{label}: scroll to {name} (sorted by customer)",
                                lambda f=fraction: _scroll(desk, f), 6))
    _scroll(desk, 0.5)

    def click_when_scrolled() -> None:
        _scroll(desk, 0.5)
        _sort_by(desk, 1)

    rows.append(desk.versus(f"{label}: scrolled down, then a click on the Received column",
                            click_when_scrolled, 6, "scroll included"))
    return rows


def _toggle(desk: Desk, box: Any) -> None:
    box.setChecked(not box.isChecked())
    desk.paint()


def _search(desk: Desk, text: str) -> None:
    from app.services.register import search_hits

    search_hits.forget()  # each run a new term: nothing remembered from the last one
    desk.panel.search.setText(text)
    desk.panel.apply_filters()  # what the timer calls after the typing pause
    desk.paint()


def _filters_and_search(desk: Desk, label: str) -> list[Row]:
    filters = desk.panel.filters
    rows = [desk.versus(f"{label}: overdue filter on/off", lambda: _toggle(desk, filters.overdue),
                        6)]
    if filters.overdue.isChecked():
        _toggle(desk, filters.overdue)
    _scroll(desk, 0.5)
    rows.append(desk.versus(f"{label}: scrolled down, then overdue on/off", lambda: (
        _scroll(desk, 0.5), _toggle(desk, filters.overdue)), 6, "scroll included"))
    if filters.overdue.isChecked():
        _toggle(desk, filters.overdue)
    for text in ("屏幕碎裂", "不耐烦", "态度", "王", "猫"):
        rows.append(desk.versus(f"{label}: search “{text}”: first page painted",
                                lambda t=text: _search(desk, t), 3))
        rows.append(_then(desk, f"{label}:   then its total (on the worker)",
                          lambda t=text: _search(desk, t)))
    _search(desk, "")
    return rows


def _then(desk: Desk, name: str, action: Callable[[], object]) -> Row:
    """How long after `action` the total has arrived from the worker (median wall time of
    three; the window is free meanwhile)."""
    from PySide6.QtWidgets import QApplication

    from app.ui.runner import wait_for_jobs

    walls = []
    for _ in range(3):
        action()
        started = time.perf_counter()
        while desk.panel.model.total is None:
            wait_for_jobs()
            QApplication.processEvents()  # a few calls: see Desk.settle
        walls.append((time.perf_counter() - started) * 1000)
    return name, median(walls), f"wall time; {desk.held()}"


def _worker(desk: Desk, label: str) -> list[Row]:
    from app.services.casework import reminders
    from app.services.register import listing
    from app.services.register.listing import CaseQuery

    now, path = desk.now, desk.path
    rows = []
    for name, action in (
            ("the total", lambda: listing.count(CaseQuery(), now=now)),
            ("the counts beside the states",
             lambda: listing.count_by_status(CaseQuery(), now=now)),
            ("reminders of the manager (the minute check, on the worker)",
             lambda: reminders.reminders(user=desk.context.user, now=now))):
        statements = recorded(action)
        _, ours = timings(action, 10, clock=time.thread_time)
        _, bare = timings(replay(statements, path), 10, clock=time.thread_time)
        rows.append((f"{label}: {name}", median(ours),
                     f"bare SQL ({len(statements)} statements) {median(bare):.1f} ms, ratio "
                     f"{median(ours) / max(median(bare), 0.01):.1f}x"))
    found = reminders.reminders(user=desk.context.user, now=now)
    rows[-1] = (rows[-1][0], rows[-1][1], rows[-1][2] + "; " + ", ".join(
        f"{group} {count:,}" for group, count in found.counts.items()))
    started = time.perf_counter()
    desk.window.watch.check()
    rows.append((f"{label}: the window's thread during a reminders check",
                 (time.perf_counter() - started) * 1000, "the check itself runs on the worker"))
    return rows


if __name__ == "__main__":
    report(run())
    sys.stdout.flush()
    # Skip the interpreter's clean-up: the references to None this PySide6 loses (see
    # Desk.settle) can make freeing the last objects end the process with an error.
    os._exit(0)
