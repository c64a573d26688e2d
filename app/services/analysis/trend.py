"""The twelve months up to a period's end: cases received and decisions on time, per month."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.analysis.filters import Filters
from app.services.analysis.period import Period
from app.services.analysis.slices import Slice
from app.services.analysis.tally import count, percent, tally

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
    """The `months` calendar months ending with the one the period ends in, oldest first.

    Each month is counted over its own index range (a dozen small counts are several times
    faster than grouping a year of cases by month), as the slices its bars open.
    """
    last = Period.containing(period.last)
    points = []
    for back in range(months - 1, -1, -1):
        month = last.shifted(-back)
        received = Slice("received", month.first, month.last)
        decided = {kind: Slice(kind, month.first, month.last)
                   for kind in ("decided", "decided_late")}
        made = tally(decided, filters, decided["decided"].condition())
        points.append(TrendPoint(month, count(received, filters), made["decided"],
                                 made["decided_late"], received, decided["decided_late"]))
    return points
