"""The shared fixtures themselves: each test's database is a copy of a template, and a copy
must be exactly what building a new database gives."""

import re
import sqlite3
from pathlib import Path

import pytest

from app.models import ALL_MODELS, Department, SchemaVersion, User
from app.services import users
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW, FreshPostgresDatabase


def _dump(path: Path) -> list[str]:
    """Every table and row as SQL, but the time the schema was made (the clock's, not NOW)."""
    conn = sqlite3.connect(path)
    try:
        return [re.sub(r"'[0-9-]+ [0-9:.]+'", "'…'", line)
                if line.startswith('INSERT INTO "schema_version"') else line
                for line in conn.iterdump()]
    finally:
        conn.close()


def _contents() -> tuple[object, ...]:
    """Every row of every table (but the time the schema was made: the clock's, not NOW),
    the schema's version, and the ids the next rows get (the counters a copy starts from)."""
    rows = {model.__name__: list(model.select().order_by(model._meta.primary_key).tuples())
            for model in ALL_MODELS if model is not SchemaVersion}
    next_ids = [Department.create(code=f"new_{n}", name_zh="新", name_en="New").id
                for n in range(2)]
    return rows, SchemaVersion.get().version, next_ids


def test_a_tests_database_holds_what_a_new_one_does(db: str, request: pytest.FixtureRequest,
                                                    tmp_path: Path) -> None:
    copied = _contents()
    close_desk()
    if request.node.callspec.params["db"] == "postgres":
        with FreshPostgresDatabase() as url:
            open_desk(url, now=NOW)
            built = _contents()
    else:
        open_desk(str(tmp_path / "built.sqlite3"), now=NOW)
        built = _contents()
        close_desk()
    assert copied == built


def test_a_sqlite_copy_has_the_same_schema_as_a_new_file(sqlite_db: Path, tmp_path: Path,
                                                        ) -> None:
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
