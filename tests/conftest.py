"""Shared fixtures: a fresh database per test, a fixed clock, users and a case factory.

Building a new database (schema, search index, settings, lists) costs tens of milliseconds,
so each backend's is built once per session and every test gets its own copy of it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.i18n import EN, set_language
from app.models import Complaint, User
from app.services import users
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.desk.store import close_desk, open_desk
from tests.postgres_desk import PG_URL, Contents, FreshPostgresDatabase, PostgresDesk

# Wednesday 4 March 2026, 10:00: inside the default business hours (09:00–18:00).
NOW = datetime(2026, 3, 4, 10, 0)
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
def postgres_desk() -> Iterator[PostgresDesk]:
    """This test process's PostgreSQL database, copied from a new one built once per session
    and put back to what that holds before each test (tests/postgres_desk.py)."""
    template = FreshPostgresDatabase()
    with template as url:
        open_desk(url, now=NOW)
        close_desk()  # PostgreSQL copies a template only while nobody is connected to it
        desk = PostgresDesk(template.name)
        yield desk
        desk.close()


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
    url = request.getfixturevalue("postgres_desk").take()
    open_desk(url, now=NOW)
    yield url
    close_desk()


Seed = Callable[[Callable[[], Any]], Any]


@pytest.fixture(scope="session")
def _seeds() -> dict[tuple[str, str], tuple[Path | Contents, object]]:
    """What each seeding wrote, by backend and builder: (its file or contents, its result)."""
    return {}


@pytest.fixture
def seeded(db: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest,
           _seeds: dict[tuple[str, str], tuple[Path | Contents, object]]) -> Seed:
    """Fills the test's new database with what `build()` writes; returns what it returned.

    The first test to ask runs `build` on its backend; later ones get a copy of what it wrote,
    as `db` gives a copy of a new database. So `build` must write the same whoever runs it
    (its own users and clock, no other fixture's objects), and nothing may have written to the
    test's database before (ask for `seeded` before any fixture that writes).
    """

    def seed(build: Callable[[], Any]) -> Any:
        if User.select().exists() or Complaint.select().exists():
            raise RuntimeError("seeded: the test's database was written to before seeding")
        close_desk()
        postgres = db.startswith("postgresql")
        key = ("postgres" if postgres else "sqlite", f"{build.__module__}.{build.__qualname__}")
        if key not in _seeds:
            _seeds[key] = _seed(build, db, postgres, tmp_path_factory)
        written, result = _seeds[key]
        if isinstance(written, Contents):
            request.getfixturevalue("postgres_desk").take(written)
        else:
            shutil.copyfile(written, db)
        open_desk(db, now=NOW)
        return result

    return seed


def _seed(build: Callable[[], Any], db: str, postgres: bool,
          tmp_path_factory: pytest.TempPathFactory) -> tuple[Path | Contents, object]:
    """Runs `build` on a new database: the test's own on PostgreSQL (its contents read after),
    a file of its own on SQLite (copied for each test)."""
    url = db
    if not postgres:
        url = str(tmp_path_factory.mktemp("seeded") / "desk.sqlite3")
        shutil.copyfile(db, url)
    open_desk(url, now=NOW)
    result = build()
    close_desk()
    return (Contents.read(url) if postgres else Path(url)), result


# The accounts the fixtures below make: username → (display name, role).
ACCOUNTS = {"owner": ("王老板", "owner"), "manager": ("李经理", "manager"),
            "staff1": ("张小芳", "staff"), "staff2": ("刘明", "staff")}


def account(username: str, actor: User | None) -> User:
    """The account `username` of ACCOUNTS (password PASSWORD): made, or found where a seeded
    data set holds it already (a test asks for the data set first, then the accounts)."""
    found = User.get_or_none(User.username == username)
    if found is not None:
        return found
    name, role = ACCOUNTS[username]
    return users.create_user(username=username, display_name=name, role=role,
                             password=PASSWORD, actor=actor, now=NOW)


@pytest.fixture
def owner(db: str) -> User:
    """The owner, the first account."""
    return account("owner", None)


@pytest.fixture
def manager(owner: User) -> User:
    """A manager."""
    return account("manager", owner)


@pytest.fixture
def staff(owner: User) -> User:
    """Front-desk staff."""
    return account("staff1", owner)


@pytest.fixture
def staff2(owner: User) -> User:
    """A second member of staff."""
    return account("staff2", owner)


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
