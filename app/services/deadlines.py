"""Time limits on a business calendar: when the first answer and the decision are due.

The shop profile (the default) promises a first answer the same business day and a
resolution within N days (a setting, default 7). The financial profile follows China's
2020 rule for banks and insurers: a decision within 15 days.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from app.errors import RuleError
from app.i18n import Text
from app.services import settings
from app.services.labels import OPEN_STATUSES
from app.services.text import parse_time_of_day

FINANCIAL_DECISION_DAYS = 15
COMPLEX_DECISION_DAYS = 30  # financial profile, complex cases
MAX_EXTENSION_DAYS = 30
REVIEW_WINDOW_DAYS = 30  # the customer may ask for a review (核查) this long after a decision
_MAX_SEARCH_DAYS = 366


@dataclass(frozen=True)
class BusinessCalendar:
    """Opening hours, weekly days off and holidays."""

    opens: time
    closes: time
    days_off: frozenset[int] = frozenset()
    holidays: frozenset[date] = frozenset()

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> BusinessCalendar:
        """The calendar described by the settings values."""
        return cls(
            opens=parse_time_of_day(values["hours.open"]),
            closes=parse_time_of_day(values["hours.close"]),
            days_off=frozenset(values["calendar.days_off"]),
            holidays=frozenset(date.fromisoformat(d) for d in values["calendar.holidays"]),
        )

    def is_business_day(self, day: date) -> bool:
        """True when the business is open on `day`."""
        return day.weekday() not in self.days_off and day not in self.holidays

    def business_day_on_or_after(self, day: date) -> date:
        """`day` itself if open, else the next day the business is open."""
        for offset in range(_MAX_SEARCH_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_business_day(candidate):
                return candidate
        raise RuleError(Text("The business calendar has no open day in a whole year: "
                               "check the days off and holidays in the settings.",
                               "营业日历一整年都没有营业日，请检查设置中的休息日和节假日。"))

    def start_day(self, received: datetime) -> date:
        """The business day a complaint's clock starts: the next one if received after hours."""
        day = received.date()
        if self.is_business_day(day) and received.time() < self.closes:
            return day
        return self.business_day_on_or_after(day + timedelta(days=1))

    def closing_on(self, day: date) -> datetime:
        """Closing time on `day`."""
        return datetime.combine(day, self.closes)


@dataclass(frozen=True)
class Deadlines:
    """The two promises made at intake."""

    first_response_due: datetime
    resolution_due: datetime


def for_intake(received: datetime, *, profile: str, values: Mapping[str, Any] | None = None,
               ) -> Deadlines:
    """The deadlines of a complaint received at `received` under `profile`."""
    values = values or settings.get_all()
    return compute(received, profile=profile, calendar=BusinessCalendar.from_settings(values),
                   resolution_days=int(values["deadline.resolution_days"]))


def compute(received: datetime, *, profile: str, calendar: BusinessCalendar,
            resolution_days: int, complex_case: bool = False) -> Deadlines:
    """The deadlines under `profile` on `calendar` (no database access)."""
    start = calendar.start_day(received)
    due_day = calendar.business_day_on_or_after(
        start + timedelta(days=decision_days(profile, resolution_days, complex_case)))
    return Deadlines(calendar.closing_on(start), calendar.closing_on(due_day))


def decision_days(profile: str, resolution_days: int, complex_case: bool = False) -> int:
    """How many days the decision may take: N for a shop, 15 (30 if complex) for finance."""
    if profile == "financial":
        return COMPLEX_DECISION_DAYS if complex_case else FINANCIAL_DECISION_DAYS
    return resolution_days


def current_calendar() -> tuple[BusinessCalendar, Mapping[str, Any]]:
    """The business calendar and the settings it came from."""
    values = settings.get_all()
    return BusinessCalendar.from_settings(values), values


def decision_due_from(start: datetime, *, profile: str, complex_case: bool = False) -> datetime:
    """The decision deadline of a clock (re)started at `start` under the current settings."""
    calendar, values = current_calendar()
    return compute(start, profile=profile, calendar=calendar, complex_case=complex_case,
                   resolution_days=int(values["deadline.resolution_days"])).resolution_due


def later_by(due: datetime, days: int) -> datetime:
    """`due` moved `days` later, onto the closing time of a business day."""
    calendar, _ = current_calendar()
    return calendar.closing_on(calendar.business_day_on_or_after(due.date() + timedelta(days=days)))


def next_due(
    *, status: str, first_response_due: datetime | None, first_response_at: datetime | None,
    resolution_due: datetime | None, follow_up_due: datetime | None, paused: bool = False,
) -> datetime | None:
    """The earliest date something is owed on a case; None once it is closed.

    While the case is open its first answer (until given) and its decision (unless the
    clock is paused) are owed; open follow-ups are owed whatever the state.
    """
    candidates = [follow_up_due]
    if status in OPEN_STATUSES:
        if not paused:
            candidates.append(resolution_due)
        if first_response_at is None:
            candidates.append(first_response_due)
    present = [moment for moment in candidates if moment is not None]
    return min(present) if present else None


ON_TIME, LATE = Text("on time", "按时"), Text("late", "超时")
OVERDUE, NOT_YET_DUE = Text("overdue", "已逾期"), Text("not yet due", "未到期")


def kept(due: datetime | None, done: datetime | None, now: datetime) -> Text | None:
    """Whether a deadline was met: on time or late once done; overdue or not yet due while
    open; None when there was no deadline."""
    if due is None:
        return None
    if done is not None:
        return LATE if done > due else ON_TIME
    return OVERDUE if now > due else NOT_YET_DUE
