"""A likely duplicate at intake: the same customer already has an open case of the same
category, received within the last days (a setting). The form says so before saving and
offers to add the new words to that case instead of opening another."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from app.errors import DeskError, InputError
from app.i18n import Text
from app.models import Category, Complaint, TupleRows, User, database_proxy
from app.services import audit, catalog, settings, vocabulary
from app.services.casework import cases
from app.services.customers import directory
from app.services.labels import OPEN_STATUSES
from app.services.permissions import Permission, require
from app.services.text import checked_text


@dataclass(frozen=True)
class OpenCase:
    """An open case the new complaint may repeat."""

    id: int
    number: str
    received_at: datetime
    status: str
    version: int
    description: str


def likely_duplicates(phone: str, category: str | Category, *, now: datetime) -> list[OpenCase]:
    """Open cases of the customer with this phone (and the records joined to them) in the
    same category, received within `intake.duplicate_days` before `now`, newest first; none
    while the phone or category is incomplete or unknown."""
    try:
        customer = directory.find_by_phone(phone)
        kind = category if isinstance(category, Category) else catalog.find(Category, category)
    except DeskError:
        return []
    if customer is None:
        return []
    since = now - timedelta(days=int(settings.get("intake.duplicate_days")))
    query = (Complaint.select(Complaint.id, Complaint.number, Complaint.received_at,
                              Complaint.status, Complaint.version, Complaint.description)
             .where(Complaint.customer.in_(directory.records_of(customer.id))
                    & (Complaint.category == kind.id)
                    & Complaint.status.in_(OPEN_STATUSES) & (Complaint.received_at >= since))
             .order_by(Complaint.received_at.desc()).tuples())
    return [OpenCase(*row) for row in cast(TupleRows, query)]


def add_words(case_id: int, *, description: str, wish: str, actor: User,
              now: datetime) -> Complaint:
    """Adds what the customer said again (and wants) to the open case's timeline instead of
    recording a new case: the customer's own words are kept, and the case stays one.

    It changes no field of the case, so no version is expected.
    """
    require(actor, Permission.WORK_CASES)
    words = checked_text(description, field="description", max_length=5000, required=True,
                         label=vocabulary.label("description"))
    wanted = checked_text(wish, field="wish", max_length=2000,
                          label=vocabulary.label("wish"))
    with database_proxy.atomic():
        case = cases.for_change(case_id)
        if case.status not in OPEN_STATUSES:
            raise InputError(Text("{number} is no longer open: record a new complaint.",
                                  "投诉 {number} 已不在处理中，请受理新投诉。")
                             .format(number=case.number))
        audit.record(case, actor, now, kind="note", field="called_again", new=words,
                     note=wanted, version=case.version)
    return Complaint.get_by_id(case.id)
