"""Case numbers `TS-<year>-<6 digits>`: unique and gap-free per year, across processes."""

from __future__ import annotations

from app.models import CaseCounter


def next_number(year: int) -> str:
    """Takes the next number of `year`.

    Must run inside the transaction that inserts the case: the counter row is locked
    until it commits (SQLite takes the write lock at BEGIN IMMEDIATE; PostgreSQL locks the
    row on UPDATE), and a rollback hands the number back, so no number is skipped.
    """
    CaseCounter.insert(year=year, last_number=0).on_conflict_ignore().execute()
    CaseCounter.update(last_number=CaseCounter.last_number + 1).where(
        CaseCounter.year == year
    ).execute()
    number = CaseCounter.get_by_id(year).last_number
    return format_number(year, number)


def reserve_numbers(year: int, count: int) -> list[str]:
    """Takes the next `count` numbers of `year` at once (an import); same rules as
    `next_number`: inside the transaction that inserts the cases."""
    CaseCounter.insert(year=year, last_number=0).on_conflict_ignore().execute()
    CaseCounter.update(last_number=CaseCounter.last_number + count).where(
        CaseCounter.year == year
    ).execute()
    last = CaseCounter.get_by_id(year).last_number
    return [format_number(year, sequence) for sequence in range(last - count + 1, last + 1)]


def format_number(year: int, sequence: int) -> str:
    """`TS-2026-000042` for year 2026, sequence 42."""
    return f"TS-{year}-{sequence:06d}"
