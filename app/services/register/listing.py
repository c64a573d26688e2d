"""The case register: filters, sorting, a page at a time, counts, and substring search.

Every query runs in the database and returns one page, so 100,000 cases never load into
Python on an interactive path.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, cast

from peewee import JOIN, SQL, Case, Expression, Field, ModelSelect, fn

from app.i18n import ZH, current_language
from app.models import (
    Category,
    CompensationOffer,
    Complaint,
    Customer,
    Department,
    Payment,
    TupleRows,
    User,
    database_proxy,
)
from app.models.search import SEARCH_TABLE, uses_search_table
from app.services.analysis.slices import Slice, decided_late
from app.services.labels import OPEN_STATUSES, SEVERITIES, STATUSES
from app.services.register.search_hits import hits_table
from app.services.text import iso

TRIGRAM = 3  # the FTS5 trigram index finds substrings of at least three characters


@dataclass(frozen=True)
class CaseQuery:
    """Which cases to list and in what order; empty fields do not filter."""

    statuses: tuple[str, ...] = ()
    category_id: int | None = None
    department_id: int | None = None
    handler_id: int | None = None
    open_only: bool = False
    overdue: bool = False
    flagged: bool = False
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    search: str = ""
    sort: str = "received_at"
    descending: bool = True
    # The analysis' drill-down: plain filters a figure may need, and the figure's own cases.
    channel: str | None = None
    root_cause_id: int | None = None
    fault_department_id: int | None = None
    decided_late: bool = False
    figure: Slice | None = None


class CaseRow(NamedTuple):
    """One line of the register, names already in the current language.

    A NamedTuple rather than a dataclass: a page builds a hundred of them per keystroke.
    """

    id: int
    number: str
    received_at: datetime
    customer: str
    phone: str
    channel: str
    category_code: str
    category: str
    severity: str
    status: str
    department_code: str | None
    handler_username: str | None
    handler: str | None
    first_response_due: datetime | None
    resolution_due: datetime | None
    next_due_at: datetime | None
    flag_group: bool
    flag_risk: bool
    flag_management: bool
    version: int
    approved_fen: int  # compensation approved on the case
    paid_fen: int  # and paid out

    def is_overdue(self, now: datetime) -> bool:
        """True when something on the case was due before `now`."""
        return self.next_due_at is not None and self.next_due_at < now

    def to_json(self, now: datetime) -> dict[str, object]:
        """The row with stable English keys (codes and user names, not labels)."""
        return {
            "number": self.number, "status": self.status, "received_at": iso(self.received_at),
            "customer": self.customer, "phone": self.phone, "channel": self.channel,
            "category": self.category_code, "severity": self.severity,
            "flags": list(self.flags), "department": self.department_code,
            "handler": self.handler_username,
            "first_response_due": iso(self.first_response_due),
            "resolution_due": iso(self.resolution_due), "next_due_at": iso(self.next_due_at),
            "overdue": self.is_overdue(now), "version": self.version,
            "approved": self.approved_fen / 100, "paid": self.paid_fen / 100,
        }

    @property
    def flags(self) -> tuple[str, ...]:
        """Flag codes set on the case (group, risk, management)."""
        pairs = (("group", self.flag_group), ("risk", self.flag_risk),
                 ("management", self.flag_management))
        return tuple(code for code, on in pairs if on)


Handler = User.alias("handler")
# Per row of a page (a hundred index look-ups): what the case was given, and paid out.
_APPROVED = (CompensationOffer
             .select(fn.COALESCE(fn.SUM(CompensationOffer.amount_fen), 0))
             .where((CompensationOffer.complaint == Complaint.id)
                    & (CompensationOffer.status == "approved")))
_PAID = (Payment.select(fn.COALESCE(fn.SUM(Payment.amount_fen), 0))
         .join(CompensationOffer, on=(Payment.offer == CompensationOffer.id))
         .where(CompensationOffer.complaint == Complaint.id))


def fetch_page(query: CaseQuery, *, now: datetime, offset: int = 0, limit: int = 100,
               ) -> list[CaseRow]:
    """One page of cases matching `query`, in its sort order."""
    select = page_select(query, now=now, offset=offset, limit=limit)
    # Read through the cursor: peewee's per-value conversion tries several date formats
    # on every datetime and doubled the time of a page; fromisoformat reads ours directly.
    cursor = database_proxy.obj.execute(select)
    return [_case_row(values) for values in cursor.fetchall()]


_DATETIME_POSITIONS = (2, 13, 14, 15)
_FLAG_POSITIONS = (16, 17, 18)


def _case_row(values: tuple) -> CaseRow:
    row = list(values)
    for position in _DATETIME_POSITIONS:
        if isinstance(row[position], str):  # SQLite returns text, PostgreSQL datetimes
            row[position] = datetime.fromisoformat(row[position])
    for position in _FLAG_POSITIONS:
        row[position] = bool(row[position])
    return CaseRow(*row)


def page_select(query: CaseQuery, *, now: datetime, offset: int = 0, limit: int = 100,
                ) -> ModelSelect[Complaint]:
    """The SELECT behind `fetch_page` (public so benchmarks can time its bare SQL)."""
    zh = current_language() == ZH
    select = (
        Complaint.select(
            Complaint.id, Complaint.number, Complaint.received_at, Customer.name, Customer.phone,
            Complaint.channel, Category.code, Category.name_zh if zh else Category.name_en,
            Complaint.severity, Complaint.status, Department.code, Handler.username,
            Handler.display_name, Complaint.first_response_due, Complaint.resolution_due,
            Complaint.next_due_at, Complaint.flag_group, Complaint.flag_risk,
            Complaint.flag_management, Complaint.version, _APPROVED, _PAID,
        )
        .join(Customer).switch(Complaint)
        .join(Category).switch(Complaint)
        .join(Department, JOIN.LEFT_OUTER, on=(Complaint.department == Department.id))
        .switch(Complaint)
        .join(Handler, JOIN.LEFT_OUTER, on=(Complaint.handler == Handler.id))
    )
    select = _filtered(select, query, now).order_by(*_ordering(query, zh))
    return select.offset(offset).limit(limit)


def ordered_ids(query: CaseQuery, *, now: datetime) -> list[int]:
    """The ids of every case under `query`, in its sort order (what an export walks)."""
    select = page_select(query, now=now, limit=0).limit(None).select(Complaint.id)
    return [row[0] for row in database_proxy.obj.execute(select).fetchall()]


def first_page(query: CaseQuery, *, now: datetime, limit: int = 100,
               ) -> tuple[list[CaseRow], int]:
    """The first page and how many cases match in all, reading the cases as few times as
    possible: a search that must scan the text scans once for both; a page shorter than
    `limit` is the whole answer; otherwise an indexed COUNT follows."""
    if _scans_text(query):
        select = page_select(query, now=now, limit=limit).select_extend(
            fn.COUNT(SQL("*")).over().alias("total"))
        found = database_proxy.obj.execute(select).fetchall()
        return [_case_row(values[:-1]) for values in found], (found[0][-1] if found else 0)
    rows = fetch_page(query, now=now, limit=limit)
    return rows, len(rows) if len(rows) < limit else count(query, now=now)


def _scans_text(query: CaseQuery) -> bool:
    """True when the search must read every case's text (PostgreSQL, which has no index)."""
    return bool(search_terms(query.search)) and not uses_search_table(database_proxy.obj)


