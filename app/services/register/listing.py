"""The case register: filters, sorting, a page at a time, counts, and substring search.

Every query runs in the database and returns one page, so 100,000 cases never load into
Python on an interactive path.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from peewee import JOIN, SQL, Expression, ModelSelect, NodeList, SqliteDatabase, fn

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
from app.models.search import uses_search_table
from app.models.tallies import counts_by_status
from app.services.labels import OPEN_STATUSES, STATUSES
from app.services.register.paging import Cursor, Walk, parts
from app.services.register.searching import (
    adopt_matches,
    keep_short_matches,
    provisional,
    search_terms,
    short_matches,
    term_condition,
)
from app.services.text import iso

if TYPE_CHECKING:
    from app.services.analysis.slices import Slice

__all__ = ["CaseQuery", "CaseRow", "Page", "adopt_matches", "anchors", "count",
           "count_by_status", "fetch_page", "first_page", "ordered_ids", "provisional",
           "read_page", "search_terms", "short_matches"]


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


@dataclass(frozen=True)
class Page:
    """Rows of the register in order, each with its place (`cursors[i]` is `rows[i]`'s)."""

    rows: list[CaseRow]
    cursors: list[Cursor]


def read_page(query: CaseQuery, *, now: datetime, after: Cursor | None = None,
              before: Cursor | None = None, from_end: bool = False, skip: int = 0,
              limit: int = 100, exact: bool = True) -> Page:
    """`limit` cases in the order of `query`: the first ones, or those after the row at
    `after`, or those before the row at `before` or before the end; the first `skip` of them
    left out (counted backwards when reading before a row or the end).

    With `exact` False, a search of one or two characters not yet counted looks at the
    newest cases only (see `provisional`): the window's first page, completed after.
    """
    if exact:
        keep_short_matches(query.search)
    found = _walk(query, now).ids(after=after, before=before, from_end=from_end, skip=skip,
                                  limit=limit)
    if before is not None or from_end:
        found.reverse()
    rows = _rows_of([case_id for case_id, _ in found])
    return Page(rows, [cursor for _, cursor in found])


def fetch_page(query: CaseQuery, *, now: datetime, offset: int = 0, limit: int = 100,
               ) -> list[CaseRow]:
    """One page of cases matching `query`, in its sort order, `offset` rows in."""
    return read_page(query, now=now, skip=offset, limit=limit).rows


def anchors(query: CaseQuery, *, now: datetime, every: int) -> dict[int, Cursor]:
    """The places of every `every`-th case under `query`, by row number (see Walk.anchors)."""
    return _walk(query, now).anchors(every)[0]


def ordered_ids(query: CaseQuery, *, now: datetime) -> list[int]:
    """The ids of every case under `query`, in its sort order (what an export walks)."""
    keep_short_matches(query.search)
    return [case_id for case_id, _ in _walk(query, now).ids()]


def first_page(query: CaseQuery, *, now: datetime, limit: int = 100,
               ) -> tuple[list[CaseRow], int]:
    """The first page and how many cases match in all (a page shorter than `limit` is the
    whole answer)."""
    rows = fetch_page(query, now=now, limit=limit)
    return rows, len(rows) if len(rows) < limit else count(query, now=now)


def _walk(query: CaseQuery, now: datetime) -> Walk:
    zh = current_language() == ZH
    conditions = list(_conditions(query, now, paging=True))
    searching_columns = _needs_customer_join(query.search)

    def filtered(select: ModelSelect[Complaint], joined: bool) -> ModelSelect[Complaint]:
        if searching_columns and not joined:
            select = select.join(Customer)
        return select.where(*conditions) if conditions else select

    return Walk(parts(query.sort, descending=query.descending, zh=zh), query.descending,
                filtered, few=provisional(query.search))


def _rows_of(ids: list[int]) -> list[CaseRow]:
    """The register's columns of the cases `ids`, in that order."""
    if not ids:
        return []
    sql, before, after = _rows_sql(len(ids), current_language() == ZH,
                                   type(database_proxy.obj).__name__)
    # Read through the cursor: peewee's per-value conversion tries several date formats
    # on every datetime and doubled the time of a page; fromisoformat reads ours directly.
    found = {values[0]: _case_row(values) for values in database_proxy.obj.execute_sql(
        sql, [*before, *ids, *after]).fetchall()}
    return [found[case_id] for case_id in ids if case_id in found]


@lru_cache(maxsize=16)
def _rows_sql(size: int, zh: bool, dialect: str) -> tuple[str, tuple[Any, ...], tuple[Any, ...]]:
    """The SQL reading `size` cases' columns by id, built once per size, language and kind
    of database, with the parameters that come before and after the ids."""
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
        .where(Complaint.id.in_([_MARK] * size))
    )
    sql, params = select.sql()
    first = params.index(_MARK)
    assert params[first:first + size] == [_MARK] * size, "the ids must be one run"
    return sql, tuple(params[:first]), tuple(params[first + size:])


