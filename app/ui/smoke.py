"""`complaint-desk --smoke-test --user NAME`: start the window, say what it loaded, close.

What an installed copy can lack that the command line never touches is Qt's: its platform
plugin (and, on Linux, the libraries of its X11 plugin), a font for Chinese, the
translations, the icon and the PDF viewer behind print previews. This opens
the real main window (signed in as NAME with the password in COMPLAINT_DESK_PASSWORD),
reports each of them on one line, and exits 1 if any is missing. The setup program's
build runs it; support can too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument

from app.errors import DeskError
from app.i18n import ZH
from app.services import users
from app.services.desk.store import close_desk, open_desk
from app.ui import fonts
from app.ui.app import PASSWORD_VAR, start_application
from app.ui.context import UiContext
from app.ui.operations import explaining
from app.ui.translation import CATALOG


def run_smoke_test(*, database_url: str, language: str | None, username: str | None) -> int:
    """Runs the check (see the module's description); returns the exit code."""
    from app.ui.main_window import MainWindow

    _application, chosen, translators = start_application(language)
    context = UiContext()
    try:
        with explaining():
            open_desk(database_url)
            context.sign_in(users.authenticate(username or "",
                                               os.environ.get(PASSWORD_VAR, ""),
                                               now=context.now()))
    except DeskError as error:
        print(f"complaint-desk: {error}", file=sys.stderr)
        return 2
    window = MainWindow(context)
    window.show()
    _process_events()
    icon, pages = not window.windowIcon().isNull(), _pdf_pages()
    catalogues = [Path(each.filePath()).name for each in translators]
    needed = {f"{CATALOG}_{chosen}.qm", f"qtbase_{chosen}.qm"}  # ours, and Qt's own dialogs
    font = fonts.chosen()
    checks = [
        ("window", window.windowTitle(), window.isVisible()),
        ("catalogues", ", ".join(catalogues) or "none",
         chosen != ZH or needed <= set(catalogues)),
        ("icon", "yes" if icon else "missing", icon),
        ("pdf viewer", f"{pages} page(s)", pages == 1),
        ("chinese font", f"{font.family}{' (bundled)' if font.bundled else ''}" if font
         else "missing", font is not None),
        ("platform", QGuiApplication.platformName(), True),
    ]
    for name, value, ok in checks:
        print(f"{'OK  ' if ok else 'FAIL'}  {name}: {value}")
    window.close()
    close_desk()
    return 0 if all(ok for _name, _value, ok in checks) else 1


def _process_events() -> None:
    """Lets the window show and run the work it starts when shown, then returns. (A local
    loop: quitting the application's own would close the window first.)"""
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()


def _pdf_pages() -> int:
    """The pages QtPdf reads in a one-page PDF that reportlab wrote: both halves of a
    print preview."""
    from reportlab.pdfgen.canvas import Canvas

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "smoke.pdf"
        canvas = Canvas(str(path))
        canvas.drawString(72, 720, "Complaint Desk")
        canvas.save()
        document = QPdfDocument()
        document.load(str(path))
        pages = document.pageCount()
        document.close()
        return pages
