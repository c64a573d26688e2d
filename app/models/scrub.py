"""Leaving no copy of removed data in the database's files.

Replacing a value in a row is not enough to make it gone from the disk. SQLite keeps the
bytes a row no longer uses in the free space of its page and in free pages until they are
used again; the write-ahead log (`-wal`) holds copies of pages written before; the
full-text indexes keep the words of a replaced row in their older segments until they are
merged. So a removal runs with `secure_delete` on (what SQLite frees is overwritten with
zeros), then each search index is merged into one segment, the file is rebuilt (VACUUM:
nothing freed before the removal survives either) and the log is folded into the file and
emptied (a TRUNCATE checkpoint).

PostgreSQL keeps the old version of an updated row as a dead tuple until VACUUM marks its
space free; its bytes stay in the table's files until overwritten, and in the server's own
write-ahead log until that is recycled. VACUUM is run on the tables touched; what the
server's disk and log still hold is the server's to manage (see README, Personal data).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from peewee import Database, SqliteDatabase

from app.models.search import SEARCH_TABLE, SHORT_TABLE, uses_search_table


@dataclass(frozen=True)
class Scrubbed:
    """What was done to the files after a removal, and how long it took."""

    vacuumed: bool
    log_emptied: bool  # False: another connection was reading, the log still holds pages
    seconds: float


@contextmanager
def zeroing_freed_space(database: Database) -> Iterator[None]:
    """Inside, what SQLite frees (a replaced row's bytes, a free page) is overwritten with
    zeros on this connection; outside, the setting is what it was."""
    if not isinstance(database, SqliteDatabase):
        yield
        return
    before = database.execute_sql("PRAGMA secure_delete").fetchone()[0]
    database.execute_sql("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA secure_delete = {int(before)}")


def scrub(database: Database, tables: tuple[str, ...]) -> Scrubbed:
    """After a removal was committed: no older copy left in the files (see the module).
    Call outside any transaction."""
    started = time.perf_counter()
    if not isinstance(database, SqliteDatabase):
        for table in tables:
            database.execute_sql(f'VACUUM "{table}"')
        return Scrubbed(True, True, time.perf_counter() - started)
    with zeroing_freed_space(database):
        if uses_search_table(database):
            with database.atomic():
                for table in (SEARCH_TABLE, SHORT_TABLE):
                    database.execute_sql(f"INSERT INTO {table}({table}) VALUES('optimize')")
        database.execute_sql("VACUUM")
    busy, _, _ = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return Scrubbed(True, not busy, time.perf_counter() - started)
