"""One corrective action read at once into plain values: its fields, cases, timeline in
words, the before/after comparison and the training given for it (window, show, JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from app.errors import AccessError
from app.i18n import Text
from app.models import (
    ActionCase,
    ActionCategory,
    ActionRootCause,
    Category,
    Complaint,
    Customer,
    Department,
    RootCause,
    TupleRows,
    User,
)
from app.services import audit
from app.services.catalog import name_of
from app.services.improvement import effect, lifecycle, listing, training
from app.services.improvement.actions import entry_ids, for_change
from app.services.improvement.effect import Comparison
from app.services.improvement.timeline import ActionEntry, Names, entry
from app.services.improvement.training import TrainingInfo
from app.services.permissions import Permission, allowed
from app.services.text import iso

T = Text


@dataclass(frozen=True)
class Entry:
    """A list entry (root cause, category, department) by code, named in the current
    language."""

    code: str
    name: str


@dataclass(frozen=True)
class LinkedCase:
    """A case an action came from."""

    id: int
    number: str
    customer: str
    received_at: datetime
    status: str
    root_cause: str


@dataclass(frozen=True)
class ActionDetails:
    """Everything about one action, and what the reader may do with it."""

    id: int
    title: str
    status: str
    version: int
    owner: str
    owner_name: str
    department: Entry | None
    due_on: date
    containment: str
    cause_analysis: str
    measure: str
    done_at: datetime | None
    check_on: date | None
    verdict_at: datetime | None
    created_at: datetime
    root_causes: tuple[Entry, ...]
    categories: tuple[Entry, ...]
    cases: tuple[LinkedCase, ...]
    timeline: tuple[ActionEntry, ...]
    comparison: Comparison | None
    trainings: tuple[TrainingInfo, ...]
    moves: tuple[str, ...]  # the states the reader may move it to
    may_manage: bool  # the reader may change anything (a manager or the owner)
    may_work: bool  # the reader may record progress (or manages)

    @classmethod
    def load(cls, action_id: int, *, reader: User | None, now: datetime) -> ActionDetails:
        """Reads the action for `reader`, who must be one it concerns or a manager (None:
        the command line, which reads the database whole)."""
        action = for_change(action_id)
        if not listing.may_see(action_id, reader):
            raise AccessError(T("Action #{id} does not concern you.",
                                "第 {id} 号整改措施与您无关，无权查看。").format(id=action_id))
        owner = User.get_by_id(action.owner_id)
        manages = reader is not None and allowed(reader, Permission.MANAGE_IMPROVEMENT)
        return cls(
            id=action.id, title=action.title, status=action.status, version=action.version,
            owner=owner.username, owner_name=owner.display_name,
            department=_entry(Department, action.department_id), due_on=action.due_on,
            containment=action.containment, cause_analysis=action.cause_analysis,
            measure=action.measure, done_at=action.done_at, check_on=action.check_on,
            verdict_at=action.verdict_at, created_at=action.created_at,
            root_causes=_entries(RootCause, entry_ids(ActionRootCause, action.id)),
            categories=_entries(Category, entry_ids(ActionCategory, action.id)),
            cases=_cases(action.id), timeline=_timeline(action.id),
            comparison=effect.compare(action, now=now),
            trainings=tuple(training.for_action(action.id)),
            moves=tuple(lifecycle.next_states(action, reader)) if reader else (),
            may_manage=manages,
            may_work=manages or (reader is not None and action.owner_id == reader.id))

    def to_json(self) -> dict[str, Any]:
        """Stable English keys: codes, user names and case numbers."""
        compared = self.comparison
        return {
            "id": self.id, "title": self.title, "status": self.status, "owner": self.owner,
            "due": self.due_on.isoformat(),
            "department": self.department.code if self.department else None,
            "cases": [case.number for case in self.cases],
            "root_causes": [entry.code for entry in self.root_causes],
            "categories": [entry.code for entry in self.categories],
            "containment": self.containment, "cause_analysis": self.cause_analysis,
            "action": self.measure, "done_at": iso(self.done_at),
            "check_due": self.check_on.isoformat() if self.check_on else None,
            "verdict_at": iso(self.verdict_at),
            "before_count": compared.before if compared else None,
            "after_count": compared.after if compared else None,
            "comparison": compared.to_json() if compared else None,
            "trainings": [info.to_json() for info in self.trainings],
            "events": [item.to_json() for item in self.timeline], "version": self.version,
        }


def _entry(model: type[Department | RootCause | Category], entry_id: int | None,
           ) -> Entry | None:
    if entry_id is None:
        return None
    row = model.get_by_id(entry_id)
    return Entry(row.code, name_of(row))


def _entries(model: type[RootCause | Category], ids: list[int]) -> tuple[Entry, ...]:
    rows = {row.id: row for row in model.select().where(model.id.in_(ids))}
    return tuple(Entry(rows[i].code, name_of(rows[i])) for i in ids)


def _cases(action_id: int) -> tuple[LinkedCase, ...]:
    query = (Complaint.select(Complaint.id, Complaint.number, Customer.name,
                              Complaint.received_at, Complaint.status, Complaint.root_cause)
             .join(Customer).switch(Complaint)
             .join(ActionCase, on=(ActionCase.complaint == Complaint.id))
             .where(ActionCase.action == action_id).order_by(Complaint.received_at))
    causes = {row.id: name_of(row) for row in RootCause.select()}
    return tuple(LinkedCase(case_id, number, customer, received, status,
                            causes.get(cause, "") if cause else "")
                 for case_id, number, customer, received, status, cause
                 in cast(TupleRows, query.tuples()))


def _timeline(action_id: int) -> tuple[ActionEntry, ...]:
    events = audit.action_timeline(action_id)
    names = Names.read([event.complaint_id for event in events if event.complaint_id],
                       [event.new_value for event in events if event.field == "warning.acted"])
    return tuple(entry(event, names) for event in events)
