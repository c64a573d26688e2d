"""Extending a case's decision deadline: once, with a reason, by a manager or the owner."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import InputError, RuleError
from app.i18n import Text
from app.models import Complaint, Event, User
from app.services import cases
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, require
from app.services.text import to_seconds

MAX_EXTENSION = timedelta(days=30)


def was_extended(case_id: int) -> bool:
    """True once the case's decision deadline has been extended."""
    return Event.select().where(
        (Event.complaint == case_id) & (Event.kind == "extension")
    ).exists()


def extend_deadline(case: Complaint, *, new_due: datetime | None, reason: str, actor: User,
                    now: datetime, expected_version: int) -> Complaint:
    """Moves the decision deadline later, up to 30 days, once per case.

    Raises:
        AccessError: staff cannot extend. RuleError: already extended or not open.
        InputError: no reason, no date, or a date not later / too far.
    """
    require(actor, Permission.EXTEND_DEADLINE)
    if case.status not in OPEN_STATUSES:
        raise RuleError(Text("Only an open case's deadline can be extended.",
                             "只能延长未结案投诉的处理时限。"))
    if was_extended(case.id):
        raise RuleError(Text("The deadline of case {n} was already extended once.",
                             "投诉 {n} 的处理时限已延长过一次。").format(n=case.number))
    if not reason.strip():
        raise InputError(Text("Give the reason for the extension.", "请填写延长时限的原因。"),
                         field="note")
    current = case.resolution_due or now
    if new_due is None or new_due <= current:
        raise InputError(Text("The new deadline must be later than {d}.",
                              "新的处理时限必须晚于 {d}。").format(d=f"{current:%Y-%m-%d %H:%M}"),
                         field="new_due")
    if new_due - current > MAX_EXTENSION:
        raise InputError(Text("An extension can add at most 30 days.", "延长时限最多 30 天。"),
                         field="new_due")
    return cases.write(case, {}, {"resolution_due": to_seconds(new_due)}, actor=actor, now=now,
                       expected_version=expected_version, note=reason.strip(),
                       kinds={"resolution_due": "extension"})
