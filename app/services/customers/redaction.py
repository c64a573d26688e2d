"""Removing the personal data of cases: what retention and a customer's erasure both do.

The customer's name, phone and address and every free text (the customer's words and
wish, findings, solution, answers, notes, outcomes, offers' reasons, file names) become
chain.REMOVED; attachments lose their bytes. The numbers, dates, categories, causes,
departments, handlers, amounts, states and scores stay, so the figures still count the
cases. The timeline keeps its events: an event's texts go (the codes and dates it records
stay) and it keeps the digest of what it held, so the hash chain still proves it.

The customer's own record goes once none of their cases is kept any more; until then the
removed cases are detached onto a record of their own (one per customer and removal), so a
kept case never shows the name of a removed one and the removed ones still count as one
customer's. Everything happens in one transaction, then the files are scrubbed
(app.models.scrub).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import SQL, Case, SqliteDatabase

from app.models import (
    Attachment,
    AttachmentData,
    CompensationOffer,
    Complaint,
    Customer,
    FollowUp,
    Payment,
    TupleRows,
    User,
    chain,
    database_proxy,
)
from app.models.scrub import Scrubbed, scrub, zeroing_freed_space
from app.services import audit, vocabulary

REMOVED = chain.REMOVED
CHUNK = 500  # cases per statement: well under either database's limit on parameters
# Event fields whose values are codes, dates or numbers (worded when shown), not free text.
_KEPT_KINDS = {vocabulary.MOMENT, vocabulary.COUNT, vocabulary.SCORE, vocabulary.MONEY,
               vocabulary.YES_NO, vocabulary.CODED, vocabulary.FLAG_SET, vocabulary.USER,
               *vocabulary.REFERENCES, vocabulary.OFFER, vocabulary.PAUSE}
KEPT_FIELDS = frozenset({code for code, field in vocabulary.FIELDS.items()
                         if field.kind in _KEPT_KINDS}
                        | {"number", "merged", "merged_into", "escalation", "personal_data"})
# Free texts of each table, replaced when not empty (an empty one says something: an
# upheld case has no reasoned answer).
CASE_TEXTS = ("description", "wish", "mood", "reference", "fault_party", "facts",
              "resolution", "answer", "feedback")
_TEXTS: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
    (Complaint, CASE_TEXTS), (FollowUp, ("note", "outcome")),
    (CompensationOffer, ("description", "reason", "decision_reason")),
    (Attachment, ("file_name", "note")))
TOUCHED = ("complaint", "customer", "event", "follow_up", "compensation_offer", "payment",
           "attachment", "attachment_data", "complaint_search")


@dataclass(frozen=True)
class Removal:
    """What a removal changed."""

    cases: int
    customers: int  # customer records whose details were removed
    events: int  # events whose texts were removed
    attachments: int  # files emptied
    scrubbed: Scrubbed | None = None


def remove(case_ids: Sequence[int], *, reason: str, actor: User | None, now: datetime,
           customers: Sequence[int] = ()) -> Removal:
    """Removes the personal data of the cases `case_ids` (those not removed before), notes
    `reason` (`retention` or `erasure`) on each case's timeline and scrubs the files;
    `customers` are records whose details go too, whatever their cases (an erasure).

    The caller checks who may and which cases; this does it.
    """
    database = database_proxy.obj
    with zeroing_freed_space(database), database_proxy.atomic():
        ids = _not_removed(case_ids)
        if not ids and not customers:
            return Removal(0, 0, 0, 0)
        for chunk in _chunks(ids):
            Complaint.update(redacted_at=now).where(Complaint.id.in_(chunk)).execute()
        emptied = _customers(ids, now)
        for customer_id in customers:
            if Customer.get_by_id(customer_id).redacted_at is None:
                _empty_customer(customer_id, now)
                emptied += 1
        events = sum(_events(chunk) for chunk in _chunks(ids))
        files = sum(_texts_and_files(chunk) for chunk in _chunks(ids))
        _note(ids, reason, actor, now)
    if database.in_transaction():  # a caller's own transaction: it scrubs after it commits
        return Removal(len(ids), emptied, events, files)
    tables = tuple(t for t in TOUCHED if t != "complaint_search"
                   or isinstance(database, SqliteDatabase))
    return Removal(len(ids), emptied, events, files, scrub(database, tables))


def _not_removed(case_ids: Sequence[int]) -> list[int]:
    found: list[int] = []
    for chunk in _chunks(sorted(set(case_ids))):
        found += [row.id for row in Complaint.select(Complaint.id).where(
            Complaint.id.in_(chunk) & Complaint.redacted_at.is_null())]
    return found


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _customers(ids: list[int], now: datetime) -> int:
    """Each customer's details go once none of their cases is kept; until then their removed
    cases move to a record of their own. Returns how many records were emptied."""
    by_customer: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(ids):
        for case_id, customer_id in cast(TupleRows, Complaint.select(
                Complaint.id, Complaint.customer).where(Complaint.id.in_(chunk)).tuples()):
            by_customer[customer_id].append(case_id)
    emptied = 0
    for chunk in _chunks(sorted(by_customer)):
        kept = {row[0] for row in cast(TupleRows, Complaint.select(Complaint.customer).where(
            Complaint.customer.in_(chunk) & Complaint.redacted_at.is_null()).distinct().tuples())}
        for customer_id in kept:
            _detach(by_customer[customer_id], now)
        emptied += _empty_customers([c for c in chunk if c not in kept], now)
    return emptied


def _empty_customers(customer_ids: Sequence[int], now: datetime) -> int:
    """The customers' records keep no detail: a placeholder phone no one can type."""
    if not customer_ids:
        return 0
    Customer.update(name=REMOVED, phone=_PLACEHOLDER, address=REMOVED, note=REMOVED,
                    joined_to=None, redacted_at=now, updated_at=now).where(
        Customer.id.in_(customer_ids)).execute()
    # Records joined to them no longer lead to a removed one.
    Customer.update(joined_to=None).where(Customer.joined_to.in_(customer_ids)).execute()
    return len(customer_ids)


