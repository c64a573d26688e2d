"""Moving a desk from its SQLite file to a shared PostgreSQL server, the day it gets a
second PC.

Every table in `ALL_MODELS` (so tables added later come along) is copied with its ids and
every column as stored — case numbers, the event log, attachments' bytes — from one
read-only snapshot of the file, into an empty server database, inside one transaction on
the server. Before that transaction commits, the id sequences are moved past the copied
ids, every table's rows are counted on both sides, and `check` runs on the server's copy:
if anything differs or fails, the server is left as empty as it was. The SQLite file is
only read.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass

from peewee import AutoField, BooleanField, IntegrityError, PostgresqlDatabase

from app.errors import DeskError
from app.i18n import Text
from app.models import ALL_MODELS, BaseModel, User, database_proxy
from app.models.migrations import create_empty_schema
from app.models.snapshot import open_read_only
from app.services.backup import server
from app.services.backup.copies import Step
from app.services.desk import integrity, store
from app.services.desk.integrity import CheckResult
from app.services.permissions import Permission, require

CHUNK = 5_000  # rows read and sent at a time


@dataclass(frozen=True)
class TableCount:
    """Rows of one table in the file and on the server."""

    table: str
    source: int
    target: int


@dataclass(frozen=True)
class MigrationResult:
    """What was copied where, the counts compared, and the server's `check`."""

    address: str
    counts: tuple[TableCount, ...]
    checks: tuple[CheckResult, ...]
    seconds: float

    def as_json(self) -> dict[str, object]:
        """Stable English keys, for `migrate --json`."""
        return {"server": self.address, "seconds": round(self.seconds, 1),
                "tables": {c.table: {"file": c.source, "server": c.target}
                           for c in self.counts},
                "check": [{"name": c.name.en, "ok": c.ok, "detail": c.detail}
                          for c in self.checks]}


def migrate_to_server(url: str, *, actor: User, step: Step | None = None) -> MigrationResult:
    """Copies the open SQLite database into the empty server database `url`.

    Raises:
        DeskError: the database is already on a server, the server's database is not empty
            or cannot be reached, or the copy did not match or pass `check` (then nothing
            is kept on the server).
    """
    require(actor, Permission.MOVE_DATABASE)
    source_file = store.database_file()
    if source_file is None:
        raise DeskError(Text("This database is already on a server.", "该数据库已在服务器上。"))
    started = time.monotonic()
    target = _empty_target(url)
    try:
        with contextlib.closing(open_read_only(source_file)) as source:
            source.execute("BEGIN")  # one snapshot for every table, whoever writes meanwhile
            counts, checks = _copy_all(source, target, step or (lambda *_a: None))
    finally:
        with contextlib.suppress(Exception):
            target.close()
    return MigrationResult(server.test_server(url).address, counts, checks,
                           time.monotonic() - started)


def _empty_target(url: str) -> PostgresqlDatabase:
    facts = server.test_server(url)
    if not facts.empty:
        raise DeskError(Text(
            "{address} already holds tables: the desk is moved into an empty database only. "
            "Create a new one on the server (for example `createdb desk`) and try again.",
            "{address} 中已有数据表：只能迁移到空数据库。请在服务器上新建数据库"
            "（例如 `createdb desk`）后重试。").format(address=facts.address))
    return server.connect(url)


def _copy_all(source: sqlite3.Connection, target: PostgresqlDatabase, step: Step,
              ) -> tuple[tuple[TableCount, ...], tuple[CheckResult, ...]]:
    totals = {model: _count(source, model) for model in ALL_MODELS}
    previous = database_proxy.obj
    copied = [0]

    def fill() -> None:
        links = _drop_foreign_keys(target)
        for model in ALL_MODELS:
            copied[0] = _copy_table(source, target, model, copied[0], sum(totals.values()),
                                    step)
        _add_foreign_keys(target, links)

    with target.atomic():
        create_empty_schema(target, fill)
        done = copied[0]
        _move_sequences(target)
        counts = tuple(TableCount(model._meta.table_name, totals[model],
                                  _count_target(target, model)) for model in ALL_MODELS)
        step(done, done, str(Text("Running check on the server…", "正在服务器上运行检查…")))
        try:
            database_proxy.initialize(target)  # check reads this transaction's rows
            checks = tuple(integrity.run_checks())
        finally:
            database_proxy.initialize(previous)
        _refuse_if_wrong(counts, checks)  # raising here rolls the whole copy back
    return counts, checks


def _copy_table(source: sqlite3.Connection, target: PostgresqlDatabase,
                model: type[BaseModel], done: int, total: int, step: Step) -> int:
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    table = model._meta.table_name
    flags = [isinstance(field, BooleanField) for field in fields]
    with target.cursor().copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
        for rows in _chunks(source, f'SELECT {columns} FROM "{table}"'):
            for row in rows:
                # SQLite keeps booleans as 0 and 1; the server wants true and false.
                copy.write_row([bool(v) if flag and v is not None else v
                                for v, flag in zip(row, flags, strict=True)])
            done += len(rows)
            step(done, total, str(Text("Copying {table}…", "正在复制 {table}…")
                                  .format(table=table)))
    return done


def _chunks(source: sqlite3.Connection, sql: str) -> Iterator[list[tuple]]:
    cursor = source.execute(sql)
    while rows := cursor.fetchmany(CHUNK):
        yield rows


def _drop_foreign_keys(target: PostgresqlDatabase) -> list[tuple[str, str, str]]:
    """Takes the new tables' foreign keys off for the copy, returning them: checking a
    million links row by row takes the server far longer than checking them all at once
    when they are added back (as pg_restore does)."""
    links = target.execute_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace").fetchall()
    for table, name, _definition in links:
        target.execute_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    return links


def _add_foreign_keys(target: PostgresqlDatabase, links: list[tuple[str, str, str]]) -> None:
    """Puts the foreign keys back; the server checks every copied row against them."""
    for table, name, definition in links:
        try:
            target.execute_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        except IntegrityError as error:  # raised inside the transaction: nothing is kept
            raise DeskError(NOT_KEPT.format(problems=f"{table}: {error}".splitlines()[0])
                            ) from error


def _move_sequences(target: PostgresqlDatabase) -> None:
    """Moves each id sequence past the largest id copied, so the next case gets a new id."""
    for model in ALL_MODELS:
        if isinstance(model._meta.primary_key, AutoField):
            table = model._meta.table_name
            target.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')


def _count(source: sqlite3.Connection, model: type[BaseModel]) -> int:
    return source.execute(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]


def _count_target(target: PostgresqlDatabase, model: type[BaseModel]) -> int:
    return target.execute_sql(f'SELECT count(*) FROM "{model._meta.table_name}"').fetchone()[0]


def _refuse_if_wrong(counts: tuple[TableCount, ...], checks: tuple[CheckResult, ...]) -> None:
    wrong = [f"{c.table}: {c.source} → {c.target}" for c in counts if c.source != c.target]
    wrong += [f"{c.name.en}: {c.detail}" for c in checks if not c.ok]
    if wrong:
        raise DeskError(NOT_KEPT.format(problems="; ".join(wrong[:5])))


NOT_KEPT = Text(
    "The copy on the server did not match the file ({problems}); nothing was kept on the "
    "server, and this PC's file is unchanged. Run `complaint-desk check` on this PC.",
    "服务器上的副本与文件不一致（{problems}）；服务器上未保留任何数据，本机文件未作修改。"
    "请在本机运行 `complaint-desk check`。")

