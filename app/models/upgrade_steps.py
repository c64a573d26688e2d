"""The numbered upgrade steps of the schema: each takes a database made by the version
before it to the next (models.migrations runs them in order, each in its own transaction).
A new step goes at the end of STEPS, with CURRENT_VERSION in models.schema raised with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime, timedelta

from peewee import (
    Database,
    DateTimeField,
    ForeignKeyField,
    PostgresqlDatabase,
)
from playhouse.migrate import SchemaMigrator, migrate

from app.models import chain, rechain
from app.models.action import CorrectiveAction
from app.models.backup import BackupRecord
from app.models.case import (
    ACTION_EVENT_INDEX,
    ESCALATION_INDEX,
    FLAGGED_INDEX,
    MERGED_INDEX,
    OPEN_FOLLOW_UP_INDEX,
    OPEN_NOTICE_INDEX,
    OWED_INDEXES,
    STATUS_CHANGE_INDEX,
    CaseMerge,
    Complaint,
    Event,
    EventChain,
    FollowUp,
    Payment,
)
from app.models.guards import drop_event_guards, install_guards
from app.models.improvement import (
    ActionCase,
    ActionCategory,
    ActionRootCause,
    EarlyWarning,
    Training,
    TrainingAttendee,
    WarningCase,
    WarningRule,
)
from app.models.people import JOINED_INDEX, Customer, User
from app.models.search import install_search_index, install_short_index
from app.models.tallies import StatusCount, install_status_counts

Step = Callable[[Database, SchemaMigrator], None]


def _v2_search_index(database: Database, migrator: SchemaMigrator) -> None:
    """Version 2: the full-text search index over existing cases, and indexes that make the
    register's state-and-category counts and its flagged filter instant."""
    install_search_index(database)
    migrate(migrator.add_index("complaint", ("status", "category_id", "received_at"), False))
    database.execute(Complaint._schema._create_index(FLAGGED_INDEX))  # type: ignore[attr-defined]


def _v3_deadline_engine(database: Database, migrator: SchemaMigrator) -> None:
    """Version 3: the paused clock, complex cases, last contact and escalation on each case.

    Existing cases get their last contact from what is known (feedback, first answer,
    intake); flagged or critical ones count as escalated, and as acknowledged once decided.
    """
    migrate(
        migrator.add_column("complaint", "clock_paused_at", DateTimeField(null=True)),
        migrator.add_column("complaint", "complex_case", Complaint.complex_case,
                            allow_not_null=True),
        migrator.add_column("complaint", "last_contact_at", DateTimeField(null=True, index=True)),
        migrator.add_column("complaint", "escalated_at", DateTimeField(null=True)),
        migrator.add_column("complaint", "escalation_ack_at", DateTimeField(null=True)),
        migrator.add_column("complaint", "escalation_ack_by_id",
                            ForeignKeyField(User, field=User.id, null=True, index=False)),
    )
    database.execute_sql(
        "UPDATE complaint SET last_contact_at = COALESCE(feedback_at, first_response_at, "
        "received_at), escalated_at = CASE WHEN flag_group OR flag_risk OR severity = "
        "'critical' THEN received_at END")
    database.execute_sql(
        "UPDATE complaint SET escalation_ack_at = escalated_at WHERE escalated_at IS NOT NULL "
        "AND status IN ('resolved', 'rejected', 'closed')")
    for model, index in ((Complaint, ESCALATION_INDEX), (FollowUp, OPEN_FOLLOW_UP_INDEX)):
        database.execute(model._schema._create_index(index))  # type: ignore[union-attr]


def _v4_analysis_indexes(database: Database, migrator: SchemaMigrator) -> None:
    """Version 4: indexes for the analysis, which counts decisions (with their deadlines) and
    closings by period, a customer's cases by date, and finds events (reopened, extended,
    scored) by field and time."""
    migrate(migrator.add_index("complaint", ("resolved_at", "resolution_due"), False),
            migrator.add_index("complaint", ("customer_id", "received_at"), False),
            migrator.add_index("complaint", ("closed_at",), False),
            migrator.add_index("event", ("field", "at", "complaint_id"), False))
    database.execute(Event._schema._create_index(STATUS_CHANGE_INDEX))  # type: ignore[attr-defined]


def _v5_backup_records(database: Database, migrator: SchemaMigrator) -> None:
    """Version 5: the record of backups made, checked and restored."""
    database.create_tables([BackupRecord])