def _empty_customer(customer_id: int, now: datetime) -> None:
    _empty_customers([customer_id], now)


# `~c12`: unique as the id, and no phone (those are digits only, services.text).
_PLACEHOLDER = SQL("'~c' || CAST(id AS VARCHAR(12))")


def _detach(cases: list[int], now: datetime) -> None:
    stand_in = Customer.create(name=REMOVED, phone=f"~{min(cases)}", address="",
                               created_at=now, updated_at=now, redacted_at=now)
    for chunk in _chunks(cases):
        Complaint.update(customer=stand_in).where(Complaint.id.in_(chunk)).execute()


def _events(case_ids: Sequence[int]) -> int:
    """Each event's free texts become REMOVED, keeping the digest of what it held."""
    database = database_proxy.obj
    sqlite = isinstance(database, SqliteDatabase)
    content = chain.sqlite_content_sql() if sqlite else \
        ", ".join(f'"{c}"' for c in chain.COLUMNS)
    marks = ", ".join([database.param] * len(case_ids))
    rows = database.execute_sql(
        f"SELECT id, field, old_value, new_value, note, {content} FROM event WHERE "
        f"complaint_id IN ({marks}) AND original_digest = ''", tuple(case_ids)).fetchall()
    changes = [change for row in rows if (change := _removed_texts(row, sqlite))]
    if changes:
        mark = database.param
        database.cursor().executemany(
            f"UPDATE event SET old_value = {mark}, new_value = {mark}, note = {mark}, "
            f"original_digest = {mark} WHERE id = {mark}", changes)
    return len(changes)


def _removed_texts(row: tuple[Any, ...], sqlite: bool) -> tuple[Any, ...] | None:
    """(old, new, note, digest, id) with the free texts removed, or None when the event
    holds none."""
    event_id, field, old, new, note = row[:5]
    keep = field in KEPT_FIELDS
    values = [value if keep or not value else REMOVED for value in (old, new)]
    values.append(REMOVED if note else note)
    if values == [old, new, note]:
        return None
    content = bytes(row[5]) if sqlite else chain.content(row[5:])
    return (*values, hashlib.sha256(content).hexdigest(), event_id)


def _texts_and_files(case_ids: Sequence[int]) -> int:
    """The free texts of the cases and what hangs off them; returns the files emptied."""
    for model, columns in _TEXTS:
        key = model.id if model is Complaint else model.complaint
        # One statement per table: the search index's trigger rewrites a case's row once.
        fields = [getattr(model, column) for column in columns]
        model.update({field: Case(None, [(field != "", REMOVED)], field) for field in fields}
                     ).where(key.in_(case_ids)).execute()
    offers = CompensationOffer.select(CompensationOffer.id).where(
        CompensationOffer.complaint.in_(case_ids))
    Payment.update(note=REMOVED).where(Payment.offer.in_(offers) & (Payment.note != "")
                                       ).execute()
    files = Attachment.select(Attachment.id).where(Attachment.complaint.in_(case_ids))
    return AttachmentData.update(data=b"").where(AttachmentData.attachment.in_(files)).execute()


def _note(ids: list[int], reason: str, actor: User | None, now: datetime) -> None:
    """Each case's timeline says its personal data was removed, and why; its version moves on,
    so a window showing it reads it again."""
    actor_id = actor.id if actor else None
    for chunk in _chunks(ids):
        versions: dict[int, int] = dict(cast(TupleRows, Complaint.select(
            Complaint.id, Complaint.version).where(Complaint.id.in_(chunk)).tuples()))
        Complaint.update(version=Complaint.version + 1, updated_at=now).where(
            Complaint.id.in_(chunk)).execute()
        audit.append([(case_id, now, actor_id, "personal_data", "personal_data", "", reason,
                       "", versions[case_id] + 1) for case_id in chunk], actor=actor)
