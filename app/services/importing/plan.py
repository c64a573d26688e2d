"""What an import would do with each row of a sheet: the case it becomes, why it cannot be
taken, or which case it repeats. Reads the database, writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from app.errors import DeskError
from app.i18n import Text
from app.models import Category
from app.models.bulk import rows_where_in
from app.services import catalog
from app.services.importing.reader import RowProblem, SheetReading, SheetRow
from app.services.labels import CHANNELS, SEVERITIES, STATUSES, lookup

CHUNK = 500
# States an old register can bring; awaiting approval needs an offer, a review its decision.
IMPORTABLE = ("new", "acknowledged", "in_progress", "resolved", "rejected", "closed")
# What hand-kept registers write for a state, beyond the app's own names.
STATUS_WORDS = {"已处理": "closed", "处理完毕": "closed", "已完成": "closed", "完成": "closed",
                "已办结": "closed", "办结": "closed", "未处理": "new", "待处理": "new",
                "done": "closed", "open": "new", "pending": "new"}


@dataclass(slots=True)  # not frozen: a frozen dataclass takes twice as long to make
class NewCase:
    """A row of the sheet as the case it will become (names resolved to codes and ids)."""

    row: int
    customer_name: str
    phone: str
    address: str
    channel: str
    category_id: int
    profile: str
    severity: str
    status: str
    description: str
    wish: str
    reference: str
    resolution: str
    answer: str
    received_at: datetime
    original_number: str


@dataclass(frozen=True)
class Duplicate:
    """A row that repeats a case already recorded, or an earlier row of the same sheet."""

    row: int
    of: str  # the case number, or "row 7" of this sheet


@dataclass(frozen=True)
class Plan:
    """Every row of the sheet, sorted into what can be taken, what cannot, and repeats."""

    new: list[NewCase]
    problems: list[RowProblem]
    duplicates: list[Duplicate]


def plan(reading: SheetReading) -> Plan:
    """Resolves each clean row of `reading`; its problems come first, in row order."""
    problems = list(reading.problems)
    candidates: list[NewCase] = []
    words = _Words()
    for row in reading.rows:
        case, wrong = _case(row, reading, words)
        if case is None:
            problems.extend(wrong)
        else:
            candidates.append(case)
    new, duplicates = _without_repeats(candidates)
    problems.sort(key=lambda problem: problem.row)
    return Plan(new, problems, duplicates)


class _Words:
    """What the sheet's channels, categories, severities and states stand for, each word
    looked up once: a sheet repeats a handful of them over thousands of rows. A category
    stands for its id and deadline profile (all a case needs of it)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], tuple[Any, Text | None]] = {}
        self._lookups: dict[str, Callable[[str], Any]] = {
            "channel": lambda v: lookup(CHANNELS, v, what=Text("channel", "渠道")),
            "category": _category,
            "severity": lambda v: lookup(SEVERITIES, v, what=Text("severity", "严重程度")),
            "status": _status,
        }

    def meaning(self, field: str, word: str) -> tuple[Any, Text | None]:
        """What `word` in the column of `field` stands for, or why it cannot be taken."""
        key = (field, word)
        found = self._found.get(key)
        if found is None:
            try:
                found = self._found[key] = (self._lookups[field](word), None)
            except DeskError as error:
                found = self._found[key] = (None, error.text)
        return found

    def checked(self, row: SheetRow, field: str, default: Any, reading: SheetReading,
                wrong: list[RowProblem]) -> Any:
        """What the row's word for `field` stands for (`default` when blank); a word that
        cannot be taken adds its problem to `wrong` and gives `default`."""
        word = row.values.get(field)
        if not word:
            return default
        word = str(word).strip()
        if not word:
            return default
        meaning, why = self.meaning(field, word)
        if why is None:
            return meaning
        wrong.append(RowProblem(row.row, reading.headers[reading.columns[field]], word, why))
        return default

    def other_category(self) -> tuple[int, str]:
        """The category of rows that name none, or name one that cannot be taken."""
        category, why = self.meaning("category", "other")
        if why is not None:
            raise DeskError(why)
        return cast(tuple[int, str], category)


