"""Fixtures for driving the real widgets with pytest-qt."""

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.i18n import EN, ZH, set_language
from app.models import User
from app.ui import messages
from app.ui.context import UiContext
from app.ui.runner import Progress
from app.ui.translation import install_translators
from tests.conftest import NOW


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """Each test reads and writes its own QSettings file, never the real ones."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName("ComplaintDeskTests")
    qapp.setApplicationName("Complaint Desk Tests")
    yield


@pytest.fixture(autouse=True)
def _questions_answered_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A yes/no question is answered yes instead of waiting for a click no one makes: when
    pytest-qt closes a test's windows, an intake form with something typed asks before its
    words are thrown away. A test that looks at a question sets its own answer."""
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes shown through the one seam, recorded instead of opened."""
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, e, **_k: calls.append(("error", str(e))))
    monkeypatch.setattr(messages, "show_info", lambda _p, t, **_k: calls.append(("info", t)))
    return calls


def signed_in(user: User) -> UiContext:
    """A window's context with `user` signed in and the clock frozen at NOW."""
    ui = UiContext(clock=lambda: NOW)
    ui.sign_in(user)
    return ui


@pytest.fixture
def context(staff: User) -> UiContext:
    """The window's context, staff signed in, the clock frozen at NOW."""
    return signed_in(staff)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window in Chinese (core labels and Qt translations) for the test."""
    set_language(ZH)
    translators = install_translators(qapp, ZH)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language(EN)
    install_translators(qapp, EN)  # Qt's own widgets back in English


def type_text(widget: QWidget, text: str) -> None:
    """Types any text, Chinese included, the way an input method commits it.

    qtbot.keyClicks with non-ASCII text aborts the test run (a QtTest assertion).
    """
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def when_dialog(kind: type[QDialog], act: Callable[[QDialog], None], *,
                attempts: int = 500) -> None:
    """Runs `act` on the next modal dialog of `kind` once it is open (exec() blocks).

    Gives up after `attempts` polls (5 s) so a dialog that never opens fails the test
    instead of hanging it.
    """
    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            try:
                act(dialog)
            except BaseException:
                dialog.reject()  # a failed check must fail the test, not leave exec() waiting
                raise
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(attempts))


class PausedJob:
    """A background job that stops before its progress step number `at` until the test has
    cancelled it, so the cancel lands mid-way however fast or busy the machine is.

    Pass it to `run_in_background` in place of `job`, then call `cancel(progress)`.
    """

    WAIT_SECONDS = 30  # a job that never gets there fails the test instead of hanging it

    def __init__(self, job: Callable[[Progress], Any], *, at: int = 0) -> None:
        self.job, self.at = job, at
        self.reached = threading.Event()
        self.cancelled = threading.Event()

    def __call__(self, progress: Progress) -> Any:
        """Runs the job on the worker, holding it at step `at`."""
        step, steps = progress.step, iter(range(self.at + 1))

        def paused_step(done: int, total: int, text: str = "") -> None:
            if next(steps, None) == self.at:
                self.reached.set()
                assert self.cancelled.wait(self.WAIT_SECONDS), "the test never cancelled"
            step(done, total, text)

        progress.step = paused_step  # type: ignore[method-assign]
        return self.job(progress)

    def cancel(self, progress: Progress) -> None:
        """Waits until the job is held at its step, cancels it, and lets it go on."""
        assert self.reached.wait(self.WAIT_SECONDS), f"the job never reached step {self.at}"
        progress.cancel()
        self.cancelled.set()
