"""What each early-warning rule finds: groups of cases about one subject (a category, a
customer, a department …) that reach the rule's threshold now.

Two ways in, the same findings: `for_case` looks only at the groups one case belongs to
(run on every change of a case, so it reads a few index ranges, never the whole table);
`for_all` looks at every group (the window's minute check and the command line).

    count      N+ cases of one category / root cause / reference received in the last D days
    repeat     N+ cases of one customer within D days of each other, the last of them in the
               last D days
    low_score  a satisfaction score of N or less given in the last D days
    on_time    a department's decisions of the last D days on time under N%, once it has at
               least `minimum` of them; the cases are its late decisions
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from peewee import SQL, Case, fn

from app.models import Complaint, Event, TupleRows, WarningRule, database_proxy
from app.services.text import as_datetime

# The case column a count rule groups by (Any: peewee's stubs type columns as values).
DIMENSIONS: dict[str, Any] = {"category": Complaint.category,
                              "root_cause": Complaint.root_cause,
                              "reference": Complaint.reference}


@dataclass(frozen=True)
class Finding:
    """A rule reached for one subject: the cases, and the value found (a count, a score,
    a percentage on time)."""

    rule: WarningRule
    subject: str
    case_ids: tuple[int, ...]
    value: int


@dataclass(frozen=True)
class CaseFacts:
    """What the rules read of one case."""

    id: int
    received_at: datetime
    category_id: int
    root_cause_id: int | None
    reference: str
    customer_id: int
    satisfaction: int | None
    department_id: int | None
    resolved_at: datetime | None

    def value(self, dimension: str) -> int | str | None:
        """The case's value of a count rule's dimension ('' and None: none)."""
        return {"category": self.category_id, "root_cause": self.root_cause_id,
                "reference": self.reference or None}[dimension]


def facts(case_id: int) -> CaseFacts | None:
    """The columns of one case the rules read."""
    row = (Complaint.select(Complaint.id, Complaint.received_at, Complaint.category,
                            Complaint.root_cause, Complaint.reference, Complaint.customer,
                            Complaint.satisfaction, Complaint.department, Complaint.resolved_at)
           .where(Complaint.id == case_id).tuples().first())
    if row is None:
        return None
    values = list(cast(tuple, row))
    values[1], values[8] = as_datetime(values[1]), as_datetime(values[8])
    return CaseFacts(*values)


def for_case(case: CaseFacts, rules: list[WarningRule], now: datetime) -> list[Finding]:
    """The findings of the groups `case` belongs to."""
    found: list[Finding] = []
    for rule in rules:
        since = now - timedelta(days=rule.days)
        if rule.kind == "count":
            value = case.value(rule.dimension)
            if value is not None and since <= case.received_at <= now:
                found += _counts(rule, since, now, value)
        elif rule.kind == "repeat":
            found += _repeats(rule, now, case.customer_id)
        elif rule.kind == "low_score":
            if case.satisfaction is not None and case.satisfaction <= rule.threshold:
                found += _low_scores(rule, since, now, case.id)
        elif rule.kind == "on_time" and case.department_id is not None \
                and case.resolved_at is not None and since <= case.resolved_at <= now:
            found += _late_departments(rule, since, now, case.department_id)
    return found


def for_all(rules: list[WarningRule], now: datetime) -> list[Finding]:
    """The findings of every group, rule by rule."""
    found: list[Finding] = []
    for rule in rules:
        since = now - timedelta(days=rule.days)
        if rule.kind == "count":
            found += _counts(rule, since, now)
        elif rule.kind == "repeat":
            found += _repeats(rule, now)
        elif rule.kind == "low_score":
            found += _low_scores(rule, since, now)
        else:
            found += _late_departments(rule, since, now)
    return found


def _received(since: datetime, now: datetime) -> Any:
    return (Complaint.received_at >= since) & (Complaint.received_at <= now)


def _counts(rule: WarningRule, since: datetime, now: datetime,
            value: int | str | None = None) -> list[Finding]:
    column = DIMENSIONS[rule.dimension]
    window = _received(since, now)
    if value is not None:
        reached = [value] if Complaint.select().where(
            window & (column == value)).count() >= rule.threshold else []
    else:
        present = column != "" if rule.dimension == "reference" else column.is_null(False)
        reached = [row[0] for row in cast(TupleRows, Complaint.select(column)
                   .where(window & present).group_by(column)
                   .having(fn.COUNT(SQL("*")) >= rule.threshold).tuples())]
    groups: dict[Any, list[int]] = {}
    for found in chunks(reached):
        for key, case_id in rows(Complaint.select(column, Complaint.id)
                                 .where(window & column.in_(found)).order_by(Complaint.id)):
            groups.setdefault(key, []).append(case_id)
    return [Finding(rule, f"{rule.dimension}:{key}", tuple(ids), len(ids))
            for key, ids in groups.items()]


def _repeats(rule: WarningRule, now: datetime, customer: int | None = None) -> list[Finding]:
    """Customers with `threshold` cases or more within D days of each other, the last one
    received in the last D days."""
    gap = timedelta(days=rule.days)
    window = _received(now - 2 * gap, now)
    if customer is not None:
        whose = Complaint.customer == customer
    else:
        whose = Complaint.customer.in_(
            Complaint.select(Complaint.customer).where(window).group_by(Complaint.customer)
            .having((fn.COUNT(SQL("*")) >= rule.threshold)
                    & (fn.MAX(Complaint.received_at) >= now - gap)))
    by_customer: dict[int, list[tuple[int, datetime]]] = {}
    for customer_id, case_id, at in rows(Complaint.select(
            Complaint.customer, Complaint.id, Complaint.received_at).where(window & whose)
            .order_by(Complaint.customer, Complaint.received_at, Complaint.id)):
        by_customer.setdefault(customer_id, []).append((case_id, as_datetime(at)))
    found = []
    for customer_id, theirs in by_customer.items():
        cases = _close_together(theirs, gap, now, rule.threshold)
        if cases:
            found.append(Finding(rule, f"customer:{customer_id}", cases, len(cases)))
    return found


def _close_together(rows: list[tuple[int, datetime]], gap: timedelta, now: datetime,
                    threshold: int) -> tuple[int, ...]:
    """The cases (oldest first) of the runs of `threshold`+ cases, each within `gap` of
    the one before, that end in the last `gap`."""
    chosen: set[int] = set()
    run: list[tuple[int, datetime]] = []
    for row in [*rows, None]:
        if row is not None and run and row[1] - run[-1][1] <= gap:
            run.append(row)
            continue
        if len(run) >= threshold and run[-1][1] >= now - gap:
            chosen.update(case_id for case_id, _at in run)
        run = [row] if row is not None else []
    return tuple(case_id for case_id, _at in rows if case_id in chosen)


def _low_scores(rule: WarningRule, since: datetime, now: datetime,
                case_id: int | None = None) -> list[Finding]:
    """Cases scored `threshold` or less, the score given in the window (its event)."""
    query = (Event.select(Event.complaint, Complaint.satisfaction).distinct()
             .join(Complaint, on=(Event.complaint == Complaint.id))
             .where((Event.field == "satisfaction") & (Event.at >= since) & (Event.at <= now)
                    & (Complaint.satisfaction <= rule.threshold)))
    if case_id is not None:
        query = query.where(Event.complaint == case_id)
    return [Finding(rule, f"case:{found}", (found,), score) for found, score in rows(query)]


def _late_departments(rule: WarningRule, since: datetime, now: datetime,
                      department: int | None = None) -> list[Finding]:
    """Departments whose decisions of the window were on time less than `threshold` % of
    the time (once they have `minimum` decisions); the cases are the late ones."""
    decided = (Complaint.resolved_at >= since) & (Complaint.resolved_at <= now)
    late = Complaint.resolution_due.is_null(False) & (Complaint.resolved_at
                                                      > Complaint.resolution_due)
    late_count = fn.SUM(Case(None, ((late, 1),), 0))
    query = (Complaint.select(Complaint.department, fn.COUNT(SQL("*")), late_count)
             .where(decided & (Complaint.department.is_null(False)
                               if department is None else Complaint.department == department))
             .group_by(Complaint.department)
             .having(fn.COUNT(SQL("*")) >= max(1, rule.minimum)))
    found = []
    for department_id, total, lates in rows(query):
        on_time = 100 * (total - int(lates or 0)) / total
        if on_time < rule.threshold:
            cases = _ids(decided & late & (Complaint.department == department_id))
            found.append(Finding(rule, f"department:{department_id}", cases, int(on_time)))
    return found


def chunks(values: list[Any], size: int = 500) -> list[list[Any]]:
    """`values` in pieces small enough for one IN list."""
    return [values[start:start + size] for start in range(0, len(values), size)]


def _ids(condition: Any) -> tuple[int, ...]:
    return tuple(row[0] for row in rows(Complaint.select(Complaint.id).where(condition)
                                        .order_by(Complaint.id)))


def rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows as the driver returns them: for thousands of rows, peewee's
    conversion of each value costs more than the query (times stay text on SQLite)."""
    return database_proxy.obj.execute(query).fetchall()
