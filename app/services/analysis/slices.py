"""Every countable figure as a named set of cases: the drill-down by construction.

A `Slice` is a kind of figure ("decided late", "reopened", "received") over a period,
optionally narrowed to one value of a dimension (a category, a root cause, a department
at fault …). Its `condition()` is one SQL predicate over the case table. The figures count
`COUNT(*)` of cases under it, and the register lists cases under the very same predicate,
so the count a figure shows is the count the register finds when the figure is clicked.

What happened *when* comes from the case's own columns where they keep it (received,
decided, closed), and from the event log where only the log does (reopened, extended,
paused, a review asked for, a satisfaction score recorded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from peewee import SQL, Expression, fn

from app.models import CompensationOffer, Complaint, Event, FollowUp, Payment
from app.services.analysis.period import add_months
from app.services.analysis.sql import days_between
from app.services.labels import OPEN_STATUSES

LOW_SCORE = 2  # satisfaction 1–5: a 1 or a 2 is a customer we did not win back
REPEAT_MONTHS = 12
REPEAT_CASES = 2

# Dimensions a slice can be narrowed by, and the case column each one reads (Any: peewee's
# stubs type a model's columns as their Python values).
DIMENSIONS: dict[str, Any] = {
    "category": Complaint.category,
    "root_cause": Complaint.root_cause,
    "fault_department": Complaint.fault_department,
    "department": Complaint.department,
    "handler": Complaint.handler,
    "channel": Complaint.channel,
    "reference": Complaint.reference,
}
TEXT_DIMENSIONS = ("channel", "reference")
OFFER_KIND = "offer_kind"  # narrows an offer slice to one kind of compensation
DECISION_DAYS = "decision_days"  # narrows decided cases to a band of days: "16-30", "61-"


def days_to_decision() -> Any:
    """Calendar days from the day a case was received to the day it was decided."""
    return days_between(Complaint.received_at, Complaint.resolved_at)


def _days_band(band: str) -> Expression:
    low, _, high = band.partition("-")
    condition = days_to_decision() >= int(low or 0)
    return condition & (days_to_decision() <= int(high)) if high else condition


@dataclass(frozen=True)
class Slice:
    """The cases behind one figure: a kind, its period, and optionally one dimension value.

    `now` matters only to the kinds that look at what is overdue at a moment.
    """

    kind: str
    first: date | None = None
    last: date | None = None
    now: datetime | None = None
    dimension: str = ""
    value: int | str | None = None

    @property
    def start(self) -> datetime:
        """The first moment counted."""
        return datetime.combine(self.first or date(1900, 1, 1), datetime.min.time())

    @property
    def end(self) -> datetime:
        """The first moment no longer counted."""
        last = self.last or date(9999, 12, 30)
        return datetime.combine(last + timedelta(days=1), datetime.min.time())

    def narrowed(self, dimension: str, value: int | str | None) -> Slice:
        """The same slice limited to cases whose `dimension` is `value` (None: not filled)."""
        return replace(self, dimension=dimension, value=value)

    def condition(self) -> Expression:
        """The SQL predicate over `complaint` that selects the slice's cases (never a
        duplicate merged into another case: the pair counts once, as the case kept)."""
        base = _KINDS[self.kind](self) & counted()
        if self.dimension and self.dimension != OFFER_KIND:
            base = base & _dimension(self.dimension, self.value)
        return base


def counted(case: Any = Complaint) -> Expression:
    """The cases the figures count: all but duplicates merged into another case."""
    return case.status != "merged"


def _between(column: Any, piece: Slice) -> Expression:
    return (column >= piece.start) & (column < piece.end)


def _received(piece: Slice) -> Expression:
    return _between(Complaint.received_at, piece)


def _decided(piece: Slice) -> Expression:
    # A decision stamps resolved_at and reopening clears it, so the stamp alone says the
    # case stands decided (and its index finds a period's decisions).
    return _between(Complaint.resolved_at, piece)


def _late() -> Expression:
    return Complaint.resolution_due.is_null(False) & (Complaint.resolved_at
                                                      > Complaint.resolution_due)


def decided_late() -> Expression:
    """Decided (at any time) after the decision deadline: the register's "decided late"."""
    return Complaint.resolved_at.is_null(False) & _late()


def _not_upheld() -> Expression:
    # A "not upheld" case keeps its reasoned answer when closed; an upheld one its resolution.
    return ((Complaint.status == "rejected")
            | ((Complaint.status == "closed") & (Complaint.answer != "")
               & (Complaint.resolution == "")))


def _open_at_end(piece: Slice) -> Expression:
    # Open then: received before the end and not decided before it. Cases imported already
    # decided have no decision time and count as decided.
    # Written as two branches so each finds its cases through its own index.
    before = Complaint.received_at < piece.end
    return ((Complaint.status.in_(OPEN_STATUSES) & before)
            | ((Complaint.resolved_at >= piece.end) & before))


def _risky() -> Expression:
    return Complaint.flag_group | Complaint.flag_risk | (Complaint.severity == "critical")


def _first_answer_on_time(piece: Slice) -> Expression:
    return (_received(piece) & Complaint.first_response_at.is_null(False)
            & Complaint.first_response_due.is_null(False)
            & (Complaint.first_response_at <= Complaint.first_response_due))


def _first_answer_late(piece: Slice) -> Expression:
    now = piece.now or piece.end
    unanswered = (Complaint.first_response_at.is_null() & Complaint.status.in_(OPEN_STATUSES)
                  & (Complaint.first_response_due < now))
    return (_received(piece) & Complaint.first_response_due.is_null(False)
            & ((Complaint.first_response_at > Complaint.first_response_due) | unanswered))


