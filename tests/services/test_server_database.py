"""A shared PostgreSQL server: moving a desk there (migrate), backing it up with pg_dump and
restoring into an empty database, the connection test and this PC's choice."""

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import location
from app.errors import DeskError
from app.models import ALL_MODELS, Attachment, Complaint, User, database_proxy
from app.models.connection import close_database
from app.services.backup import copies, dumps, migrate, server
from app.services.casework import attachments
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.demo import generate
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW
from tests.postgres_desk import PG_URL, FreshPostgresDatabase

needs_pg = pytest.mark.skipif(not PG_URL, reason="needs COMPLAINT_DESK_TEST_PG")
PHOTO = bytes(range(256)) * 40  # bytes that are not text


@pytest.fixture
def target() -> Iterator[str]:
    """An empty database on the test server."""
    with FreshPostgresDatabase() as url:
        yield url


@pytest.fixture
def demo_desk(tmp_path: Path) -> Iterator[Path]:
    """A SQLite desk with demo cases, an attachment and a backup recorded."""
    path = tmp_path / "shop.sqlite3"
    open_desk(str(path), now=NOW)
    generate.fill_demo(cases=80, seed=4, now=NOW)
    staff = User.get(User.username == "staff1")
    case = Complaint.select().order_by(Complaint.id).first()
    attachments.add_attachment(case.id, file_name="发票.jpg", data=PHOTO, actor=staff, now=NOW)
    copies.back_up(kind="daily", now=NOW)
    yield path
    close_desk()


def _rows(model: type) -> list[tuple]:
    """Every row of a table in id order, each value as Python reads it through the model."""
    fields = model._meta.sorted_fields
    order = model._meta.primary_key
    return [tuple(_plain(v) for v in row)
            for row in model.select(*fields).order_by(order).tuples()]


def _plain(value: object) -> object:
    return bytes(value) if isinstance(value, memoryview) else value


def _everything() -> dict[str, list[tuple]]:
    return {model._meta.table_name: _rows(model) for model in ALL_MODELS}


@needs_pg
def test_migrate_keeps_every_row_and_number_and_leaves_the_file_alone(demo_desk: Path,
                                                                      target: str) -> None:
    before = _everything()
    file_digest = hashlib.sha256(demo_desk.read_bytes()).hexdigest()
    owner = User.get(User.username == "owner")
    result = migrate.migrate_to_server(target, actor=owner)
    assert all(c.source == c.target for c in result.counts) and len(result.counts) == len(
        ALL_MODELS)
    assert all(check.ok for check in result.checks)
    assert hashlib.sha256(demo_desk.read_bytes()).hexdigest() == file_digest
    close_desk()
    open_desk(target, create=False)
    after = _everything()
    assert after == before  # ids, numbers, events, offers, bytes: all the same
    assert Attachment.select().count() == 1
    staff = User.get(User.username == "staff1")
    newest = max(int(number[-6:]) for number, in Complaint.select(Complaint.number).tuples()
                 if number.startswith("TS-2026"))
    case = record_complaint(IntakeForm(customer_name="周敏", phone="13712345678",
                                       channel="phone", category="product_quality",
                                       description="迁移后第一件投诉"), actor=staff, now=NOW)
    assert case.number == f"TS-2026-{newest + 1:06d}"
    assert case.id == max(row[0] for row in before["complaint"]) + 1
    assert all(check.ok for check in integrity.run_checks())


@needs_pg
def test_migrate_goes_into_an_empty_database_only(demo_desk: Path, target: str) -> None:
    owner = User.get(User.username == "owner")
    migrate.migrate_to_server(target, actor=owner)
    with pytest.raises(DeskError, match="already holds tables"):
        migrate.migrate_to_server(target, actor=owner)


@needs_pg
def test_a_copy_that_fails_check_leaves_the_server_empty(demo_desk: Path, target: str,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         ) -> None:
    broken = integrity.CheckResult(integrity.CHECKS[0][0], False, "3 pages missing")
    monkeypatch.setattr(integrity, "run_checks", lambda: [broken])
    owner = User.get(User.username == "owner")
    with pytest.raises(DeskError, match="nothing was kept on the server"):
        migrate.migrate_to_server(target, actor=owner)
    assert server.test_server(target).empty
    assert Complaint.select().count() == 80  # the file is still the one open


