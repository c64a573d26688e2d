"""Importing the complaints a shop kept in a spreadsheet: all or nothing, never twice.

`import_cases` reads the sheet (`reader`), decides what each row becomes
(`plan`), and then, unless it is a dry run, records every new case in one
transaction. If any row cannot be taken, nothing is recorded, unless the user chose to
skip the bad rows. Each imported case keeps its original date and state, gets a case
number of the year it was received, and an event that names the file and row it came from;
rows already recorded (the same file imported twice) are reported, not added again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from app.models import Complaint, Customer, User, database_proxy
from app.models.bulk import bulk_insert, rows_where_in, time_writer
from app.services import audit, deadlines, notes, settings
from app.services.casework import numbering
from app.services.importing.plan import CHUNK, Duplicate, NewCase, plan
from app.services.importing.reader import RowProblem, SheetReading, read_sheet
from app.services.permissions import Permission, require
from app.services.text import to_seconds

DECIDED = ("resolved", "rejected", "closed")
# Every column: a bulk insert bypasses peewee's defaults, and the database has none for most.
CASE_COLUMNS = (
    "number", "customer_id", "channel", "category_id", "severity", "flag_group", "flag_risk",
    "flag_management", "description", "wish", "mood", "reference", "received_at", "status",
    "profile", "first_response_due", "resolution_due", "next_due_at", "fault_party", "facts",
    "resolution", "answer", "feedback", "created_at", "updated_at", "version", "complex_case",
    "last_contact_at",
)


@dataclass(frozen=True)
class ImportReport:
    """What an import found, and what it recorded (nothing on a dry run or a refusal)."""

    file: str
    sheet: str
    rows: int  # data rows read, blank rows not counted
    ready: int  # new cases the sheet holds
    problems: tuple[RowProblem, ...]
    duplicates: tuple[Duplicate, ...]
    created: tuple[str, ...] = ()  # the numbers of the cases recorded
    dry_run: bool = False
    skip_bad_rows: bool = False

    @property
    def bad_rows(self) -> int:
        """How many rows have at least one problem."""
        return len({problem.row for problem in self.problems})

    @property
    def refused(self) -> bool:
        """True when bad rows stopped the import (nothing was recorded)."""
        return bool(self.problems) and not self.skip_bad_rows and not self.dry_run


Stamp = Callable[[datetime | None], datetime | str | None]
Progress = Callable[[int, int], None]  # (cases recorded, cases to record); may raise to stop


def import_cases(path: str | Path, *, actor: User, now: datetime, sheet: str | None = None,
                 mapping: Mapping[str, str] | None = None, dry_run: bool = False,
                 skip_bad_rows: bool = False, on_progress: Progress | None = None,
                 ) -> ImportReport:
    """Imports the sheet's complaints (see the module's description).

    Raises:
        InputError: the file cannot be read as a register (not Excel, no header, …).
    """
    require(actor, Permission.IMPORT_CASES)
    file = Path(path)
    reading = read_sheet(file, now=now, sheet=sheet, mapping=dict(mapping or {}))
    planned = plan(reading)
    report = ImportReport(file.name, reading.sheet, len(reading.rows) + _rejected_rows(reading),
                          len(planned.new), tuple(planned.problems),
                          tuple(planned.duplicates), dry_run=dry_run,
                          skip_bad_rows=skip_bad_rows)
    if dry_run or report.refused or not planned.new:
        return report
    with database_proxy.atomic():
        created = _record(planned.new, file.name, actor=actor, now=to_seconds(now),
                          on_progress=on_progress or (lambda _done, _total: None))
    return replace(report, created=tuple(created))


def _rejected_rows(reading: SheetReading) -> int:
    # Rows the reader left out; each has at least one problem.
    return len({problem.row for problem in reading.problems})


def _record(cases: list[NewCase], file: str, *, actor: User, now: datetime,
            on_progress: Progress) -> list[str]:
    """Writes the customers, cases and events; returns the case numbers in sheet order."""
    rules = _Rules(settings.get_all(), time_writer(), now)  # read once, not per case
    customer_ids = _customers(cases, rules.now)
    # In the order received, which is also the order of their numbers: each case then goes
    # into the indexes kept by time (received, due, by state or category) next to the one
    # before it rather than anywhere, which makes the insert about a sixth cheaper.
    ordered = sorted(cases, key=lambda case: (case.received_at, case.row))
    numbers = _numbers(ordered)
    notes = _Notes(file)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        bulk_insert(Complaint, CASE_COLUMNS,
                    [_case_row(case, numbers[case.row], customer_ids[case.phone], rules)
                     for case in chunk])
        ids = dict(rows_where_in('SELECT number, id FROM complaint WHERE number IN ({marks})',
                                 [numbers[c.row] for c in chunk]))
        audit.append([_event(case, ids[numbers[case.row]], numbers[case.row], notes, actor,
                             rules.now) for case in chunk], actor=actor)
        on_progress(start + len(chunk), len(cases))
    return [numbers[case.row] for case in cases]


def _customers(cases: list[NewCase], now: datetime | str) -> dict[str, int]:
    """The customer id of every phone: customers already known keep their record; new
    ones take the name and address of their first row."""
    first: dict[str, NewCase] = {}
    for case in cases:
        first.setdefault(case.phone, case)
    phones = sorted(first)
    known = _customer_ids(phones)
    bulk_insert(Customer, ("name", "phone", "address", "note", "created_at", "updated_at"),
                [(first[p].customer_name, p, first[p].address, "", now, now)
                 for p in phones if p not in known])
    return known | _customer_ids([p for p in phones if p not in known])


def _customer_ids(phones: list[str]) -> dict[str, int]:
    return dict(rows_where_in("SELECT phone, id FROM customer WHERE phone IN ({marks})",
                              phones))


def _numbers(ordered: list[NewCase]) -> dict[int, str]:
    """A case number per sheet row, of the year received, in the order received (the
    order of `ordered`)."""
    by_year: dict[int, list[NewCase]] = defaultdict(list)
    for case in ordered:
        by_year[case.received_at.year].append(case)
    numbers: dict[int, str] = {}
    for year, found in sorted(by_year.items()):
        for case, number in zip(found, numbering.reserve_numbers(year, len(found)),
                                strict=True):
            numbers[case.row] = number
    return numbers


class _Rules:
    """The business calendar and the decision days, as intake uses them, and how the rows
    carry times (`stamp`, with the import's time written once as `now`)."""

    def __init__(self, values: Mapping[str, Any], stamp: Stamp, now: datetime) -> None:
        self.calendar = deadlines.BusinessCalendar.from_settings(values)
        self.days = int(values["deadline.resolution_days"])
        self.stamp = stamp
        self.now = cast("datetime | str", stamp(now))  # a time in, a time out
        self._due: dict[tuple, tuple[Any, Any, Any]] = {}

    def due(self, received: datetime, profile: str, status: str) -> tuple[Any, Any, Any]:
        """The first-answer, decision and next due dates of a case received then, stamped.

        They follow from the day the clock starts, so a sheet's cases share a few hundred
        answers, each worked out once.
        """
        key = (self.calendar.start_day(received), profile, status)
        if key not in self._due:
            due = deadlines.compute(received, profile=profile, calendar=self.calendar,
                                    resolution_days=self.days)
            next_due = None if status in DECIDED else deadlines.next_due(
                status=status, first_response_due=due.first_response_due,
                first_response_at=None, resolution_due=due.resolution_due,
                follow_up_due=None, paused=False)
            self._due[key] = (self.stamp(due.first_response_due),
                              self.stamp(due.resolution_due), self.stamp(next_due))
        return self._due[key]


def _case_row(case: NewCase, number: str, customer_id: int, rules: _Rules) -> tuple:
    received = to_seconds(case.received_at)
    first_response_due, resolution_due, next_due = rules.due(received, case.profile,
                                                             case.status)
    # A "not upheld" case's reasoned answer is its own column, or what the sheet calls its
    # result when it has no such column.
    resolution, answer = case.resolution, case.answer
    if case.status == "rejected" and not answer:
        resolution, answer = "", resolution
    now, at = rules.now, rules.stamp(received)
    return (number, customer_id, case.channel, case.category_id, case.severity, False, False,
            False, case.description, case.wish, "", case.reference, at, case.status,
            case.profile, first_response_due, resolution_due, next_due, "", "", resolution,
            answer, "", now, now, 1, False, at)


class _Notes:
    """The timeline note of an imported case: the file and row it came from, as the desk
    stores what it writes (services.notes), worded when shown."""

    def __init__(self, file: str) -> None:
        self.file = file
        # The stored form of a row's note differs from the next row's by the row number
        # alone, and the number comes last: written once, with its place cut out.
        written = notes.written("imported", file=file, row=0)
        assert written.endswith("0}"), written
        self._head, self._tail = written[:-2], written[-1:]

    def of(self, case: NewCase) -> str:
        """Which file and row the case came from, and its number there if it had one."""
        if case.original_number:
            return notes.written("imported_renumbered", file=self.file, row=case.row,
                                 old=case.original_number)
        return f"{self._head}{case.row}{self._tail}"


def _event(case: NewCase, case_id: int, number: str, notes: _Notes, actor: User,
           now: datetime | str) -> tuple:
    return (case_id, now, actor.id, "imported", "number", "", number, notes.of(case), 1)
