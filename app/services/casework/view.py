"""Everything about one case, read at once into plain values, for `show`, the window and JSON.

Nothing here hands out a database row: callers read attributes without running queries.
JSON keys are stable English names and codes (status, channel, category…) and user
names, so scripts keep working in either language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, overload

from app.i18n import Text
from app.models import (
    Attachment,
    Category,
    CompensationOffer,
    Complaint,
    CorrectiveAction,
    Customer,
    Department,
    FollowUp,
    Payment,
    RootCause,
    User,
)
from app.models.chain import REMOVED
from app.models.notes import decoded
from app.services import audit, notes, vocabulary
from app.services.casework import cases, merging
from app.services.casework.merging import MergedCase
from app.services.catalog import name_of
from app.services.deadlines import REVIEW_WINDOW_DAYS
from app.services.text import iso
from app.services.vocabulary import Names, change_words


@dataclass(frozen=True)
class Ref:
    """A coded list entry (category, department, root cause) named in the current language."""

    code: str
    name: str


@dataclass(frozen=True)
class Person:
    """A user as a case shows them."""

    username: str
    name: str


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the case's history: the stored codes and values (`field`, `old`,
    `new`), and `change`, the same put in words of both languages when the case was read,
    so showing it needs no query and follows the reader's language."""

    at: datetime
    actor: str
    actor_name: str
    kind: str
    field: str
    old: str
    new: str
    note: str
    change: Text
    origin: str = ""  # the number of the merged case it was recorded on; "" for the case's own

    def describe(self) -> str:
        """`Handler: 张小芳 → 刘明`: the change in words of the current language (led by the
        number of the merged case it happened on)."""
        return f"{self.origin} · {self.change}" if self.origin else str(self.change)

    def shown_note(self) -> str:
        """The note as shown: a removed one, or one the desk wrote, in words of the current
        language."""
        return vocabulary.text_shown(self.note) if self.note == REMOVED else self.describe_note()

    def describe_note(self) -> str:
        """The note in words of the current language (one the desk wrote, from its code)."""
        return str(notes.words(self.note))

    def to_json(self) -> dict[str, Any]:
        """The entry with stable English keys; a note the desk wrote is worded in the current
        language under `note`, and given as its code and values under `note_code`."""
        data: dict[str, Any] = {
            "at": iso(self.at), "actor": self.actor, "kind": self.kind, "field": self.field,
            "old": _plain(self.old), "new": _plain(self.new),
            "note": self.note if self.note == REMOVED else self.describe_note()}
        found = decoded(notes.desks(self.note) or "") if self.note else None
        if found is not None:
            data["note_code"] = {"code": found[0], **found[1]}
        return {**data, "case": self.origin} if self.origin else data


def _plain(stored: str) -> str:
    """A stored value as JSON gives it: a coded one (a follow-up) in words."""
    return str(notes.words(stored)) if notes.desks(stored) is not None else stored


@dataclass(frozen=True)
class FollowUpInfo:
    """A follow-up as the case view lists it."""

    id: int
    kind: str
    due_at: datetime
    assignee: Person | None
    note: str
    done_at: datetime | None
    outcome: str

    def describe(self) -> str:
        """What is to be done, in words of the current language (a removed text in words)."""
        return vocabulary.text_shown(self.note) if self.note == REMOVED \
            else str(notes.words(self.note))


@dataclass(frozen=True)
class OfferInfo:
    """A compensation offer as the case view lists it."""

    id: int
    kind: str
    amount: Decimal
    description: str
    status: str
    counter: Decimal | None
    requester: Person | None
    approver: Person | None
    decision_reason: str
    created_at: datetime
    paid: Decimal | None = None  # what was paid or handed over, once it was
    paid_at: datetime | None = None
    paid_how: str = ""  # a code of labels.PAYMENT_METHODS
    paid_ref: str = ""  # the receipt or voucher number
    reason: str = ""  # why it was proposed

    def describe_reason(self) -> str:
        """The reason of the decision in words of the current language (the desk's own,
        "within the proposer's limit", from its code; a removed text in words)."""
        if self.decision_reason == REMOVED:
            return vocabulary.text_shown(self.decision_reason)
        return str(notes.words(self.decision_reason))


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment's description (its bytes stay in the database until opened)."""

    id: int
    file_name: str
    kind: str
    size: int
    note: str
    added_by: Person | None
    added_at: datetime


