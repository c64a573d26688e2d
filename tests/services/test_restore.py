"""Restoring a SQLite database from a backup: the round trip, who may, and what is refused."""

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app.errors import AccessError, DeskError, InputError
from app.models import BackupRecord, Complaint, Event, User
from app.models.snapshot import inspect_copy
from app.services import users
from app.services.backup import copies, restore
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW

LATER = NOW + timedelta(hours=2)


@pytest.fixture
def owner(sqlite_db: Path) -> User:  # SQLite only: restoring swaps a file
    return users.create_user(username="owner", display_name="王老板", role="owner",
                             password="secret", actor=None, now=NOW)


def _round_trip(database: Path, backup: Path, owner: User) -> restore.RestoreResult:
    prepared = restore.prepare(backup, database=database, actor=owner, now=LATER)
    close_desk()
    return restore.finish(prepared)


def test_a_restore_round_trip_loses_what_came_after_and_keeps_the_rest(
        sqlite_db: Path, owner: User, make_case: Callable[..., Complaint]) -> None:
    kept = [make_case(description=f"保留的投诉 {n}") for n in range(3)]
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    added = [make_case(description=f"备份之后的投诉 {n}", at=NOW + timedelta(minutes=n))
             for n in range(2)]
    copies.back_up(kind="on_exit", now=NOW + timedelta(hours=1))  # a later copy, recorded
    result = _round_trip(sqlite_db, backup, owner)
    numbers = {c.number for c in Complaint.select()}
    assert numbers == {c.number for c in kept}
    assert not numbers & {c.number for c in added}
    assert Complaint.get(Complaint.number == kept[1].number).description == "保留的投诉 1"
    assert all(check.ok for check in integrity.run_checks())
    assert result.aside is not None and inspect_copy(result.aside).cases == 5  # nothing lost
    kinds = [row.kind for row in BackupRecord.select().order_by(BackupRecord.started_at)]
    assert kinds == ["manual", "on_exit", "restored"]  # the later copy is still known
    event = Event.select().where(Event.kind == "restored").get()
    assert (event.actor_id, event.new_value) == (owner.id, backup.name)
    assert not list(sqlite_db.parent.glob("*.restoring"))


def test_the_next_case_after_a_restore_takes_the_next_number(
        sqlite_db: Path, owner: User, make_case: Callable[..., Complaint]) -> None:
    first = make_case()
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    make_case()
    _round_trip(sqlite_db, backup, owner)
    staff = User.get(User.username == "staff1")
    again = make_case(actor=staff)
    assert again.number == first.number[:-1] + "2"
    assert all(check.ok for check in integrity.run_checks())


def test_only_an_owner_or_administrator_restores(sqlite_db: Path, owner: User,
                                                 manager: User) -> None:
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    with pytest.raises(AccessError, match="may not restore a backup"):
        restore.prepare(backup, database=sqlite_db, actor=manager, now=LATER)
    admin = users.create_user(username="it", display_name="小王", role="admin",
                              password="secret", actor=owner, now=NOW)
    prepared = restore.prepare(backup, database=sqlite_db, actor=admin, now=LATER)
    restore.abandon(prepared)
    assert not prepared.incoming.exists()


def test_a_database_another_program_holds_is_not_swapped(sqlite_db: Path, owner: User,
                                                         make_case: Callable[..., Complaint],
                                                         ) -> None:
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    case = make_case()
    prepared = restore.prepare(backup, database=sqlite_db, actor=owner, now=LATER)
    close_desk()
    with contextlib.closing(sqlite3.connect(sqlite_db)) as other:
        other.execute("SELECT count(*) FROM complaint").fetchone()  # another window, open
        with pytest.raises(DeskError, match="still open in another"):
            restore.finish(prepared)
    open_desk(str(sqlite_db), create=False)
    assert Complaint.get_by_id(case.id).number == case.number  # nothing changed
    assert not prepared.incoming.exists()


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"), (b"PK\x03\x04 an Excel file", "not a database"),
])
def test_a_backup_that_is_not_one_is_refused(sqlite_db: Path, owner: User, tmp_path: Path,
                                             content: bytes, words: str) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(InputError, match=words):
        restore.prepare(bad, database=sqlite_db, actor=owner, now=LATER)
    assert sorted(p.name for p in sqlite_db.parent.glob("desk*")) == ["desk.sqlite3",
                                                                      "desk.sqlite3-shm",
                                                                      "desk.sqlite3-wal"]


def test_a_backup_from_a_newer_desk_is_refused(sqlite_db: Path, owner: User) -> None:
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    with contextlib.closing(sqlite3.connect(backup)) as conn:
        conn.execute("UPDATE schema_version SET version = version + 1")
        conn.commit()
    with pytest.raises(InputError, match="newer Complaint Desk"):
        restore.describe(backup)


def test_a_damaged_database_is_replaced_by_an_owner_of_the_backup(
        sqlite_db: Path, owner: User, make_case: Callable[..., Complaint]) -> None:
    case = make_case()
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    close_desk()
    data = bytearray(sqlite_db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    sqlite_db.write_bytes(data)
    Path(f"{sqlite_db}-wal").unlink(missing_ok=True)
    with pytest.raises(AccessError, match="wrong user name or password"):
        restore.prepare(backup, database=sqlite_db, actor=None, now=LATER,
                        username="owner", password="wrong")
    with pytest.raises(AccessError, match="may not restore"):
        restore.prepare(backup, database=sqlite_db, actor=None, now=LATER,
                        username="staff1", password="secret")
    prepared = restore.prepare(backup, database=sqlite_db, actor=None, now=LATER,
                               username="owner", password="secret")
    result = restore.finish(prepared)
    assert Complaint.get().number == case.number
    assert result.aside is not None and result.aside.read_bytes() == bytes(data)


def test_a_backup_restores_onto_a_new_pc(sqlite_db: Path, owner: User, tmp_path: Path) -> None:
    backup = Path(copies.back_up(kind="manual", now=NOW, actor=owner).path)
    close_desk()
    new = tmp_path / "new pc" / "data" / "desk.sqlite3"
    result = restore.finish(restore.prepare(backup, database=new, actor=None, now=LATER,
                                            username="owner", password="secret"))
    assert result.aside is None and new.is_file()
    assert User.get(User.username == "owner").role == "owner"
