"""Automatic backups while the window runs: the first start of a day (checked again every
hour, for a window left open overnight), closing after a few hours, and the warnings —
each said once, not every time the clock ticks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext
from app.ui.operations import Operation
from app.ui.runner import Progress

if TYPE_CHECKING:
    from app.services.backup.automatic import BackupWarning
    from app.services.backup.records import BackupInfo

CHECK_EVERY_MS = 60 * 60 * 1000
translate = QCoreApplication.translate  # lupdate reads translate("backup", "…") calls


class BackupWatch(QObject):
    """Makes the automatic copies and tells the window what to warn about. The backup
    services are loaded with its first check, which the program starts after the window's
    first paint."""

    warned = Signal(list)  # BackupWarning items not shown before

    def __init__(self, parent: QWidget, context: UiContext,
                 interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._shown: set[str] = set()
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.daily)

    def start(self) -> None:
        """The first check: today's copy if it is due, then the warnings."""
        self.timer.start()
        self.daily()

    def daily(self) -> None:
        """Makes today's copy when there is none yet; then looks for news."""
        from app.services.backup import automatic

        if self.running or not automatic.due("daily", self._context.now()):
            self.check()
            return
        self._run("daily", translate("backup", "Making today's backup…"),
                  lambda _info: self.check())

    def at_exit(self, on_end: Callable[[], None]) -> bool:
        """Starts the copy made on closing when it is due; `on_end()` once it ended. False
        when none was due (then nothing runs)."""
        from app.services.backup import automatic

        if self.running or not automatic.due("on_exit", self._context.now()):
            return False
        self._run("on_exit", translate("backup", "Making a backup before closing…"),
                  self._warn_failure, on_end=on_end)
        return True

    def check(self) -> list[BackupWarning]:
        """Emits `warned` with the warnings not shown yet; returns them."""
        from app.services.backup import automatic

        news = [w for w in automatic.warnings(self._context.now()) if w.key not in self._shown]
        self._shown |= {w.key for w in news}
        if news:
            self.warned.emit(news)
        return news

    def _run(self, reason: str, title: str, done: Callable[[BackupInfo], object], *,
             on_end: Callable[[], None] | None = None) -> None:
        now = self._context.now()

        def job(progress: Progress) -> BackupInfo | None:
            from app.services.backup import automatic

            return automatic.run_automatic(reason, now, step=progress.step)

        def ended() -> None:
            self.running = False
            if on_end is not None:
                on_end()

        self.running = True
        Operation(self._parent).run_in_background(
            title, job, lambda info: done(info) if info is not None else None, on_end=ended)

    def _warn_failure(self, info: BackupInfo) -> None:
        """At closing there is no window left to warn in: a failure is said now."""
        if not info.ok:
            from app.ui import messages

            messages.show_error(self._parent, str(info.problem_text()),
                                title=translate("backup", "The backup failed"))