def _v6_money_and_trust(database: Database, migrator: SchemaMigrator) -> None:
    """Version 6: sign-in throttling and password generations on users, payments, a
    counter-offer answered once, the event hash chain and the guard triggers.

    Every event already recorded is chained in id order. A counter-offer that was accepted
    more than once (possible before this version) keeps its first acceptance linked; the
    later ones stay approved, as they were given, but no longer point at it.
    """
    drop_event_guards(database)
    migrate(
        migrator.add_column("user", "password_generation", User.password_generation,
                            allow_not_null=True),
        migrator.add_column("user", "failed_sign_ins", User.failed_sign_ins,
                            allow_not_null=True),
        migrator.add_column("user", "last_failed_at", DateTimeField(null=True)),
        migrator.add_column("user", "locked_until", DateTimeField(null=True)),
        migrator.add_column("event", "hash", Event.hash, allow_not_null=True),
    )
    database.execute_sql(
        "UPDATE compensation_offer SET parent_id = NULL WHERE parent_id IS NOT NULL AND id > "
        "(SELECT MIN(c.id) FROM compensation_offer c WHERE c.parent_id = "
        "compensation_offer.parent_id)")
    migrate(migrator.add_index("compensation_offer", ("parent_id",), True))
    database.create_tables([Payment, EventChain])
    _chain_existing_events(database)
    install_guards(database)


def _chain_existing_events(database: Database, chunk: int = 20_000) -> None:
    """Computes every event's hash as schema 6 did (SHA-256 of the previous hash and the
    content itself), in id order, and records the head of the chain; a later step links
    the contents' digests instead (rechain.link_digests)."""
    # The columns of schema 6: the corrective action's id came after (and is not set on
    # any event this step finds).
    columns = ", ".join(f'"{c}"' for c in chain.BASE_COLUMNS)
    mark = database.param
    last, count, after = chain.GENESIS, 0, 0
    while rows := database.execute_sql(
            f"SELECT id, {columns} FROM event WHERE id > {mark} ORDER BY id LIMIT {chunk}",
            (after,)).fetchall():
        hashes = []
        for row in rows:
            last = hashlib.sha256(bytes.fromhex(last) + chain.content(row[1:])).hexdigest()
            hashes.append(last)
        database.cursor().executemany(f"UPDATE event SET hash = {mark} WHERE id = {mark}",
                                      list(zip(hashes, [row[0] for row in rows], strict=True)))
        last, count, after = hashes[-1], count + len(rows), rows[-1][0]
    EventChain.create(id=1, events=count, last_hash=last)


IMPROVEMENT_TABLES = (CorrectiveAction, ActionCase, ActionRootCause, ActionCategory, Training,
                      TrainingAttendee, WarningRule, EarlyWarning, WarningCase)
# The first check of an action carried over from the old table, as the setting's default.
_CARRIED_CHECK = timedelta(weeks=8)


def _v7_improvement(database: Database, migrator: SchemaMigrator) -> None:
    """Version 7: corrective actions linked to many cases, root causes and categories, with
    their own timeline in the event log; training records; early-warning rules and the
    warnings they fired; indexes for the warnings' checks on every change of a case.

    The old corrective-action table (one case, one cause) was never written by the program;
    any row put there by hand is carried over as an open or done action all the same.
    """
    old = database.execute_sql(
        "SELECT complaint_id, root_cause_id, owner_id, description, due_at, done_at, "
        "created_at FROM corrective_action ORDER BY id").fetchall()
    database.execute_sql("DROP TABLE corrective_action")
    database.create_tables(IMPROVEMENT_TABLES)
    migrate(migrator.add_column("event", "action_id",
                                ForeignKeyField(CorrectiveAction, field=CorrectiveAction.id,
                                                null=True, index=False)),
            migrator.add_index("complaint", ("root_cause_id", "received_at"), False),
            migrator.add_index("complaint", ("reference", "received_at"), False),
            migrator.add_index("complaint", ("department_id", "resolved_at", "resolution_due"),
                               False))
    database.execute(Event._schema._create_index(ACTION_EVENT_INDEX))  # type: ignore[attr-defined]
    for row in old:
        _carry_over(row)


