"""Finishing a follow-up: its outcome, and what a call-back's answer changes.

Done call-backs and progress calls count as contact with the customer; the satisfaction
call-back (回访) can record the customer's score and reopen the case. This sits above
both `followups` (a decision schedules the call-back) and `workflow` (the reopening), so
neither needs the other.
"""

from __future__ import annotations

from datetime import datetime

from app.errors import RuleError
from app.i18n import Text
from app.models import Complaint, FollowUp, User, database_proxy
from app.services import audit
from app.services.casework import cases, followups, workflow
from app.services.permissions import Permission, require
from app.services.text import checked_text


def complete_follow_up(follow_up_id: int, *, outcome: str, actor: User, now: datetime,
                       satisfaction: int | str | None = None, reopen: bool = False,
                       ) -> FollowUp:
    """Marks a follow-up done with its outcome; a call-back may score and reopen the case."""
    require(actor, Permission.WORK_CASES)
    row = followups.open_follow_up(follow_up_id)
    text = checked_text(outcome, field="outcome", label=Text("Outcome", "结果"),
                        max_length=2000, required=True)
    with database_proxy.atomic():
        row.done_at, row.outcome = now, text
        row.save()
        case = Complaint.get_by_id(row.complaint_id)
        audit.record(case, actor, now, kind="follow_up", field="follow_up_done",
                     old=row.note, new=text, version=case.version)
        if row.kind in followups.CONTACT_KINDS:
            Complaint.update(last_contact_at=now).where(Complaint.id == case.id).execute()
        if satisfaction not in (None, ""):
            case = cases.update_fields(case.id, values={"satisfaction": satisfaction},
                                       actor=actor, now=now, expected_version=case.version)
        if reopen:
            _reopen(case, text, actor=actor, now=now)
        cases.refresh_next_due(case.id)
    return row


def _reopen(case: Complaint, reason: str, *, actor: User, now: datetime) -> None:

    if case.status not in ("resolved", "rejected", "closed"):
        raise RuleError(Text("Only a decided case can be reopened.",
                             "只有已处理的投诉才能重新处理。"))
    workflow.move(case.id, "reopened", note=reason, actor=actor, now=now,
                  expected_version=case.version)
