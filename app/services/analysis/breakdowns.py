"""A table per handling department and per handler: cases, decisions on time, median
business days, overdue now and average satisfaction — who keeps the promises, and where
the work piles up."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from app.i18n import Text
from app.models import Complaint
from app.services.analysis.filters import Filters
from app.services.analysis.names import value_name
from app.services.analysis.pareto import codes_of
from app.services.analysis.period import Period
from app.services.analysis.slices import DIMENSIONS, Slice
from app.services.analysis.tally import decision_days, grouped, percent, when
from app.services.analysis.timeliness import business_days_counter, percentiles

TEAMS = ("department", "handler")


@dataclass(frozen=True)
class TeamRow:
    """One department's or handler's figures; each count opens its own cases."""

    code: str
    name: Text
    received: int
    decided: int
    late: int
    on_time_pct: float | None
    median_days: float | None
    overdue_now: int
    satisfaction_avg: float | None
    door: Slice  # the cases received in the period
    late_door: Slice
    overdue_door: Slice

    def to_json(self) -> dict[str, object]:
        """The row with stable English keys."""
        return {"code": self.code, "name": self.name.en, "name_zh": self.name.zh,
                "cases": self.received, "decided": self.decided, "decided_late": self.late,
                "on_time_pct": self.on_time_pct, "median_days": self.median_days,
                "overdue_now": self.overdue_now, "satisfaction_avg": self.satisfaction_avg}


def team_table(dimension: str, period: Period, filters: Filters, *, now: datetime,
               ) -> list[TeamRow]:
    """The table for `dimension` ("department" or "handler"), busiest first."""
    column = DIMENSIONS[dimension]

    def piece(kind: str) -> Slice:
        return Slice(kind, period.first, period.last, now=now)

    received = dict(grouped(piece("received"), filters, column))
    late = piece("decided_late")
    decided = {value: (n, int(lates or 0)) for value, n, lates in
               grouped(piece("decided"), filters, column, fn.SUM(when(late.condition())))}
    overdue = dict(grouped(piece("overdue_now"), filters, column))
    scores = {value: average for value, _, average in
              grouped(piece("scored"), filters, column, fn.AVG(Complaint.satisfaction))}
    medians = _medians(piece("decided"), filters, column)
    values = sorted(set(received) | set(decided) | set(overdue),
                    key=lambda v: (-received.get(v, 0), str(v)))
    codes = codes_of(dimension, values)
    rows = []
    for value in values:
        made, lates = decided.get(value, (0, 0))
        average = scores.get(value)
        rows.append(TeamRow(
            codes.get(value, ""), value_name(dimension, value), received.get(value, 0), made,
            lates, percent(made - lates, made), medians.get(value), overdue.get(value, 0),
            round(float(average), 2) if average is not None else None,
            piece("received").narrowed(dimension, value), late.narrowed(dimension, value),
            piece("overdue_now").narrowed(dimension, value)))
    return rows


def _medians(piece: Slice, filters: Filters, column: object) -> dict[object, float | None]:
    counter = business_days_counter()
    days: dict[object, list[tuple[int, int]]] = defaultdict(list)
    for group, first, last, n in decision_days(piece, filters, column):  # type: ignore[arg-type]
        days[group].append((counter.between(first, last), n))
    return {group: percentiles(pairs, 0.5)[0] for group, pairs in days.items()}