def count(query: CaseQuery, *, now: datetime) -> int:
    """How many cases match `query`."""
    return count_select(query, now=now).scalar()


def count_select(query: CaseQuery, *, now: datetime) -> ModelSelect[Complaint]:
    """The SELECT COUNT behind `count`."""
    return _filtered(_count_base(query, fn.COUNT(Complaint.id)), query, now)


def count_by_status(query: CaseQuery, *, now: datetime) -> dict[str, int]:
    """Cases per state under every filter of `query` except the state filter itself."""
    unfiltered = CaseQuery(**{**query.__dict__, "statuses": ()})
    select = _filtered(_count_base(query, Complaint.status, fn.COUNT(Complaint.id)),
                       unfiltered, now).group_by(Complaint.status)
    found: dict[str, int] = dict(cast(TupleRows, select.tuples()))
    return {status: found.get(status, 0) for status in STATUSES}


def _count_base(query: CaseQuery, *columns: object) -> ModelSelect[Complaint]:
    select = Complaint.select(*columns)
    if query.search and _needs_customer_join(query.search):
        select = select.join(Customer)
    return select


def _filtered(select: ModelSelect[Complaint], query: CaseQuery, now: datetime,
              ) -> ModelSelect[Complaint]:
    conditions = list(_conditions(query, now))
    return select.where(*conditions) if conditions else select