_MARK = -987654321  # stands for each id while the statement is built
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


def count(query: CaseQuery, *, now: datetime) -> int:
    """How many cases match `query`: the kept counts per state when only states filter."""
    if _states_only(query):
        kept = counts_by_status(database_proxy.obj)
        return sum(cases for status, cases in kept.items()
                   if (not query.statuses or status in query.statuses)
                   and (not query.open_only or status in OPEN_STATUSES))
    return count_select(query, now=now).scalar()


def count_select(query: CaseQuery, *, now: datetime) -> ModelSelect[Complaint]:
    """The SELECT COUNT behind `count` (`count(*)`: a COUNT of a column checks each row)."""
    return _filtered(_count_base(query, fn.COUNT(SQL("*"))), query, now)


def count_by_status(query: CaseQuery, *, now: datetime) -> dict[str, int]:
    """Cases per state under every filter of `query` except the state filter itself."""
    unfiltered = replace(query, statuses=())
    if _states_only(unfiltered):
        found = {status: cases for status, cases in counts_by_status(database_proxy.obj).items()
                 if status in OPEN_STATUSES or not query.open_only}
    else:
        select = _filtered(_count_base(query, Complaint.status, fn.COUNT(SQL("*"))),
                           unfiltered, now).group_by(_grouping(unfiltered))
        found = dict(cast(TupleRows, select.tuples()))
    return {status: found.get(status, 0) for status in STATUSES}


def _grouping(query: CaseQuery) -> Any:
    """The state to group by. Under the overdue or flagged filter it is `+status`: grouped
    plainly, SQLite walks every case in the state index to avoid sorting the groups (0.7 s
    at a million cases) rather than read the filter's own index range and sort its rows
    (0.07 s); other filters' indexes hold the state or are chosen anyway. (PostgreSQL has
    no unary plus for text, nor the need.)"""
    if (query.overdue or query.flagged) and isinstance(database_proxy.obj, SqliteDatabase):
        return NodeList((SQL("+"), Complaint.status), glue="")
    return Complaint.status


def _states_only(query: CaseQuery) -> bool:
    """True when nothing but states narrows `query` (the kept counts answer it)."""
    return replace(query, statuses=(), open_only=False, sort="received_at",
                   descending=True) == CaseQuery() and not query.search.strip()


def _count_base(query: CaseQuery, *columns: object) -> ModelSelect[Complaint]:
    select = Complaint.select(*columns)
    if query.search and _needs_customer_join(query.search):
        select = select.join(Customer)
    return select


def _filtered(select: ModelSelect[Complaint], query: CaseQuery, now: datetime,
              ) -> ModelSelect[Complaint]:
    conditions = list(_conditions(query, now))
    return select.where(*conditions) if conditions else select


def _conditions(query: CaseQuery, now: datetime, *, paging: bool = False,
                ) -> Iterator[Expression]:
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
        yield term_condition(term, paging=paging)
    yield from _drill_down(query)


def _drill_down(query: CaseQuery) -> Iterator[Expression]:
    """The filters a figure of the analysis opens the register with."""
    for column, value in ((Complaint.channel, query.channel),
                          (Complaint.root_cause, query.root_cause_id),
                          (Complaint.fault_department, query.fault_department_id)):
        if value is not None:
            yield column == value
    if query.decided_late:
        from app.services.analysis.slices import decided_late  # only for a figure's cases

        yield decided_late()
    if query.figure is not None:
        yield query.figure.condition()


def _needs_customer_join(search: str) -> bool:
    return bool(search.strip()) and not uses_search_table(database_proxy.obj)


