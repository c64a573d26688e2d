"""Counting slices in the database: many at once over an indexed range, or grouped by a
dimension. Every count is `COUNT(*)` (or its CASE form) of a slice's own predicate, which is
what makes a figure and the register's count the same number."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from peewee import Case, Expression, Node, fn

from app.models import Complaint, database_proxy
from app.services.analysis.filters import Filters
from app.services.analysis.slices import Slice
from app.services.analysis.sql import count_all, day_of


@dataclass(frozen=True)
class Figure:
    """One number of the analysis and the cases behind it.

    `value` is what is shown (a count, a percentage, days, fen); `door` is the slice the
    register opens when the figure is clicked and `cases` how many cases it holds.
    """

    key: str
    value: int | float | None
    door: Slice | None = None
    cases: int | None = None


def one_row(select: Any) -> tuple[Any, ...]:
    """The single row of an aggregate query, as a tuple (peewee's stubs say a model)."""
    return cast(tuple[Any, ...], select.tuples().get())


def when(condition: Expression) -> Node:
    """1 for rows meeting `condition`, else 0 (summed, a count)."""
    return Case(None, [(condition, 1)], 0)


def tally(pieces: Mapping[str, Slice], filters: Filters, within: Expression,
          extra: Mapping[str, Node] | None = None) -> dict[str, int]:
    """The number of cases in each slice, in one pass over the cases `within` selects.

    `within` must contain every slice (an indexed range they all lie in): it only keeps
    the database from reading cases that cannot count. `extra` adds other aggregates over
    the same cases, by name.
    """
    more = dict(extra or {})
    columns = [fn.SUM(when(piece.condition())) for piece in pieces.values()]
    row = one_row(Complaint.select(*columns, *more.values())
                  .where(within, *filters.conditions()))
    return {key: int(value or 0) for key, value in zip([*pieces, *more], row, strict=True)}


def count(piece: Slice, filters: Filters) -> int:
    """The number of cases in one slice."""
    return int(Complaint.select(count_all()).where(piece.condition(), *filters.conditions())
               .scalar() or 0)


def grouped(piece: Slice, filters: Filters, column: Node, *extra: Node,
            ) -> list[tuple]:
    """Rows of (value of `column`, COUNT(*), *extra aggregates) over the slice's cases."""
    return grouped_by(piece, filters, (column,), *extra)


def grouped_by(piece: Slice, filters: Filters, columns: Sequence[Node], *extra: Node,
               ) -> list[tuple]:
    """Rows of (*values of `columns`, COUNT(*), *extra aggregates) over the slice's cases."""
    select = (Complaint.select(*columns, count_all(), *extra)
              .where(piece.condition(), *filters.conditions()).group_by(*columns))
    return list(database_proxy.obj.execute(select).fetchall())


DaysRows = list[tuple[tuple, date, date, int]]


def decision_days(piece: Slice, filters: Filters, columns: Sequence[Node] = ()) -> DaysRows:
    """(group, day received, day decided, cases) for the slice's decided cases; the group
    holds the values of `columns`. Days are few: Python turns them into business days."""
    received, decided = day_of(Complaint.received_at), day_of(Complaint.resolved_at)
    select = (Complaint.select(*columns, received, decided, count_all())
              .where(piece.condition(), *filters.conditions())
              .group_by(*columns, received, decided))
    keys = len(columns)
    return [(tuple(row[:keys]), _day(row[keys]), _day(row[keys + 1]), int(row[keys + 2]))
            for row in database_proxy.obj.execute(select).fetchall()]


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def percent(part: int, whole: int) -> float | None:
    """`part` of `whole` in percent, one decimal; None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None

