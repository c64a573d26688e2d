"""The legal hold (法律保全): a case that a dispute, a lawsuit or a regulator may still need is
kept whole, its personal data included, whatever its age; retention passes it by. A manager
or the owner sets or lifts it, saying why, and the timeline records both."""

from __future__ import annotations

from datetime import datetime

from app.errors import RuleError
from app.i18n import Text
from app.models import Complaint, User, database_proxy
from app.services.casework import cases
from app.services.permissions import Permission, require
from app.services.text import checked_text


def set_legal_hold(case_id: int, *, hold: bool, reason: str, actor: User, now: datetime,
                   expected_version: int) -> Complaint:
    """Puts the case on legal hold (`hold`) or lifts it, with the reason on the timeline.

    Raises:
        AccessError: not a manager or the owner.
        InputError: no reason given.
        RuleError: the case is already so, or its personal data was already removed.
    """
    require(actor, Permission.LEGAL_HOLD)
    why = checked_text(reason, field="reason", max_length=500, required=True,
                       label=Text("Reason", "原因"))
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        if case.legal_hold == hold:
            already = (Text("{number} is already on legal hold.", "投诉 {number} 已处于法律保全。")
                       if hold else Text("{number} is not on legal hold.",
                                         "投诉 {number} 未处于法律保全。"))
            raise RuleError(already.format(number=case.number))
        if case.redacted_at is not None and hold:
            raise RuleError(Text("The personal data of {number} was already removed.",
                                 "投诉 {number} 的个人信息已删除。").format(number=case.number))
        return cases.write(case, {}, {"legal_hold": hold}, actor=actor, now=now,
                           expected_version=expected_version, note=why,
                           kinds={"legal_hold": "legal_hold"})
