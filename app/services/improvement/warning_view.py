"""Early warnings read into plain values and put into words: what fired, about what, with
which cases (the reminders, the window's warning items, `warnings --json`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from app.errors import AccessError, NotFoundError
from app.i18n import Text
from app.models import (
    Category,
    Complaint,
    Customer,
    Department,
    EarlyWarning,
    RootCause,
    TupleRows,
    User,
    WarningCase,
    WarningRule,
)
from app.services.labels import ROLE_NAMES
from app.services.permissions import Permission, allowed
from app.services.text import iso

T = Text


@dataclass(frozen=True)
class WarningInfo:
    """A warning that fired: its rule's kind, its subject, its cases and what it says."""

    id: int
    kind: str
    subject: str
    fired_at: datetime
    status: str
    note: str
    value: int
    threshold: int
    days: int
    case_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    text: Text  # the warning in words
    subject_code: str  # the code of the category or root cause it is about ('' for others)

    def to_json(self) -> dict[str, object]:
        """Stable English keys."""
        return {"id": self.id, "rule": self.kind, "subject": self.subject,
                "fired_at": iso(self.fired_at), "status": self.status, "note": self.note,
                "value": self.value, "threshold": self.threshold, "days": self.days,
                "cases": list(self.numbers), "text": self.text.en}


def may_see(reader: User | None) -> None:
    """Refuses anyone but managers and the owner: warnings name customers and cases across
    the desk. `None` is the command line without --user, which reads everything.

    Raises:
        AccessError: the reader's role does not see warnings.
    """
    if reader is not None and not allowed(reader, Permission.MANAGE_IMPROVEMENT):
        raise AccessError(T("Early warnings are for managers and the owner: {name} ({role}) "
                            "may not see them.",
                            "预警仅供经理和负责人查看：{name}（{role}）无权查看。")
                          .format(name=reader.display_name,
                                  role=ROLE_NAMES.get(reader.role, T(reader.role, reader.role))))


def open_warnings(*, reader: User | None, limit: int | None = None,
                  ) -> tuple[list[WarningInfo], int]:
    """The warnings waiting for a manager (oldest first, at most `limit`) and how many.

    Raises:
        AccessError: `reader` is not a manager or the owner.
    """
    may_see(reader)
    waiting = EarlyWarning.status == "open"
    total = EarlyWarning.select().where(waiting).count()
    query = (EarlyWarning.select(EarlyWarning, WarningRule.kind, WarningRule.dimension)
             .join(WarningRule).where(waiting)
             .order_by(EarlyWarning.fired_at, EarlyWarning.id))
    return read(query.limit(limit) if limit else query), total


def warnings_fired(*, reader: User | None, since: datetime | None = None,
                   ) -> list[WarningInfo]:
    """Every warning fired (since a moment), the latest first.

    Raises:
        AccessError: `reader` is not a manager or the owner.
    """
    may_see(reader)
    query = (EarlyWarning.select(EarlyWarning, WarningRule.kind, WarningRule.dimension)
             .join(WarningRule).order_by(EarlyWarning.fired_at.desc(), EarlyWarning.id.desc()))
    return read(query.where(EarlyWarning.fired_at >= since) if since else query)


def read(query: Any) -> list[WarningInfo]:
    """Warnings (selected with their rule's kind and dimension) with their cases and words."""
    rows = list(query)
    cases = _cases([row.id for row in rows])
    names = _SubjectNames(row.subject for row in rows)
    found = []
    for row in rows:
        linked = cases.get(row.id, [])
        found.append(WarningInfo(
            row.id, row.rule.kind, row.subject, row.fired_at, row.status, row.note, row.value,
            row.threshold, row.days, tuple(case_id for case_id, _n in linked),
            tuple(number for _id, number in linked),
            words(row.rule.kind, row.subject, row.value, row.threshold, row.days, row.size,
                  names), names.code(row.subject)))
    return found


def words(kind: str, subject: str, value: int, threshold: int, days: int, size: int,
          names: _SubjectNames) -> Text:
    """What a warning says: `产品质量: 7 天内 5 件投诉` and the like."""
    what, _sep, _key = subject.partition(":")
    name = names.name(subject)
    if kind == "count":
        text = {"root_cause": T("{n} cases with root cause {name} within {d} days",
                                "{d} 天内根本原因为“{name}”的投诉 {n} 件"),
                "reference": T("{n} cases about {name} within {d} days",
                               "{d} 天内涉及“{name}”的投诉 {n} 件")}.get(
            what, T("{n} cases of {name} within {d} days", "{d} 天内“{name}”类投诉 {n} 件"))
        return text.format(n=value, name=name, d=days)
    if kind == "repeat":
        return T("{name} complained {n} times within {d} days of each other",
                 "{name} 在 {d} 天内投诉 {n} 次").format(name=name, n=value, d=days)
    if kind == "low_score":
        return T("Satisfaction {score} on {name}", "{name} 满意度仅 {score} 分").format(
            score=value, name=name)
    return T("{name}: {pct}% of decisions on time over {d} days (under {x}%), {n} late",
             "{name}：近 {d} 天按时作出决定率 {pct}%（低于 {x}%），逾期 {n} 件").format(
        name=name, pct=value, d=days, x=threshold, n=size)


