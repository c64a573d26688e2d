"""Started as a subprocess: opens the window on a database and prints when the register
has painted its first rows, and how many rows it holds then (or, with --bare, a bare PySide6
window with a table; with --bare-setup, the same on an application set up as the program
sets up its own). Its settings are the parent's isolated folder (bench.common.isolate)."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

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


def bare(*, setup: bool = False) -> None:
    """A window with a 100-row table, nothing else (with `setup`, on an application set up
    as the program's is: see `_program_setup`)."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    kept = _program_setup(app) if setup else []
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
    del kept


def _program_setup(app: QApplication) -> list[QTranslator]:
    """What the program does to its QApplication before any window (app.ui.app's
    make_application and app.ui.translation's install_translators, in Chinese), written
    out with PySide6 alone: its name, its icon, the Chinese font, the Chinese locale and the
    translation catalogues (Qt's own and the program's). Returns the catalogues."""
    from pathlib import Path

    import PySide6
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QFontDatabase, QIcon

    from app.resources import resource_path

    app.setOrganizationName("ComplaintDesk")
    app.setApplicationName("Complaint Desk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "complaint-desk.png"))))
    system = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    if not system and font_id >= 0:
        font = app.font()
        font.setFamilies([font.family(), QFontDatabase.applicationFontFamilies(font_id)[0]])
        app.setFont(font)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folders = dict.fromkeys([QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                             str(Path(PySide6.__path__[0]) / "Qt" / "translations")])
    wanted = [(f"{name}_zh_CN", folder) for name in ("qtbase", "qt") for folder in folders]
    wanted.append(("complaint_desk_zh_CN", str(resource_path("translations"))))
    kept: list[QTranslator] = []
    loaded: set[str] = set()
    for name, folder in wanted:
        translator = QTranslator(app)
        if name not in loaded and translator.load(name, folder):
            app.installTranslator(translator)
            kept.append(translator)
            loaded.add(name)
    return kept


def desk(database: str) -> None:
    """The real start-up: database, signed-in user, main window with the register (opened as
    the program opens it, `app.ui.app.open_main_window`)."""
    from app.location import skip_postgres_driver

    skip_postgres_driver()  # as `complaint-desk` does for a SQLite database
    from app.i18n import ZH, set_language
    from app.services import users
    from app.services.desk.store import open_desk
    from app.ui.app import make_application, open_main_window
    from app.ui.context import UiContext
    from app.ui.translation import install_translators

    app = make_application()
    set_language(ZH)
    translators = install_translators(app, ZH)
    open_desk(database)
    context = UiContext()
    context.sign_in(users.find_user("staff1"))  # the password check is the user's typing time
    window = open_main_window(context)
    window.resize(1366, 768)
    _paint_then_quit(window.register.table, app)
    app.exec()
    del translators


if __name__ == "__main__":
    if sys.argv[1] in ("--bare", "--bare-setup"):
        bare(setup=sys.argv[1] == "--bare-setup")
    else:
        desk(sys.argv[1])
