"""What every widget of the window shares: who is signed in, the clock, and change signals.

Widgets receive this object instead of reaching for a global main window; a case saved in
one window reaches the others through `case_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.models import User
from app.services.text import to_seconds


class UiContext(QObject):
    """The signed-in user, the time, and the signals that keep views in step."""

    user_changed = Signal()
    case_changed = Signal(int)  # a case id: its view and the register refresh
    cases_changed = Signal()  # many cases may have changed: the register refreshes
    lists_changed = Signal()  # categories, departments, users or templates were edited

    def __init__(self, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__()
        self._clock = clock
        self._user: User | None = None

    @property
    def user(self) -> User:
        """The signed-in user (the window is only shown once someone has signed in)."""
        assert self._user is not None, "nobody is signed in"
        return self._user

    def sign_in(self, user: User) -> None:
        """Makes `user` the acting user and tells every view."""
        self._user = user
        self.user_changed.emit()

    def now(self) -> datetime:
        """The current time, to the second (tests pass their own clock)."""
        return to_seconds(self._clock())
