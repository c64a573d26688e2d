"""The shared fixtures themselves: each test's database is a copy of a template (on
PostgreSQL, one database put back to the template's contents before each test), and a copy
must be exactly what building a new database gives."""

import re
import shutil
import sqlite3
from pathlib import Path

import psycopg
import pytest

from app.models import ALL_MODELS, Department, SchemaVersion, User, database_proxy
from app.services import users
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW, Seed, account
from tests.postgres_desk import PG_URL, FreshPostgresDatabase, PostgresDesk

needs_postgres = pytest.mark.skipif(not PG_URL, reason="needs COMPLAINT_DESK_TEST_PG")


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


def _built(db: str, tmp_path: Path) -> tuple[object, ...]:
    """The contents of a database newly built on the backend of `db` (closing `db`)."""
    close_desk()
    if db.startswith("postgresql"):
        with FreshPostgresDatabase() as url:
            open_desk(url, now=NOW)
            return _contents()
    open_desk(str(tmp_path / "built.sqlite3"), now=NOW)
    built = _contents()
    close_desk()
    return built


def test_a_tests_database_holds_what_a_new_one_does(db: str, tmp_path: Path) -> None:
    assert _contents() == _built(db, tmp_path)


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


def _start_again(db: str, request: pytest.FixtureRequest) -> None:
    """Puts the test's database back to a new one, as the next test would get it."""
    close_desk()
    if db.startswith("postgresql"):
        assert request.getfixturevalue("postgres_desk").take() == db
    else:
        shutil.copyfile(request.getfixturevalue("sqlite_template"), db)
    open_desk(db, now=NOW)


def test_a_database_put_back_holds_what_a_new_one_does(db: str, request: pytest.FixtureRequest,
                                                       tmp_path: Path) -> None:
    owner = account("owner", None)
    record_complaint(IntakeForm(customer_name="张三", phone="13800138000", channel="phone",
                                category="product_quality", description="坏了", wish="换"),
                     actor=account("staff1", owner), now=NOW)
    Department.create(code="extra", name_zh="多", name_en="Extra")
    _start_again(db, request)
    assert _contents() == _built(db, tmp_path)


@needs_postgres
def test_a_postgres_database_whose_schema_changed_is_made_anew(
        postgres_desk: PostgresDesk) -> None:
    url = postgres_desk.take()
    open_desk(url, now=NOW)
    database_proxy.execute_sql("DROP TRIGGER status_count_truncate ON complaint")
    close_desk()
    again = postgres_desk.take()
    assert again != url
    with psycopg.connect(again) as conn:
        assert conn.execute("SELECT count(*) FROM pg_trigger "
                            "WHERE tgname = 'status_count_truncate'").fetchone() == (1,)
    assert postgres_desk.take() == again  # and this one is put back, not made anew


def test_a_seeded_database_holds_what_the_build_wrote_for_every_test(
        seeded: Seed, db: str, request: pytest.FixtureRequest) -> None:
    built: list[int] = []

    def build() -> int:
        built.append(1)
        owner = account("owner", None)
        return Department.create(code="seeded", name_zh="种", name_en="Seeded").id + owner.id

    first = seeded(build), _contents()
    _start_again(db, request)
    with pytest.raises(RuntimeError, match="written to before seeding"):
        account("owner", None)
        seeded(build)
    _start_again(db, request)
    assert (seeded(build), _contents()) == first
    assert built == [1]
