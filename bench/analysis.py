"""The analysis on the demo database: the month view, the review pack and `report --json`.

Every SQL statement the program runs for a measurement is recorded once and replayed, in the
same run, through a bare sqlite3 connection: the "bare SQL" column is what SQLite itself
needs for the same aggregates, so the figures read as a ratio.

    python -m bench.analysis            # the 100,000-case database (generated if missing)
    python -m bench.analysis --million  # also the 1,000,000-case database (bench/common.py)
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.i18n import ZH, set_language
from app.models import database_proxy
from app.services.analysis.as_json import overview_json
from app.services.analysis.overview import Overview, analyse, with_details
from app.services.analysis.pareto import pareto
from app.services.analysis.period import Period
from app.services.analysis.review_files import write_review
from app.services.desk.store import close_desk, open_desk
from bench.common import MILLION, demo_database, demo_now, isolate, median, report, timings


def recorded(action: Callable[[], object]) -> list[tuple[str, tuple]]:
    """The SQL statements (and parameters) `action` runs."""
    database = database_proxy.obj
    original = database.execute_sql
    seen: list[tuple[str, tuple]] = []

    def spy(sql: str, params: object = None, *args: object, **kwargs: object) -> object:
        seen.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    database.execute_sql = spy
    try:
        action()
    finally:
        database.execute_sql = original
    return [(sql, params) for sql, params in seen if sql.lstrip().upper().startswith("SELECT")]


def bare(statements: list[tuple[str, tuple]], conn: sqlite3.Connection) -> Callable[[], None]:
    """Runs the statements through a bare sqlite3 connection."""
    def run() -> None:
        for sql, params in statements:
            conn.execute(sql, [_plain(p) for p in params]).fetchall()
    return run


def _plain(value: object) -> object:
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value


def _versus(name: str, action: Callable[[], object], conn: sqlite3.Connection, runs: int,
            note: str = "") -> tuple[str, float, str]:
    """`action`'s median CPU time beside the median of its SQL run bare, in the same run."""
    statements = recorded(action)
    walls, ours = timings(action, runs)
    _, raw = timings(bare(statements, conn), runs)
    text = (f"bare SQL ({len(statements)} statements) {median(raw):.1f} ms, ratio "
            f"{median(ours) / median(raw):.2f}x; wall {median(walls):.0f} ms")
    return name, median(ours), f"{text}; {note}" if note else text


def _window(period: Period, now: datetime, runs: int) -> float:
    """From asking for the month to the filled view painted (offscreen): what the user waits
    for after clicking ◀ or ▶ (the figures, then the tiles, charts and tables)."""
    from PySide6.QtWidgets import QApplication

    from app.models import User
    from app.ui.analysis.view import AnalysisView
    from app.ui.context import UiContext

    app = QApplication.instance() or QApplication([])
    context = UiContext(clock=lambda: now)
    context.sign_in(User.get(User.username == "owner"))
    view = AnalysisView(context)
    view.resize(1366, 768)
    view.show()

    def load_and_paint() -> None:
        view._show_figures(first_figures(period, now))  # noqa: SLF001 (what reload shows)
        view.grab()

    timing = median(timings(load_and_paint, runs)[1])
    view.close()
    del app
    return timing


def first_figures(period: Period, now: datetime) -> Overview:
    """What the view loads first: the tiles' figures and the Pareto chart in view."""
    shown = analyse(period, actor=None, now=now, year_earlier=False, details=False)
    return replace(shown, paretos={"category": pareto("category", period, shown.filters)})


def measure(path: Path, label: str, runs: int) -> list[tuple[str, float, str]]:
    """The view, the pack and the JSON on one database."""
    now = demo_now(path)
    set_language(ZH)
    open_desk(str(path))
    conn = sqlite3.connect(path)
    month = Period.containing(now.date()).previous()  # the last whole month
    first = first_figures(month, now)
    rows = [
        _versus(f"{label}: month view, tiles and Pareto chart ({month.code()})",
                lambda: first_figures(month, now), conn, runs, "target < 300 ms at 100k"),
        (f"{label}: the same, shown and painted", _window(month, now, runs),
         "CPU median, offscreen, 1366×768"),
        _versus(f"{label}: then the other tabs (trend, departments, handlers)",
                lambda: with_details(first), conn, runs, "filled after the figures show"),
        _versus(f"{label}: `report --json` (figures with a year earlier, JSON)",
                lambda: json.dumps(overview_json(analyse(month, actor=None, now=now))), conn,
                runs),
    ]
    folder = Path(tempfile.mkdtemp())
    rows.append(_versus(f"{label}: review pack PDF", lambda: write_review(
        analyse(month, actor=None, now=now), folder / "review.pdf", language=ZH), conn,
        max(3, runs // 3)))
    rows.append(_versus(f"{label}: review workbook (.xlsx)", lambda: write_review(
        analyse(month, actor=None, now=now), folder / "review.xlsx", language=ZH), conn,
        max(3, runs // 3)))
    conn.close()
    close_desk()
    return rows


def run() -> list[tuple[str, float, str]]:
    """The 100,000-case measurements (and the million when asked)."""
    isolate()
    path, _ = demo_database()
    rows = measure(path, "100k", 10)
    if "--million" in sys.argv:
        rows += measure(demo_database(MILLION)[0], "1M", 3)
    return rows


if __name__ == "__main__":
    report(run())
