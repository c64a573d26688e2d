"""The twelve months up to a period's end: cases received and decisions on time, per month."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from app.models import Complaint
from app.services.analysis.filters import Filters
from app.services.analysis.period import Period
from app.services.analysis.slices import Slice
from app.services.analysis.sql import month_of
from app.services.analysis.tally import grouped, percent, when

MONTHS = 12


@dataclass(frozen=True)
class TrendPoint:
    """One month of the trend."""

    month: Period
    received: int
    decided: int
    late: int
    door: Slice  # the cases received that month
    late_door: Slice

    @property
    def on_time_pct(self) -> float | None:
        """Decisions made that month on time, in percent."""
        return percent(self.decided - self.late, self.decided)

    def to_json(self) -> dict[str, object]:
        """The month with stable English keys."""
        return {"month": self.month.code(), "received": self.received, "decided": self.decided,
                "decided_late": self.late, "decision_on_time_pct": self.on_time_pct}


def trend(period: Period, filters: Filters, *, months: int = MONTHS) -> list[TrendPoint]:
    """The `months` calendar months ending with the one the period ends in, oldest first."""
    last = Period.containing(period.last)
    span = [last.shifted(-back) for back in range(months - 1, -1, -1)]
    whole_received = Slice("received", span[0].first, span[-1].last)
    whole_decided = Slice("decided", span[0].first, span[-1].last)
    received = dict(grouped(whole_received, filters, month_of(Complaint.received_at)))
    late = Slice("decided_late", span[0].first, span[-1].last)
    decided = {month: (n, int(lates or 0)) for month, n, lates in
               grouped(whole_decided, filters, month_of(Complaint.resolved_at),
                       fn.SUM(when(late.condition())))}
    points = []
    for month in span:
        made, lates = decided.get(month.code(), (0, 0))
        points.append(TrendPoint(month, int(received.get(month.code(), 0)), made, lates,
                                 Slice("received", month.first, month.last),
                                 Slice("decided_late", month.first, month.last)))
    return points
