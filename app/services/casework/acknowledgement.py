"""Acknowledging a complaint (答复受理): the first answer to the customer, recorded with what
they were told and the time the decision was promised for.

The promise may bring the decision deadline forward (a shop may promise sooner than its
rule); a later promise is refused, since only an extension, approved and told to the
customer, moves the deadline later.
"""

from __future__ import annotations

from datetime import datetime

from app.errors import InputError
from app.i18n import Text
from app.models import Complaint, User, database_proxy
from app.services.audit import Change
from app.services.casework import cases, workflow
from app.services.permissions import Permission, require
from app.services.text import checked_text, to_seconds, when

TOLD = Text("What the customer was told", "答复客户内容")


def acknowledge(case_id: int, *, reply: str, promised: datetime | None, actor: User,
                now: datetime, expected_version: int) -> Complaint:
    """Records the first answer: the case acknowledged, the reply on its timeline, and the
    decision deadline brought forward to `promised` when that is sooner.

    Raises:
        InputError: no reply, or a promised time past or after the deadline.
    """
    require(actor, Permission.WORK_CASES)
    said = checked_text(reply, field="reply", label=TOLD, max_length=5000, required=True)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        columns = {}
        if promised is not None and to_seconds(promised) != case.resolution_due:
            columns["resolution_due"] = _checked_promise(to_seconds(promised), case, now)
        return workflow.move(case.id, "acknowledged", actor=actor, now=now,
                             expected_version=expected_version, columns=columns,
                             extra=[Change("reply", "", said, kind="reply")])


def _checked_promise(promised: datetime, case: Complaint, now: datetime) -> datetime:
    if promised <= now:
        raise InputError(Text("The decision cannot be promised for {d}: that time has passed.",
                              "处理结果的承诺时间 {d} 已经过去。").format(d=when(promised)),
                         field="promised")
    if case.resolution_due is not None and promised > case.resolution_due:
        raise InputError(Text("The decision is due by {due}: promise it by then at the latest. "
                              "More time needs an extension of the deadline.",
                              "处理期限为 {due}，承诺时间不能晚于该期限；如需更多时间，"
                              "请申请延长处理时限。").format(due=when(case.resolution_due)),
                         field="promised")
    return promised
