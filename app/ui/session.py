"""Ending a session whose account changed on another PC.

The services refuse any write by an account switched off, given another role or a new
password since it signed in (permissions.confirm_actor). The window does not wait for a
refusal: at the user's next click or key press it reads the account again (at most once a
second), swallows that action, and ends the session — the main window says why and asks
for a sign-in.

The guard is an application-wide event filter: PySide wraps each object an event is for in
a Python object, the first time. The first such object of a class Qt keeps to itself that
derives straight from QObject (the timer of the layout's animations, which start as the
window is first laid out) makes the binding create the Python types, and their enums, of
every QObject class of QtCore, QtGui and QtWidgets: some 40 ms of start-up. So the guard
watches from the window's show, steps aside while the event loop paints the window for the
first time (nothing is there to click yet), and watches again once the rows are painted.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

from app.services.desk import store
from app.services.permissions import session_valid
from app.ui.context import UiContext

ACTIONS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
           QEvent.Type.KeyPress, QEvent.Type.Shortcut)
STEP_ASIDE = QEvent.Type.User  # the guard's own event: it is posted to the guard only


class SessionGuard(QObject):
    """An application-wide event filter that checks the signed-in account on each action."""

    ended = Signal()

    def __init__(self, context: UiContext, parent: QObject | None = None, *,
                 every_s: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._context = context
        self._every = every_s
        self._clock = clock
        self._checked = -math.inf
        self._ending = False
        self._database = store.location() if store.is_open() else ""

    def watch(self) -> None:
        """Watches every action in the program from now on (again, if it already did)."""
        _application().installEventFilter(self)

    def stop(self) -> None:
        """Stops watching (the window closes, or the first paint is being prepared)."""
        _application().removeEventFilter(self)

    def step_aside(self) -> None:
        """Stops watching as soon as the event loop runs, before anything it has queued (see
        the module's note); `watch()` again once the window has painted. An action sent
        before the loop runs (a test's click just after `show()`) is still checked."""
        QCoreApplication.postEvent(self, QEvent(STEP_ASIDE),
                                   Qt.EventPriority.HighEventPriority.value)

    def event(self, event: QEvent) -> bool:
        """Receives the guard's own posted event (`step_aside`)."""
        if event.type() == STEP_ASIDE:
            self.stop()
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Lets every event through, except the first action of an ended session."""
        if self._ending or event.type() not in ACTIONS:
            return False
        moment = self._clock()
        if moment - self._checked < self._every:
            return False
        self._checked = moment
        if not self._watching():
            return False
        if session_valid(self._context.user):
            return False
        self._ending = True
        QTimer.singleShot(0, self.ended.emit)  # after this event, outside its handling
        return True

    def _watching(self) -> bool:
        """True while someone is signed in to the database this window was opened on."""
        window = self.parent()
        shown = window is None or getattr(window, "isVisible", lambda: True)()
        return (shown and self._context.signed_in and store.is_open()
                and store.location() == self._database)

    def resume(self) -> None:
        """Watches again (after the user signed in anew)."""
        self._ending = False
        self._checked = -math.inf


def _application() -> QCoreApplication:
    """The running application (a guard exists only inside one)."""
    application = QCoreApplication.instance()
    assert application is not None
    return application
