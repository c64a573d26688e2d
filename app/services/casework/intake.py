"""Intake (受理): recording a complaint at once, while the customer waits.

The whole form is checked first, and every problem is reported together so the form can
show each message beside its field. The case number, the customer match and the case
are written in one transaction: a failure leaves no trace and uses no number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from peewee import fn

from app.errors import DeskError, FormError, InputError
from app.i18n import Text
from app.models import Category, Complaint, TupleRows, User, database_proxy
from app.services import audit, catalog, deadlines, notes, settings, vocabulary
from app.services.casework import cases, numbering, workflow
from app.services.casework.fields import FIELDS
from app.services.customers import directory
from app.services.improvement import warnings
from app.services.labels import CHANNELS, FLAGS, SEVERITIES, lookup
from app.services.permissions import Permission, require
from app.services.text import (
    check_not_future,
    checked_text,
    normalize_phone,
    to_seconds,
    when,
)

USE_DAYS = 90  # how far back "this shop's use" of a category counts


@dataclass
class IntakeForm:
    """What the front desk records; only the first six fields are required."""

    customer_name: str
    phone: str
    channel: str
    category: str | Category
    description: str
    severity: str = "medium"
    wish: str = ""
    flags: Sequence[str] = ()
    mood: str = ""
    reference: str = ""
    address: str = ""
    received_at: datetime | None = None
    promised_at: datetime | None = None
    subject: str | User | None = None
    on_the_spot: bool = False
    on_the_spot_values: dict[str, Any] = field(default_factory=dict)


def record_complaint(form: IntakeForm, *, actor: User, now: datetime) -> Complaint:
    """Checks the form and records the case; solved on the spot, it is closed at once.

    Raises:
        FormError: every field problem at once, in form order.
    """
    require(actor, Permission.WORK_CASES)
    now = to_seconds(now)
    checked = _check(form, now)
    with database_proxy.atomic():
        case = _insert(checked, actor=actor, now=now)
        if form.on_the_spot:
            case = workflow.move(case.id, "closed", actor=actor, now=now, expected_version=1,
                                 values=form.on_the_spot_values,
                                 written_note=notes.written("solved_on_the_spot"))
    return case


def _check(form: IntakeForm, now: datetime) -> dict[str, Any]:
    errors: list[DeskError] = []
    checked: dict[str, Any] = {}
    named = vocabulary.label

    def take(name: str, check: Callable[[], Any]) -> None:
        try:
            checked[name] = check()
        except DeskError as error:
            errors.append(error if error.field else InputError(error.text, field=name))

    take("phone", lambda: normalize_phone(form.phone))
    take("customer_name", lambda: _text(form.customer_name, "customer_name", 60, required=True))
    take("address", lambda: _text(form.address, "address", 200))
    take("channel", lambda: lookup(CHANNELS, form.channel, what=named("channel")))
    take("category", lambda: _category(form.category))
    take("severity", lambda: lookup(SEVERITIES, form.severity, what=named("severity")))
    take("flags", lambda: {lookup(FLAGS, flag, what=named("flags")) for flag in form.flags})
    take("description", lambda: _text(form.description, "description", 5000, required=True))
    take("wish", lambda: _text(form.wish, "wish", 2000))
    take("mood", lambda: _text(form.mood, "mood", 100))
    take("reference", lambda: _text(form.reference, "reference", 100))
    take("received_at", lambda: _received(form.received_at, now))
    take("subject", lambda: cases.parse_values({"subject": form.subject})[FIELDS["subject"]])
    if not errors:
        take("promised_at", lambda: _promised(form.promised_at, checked["received_at"]))
    if errors:
        raise FormError(errors)
    return checked


def _insert(checked: dict[str, Any], *, actor: User, now: datetime) -> Complaint:
    received = checked["received_at"]
    due = deadlines.for_intake(received, profile=checked["category"].profile)
    customer = directory.match_or_create(
        name=checked["customer_name"], phone=checked["phone"], address=checked["address"],
        now=now,
    )
    flags = checked["flags"]
    case = Complaint.create(
        number=numbering.next_number(received.year), customer=customer,
        channel=checked["channel"], category=checked["category"],
        severity=checked["severity"], flag_group="group" in flags, flag_risk="risk" in flags,
        flag_management="management" in flags, description=checked["description"],
        wish=checked["wish"], mood=checked["mood"], reference=checked["reference"],
        received_at=received, received_by=actor, subject_user=checked["subject"],
        profile=checked["category"].profile,
        first_response_due=checked["promised_at"] or due.first_response_due,
        resolution_due=due.resolution_due, next_due_at=None, created_at=now, updated_at=now,
        last_contact_at=received,
        escalated_at=now if cases.needs_escalation(checked["severity"], "group" in flags,
                                                   "risk" in flags) else None,
    )
    audit.record(case, actor, now, kind="created", field="number", new=case.number, version=1)
    audit.record(case, actor, now, kind="clock", field="resolution_due",
                 new=when(case.resolution_due), note=profile_rule(case.profile), version=1)
    directory.update_details(customer, name=checked["customer_name"],
                             address=checked["address"], actor=actor, now=now, complaint=case)
    cases.refresh_next_due(case.id)
    warnings.check_case(case.id, now=now)  # the early warnings a new case may set off
    return Complaint.get_by_id(case.id)


def categories_by_use(now: datetime, *, days: int = USE_DAYS) -> list[Category]:
    """The categories in use, those this shop recorded most over the last `days` first (then
    in the list's order): the intake form's choice starts with the commonest."""
    recent = (Complaint.select(Complaint.category, fn.COUNT(Complaint.id))
              .where(Complaint.received_at >= now - timedelta(days=days))
              .group_by(Complaint.category).tuples())
    counts: dict[int, int] = dict(cast(TupleRows, recent))
    listed = catalog.entries(Category)
    return sorted(listed, key=lambda entry: -counts.get(entry.id, 0))  # stable: list order


def profile_rule(profile: str) -> str:
    """The deadline rule a case starts with, as the timeline stores it (services.notes)."""
    if profile == "financial":
        return notes.written("rule_financial")
    days = deadlines.decision_days("shop", int(settings.get("deadline.resolution_days")))
    return notes.written("rule_shop", days=days)


def _text(value: str, name: str, limit: int, *, required: bool = False) -> str:
    return checked_text(value, field=name, label=vocabulary.label(name), max_length=limit,
                        required=required)


def _category(value: str | Category) -> Category:
    if isinstance(value, Category):
        return value
    if not value or not value.strip():
        raise InputError(Text("Category is required.", "请选择投诉类别。"), field="category")
    category = catalog.find(Category, value)
    if not category.active:
        raise InputError(Text("The category “{name}” is switched off.",
                              "投诉类别“{name}”已停用。").format(name=category.name_zh),
                         field="category")
    return category


def _received(value: datetime | None, now: datetime) -> datetime:
    if value is None:
        return now
    return check_not_future(to_seconds(value), now=now, field="received_at",
                            label=vocabulary.label("received_at"))


def _promised(value: datetime | None, received: datetime) -> datetime | None:
    if value is None:
        return None
    if value <= received:
        raise InputError(Text("The promised answer time must be after the complaint was "
                                "received.", "承诺答复时间必须晚于受理时间。"), field="promised_at")
    return to_seconds(value)