def _category(value: str) -> tuple[int, str]:
    """The id and profile of the active category named `value` (code or name in either
    language)."""
    category = catalog.find(Category, value)
    if not category.active:
        raise DeskError(Text("The category “{name}” is switched off.",
                             "投诉类别“{name}”已停用。").format(name=category.name_zh))
    return category.id, category.profile


def _case(row: SheetRow, reading: SheetReading,
          words: _Words) -> tuple[NewCase | None, list[RowProblem]]:
    values: dict[str, Any] = row.values  # clean values: text is text, the time a datetime
    wrong: list[RowProblem] = []
    channel = words.checked(row, "channel", "other", reading, wrong)
    category_id, profile = (words.checked(row, "category", None, reading, wrong)
                            or words.other_category())
    severity = words.checked(row, "severity", "medium", reading, wrong)
    resolution = str(values.get("resolution") or "")
    answered = resolution or values.get("answer")
    status = words.checked(row, "status", "closed" if answered else "new", reading, wrong)
    if wrong:
        return None, wrong
    return NewCase(
        row=row.row, customer_name=values["customer_name"], phone=values["phone"],
        address=str(values.get("address") or ""), channel=channel, category_id=category_id,
        profile=profile, severity=severity, status=status,
        description=values["description"], wish=str(values.get("wish") or ""),
        reference=str(values.get("reference") or ""), resolution=resolution,
        answer=str(values.get("answer") or ""), received_at=values["received_at"],
        original_number=str(values.get("number") or ""),
    ), []


def _status(value: str) -> str:
    code = STATUS_WORDS.get(value.casefold()) or lookup(STATUSES, value,
                                                       what=Text("state", "状态"))
    if code not in IMPORTABLE:
        raise DeskError(Text("Cases cannot be imported as “{state}”: use new, in progress, "
                             "resolved, not upheld or closed.",
                             "不能以“{state}”状态导入：请用新受理、处理中、已解决、不予支持或已结案。")
                        .format(state=value))
    return code


def _key(phone: str, received: datetime, description: str) -> tuple[str, datetime, str]:
    return (phone, received.replace(microsecond=0) if received.microsecond else received,
            description.strip())


def _without_repeats(candidates: list[NewCase]) -> tuple[list[NewCase], list[Duplicate]]:
    """Drops rows already recorded (same customer phone, time and words, or the number of
    an existing case) and rows repeating an earlier row of the sheet."""
    recorded = _recorded(candidates)
    numbers = _existing_numbers(c.original_number for c in candidates if c.original_number)
    seen: dict[tuple[str, datetime, str], int] = {}
    new, duplicates = [], []
    for case in candidates:
        key = _key(case.phone, case.received_at, case.description)
        if case.original_number in numbers:
            duplicates.append(Duplicate(case.row, case.original_number))
        elif key in recorded:
            duplicates.append(Duplicate(case.row, recorded[key]))
        elif key in seen:
            duplicates.append(Duplicate(case.row, str(Text("row {n}", "第 {n} 行")
                                                      .format(n=seen[key]))))
        else:
            seen[key] = case.row
            new.append(case)
    return new, duplicates


def _recorded(candidates: list[NewCase]) -> dict[tuple[str, datetime, str], str]:
    phones = sorted({case.phone for case in candidates})
    found: dict[tuple[str, datetime, str], str] = {}
    for phone, received, description, number in rows_where_in(
            "SELECT c.phone, t.received_at, t.description, t.number FROM complaint t "
            "JOIN customer c ON c.id = t.customer_id WHERE c.phone IN ({marks})", phones):
        if isinstance(received, str):  # SQLite hands back text, PostgreSQL datetimes
            received = datetime.fromisoformat(received)
        found[_key(phone, received, description)] = number
    return found


def _existing_numbers(numbers: Iterable[str]) -> set[str]:
    return {number for (number,) in rows_where_in(
        "SELECT number FROM complaint WHERE number IN ({marks})", sorted(set(numbers)))}
