"""Joining customers and erasing one: the same person under two phones or spellings becomes
one customer (their cases show as one history); a customer's personal data is erased on
their request, at the owner's decision, as retention would remove it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.errors import RuleError
from app.i18n import Text
from app.models import Complaint, Customer, User, database_proxy
from app.services import audit
from app.services.customers import directory, redaction
from app.services.labels import STATUSES
from app.services.permissions import Permission, require


def join(kept_id: int, joined_id: int, *, actor: User, now: datetime) -> Customer:
    """Joins the customer `joined_id` (and any record joined to it) into `kept_id`: each keeps
    its phone and cases, a lookup of either phone finds the kept one, and their cases are one
    history. The join is an event of the desk (naming the records, not their details).

    Raises:
        AccessError: not a manager or the owner.
        RuleError: the same customer already, or one whose personal data was removed.
    """
    require(actor, Permission.MERGE)
    with database_proxy.atomic():
        kept = Customer.get_by_id(directory.person_of(kept_id))
        joined = Customer.get_by_id(directory.person_of(joined_id))
        if kept.id == joined.id:
            raise RuleError(Text("These are already the same customer.", "这已是同一位客户。"))
        if kept.redacted_at is not None or joined.redacted_at is not None:
            raise RuleError(Text("A customer whose personal data was removed cannot be "
                                 "joined.", "个人信息已删除的客户不能合并。"))
        Customer.update(joined_to=kept.id, updated_at=now).where(
            (Customer.id == joined.id) | (Customer.joined_to == joined.id)).execute()
        audit.record(None, actor, now, kind="customer", field="customer.joined",
                     old=str(joined.id), new=str(kept.id))
    return kept


@dataclass(frozen=True)
class Erasure:
    """A customer's erasure: how many cases and records lost their personal data."""

    cases: int
    removal: redaction.Removal


def erase(customer_id: int, *, actor: User, now: datetime) -> Erasure:
    """Removes the personal data of the customer (every record joined into one) and of all
    their cases, as retention does; an event of the desk records it (by record id).

    Raises:
        AccessError: anyone but the owner.
        RuleError: a case of theirs is still open or on legal hold (it still needs them).
    """
    require(actor, Permission.REMOVE_PERSONAL_DATA)
    records = directory.records_of(customer_id)
    cases = list(Complaint.select().where(Complaint.customer.in_(records)))
    merged = list(Complaint.select().where(Complaint.merged_into.in_([c.id for c in cases])))
    for case in cases + merged:
        _erasable(case)
    removal = redaction.remove([c.id for c in cases + merged], reason="erasure", actor=actor,
                               now=now, customers=records)
    audit.record(None, actor, now, kind="personal_data", field="customer.erased",
                 old=",".join(map(str, records)), new=str(removal.cases))
    return Erasure(removal.cases, removal)


def _erasable(case: Complaint) -> None:
    survivor = Complaint.get_by_id(case.merged_into_id) if case.merged_into_id else case
    if survivor.status != "closed" or survivor.legal_hold or case.legal_hold:
        why = (Text("on legal hold", "处于法律保全") if survivor.legal_hold or case.legal_hold
               else STATUSES[survivor.status])
        raise RuleError(Text("{number} is {why}: it still needs the customer's details. "
                             "Erase them once it is closed (and the hold lifted).",
                             "投诉 {number} {why}，仍需客户信息。请在结案（并解除保全）后再删除。")
                        .format(number=survivor.number, why=why))
