"""Errors reach the user once: an unexpected exception shows a dialog with details to copy."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app import crashlog
from app.failures import explain


def _hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    explained = explain(error)
    if explained is not None:  # a refusal, a file or the database, escaped a slot: say it
        QMessageBox.warning(None, QCoreApplication.translate("crash", "Not done"),
                            str(explained))
        return
    details = "".join(traceback.format_exception(kind, error, tb))
    path = crashlog.append(details)
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("crash", "Something went wrong"),
                      QCoreApplication.translate(
                          "crash", "Complaint Desk met an unexpected error. Your saved work is "
                          "safe. The details below are also in %1.").replace("%1", path))
    box.setDetailedText(details)
    box.exec()


def install() -> None:
    """Routes uncaught exceptions (in Qt slots too) to the error dialog."""
    sys.excepthook = _hook