def _carry_over(row: tuple) -> None:
    """One row of the old table as an action: its text is the action, its case and cause
    are linked, someone owns it (the first account when nobody was named)."""
    case_id, cause_id, owner_id, text, due, done, created = row
    owner = owner_id or User.select(User.id).order_by(User.id).scalar()
    if owner is None:
        return  # nobody could own it: there are no accounts at all
    created = _moment(created)
    done = _moment(done) if done else None
    due_on = _moment(due).date() if due else created.date() + _CARRIED_CHECK
    action = CorrectiveAction.create(
        title=(text or "")[:100] or "—", measure=text or "", owner=owner, due_on=due_on,
        status="done" if done else "open", done_at=done,
        check_on=(done + _CARRIED_CHECK).date() if done else None, created_at=created,
        updated_at=created)
    if case_id:
        ActionCase.create(action=action, complaint=case_id, linked_at=created)
    if cause_id:
        ActionRootCause.create(action=action, root_cause=cause_id)


def _moment(value: datetime | date | str) -> datetime:
    if isinstance(value, str):  # SQLite keeps times as text
        value = datetime.fromisoformat(value)
    return value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())


def _v8_personal_data(database: Database, migrator: SchemaMigrator) -> None:
    """Version 8: duplicates and personal data. Cases merged into others (with the record
    of each merge), customers joined to others, the legal hold that keeps a case from
    retention, when a case's or a customer's personal data was removed, the digest an event
    keeps when its personal texts are removed; the event chain links each content's digest
    (every event checked against the old chain and chained anew); the guards again, which
    let exactly those removals and an offer's move with its merged case through."""
    drop_event_guards(database)
    migrate(
        migrator.add_column("event", "original_digest", Event.original_digest,
                            allow_not_null=True),
        migrator.add_column("complaint", "merged_into_id",
                            ForeignKeyField(Complaint, field=Complaint.id, null=True,
                                            index=False)),
        migrator.add_column("complaint", "legal_hold", Complaint.legal_hold,
                            allow_not_null=True),
        migrator.add_column("complaint", "redacted_at", DateTimeField(null=True)),
        migrator.add_column("customer", "joined_to_id",
                            ForeignKeyField(Customer, field=Customer.id, null=True, index=False)),
        migrator.add_column("customer", "redacted_at", DateTimeField(null=True)),
    )
    for model, index in ((Complaint, MERGED_INDEX), (Customer, JOINED_INDEX)):
        database.execute(model._schema._create_index(index))  # type: ignore[union-attr]
    database.create_tables([CaseMerge])
    rechain.link_digests(database)
    install_guards(database)


def _v9_register_paging(database: Database, migrator: SchemaMigrator) -> None:
    """Version 9: the register reads its pages by key. Customers by name, a state's and a
    severity's cases in id order (each sort reads index ranges), and the count of cases in
    each state kept by triggers (the counts beside the states without counting); open cases
    by who owes what by when (the reminders counted in small index ranges)."""
    migrate(migrator.add_index("customer", ("name", "id"), False),
            migrator.add_index("complaint", ("status", "id"), False),
            migrator.add_index("complaint", ("severity", "id"), False),
            migrator.add_index("complaint", ("next_due_at", "status"), False))
    for index in OWED_INDEXES:
        database.execute(Complaint._schema._create_index(index))  # type: ignore[attr-defined]
    database.create_tables([StatusCount])
    install_status_counts(database)
    install_server_sort_indexes(database)


def _v10_notices_and_short_search(database: Database, migrator: SchemaMigrator) -> None:
    """Version 10: the follow-ups owed while their case is open (telling the customer of a
    compensation decision) by due time, so the reminders find the few still to do without
    reading every open follow-up; the table that finds one or two characters (SQLite), made
    over the cases already there."""
    database.execute(FollowUp._schema._create_index(OPEN_NOTICE_INDEX))  # type: ignore[attr-defined]
    install_short_index(database)


def install_server_sort_indexes(database: Database) -> None:
    """PostgreSQL's indexes do not end in the row's id as SQLite's do: the register's other
    sort keys get the id added, so a page after a row is one index range there too."""
    if not isinstance(database, PostgresqlDatabase):
        return
    for column in ("received_at", "next_due_at", "category_id", "handler_id", "customer_id"):
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS complaint_{column}_id_order "
                             f"ON complaint ({column}, id)")


# One step per target version, run in order; version 1 is the first schema.
STEPS: dict[int, Step] = {
    2: _v2_search_index,
    3: _v3_deadline_engine,
    4: _v4_analysis_indexes,
    5: _v5_backup_records,
    6: _v6_money_and_trust,
    7: _v7_improvement,
    8: _v8_personal_data,
    9: _v9_register_paging,
    10: _v10_notices_and_short_search,
}
