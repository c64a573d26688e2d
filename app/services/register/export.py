"""The register as an Excel workbook: the cases under the current filters, a summary, and
(optionally) their timelines.

Rows are read in chunks of ids and written as they come, so 100,000 cases export with flat
memory. The order is the register's order; names are in the language asked for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, cast

from peewee import JOIN, fn

from app.i18n import ZH, Text
from app.models import (
    Category,
    CompensationOffer,
    Complaint,
    Customer,
    Department,
    Event,
    Payment,
    RootCause,
    TupleRows,
    User,
    database_proxy,
)
from app.services import deadlines, notes, vocabulary
from app.services.casework.view import read_names
from app.services.labels import CHANNELS, EVENT_KINDS, FLAGS, SEVERITIES, STATUSES
from app.services.register.listing import CaseQuery, ordered_ids
from app.services.vocabulary import timeline_label, worded

T = Text
CHUNK = 500  # cases per query: well inside SQLite's limit on query parameters

# The register's columns by field code, with their widths; the header and how Excel shows
# the values (see app.reports.excel) are the vocabulary's.
_WIDTHS = (
    ("number", 16), ("status", 10), ("received_at", 17), ("received_by", 10),
    ("customer_name", 10), ("phone", 14), ("address", 24), ("channel", 9), ("category", 12),
    ("severity", 8), ("flags", 12), ("reference", 16), ("description", 40), ("wish", 24),
    ("mood", 10), ("department", 12), ("handler", 10), ("subject", 10),
    ("first_response_due", 17), ("first_response_at", 17), ("first_kept", 10),
    ("resolution_due", 17), ("resolved_at", 17), ("decision_kept", 10), ("next_due_at", 17),
    ("facts", 30), ("fault_department", 12), ("fault_party", 10), ("root_cause", 16),
    ("resolution", 30), ("answer", 30), ("feedback", 24), ("feedback_at", 17),
    ("satisfaction", 8), ("compensation", 12), ("paid", 12), ("closed_at", 17),
)
# (code, header, kind, width)
CASE_COLUMNS: tuple[tuple[str, Text, str, float], ...] = tuple(
    (code, vocabulary.label(code), vocabulary.FIELDS[code].cell, width)
    for code, width in _WIDTHS)
SUMMARY_COLUMNS: tuple[tuple[Text, str, float], ...] = (
    (T("By", "分组"), "text", 12), (T("Item", "项目"), "text", 20),
    (T("Cases", "件数"), "int", 10), (T("Approved compensation", "已批准补偿金额"), "money", 16),
)
EVENT_COLUMNS: tuple[tuple[Text, str, float], ...] = (
    (vocabulary.label("number"), "text", 16), (T("When", "时间"), "datetime", 17),
    (T("Who", "人员"), "text", 10), (T("What", "事项"), "text", 12),
    (T("Field", "字段"), "text", 14), (T("Before", "原值"), "text", 24),
    (T("After", "新值"), "text", 24), (T("Note", "备注"), "text", 24),
)
SHEETS = (T("Complaints", "投诉登记"), T("Summary", "汇总"), T("Timeline", "处理记录"))
# A row is made keyed by field code and laid out in the columns' order by this.
_IN_COLUMN_ORDER = itemgetter(*(code for code, *_ in CASE_COLUMNS))


GROUPS = ("status", "category", "department", "month")


@dataclass
class Tally:
    """Counts (and approved compensation in fen) per status, category, department and month,
    gathered while the rows stream past."""

    groups: dict[str, Counter[str]] = field(
        default_factory=lambda: {group: Counter() for group in GROUPS})
    fen: dict[str, Counter[str]] = field(
        default_factory=lambda: {group: Counter() for group in GROUPS})

    def add(self, row: Mapping[str, Any], fen: int) -> None:
        """Counts one exported case (`row` keyed by field code, as `_row` makes it)."""
        for group, item in (("status", row["status"]), ("category", row["category"]),
                            ("department", row["department"] or "—"),
                            ("month", f"{row['received_at']:%Y-%m}")):
            self.groups[group][item] += 1
            self.fen[group][item] += fen


class _Names:
    """Names of the reference rows and of the coded values in one language, read once.

    Plain dictionaries, looked up straight from `_row`: a method call per cell cost more
    than the lookup itself. Ids of nothing (None) find nothing.
    """

    def __init__(self, language: str) -> None:
        zh, self.language = language == ZH, language

        # Keyed by id; an empty reference (None) finds no name.
        def named(model: type[Category | Department | RootCause]) -> dict[int | None, str]:
            return {row.id: row.name_zh if zh else row.name_en for row in model.select()}

        def words(coded: Mapping[str, Text]) -> dict[str, str]:
            return {code: text.in_language(language) for code, text in coded.items()}

        self.categories, self.departments = named(Category), named(Department)
        self.root_causes = named(RootCause)
        self.users: dict[int | None, str] = {u.id: u.display_name for u in User.select()}
        self.statuses, self.channels = words(STATUSES), words(CHANNELS)
        self.severities, self.flags = words(SEVERITIES), words(FLAGS)

    def text(self, text: Text | None) -> str | None:
        """`text` in the export's language."""
        return text.in_language(self.language) if text else None