def _overdue_now(piece: Slice) -> Expression:
    now = piece.now or piece.end
    return (Complaint.status.in_(OPEN_STATUSES) & Complaint.clock_paused_at.is_null()
            & (Complaint.resolution_due < now))


def _events(piece: Slice, condition: Expression) -> Expression:
    """Cases with an event matching `condition` inside the period."""
    return Complaint.id.in_(Event.select(Event.complaint)
                            .where(condition & _between(Event.at, piece)))


def _reopening() -> Expression:
    return (Event.field == "status") & (Event.new_value == "reopened")


def _reopened(piece: Slice) -> Expression:
    return _events(piece, _reopening())


def _review(piece: Slice) -> Expression:
    # A review (核查) reopens the case and sets a new decision deadline in the same write:
    # both events carry the case version that write produced. A join, not EXISTS, so the
    # deadline is looked for only beside the period's reopenings.
    deadline = Event.alias("deadline")
    reviews = (Event.select(Event.complaint)
               .join(deadline, on=((deadline.complaint == Event.complaint)
                                   & (deadline.case_version == Event.case_version)
                                   & (deadline.field == "resolution_due")))
               .where(_reopening() & _between(Event.at, piece)))
    return Complaint.id.in_(reviews)


def _offers(status: str | None) -> Callable[[Slice], Expression]:
    def build(piece: Slice) -> Expression:
        moment = CompensationOffer.created_at if status is None else CompensationOffer.decided_at
        condition = _between(moment, piece)
        if status is not None:
            condition &= CompensationOffer.status == status
        if piece.dimension == OFFER_KIND:
            condition &= CompensationOffer.kind == piece.value
        return Complaint.id.in_(CompensationOffer.select(CompensationOffer.complaint)
                                .where(condition))
    return build


def _paid(piece: Slice) -> Expression:
    # Cases of which an offer was paid or handed over in the period (by the day it was).
    condition = _between(Payment.paid_at, piece)
    if piece.dimension == OFFER_KIND:
        condition &= CompensationOffer.kind == piece.value
    return Complaint.id.in_(CompensationOffer.select(CompensationOffer.complaint)
                            .join(Payment).where(condition))


def _scored(piece: Slice) -> Expression:
    return Complaint.satisfaction.is_null(False) & _events(piece, Event.field == "satisfaction")


def _callbacks(done: bool) -> Callable[[Slice], Expression]:
    def build(piece: Slice) -> Expression:
        condition = (FollowUp.kind == "callback") & _between(FollowUp.due_at, piece)
        if done:
            condition &= FollowUp.done_at.is_null(False)
        return Complaint.id.in_(FollowUp.select(FollowUp.complaint).where(condition))
    return build


def repeat_window(piece: Slice) -> tuple[datetime, datetime]:
    """The twelve months up to the end of the period, in which repeat customers are counted."""
    return (datetime.combine(add_months(piece.end.date(), -REPEAT_MONTHS), datetime.min.time()),
            piece.end)


def _repeat(piece: Slice) -> Expression:
    # The period's cases whose customer complained at least once more within the twelve
    # months up to the period's end: customers who come back, and what brought them.
    since, until = repeat_window(piece)
    other = Complaint.alias("other")
    again = (other.select(SQL("1"))
             .where((other.customer == Complaint.customer) & (other.id != Complaint.id)
                    & counted(other)
                    & (other.received_at >= since) & (other.received_at < until)))
    return _received(piece) & fn.EXISTS(again)


def _dimension(dimension: str, value: int | str | None) -> Expression:
    if dimension == DECISION_DAYS:
        return _days_band(str(value))
    column = DIMENSIONS[dimension]
    if value is None or value == "":
        return (column.is_null() | (column == "")) if dimension in TEXT_DIMENSIONS \
            else column.is_null()
    return column == value


_KINDS = {
    "received": _received,
    "decided": _decided,
    "decided_on_time": lambda p: _decided(p) & ~_late(),
    "decided_late": lambda p: _decided(p) & _late(),
    "closed": lambda p: _between(Complaint.closed_at, p),  # reopening clears closed_at
    "open_at_end": _open_at_end,
    "open_risky": lambda p: _open_at_end(p) & _risky(),
    "reopened": _reopened,
    "group": lambda p: _received(p) & Complaint.flag_group,
    "risk": lambda p: _received(p) & Complaint.flag_risk,
    "first_answer_on_time": _first_answer_on_time,
    "first_answer_late": _first_answer_late,
    "overdue_now": _overdue_now,
    "extended": lambda p: _events(p, (Event.field == "resolution_due")
                                  & (Event.kind == "extension")),
    "paused": lambda p: _events(p, (Event.field == "clock_paused_at") & (Event.new_value != "")),
    "upheld": lambda p: _decided(p) & ~_not_upheld(),
    "not_upheld": lambda p: _decided(p) & _not_upheld(),
    "review": _review,
    "offer_proposed": _offers(None),
    "offer_approved": _offers("approved"),
    "offer_refused": _offers("refused"),
    "offer_countered": _offers("countered"),
    "offer_paid": _paid,
    "scored": _scored,
    "low_score": lambda p: _scored(p) & (Complaint.satisfaction <= LOW_SCORE),
    "callback_due": _callbacks(False),
    "callback_done": _callbacks(True),
    "repeat": _repeat,
}
KINDS = tuple(_KINDS)
