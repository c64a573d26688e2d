"""Compensation in a period: proposed, approved, refused and countered (offers, cases and
amounts), approved by kind, the largest offers, and what was paid.

Proposals count by when they were made; decisions by when they were decided. A figure's door
opens the cases holding such offers, so its case count is what the register shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import fn

from app.models import (
    CompensationOffer,
    Complaint,
    Customer,
    Payment,
    TupleRows,
    database_proxy,
)
from app.services.analysis.filters import Filters
from app.services.analysis.period import Period
from app.services.analysis.slices import OFFER_KIND, Slice
from app.services.analysis.sql import count_all
from app.services.analysis.tally import Figure, one_row

STATUSES = ("proposed", "approved", "refused", "countered")
LARGEST = 10


@dataclass(frozen=True)
class KindRow:
    """Approved compensation of one kind."""

    kind: str
    offers: int
    cases: int
    amount_fen: int
    door: Slice


@dataclass(frozen=True)
class LargeOffer:
    """One of the largest approved offers of the period."""

    case_id: int
    number: str
    customer: str
    kind: str
    amount_fen: int
    decided_at: datetime | None


def _moment(status: str) -> Any:
    return CompensationOffer.created_at if status == "proposed" else CompensationOffer.decided_at


def _offers(period: Period, filters: Filters, status: str) -> list[Any]:
    moment = _moment(status)
    conditions = [moment >= period.start, moment < period.end, *filters.conditions()]
    if status != "proposed":
        conditions.append(CompensationOffer.status == status)
    return conditions


def figures(period: Period, filters: Filters, *, statuses: tuple[str, ...] = STATUSES,
            ) -> dict[str, Figure]:
    """For each status: `compensation_<status>_count` (offers), `…_cases` and `…_amount` (fen;
    a counter-offer's amount is what was offered back)."""
    found: dict[str, Figure] = {}
    for status in statuses:
        amount = CompensationOffer.counter_fen if status == "countered" \
            else CompensationOffer.amount_fen
        offers, cases, fen = one_row(
            CompensationOffer.select(count_all(),
                                     fn.COUNT(CompensationOffer.complaint.distinct()),
                                     fn.SUM(amount))
            .join(Complaint).where(*_offers(period, filters, status)))
        door = Slice(f"offer_{status}", period.first, period.last)
        base = f"compensation_{status}"
        found[f"{base}_count"] = Figure(f"{base}_count", int(offers or 0), door, int(cases or 0))
        found[f"{base}_cases"] = Figure(f"{base}_cases", int(cases or 0), door, int(cases or 0))
        found[f"{base}_amount"] = Figure(f"{base}_amount", int(fen or 0), door, int(cases or 0))
    found["compensation_paid_amount"] = paid_figure(period, filters)
    return found


def by_kind(period: Period, filters: Filters) -> list[KindRow]:
    """Approved compensation per kind, largest amount first."""
    select = (CompensationOffer
              .select(CompensationOffer.kind, count_all(),
                      fn.COUNT(CompensationOffer.complaint.distinct()),
                      fn.SUM(CompensationOffer.amount_fen))
              .join(Complaint).where(*_offers(period, filters, "approved"))
              .group_by(CompensationOffer.kind))
    door = Slice("offer_approved", period.first, period.last)
    rows = [KindRow(kind, int(offers), int(cases), int(fen or 0), door.narrowed(OFFER_KIND, kind))
            for kind, offers, cases, fen in database_proxy.obj.execute(select).fetchall()]
    return sorted(rows, key=lambda row: (-row.amount_fen, row.kind))


def largest(period: Period, filters: Filters, *, limit: int = LARGEST) -> list[LargeOffer]:
    """The largest offers approved in the period."""
    select = (CompensationOffer
              .select(Complaint.id, Complaint.number, Customer.name, CompensationOffer.kind,
                      CompensationOffer.amount_fen, CompensationOffer.decided_at)
              .join(Complaint).join(Customer)
              .where(*_offers(period, filters, "approved"))
              .order_by(CompensationOffer.amount_fen.desc(), CompensationOffer.id).limit(limit))
    return [LargeOffer(*row) for row in cast(TupleRows, select.tuples())]


def paid_figure(period: Period, filters: Filters) -> Figure:
    """What was paid or handed over in the period (fen), by the day it was paid; its door
    opens the cases those payments were for."""
    fen, cases = one_row(
        Payment.select(fn.SUM(Payment.amount_fen),
                       fn.COUNT(CompensationOffer.complaint.distinct()))
        .join(CompensationOffer).join(Complaint)
        .where(Payment.paid_at >= period.start, Payment.paid_at < period.end,
               *filters.conditions()))
    door = Slice("offer_paid", period.first, period.last)
    return Figure("compensation_paid_amount", int(fen or 0), door, int(cases or 0))
