"""What is owed, by whom and how urgently: the reminders of one user, or of everyone.

An item is a promised first answer, a decision deadline, a follow-up, a customer to be told
of a compensation decision (listed at once, due by the next closing), a customer who has
not heard from the shop for N days (适时通知客户), or an escalation waiting for a manager.
Items fall into overdue, due today and due soon (within a configurable window); each
says why, and the most urgent come first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, cast

from peewee import SQL, ModelSelect, fn

from app.i18n import Text
from app.models import (
    Complaint,
    Customer,
    Department,
    FollowUp,
    TupleRows,
    User,
    database_proxy,
)
from app.services import notes, settings
from app.services.casework import escalations
from app.services.casework.cases import WHILE_OPEN_KINDS
from app.services.casework.reminder_items import GROUPS, Reminder, Reminders
from app.services.catalog import name_of
from app.services.improvement import reminders as improvement
from app.services.labels import FLAGS, OPEN_STATUSES, label
from app.services.permissions import Permission, allowed
from app.services.text import as_datetime, when
from app.services.vocabulary import LIST

REASONS: dict[str, Text] = {
    "first_answer": Text("First answer promised by {due}", "承诺 {due} 前给客户初步答复"),
    "decision": Text("Decision due {due}", "处理期限 {due}"),
    "follow_up": Text("{note}", "{note}"),
    "progress": Text("No contact since {since}: tell the customer where things stand",
                     "自 {since} 起未联系客户，请告知处理进展"),
    "escalation": Text("{flags}: a manager must take it on", "{flags}：需负责人出面处理"),
}


# An item before it is listed: (kind, due, case id, number, customer, follow-up id, detail).
# The reason is worded only for the items listed: a busy desk has thousands of items.
Item = tuple[str, datetime, int, str, str, int | None, object]


@dataclass(frozen=True)
class _Window:
    """The moments that split items into groups: now, midnight, the end of "soon"."""

    now: datetime
    tomorrow: datetime
    horizon: datetime

    def ranges(self) -> dict[str, tuple[datetime | None, datetime]]:
        """Each dated group's range of due times [from, to); None: no lower bound."""
        return {"overdue": (None, self.now), "today": (self.now, self.tomorrow),
                "soon": (self.tomorrow, self.horizon)}


def reminders(*, user: User | None, now: datetime, limit: int = 200) -> Reminders:
    """The reminders of `user` (their cases and follow-ups; escalations for managers and
    owners), or of everyone when `user` is None.

    Counted and limited in SQL: each kind of item is counted per group over its index, and
    only the `limit` most urgent of each group are read, however many thousands are owed.
    """
    values = settings.get_all()
    progress_days = int(values["reminders.progress_days"])
    window = _Window(now, datetime.combine(now.date() + timedelta(days=1), time()),
                     now + timedelta(hours=int(values["reminders.due_soon_hours"])))
    counts = dict.fromkeys(GROUPS, 0)
    found: dict[str, list[Item]] = {group: [] for group in GROUPS}
    for kind in _kinds(user, progress_days):
        for group, (start, end) in window.ranges().items():
            if kind.overdue_only and group != "overdue":
                continue
            # A notice is listed while its case is open, however far off its due time.
            upto = None if kind.at_once and group == "soon" else end
            counts[group] += kind.count(start, upto)
            found[group] += kind.items(start, upto, limit)
    if user is None or allowed(user, Permission.ACKNOWLEDGE_ESCALATION):
        counts["escalated"] = escalations.pending_count()
        found["escalated"] = list(_escalation_items(limit))
    items = {}
    for group, rows in found.items():
        rows.sort(key=lambda row: (row[1], row[3]))
        items[group] = [Reminder(group, kind, case_id, number, customer, due,
                                 _reason(kind, detail), follow_up_id)
                        for kind, due, case_id, number, customer, follow_up_id, detail
                        in rows[:limit]]
    _add_improvement(items, counts, user=user, now=now, horizon=window.horizon,
                     limit=limit)
    return Reminders(items, counts)


@dataclass(frozen=True)
class _Kind:
    """One kind of item: the rows of `model` that owe it under `owed`, how a listed item is
    read (`listed`: the select with the names joined), and the column its due time comes
    from (`shift` later: no contact for N days is due N days after the last contact)."""

    name: str
    model: Any
    owed: tuple[Any, ...]
    listed: ModelSelect[Any]
    due: Any
    shift: timedelta = timedelta()
    overdue_only: bool = False  # news owed to the customer is listed once it is late
    at_once: bool = False  # listed as soon as it is owed, however far its due time

    def _between(self, start: datetime | None, end: datetime | None) -> list[Any]:
        bounds = [] if end is None else [self.due < end - self.shift]
        return bounds if start is None else [*bounds, self.due >= start - self.shift]

    def count(self, start: datetime | None, end: datetime | None) -> int:
        """How many items fall due in [start, end): over the item's own table, no join."""
        return (self.model.select(fn.COUNT(SQL("*")))
                .where(*self.owed, *self._between(start, end)).scalar())

    def items(self, start: datetime | None, end: datetime | None, limit: int) -> list[Item]:
        """The `limit` earliest items due in [start, end)."""
        query = (self.listed.where(*self.owed, *self._between(start, end))
                 .order_by(self.due, Complaint.number).limit(limit))
        found = []
        for case_id, number, customer, due, follow_up, note in \
                database_proxy.obj.execute(query).fetchall():
            moment = as_datetime(due)
            found.append((self.name, moment + self.shift, case_id, number, customer, follow_up,
                          moment if follow_up is None else note))
        return found


