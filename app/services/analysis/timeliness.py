"""Business days to a decision: the median and the 90th percentile, on the business calendar.

The database groups decided cases by (day received, day decided); there are a few hundred
such pairs in a month whatever the number of cases, and each pair is turned into business
days once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from app.services import deadlines

_SPAN_LIMIT = 3660  # days; a decision ten years after intake is a typing error, not a wait


def business_days_counter() -> BusinessDays:
    """A counter on the business calendar of the current settings."""
    calendar, _ = deadlines.current_calendar()
    return BusinessDays(calendar)


class BusinessDays:
    """Counts business days between two days on one calendar, remembering each pair."""

    def __init__(self, calendar: deadlines.BusinessCalendar) -> None:
        self._calendar = calendar
        self.between = lru_cache(maxsize=4096)(self._between)

    def _between(self, received: date, decided: date) -> int:
        """Business days after the day received up to and including the day decided (a case
        decided the day it came in took 0)."""
        span = min((decided - received).days, _SPAN_LIMIT)
        return sum(1 for offset in range(1, span + 1)
                   if self._calendar.is_business_day(received + timedelta(days=offset)))


def percentiles(days: Iterable[tuple[int, int]], *shares: float) -> list[float | None]:
    """Nearest-rank percentiles of (days, cases) pairs, e.g. shares 0.5 and 0.9."""
    ordered = sorted(days)
    total = sum(cases for _, cases in ordered)
    found: list[float | None] = []
    for share in shares:
        if not total:
            found.append(None)
            continue
        rank, seen = max(1, math.ceil(share * total)), 0
        for value, cases in ordered:
            seen += cases
            if seen >= rank:
                found.append(float(value))
                break
    return found
