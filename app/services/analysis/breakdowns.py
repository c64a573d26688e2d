"""A table per handling department and per handler: cases, decisions on time, median
business days, overdue now and average satisfaction — who keeps the promises, and where
the work piles up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import fn

from app.i18n import Text
from app.models import Complaint
from app.services.analysis.filters import Filters
from app.services.analysis.names import value_name
from app.services.analysis.pareto import codes_of
from app.services.analysis.period import Period
from app.services.analysis.slices import DIMENSIONS, Slice
from app.services.analysis.tally import DaysRows, decision_days, grouped_by, percent, when
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


@dataclass
class _Tally:
    """One department's or handler's counts while the groups are added up."""

    received: int = 0
    decided: int = 0
    late: int = 0
    overdue: int = 0
    scored: int = 0
    score_sum: int = 0
    days: list[tuple[int, int]] = field(default_factory=list)


TEAM_COLUMNS = (DIMENSIONS["department"], DIMENSIONS["handler"])


def team_days(period: Period, filters: Filters) -> DaysRows:
    """The period's decisions by department, handler, day received and day decided (the
    headline's median adds them all up, so one query serves both)."""
    return decision_days(Slice("decided", period.first, period.last), filters, TEAM_COLUMNS)


def team_tables(period: Period, filters: Filters, *, now: datetime,
                days: DaysRows | None = None) -> dict[str, list[TeamRow]]:
    """The department and handler tables, busiest first. The cases are grouped by department
    and handler together, once per figure, and each table adds up its side."""
    def piece(kind: str) -> Slice:
        return Slice(kind, period.first, period.last, now=now)

    both = TEAM_COLUMNS
    groups: dict[tuple, _Tally] = defaultdict(_Tally)
    for *key, n in grouped_by(piece("received"), filters, both):
        groups[tuple(key)].received = n
    late = piece("decided_late")
    for *key, n, lates in grouped_by(piece("decided"), filters, both,
                                     fn.SUM(when(late.condition()))):
        groups[tuple(key)].decided, groups[tuple(key)].late = n, int(lates or 0)
    for *key, n in grouped_by(piece("overdue_now"), filters, both):
        groups[tuple(key)].overdue = n
    for *key, n, total in grouped_by(piece("scored"), filters, both,
                                     fn.SUM(Complaint.satisfaction)):
        groups[tuple(key)].scored, groups[tuple(key)].score_sum = n, int(total or 0)
    counter = business_days_counter()
    for group, first, last, n in days if days is not None else team_days(period, filters):
        groups[group].days.append((counter.between(first, last), n))
    return {dimension: _table(dimension, side, groups, piece)
            for side, dimension in enumerate(TEAMS)}


def _table(dimension: str, side: int, groups: dict[tuple, _Tally], piece: Callable[[str], Slice],
           ) -> list[TeamRow]:
    sums: dict[Any, _Tally] = defaultdict(_Tally)
    for key, found in groups.items():
        total = sums[key[side]]
        total.received += found.received
        total.decided += found.decided
        total.late += found.late
        total.overdue += found.overdue
        total.scored += found.scored
        total.score_sum += found.score_sum
        total.days += found.days
    values = sorted(sums, key=lambda v: (-sums[v].received, str(v)))
    codes = codes_of(dimension, values)
    return [TeamRow(
        codes.get(value, ""), value_name(dimension, value), sums[value].received,
        sums[value].decided, sums[value].late,
        percent(sums[value].decided - sums[value].late, sums[value].decided),
        percentiles(sums[value].days, 0.5)[0], sums[value].overdue,
        round(sums[value].score_sum / sums[value].scored, 2) if sums[value].scored else None,
        piece("received").narrowed(dimension, value),
        piece("decided_late").narrowed(dimension, value),
        piece("overdue_now").narrowed(dimension, value)) for value in values]