@dataclass(frozen=True)
class CaseDetails:
    """A case with its customer, names of its references, timeline and related records."""

    id: int
    number: str
    status: str
    version: int
    received_at: datetime
    received_by: Person | None
    customer_id: int
    customer: str
    phone: str
    address: str
    channel: str
    category: Ref
    profile: str
    severity: str
    flags: tuple[str, ...]
    description: str
    wish: str
    mood: str
    reference: str
    department: Ref | None
    handler: Person | None
    subject: Person | None
    fault_department: Ref | None
    fault_party: str
    facts: str
    root_cause: Ref | None
    resolution: str
    answer: str
    feedback: str
    feedback_at: datetime | None
    satisfaction: int | None
    first_response_due: datetime | None
    first_response_at: datetime | None
    resolution_due: datetime | None
    next_due_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    clock_paused_at: datetime | None
    complex_case: bool
    last_contact_at: datetime | None
    escalated_at: datetime | None
    escalation_ack_at: datetime | None
    review_until: datetime | None  # a review (核查) may be asked for until then
    timeline: tuple[TimelineEntry, ...]
    follow_ups: tuple[FollowUpInfo, ...]
    offers: tuple[OfferInfo, ...]
    attachments: tuple[AttachmentInfo, ...]
    merged: tuple[MergedCase, ...] = ()  # duplicates merged into this case
    legal_hold: bool = False
    redacted_at: datetime | None = None  # when its personal data was removed

    @classmethod
    def load(cls, number: str) -> CaseDetails:
        """Reads the case called `number` with everything that belongs to it (the number
        of a case merged into another reads the one it leads to)."""
        return cls.from_case(cases.get_case(number))

    @classmethod
    def load_id(cls, case_id: int) -> CaseDetails:
        """Reads the case with database id `case_id` (or the case it was merged into)."""
        case = Complaint.get_by_id(case_id)
        return cls.from_case(Complaint.get_by_id(case.merged_into_id) if case.merged_into_id
                             else case)

    @classmethod
    def from_case(cls, c: Complaint) -> CaseDetails:
        """Builds the details of a case row already read."""
        people = People()
        names = read_names(people)
        customer = Customer.get_by_id(c.customer_id)
        return cls(
            id=c.id, number=c.number, status=c.status, version=c.version,
            received_at=c.received_at, received_by=people.get(c.received_by_id),
            customer_id=customer.id, customer=customer.name,
            # A removed customer's phone is a placeholder no one can type: not a phone.
            phone=REMOVED if customer.redacted_at else customer.phone,
            address=customer.address, channel=c.channel,
            category=_ref(Category, c.category_id), profile=c.profile, severity=c.severity,
            flags=tuple(code for code, on in (("group", c.flag_group), ("risk", c.flag_risk),
                                              ("management", c.flag_management)) if on),
            description=c.description, wish=c.wish, mood=c.mood, reference=c.reference,
            department=_ref(Department, c.department_id), handler=people.get(c.handler_id),
            subject=people.get(c.subject_user_id),
            fault_department=_ref(Department, c.fault_department_id),
            fault_party=c.fault_party, facts=c.facts,
            root_cause=_ref(RootCause, c.root_cause_id), resolution=c.resolution,
            answer=c.answer, feedback=c.feedback, feedback_at=c.feedback_at,
            satisfaction=c.satisfaction, first_response_due=c.first_response_due,
            first_response_at=c.first_response_at, resolution_due=c.resolution_due,
            next_due_at=c.next_due_at, resolved_at=c.resolved_at, closed_at=c.closed_at,
            clock_paused_at=c.clock_paused_at, complex_case=c.complex_case,
            last_contact_at=c.last_contact_at, escalated_at=c.escalated_at,
            escalation_ack_at=c.escalation_ack_at, review_until=_review_until(c),
            timeline=_timeline(c, people, names),
            follow_ups=_follow_ups(c.id, people), offers=_offers(c.id, people),
            attachments=_attachments(c.id, people), merged=tuple(merging.merged_into(c.id)),
            legal_hold=c.legal_hold, redacted_at=c.redacted_at,
        )

    def is_overdue(self, now: datetime) -> bool:
        """True when something on the case was due before `now`."""
        return self.next_due_at is not None and self.next_due_at < now

    def to_json(self, *, with_events: bool = True) -> dict[str, Any]:
        """The case with the stable keys scripts rely on."""
        code = lambda ref: ref.code if ref else None  # noqa: E731
        user = lambda person: person.username if person else None  # noqa: E731
        data: dict[str, Any] = {
            "number": self.number, "status": self.status, "received_at": iso(self.received_at),
            "received_by": user(self.received_by), "customer": self.customer,
            "phone": self.phone, "address": self.address, "channel": self.channel,
            "category": self.category.code, "severity": self.severity, "flags": list(self.flags),
            "description": self.description, "wish": self.wish, "mood": self.mood,
            "reference": self.reference, "department": code(self.department),
            "handler": user(self.handler), "subject": user(self.subject),
            "fault_department": code(self.fault_department), "fault_party": self.fault_party,
            "facts": self.facts, "root_cause": code(self.root_cause),
            "resolution": self.resolution, "answer": self.answer, "feedback": self.feedback,
            "satisfaction": self.satisfaction, "profile": self.profile,
            "first_response_due": iso(self.first_response_due),
            "first_response_at": iso(self.first_response_at),
            "resolution_due": iso(self.resolution_due), "next_due_at": iso(self.next_due_at),
            "feedback_at": iso(self.feedback_at), "resolved_at": iso(self.resolved_at),
            "closed_at": iso(self.closed_at), "clock_paused_at": iso(self.clock_paused_at),
            "complex_case": self.complex_case, "last_contact_at": iso(self.last_contact_at),
            "escalated_at": iso(self.escalated_at),
            "escalation_ack_at": iso(self.escalation_ack_at), "version": self.version,
            "merged": [case.number for case in self.merged], "legal_hold": self.legal_hold,
            "personal_data_removed_at": iso(self.redacted_at),
        }
        if with_events:
            data["events"] = [entry.to_json() for entry in self.timeline]
        return data


