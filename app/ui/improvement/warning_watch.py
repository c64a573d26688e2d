"""The window's minute check of the early-warning rules over every case, on the worker
thread. A case's change checks its own groups as it is saved (in the services); this finds
what no single change shows: cases brought in by an import, a rule just switched on, a
department whose share on time fell as the days went by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.errors import DeskError
from app.services.desk import store
from app.ui.context import UiContext
from app.ui.operations import Operation, explaining
from app.ui.runner import Progress

if TYPE_CHECKING:
    from app.services.improvement.warnings import Fired

CHECK_EVERY_MS = 60_000


class WarningWatch(QObject):
    """Runs the full check each minute; `fired(n)` after a check that fired warnings."""

    fired = Signal(int)

    def __init__(self, parent: QWidget, context: UiContext,
                 interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """One check a minute from now on (the first a minute after the window opens)."""
        self.timer.start()

    def check(self) -> None:
        """Starts a check on the worker, unless one is running or no database is open."""
        if self.running or not store.is_open():
            return
        from app.services.improvement import warnings  # the rules, loaded with the first check

        now = self._context.now()

        def job(_progress: Progress) -> list[Fired]:
            try:
                with explaining():
                    return warnings.check_all(now=now)
            except DeskError:
                # A database out of reach for a moment: the next minute tries again; a box
                # every minute would help no one (as the reminders' check does).
                return []

        def ended() -> None:
            self.running = False

        self.running = True
        title = QCoreApplication.translate("improvement", "Checking the early-warning rules…")
        Operation(self._parent).run_in_background(title, job, self._on_checked, on_end=ended)

    def _on_checked(self, fired: list[Fired]) -> None:
        """Called on the UI thread with what the check fired."""
        if fired:
            self.fired.emit(len(fired))