def case_rows(ids: list[int], *, now: datetime, language: str, tally: Tally | None = None,
              on_row: Callable[[int], None] | None = None) -> Iterator[tuple[Any, ...]]:
    """The cases `ids` in that order, the values of CASE_COLUMNS for each; `on_row(n)`
    after the n-th row."""
    names = _Names(language)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found = _load(chunk)
        for done, case_id in enumerate(chunk, start=start + 1):
            record, fen, paid = found[case_id]
            row = _row(record, fen, paid, names, now)
            if tally is not None:
                tally.add(row, fen)
            yield _IN_COLUMN_ORDER(row)
            if on_row is not None:
                on_row(done)


class _Record(NamedTuple):
    """The columns an exported row is made of, as selected (ids where names are shown)."""

    id: int
    number: str
    status: str
    received_at: Any
    received_by: int | None
    customer: str
    phone: str
    address: str
    channel: str
    category: int
    severity: str
    flag_group: bool
    flag_risk: bool
    flag_management: bool
    reference: str
    description: str
    wish: str
    mood: str
    department: int | None
    handler: int | None
    subject_user: int | None
    first_response_due: Any
    first_response_at: Any
    resolution_due: Any
    resolved_at: Any
    next_due_at: Any
    facts: str
    fault_department: int | None
    fault_party: str
    root_cause: int | None
    resolution: str
    answer: str
    feedback: str
    feedback_at: Any
    satisfaction: int | None
    closed_at: Any


_SELECTED = [Customer.name if name == "customer" else getattr(
    Customer if name in ("phone", "address") else Complaint, name) for name in _Record._fields]


@lru_cache(maxsize=8)
def _chunk_sql(size: int, dialect: type) -> tuple[tuple[str, list[Any]], ...]:
    """The SQL (and parameters) reading `size` cases, their approved compensation and what
    was paid, in the `dialect` of the open database (its class).

    Built once per size and reused with each chunk's ids in place of the first `size`
    parameters: generating an IN list of 500 through peewee cost more than running it.
    """
    ids = list(range(size))
    cases = Complaint.select(*_SELECTED).join(Customer).where(Complaint.id.in_(ids))
    approved = (CompensationOffer
                .select(CompensationOffer.complaint, fn.SUM(CompensationOffer.amount_fen))
                .where(CompensationOffer.complaint.in_(ids),
                       CompensationOffer.status == "approved")
                .group_by(CompensationOffer.complaint))
    paid = (Payment.select(CompensationOffer.complaint, fn.SUM(Payment.amount_fen))
            .join(CompensationOffer).where(CompensationOffer.complaint.in_(ids))
            .group_by(CompensationOffer.complaint))
    built = (cases.sql(), approved.sql(), paid.sql())
    assert all(params[:size] == ids for _, params in built)  # the ids come first
    return built


def _load(ids: list[int]) -> dict[int, tuple[_Record, int, int]]:
    database = database_proxy.obj
    (cases_sql, cases_params), (offers_sql, offers_params), (paid_sql, paid_params) = \
        _chunk_sql(len(ids), type(database))  # type: ignore[arg-type]
    fen = dict(database.execute_sql(offers_sql, ids + offers_params[len(ids):]).fetchall())
    paid = dict(database.execute_sql(paid_sql, ids + paid_params[len(ids):]).fetchall())
    # Straight from the cursor: peewee's conversion of each value doubled the time.
    rows = database.execute_sql(cases_sql, ids + cases_params[len(ids):]).fetchall()
    records = map(_Record._make, rows)
    return {record.id: (record, fen.get(record.id) or 0, paid.get(record.id) or 0)
            for record in records}


_from_text = datetime.fromisoformat  # nine times a row: one lookup fewer each


def _moment(value: Any) -> datetime | None:
    """A stored time as a datetime (SQLite hands back text, PostgreSQL datetimes)."""
    return _from_text(value) if type(value) is str else value


