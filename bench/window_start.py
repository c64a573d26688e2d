"""Started as a subprocess: opens the window on a database and prints when the register
has painted its first rows, and how many rows it holds then (or, with --bare, a bare PySide6
window with a table). Its settings are the parent's isolated folder (bench.common.isolate)."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _paint_then_quit(view: object, app: object) -> None:
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, _obj: object, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                rows = view.model().rowCount()  # type: ignore[attr-defined]
                print(f"painted {time.perf_counter()} cpu={time.process_time()} rows={rows}",
                      flush=True)
                app.quit()  # type: ignore[attr-defined]
            return False

    watcher = FirstPaint()
    view.viewport().installEventFilter(watcher)  # type: ignore[attr-defined]
    view._watcher = watcher  # type: ignore[attr-defined]


def bare() -> None:
    """A window with a 100-row table, nothing else."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    model = QStandardItemModel(100, 8)
    for row in range(100):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"{row}-{column}"))
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    _paint_then_quit(view, app)
    window.show()
    app.exec()


def desk(database: str) -> None:
    """The real start-up: database, signed-in user, main window with the register."""
    from app.location import skip_postgres_driver

    skip_postgres_driver()  # as `complaint-desk` does for a SQLite database
    from app.i18n import ZH, set_language
    from app.services import users
    from app.services.desk.store import open_desk
    from app.ui.app import make_application
    from app.ui.context import UiContext
    from app.ui.main_window import MainWindow
    from app.ui.translation import install_translators

    app = make_application()
    set_language(ZH)
    translators = install_translators(app, ZH)
    open_desk(database)
    context = UiContext()
    context.sign_in(users.find_user("staff1"))  # the password check is the user's typing time
    window = MainWindow(context)
    window.resize(1366, 768)
    _paint_then_quit(window.register.table, app)
    window.show()
    app.exec()
    del translators


if __name__ == "__main__":
    bare() if sys.argv[1] == "--bare" else desk(sys.argv[1])
