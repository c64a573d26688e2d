"""Shared fixtures: a fresh database per test, a fixed clock, users and a case factory.

Building a new database (schema, search index, settings, lists) costs tens of milliseconds,
so each backend's is built once per session and every test gets its own copy of it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest

from app.i18n import EN, set_language
from app.models import Complaint, User
from app.services import users
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.desk.store import close_desk, open_desk

# Wednesday 4 March 2026, 10:00: inside the default business hours (09:00–18:00).
NOW = datetime(2026, 3, 4, 10, 0)
PG_URL = os.environ.get("COMPLAINT_DESK_TEST_PG", "")
BACKENDS = ["sqlite", "postgres"] if PG_URL else ["sqlite"]
PASSWORD = "secret"


@pytest.fixture(autouse=True)
def _fast_hashing_and_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap scrypt (the cost is stored in each hash) and English messages by default."""
    monkeypatch.setattr(users, "SCRYPT_N", 2**8)
    set_language(EN)
    yield
    set_language(EN)


@pytest.fixture
def now() -> datetime:
    """The frozen 'now' every service call in a test uses."""
    return NOW


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new SQLite database built once per session, closed so that its file is whole."""
    path = tmp_path_factory.mktemp("template") / "desk.sqlite3"
    open_desk(str(path), now=NOW)
    close_desk()
    # Closing the last connection folds the write-ahead log into the file and removes it.
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def postgres_copies() -> Iterator[PostgresCopies]:
    """Copies of a new PostgreSQL database built once per session."""
    template = FreshPostgresDatabase()
    with template as url:
        open_desk(url, now=NOW)
        close_desk()  # PostgreSQL copies a template only while nobody is connected to it
        copies = PostgresCopies(template.name)
        yield copies
        copies.close()


def _fresh_sqlite(template: Path, path: Path) -> str:
    """A copy of the template at `path`, opened and bound."""
    shutil.copyfile(template, path)
    open_desk(str(path), now=NOW)
    return str(path)


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Path]:
    """A new SQLite database file, opened and bound for the test."""
    path = tmp_path / "desk.sqlite3"
    _fresh_sqlite(sqlite_template, path)
    yield path
    close_desk()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database on each backend available (PostgreSQL when COMPLAINT_DESK_TEST_PG is set)."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        yield _fresh_sqlite(template, tmp_path / "desk.sqlite3")
        close_desk()
        return
    copies = request.getfixturevalue("postgres_copies")
    url = copies.take()
    open_desk(url, now=NOW)
    yield url
    close_desk()
    copies.drop(url)


class FreshPostgresDatabase:
    """Creates an empty database on the test server and drops it afterwards."""

    def __enter__(self) -> str:
        import psycopg

        self.name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return _postgres_url(self.name)

    def __exit__(self, *exc: object) -> None:
        import psycopg

        close_desk()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class PostgresCopies:
    """Copies of a template database, each made while the test before it runs.

    CREATE DATABASE is most of what a PostgreSQL test costs to set up; made one ahead on a
    thread of its own, it overlaps with the tests. A copy is dropped after its test.
    """

    def __init__(self, template: str) -> None:
        self.template = template
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-copies")
        self.next = self.worker.submit(self._create)

    def take(self) -> str:
        """The URL of a new copy, starting the next one."""
        name, self.next = self.next.result(), self.worker.submit(self._create)
        return _postgres_url(name)

    def drop(self, url: str) -> None:
        """Drops a copy, once its test has closed its connections (or forcibly)."""
        self.worker.submit(self._execute, f'DROP DATABASE IF EXISTS "{_name(url)}" WITH (FORCE)')

    def close(self) -> None:
        """Drops the copy made for no test and waits for the thread."""
        self.drop(_postgres_url(self.next.result()))
        self.worker.shutdown(wait=True)

    def _create(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return name

    @staticmethod
    def _execute(statement: str) -> None:
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(statement)


def _postgres_url(name: str) -> str:
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def _name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _user(username: str, name: str, role: str, actor: User | None) -> User:
    return users.create_user(username=username, display_name=name, role=role,
                             password=PASSWORD, actor=actor, now=NOW)


@pytest.fixture
def owner(db: str) -> User:
    """The owner, the first account."""
    return _user("owner", "王老板", "owner", None)


@pytest.fixture
def manager(owner: User) -> User:
    """A manager."""
    return _user("manager", "李经理", "manager", owner)


@pytest.fixture
def staff(owner: User) -> User:
    """Front-desk staff."""
    return _user("staff1", "张小芳", "staff", owner)


@pytest.fixture
def staff2(owner: User) -> User:
    """A second member of staff."""
    return _user("staff2", "刘明", "staff", owner)


@pytest.fixture
def make_case(staff: User) -> Callable[..., Complaint]:
    """Records a complaint with sensible defaults; keyword arguments override form fields."""

    def make(*, actor: User | None = None, at: datetime = NOW, **fields: object) -> Complaint:
        values: dict[str, object] = {
            "customer_name": "张三", "phone": "13800138000", "channel": "phone",
            "category": "product_quality", "description": "电饭煲使用三天后无法开机",
            "wish": "更换新品",
        }
        values.update(fields)
        return record_complaint(IntakeForm(**values), actor=actor or staff, now=at)

    return make
