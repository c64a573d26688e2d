"""Starting the window: database, first run or sign-in, then the main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app.errors import DeskError
from app.i18n import ZH, current_language, set_language, system_language
from app.location import default_database_path
from app.models import User
from app.services import users
from app.services.desk import setup
from app.services.desk.store import close_desk, open_desk
from app.ui import crash, messages, none_guard, runner
from app.ui.context import Restart, UiContext
from app.ui.fonts import set_up_chinese_font
from app.ui.operations import Operation, explaining
from app.ui.translation import SETTINGS_LANGUAGE, install_translators
from app.ui.widgets import FirstPaint, app_icon

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DEMO_CASES = 2000
GUARD_TIMER = "none-guard"
PASSWORD_VAR = "COMPLAINT_DESK_PASSWORD"
# Windows groups taskbar buttons by this; the setup program's shortcuts carry the same, so
# a pinned shortcut and the running window share one button with this program's icon.
WINDOWS_APP_ID = "ComplaintDesk.ComplaintDesk"


def make_application() -> QApplication:
    """The QApplication, named so QSettings finds this program's settings."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(WINDOWS_APP_ID)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setOrganizationName("ComplaintDesk")
    app.setApplicationName("Complaint Desk")
    app.setWindowIcon(app_icon())  # every window and dialog, the taskbar's too
    set_up_chinese_font(app)
    _guard_none(app)
    return app


def _guard_none(app: QApplication) -> None:
    """Keeps None's reference count out of reach of PySide6's fault (see none_guard): now,
    and every minute while the application runs."""
    none_guard.top_up()
    if app.findChild(QTimer, GUARD_TIMER) is None:
        timer = QTimer(app)
        timer.setObjectName(GUARD_TIMER)
        timer.timeout.connect(none_guard.top_up)
        timer.start(60_000)


def choose_language(requested: str | None) -> str:
    """`--lang`, else the language chosen on this PC, else the system's."""
    return requested or str(QSettings().value(SETTINGS_LANGUAGE, "") or "") or system_language()


def start_application(language: str | None) -> tuple[QApplication, str, list[QTranslator]]:
    """The QApplication speaking `language` (see `choose_language`): returns it, the
    language chosen and its installed catalogues, which must be kept alive."""
    app = make_application()
    chosen = choose_language(language)
    set_language(chosen)
    return app, chosen, install_translators(app, chosen)


def run_window(*, database_url: str, language: str | None, username: str | None) -> int:
    """Runs the window until it is closed; returns the exit code."""
    app, _chosen, translators = start_application(language)
    crash.install()
    context = UiContext()
    try:
        with explaining():  # a read-only database file is said, not a crash, at start too
            open_desk(database_url)
            user = first_user(context, username)
    except DeskError as error:
        messages.show_error(None, error)
        return 2
    code, url = 0, database_url
    while user is not None:
        context.sign_in(user)
        window = open_main_window(context)
        code = app.exec()
        runner.wait_for_jobs()  # a copy made on closing finishes first
        if window.restart is None:
            break
        user, url = restart(window.restart, context, url)
    close_desk()
    del translators
    return code


def open_main_window(context: UiContext) -> MainWindow:
    """The signed-in user's main window, shown. Today's copy (if it is not made yet) starts
    once the register has painted its rows, which are what the user waits for; the
    early-warning rules are checked each minute."""
    from app.ui.main_window import MainWindow

    window = MainWindow(context)
    window.show()
    FirstPaint(window.register.table.viewport(), window.backups.start)
    window.improvement.watch.start()
    return window


def restart(request: Restart, context: UiContext, previous_url: str,
            ) -> tuple[User | None, str]:
    """Starts again on `request.url` once every connection is closed (running
    `request.before` first); the user signs in again. When `before` fails, the window comes
    back on the database it had, with the same user. Returns who and which database."""
    close_desk()
    done = request.before is None or Operation(None).run(request.before)  # type: ignore[arg-type]
    close_desk()  # a restore opens the database it put back: start clean
    url = request.url if done else previous_url
    try:
        with explaining():
            open_desk(url)
            return (first_user(context, None) if done else context.user), url
    except DeskError as error:
        messages.show_error(None, error)
        return None, url


def first_user(context: UiContext, username: str | None) -> User | None:
    """Who works at the desk: the owner just set up, or someone signing in."""
    hint = ""
    if setup.needs_setup():
        from app.ui.welcome import WelcomeDialog  # first run only

        welcome = WelcomeDialog(context)
        if not welcome.exec():
            return None
        if welcome.owner is not None:
            return welcome.owner
        open_demo(context)
        hint = messages.tr("Demo accounts: owner, manager, staff1, staff2 — password “demo”.")
    if username and os.environ.get(PASSWORD_VAR):
        try:
            return users.authenticate(username, os.environ[PASSWORD_VAR], now=context.now())
        except DeskError:
            pass  # fall back to the sign-in dialog
    from app.ui.signin import SignInDialog

    dialog = SignInDialog(hint=hint)
    return dialog.user if dialog.exec() else None


def open_demo(context: UiContext) -> None:
    """Switches to the demo database beside the real one, filling it the first time: one
    demo per language, so its customers and texts speak the language of the window."""
    from app.services.demo import generate

    close_desk()
    language = current_language()
    name = "complaint-desk-demo.sqlite3" if language == ZH else "complaint-desk-demo-en.sqlite3"
    open_desk(str(default_database_path().with_name(name)))
    if setup.needs_setup():
        generate.fill_demo(cases=DEMO_CASES, seed=1, now=context.now(), language=language)
