"""Training given (培训员工): a record of when, on what, by whom and to whom, for a corrective
action or a root cause. Managers and the owner record it; everyone sees their own history,
and those who look after accounts see anyone's."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from app.errors import AccessError, DeskError, FormError, InputError, NotFoundError
from app.i18n import Text
from app.models import (
    CorrectiveAction,
    RootCause,
    Training,
    TrainingAttendee,
    TupleRows,
    User,
    database_proxy,
)
from app.services import audit, catalog, users
from app.services.audit import Change
from app.services.catalog import name_of
from app.services.permissions import Permission, allowed, require
from app.services.text import checked_text, parse_datetime, years_after

T = Text
# Training is recorded when given, or brought in from a shop's paper records of the last few
# years; a date before that says little about today's staff and is almost always a slip
# (1900-01-01, a wrong century or decade).
YEARS_BACK = 5
TOPIC, TRAINER, NOTES = T("Topic", "培训主题"), T("Trainer", "培训人"), T("Notes", "备注")
DATE = T("Date", "培训日期")


@dataclass(frozen=True)
class TrainingInfo:
    """A training as lists show it."""

    id: int
    held_on: date
    topic: str
    trainer: str
    notes: str
    attendees: tuple[tuple[str, str], ...]  # (user name, name)
    action_id: int | None
    root_cause: str  # its code ('' for none)
    root_cause_name: str

    def to_json(self) -> dict[str, object]:
        """Stable English keys."""
        return {"id": self.id, "date": self.held_on.isoformat(), "topic": self.topic,
                "trainer": self.trainer, "notes": self.notes,
                "attendees": [username for username, _name in self.attendees],
                "action": self.action_id, "root_cause": self.root_cause or None}


def add_training(*, held_on: date | str, topic: str, trainer: str,
                 attendees: Iterable[str | User], notes: str = "", action_id: int | None = None,
                 root_cause: str | RootCause | None = None, actor: User,
                 now: datetime) -> Training:
    """Records a training given (not in the future, nor more than `YEARS_BACK` years ago)
    with at least one attendee.

    Raises:
        FormError: every field problem at once, each named by its field.
    """
    require(actor, Permission.MANAGE_IMPROVEMENT)
    steps: dict[str, Callable[[], Any]] = {
        "held_on": lambda: _day(held_on, now),
        "topic": lambda: checked_text(topic, field="topic", label=TOPIC, max_length=200,
                                      required=True),
        "trainer": lambda: checked_text(trainer, field="trainer", label=TRAINER,
                                        max_length=60, required=True),
        "attendees": lambda: _attendees(attendees),
        "notes": lambda: checked_text(notes, field="notes", label=NOTES, max_length=5000),
        "root_cause": lambda: (root_cause if isinstance(root_cause, RootCause)
                               or root_cause is None else catalog.find(RootCause, root_cause)),
        "action": lambda: _action(action_id),
    }
    given = _checked(steps)
    with database_proxy.atomic():
        row = Training.create(
            held_on=given["held_on"], topic=given["topic"], trainer=given["trainer"],
            notes=given["notes"], action=action_id, root_cause=given["root_cause"],
            created_by=actor, created_at=now)
        TrainingAttendee.insert_many([{"training": row.id, "user": user.id}
                                      for user in given["attendees"]]).execute()
        change = Change("training", "", str(row.id), kind="training", note=row.topic)
        if action_id is not None:
            audit.record_action(action_id, actor, now, [change])
        else:
            audit.record(None, actor, now, kind="training", field="training", new=str(row.id),
                         note=row.topic)
    return row


def _checked(steps: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Each field's value checked, or a FormError with every problem at once (the dialog
    marks each field; the command line prints them in one line)."""
    errors: list[DeskError] = []
    checked: dict[str, Any] = {}
    for name, step in steps.items():
        try:
            checked[name] = step()
        except DeskError as error:
            errors.append(error if error.field == name else InputError(error.text, field=name))
    if errors:
        raise FormError(errors)
    return checked


def _action(action_id: int | None) -> int | None:
    if action_id is not None and CorrectiveAction.get_or_none(
            CorrectiveAction.id == action_id) is None:
        raise NotFoundError(T("There is no corrective action #{id}.", "没有第 {id} 号整改措施。")
                            .format(id=action_id), field="action")
    return action_id


def trainings(*, actor: User, user: User | None = None) -> list[TrainingInfo]:
    """Trainings, the latest first: all of them for managers, else the reader's own."""
    if user is not None:
        return history(user.id, actor=actor)
    if allowed(actor, Permission.MANAGE_IMPROVEMENT):
        return _read(Training.select())
    return history(actor.id, actor=actor)


def all_trainings() -> list[TrainingInfo]:
    """Every training, the latest first (the command line, which reads the database whole)."""
    return _read(Training.select())


def history(user_id: int, *, actor: User) -> list[TrainingInfo]:
    """The trainings a user attended (their own, or anyone's for managers and those who
    look after the accounts)."""
    if actor.id != user_id and not (allowed(actor, Permission.MANAGE_IMPROVEMENT)
                                    or allowed(actor, Permission.MANAGE_USERS)):
        raise AccessError(T("You may see only your own training.", "您只能查看自己的培训记录。"))
    attended = TrainingAttendee.select(TrainingAttendee.training).where(
        TrainingAttendee.user == user_id)
    return _read(Training.select().where(Training.id.in_(attended)))


def for_action(action_id: int) -> list[TrainingInfo]:
    """The trainings given for a corrective action."""
    return _read(Training.select().where(Training.action == action_id))


def _read(query: Any) -> list[TrainingInfo]:
    rows = list(query.order_by(Training.held_on.desc(), Training.id.desc()))
    people: dict[int, list[tuple[str, str]]] = {}
    if rows:
        for link in cast(TupleRows, TrainingAttendee.select(
                TrainingAttendee.training, User.username, User.display_name).join(User)
                .where(TrainingAttendee.training.in_([r.id for r in rows]))
                .order_by(User.username).tuples()):
            people.setdefault(link[0], []).append((link[1], link[2]))
    causes = {cause.id: cause for cause in RootCause.select()}
    return [TrainingInfo(row.id, row.held_on, row.topic, row.trainer, row.notes,
                         tuple(people.get(row.id, ())), row.action_id,
                         causes[row.root_cause_id].code if row.root_cause_id else "",
                         name_of(causes.get(row.root_cause_id)) if row.root_cause_id else "")
            for row in rows]


def _day(value: date | str, now: datetime) -> date:
    """The day it was held: not after today, nor more than YEARS_BACK years before it."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        value = parse_datetime(value, field="held_on", label=DATE).date()
    today = now.date()
    if value > today:
        raise InputError(T("{label} cannot be in the future (today is {date}).",
                           "{label}不能晚于今天（{date}）。").format(
            label=DATE, date=today.isoformat()), field="held_on")
    earliest = years_after(today, -YEARS_BACK)
    if value < earliest:
        raise InputError(T("{label} cannot be more than {n} years ago (before {date}).",
                           "{label}不能早于 {n} 年前（{date}）。").format(
            label=DATE, n=YEARS_BACK, date=earliest.isoformat()), field="held_on")
    return value


def _attendees(values: Iterable[str | User]) -> list[User]:
    found: dict[int, User] = {}
    for value in values:
        user = value if isinstance(value, User) else users.find_user(str(value))
        found.setdefault(user.id, user)
    if not found:
        raise InputError(T("Name at least one attendee.", "请至少填写一名参训人员。"),
                         field="attendees")
    return list(found.values())
