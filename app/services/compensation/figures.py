"""Compensation in figures: the approval queue, totals, and what similar cases received."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast

from peewee import JOIN, SQL, Case, fn

from app.errors import NotFoundError
from app.i18n import Text
from app.models import CompensationOffer, Complaint, Customer, Payment, TupleRows, User
from app.services.casework.view import CaseDetails
from app.services.compensation.offers import case_total_fen
from app.services.text import as_datetime, iso


@dataclass(frozen=True)
class OfferRow:
    """An offer as the approvals queue and `compensation list` show it."""

    id: int
    case_id: int
    number: str
    customer: str
    kind: str
    amount_fen: int
    status: str
    counter_fen: int | None
    requester: str
    reason: str
    decision_reason: str
    created_at: datetime
    paid_fen: int | None = None  # None until it is paid
    paid_at: datetime | None = None
    paid_how: str = ""
    paid_ref: str = ""

    def to_json(self) -> dict[str, object]:
        """The offer with stable English keys; amounts in yuan."""
        return {"id": self.id, "number": self.number, "customer": self.customer,
                "kind": self.kind, "amount": self.amount_fen / 100, "status": self.status,
                "counter": self.counter_fen / 100 if self.counter_fen else None,
                "requester": self.requester, "reason": self.reason,
                "decision_reason": self.decision_reason, "created_at": iso(self.created_at),
                "paid": self.paid_fen / 100 if self.paid_fen is not None else None,
                "paid_at": iso(self.paid_at), "paid_how": self.paid_how or None,
                "paid_ref": self.paid_ref or None}


@dataclass(frozen=True)
class CustomerHistory:
    """A customer's earlier cases and what they were given."""

    cases: tuple[tuple[str, datetime, str, int], ...]  # number, received, status, fen approved
    approved_fen: int


def offers(*, status: str | None = None, offer_id: int | None = None,
           limit: int = 1000) -> list[OfferRow]:
    """Offers (of one status, one offer, or all), oldest first."""
    query = (CompensationOffer
             .select(CompensationOffer.id, Complaint.id, Complaint.number, Customer.name,
                     CompensationOffer.kind, CompensationOffer.amount_fen,
                     CompensationOffer.status, CompensationOffer.counter_fen, User.display_name,
                     CompensationOffer.reason, CompensationOffer.decision_reason,
                     CompensationOffer.created_at, Payment.amount_fen, Payment.paid_at,
                     Payment.method, Payment.reference)
             .join(Complaint).join(Customer).switch(CompensationOffer)
             .join(User, on=(CompensationOffer.requester == User.id)).switch(CompensationOffer)
             .join(Payment, JOIN.LEFT_OUTER, on=(Payment.offer == CompensationOffer.id))
             .order_by(CompensationOffer.created_at, CompensationOffer.id).limit(limit))
    if status is not None:
        query = query.where(CompensationOffer.status == status)
    if offer_id is not None:
        query = query.where(CompensationOffer.id == offer_id)
    return [replace(OfferRow(*row[:12]), paid_fen=row[12], paid_at=as_datetime(row[13]),
                    paid_how=row[14] or "", paid_ref=row[15] or "")
            for row in cast(TupleRows, query.tuples())]


def waiting(*, limit: int = 500) -> list[OfferRow]:
    """Offers waiting for approval, oldest first."""
    return offers(status="proposed", limit=limit)


def waiting_count() -> int:
    """How many offers wait for a decision."""
    return CompensationOffer.select().where(CompensationOffer.status == "proposed").count()


def paid_fen(*, case_id: int) -> int:
    """What was paid out on one case, in fen."""
    query = (Payment.select(fn.COALESCE(fn.SUM(Payment.amount_fen), 0))
             .join(CompensationOffer).where(CompensationOffer.complaint == case_id))
    return int(query.scalar() or 0)


def approved_fen(*, case_id: int | None = None, customer_id: int | None = None) -> int:
    """What was approved for one case, or for all of one customer's cases, in fen."""
    query = (CompensationOffer.select(fn.COALESCE(fn.SUM(CompensationOffer.amount_fen), 0))
             .join(Complaint).where(CompensationOffer.status == "approved"))
    if case_id is not None:
        query = query.where(Complaint.id == case_id)
    if customer_id is not None:
        query = query.where(Complaint.customer == customer_id)
    return int(query.scalar() or 0)


