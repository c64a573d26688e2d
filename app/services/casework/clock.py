"""The deadline engine: how a case's decision deadline moves, and why.

The deadline comes from the category's profile on the business calendar (see deadlines).
It moves only through the steps below, each leaving an event with the old and the new
deadline and the reason, so it can always be recomputed and explained:

- pause while waiting for outside testing or appraisal, and resume (the paused days are
  added back);
- restart when the customer brings new facts (the full period from now);
- mark a financial case complex (30 days instead of 15);
- extend once, by up to 30 days, approved by a manager or the owner, telling the customer;
- a review (核查) requested within 30 days of the decision reopens the case with its own
  deadline.

Each step takes the case's id and the version the user read, and reads the case inside its
transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import InputError, RuleError
from app.i18n import Text
from app.models import Complaint, User, database_proxy
from app.services import audit, deadlines, notes
from app.services.audit import Change
from app.services.casework import cases, workflow
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, require
from app.services.text import checked_text, to_seconds, when

_REASON = Text("Reason", "原因")


def pause(case_id: int, *, reason: str, actor: User, now: datetime,
          expected_version: int) -> Complaint:
    """Stops the clock while waiting for outside testing or appraisal."""
    require(actor, Permission.WORK_CASES)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        _must_be_open(case)
        if case.clock_paused_at is not None:
            raise RuleError(Text("The clock of {n} is already paused.", "投诉 {n} 的时限已暂停。")
                            .format(n=case.number))
        why = _reason(reason)
        return cases.write(case, {}, {"clock_paused_at": now}, actor=actor, now=now,
                           expected_version=expected_version, note=why)


def resume(case_id: int, *, actor: User, now: datetime, expected_version: int,
           note: str = "") -> Complaint:
    """Starts the clock again; the days it stood still are added to the deadline."""
    require(actor, Permission.WORK_CASES)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        if case.clock_paused_at is None:
            raise RuleError(Text("The clock of {n} is not paused.", "投诉 {n} 的时限未暂停。")
                            .format(n=case.number))
        days = max(0, (now.date() - case.clock_paused_at.date()).days)
        due = deadlines.later_by(case.resolution_due, days) if case.resolution_due else None
        said = checked_text(note, field="note", label=Text("Note", "备注"), max_length=2000)
        return cases.write(case, {}, {"clock_paused_at": None, "resolution_due": due},
                           actor=actor, now=now, expected_version=expected_version,
                           note=notes.written("resumed", days=days, note=said))


def restart(case_id: int, *, facts: str, actor: User, now: datetime,
            expected_version: int) -> Complaint:
    """New facts from the customer: the whole period runs again from now."""
    require(actor, Permission.WORK_CASES)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        _must_be_open(case)
        told = checked_text(facts, field="reason", label=Text("New facts", "新情况"),
                            max_length=2000, required=True)
        due = deadlines.decision_due_from(now, profile=case.profile,
                                          complex_case=case.complex_case)
        # The customer's words are an event of their own: kept even on a day when the
        # deadline comes out the same, and labelled in the reader's language when shown.
        return cases.write(case, {}, {"resolution_due": due, "clock_paused_at": None,
                                      "last_contact_at": now},
                           actor=actor, now=now, expected_version=expected_version,
                           extra=[Change("new_facts", "", told, kind="clock")])


def mark_complex(case_id: int, *, reason: str, actor: User, now: datetime,
                 expected_version: int) -> Complaint:
    """A complex financial case may take 30 days instead of 15 (a manager's decision)."""
    require(actor, Permission.EXTEND_DEADLINE)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        _must_be_open(case)
        if case.profile != "financial" or case.complex_case:
            raise RuleError(Text("Only a financial case not yet marked complex can be.",
                                 "只有尚未标记为复杂的金融保险类投诉才能标记为复杂。"))
        extra = deadlines.COMPLEX_DECISION_DAYS - deadlines.FINANCIAL_DECISION_DAYS
        due = deadlines.later_by(case.resolution_due or now, extra)
        return cases.write(case, {}, {"complex_case": True, "resolution_due": due}, actor=actor,
                           now=now, expected_version=expected_version, note=_reason(reason))


def extend(case_id: int, *, new_due: datetime | None, reason: str, told: str, actor: User,
           now: datetime, expected_version: int) -> Complaint:
    """Moves the decision deadline later, up to 30 days, once per case, telling the customer."""
    require(actor, Permission.EXTEND_DEADLINE)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        _must_be_open(case)
        if audit.was_extended(case.id):
            raise RuleError(Text("The deadline of case {n} was already extended once.",
                                 "投诉 {n} 的处理时限已延长过一次。").format(n=case.number))
        why = _reason(reason)
        how = checked_text(told, field="told", max_length=500, required=True,
                           label=Text("How the customer was told", "告知客户的方式"))
        due = _extended(new_due, case.resolution_due or now)
        return cases.write(case, {}, {"resolution_due": to_seconds(due),
                                      "last_contact_at": now},
                           actor=actor, now=now, expected_version=expected_version,
                           note=f"{why} — {how}", kinds={"resolution_due": "extension"})


def request_review(case_id: int, *, reason: str, actor: User, now: datetime,
                   expected_version: int) -> Complaint:
    """The customer asks for a review (核查) of the decision: the case reopens with a deadline."""
    require(actor, Permission.WORK_CASES)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        decided = audit.last_decision(case.id)
        if case.status not in ("resolved", "rejected", "closed") or decided is None:
            raise RuleError(Text("Only a decided case can be reviewed.",
                                 "只有已作出处理决定的投诉才能申请核查。"))
        ends = decided + timedelta(days=deadlines.REVIEW_WINDOW_DAYS)
        if now > ends:
            raise RuleError(Text("A review had to be asked for by {d} (30 days after the "
                                 "decision).", "核查须在处理决定后 30 天内（{d} 前）提出。")
                            .format(d=when(ends)))
        why = _reason(reason)
        due = deadlines.decision_due_from(now, profile=case.profile,
                                          complex_case=case.complex_case)
        return workflow.move(case.id, "reopened", actor=actor, now=now,
                             written_note=notes.written("review", reason=why),
                             expected_version=expected_version,
                             columns={"resolution_due": due, "last_contact_at": now})


def _extended(new_due: datetime | None, current: datetime) -> datetime:
    if new_due is None or new_due <= current:
        raise InputError(Text("The new deadline must be later than {d}.",
                              "新的处理时限必须晚于 {d}。").format(d=when(current)), field="due")
    if new_due - current > timedelta(days=deadlines.MAX_EXTENSION_DAYS):
        raise InputError(Text("An extension can add at most 30 days.", "延长时限最多 30 天。"),
                         field="due")
    return new_due


def _must_be_open(case: Complaint) -> None:
    if case.status not in OPEN_STATUSES:
        raise RuleError(Text("Case {n} is decided; its clock no longer runs.",
                             "投诉 {n} 已作出处理决定，时限已停止。").format(n=case.number))


def _reason(reason: str) -> str:
    return checked_text(reason, field="reason", label=_REASON, max_length=2000, required=True)
