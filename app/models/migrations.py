"""Creating the schema, and upgrading databases made by older versions, step by step.

A new database gets the current schema in one go. An older one runs each numbered step
after its version, each in its own transaction that also bumps the version, after the
SQLite file has been copied aside. A database newer than this program is refused.
Opening a database already at the current version (models.schema) loads none of this.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from peewee import (
    Database,
    DateTimeField,
    ForeignKeyField,
    PostgresqlDatabase,
    SchemaManager,
)
from playhouse.migrate import SchemaMigrator, migrate

from app.errors import DatabaseUnusableError
from app.i18n import Text
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
from app.models.schema import ALL_MODELS, CURRENT_VERSION, SchemaVersion, schema_version
from app.models.search import install_search_index, install_short_index
from app.models.snapshot import CopyCheckError, copy_database
from app.models.tallies import StatusCount, install_status_counts

Step = Callable[[Database, SchemaMigrator], None]


@dataclass(frozen=True)
class SchemaOutcome:
    """What `prepare_schema` did."""

    created: bool
    upgraded_from: int | None
    backup: Path | None


def prepare_schema(database: Database, sqlite_file: Path | None, *,
                   create: bool = True) -> SchemaOutcome:
    """Creates a new schema (when `create`), upgrades an old one, or refuses one this
    program cannot use."""
    tables = database.get_tables()
    if not tables:
        if not create:
            raise DatabaseUnusableError(NO_SCHEMA)
        create_schema(database)
        return SchemaOutcome(created=True, upgraded_from=None, backup=None)
    found = schema_version(database)
    _refuse_unknown_version(found)
    assert found is not None
    if found == CURRENT_VERSION:
        return SchemaOutcome(created=False, upgraded_from=None, backup=None)
    backup = _copy_before_upgrade(database, sqlite_file, found)
    try:
        upgrade(database, found)
    except Exception as error:
        raise DatabaseUnusableError(
            Text("Upgrading the database from schema {found} failed ({error}); the unfinished "
                 "step was undone. A copy made before the upgrade is at {backup}.",
                 "数据库从结构版本 {found} 升级失败（{error}），未完成的步骤已撤销。"
                 "升级前的副本保存在 {backup}。").format(found=found, error=error, backup=backup)
        ) from error
    return SchemaOutcome(created=False, upgraded_from=found, backup=backup)


NO_SCHEMA = Text(
    "This database is empty: it holds no Complaint Desk data. Check the path or address; "
    "`complaint-desk init`, `complaint-desk demo` or the window's first run set one up.",
    "该数据库是空的，没有投诉台数据。请检查路径或地址；可用 `complaint-desk init`、"
    "`complaint-desk demo` 或首次打开窗口来建立数据库。")


def _refuse_unknown_version(found: int | None) -> None:
    """Refuses, before anything is copied or changed, a version this program cannot use."""
    if found is None:
        raise DatabaseUnusableError(
            Text(
                "This database belongs to another program (it has no Complaint Desk tables).",
                "该数据库属于其他程序（没有投诉台的数据表）。",
            )
        )
    if found > CURRENT_VERSION:
        raise DatabaseUnusableError(
            Text(
                "This database was saved by a newer Complaint Desk (schema {found}); this "
                "program knows up to schema {known}. Please update Complaint Desk.",
                "该数据库由更新版本的投诉台保存（结构版本 {found}），本程序只支持到版本 {known}。"
                "请升级投诉台。",
            ).format(found=found, known=CURRENT_VERSION)
        )
    if found < 1:
        # Versions count from 1: no Complaint Desk ever wrote this, so there is nothing to
        # upgrade from, and copying the file on every start would only fill the disk.
        raise DatabaseUnusableError(
            Text(
                "This database records schema version {found}, which no Complaint Desk "
                "writes: the file is damaged or was changed by another program. Nothing was "
                "changed. Run `complaint-desk check`, or restore a backup.",
                "该数据库记录的结构版本为 {found}，投诉台从不写入此版本：文件已损坏或被其他程序"
                "修改。数据未作修改。请运行 `complaint-desk check`，或恢复备份。",
            ).format(found=found)
        )


def create_schema(database: Database) -> None:
    """Creates every table at the current version, in one transaction."""
    with database.atomic():
        database.create_tables(ALL_MODELS)
        install_guards(database)
        install_search_index(database)
        install_short_index(database)
        EventChain.create(id=1, events=0, last_hash=chain.GENESIS)
        install_status_counts(database)
        _install_server_sort_indexes(database)
        SchemaVersion.create(version=CURRENT_VERSION, migrated_at=datetime.now())


def create_empty_schema(database: Database, fill: Callable[[], object] = lambda: None,
                        ) -> None:
    """Every table, index and guard of the current version on `database`, holding only the
    rows `fill()` puts in — not even the version: for a copy that brings its own (migrate).

    The tables come first, then `fill()`, then the indexes and guards: building an index
    once over the rows is much faster than keeping it up to date row by row. Models stay
    bound where they are; call inside a transaction.
    """
    managers = [SchemaManager(model, database) for model in ALL_MODELS]  # creation order
    for manager in managers:
        manager.create_table()
    fill()
    for manager in managers:
        manager.create_indexes()
    install_guards(database)
    install_search_index(database)
    install_short_index(database)
    install_status_counts(database)  # the triggers, and the counts made again from the rows
    _install_server_sort_indexes(database)


def upgrade(database: Database, found: int) -> None:
    """Runs each step after `found`, each atomic with its version bump."""
    migrator = SchemaMigrator.from_database(database)
    for target in range(found + 1, CURRENT_VERSION + 1):
        with database.atomic():
            STEPS[target](database, migrator)
            SchemaVersion.update(version=target, migrated_at=datetime.now()).execute()


def _copy_before_upgrade(database: Database, sqlite_file: Path | None, found: int) -> Path | None:
    if sqlite_file is None:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = sqlite_file.with_name(f"{sqlite_file.stem}.before-v{CURRENT_VERSION}-{stamp}.bak")
    try:
        copy_database(database.connection(), target)
    except CopyCheckError as failed:
        raise DatabaseUnusableError(
            Text("The database was not upgraded: the copy made first does not check out "
                 "({problem}). Run `complaint-desk check`, or restore a backup.",
                 "数据库未升级：升级前制作的副本未通过检查（{problem}）。"
                 "请运行 `complaint-desk check`，或恢复备份。").format(problem=failed.problem)
        ) from failed
    return target


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
    _install_server_sort_indexes(database)


def _v10_notices_and_short_search(database: Database, migrator: SchemaMigrator) -> None:
    """Version 10: the follow-ups owed while their case is open (telling the customer of a
    compensation decision) by due time, so the reminders find the few still to do without
    reading every open follow-up; the table that finds one or two characters (SQLite), made
    over the cases already there."""
    database.execute(FollowUp._schema._create_index(OPEN_NOTICE_INDEX))  # type: ignore[attr-defined]
    install_short_index(database)


def _install_server_sort_indexes(database: Database) -> None:
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
if 1 + len(STEPS) != CURRENT_VERSION:  # a new step: its version in models/schema.py too
    raise RuntimeError(f"schema.CURRENT_VERSION is {CURRENT_VERSION}; the steps reach "
                       f"{1 + len(STEPS)}")
