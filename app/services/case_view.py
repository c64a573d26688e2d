"""Everything about one case in one object, for `show`, the case view and JSON.

JSON keys are stable English names; codes (status, channel, category…) and user names
are used rather than translated labels, so scripts keep working in either language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.i18n import Text
from app.models import Complaint, Department, Event, RootCause, User
from app.services import audit, cases
from app.services.catalog import name_of
from app.services.fields import FIELDS
from app.services.labels import SEVERITIES, STATUSES, label
from app.services.text import iso


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the case's history."""

    at: datetime
    actor: str
    actor_name: str
    kind: str
    field: str
    old: str
    new: str
    note: str

    @classmethod
    def from_event(cls, event: Event) -> TimelineEntry:
        """Builds the entry from an event whose actor is already loaded."""
        actor = event.actor
        return cls(event.at, actor.username if actor else "", actor.display_name if actor else "",
                   event.kind, event.field, event.old_value, event.new_value, event.note)

    def describe(self) -> str:
        """`Handler: 张小芳 → 刘明`: the change in words of the current language."""
        name = field_label(self.field)
        old, new = display_value(self.field, self.old), display_value(self.field, self.new)
        change = f"{old} → {new}" if old else new
        return f"{name}: {change}" if name else change

    def to_json(self) -> dict[str, Any]:
        """The entry with stable English keys."""
        return {"at": iso(self.at), "actor": self.actor, "kind": self.kind,
                "field": self.field, "old": self.old, "new": self.new, "note": self.note}


@dataclass(frozen=True)
class CaseDetails:
    """A case with its customer, names of its references, and its timeline."""

    case: Complaint
    timeline: tuple[TimelineEntry, ...]

    @classmethod
    def load(cls, number: str) -> CaseDetails:
        """Reads the case called `number` and its whole timeline."""
        case = cases.get_case(number)
        entries = tuple(TimelineEntry.from_event(e) for e in audit.timeline(case.id))
        return cls(case, entries)

    @property
    def flags(self) -> list[str]:
        """Flag codes set on the case."""
        case = self.case
        pairs = (("group", case.flag_group), ("risk", case.flag_risk),
                 ("management", case.flag_management))
        return [code for code, on in pairs if on]

    def to_json(self, *, with_events: bool = True) -> dict[str, Any]:
        """The case with the stable keys scripts rely on."""
        c = self.case
        data: dict[str, Any] = {
            "number": c.number, "status": c.status, "received_at": iso(c.received_at),
            "received_by": c.received_by.username if c.received_by else None,
            "customer": c.customer.name, "phone": c.customer.phone,
            "address": c.customer.address, "channel": c.channel, "category": c.category.code,
            "severity": c.severity, "flags": self.flags, "description": c.description,
            "wish": c.wish, "mood": c.mood, "reference": c.reference,
            "department": c.department.code if c.department else None,
            "handler": c.handler.username if c.handler else None,
            "subject": c.subject_user.username if c.subject_user else None,
            "fault_department": c.fault_department.code if c.fault_department else None,
            "fault_party": c.fault_party, "facts": c.facts,
            "root_cause": c.root_cause.code if c.root_cause else None,
            "resolution": c.resolution, "answer": c.answer, "feedback": c.feedback,
            "satisfaction": c.satisfaction, "profile": c.profile,
            "first_response_due": iso(c.first_response_due),
            "first_response_at": iso(c.first_response_at),
            "resolution_due": iso(c.resolution_due), "next_due_at": iso(c.next_due_at),
            "feedback_at": iso(c.feedback_at), "resolved_at": iso(c.resolved_at),
            "closed_at": iso(c.closed_at), "version": c.version,
        }
        if with_events:
            data["events"] = [entry.to_json() for entry in self.timeline]
        return data

    def reference_names(self) -> dict[str, str]:
        """Category, departments and root cause in the current language."""
        c = self.case
        return {"category": name_of(c.category), "department": name_of(c.department),
                "fault_department": name_of(c.fault_department),
                "root_cause": name_of(c.root_cause)}


_OTHER_FIELDS = {"status": Text("Status", "状态"), "number": Text("", "")}


def field_label(field: str) -> str:
    """The name of a timeline field in the current language."""
    if field in FIELDS:
        return str(FIELDS[field].label)
    return str(_OTHER_FIELDS[field]) if field in _OTHER_FIELDS else field


def display_value(field: str, stored: str) -> str:
    """A stored timeline value (a code, a user name) as the user reads it."""
    if not stored:
        return ""
    if field == "status":
        return label(STATUSES, stored)
    if field == "severity":
        return label(SEVERITIES, stored)
    if field in ("department", "fault_department"):
        return name_of(Department.get_or_none(Department.code == stored)) or stored
    if field == "root_cause":
        return name_of(RootCause.get_or_none(RootCause.code == stored)) or stored
    if field in ("handler", "subject"):
        user = User.get_or_none(User.username == stored)
        return user.display_name if user else stored
    return stored
