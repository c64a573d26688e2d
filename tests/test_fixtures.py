"""The shared fixtures themselves: each test's database is a copy of a template, and a copy
must be exactly what building a new database gives."""

import re
import sqlite3
from pathlib import Path

from app.models import User
from app.services import users
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW


def _dump(path: Path) -> list[str]:
    """Every table and row as SQL, but the time the schema was made (the clock's, not NOW)."""
    conn = sqlite3.connect(path)
    try:
        return [re.sub(r"'[0-9-]+ [0-9:.]+'", "'…'", line)
                if line.startswith('INSERT INTO "schema_version"') else line
                for line in conn.iterdump()]
    finally:
        conn.close()


def test_a_tests_database_is_a_new_one(sqlite_db: Path, tmp_path: Path) -> None:
    close_desk()
    built = tmp_path / "built.sqlite3"
    open_desk(str(built), now=NOW)
    close_desk()
    assert _dump(sqlite_db) == _dump(built)


def test_what_a_test_writes_stays_in_its_own_copy(sqlite_db: Path,
                                                 sqlite_template: Path) -> None:
    users.create_user(username="owner", display_name="王老板", role="owner", password="secret",
                      actor=None, now=NOW)
    assert User.select().count() == 1
    close_desk()
    conn = sqlite3.connect(f"file:{sqlite_template}?mode=ro", uri=True)
    try:
        assert conn.execute('SELECT count(*) FROM "user"').fetchone() == (0,)
    finally:
        conn.close()
