"""Heavy work off the UI thread: one serialising worker, a progress dialog, cancel.

A job is a plain function taking a `Progress`; it runs on the single worker thread (so
database work from the background never overlaps), reports with `progress.step()`, and
stops with `CancelledError` when the user presses Cancel. Its result, or its error, comes back
on the UI thread, where errors are explained (app.failures) and shown once through the
messages seam. The window starts jobs through `app.ui.operations`.

A QObject must never be made or destroyed on the worker thread: its destructor takes Qt's
signal lock and then waits for Python's lock, while the UI thread, emitting a signal, holds
them the other way round (a deadlock seen when a print job freed its PDF document). So the
worker reaches the UI through one relay that lives as long as the program, a job only uses
QObjects the UI thread owns, and the task lets go of the job before it reports back, so the
last reference to anything the job held is dropped on the UI thread.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.failures import explain
from app.services.desk import store
from app.ui import messages

_POOL: QThreadPool | None = None
_RELAY: _Relay | None = None
_NUMBERS = itertools.count(1)


class CancelledError(Exception):
    """Raised inside a job when the user cancelled it."""


class _Relay(QObject):
    """Carries a job's news (tagged with its number) from the worker to the UI thread."""

    progressed = Signal(int, int, int, str)
    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, _Watch] = {}
        self.quiet: dict[int, tuple[Callable[[Any], None],
                                    Callable[[BaseException], None]]] = {}
        self.progressed.connect(self._on_progressed)
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)

    def _on_progressed(self, number: int, done: int, total: int, text: str) -> None:
        if number in self.jobs:
            self.jobs[number].show(done, total, text)

    def _on_finished(self, number: int, result: object) -> None:
        if number in self.quiet:
            self.quiet.pop(number)[0](result)
            return
        watch = self.jobs.pop(number)
        watch.end()
        watch.on_done(result)

    def _on_failed(self, number: int, error: object) -> None:
        if number in self.quiet:
            self.quiet.pop(number)[1](error)  # type: ignore[arg-type]
            return
        watch = self.jobs.pop(number)
        watch.end()
        _report(watch.parent, error)  # type: ignore[arg-type]


@dataclass
class _Watch:
    """The UI side of a running job: its dialog and what to call when it ends."""

    parent: QWidget
    dialog: QProgressDialog
    on_done: Callable[[Any], None]
    on_end: Callable[[], None]

    def show(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def end(self) -> None:
        self.dialog.hide()  # not close(): that emits canceled, which means nothing now
        self.dialog.deleteLater()
        self.on_end()


def _relay() -> _Relay:
    global _RELAY
    if _RELAY is None:
        _RELAY = _Relay()
    return _RELAY


class Progress:
    """What a job uses to report progress and notice a cancel (plain Python: safe to drop on
    the worker thread)."""

    def __init__(self, number: int) -> None:
        self.number = number
        self._cancelled = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Reports `done` of `total`; raises CancelledError if the user has cancelled."""
        if self._cancelled.is_set():
            raise CancelledError
        _relay().progressed.emit(self.number, done, total, text)

    def cancel(self) -> None:
        """Asks the job to stop at its next step."""
        self._cancelled.set()


class _Task(QRunnable):
    def __init__(self, job: Callable[[Progress], Any], progress: Progress) -> None:
        super().__init__()
        self._job: Callable[[Progress], Any] | None = job
        self._progress = progress

    def run(self) -> None:
        relay, number = _relay(), self._progress.number
        job, self._job = self._job, None
        assert job is not None
        try:
            outcome = (relay.finished, job(self._progress))
        except BaseException as error:  # everything reaches the UI thread, once
            outcome = (relay.failed, error)
        finally:
            del job  # before reporting: the UI thread must hold the last references
            store.close_thread_connection()  # this thread's database connection
        outcome[0].emit(number, outcome[1])


def worker_pool() -> QThreadPool:
    """The single worker thread all background jobs share."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def run_in_background(parent: QWidget, title: str, job: Callable[[Progress], Any],
                      on_done: Callable[[Any], None],
                      on_end: Callable[[], None] | None = None) -> Progress:
    """Runs `job` on the worker with a progress dialog; `on_done(result)` on success.

    `on_end()` is called when the job ends in any way: done, failed or cancelled.
    """
    progress = Progress(next(_NUMBERS))
    # Called on the class, tr() translates in the class's own context.
    dialog = QProgressDialog(title, QProgressDialog.tr("Cancel"),  # type: ignore[call-arg, arg-type]
                             0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    # A lambda, not the bound method: PySide watches a bound method's object and would
    # disconnect the dialog from the worker thread when the task drops the Progress.
    dialog.canceled.connect(lambda: progress.cancel())
    _relay().jobs[progress.number] = _Watch(parent, dialog, on_done, on_end or (lambda: None))
    worker_pool().start(_Task(job, progress))
    return progress


def run_quietly(owner: QObject, job: Callable[[], Any], on_done: Callable[[Any], None],
                on_failure: Callable[[BaseException], None] | None = None) -> None:
    """Runs `job` on the worker with no dialog (a count, the reminders): `on_done(result)`
    on the UI thread, or `on_failure(error)` (by default the failure is dropped: what runs
    quietly is read again at the next change or check). Neither is called once `owner`, the
    widget or model waiting for the answer, is gone."""
    progress = Progress(next(_NUMBERS))
    failed = on_failure or (lambda _error: None)
    _relay().quiet[progress.number] = (
        lambda result: on_done(result) if shiboken6.isValid(owner) else None,
        lambda error: failed(error) if shiboken6.isValid(owner) else None)
    worker_pool().start(_Task(lambda _progress: job(), progress))


def run_and_wait(parent: QWidget, title: str, job: Callable[[Progress], Any]) -> Any:
    """Runs `job` in the background and returns its result once it ends (None if it failed
    or was cancelled); the window keeps painting and the Cancel button works meanwhile."""
    loop = QEventLoop()
    results: list[Any] = []
    run_in_background(parent, title, job, results.append, on_end=loop.quit)
    loop.exec()
    return results[0] if results else None


def _report(parent: QWidget, error: BaseException) -> None:
    if isinstance(error, CancelledError):
        return
    explained = explain(error)  # a refusal, a file or the database: said in words
    if explained is None:
        raise error  # a fault in the program: the error hook shows it with its details
    messages.show_error(parent, explained)


def wait_for_jobs(timeout_ms: int = 30_000) -> bool:
    """Waits until the worker is idle (tests, and closing the window)."""
    return worker_pool().waitForDone(timeout_ms)
