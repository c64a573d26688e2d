"""What every widget of the window shares: who is signed in, the clock, and change signals.

Widgets receive this object instead of reaching for a global main window; a case saved in
one window reaches the others through `case_changed`. Operations (app.ui.operations) say
what they changed with `Changes`, and `announce` turns that into the signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.models import User
from app.services.text import to_seconds


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so every view that shows it refreshes."""

    case_id: int | None = None  # one case: its window, the register, the reminders
    cases: bool = False  # many cases at once (an import, letters printed)
    lists: bool = False  # categories, departments, users or reply templates
    actions: bool = False  # corrective actions, training or early warnings

    @staticmethod
    def case(case_id: int) -> Changes:
        """One case changed."""
        return Changes(case_id=case_id)


@dataclass(frozen=True)
class Restart:
    """The window closes every view and starts again on `url`, signing in again; `before`
    runs first, with no connection open (a restore swapping the database file in)."""

    url: str
    before: Callable[[], object] | None = None


NOTHING = Changes()
CASES = Changes(cases=True)
LISTS = Changes(lists=True)
ACTIONS = Changes(actions=True)


class UiContext(QObject):
    """The signed-in user, the time, and the signals that keep views in step."""

    user_changed = Signal()
    case_changed = Signal(int)  # a case id: its view and the register refresh
    cases_changed = Signal()  # many cases may have changed: the register refreshes
    lists_changed = Signal()  # categories, departments, users or templates were edited
    actions_changed = Signal()  # corrective actions, training or warnings: their views refresh
    restart_requested = Signal(object)  # a Restart: another database, or a backup restored

    def __init__(self, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__()
        self._clock = clock
        self._user: User | None = None

    @property
    def user(self) -> User:
        """The signed-in user (the window is only shown once someone has signed in)."""
        assert self._user is not None, "nobody is signed in"
        return self._user

    @property
    def signed_in(self) -> bool:
        """True once someone has signed in."""
        return self._user is not None

    def sign_in(self, user: User) -> None:
        """Makes `user` the acting user and tells every view."""
        self._user = user
        self.user_changed.emit()

    def announce(self, changes: Changes) -> None:
        """Tells every view what an operation changed."""
        if changes.case_id is not None:
            self.case_changed.emit(changes.case_id)
        if changes.cases:
            self.cases_changed.emit()
        if changes.lists:
            self.lists_changed.emit()
        if changes.actions:
            self.actions_changed.emit()

    def now(self) -> datetime:
        """The current time, to the second (tests pass their own clock)."""
        return to_seconds(self._clock())