def customer_history(customer_id: int, *, exclude_case: int | None = None,
                     limit: int = 20) -> CustomerHistory:
    """The customer's other cases, newest first, with what each received, and the total."""
    given = fn.COALESCE(fn.SUM(Case(None, [(CompensationOffer.status == "approved",
                                            CompensationOffer.amount_fen)], 0)), 0)
    query = (Complaint.select(Complaint.number, Complaint.received_at, Complaint.status, given)
             .join(CompensationOffer, JOIN.LEFT_OUTER,
                   on=(CompensationOffer.complaint == Complaint.id))
             .where((Complaint.customer == customer_id) & (Complaint.id != (exclude_case or 0)))
             .group_by(Complaint.id, Complaint.number, Complaint.received_at, Complaint.status)
             .order_by(Complaint.received_at.desc()).limit(limit).tuples())
    rows = tuple((number, as_datetime(received), status, int(fen))
                 for number, received, status, fen in cast(TupleRows, query))
    return CustomerHistory(rows, sum(row[3] for row in rows))


def category_average(category_id: int, *, exclude_case: int | None = None) -> tuple[int, int]:
    """Average approved compensation (fen) over cases of the category that received some,
    and how many such cases there are."""
    per_case = (CompensationOffer.select(fn.SUM(CompensationOffer.amount_fen).alias("total"))
                .join(Complaint)
                .where((CompensationOffer.status == "approved")
                       & (Complaint.category == category_id)
                       & (CompensationOffer.amount_fen > 0)
                       & (Complaint.id != (exclude_case or 0)))
                .group_by(Complaint.id))
    average, cases = cast(tuple[Any, Any], (
        CompensationOffer.select(fn.AVG(SQL("total")), fn.COUNT(SQL("*")))
        .from_(per_case.alias("per_case")).tuples().get()))
    return int(average or 0), int(cases or 0)


def monthly_totals(*, since: datetime | None = None) -> list[tuple[str, int]]:
    """Approved compensation per month of decision, as ("2026-03", fen), oldest first."""
    month = fn.SUBSTR(CompensationOffer.decided_at.cast("TEXT"), 1, 7)
    query = (CompensationOffer.select(month, fn.SUM(CompensationOffer.amount_fen))
             .where(CompensationOffer.status == "approved"))
    if since is not None:
        query = query.where(CompensationOffer.decided_at >= since)
    rows = query.group_by(SQL("1")).order_by(SQL("1")).tuples()
    return [(m, int(total)) for m, total in cast(TupleRows, rows)]


@dataclass(frozen=True)
class ApprovalView:
    """Everything the owner needs to decide on an offer, in one object."""

    offer: OfferRow
    description: str
    details: CaseDetails
    history: CustomerHistory
    similar_average_fen: int
    similar_cases: int
    approved_so_far_fen: int  # already given on this case
    case_total_fen: int  # approved and waiting on this case, this offer included


def approval_view(offer_id: int) -> ApprovalView:
    """The offer, its case, the customer's history and what similar cases received."""
    offer = _offer_row(offer_id)
    details = CaseDetails.load_id(offer.case_id)
    average, count = category_average(
        Complaint.get_by_id(offer.case_id).category_id, exclude_case=offer.case_id)
    return ApprovalView(
        offer=offer, description=CompensationOffer.get_by_id(offer_id).description,
        details=details,
        history=customer_history(details.customer_id, exclude_case=offer.case_id),
        similar_average_fen=average, similar_cases=count,
        approved_so_far_fen=approved_fen(case_id=offer.case_id),
        case_total_fen=case_total_fen(offer.case_id))


def _offer_row(offer_id: int) -> OfferRow:
    found = offers(offer_id=offer_id)
    if not found:
        raise NotFoundError(Text("There is no compensation offer {id}.",
                                 "没有编号为 {id} 的补偿方案。").format(id=offer_id))
    return found[0]
