"""Pareto tables: the few causes behind most complaints (the 80/20 rule of 持续改进).

Rows are sorted by count; each carries its share, the cumulative share, and its class:
A while the causes before it cover less than 80% of the cases, B below 90%, C after. The
first row is always A. Counts are grouped in the database; each row's door is the table's
slice narrowed to the row's value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from app.i18n import Text
from app.models import Category, Department, RootCause, TupleRows, User
from app.services.analysis.filters import Filters
from app.services.analysis.names import value_name
from app.services.analysis.period import Period
from app.services.analysis.slices import DIMENSIONS, Slice
from app.services.analysis.tally import grouped

A_LIMIT, B_LIMIT = 0.8, 0.9
# Which cases each table counts: what was received (category, channel, order/product) or
# what was decided (the root cause and the department at fault are known once decided).
BASES = {"category": "received", "channel": "received", "reference": "received",
         "root_cause": "decided", "fault_department": "decided"}
FILLED_ONLY = ("root_cause", "fault_department", "reference")
LONG_TAIL = 20  # an order or product table lists its 20 most frequent values


@dataclass(frozen=True)
class ParetoRow:
    """One cause in a Pareto table."""

    code: str
    name: Text
    count: int
    share: float  # 0–1
    cumulative_share: float
    klass: str  # "A", "B" or "C"
    door: Slice

    def to_json(self) -> dict[str, object]:
        """The row with stable English keys (`class`, shares rounded to 0.1%)."""
        return {"code": self.code, "name": self.name.en, "name_zh": self.name.zh,
                "count": self.count, "share": round(self.share, 4),
                "cumulative_share": round(self.cumulative_share, 4), "class": self.klass}


@dataclass(frozen=True)
class Pareto:
    """A whole table: its dimension, the cases it counts, and its rows."""

    dimension: str
    base: Slice
    total: int
    rows: tuple[ParetoRow, ...]


def pareto(dimension: str, period: Period, filters: Filters) -> Pareto:
    """The Pareto table of `dimension` over the period's received or decided cases."""
    base = Slice(BASES[dimension], period.first, period.last)
    found = grouped(base, filters, DIMENSIONS[dimension])
    if dimension in FILLED_ONLY:
        found = [(value, n) for value, n in found if value not in (None, "")]
    found.sort(key=lambda row: (-row[1], str(row[0])))
    total = sum(n for _, n in found)
    return Pareto(dimension, base, total, tuple(_rows(dimension, base, found, total)))


def _rows(dimension: str, base: Slice, found: list[tuple], total: int) -> list[ParetoRow]:
    codes = codes_of(dimension, [value for value, _ in found])
    rows, before = [], 0
    limit = LONG_TAIL if dimension == "reference" else len(found)
    for value, number in found[:limit]:
        share = number / total
        rows.append(ParetoRow(codes.get(value, "" if value is None else str(value)),
                              value_name(dimension, value), number, share,
                              (before + number) / total, classify(before / total),
                              base.narrowed(dimension, value)))
        before += number
    return rows


def classify(covered_before: float) -> str:
    """A, B or C by the share the larger causes before this one already cover."""
    if covered_before < A_LIMIT:
        return "A"
    return "B" if covered_before < B_LIMIT else "C"


def codes_of(dimension: str, values: list[object]) -> dict[object, str]:
    """The stable code of each value: a list entry's code, or a user name."""
    models: dict[str, type[Category] | type[Department] | type[RootCause]] = {
        "category": Category, "root_cause": RootCause, "fault_department": Department,
        "department": Department}
    ids = [value for value in values if value is not None]
    if dimension in models and ids:
        model = models[dimension]
        return dict(cast(TupleRows, model.select(model.id, model.code)
                         .where(model.id.in_(ids)).tuples()))
    if dimension == "handler" and ids:
        return dict(cast(TupleRows, User.select(User.id, User.username)
                         .where(User.id.in_(ids)).tuples()))
    return {}
