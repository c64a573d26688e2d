"""The parts of a case as the case view shows them: the people named, follow-ups,
compensation offers (with what was paid) and attachments, in plain values read through the
case's prepared statements (case_sql)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.models import CompensationOffer, Payment
from app.models.chain import REMOVED
from app.services import notes, vocabulary
from app.services.casework import case_sql
from app.services.text import as_datetime


@dataclass(frozen=True)
class Person:
    """A user as a case shows them."""

    username: str
    name: str


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


class People:
    """Users by id, read once per case (or once per batch of cases)."""

    def __init__(self) -> None:
        self._by_id = {user_id: Person(username, name)
                       for user_id, username, name in case_sql.rows("users")}

    def get(self, user_id: int | None) -> Person | None:
        """The user with id `user_id` (None for nobody)."""
        return self._by_id.get(user_id) if user_id else None

    def names(self) -> dict[str, str]:
        """Display names by user name."""
        return {person.username: person.name for person in self._by_id.values()}



def follow_ups_of(case_id: int, people: People) -> tuple[FollowUpInfo, ...]:
    """The follow-ups of case `case_id`, in the order made."""
    return tuple(FollowUpInfo(follow_up_id, kind, as_datetime(due), people.get(assignee),
                              note, as_datetime(done), outcome)
                 for follow_up_id, kind, due, assignee, note, done, outcome
                 in case_sql.rows("follow_ups", case_id))


def offers_of(case_id: int, people: People) -> tuple[OfferInfo, ...]:
    """The offers of case `case_id` with their payments, in the order made."""
    return tuple(OfferInfo(offer_id, kind, Decimal(fen) / 100, description, status,
                           Decimal(counter) / 100 if counter else None, people.get(requester),
                           people.get(approver), reason, as_datetime(created),
                           None if paid is None else Decimal(paid) / 100, as_datetime(paid_at),
                           method or "", reference or "", proposed_for)
                 for offer_id, kind, fen, description, status, counter, requester, approver,
                 reason, created, paid, paid_at, method, reference, proposed_for
                 in case_sql.rows("offers", case_id))


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


def attachments_of(case_id: int, people: People) -> tuple[AttachmentInfo, ...]:
    """The attachments of case `case_id` (their descriptions, not their bytes)."""
    return tuple(AttachmentInfo(attachment_id, name, kind, size, note, people.get(added_by),
                                as_datetime(added))
                 for attachment_id, name, kind, size, note, added_by, added
                 in case_sql.rows("attachments", case_id))