@needs_pg
def test_a_link_to_a_missing_row_in_the_file_keeps_nothing_on_the_server(
        demo_desk: Path, target: str) -> None:
    owner = User.get(User.username == "owner")
    database_proxy.obj.execute_sql("PRAGMA foreign_keys = OFF")
    database_proxy.obj.execute_sql(
        "INSERT INTO follow_up (complaint_id, kind, due_at, note, created_at, outcome) "
        "VALUES (999999, 'next_step', '2026-03-05 10:00:00', '孤立的跟进', "
        "'2026-03-04 10:00:00', '')")
    with pytest.raises(DeskError, match="follow_up.*nothing was kept on the server"):
        migrate.migrate_to_server(target, actor=owner)
    assert server.test_server(target).empty


@needs_pg
def test_only_an_owner_or_administrator_moves_the_desk(demo_desk: Path, target: str) -> None:
    manager = User.get(User.username == "manager")
    with pytest.raises(DeskError, match="may not move the database"):
        migrate.migrate_to_server(target, actor=manager)


@needs_pg
def test_pg_dump_backs_up_the_server_and_restores_into_an_empty_database(
        demo_desk: Path, target: str, tmp_path: Path) -> None:
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    owner = User.get(User.username == "owner")
    migrate.migrate_to_server(target, actor=owner)
    close_desk()
    open_desk(target, create=False)
    before = _everything()
    info = copies.back_up(kind="manual", now=NOW, actor=User.get(User.username == "owner"),
                          to=tmp_path / "dumps")
    assert info.ok and info.cases == 80 and info.path.endswith(".dump")
    assert Path(info.path).stat().st_size == info.size
    close_desk()
    with FreshPostgresDatabase() as empty:
        summary = dumps.restore_dump(Path(info.path), url=empty, now=NOW)
        assert summary["cases"] == 80
        restored = _everything()
        restored.pop("backup_record"), before.pop("backup_record")
        assert restored == before
        with pytest.raises(DeskError, match="not empty"):
            dumps.restore_dump(Path(info.path), url=empty, now=NOW)
        close_database()


@needs_pg
def test_without_pg_dump_the_backup_says_exactly_what_to_install(
        target: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    open_desk(target, now=NOW)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    info = copies.back_up(kind="manual", now=NOW, to=tmp_path)
    text = str(info.problem_text())
    assert not info.ok and info.problem == "no_pg_dump"
    assert "pg_dump, PostgreSQL's own backup program, is not installed" in text
    assert "sudo apt-get install postgresql-client-15" in text or "postgresql-client-1" in text
    assert "postgresql.org/download/windows" in text
    close_desk()


@needs_pg
def test_the_connection_test_says_what_the_server_holds(target: str,
                                                        demo_desk: Path) -> None:
    empty = server.test_server(target)
    assert empty.empty and not empty.holds_desk and empty.version
    migrate.migrate_to_server(target, actor=User.get(User.username == "owner"))
    full = server.test_server(target)
    assert full.holds_desk and full.cases == 80 and not full.empty
    with pytest.raises(DeskError, match="Cannot reach the database server|Cannot connect"):
        server.test_server(target.rsplit(":", 1)[0] + ":1/none")


@needs_pg
def test_this_pc_is_pointed_at_a_server_that_holds_a_desk(target: str, demo_desk: Path,
                                                          tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    choice = tmp_path / "config" / "database.json"
    monkeypatch.setattr(location, "choice_path", lambda: choice)
    monkeypatch.delenv(location.ENV_VAR, raising=False)
    with pytest.raises(DeskError, match="holds no Complaint Desk database"):
        server.use_server(target)
    assert not choice.exists()
    migrate.migrate_to_server(target, actor=User.get(User.username == "owner"))
    server.use_server(target)
    assert json.loads(choice.read_text(encoding="utf-8")) == {"database": target}
    assert location.resolve_database_url(None) == target
    assert location.database_source(None) == "this_pc"
    assert location.resolve_database_url("other.sqlite3") == "other.sqlite3"
    server.use_own_file()
    assert location.resolve_database_url(None) == str(location.default_database_path())


def test_server_addresses_are_built_and_read_back() -> None:
    url = server.address(host="192.168.1.10", port=5432, database="店铺", user="desk",
                         password="p@ss:w/rd")
    assert url == "postgresql://desk:p%40ss%3Aw%2Frd@192.168.1.10:5432/%E5%BA%97%E9%93%BA"
    assert server.parts(url) == {"host": "192.168.1.10", "port": 5432, "database": "店铺",
                                 "user": "desk", "password": "p@ss:w/rd"}
    with pytest.raises(DeskError, match="fill in the server"):
        server.address(host=" ", port=5432, database="d", user="u", password="")