def _kinds(user: User | None, progress_days: int) -> Iterator[_Kind]:
    """Every kind of item, once for each way a case can be the user's (its handler, or
    received by them while nobody handles it)."""
    whose = [None] if user is None else [
        Complaint.handler == user.id,
        Complaint.handler.is_null() & (Complaint.received_by == user.id)]
    for owner in whose:
        def case_kind(name: str, due: Any, *owed: Any, owner: Any = owner,
                      **options: Any) -> _Kind:
            conditions = (Complaint.status.in_(OPEN_STATUSES), *owed,
                          *(() if owner is None else (owner,)))
            listed = (Complaint.select(Complaint.id, Complaint.number, Customer.name, due,
                                       SQL("NULL"), SQL("NULL")).join(Customer))
            return _Kind(name, Complaint, conditions, listed, due, **options)

        yield case_kind("first_answer", Complaint.first_response_due,
                        Complaint.first_response_at.is_null())
        # A decided case has its decision stamped (a reopening clears it): saying so lets the
        # database count through the index of open cases (models.case.OWED_INDEXES).
        yield case_kind("decision", Complaint.resolution_due, Complaint.resolved_at.is_null(),
                        Complaint.clock_paused_at.is_null())
        yield case_kind("progress", Complaint.last_contact_at, Complaint.resolved_at.is_null(),
                        shift=timedelta(days=progress_days), overdue_only=True)
    mine = () if user is None else (FollowUp.assignee == user.id,)
    listed = FollowUp.select(Complaint.id, Complaint.number, Customer.name, FollowUp.due_at,
                             FollowUp.id, FollowUp.note).join(Complaint).join(Customer)
    yield _Kind("follow_up", FollowUp, (FollowUp.done_at.is_null(), *mine,
                                        FollowUp.kind.not_in(WHILE_OPEN_KINDS)),
                listed, FollowUp.due_at)
    # A customer to be told of a compensation decision, while the case is open (a few rows:
    # its open case is looked up by id, so the count needs no join).
    open_cases = Complaint.select(Complaint.id).where(Complaint.status.in_(OPEN_STATUSES))
    yield _Kind("notice", FollowUp, (FollowUp.done_at.is_null(), *mine,
                                     FollowUp.kind.in_(WHILE_OPEN_KINDS),
                                     FollowUp.complaint.in_(open_cases)),
                listed, FollowUp.due_at, at_once=True)


# --- Corrective actions and early warnings (services/improvement/reminders.py) -----------
# Their own queries and group, merged here in one place.
def _add_improvement(items: dict[str, list[Reminder]], counts: dict[str, int], *,
                     user: User | None, now: datetime, horizon: datetime, limit: int) -> None:
    """Adds the actions due or to judge in a group of their own (the most urgent first),
    and the waiting warnings."""
    owed = sorted(improvement.action_items(user=user, horizon=horizon),
                  key=lambda item: (item.due_at, item.label))
    items["action"] = [_from_owed("action", item) for item in owed[:limit]]
    counts["action"] = len(owed)
    warnings, counts["warning"] = improvement.warning_items(user=user, limit=limit)
    items["warning"] = [_from_owed("warning", owed) for owed in warnings]


def _from_owed(group: str, owed: improvement.Owed) -> Reminder:
    return Reminder(group, owed.kind, 0, owed.label, owed.who, owed.due_at, owed.reason,
                    action_id=owed.action_id, warning_id=owed.warning_id)
# --- end of corrective actions and early warnings -----------------------------------------


def _reason(kind: str, detail: object) -> str:
    if kind in ("follow_up", "notice"):
        return str(notes.words(str(detail)))
    if kind == "escalation":
        return str(detail)
    key = {"first_answer": "due", "decision": "due", "progress": "since"}[kind]
    return str(REASONS[kind].format(**{key: when(detail)}))  # type: ignore[arg-type]


def _escalation_items(limit: int) -> Iterator[Item]:
    for item in escalations.pending(limit=limit):
        flags = [label(FLAGS, code) for code, on in (("group", item.flag_group),
                                                     ("risk", item.flag_risk)) if on]
        if item.severity == "critical":
            flags.append(str(Text("critical", "重大")))
        reason = str(REASONS["escalation"].format(flags=str(LIST).join(flags)))
        yield "escalation", item.escalated_at, item.case_id, item.number, item.customer, \
            None, reason


def overdue_counts(now: datetime) -> dict[str, dict[str, int]]:
    """Overdue cases per handler and per department (names in the current language)."""
    late = Complaint.next_due_at < now
    by_handler = (Complaint.select(User.display_name, fn.COUNT(Complaint.id))
                  .join(User, on=(Complaint.handler == User.id)).where(late)
                  .group_by(User.display_name).tuples())
    by_department = (Complaint.select(Department.id, fn.COUNT(Complaint.id))
                     .join(Department, on=(Complaint.department == Department.id)).where(late)
                     .group_by(Department.id).tuples())
    return {"handler": dict(cast(TupleRows, by_handler)),
            "department": {name_of(Department.get_by_id(department)): count
                           for department, count in cast(TupleRows, by_department)}}
