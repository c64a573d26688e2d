"""The stretch of time a set of figures covers: a month, a quarter, a year or any two dates.

A period knows the one before it (the same length, just earlier: the comparison on every
figure tile) and the same period a year earlier (seasonal shops compare with last year).
Dates are inclusive; in SQL a period is `start <= moment < end`, with `end` the midnight
after its last day, so a case received at 23:59 on the last day belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.errors import InputError
from app.i18n import Text

MONTH, QUARTER, YEAR, CUSTOM = "month", "quarter", "year", "custom"
KINDS = (MONTH, QUARTER, YEAR, CUSTOM)
_MONTHS_IN = {MONTH: 1, QUARTER: 3, YEAR: 12}


@dataclass(frozen=True)
class Period:
    """`first` to `last` (both days included); `kind` says how it steps back and forth."""

    first: date
    last: date
    kind: str = CUSTOM

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The calendar month."""
        first = date(year, month, 1)
        return cls(first, add_months(first, 1) - timedelta(days=1), MONTH)

    @classmethod
    def quarter(cls, year: int, number: int) -> Period:
        """Quarter 1–4 of the year."""
        first = date(year, 3 * (number - 1) + 1, 1)
        return cls(first, add_months(first, 3) - timedelta(days=1), QUARTER)

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31), YEAR)

    @classmethod
    def between(cls, first: date, last: date) -> Period:
        """Any two dates, both included.

        Raises:
            InputError: when `last` is before `first`.
        """
        if last < first:
            raise InputError(Text("The period ends ({last}) before it starts ({first}).",
                                  "统计期间的结束日期（{last}）早于开始日期（{first}）。")
                             .format(first=first.isoformat(), last=last.isoformat()),
                             field="period")
        return cls(first, last, CUSTOM)

    @classmethod
    def containing(cls, day: date, kind: str = MONTH) -> Period:
        """The month, quarter or year `day` falls in."""
        if kind == YEAR:
            return cls.year(day.year)
        if kind == QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        return cls.month(day.year, day.month)

    @property
    def start(self) -> datetime:
        """The first moment of the period."""
        return datetime.combine(self.first, datetime.min.time())

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return datetime.combine(self.last + timedelta(days=1), datetime.min.time())

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.last - self.first).days + 1

    def shifted(self, steps: int) -> Period:
        """The period `steps` lengths later (earlier when negative), of the same kind."""
        if self.kind in _MONTHS_IN:
            first = add_months(self.first, steps * _MONTHS_IN[self.kind])
            last = add_months(first, _MONTHS_IN[self.kind]) - timedelta(days=1)
            return Period(first, last, self.kind)
        offset = timedelta(days=steps * self.days)
        return Period(self.first + offset, self.last + offset, CUSTOM)

    def previous(self) -> Period:
        """The period just before, of the same length."""
        return self.shifted(-1)

    def year_earlier(self) -> Period:
        """The same period a year before."""
        if self.kind in _MONTHS_IN:
            return Period(add_months(self.first, -12),
                          add_months(self.last + timedelta(days=1), -12) - timedelta(days=1),
                          self.kind)
        return Period(add_months(self.first, -12), add_months(self.last, -12), CUSTOM)

    def label(self) -> Text:
        """`2026年11月` / `November 2026`, `2026年第4季度` / `Q4 2026`, or the two dates."""
        if self.kind == MONTH:
            return Text(f"{self.first:%B %Y}", f"{self.first.year}年{self.first.month}月")
        if self.kind == QUARTER:
            number = (self.first.month - 1) // 3 + 1
            return Text(f"Q{number} {self.first.year}", f"{self.first.year}年第{number}季度")
        if self.kind == YEAR:
            return Text(str(self.first.year), f"{self.first.year}年")
        return Text(f"{self.first.isoformat()} – {self.last.isoformat()}",
                    f"{self.first.isoformat()} 至 {self.last.isoformat()}")

    def code(self) -> str:
        """The period as `--period` takes it: 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-20."""
        if self.kind == MONTH:
            return f"{self.first:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind == YEAR:
            return str(self.first.year)
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period's days."""
        found, first = [], self.first
        while first <= self.last:
            month = Period.containing(first)
            found.append(Period(max(first, month.first), min(self.last, month.last),
                                MONTH if month.first >= self.first and month.last <= self.last
                                else CUSTOM))
            first = month.last + timedelta(days=1)
        return found


_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda m: Period.month(int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{4})-?[Qq]([1-4])$"), lambda m: Period.quarter(int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{4})$"), lambda m: Period.year(int(m[1]))),
    (re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\.\.(\d{4}-\d{1,2}-\d{1,2})$"),
     lambda m: Period.between(_day(m[1]), _day(m[2]))),
)


def parse_period(text: str) -> Period:
    """`2026-11`, `2026-Q4`, `2026` or `2026-11-01..2026-11-20` as a period.

    Raises:
        InputError: for anything else.
    """
    value = text.strip()
    for pattern, build in _PATTERNS:
        found = pattern.match(value)
        if found:
            try:
                return build(found)
            except ValueError:
                break
    raise InputError(Text("“{v}” is not a period: use 2026-11, 2026-Q4, 2026 or "
                          "2026-11-01..2026-11-20.",
                          "“{v}”不是有效的统计期间：请用 2026-11、2026-Q4、2026 或 "
                          "2026-11-01..2026-11-20。").format(v=text), field="period")


def _day(text: str) -> date:
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept within the target month (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))