def _conditions(query: CaseQuery, now: datetime) -> Iterator[Expression]:
    if query.statuses:
        yield Complaint.status.in_(query.statuses)
    if query.open_only:
        yield Complaint.status.in_(OPEN_STATUSES)
    for column, value in ((Complaint.category, query.category_id),
                          (Complaint.department, query.department_id),
                          (Complaint.handler, query.handler_id)):
        if value is not None:
            yield column == value
    if query.overdue:
        yield Complaint.next_due_at < now
    if query.flagged:
        yield Complaint.flag_group | Complaint.flag_risk
    if query.received_from:
        yield Complaint.received_at >= datetime.combine(query.received_from, datetime.min.time())
    if query.received_to:
        end = datetime.combine(query.received_to + timedelta(days=1), datetime.min.time())
        yield Complaint.received_at < end
    for term in search_terms(query.search):
        yield _term_condition(term)
    yield from _drill_down(query)


def _drill_down(query: CaseQuery) -> Iterator[Expression]:
    """The filters a figure of the analysis opens the register with."""
    for column, value in ((Complaint.channel, query.channel),
                          (Complaint.root_cause, query.root_cause_id),
                          (Complaint.fault_department, query.fault_department_id)):
        if value is not None:
            yield column == value
    if query.decided_late:
        yield decided_late()
    if query.figure is not None:
        yield query.figure.condition()


def search_terms(text: str) -> list[str]:
    """The words of a search; phone-like words lose their dashes (phones are stored as digits)."""
    terms = []
    for word in unicodedata.normalize("NFKC", text).split():
        digits = word.replace("-", "")
        terms.append(digits if digits.isdigit() else word)
    return terms


def _needs_customer_join(search: str) -> bool:
    return bool(search.strip()) and not uses_search_table(database_proxy.obj)


def _term_condition(term: str) -> Expression:
    """The cases whose text holds `term`, and the cases merged ones lead to (the number or
    words of a duplicate find the case it was merged into)."""
    if uses_search_table(database_proxy.obj):
        if len(term) >= TRIGRAM:
            phrase = '"' + term.replace('"', '""') + '"'
            found = SQL(f"(SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?)",
                        [phrase])
        else:
            # Trigram MATCH silently finds nothing for one or two characters: the matches
            # come from one scan of the index's text, kept while the database is unchanged.
            found = SQL(f"(SELECT id FROM temp.{hits_table(term)})")
        merged = _Merged.select(_Merged.merged_into).where(
            _Merged.merged_into.is_null(False) & _Merged.id.in_(found))
        return Complaint.id.in_(found) | Complaint.id.in_(merged)
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    match = lambda col: col.ilike(f"%{escaped}%")  # noqa: E731
    merged = (_Merged.select(_Merged.merged_into)
              .join(_MergedCustomer, on=(_Merged.customer == _MergedCustomer.id))
              .where(_Merged.merged_into.is_null(False)
                     & _any_column(match, _Merged, _MergedCustomer)))
    return _any_column(match) | Complaint.id.in_(merged)


# A duplicate merged into another case, and its customer, beside the case listed.
_Merged = Complaint.alias("merged_case")
_MergedCustomer = Customer.alias("merged_customer")


def _any_column(match: Callable[[Field], Expression], case: Any = Complaint,
                customer: Any = Customer) -> Expression:
    columns = (case.number, customer.name, customer.phone, case.description, case.wish)
    condition = match(columns[0])
    for column in columns[1:]:
        condition = condition | match(column)
    return condition


def _ordering(query: CaseQuery, zh: bool) -> list[object]:
    keys = {
        "number": Complaint.number,
        "received_at": Complaint.received_at,
        "customer": Customer.name,
        "category": Category.name_zh if zh else Category.name_en,
        "severity": Case(Complaint.severity, [(s, i) for i, s in enumerate(SEVERITIES)]),
        "status": Case(Complaint.status, [(s, i) for i, s in enumerate(STATUSES)]),
        "handler": Handler.display_name,
        "next_due_at": Complaint.next_due_at,
    }
    key = keys.get(query.sort, Complaint.received_at)
    ident = Complaint.id
    if query.descending:
        return [key.desc(nulls="LAST"), ident.desc()]
    return [key.asc(nulls="LAST"), ident.asc()]
