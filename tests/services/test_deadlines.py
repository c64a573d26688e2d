"""The business calendar and the intake deadlines of both profiles (pure functions)."""

from datetime import date, datetime, time

import pytest

from app.errors import RuleError
from app.services.deadlines import BusinessCalendar, compute, next_due

SHOP = BusinessCalendar(opens=time(9), closes=time(18), days_off=frozenset({6}),
                        holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2)}))


def test_received_in_hours_is_answered_the_same_day() -> None:
    due = compute(datetime(2026, 3, 4, 10), profile="shop", calendar=SHOP, resolution_days=7)
    assert due.first_response_due == datetime(2026, 3, 4, 18)
    assert due.resolution_due == datetime(2026, 3, 11, 18)


def test_received_after_closing_starts_the_next_business_day() -> None:
    due = compute(datetime(2026, 3, 4, 18, 30), profile="shop", calendar=SHOP,
                  resolution_days=7)
    assert due.first_response_due == datetime(2026, 3, 5, 18)
    assert due.resolution_due == datetime(2026, 3, 12, 18)


def test_days_off_and_holidays_are_skipped() -> None:
    saturday_night = datetime(2026, 3, 7, 20)  # Sunday (6) is the day off
    assert compute(saturday_night, profile="shop", calendar=SHOP,
                   resolution_days=7).first_response_due == datetime(2026, 3, 9, 18)
    national_day = datetime(2026, 10, 1, 11)
    due = compute(national_day, profile="shop", calendar=SHOP, resolution_days=7)
    assert due.first_response_due == datetime(2026, 10, 3, 18)
    assert due.resolution_due == datetime(2026, 10, 10, 18)


def test_a_decision_due_on_a_day_off_moves_to_the_next_open_day() -> None:
    due = compute(datetime(2026, 3, 1, 10), profile="shop", calendar=SHOP, resolution_days=6)
    assert due.resolution_due == datetime(2026, 3, 9, 18)  # 2026-03-08 is a Sunday


def test_financial_profile_decides_within_fifteen_days() -> None:
    due = compute(datetime(2026, 3, 4, 10), profile="financial", calendar=SHOP,
                  resolution_days=7)
    assert due.resolution_due == datetime(2026, 3, 19, 18)


def test_a_calendar_with_no_open_day_is_refused() -> None:
    closed = BusinessCalendar(opens=time(9), closes=time(18), days_off=frozenset(range(6)),
                              holidays=frozenset(date(2026, 1, 1).fromordinal(
                                  date(2026, 1, 1).toordinal() + i) for i in range(400)))
    with pytest.raises(RuleError, match="no open day"):
        closed.business_day_on_or_after(date(2026, 1, 1))


def test_next_due_is_the_earliest_thing_owed() -> None:
    first, decision, call = (datetime(2026, 3, 4, 18), datetime(2026, 3, 11, 18),
                             datetime(2026, 3, 5, 10))
    assert next_due(status="new", first_response_due=first, first_response_at=None,
                    resolution_due=decision, follow_up_due=call) == first
    assert next_due(status="in_progress", first_response_due=first,
                    first_response_at=datetime(2026, 3, 4, 11), resolution_due=decision,
                    follow_up_due=call) == call
    assert next_due(status="resolved", first_response_due=first, first_response_at=first,
                    resolution_due=decision, follow_up_due=None) is None
    assert next_due(status="closed", first_response_due=first, first_response_at=None,
                    resolution_due=decision, follow_up_due=call) == call  # the call-back
    assert next_due(status="closed", first_response_due=first, first_response_at=None,
                    resolution_due=decision, follow_up_due=None) is None
    assert next_due(status="in_progress", first_response_due=first, first_response_at=first,
                    resolution_due=decision, follow_up_due=None, paused=True) is None
