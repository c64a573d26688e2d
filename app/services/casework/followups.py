"""Follow-ups: dated next steps and call-backs, added, scheduled and snoozed.

A follow-up keeps a case from sitting without a next date. A decision schedules the
satisfaction call-back (回访); finishing one, with its outcome, is in `outcomes`, which
may reopen the case through the workflow.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import InputError, NotFoundError, RuleError
from app.i18n import Text
from app.models import Complaint, FollowUp, User, database_proxy
from app.services import audit, deadlines, notes
from app.services.casework import cases
from app.services.permissions import Permission, require
from app.services.text import checked_text, to_seconds, when

# notice: tell the customer of a decision taken on the case (a compensation decision); it is
# owed while the case is open, and a decided case is not overdue for it (cases.WHILE_OPEN_KINDS).
KINDS = ("next_step", "callback", "progress", "notice")
CONTACT_KINDS = ("callback", "progress", "notice")  # done means the customer was spoken to
PAST_GRACE = timedelta(minutes=5)


def add_follow_up(case_id: int, *, due_at: datetime, note: str, actor: User,
                  now: datetime, assignee: User | None = None,
                  kind: str = "next_step") -> FollowUp:
    """Adds a dated next step; by default for the case's handler (or whoever adds it).

    It changes no field of the case, so no version is expected. (A row for `case_id` is
    accepted from the compensation service only.)
    """
    require(actor, Permission.WORK_CASES)
    text = checked_text(note, field="note", label=Text("What to do", "跟进事项"),
                        max_length=2000, required=True)
    return _add(case_id, due=_not_past(due_at, now), stored_note=text, actor=actor, now=now,
                assignee=assignee, kind=kind)


def add_written(case_id: int, *, due_at: datetime, note: str, actor: User, now: datetime,
                kind: str, assignee: User | None = None) -> FollowUp:
    """Adds a follow-up the desk sets itself, its note already in its stored form
    (services.notes): the call-back after a decision, the customer to be told of one."""
    require(actor, Permission.WORK_CASES)
    assert notes.is_coded(note), "a follow-up the desk writes is stored as a code"
    return _add(case_id, due=to_seconds(due_at), stored_note=note, actor=actor, now=now,
                assignee=assignee, kind=kind)


def _add(case_id: int, *, due: datetime, stored_note: str, actor: User, now: datetime,
         assignee: User | None, kind: str) -> FollowUp:
    if kind not in KINDS:
        raise InputError(Text("Unknown follow-up kind “{k}”.", "未知的跟进类型“{k}”。")
                         .format(k=kind), field="kind")
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        who = assignee or (User.get_by_id(case.handler_id) if case.handler_id else actor)
        row = FollowUp.create(complaint=case, kind=kind, due_at=due, assignee=who,
                              note=stored_note, created_by=actor, created_at=now)
        audit.record(case, actor, now, kind="follow_up", field="follow_up",
                     new=notes.written("follow_up", due=when(due), who=who.display_name,
                                       note=stored_note), version=case.version)
        cases.refresh_next_due(case.id)
    return row


def schedule_callback(case_id: int, *, actor: User, now: datetime) -> FollowUp | None:
    """After a decision: a satisfaction call-back N days later (once per decision)."""
    open_callback = FollowUp.select().where(
        (FollowUp.complaint == case_id) & (FollowUp.kind == "callback")
        & FollowUp.done_at.is_null()).exists()
    if open_callback:
        return None
    calendar, values = deadlines.current_calendar()
    day = calendar.business_day_on_or_after(now.date() + timedelta(
        days=int(values["followup.callback_days"])))
    return add_written(case_id, due_at=calendar.closing_on(day),
                       note=notes.written("callback"), actor=actor, now=now, kind="callback")


def end_of_next_business_day(now: datetime) -> datetime:
    """Closing time on the first business day after `now`'s day: time enough to reach the
    customer, whatever the hour of the decision."""
    calendar, _values = deadlines.current_calendar()
    return calendar.closing_on(calendar.business_day_on_or_after(now.date() + timedelta(days=1)))


def snooze_follow_up(follow_up_id: int, *, until: datetime, note: str, actor: User,
                     now: datetime) -> FollowUp:
    """Moves an open follow-up later, saying why."""
    require(actor, Permission.WORK_CASES)
    row = open_follow_up(follow_up_id)
    later = _not_past(until, now)
    reason = checked_text(note, field="note", label=Text("Reason", "原因"), max_length=500)
    with database_proxy.atomic():
        old = row.due_at
        row.due_at = later
        row.save()
        case = Complaint.get_by_id(row.complaint_id)
        audit.record(case, actor, now, kind="follow_up", field="follow_up_due",
                     old=when(old), new=when(later), note=reason, version=case.version)
        cases.refresh_next_due(case.id)
    return row


def open_follow_up(follow_up_id: int) -> FollowUp:
    row = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if row is None:
        raise NotFoundError(Text("There is no follow-up {id}.", "没有编号为 {id} 的跟进。")
                            .format(id=follow_up_id))
    if row.done_at is not None:
        raise RuleError(Text("Follow-up {id} was already done on {at}.",
                             "跟进 {id} 已于 {at} 完成。").format(id=row.id, at=when(row.done_at)))
    return row


def _not_past(due: datetime, now: datetime) -> datetime:
    due = to_seconds(due)
    if due < now - PAST_GRACE:
        raise InputError(Text("The date {d} has already passed.", "日期 {d} 已经过去了。")
                         .format(d=when(due)), field="due")
    if due > now + timedelta(days=366):
        raise InputError(Text("The date {d} is more than a year away.", "日期 {d} 超过一年以后。")
                         .format(d=when(due)), field="due")
    return due
