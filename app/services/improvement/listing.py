"""Lists of corrective actions: all of them, a case's, the open ones on a root cause.

Managers and the owner see every action; other users see those that concern them: the
ones they own and the ones linked to a case they handle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import JOIN, fn

from app.models import ActionCase, ActionRootCause, Complaint, CorrectiveAction, RootCause, User
from app.services.improvement.words import WORKING
from app.services.permissions import Permission, allowed


@dataclass(frozen=True)
class ActionRow:
    """One line of a list of actions."""

    id: int
    title: str
    status: str
    owner: str  # user name
    owner_name: str
    due_on: date
    check_on: date | None
    cases: int

    def is_late(self, today: date) -> bool:
        """Past its due date with the work not done."""
        return self.status in WORKING and self.due_on < today

    def to_json(self) -> dict[str, object]:
        """Stable English keys."""
        return {"id": self.id, "title": self.title, "status": self.status, "owner": self.owner,
                "due": self.due_on.isoformat(),
                "check_due": self.check_on.isoformat() if self.check_on else None,
                "case_count": self.cases}


def list_actions(*, actor: User | None, status: str | None = None, owner: User | None = None,
                 ) -> list[ActionRow]:
    """The actions `actor` may see (None: the command line's reader, all of them), the
    latest first, narrowed by state or owner."""
    query = _rows()
    if actor is not None and not allowed(actor, Permission.MANAGE_IMPROVEMENT):
        query = query.where(concerns(actor))
    if status:
        query = query.where(CorrectiveAction.status == status)
    if owner is not None:
        query = query.where(CorrectiveAction.owner == owner.id)
    return _read(query.order_by(CorrectiveAction.id.desc()))


def actions_of_case(case_id: int) -> list[ActionRow]:
    """The actions a case is linked to."""
    linked = ActionCase.select(ActionCase.action).where(ActionCase.complaint == case_id)
    return _read(_rows().where(CorrectiveAction.id.in_(linked))
                 .order_by(CorrectiveAction.id))


def open_actions_on_cause(root_cause: str, *, not_linked_to: int | None = None,
                          ) -> list[ActionRow]:
    """Actions still being worked on that address a root cause, given by its code (to offer
    a case resolved with that cause a link to them)."""
    addressing = (ActionRootCause.select(ActionRootCause.action).join(RootCause)
                  .where(RootCause.code == root_cause))
    query = _rows().where(CorrectiveAction.id.in_(addressing)
                          & CorrectiveAction.status.in_(WORKING))
    if not_linked_to is not None:
        linked = ActionCase.select(ActionCase.action).where(ActionCase.complaint
                                                            == not_linked_to)
        query = query.where(CorrectiveAction.id.not_in(linked))
    return _read(query.order_by(CorrectiveAction.id))


def concerns(user: User) -> Any:
    """The condition on actions that concern `user`: they own it, or handle a linked case."""
    handled = (ActionCase.select(ActionCase.action).join(Complaint)
               .where(Complaint.handler == user.id))
    return (CorrectiveAction.owner == user.id) | CorrectiveAction.id.in_(handled)


def may_see(action_id: int, user: User | None) -> bool:
    """True when `user` may read the action (None: the command line's reader)."""
    if user is None or allowed(user, Permission.MANAGE_IMPROVEMENT):
        return True
    return (CorrectiveAction.select().where((CorrectiveAction.id == action_id) & concerns(user))
            .exists())


def _rows() -> Any:
    count = (ActionCase.select(fn.COUNT(ActionCase.id))
             .where(ActionCase.action == CorrectiveAction.id))
    return (CorrectiveAction.select(CorrectiveAction.id, CorrectiveAction.title,
                                    CorrectiveAction.status, User.username, User.display_name,
                                    CorrectiveAction.due_on, CorrectiveAction.check_on,
                                    count.alias("cases"))
            .join(User, JOIN.INNER, on=(CorrectiveAction.owner == User.id)))


def _read(query: Any) -> list[ActionRow]:
    return [ActionRow(row[0], row[1], row[2], row[3], row[4], _day(row[5]), _day(row[6]),
                      int(row[7])) for row in query.tuples()]


def _day(value: Any) -> Any:
    if isinstance(value, str):  # SQLite keeps dates as text
        return date.fromisoformat(value[:10])
    return value.date() if isinstance(value, datetime) else value
