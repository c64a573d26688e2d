"""Customers, matched by phone so a repeat customer keeps one record and a history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from app.errors import DeskError
from app.models import Category, Complaint, Customer, TupleRows, User
from app.services import audit
from app.services.text import normalize_phone


@dataclass(frozen=True)
class EarlierCase:
    """One of a customer's earlier cases, as shown at intake."""

    number: str
    received_at: datetime
    status: str
    category_zh: str
    category_en: str
    description: str


@dataclass(frozen=True)
class KnownCustomer:
    """A customer found by phone at intake, with their earlier cases."""

    id: int
    name: str
    phone: str
    address: str
    earlier: tuple[EarlierCase, ...]


def find_by_phone(phone: str) -> Customer | None:
    """The customer with this phone number (typed in any common way), if known; a customer
    joined to another leads to the one kept."""
    customer = Customer.get_or_none(Customer.phone == normalize_phone(phone))
    if customer is not None and customer.joined_to_id is not None:
        return Customer.get_by_id(customer.joined_to_id)
    return customer


def person_of(customer_id: int) -> int:
    """The customer kept for `customer_id`: itself, or the one it was joined to."""
    joined = Customer.select(Customer.joined_to).where(Customer.id == customer_id).scalar()
    return int(joined or customer_id)


def same_person(first: int, second: int) -> bool:
    """True when two customers are the same one, or joined into the same one."""
    return first == second or person_of(first) == person_of(second)


def records_of(customer_id: int) -> list[int]:
    """The customer kept for `customer_id` and every customer joined to it: one person."""
    kept = person_of(customer_id)
    joined = Customer.select(Customer.id).where(Customer.joined_to == kept)
    return [kept, *(row.id for row in joined.order_by(Customer.id))]


def lookup(phone: str) -> KnownCustomer | None:
    """The known customer for a phone being typed; None while it is incomplete or new."""
    try:
        customer = find_by_phone(phone)
    except DeskError:
        return None
    if customer is None:
        return None
    return KnownCustomer(customer.id, customer.name, customer.phone, customer.address,
                         tuple(earlier_cases(customer.id)))


def match_or_create(*, name: str, phone: str, address: str, now: datetime) -> Customer:
    """The customer with this phone, created if new. Details given are kept up to date."""
    digits = normalize_phone(phone)
    customer = Customer.get_or_none(Customer.phone == digits)
    if customer is None:
        return Customer.create(name=name, phone=digits, address=address,
                               created_at=now, updated_at=now)
    return customer


def update_details(
    customer: Customer, *, name: str, address: str, actor: User | None, now: datetime,
    complaint: Complaint | None = None,
) -> None:
    """Records a changed name or address on the customer, noting it on the case's timeline."""
    changes = [
        (field, getattr(customer, field), value)
        for field, value in (("name", name), ("address", address))
        if value and value != getattr(customer, field)
    ]
    for field, old, new in changes:
        setattr(customer, field, new)
        audit.record(complaint, actor, now, kind="customer", field=f"customer.{field}",
                     old=old, new=new)
    if changes:
        customer.updated_at = now
        customer.save()


def earlier_cases(customer_id: int, *, limit: int = 20) -> list[EarlierCase]:
    """The customer's cases (under every record joined into one), newest first."""
    query = (
        Complaint.select(Complaint.number, Complaint.received_at, Complaint.status,
                         Category.name_zh, Category.name_en, Complaint.description)
        .join(Category)
        .where(Complaint.customer.in_(records_of(customer_id)))
        .order_by(Complaint.received_at.desc(), Complaint.id.desc())
        .limit(limit)
        .tuples()
    )
    return [EarlierCase(*row) for row in cast(TupleRows, query)]
