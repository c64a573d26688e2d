"""Backups on the 100,000-case database: a checked copy, what checking adds, and moving the
whole desk to PostgreSQL.

The copy is the backup service as the window and `complaint-desk backup` run it: SQLite's
backup API into a temporary file, switched to one self-contained file, flushed, checked
(integrity check, cases, newest case), renamed and recorded. The bare copy is the backup
API alone into a file, for the ratio. `migrate` needs a PostgreSQL server: run under
`tools/with-postgres.sh`, which sets COMPLAINT_DESK_TEST_PG (a new database is made on it
and dropped afterwards).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from app.models import User, database_proxy
from app.models.damage import find_damage
from app.services.backup import copies, migrate
from app.services.desk.store import close_desk, open_desk
from bench.common import best_of, demo_database, demo_now

Row = tuple[str, float, str]


def run() -> list[Row]:
    """Times a backup and its parts, then migrate when a server is at hand."""
    path, _ = demo_database()
    now = demo_now(path)
    open_desk(str(path), create=False)
    out = Path(tempfile.mkdtemp())
    try:
        rows = _backup(path, now, out) + _checks(path) + _migrate(now)
    finally:
        close_desk()
        shutil.rmtree(out, ignore_errors=True)
    return rows


def _backup(path: Path, now: object, out: Path) -> list[Row]:
    with contextlib.closing(sqlite3.connect(path)) as source, \
            contextlib.closing(sqlite3.connect(out / "bare.sqlite3")) as bare:
        started = time.perf_counter()
        source.backup(bare)
        raw = (time.perf_counter() - started) * 1000
    made = []
    ours = best_of(lambda: made.append(copies.back_up(kind="manual", now=now, to=out)),
                   runs=3, warm_up=False)
    info = made[-1]
    assert info.ok, info.problem_text()
    return [(f"backup of {info.cases:,} cases, checked and recorded", ours,
             f"bare backup API copy {raw:.0f} ms; file {info.size / 1e6:.0f} MB "
             f"(the integrity check of the copy is most of the difference)")]


def _checks(path: Path) -> list[Row]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        started = time.perf_counter()
        conn.execute("PRAGMA integrity_check").fetchall()
        integrity = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    found = find_damage(database_proxy.obj)
    damage = (time.perf_counter() - started) * 1000
    assert not found, found
    return [("integrity check of the database", integrity,
             "SQLite's own, what a copy's check runs"),
            ("damage probe (quick check, links, every column's values)", damage,
             "run by `check` and when a fault has no explanation of its own")]


def _migrate(now: object) -> list[Row]:
    server = os.environ.get("COMPLAINT_DESK_TEST_PG", "")
    if not server:
        return [("migrate to PostgreSQL", 0.0, "skipped: run under tools/with-postgres.sh")]
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    target = server.rsplit("/", 1)[0] + "/" + name
    try:
        owner = User.get(User.role == "owner")
        started = time.perf_counter()
        result = migrate.migrate_to_server(target, actor=owner)
        took = (time.perf_counter() - started) * 1000
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    rows = sum(c.target for c in result.counts)
    events = next(c.target for c in result.counts if c.table == "event")
    return [(f"migrate to PostgreSQL: {rows:,} rows ({events:,} events)", took,
             "copy in one transaction, sequences, counts and `check` on the server")]


if __name__ == "__main__":
    from bench.common import report

    report(run())
