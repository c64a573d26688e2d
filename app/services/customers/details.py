"""One customer as the desk knows them: their details, the records joined into them, their
cases; correcting the details on request, with every change recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import InputError, NotFoundError, RuleError
from app.i18n import Text
from app.models import Complaint, Customer, User, database_proxy
from app.services import audit, vocabulary
from app.services.customers import directory
from app.services.customers.directory import EarlierCase
from app.services.permissions import Permission, require
from app.services.text import checked_text, normalize_phone


@dataclass(frozen=True)
class CustomerRecord:
    """A customer and everything the desk holds under them."""

    id: int
    name: str
    phone: str
    address: str
    other_phones: tuple[str, ...]  # of the records joined into this one
    cases: tuple[EarlierCase, ...]  # every case, newest first
    removed: bool  # the personal data was removed (retention or erasure)

    def to_json(self) -> dict[str, Any]:
        """The customer with stable English keys."""
        return {"name": self.name, "phone": self.phone, "address": self.address,
                "other_phones": list(self.other_phones), "removed": self.removed,
                "cases": [{"number": c.number, "received_at": c.received_at.isoformat(" "),
                           "status": c.status, "description": c.description}
                          for c in self.cases]}


def customer_by_phone(phone: str) -> Customer:
    """The customer kept for this phone (a joined record leads to the one kept).

    Raises:
        NotFoundError: no customer has it.
    """
    customer = directory.find_by_phone(phone)
    if customer is None:
        raise NotFoundError(Text("No customer has the phone number {phone}.",
                                 "没有电话号码为 {phone} 的客户。").format(phone=phone),
                            field="phone")
    return customer


def describe(customer_id: int) -> CustomerRecord:
    """The customer `customer_id` (or the one it was joined to), with all their cases."""
    records = directory.records_of(customer_id)
    kept = Customer.get_by_id(records[0])
    others = tuple(Customer.get_by_id(other).phone for other in records[1:])
    cases = tuple(directory.earlier_cases(kept.id, limit=10_000))
    return CustomerRecord(kept.id, kept.name, kept.phone, kept.address, others, cases,
                          kept.redacted_at is not None)


def correct(customer_id: int, *, actor: User, now: datetime, name: str | None = None,
            address: str | None = None, phone: str | None = None) -> Customer:
    """Corrects the customer's details on their request; each change is an event on their
    newest case still holding personal data (so it goes when that case's data goes).

    Raises:
        InputError: a detail that cannot be kept, or a phone another customer has.
        RuleError: the customer's personal data was removed.
    """
    require(actor, Permission.WORK_CASES)
    wanted = _checked(name, address, phone)
    with database_proxy.atomic():
        customer = Customer.get_by_id(customer_id)
        case = _newest_kept_case(customer)
        changes = [(column, getattr(customer, column), value)
                   for column, value in wanted.items() if value != getattr(customer, column)]
        if "phone" in wanted:
            _phone_free(wanted["phone"], customer)
        for column, old, new in changes:
            audit.record(case, actor, now, kind="customer", field=f"customer.{column}",
                         old=old, new=new, version=case.version)
        if changes:
            Customer.update(**{c: new for c, _, new in changes}, updated_at=now).where(
                Customer.id == customer.id).execute()
    return Customer.get_by_id(customer_id)


def _checked(name: str | None, address: str | None, phone: str | None) -> dict[str, str]:
    wanted: dict[str, str] = {}
    if name is not None:
        wanted["name"] = checked_text(name, field="customer_name", max_length=60,
                                      required=True, label=vocabulary.label("customer_name"))
    if address is not None:
        wanted["address"] = checked_text(address, field="address", max_length=200,
                                         label=vocabulary.label("address"))
    if phone is not None:
        wanted["phone"] = normalize_phone(phone)
    return wanted


def _newest_kept_case(customer: Customer) -> Complaint:
    case = (Complaint.select().where((Complaint.customer == customer.id)
                                     & Complaint.redacted_at.is_null())
            .order_by(Complaint.received_at.desc(), Complaint.id.desc()).first())
    if customer.redacted_at is not None or case is None:
        raise RuleError(Text("This customer's personal data was removed: there is nothing "
                             "to correct.", "该客户的个人信息已删除，无可更正。"))
    return case


def _phone_free(phone: str, customer: Customer) -> None:
    other = Customer.get_or_none((Customer.phone == phone) & (Customer.id != customer.id))
    if other is not None:
        raise InputError(Text("{phone} is the phone of another customer ({name}): if they are "
                              "the same person, join the two customers instead.",
                              "{phone} 是另一位客户（{name}）的电话：如是同一人，请合并两位客户。")
                         .format(phone=phone, name=other.name), field="phone")