class _SubjectNames:
    """The names of what warnings are about, read once for a list of warnings."""

    def __init__(self, subjects: Iterable[str]) -> None:
        wanted: dict[str, set[str]] = {}
        for subject in subjects:
            kind, _sep, key = subject.partition(":")
            wanted.setdefault(kind, set()).add(key)
        self._names: dict[str, Text] = {}
        self._codes: dict[str, str] = {}
        # Only the kinds some warning names are read (none at all for no warnings: the
        # reminders ask every minute).
        for kind, model in (("category", Category), ("root_cause", RootCause),
                            ("department", Department)):
            for row in _named(model.select(), model.id, wanted.get(kind)):
                self._names[f"{kind}:{row.id}"] = T(row.name_en, row.name_zh)
                self._codes[f"{kind}:{row.id}"] = row.code
        for customer in _named(Customer.select(), Customer.id, wanted.get("customer")):
            self._names[f"customer:{customer.id}"] = T(customer.name, customer.name)
        for case in _named(Complaint.select(Complaint.id, Complaint.number), Complaint.id,
                           wanted.get("case")):
            self._names[f"case:{case.id}"] = T(case.number, case.number)

    def code(self, subject: str) -> str:
        """The code of a list entry a subject names ('' for a customer, a case …)."""
        return self._codes.get(subject, "")

    def name(self, subject: str) -> Text:
        """The subject's name (a reference is its own name)."""
        _kind, _sep, key = subject.partition(":")
        return self._names.get(subject) or T(key, key)


def _named(query: Any, key: Any, keys: set[str] | None) -> Any:
    """The rows of `query` whose `key` is among `keys` (no query when there are none)."""
    ids = [int(found) for found in keys or () if found.isdigit()]
    return query.where(key.in_(ids)) if ids else ()


def _cases(warning_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    if not warning_ids:
        return {}
    query = (WarningCase.select(WarningCase.warning, Complaint.id, Complaint.number)
             .join(Complaint, on=(WarningCase.complaint == Complaint.id))
             .where(WarningCase.warning.in_(warning_ids)).order_by(Complaint.received_at,
                                                                    Complaint.id).tuples())
    found: dict[int, list[tuple[int, str]]] = {}
    for warning_id, case_id, number in cast(TupleRows, query):
        found.setdefault(warning_id, []).append((case_id, number))
    return found


@dataclass(frozen=True)
class WarnedCase:
    """A case a warning is about, as its window lists it."""

    id: int
    number: str
    received_at: datetime
    customer: str
    category: Text
    status: str


def warning(warning_id: int, *, reader: User | None) -> WarningInfo:
    """One warning.

    Raises:
        NotFoundError: no warning has this id.
        AccessError: `reader` is not a manager or the owner.
    """
    may_see(reader)
    found = read(EarlyWarning.select(EarlyWarning, WarningRule.kind, WarningRule.dimension)
                 .join(WarningRule).where(EarlyWarning.id == warning_id))
    if not found:
        raise NotFoundError(T("There is no early warning {id}.", "没有编号为 {id} 的预警。")
                            .format(id=warning_id), field="warning")
    return found[0]


def cases_of(warning_id: int, *, reader: User | None) -> list[WarnedCase]:
    """The cases a warning is about, oldest first.

    Raises:
        AccessError: `reader` is not a manager or the owner.
    """
    may_see(reader)
    query = (Complaint.select(Complaint.id, Complaint.number, Complaint.received_at,
                              Customer.name, Category.name_en, Category.name_zh,
                              Complaint.status)
             .join(Customer).switch(Complaint).join(Category).switch(Complaint)
             .join(WarningCase, on=(WarningCase.complaint == Complaint.id))
             .where(WarningCase.warning == warning_id)
             .order_by(Complaint.received_at, Complaint.id).tuples())
    return [WarnedCase(case_id, number, received, customer, T(en, zh), status)
            for case_id, number, received, customer, en, zh, status
            in cast(TupleRows, query)]