def _row(r: _Record, fen: int, paid: int, names: _Names, now: datetime) -> dict[str, Any]:
    """The values of a case by field code; blanks as None (empty cells)."""
    first_due, first_at = _moment(r.first_response_due), _moment(r.first_response_at)
    decision_due, resolved = _moment(r.resolution_due), _moment(r.resolved_at)
    flags = None
    if r.flag_group or r.flag_risk or r.flag_management:  # seldom: most cases have none
        flags = "、".join(names.flags[flag] for flag, on in (
            ("group", r.flag_group), ("risk", r.flag_risk), ("management", r.flag_management))
            if on)
    users, departments = names.users, names.departments
    return {
        "number": r.number, "status": names.statuses.get(r.status, r.status),
        "received_at": _moment(r.received_at), "received_by": users.get(r.received_by),
        "customer_name": r.customer, "phone": r.phone, "address": r.address or None,
        "channel": names.channels.get(r.channel, r.channel),
        "category": names.categories.get(r.category),
        "severity": names.severities.get(r.severity, r.severity), "flags": flags,
        "reference": r.reference or None, "description": r.description or None,
        "wish": r.wish or None, "mood": r.mood or None,
        "department": departments.get(r.department), "handler": users.get(r.handler),
        "subject": users.get(r.subject_user),
        "first_response_due": first_due, "first_response_at": first_at,
        "first_kept": names.text(deadlines.kept(first_due, first_at, now)),
        "resolution_due": decision_due, "resolved_at": resolved,
        "decision_kept": names.text(deadlines.kept(decision_due, resolved, now)),
        "next_due_at": _moment(r.next_due_at), "facts": r.facts or None,
        "fault_department": departments.get(r.fault_department),
        "fault_party": r.fault_party or None, "root_cause": names.root_causes.get(r.root_cause),
        "resolution": r.resolution or None, "answer": r.answer or None,
        "feedback": r.feedback or None, "feedback_at": _moment(r.feedback_at),
        "satisfaction": r.satisfaction, "compensation": fen / 100 if fen else None,
        "paid": paid / 100 if paid else None, "closed_at": _moment(r.closed_at),
    }


def summary_rows(tally: Tally, *, language: str) -> Iterator[list[Any]]:
    """One row per status, category, department and month seen: cases and compensation."""
    titles = {group: vocabulary.label(group) for group in GROUPS if group != "month"}
    titles["month"] = T("Month", "月份")
    for group, title in titles.items():
        counts = tally.groups[group]
        items = sorted(counts) if group == "month" else [i for i, _ in counts.most_common()]
        for item in items:
            fen = tally.fen[group][item]
            yield [title.in_language(language), item, counts[item], fen / 100 if fen else None]


def event_rows(ids: list[int], *, language: str,
               on_cases: Callable[[int], None] | None = None) -> Iterator[list[Any]]:
    """Every timeline event of the cases `ids`, by case number, oldest first;
    `on_cases(n)` once the events of the first n cases are written."""
    names = read_names()
    kinds = {code: text.in_language(language) for code, text in EVENT_KINDS.items()}
    for start in range(0, len(ids), CHUNK):
        select = (Event.select(Complaint.number, Event.at, User.display_name, Event.kind,
                               Event.field, Event.old_value, Event.new_value, Event.note)
                  .join(Complaint).switch(Event)
                  .join(User, JOIN.LEFT_OUTER, on=(Event.actor == User.id))
                  .where(Event.complaint.in_(ids[start:start + CHUNK]))
                  .order_by(Complaint.number, Event.at, Event.id).tuples())
        for number, at, actor, kind, name, old, new, note in cast(TupleRows, select):
            yield [number, at if isinstance(at, datetime) else datetime.fromisoformat(at),
                   actor, kinds.get(kind, kind),
                   timeline_label(name).in_language(language) if name else None,
                   worded(name, old, names).in_language(language) or None,
                   worded(name, new, names).in_language(language) or None,
                   notes.words(note).in_language(language) if note else None]
        if on_cases is not None:
            on_cases(min(start + CHUNK, len(ids)))


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    cases: int
    events: int | None  # None when the timeline sheet was not asked for


Progress = Callable[[int, int], None]  # (done, total); may raise to stop the export


def export_register(query: CaseQuery, path: Path, *, now: datetime, language: str,
                    events: bool = False, on_progress: Progress | None = None) -> ExportResult:
    """Writes the register under `query` to `path` (.xlsx): cases, summary, and with
    `events` the timelines. Nothing is left at `path` if it fails or is stopped.

    Progress counts cases: once for their rows, and once more for their timelines.
    """
    from app.reports.excel import Column, Sheet, write_workbook

    ids = ordered_ids(query, now=now)
    total = len(ids) * (2 if events else 1)
    report = on_progress or (lambda _done, _total: None)

    def every_500(done: int) -> None:
        if done % 500 == 0 or done == len(ids):
            report(done, total)

    def columns(spec: tuple[tuple[Any, ...], ...]) -> list[Column]:
        return [Column(text.in_language(language), kind, width)
                for *_, text, kind, width in spec]

    tally = Tally()
    titles = [title.in_language(language) for title in SHEETS]
    sheets = [Sheet(titles[0], columns(CASE_COLUMNS), lambda: case_rows(
                  ids, now=now, language=language, tally=tally, on_row=every_500)),
              Sheet(titles[1], columns(SUMMARY_COLUMNS),
                    lambda: summary_rows(tally, language=language))]
    if events:
        sheets.append(Sheet(titles[2], columns(EVENT_COLUMNS), lambda: event_rows(
            ids, language=language, on_cases=lambda done: report(len(ids) + done, total))))
    counts = write_workbook(path, sheets)
    return ExportResult(path, counts[titles[0]], counts[titles[2]] if events else None)
