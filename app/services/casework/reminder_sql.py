"""The SQL of the reminders, written once and run with the user's id and the moments that
split the groups.

The window checks a user's reminders every minute. Having peewee build some forty
statements for each check took longer than the database took to answer them, so each
statement is built once per kind of database and of reader (from the models, so it follows
the schema, with marks where the values go) and run through the cursor:

- `counts`: every count in one statement, each a small index range (one kind of item, one
  way a case is the user's, one group);
- `rows` of a group: each kind's most urgent items (an index range read in due order),
  merged and cut in the database, so only the items listed reach Python; their customers'
  names are read for those alone.

A customer not heard from for N days is due N days after the last contact, which the
database does not add: those items (overdue only) are read by a statement of their own
and merged with the others' by `reminders`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from peewee import SQL, NodeList, fn

from app.models import Complaint, Customer, FollowUp, database_proxy
from app.models.case import WHILE_OPEN_KINDS
from app.services.casework import escalations
from app.services.labels import OPEN_STATUSES

# Where the values go while a statement is built: the user's id, the list's length, and
# the moments that split the groups (the contact's: now less the days without news).
_USER, _LIMIT = -987654321, -987654322
_MARKS = {name: datetime(1900, 1, 1, 0, 0, second)
          for second, name in enumerate(("now", "tomorrow", "horizon", "contact"))}
# Each kind in the order it is listed among items due at the same moment on the same case.
KINDS = ("first_answer", "decision", "progress", "follow_up", "notice")
# A group's statement of rows: the dated groups, and the customers waiting for news.
LISTS = ("overdue", "today", "soon", "contact")
_RANGES = {"overdue": (None, "now"), "today": ("now", "tomorrow"),
           "soon": ("tomorrow", "horizon"), "contact": (None, "contact")}
Statement = tuple[str, tuple[Any, ...]]


@dataclass(frozen=True)
class Shape:
    """Whose reminders: one user's (`mine`) or everyone's, with the escalations or not."""

    mine: bool
    escalations: bool


def counts(shape: Shape, user_id: int | None, moments: dict[str, datetime]) -> list[int]:
    """Every count of `shape` (in the order of `count_groups`)."""
    return list(_run(_statements(_dialect(), shape)["counts"], user_id, moments, 0)[0])


@lru_cache(maxsize=8)
def count_groups(shape: Shape) -> tuple[str, ...]:
    """The group of each count, in the order `counts` returns them."""
    return tuple(group for group, _ in _counts(shape))


def rows(shape: Shape, name: str, user_id: int | None, moments: dict[str, datetime],
         limit: int) -> list[tuple[Any, ...]]:
    """The `limit` most urgent items of the list `name` (see LISTS): (kind's place in KINDS,
    case id, number, customer's name, due, follow-up id, follow-up note), in no order."""
    return _run(_statements(_dialect(), shape)[name], user_id, moments, limit)


def escalation_rows(limit: int) -> list[tuple[Any, ...]]:
    """The `limit` oldest escalations waiting for a manager, as `escalations.pending` reads
    them."""
    return _run(_statements(_dialect(), Shape(False, True))["escalated"], None, {}, limit)


def _run(statement: Statement, user_id: int | None, moments: dict[str, datetime],
         limit: int) -> list[tuple[Any, ...]]:
    sql, marked = statement
    values: dict[Any, Any] = {_USER: user_id, _LIMIT: limit}
    values.update((_MARKS[name], moment) for name, moment in moments.items())
    params = [values[param] if _is_mark(param) else param for param in marked]
    return database_proxy.obj.execute_sql(sql, params).fetchall()


def _is_mark(param: Any) -> bool:
    return (isinstance(param, int) and param in (_USER, _LIMIT)) or (
        isinstance(param, datetime) and param in _MARKS.values())


def _dialect() -> str:
    return type(database_proxy.obj).__name__


@lru_cache(maxsize=16)
def _statements(dialect: str, shape: Shape) -> dict[str, Statement]:
    """Every statement of `shape`, in the SQL of the open database (`dialect` keys the
    cache)."""
    del dialect  # the open database renders them
    made = {"counts": _sum_of(select for _, select in _counts(shape))}
    for name in LISTS:
        made[name] = _merged([(arm, *_bounds(group, arm)) for group, arm in _arms(shape)
                              if group == name])
    if shape.escalations:
        made["escalated"] = escalations.pending_query().limit(_LIMIT).sql()
    return {name: (sql, tuple(params)) for name, (sql, params) in made.items()}


# --- What is owed ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Arm:
    """One kind of item for one way of being the user's, in one group: its table, the
    conditions on it, and its due time's column."""

    kind: str
    model: Any
    owed: tuple[Any, ...]
    due: Any
    # Counted as the first's items less the second's, each from its index alone.
    counted: tuple[_Arm, _Arm] | None = None

    def where(self, start: str | None, end: str | None) -> tuple[Any, ...]:
        """The conditions, with the due time in [start, end) (None: unbounded)."""
        bounds = [] if end is None else [self.due < _MARKS[end]]
        return (*self.owed, *bounds, *([] if start is None else [self.due >= _MARKS[start]]))


def _owed(shape: Shape) -> Iterator[tuple[str, _Arm]]:
    """Each kind of item (and each way a case is the user's: its handler, or its receiver
    while nobody handles it) with the groups it falls in."""
    whose = [()] if not shape.mine else [
        (Complaint.handler == _USER,),
        (Complaint.handler.is_null(), Complaint.received_by == _USER)]
    open_case = Complaint.status.in_(OPEN_STATUSES)
    for owner in whose:
        yield "dated", _Arm("first_answer", Complaint, (
            open_case, Complaint.first_response_at.is_null(), *owner),
            Complaint.first_response_due)
        # A decided case has its decision stamped (a reopening clears it): saying so lets the
        # database count through the index of open cases (models.case.OWED_INDEXES).
        yield "dated", _Arm("decision", Complaint, (
            open_case, Complaint.resolved_at.is_null(), Complaint.clock_paused_at.is_null(),
            *owner), Complaint.resolution_due)
        yield "contact", _Arm("progress", Complaint, (
            open_case, Complaint.resolved_at.is_null(), *owner), Complaint.last_contact_at)
    assigned = (FollowUp.assignee == _USER,) if shape.mine else ()
    # Notices through the small index of exactly those: unary plus keeps the database from
    # the index of all open follow-ups.
    notices = (FollowUp.done_at.is_null(), FollowUp.kind.in_(WHILE_OPEN_KINDS),
               *((_unary_plus(FollowUp.assignee) == _USER,) if shape.mine else ()))
    # The kind is on the follow-up's row, not in the index of open ones: they are counted
    # as all open follow-ups less the notices.
    counted = (_Arm("open", FollowUp, (FollowUp.done_at.is_null(), *assigned), FollowUp.due_at),
               _Arm("notices", FollowUp, notices, FollowUp.due_at))
    yield "dated", _Arm("follow_up", FollowUp, (
        FollowUp.done_at.is_null(), *assigned, FollowUp.kind.not_in(WHILE_OPEN_KINDS)),
        FollowUp.due_at, counted)
    # A customer to be told of a compensation decision, while the case is open: listed as
    # soon as it is owed, however far off its due time. Its case's state is looked up for
    # each of the few (EXISTS, so that the database does not start from the open cases).
    case = Complaint.alias("notice_case")
    told = fn.EXISTS(case.select(SQL("1")).where(
        (case.id == FollowUp.complaint) & case.status.in_(OPEN_STATUSES)))
    yield "notice", _Arm("notice", FollowUp, (*notices, told), FollowUp.due_at)


def _arms(shape: Shape) -> Iterator[tuple[str, _Arm]]:
    """(list, arm) for every list an arm falls in."""
    for falls, arm in _owed(shape):
        if falls == "contact":
            yield "contact", arm
            continue
        for group in ("overdue", "today", "soon"):
            yield group, arm


def _bounds(group: str, arm: _Arm) -> tuple[str | None, str | None]:
    start, end = _RANGES[group]
    return (start, None) if arm.kind == "notice" and group == "soon" else (start, end)


def _unary_plus(column: Any) -> Any:
    return NodeList((SQL("+"), column), glue="")


# --- Counts ------------------------------------------------------------------------------
def _counts(shape: Shape) -> list[tuple[str, Any]]:
    """(group, count) of every arm in every group its items fall in, and the escalations."""
    made = [("overdue" if group == "contact" else group, _count(arm, *_bounds(group, arm)))
            for group, arm in _arms(shape)]
    if shape.escalations:
        made.append(("escalated", Complaint.select(fn.COUNT(SQL("*")))
                     .where(escalations.waiting())))
    return made


def _count(arm: _Arm, start: str | None, end: str | None) -> Any:
    """How many items of `arm` fall due in [start, end), over its own index."""
    if arm.counted is not None:
        return tuple(_count(part, start, end) for part in arm.counted)
    return arm.model.select(fn.COUNT(SQL("*"))).where(*arm.where(start, end))


def _sum_of(selects: Iterable[Any]) -> tuple[str, list[Any]]:
    """One statement of one row: each count a scalar subquery (or a difference of two)."""
    parts, params = [], []
    for select in selects:
        sql, values = _count_sql(select)
        parts.append(sql)
        params += values
    return "SELECT " + ", ".join(parts), params


def _count_sql(count: Any) -> tuple[str, list[Any]]:
    if isinstance(count, tuple):
        (left, first), (right, second) = (_count_sql(part) for part in count)
        return f"({left} - {right})", first + second
    sql, params = count.sql()
    return f"({sql})", list(params)


# --- Rows --------------------------------------------------------------------------------
_COLUMNS = ("k", "case_id", "number", "customer_id", "due", "follow_up_id", "note")


def _merged(arms: list[tuple[_Arm, str | None, str | None]]) -> tuple[str, list[Any]]:
    """Each arm's `limit` most urgent items, merged and cut to `limit` in the database, with
    the customers' names joined to those alone."""
    parts, params = [], []
    for number, arm in enumerate(arms):
        sql, values = _listed(*arm).sql()
        parts.append(f"SELECT * FROM ({sql}) AS a{number}")
        params += values
    # By position: both databases order a compound by its result's columns.
    order = ", ".join(str(1 + _COLUMNS.index(name))
                      for name in ("due", "number", "k", "follow_up_id"))
    table, key, name = (Customer._meta.table_name, Customer.id.column_name,
                        Customer.name.column_name)
    mark = database_proxy.obj.param
    sql = (f'SELECT u.k, u.case_id, u.number, c."{name}", u.due, u.follow_up_id, u.note '
           f"FROM ({' UNION ALL '.join(parts)} ORDER BY {order} LIMIT {mark}) AS u "
           f'JOIN "{table}" AS c ON c."{key}" = u.customer_id')
    return sql, [*params, _LIMIT]


def _listed(arm: _Arm, start: str | None, end: str | None) -> Any:
    """The `limit` most urgent items of `arm` due in [start, end), read in due order."""
    tail: tuple[Any, ...]
    if arm.model is FollowUp:
        tail = (FollowUp.due_at, FollowUp.id, FollowUp.note)
    else:
        tail = (arm.due, SQL("CAST(NULL AS INTEGER)"), SQL("CAST(NULL AS TEXT)"))
    columns = (SQL(str(KINDS.index(arm.kind))), Complaint.id, Complaint.number,
               Complaint.customer, *tail)
    query = arm.model.select(*(column.alias(alias)
                               for column, alias in zip(columns, _COLUMNS, strict=True)))
    if arm.model is FollowUp:
        query = query.join(Complaint)
    return (query.where(*arm.where(start, end)).order_by(arm.due, Complaint.number)
            .limit(_LIMIT))
