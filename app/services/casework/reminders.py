"""What is owed, by whom and how urgently: the reminders of one user, or of everyone.

An item is a promised first answer, a decision deadline, a follow-up, a customer to be told
of a compensation decision (listed at once, due by the next closing), a customer who has
not heard from the shop for N days (适时通知客户), or an escalation waiting for a manager.
Items fall into overdue, due today and due soon (within a configurable window); each
says why, and the most urgent come first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any, cast

from peewee import fn

from app.i18n import Text, current_language
from app.models import Complaint, Department, TupleRows, User
from app.services import notes, settings
from app.services.casework import escalations, reminder_sql
from app.services.casework.reminder_items import GROUPS, Reminder, Reminders
from app.services.catalog import name_of
from app.services.improvement import reminders as improvement
from app.services.labels import FLAGS
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


def reminders(*, user: User | None, now: datetime, limit: int = 200) -> Reminders:
    """The reminders of `user` (their cases and follow-ups; escalations for managers and
    owners), or of everyone when `user` is None.

    Counted and limited in SQL (`reminder_sql`): each kind of item is counted per group over
    its index, and only the `limit` most urgent of each group are read, however many
    thousands are owed.
    """
    values = settings.get_all()
    progress = timedelta(days=int(values["reminders.progress_days"]))
    horizon = now + timedelta(hours=int(values["reminders.due_soon_hours"]))
    moments = {"now": now, "tomorrow": datetime.combine(now.date() + timedelta(days=1), time()),
               "horizon": horizon, "contact": now - progress}
    shape = reminder_sql.Shape(mine=user is not None, escalations=user is None or allowed(
        user, Permission.ACKNOWLEDGE_ESCALATION))
    user_id = None if user is None else user.id
    reason = _Wording(current_language())
    items = {group: [Reminder(group, kind, case_id, number, customer, due,
                              reason(kind, detail), follow_up_id)
                     for kind, due, case_id, number, customer, follow_up_id, detail in rows]
             for group, rows in _found(shape, user_id, moments, limit, progress).items()}
    counts = _counted(shape, user_id, moments)
    _add_improvement(items, counts, user=user, horizon=horizon, limit=limit, values=values)
    return Reminders(items, counts)


def _counted(shape: reminder_sql.Shape, user_id: int | None,
             moments: dict[str, datetime]) -> dict[str, int]:
    """Each group's count: the sum of its kinds'."""
    counts = dict.fromkeys(GROUPS, 0)
    for group, count in zip(reminder_sql.count_groups(shape),
                            reminder_sql.counts(shape, user_id, moments), strict=True):
        counts[group] += count
    return counts


def _found(shape: reminder_sql.Shape, user_id: int | None, moments: dict[str, datetime],
           limit: int, progress: timedelta) -> dict[str, list[Item]]:
    """The `limit` most urgent items of each group, most urgent first."""
    found: dict[str, list[Item]] = {group: [] for group in GROUPS}
    for name in reminder_sql.LISTS:
        # No contact for `progress` days is due that long after the last contact.
        shift = progress if name == "contact" else timedelta()
        found["overdue" if name == "contact" else name] += _items(
            reminder_sql.rows(shape, name, user_id, moments, limit), shift)
    if shape.escalations:
        found["escalated"] = list(_escalation_items(limit))
    for rows in found.values():
        rows.sort(key=lambda row: (row[1], row[3], KIND_ORDER[row[0]], row[5] or 0))
        del rows[limit:]
    return found


# Items due at the same moment on the same case: in this order.
KIND_ORDER = {kind: place for place, kind in enumerate(reminder_sql.KINDS)} | {"escalation": 0}


def _items(rows: list[tuple[Any, ...]], shift: timedelta) -> list[Item]:
    """Items from `reminder_sql.rows`; a case's own deadline is its reason's detail, a
    follow-up's note is its."""
    found = []
    for place, case_id, number, customer, due, follow_up, note in rows:
        moment = as_datetime(due)
        found.append((reminder_sql.KINDS[place], moment + shift, case_id, number, customer,
                      follow_up, moment if follow_up is None else note))
    return found


# --- Corrective actions and early warnings (services/improvement/reminders.py) -----------
# Their own queries and group, merged here in one place.
def _add_improvement(items: dict[str, list[Reminder]], counts: dict[str, int], *,
                     user: User | None, horizon: datetime, limit: int,
                     values: dict[str, Any]) -> None:
    """Adds the actions due or to judge in a group of their own (the most urgent first),
    and the waiting warnings."""
    owed = sorted(improvement.action_items(user=user, horizon=horizon, values=values),
                  key=lambda item: (item.due_at, item.label))
    items["action"] = [_from_owed("action", item) for item in owed[:limit]]
    counts["action"] = len(owed)
    warnings, counts["warning"] = improvement.warning_items(user=user, limit=limit)
    items["warning"] = [_from_owed("warning", owed) for owed in warnings]


def _from_owed(group: str, owed: improvement.Owed) -> Reminder:
    return Reminder(group, owed.kind, 0, owed.label, owed.who, owed.due_at, owed.reason,
                    action_id=owed.action_id, warning_id=owed.warning_id)
# --- end of corrective actions and early warnings -----------------------------------------


class _Wording:
    """Why each listed item is owed, in `language`: a follow-up's note (worded once for all
    the items that share it), a case's deadline, an escalation's flags."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.notes: dict[str, str] = {}
        self.flags: dict[object, str] = {}

    def __call__(self, kind: str, detail: object) -> str:
        if kind in ("follow_up", "notice"):
            note = str(detail)
            if note not in self.notes:
                self.notes[note] = notes.words(note).in_language(self.language)
            return self.notes[note]
        if kind == "escalation":
            if detail not in self.flags:
                self.flags[detail] = self._flagged(*detail)  # type: ignore[misc]
            return self.flags[detail]
        key = {"first_answer": "due", "decision": "due", "progress": "since"}[kind]
        return REASONS[kind].in_language(self.language).format(
            **{key: when(detail)})  # type: ignore[arg-type]

    def _flagged(self, group: bool, risk: bool, critical: bool) -> str:
        flags = [FLAGS[code] for code, on in (("group", group), ("risk", risk)) if on]
        if critical:
            flags.append(Text("critical", "重大"))
        shown = LIST.in_language(self.language).join(
            flag.in_language(self.language) for flag in flags)
        return REASONS["escalation"].in_language(self.language).format(flags=shown)


def _escalation_items(limit: int) -> Iterator[Item]:
    """The oldest escalations waiting; the detail is what is flagged (worded by _Wording)."""
    for row in reminder_sql.escalation_rows(limit):
        item = escalations.escalation(row)
        flagged = (item.flag_group, item.flag_risk, item.severity == "critical")
        yield "escalation", item.escalated_at, item.case_id, item.number, item.customer, \
            None, flagged


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
