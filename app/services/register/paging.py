"""The register's order, read a page at a time by key (keyset paging).

Every sort column is an ordered list of *parts*: a range of one indexed key (received,
number, next due, the customer's name) or one value of a column with few values (each
state, severity, category or handler in its turn, each part in id order). A row's place is
a `Cursor`: its part, its key there and its id. The page after a row continues from its
cursor (`(key, id) > (?, ?)` inside its part, then the parts after it), so a page deep in a
million cases costs what the first one does: one index range, never an OFFSET over every
row before it. Rows added or removed between two pages move no page boundary: the next page
starts right after the last row the user saw.

Empty keys (a case with no next due date, no handler) come last in either direction.
Jumping far (the scroll bar dragged) skips rows inside the index, reading no case; whole
parts are skipped by counting them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from peewee import SQL, Expression, ModelSelect, NodeList, Tuple, fn

from app.models import Category, Complaint, Customer, TupleRows, User, database_proxy
from app.services.labels import SEVERITIES, STATUSES


@dataclass(frozen=True)
class Cursor:
    """Where a row stands in an order: its part, its sort key there, and its id."""

    part: int
    key: tuple[Any, ...]
    id: int


@dataclass(frozen=True)
class Part:
    """One stretch of an order: the rows `where` selects, ordered by `keys` then id."""

    where: Expression | None
    keys: tuple[Any, ...] = ()
    customer: bool = False  # the keys are the customer's: the part joins the customer
    rare: bool = False  # few rows or none: found through `where`'s index, then sorted


SORTS = ("number", "received_at", "customer", "category", "severity", "status", "handler",
         "next_due_at")


def parts(sort: str, *, descending: bool, zh: bool) -> list[Part]:
    """The parts of the order `sort`, in the order they are shown (empty keys last)."""
    if sort == "number":
        return [Part(None, (Complaint.number,))]
    if sort == "customer":
        # By name, a customer's own cases together (then by id), through customer (name, id).
        return [Part(None, (Customer.name, Customer.id), customer=True)]
    if sort == "next_due_at":
        return [Part(Complaint.next_due_at.is_null(False), (Complaint.next_due_at,)),
                Part(Complaint.next_due_at.is_null())]
    if sort in ("status", "severity"):
        column = Complaint.status if sort == "status" else Complaint.severity
        codes = list(STATUSES if sort == "status" else SEVERITIES)
        valued = [Part(column == code) for code in _turned(codes, descending)]
        return [*valued, Part(_none_of(column, codes), rare=True)]  # unknown codes last
    if sort == "category":
        name = Category.name_zh if zh else Category.name_en
        ids = [row[0] for row in cast(TupleRows, Category.select(Category.id)
                                      .order_by(name, Category.id).tuples())]
        return [Part(Complaint.category == each) for each in _turned(ids, descending)]
    if sort == "handler":
        ids = [row[0] for row in cast(TupleRows, User.select(User.id)
                                      .order_by(User.display_name, User.id).tuples())]
        return [*(Part(Complaint.handler == each) for each in _turned(ids, descending)),
                Part(Complaint.handler.is_null())]
    return [Part(None, (Complaint.received_at,))]


def _none_of(column: Any, codes: list[str]) -> Expression:
    """`column NOT IN codes`, written as the ranges between the codes so that the column's
    index finds the (usually no) rows at once instead of reading every other row."""
    ordered = sorted(codes)
    condition = (column < ordered[0]) | (column > ordered[-1])
    for low, high in zip(ordered, ordered[1:], strict=False):
        condition = condition | ((column > low) & (column < high))
    return condition


def _turned(values: list[Any], descending: bool) -> list[Any]:
    return values[::-1] if descending else values


@dataclass(frozen=True)
class Walk:
    """Reading an order from a place, forwards or backwards, with the query's filters."""

    parts: Sequence[Part]
    descending: bool
    # The query's filters added to a part's SELECT (told whether it joins the customer).
    filtered: Callable[[ModelSelect[Complaint], bool], ModelSelect[Complaint]]
    # The filters narrow the cases to a small range of ids (a search not counted yet): they
    # are found by that range and sorted, not by walking the whole order's index.
    few: bool = False

    def ids(self, *, after: Cursor | None = None, before: Cursor | None = None,
            from_end: bool = False, skip: int = 0, limit: int | None = None,
            ) -> list[tuple[int, Cursor]]:
        """Up to `limit` rows (id and cursor), after `after`, or before `before` or from the
        end backwards (then in reverse order, nearest first), leaving out the first `skip`."""
        backwards = before is not None or from_end
        start = before if backwards else after
        indexes = list(range(len(self.parts)))
        if backwards:
            indexes.reverse()
        if start is not None:
            indexes = indexes[indexes.index(start.part):]
        found: list[tuple[int, Cursor]] = []
        for index in indexes:
            wanted = None if limit is None else limit - len(found)
            if wanted == 0:
                break
            boundary = start if start is not None and start.part == index else None
            select = self._select(index, boundary, backwards)
            read = list(_read(select, index, skip, wanted))
            if skip and not read:  # how many of the rows to leave out were in this part?
                skip -= _bounded_count(select, skip)
                continue
            found.extend(read)
            skip = 0
        return found

    def anchors(self, every: int) -> tuple[dict[int, Cursor], int]:
        """The cursors of every `every`-th row by position, and how many rows there are.

        Each step skips `every` rows inside the index from the last cursor, so a jump far
        down later reads only a short stretch from the nearest cursor before it.
        """
        found: dict[int, Cursor] = {}
        position, cursor = -1, None
        while step := self.ids(after=cursor, skip=every - 1, limit=1):
            position, cursor = position + every, step[0][1]
            found[position] = cursor
        return found, position + 1 + len(self.ids(after=cursor, limit=every))

    def _select(self, index: int, boundary: Cursor | None, backwards: bool,
                ) -> ModelSelect[Complaint]:
        part = self.parts[index]
        descending = self.descending != backwards
        select = Complaint.select(Complaint.id, *part.keys)
        if part.customer:
            select = select.join(Customer)
        select = self.filtered(select, part.customer)
        if part.where is not None:
            select = select.where(part.where)
        if boundary is not None:
            here = Tuple(*part.keys, Complaint.id)
            there = Tuple(*boundary.key, boundary.id)
            select = select.where(here < there if descending else here > there)
        # Unary plus keeps the database from walking the cases in an index's order to find a
        # few rows (a rare part's, or a narrow filter's): it finds them first and sorts them.
        keys = [*part.keys, Complaint.id]
        if self.few:
            keys = [NodeList((SQL("+"), key), glue="") for key in keys]
        elif part.rare:
            keys[-1] = NodeList((SQL("+"), Complaint.id), glue="")
        return select.order_by(*(_direction(key, descending) for key in keys))


def _direction(key: Any, descending: bool) -> Any:
    return key.desc() if descending else key.asc()


def _read(select: ModelSelect[Complaint], index: int, skip: int,
          limit: int | None) -> Iterator[tuple[int, Cursor]]:
    if limit is not None:
        select = select.limit(limit)
    if skip:
        select = select.offset(skip)
    for row in database_proxy.obj.execute(select).fetchall():
        yield row[0], Cursor(index, tuple(row[1:]), row[0])


def _bounded_count(select: ModelSelect[Complaint], bound: int) -> int:
    """How many rows `select` has, counting no further than `bound` (index-only: the ids)."""
    inner = select.select(SQL("1")).order_by().limit(bound)
    return _count_of(inner)


def _count_of(inner: ModelSelect[Complaint]) -> int:
    outer = ModelSelect(Complaint, [fn.COUNT(SQL("*"))]).from_(inner.alias("counted"))
    return database_proxy.obj.execute(outer).fetchone()[0]
