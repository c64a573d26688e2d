"""One way to run an operation from the window.

An `Operation` says what surrounds a service call: the widget its messages belong to, the
context to tell, and what the call changes. `run` makes the call now, on the UI thread
(quick writes); `run_in_background` hands a job to the single worker (app.ui.runner) with
a progress dialog and Cancel; `run_dialog` shows a dialog whose OK makes the call itself,
so its refusals appear beside its fields.

Every failure is explained once, by `app.failures`, in the words the command line uses
too: a refusal, a file that cannot be read or written, a database that is busy, read-only,
full, damaged or out of reach. It is shown through the messages seam (or handed to
`on_failure`); only a fault in the program itself reaches the error dialog. On success the
views hear of the change through the context's signals, announced here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from app.errors import DeskError
from app.failures import explain
from app.ui import messages, runner
from app.ui.context import NOTHING, Changes, UiContext
from app.ui.runner import Progress

T = TypeVar("T")


@contextmanager
def explaining() -> Iterator[None]:
    """Inside, a failure `app.failures` explains is raised as the DeskError that explains it.

    For dialogs that show refusals beside their fields: they catch DeskError as before,
    and a locked database or an unreadable file reaches them in words too.
    """
    try:
        yield
    except DeskError:
        raise
    except Exception as error:
        explained = explain(error)
        if explained is None:
            raise  # a fault in the program: the error dialog shows it with its details
        raise explained from error


class Operation:
    """A service call from the window: its failure explained once, its change announced."""

    def __init__(self, parent: QWidget, context: UiContext | None = None,
                 changes: Changes | Callable[[Any], Changes] = NOTHING, *,
                 on_failure: Callable[[DeskError], object] | None = None) -> None:
        """`changes` may depend on the call's result (the case an intake created);
        `on_failure` replaces the message box (a form showing errors beside fields)."""
        self._parent = parent
        self._context = context
        self._changes = changes
        self._on_failure = on_failure

    def run(self, call: Callable[[], T], on_done: Callable[[T], object] | None = None) -> bool:
        """Makes the call now; True when it was done (then `on_done(result)`, then the
        change announced)."""
        try:
            with explaining():
                result = call()
        except DeskError as error:
            self._refused(error)
            return False
        self._succeeded(result, on_done)
        return True

    def run_in_background(self, title: str, job: Callable[[Progress], T],
                          on_done: Callable[[T], object] | None = None, *,
                          on_end: Callable[[], None] | None = None) -> Progress:
        """Runs `job` on the worker with a progress dialog; on success `on_done(result)` and
        the change announced on the UI thread. A failure is shown in a message box.
        `on_end()` follows however the job ended: done, failed or cancelled."""
        return runner.run_in_background(self._parent, title, job,
                                        lambda result: self._succeeded(result, on_done),
                                        on_end=on_end)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Shows `dialog`, whose OK makes the call; the change is announced once it closes
        accepted, so no view redraws under an open dialog. True when accepted."""
        if not dialog.exec():
            return False
        self._succeeded(None, None)
        return True

    def _refused(self, error: DeskError) -> None:
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            messages.show_error(self._parent, error)

    def _succeeded(self, result: Any, on_done: Callable[[Any], object] | None) -> None:
        if on_done is not None:
            on_done(result)
        changes = self._changes if isinstance(self._changes, Changes) else self._changes(result)
        if changes != NOTHING:
            assert self._context is not None, "an operation that changes data needs the context"
            self._context.announce(changes)
