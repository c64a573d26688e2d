"""Creating the schema, and upgrading databases made by older versions, step by step.

A new database gets the current schema in one go. An older one runs each numbered step
after its version, each in its own transaction that also bumps the version, after the
SQLite file has been copied aside. A database newer than this program is refused.
Opening a database already at the current version (models.schema) loads none of this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import (
    Database,
    SchemaManager,
)
from playhouse.migrate import SchemaMigrator

from app.errors import DatabaseUnusableError
from app.i18n import Text
from app.models import chain
from app.models.case import (
    EventChain,
)
from app.models.guards import install_guards
from app.models.schema import ALL_MODELS, CURRENT_VERSION, SchemaVersion, schema_version
from app.models.search import install_search_index, install_short_index
from app.models.snapshot import CopyCheckError, copy_database
from app.models.tallies import install_status_counts
from app.models.upgrade_steps import STEPS, install_server_sort_indexes


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
        install_server_sort_indexes(database)
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
    install_server_sort_indexes(database)


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


if 1 + len(STEPS) != CURRENT_VERSION:  # a new step: its version in models/schema.py too
    raise RuntimeError(f"schema.CURRENT_VERSION is {CURRENT_VERSION}; the steps reach "
                       f"{1 + len(STEPS)}")
