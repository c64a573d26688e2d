"""The append-only event log: the case timeline and the audit trail are the same table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from app.models import Complaint, Event, User


@dataclass(frozen=True)
class Change:
    """One field of a case going from `old` to `new` (both as stored text)."""

    field: str
    old: str
    new: str
    kind: str = "field"
    note: str = ""


def record(
    complaint: Complaint | None,
    actor: User | None,
    at: datetime,
    *,
    kind: str,
    field: str = "",
    old: str = "",
    new: str = "",
    note: str = "",
    version: int | None = None,
) -> Event:
    """Appends one event. `complaint` is None for events about the desk itself."""
    return Event.create(
        complaint=complaint, actor=actor, at=at, kind=kind, field=field,
        old_value=old, new_value=new, note=note, case_version=version,
    )


def record_changes(
    complaint: Complaint, actor: User | None, at: datetime, changes: Iterable[Change], *,
    version: int, note: str = "",
) -> None:
    """Appends one event per change, all stamped with the version they produced."""
    rows = [
        {
            "complaint": complaint.id, "actor": actor.id if actor else None, "at": at,
            "kind": change.kind, "field": change.field, "old_value": change.old,
            "new_value": change.new, "note": change.note or note, "case_version": version,
        }
        for change in changes
    ]
    if rows:
        Event.insert_many(rows).execute()


def timeline(complaint_id: int) -> list[Event]:
    """Every event of a case, oldest first, with the acting user loaded."""
    query = (
        Event.select(Event, User)
        .join(User, JOIN.LEFT_OUTER, on=Event.actor)
        .where(Event.complaint == complaint_id)
        .order_by(Event.at, Event.id)
    )
    return list(query)


def changes_since(complaint_id: int, version: int) -> list[Event]:
    """Events that produced a case version newer than `version` (what someone else did)."""
    query = (
        Event.select(Event, User)
        .join(User, JOIN.LEFT_OUTER, on=Event.actor)
        .where((Event.complaint == complaint_id) & (Event.case_version > version))
        .order_by(Event.id)
    )
    return list(query)


def was_extended(case_id: int) -> bool:
    """True once the case's decision deadline has been extended."""
    return Event.select().where((Event.complaint == case_id)
                                & (Event.kind == "extension")).exists()


def last_decision(case_id: int) -> datetime | None:
    """When the case was last decided (resolved, not upheld or solved on the spot)."""
    row = (Event.select(Event.at)
           .where((Event.complaint == case_id) & (Event.field == "status")
                  & (Event.new_value.in_(("resolved", "rejected"))
                     | ((Event.new_value == "closed") & (Event.old_value == "new"))))
           .order_by(Event.at.desc(), Event.id.desc()).first())
    return row.at if row else None
