"""The append-only event log: the case timeline and the audit trail are the same table.

Every event is written here, chained by hash to the one before (app.models.chain), so
`check` can prove the record whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import JOIN, SqliteDatabase

from app.models import Complaint, Event, User, chain, database_proxy
from app.models.bulk import bulk_insert
from app.services.permissions import confirm_actor


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
) -> None:
    """Appends one event. `complaint` is None for events about the desk itself.

    The acting user is read again first: a session whose account was switched off or given
    a new password since it signed in records nothing (and its transaction is undone).
    """
    with database_proxy.atomic():
        confirm_actor(actor)
        append([(complaint.id if complaint else None, at, actor.id if actor else None, kind,
                 field, old, new, note, version)])


def record_changes(
    complaint: Complaint, actor: User | None, at: datetime, changes: Iterable[Change], *,
    version: int, note: str = "",
) -> None:
    """Appends one event per change, all stamped with the version they produced."""
    actor_id = actor.id if actor else None
    rows = [(complaint.id, at, actor_id, change.kind, change.field, change.old, change.new,
             change.note or note, version) for change in changes]
    if rows:
        with database_proxy.atomic():
            confirm_actor(actor)
            append(rows)


def append(rows: Sequence[Sequence[Any]], *, actor: User | None = None) -> None:
    """Appends events given as values in `chain.COLUMNS` order (ids for the case and the
    actor), each chained to the one before: the one way events are written, one or a
    hundred thousand (demo data, an import) at a time. Rows of events of no corrective
    action may leave its id off (all rows of one call alike).

    The chain's head is read and moved in the same transaction. On PostgreSQL its row is
    locked until the transaction ends, so writers append one after the other and no two
    events follow the same one; SQLite's writers already take turns (IMMEDIATE
    transactions). Because of that lock, a PostgreSQL transaction should lock the rows it
    will change (a case: `cases.write` updates it first) before it appends its first
    event, so that two writers never wait for each other.
    """
    if not rows:
        return
    sqlite = isinstance(database_proxy.obj, SqliteDatabase)
    # SQLite keeps times as text: hashed as the very text stored (which also spares the
    # sqlite3 module converting each time itself).
    stamped = map(_as_text, rows) if sqlite else map(tuple, rows)
    database = database_proxy.obj
    mark = database.param
    with database_proxy.atomic():
        confirm_actor(actor)
        # Plain SQL, written once: building these through peewee cost more than running them.
        head = database.execute_sql(
            "SELECT last_hash FROM event_chain WHERE id = 1" + ("" if sqlite else " FOR UPDATE")
        ).fetchone()
        linked = chain.chained(head[0] if head else chain.GENESIS, stamped)
        columns = chain.COLUMNS if len(rows[0]) == len(chain.COLUMNS) else chain.BASE_COLUMNS
        bulk_insert(Event, (*columns, "hash"), linked)
        database.execute_sql(f"UPDATE event_chain SET events = events + {mark}, last_hash = "
                             f"{mark} WHERE id = 1", (len(linked), linked[-1][-1]))


def _as_text(row: Sequence[Any]) -> tuple[Any, ...]:
    at = row[1]
    return tuple(row) if at.__class__ is str else (row[0], str(at), *row[2:])


def timeline(complaint_id: int, *merged: int) -> list[Event]:
    """Every event of a case (and of the cases `merged` into it), oldest first, with the
    acting user loaded."""
    query = (
        Event.select(Event, User)
        .join(User, JOIN.LEFT_OUTER, on=Event.actor)
        .where(Event.complaint.in_([complaint_id, *merged]) if merged
               else Event.complaint == complaint_id)
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


def record_action(action_id: int, actor: User | None, at: datetime, changes: Iterable[Change],
                  *, complaint_id: int | None = None) -> None:
    """Appends one event per change to a corrective action's own timeline.

    They are events of the one log, like a case's: append-only, and counted by the review
    like any other. A change that links or unlinks a case names the case as well, so the
    same event shows on the case's timeline too (without a case version: the case's row
    does not change).
    """
    actor_id = actor.id if actor else None
    rows = [(complaint_id, at, actor_id, change.kind, change.field, change.old, change.new,
             change.note, None, action_id) for change in changes]
    if rows:
        with database_proxy.atomic():
            confirm_actor(actor)
            append(rows)


def hold_chain() -> None:
    """Takes the chain's head now, for the rest of the transaction (PostgreSQL; SQLite's
    writers take turns already): for a writer whose rows other writers may wait on before
    they append (a warning's unique key), so that every writer waits in one order."""
    database = database_proxy.obj
    if not isinstance(database, SqliteDatabase):
        database.execute_sql("SELECT last_hash FROM event_chain WHERE id = 1 FOR UPDATE")


def action_timeline(action_id: int) -> list[Event]:
    """Every event of a corrective action, oldest first."""
    return list(Event.select().where(Event.action == action_id).order_by(Event.at, Event.id))
