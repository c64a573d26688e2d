"""The periodic check: reads the reminders every minute and announces what falls due.

Escalations and compensation decisions (the customer to be told) made on another PC sharing
the database are found the same way, by the check, not by a signal. Each item is announced
once; at start (and when someone signs in) one summary says what is overdue and due today.
The reading runs on the worker, so neither a busy desk's thousands of items nor a slow
server ever holds up the window; the window starts the first check once it has painted.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.models import User
from app.services.casework.reminder_items import Reminder, Reminders
from app.services.desk import store
from app.ui import runner
from app.ui.context import UiContext
from app.ui.reminders.notifier import Notifier

CHECK_EVERY_MS = 60_000
ANNOUNCED_GROUPS = ("overdue", "escalated", "warning")
ANNOUNCED_KINDS = ("notice",)  # a compensation decision: the customer is to be told


class ReminderWatch(QObject):
    """Checks the signed-in user's reminders on a timer; `updated` carries each result."""

    updated = Signal(object)  # Reminders

    def __init__(self, context: UiContext, notifier: Notifier,
                 interval_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__()
        self._context = context
        self._notifier = notifier
        self._announced: set[tuple] = set()
        self._summarised = False
        self.latest = Reminders()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        context.user_changed.connect(self.restart)
        context.case_changed.connect(lambda _id: self.check(announce=False))

    def start(self) -> None:
        """The first check (with its summary), then one a minute."""
        self.check()
        self.timer.start()

    def restart(self) -> None:
        """Someone else signed in: their summary, then their items."""
        self._announced.clear()
        self._summarised = False
        self.check()

    def check(self, *, announce: bool = True) -> None:
        """Reads the reminders on the worker; `updated` fires with them, and items that fell
        due since the last check are announced."""
        if not store.is_open() or not self._context.signed_in:
            return
        user, now = self._context.user, self._context.now()
        # A failure (a database out of reach for a moment: a server restarting, a share
        # dropped) is dropped: the next check tries again; a box every minute would help
        # no one.
        runner.run_quietly(self, lambda: _read(user, now),
                           lambda found: self._on_found(found, user.id, now, announce))

    def _on_found(self, found: Reminders, user_id: int, now: datetime, announce: bool,
                  ) -> None:
        """Called on the UI thread with the reminders read for `user_id` at `now`."""
        if not self._context.signed_in or user_id != self._context.user.id:
            return  # someone else signed in meanwhile (their own check follows), or nobody
        if not store.is_open():
            return  # the database closed while they were read: what follows would query it
        due = [item for item in found.all_items()
               if item.group in ANNOUNCED_GROUPS or item.kind in ANNOUNCED_KINDS]
        due += [item for item in found.items.get("action", []) if item.due_at < now]
        if not self._summarised:
            self._summarise(found)
            self._announced.update(item.key for item in due)
        elif announce:
            for item in due:
                if item.key not in self._announced:
                    self._announce(item)
                    self._announced.add(item.key)
        self.latest = found
        self.updated.emit(found)

    def _summarise(self, found: Reminders) -> None:
        self._summarised = True
        counts = found.counts
        if counts["overdue"] or counts["today"] or counts["escalated"]:
            self._notifier.notify(
                self.tr("Today"),
                self.tr("%1 overdue, %2 due today, %3 escalated")
                .replace("%1", str(counts["overdue"])).replace("%2", str(counts["today"]))
                .replace("%3", str(counts["escalated"])))

    def _announce(self, item: Reminder) -> None:
        title = f"{item.number} {item.customer}"
        if item.group == "escalated":
            title = self.tr("Escalated: %1").replace("%1", title)
        elif item.group == "warning":
            title = self.tr("Early warning: %1").replace("%1", item.customer)
        self._notifier.notify(title, item.reason)


def _read(user: User, now: datetime) -> Reminders:
    """The user's reminders, read on the worker. Their queries are loaded with the first
    check (after the first paint), not with the window."""
    from app.services.casework import reminders

    return reminders.reminders(user=user, now=now)
