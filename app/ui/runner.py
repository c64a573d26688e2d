"""Heavy work off the UI thread: one serialising worker, a progress dialog, cancel.

A job is a plain function taking a `Progress`; it runs on the single worker thread (so
database work from the background never overlaps), reports with `progress.step()`, and
stops with `CancelledError` when the user presses Cancel. Its result, or its error, comes back
on the UI thread, where errors are shown once through the messages seam.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import DeskError
from app.services import desk
from app.ui import messages

_POOL: QThreadPool | None = None


class CancelledError(Exception):
    """Raised inside a job when the user cancelled it."""


class Progress:
    """What a job uses to report progress and notice a cancel."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Reports `done` of `total`; raises CancelledError if the user has cancelled."""
        if self._cancelled.is_set():
            raise CancelledError
        self._relay.progressed.emit(done, total, text)

    def cancel(self) -> None:
        """Asks the job to stop at its next step."""
        self._cancelled.set()


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, job: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self._job, self._progress, self._relay = job, progress, relay

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except BaseException as error:  # everything reaches the UI thread, once
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)
        finally:
            desk.close_thread_connection()  # this thread's database connection


def worker_pool() -> QThreadPool:
    """The single worker thread all background jobs share."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def run_in_background(parent: QWidget, title: str, job: Callable[[Progress], Any],
                      on_done: Callable[[Any], None]) -> Progress:
    """Runs `job` on the worker with a progress dialog; `on_done(result)` on success."""
    relay = _Relay(parent)
    progress = Progress(relay)
    dialog = QProgressDialog(title, QProgressDialog.tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(progress.cancel)
    relay.progressed.connect(lambda done, total, text: _show(dialog, done, total, text))
    relay.finished.connect(lambda result: (dialog.close(), on_done(result)))
    relay.failed.connect(lambda error: (dialog.close(), _report(parent, error)))
    worker_pool().start(_Task(job, progress, relay))
    return progress


def _show(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
    if text:
        dialog.setLabelText(text)


def _report(parent: QWidget, error: BaseException) -> None:
    if isinstance(error, CancelledError):
        return
    if isinstance(error, DeskError):
        messages.show_error(parent, error)
        return
    raise error  # the error hook shows it with its details


def wait_for_jobs(timeout_ms: int = 30_000) -> bool:
    """Waits until the worker is idle (tests, and closing the window)."""
    return worker_pool().waitForDone(timeout_ms)