def _review_until(case: Complaint) -> datetime | None:
    if case.status not in ("resolved", "rejected", "closed"):
        return None
    decided = audit.last_decision(case.id)
    return decided + timedelta(days=REVIEW_WINDOW_DAYS) if decided else None


def explain(timeline: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """How the deadline was reached: the events of the timeline that set or moved it."""
    return [entry for entry in timeline
            if entry.kind in ("clock", "extension")
            or (entry.field == "status" and entry.new == "reopened")]


class People:
    """Users by id, read once per case (or once per batch of cases)."""

    def __init__(self) -> None:
        self._by_id = {u.id: Person(u.username, u.display_name) for u in User.select()}

    def get(self, user_id: int | None) -> Person | None:
        """The user with id `user_id` (None for nobody)."""
        return self._by_id.get(user_id) if user_id else None

    def names(self) -> dict[str, str]:
        """Display names by user name."""
        return {person.username: person.name for person in self._by_id.values()}


def read_names(people: People | None = None) -> Names:
    """The names of what the timeline stores as codes (list entries, users), read at once."""
    lists: dict[str, type[Category | Department | RootCause]] = {
        vocabulary.CATEGORY: Category, vocabulary.DEPARTMENT: Department,
        vocabulary.ROOT_CAUSE: RootCause}
    references = {kind: {row.code: Text(row.name_en or row.code, row.name_zh or row.code)
                         for row in model.select(model.code, model.name_en, model.name_zh)}
                  for kind, model in lists.items()}
    # A shop has a few dozen corrective actions: their titles name the links on a timeline.
    references[vocabulary.ACTION] = {
        str(row.id): Text(row.title, row.title)
        for row in CorrectiveAction.select(CorrectiveAction.id, CorrectiveAction.title)}
    return Names(references=references, users=(people or People()).names())


@overload
def _ref(model: type[Category | Department | RootCause], entry_id: int) -> Ref: ...
@overload
def _ref(model: type[Category | Department | RootCause], entry_id: int | None) -> Ref | None: ...
def _ref(model: type[Category | Department | RootCause], entry_id: int | None) -> Ref | None:
    if entry_id is None:
        return None
    entry = model.get_by_id(entry_id)
    return Ref(entry.code, name_of(entry))


def _timeline(case: Complaint, people: People, names: Names) -> tuple[TimelineEntry, ...]:
    """The case's events and, within them by time, those of the cases merged into it."""
    numbers = {merged.id: merged.number for merged in merging.merged_into(case.id)}
    events = audit.timeline(case.id, *numbers)
    return tuple(_entry(e, people, names, numbers.get(e.complaint_id or 0, "")) for e in events)


def _entry(event: Any, people: People, names: Names, origin: str = "") -> TimelineEntry:
    person = people.get(event.actor_id)
    return TimelineEntry(event.at, person.username if person else "",
                         person.name if person else "", event.kind, event.field,
                         event.old_value, event.new_value, event.note,
                         change_words(event.field, event.old_value, event.new_value, names),
                         origin)


def _follow_ups(case_id: int, people: People) -> tuple[FollowUpInfo, ...]:
    rows = FollowUp.select().where(FollowUp.complaint == case_id).order_by(FollowUp.due_at)
    return tuple(FollowUpInfo(f.id, f.kind, f.due_at, people.get(f.assignee_id), f.note,
                              f.done_at, f.outcome) for f in rows)


def _offers(case_id: int, people: People) -> tuple[OfferInfo, ...]:
    return offers_of_cases([case_id], people).get(case_id, ())


def offers_of_cases(case_ids: list[int], people: People) -> dict[int, tuple[OfferInfo, ...]]:
    """The offers of each of `case_ids` (in the order made), read in one query."""
    rows = list(CompensationOffer.select().where(CompensationOffer.complaint.in_(case_ids))
                .order_by(CompensationOffer.id))
    paid = {p.offer_id: p for p in Payment.select().where(
        Payment.offer.in_([o.id for o in rows]))} if rows else {}
    found: dict[int, list[OfferInfo]] = {}
    for o in rows:
        payment = paid.get(o.id)
        found.setdefault(o.complaint_id, []).append(OfferInfo(
            o.id, o.kind, Decimal(o.amount_fen) / 100, o.description, o.status,
            Decimal(o.counter_fen) / 100 if o.counter_fen else None,
            people.get(o.requester_id), people.get(o.approver_id), o.decision_reason,
            o.created_at, *_payment(payment), reason=o.reason))
    return {case_id: tuple(offers) for case_id, offers in found.items()}


def _payment(payment: Payment | None) -> tuple[Decimal | None, datetime | None, str, str]:
    if payment is None:
        return None, None, "", ""
    return (Decimal(payment.amount_fen) / 100, payment.paid_at, payment.method,
            payment.reference)


def _attachments(case_id: int, people: People) -> tuple[AttachmentInfo, ...]:
    rows = Attachment.select().where(Attachment.complaint == case_id).order_by(Attachment.id)
    return tuple(AttachmentInfo(a.id, a.file_name, a.kind, a.size, a.note,
                                people.get(a.added_by_id), a.added_at) for a in rows)
