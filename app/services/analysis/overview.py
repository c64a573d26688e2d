"""Everything the analysis shows for a period, gathered once for the window, the review
pack, the Excel workbook and `report --json` alike."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from app.models import User
from app.services.analysis import money
from app.services.analysis.breakdowns import TeamRow, team_days, team_tables
from app.services.analysis.figures import Figures, headline
from app.services.analysis.filters import Filters, scoped
from app.services.analysis.pareto import Pareto, pareto
from app.services.analysis.period import Period
from app.services.analysis.tally import DaysRows
from app.services.analysis.trend import TrendPoint, trend

PARETOS = ("category", "root_cause", "fault_department", "channel", "reference")
# Which way a figure should move: the change is coloured by whether it got better.
LOWER_IS_BETTER = frozenset({
    "received", "open_at_end", "open_risky", "reopened", "overdue_now", "first_answer_late",
    "decided_late", "median_days_to_decision", "p90_days_to_decision", "low_score",
    "repeat_customers", "repeat", "group", "risk", "review", "compensation_approved_amount",
    "compensation_approved_count", "compensation_proposed_amount", "extended", "paused",
    "paused_days"})
HIGHER_IS_BETTER = frozenset({
    "first_answer_on_time_pct", "decision_on_time_pct", "satisfaction_avg",
    "callback_rate_pct", "closed"})


@dataclass(frozen=True)
class Change:
    """How a figure moved against an earlier period."""

    difference: float | None  # None when either value is missing
    better: bool | None  # None when neither direction is better, or nothing changed


@dataclass(frozen=True)
class Overview:
    """The figures of a period, its comparisons, tables and trend."""

    period: Period
    filters: Filters
    now: datetime
    current: Figures
    previous: Figures
    year_earlier: Figures | None = None
    paretos: dict[str, Pareto] = field(default_factory=dict)
    departments: list[TeamRow] = field(default_factory=list)
    handlers: list[TeamRow] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)
    by_kind: list[money.KindRow] = field(default_factory=list)
    largest: list[money.LargeOffer] = field(default_factory=list)

    def value(self, key: str) -> int | float | None:
        """The current value of a headline figure."""
        return self.current[key].value

    def change(self, key: str, *, against: Figures | None = None) -> Change:
        """The change of `key` against the previous period (or `against`)."""
        figures = against if against is not None else self.previous
        if key not in figures:
            return Change(None, None)
        earlier = figures[key].value
        now = self.current[key].value
        if now is None or earlier is None:
            return Change(None, None)
        difference = round(now - earlier, 2)
        if not difference or (key not in LOWER_IS_BETTER and key not in HIGHER_IS_BETTER):
            return Change(difference, None)
        return Change(difference, (difference < 0) == (key in LOWER_IS_BETTER))


def analyse(period: Period, filters: Filters | None = None, *, actor: User | None,
            now: datetime, year_earlier: bool = True, details: bool = True) -> Overview:
    """The overview of `period` as `actor` may see it (staff: only their own cases).

    `details` adds every headline figure (without it, those of the window's tiles), the
    Pareto tables, the department and handler tables, the trend and the compensation
    tables; `year_earlier` the comparison with the same period a year before.

    Raises:
        AccessError: staff asking for another person's figures.
    """
    chosen = scoped(filters or Filters(), actor)
    days = team_days(period, chosen) if details else None
    current = headline(period, chosen, now=now, days=days, brief=not details)
    previous = headline(period.previous(), chosen, now=now, brief=True)
    earlier = headline(period.year_earlier(), chosen, now=now, brief=True) \
        if year_earlier else None
    brief = Overview(period, chosen, now, current, previous, earlier)
    return _tables(brief, days) if days is not None else brief


def with_details(view: Overview) -> Overview:
    """`view`, made with `details=False`, completed: every headline figure, the Pareto,
    department, handler and compensation tables, and the trend (the window shows the tiles
    first and fills its other tabs after)."""
    days = team_days(view.period, view.filters)
    whole = replace(view, current=headline(view.period, view.filters, now=view.now, days=days))
    return _tables(whole, days)


def _tables(view: Overview, days: DaysRows) -> Overview:
    period, chosen = view.period, view.filters
    teams = team_tables(period, chosen, now=view.now, days=days)
    return replace(
        view, paretos={dimension: view.paretos.get(dimension) or pareto(dimension, period, chosen)
                       for dimension in PARETOS},
        departments=teams["department"], handlers=teams["handler"],
        trend=trend(period, chosen),
        by_kind=money.by_kind(period, chosen), largest=money.largest(period, chosen))
