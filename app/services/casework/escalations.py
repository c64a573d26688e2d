"""Escalation: group complaints, escalation risks and critical cases reach the owner at once.

A case is escalated the moment it becomes serious (at intake or on a later change, see
cases.escalate_if_needed). It stays on every manager's and owner's reminders until one of
them acknowledges it; other PCs find it by their periodic check, not by a signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import SQL, Expression, ModelSelect, fn

from app.errors import RuleError
from app.i18n import Text
from app.models import Complaint, Customer, TupleRows, User, database_proxy
from app.services.audit import Change
from app.services.casework import cases
from app.services.permissions import Permission, require
from app.services.text import as_datetime


@dataclass(frozen=True)
class Escalation:
    """A case waiting for a manager to acknowledge it."""

    case_id: int
    number: str
    customer: str
    escalated_at: datetime
    severity: str
    flag_group: bool
    flag_risk: bool


def waiting() -> Expression:
    """The condition of an escalation no manager has acknowledged yet (a handful among all
    cases, found through their own index)."""
    return Complaint.escalated_at.is_null(False) & Complaint.escalation_ack_at.is_null()


def pending_query() -> ModelSelect[Complaint]:
    """The escalations waiting, oldest first: the columns `escalation` reads."""
    return (Complaint.select(Complaint.id, Complaint.number, Customer.name,
                             Complaint.escalated_at, Complaint.severity, Complaint.flag_group,
                             Complaint.flag_risk)
            .join(Customer)
            .where(waiting() & (Complaint.status != "merged"))  # the surviving case's now
            .order_by(Complaint.escalated_at))


def escalation(row: tuple[Any, ...]) -> Escalation:
    """One row of `pending_query`, read from the cursor."""
    case_id, number, customer, at, severity, group, risk = row
    return Escalation(case_id, number, customer, as_datetime(at), severity, bool(group),
                      bool(risk))


def pending(*, limit: int = 500) -> list[Escalation]:
    """Escalated cases no manager has acknowledged yet, oldest first."""
    return [escalation(row) for row in cast(TupleRows, pending_query().limit(limit).tuples())]


def pending_count() -> int:
    """How many escalated cases wait for a manager (through the index of exactly those)."""
    return Complaint.select(fn.COUNT(SQL("*"))).where(waiting()).scalar()


def acknowledge(case_id: int, *, actor: User, now: datetime,
                expected_version: int) -> Complaint:
    """A manager or the owner has seen the escalation and takes it on."""
    require(actor, Permission.ACKNOWLEDGE_ESCALATION)
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        if case.escalated_at is None or case.escalation_ack_at is not None:
            raise RuleError(Text("Case {n} has no escalation waiting.",
                                 "投诉 {n} 没有待确认的升级。").format(n=case.number))
        return cases.write(case, {}, {"escalation_ack_at": now, "escalation_ack_by": actor},
                           actor=actor, now=now, expected_version=expected_version,
                           extra=[Change("escalation", "", actor.display_name,
                                         kind="escalation_ack")])
