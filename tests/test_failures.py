"""One explanation of every failure, for the window and the command line (no Qt here)."""

import argparse
import errno
import sqlite3
from pathlib import Path

import peewee
import pytest

from app import cli
from app.errors import DatabaseFailureError, FileAccessError, RuleError
from app.failures import database_text, explain
from app.i18n import ZH, Text, set_language
from app.models import damage
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing


def _explained(error: BaseException) -> str:
    found = explain(error)
    assert found is not None
    return str(found)


def test_a_refusal_is_its_own_explanation() -> None:
    refusal = RuleError(Text("The case is closed.", "该投诉已结案。"))
    assert explain(refusal) is refusal


@pytest.mark.parametrize(("error", "words"), [
    (PermissionError(errno.EACCES, "Permission denied", "/shop/photo.jpg"),
     ["Permission denied", "/shop/photo.jpg", "close it"]),
    (OSError(errno.ENOSPC, "No space left on device", "/shop/register.xlsx"),
     ["disk is full", "/shop/register.xlsx"]),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "/shop/scan.pdf"),
     ["/shop/scan.pdf does not exist"]),
    (OSError(errno.EROFS, "Read-only file system", "/cdrom/letter.pdf"),
     ["/cdrom/letter.pdf is on a read-only disk"]),
    (OSError(errno.EIO, "Input/output error", "/shop/a.pdf"),
     ["Cannot read or write /shop/a.pdf: Input/output error"]),
    (OSError(errno.EACCES, "Permission denied"), ["Permission denied: the file"]),
])
def test_a_file_error_names_the_file(error: OSError, words: list[str]) -> None:
    explained = explain(error)
    assert isinstance(explained, FileAccessError) and explained.exit_code == 2
    for word in words:
        assert word in str(explained)


@pytest.mark.parametrize(("message", "words"), [
    ("database is locked", ["busy", "try again"]),
    ("attempt to write a readonly database", ["read-only", "nothing was changed"]),
    ("database or disk is full", ["disk holding the database is full"]),
    ("database disk image is malformed", ["damaged", "complaint-desk check", "backup"]),
    ("unable to open database file", ["cannot be read or written", "network share"]),
    ("no such table: nope", ["The database refused the operation: no such table: nope."]),
])
def test_a_database_error_says_what_happened_and_what_to_do(message: str,
                                                            words: list[str]) -> None:
    for error in (sqlite3.OperationalError(message),
                  peewee.OperationalError(sqlite3.OperationalError(message), message)):
        explained = explain(error)
        assert isinstance(explained, DatabaseFailureError) and explained.exit_code == 1
        for word in words:
            assert word in str(explained)


def test_real_sqlite_errors_are_explained(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")  # another PC in the middle of saving
    waiting = peewee.SqliteDatabase(str(path), timeout=0)
    with pytest.raises(peewee.OperationalError) as locked:
        waiting.execute_sql("INSERT INTO t VALUES (1)")
    assert "busy" in _explained(locked.value)
    holder.rollback()
    holder.close()
    waiting.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(sqlite3.DatabaseError) as broken:
        sqlite3.connect(damaged).execute("SELECT * FROM sqlite_master").fetchall()
    assert "complaint-desk check" in _explained(broken.value)


def test_server_errors_are_explained_by_their_state() -> None:
    class DriverError(Exception):
        sqlstate = "25006"

    read_only = peewee.InternalError(DriverError("cannot execute UPDATE"), "cannot execute")
    assert "read-only" in _explained(read_only)
    DriverError.sqlstate = "53100"
    assert "is full" in _explained(peewee.OperationalError(DriverError("could not extend")))
    DriverError.sqlstate = "08006"
    assert "Cannot reach the database server (lost)" in _explained(
        peewee.OperationalError(DriverError("lost\nDETAIL: more")))


def test_an_unreachable_server_is_explained() -> None:
    psycopg = pytest.importorskip("psycopg")
    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect("postgresql://nobody@127.0.0.1:1/desk", connect_timeout=2)
    assert _explained(refused.value).startswith("Cannot reach the database server (")


def test_a_fault_in_the_program_is_not_explained_away() -> None:
    for fault in (KeyError("status"), TypeError("bad call"), peewee.DoesNotExist()):
        assert explain(fault) is None


def test_chinese_explanations() -> None:
    set_language(ZH)
    assert "数据库正忙" in _explained(sqlite3.OperationalError("database is locked"))
    assert "没有权限" in _explained(PermissionError(errno.EACCES, "denied", "C:\\照片.jpg"))


@pytest.mark.parametrize(("error", "code"), [
    (PermissionError(errno.EACCES, "Permission denied", "/shop/photo.jpg"), 2),
    (OSError(errno.ENOSPC, "No space left on device", "/shop/register.xlsx"), 2),
    (sqlite3.OperationalError("database is locked"), 1),
    (peewee.OperationalError(sqlite3.OperationalError("attempt to write a readonly database"),
                             "attempt to write a readonly database"), 1),
    (RuleError(Text("The case is closed.", "该投诉已结案。")), 1),
])
def test_the_command_line_prints_the_same_one_line(error: BaseException, code: int,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def run(_args: argparse.Namespace, _ctx: object) -> int:
        raise error

    args = argparse.Namespace(db=None, user=None, opens_itself=True, run=run)
    assert cli.run_command(args) == code
    assert capsys.readouterr().err == f"complaint-desk: {explain(error)}\n"


def test_a_database_error_through_the_entry_point(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise peewee.OperationalError(sqlite3.OperationalError("database is locked"),
                                      "database is locked")

    monkeypatch.setattr(listing, "fetch_page", locked)
    open_desk(str(tmp_path / "desk.sqlite3"))  # `list` opens a database, never makes one
    close_desk()
    code = cli.main(["--db", str(tmp_path / "desk.sqlite3"), "--lang", "en", "list"])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1 and len(lines) == 1
    assert lines[0] == ("complaint-desk: The database is busy: another PC or program is saving "
                        "to it. Nothing was changed; try again in a moment.")


def test_a_full_disk_is_said_even_when_the_rollback_after_it_fails(tmp_path: Path) -> None:
    """SQLite ends the transaction itself when the disk is full; the rollback that follows
    fails with "cannot rollback", which must not hide why."""
    database = peewee.SqliteDatabase(str(tmp_path / "small.sqlite3"))
    database.execute_sql("CREATE TABLE t (x BLOB)")
    database.execute_sql("PRAGMA max_page_count = 12")  # a disk with 12 pages of room
    with pytest.raises(peewee.DatabaseError) as raised, database.atomic():
        for _ in range(100):
            database.execute_sql("INSERT INTO t VALUES (zeroblob(4000))")
    database.close()
    explained = explain(raised.value)
    assert isinstance(explained, DatabaseFailureError)
    assert "disk holding the database is full" in str(explained)
    hidden = peewee.OperationalError("cannot rollback - no transaction is active")
    hidden.__context__ = sqlite3.OperationalError("database or disk is full")
    assert "is full" in _explained(hidden)


def test_a_fault_that_trips_over_damaged_data_is_called_damage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(damage, "PROBE_AGAIN_AFTER_SECONDS", 0)  # every fault looks again
    path = tmp_path / "desk.sqlite3"
    open_desk(str(path))
    try:
        assert explain(ValueError("Invalid isoformat string")) is None  # a sound database
        database = peewee.SqliteDatabase(str(path))
        database.execute_sql("INSERT INTO department (code, name_zh, name_en, active, "
                             "sort_order) VALUES ('x', '售后', 'After-sales', 1, '第一')")
        database.close()
        explained = explain(ValueError("invalid literal for int()"))
        assert isinstance(explained, DatabaseFailureError)
        assert str(explained).startswith("The database is damaged (department.sort_order: 1")
    finally:
        close_desk()
    assert explain(ValueError("with no database open")) is None


def test_a_read_only_database_is_named_with_what_is_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite3"
    open_desk(str(path))
    close_desk()
    monkeypatch.setattr("os.access", lambda p, _mode: Path(p) != path)
    said = str(DatabaseFailureError(database_text(
        sqlite3.OperationalError("attempt to write a readonly database"), where=str(path))))
    assert said.startswith(f"The database {path} is read-only: the file {path} is read-only.")


def test_a_sound_database_is_not_read_again_for_every_fault(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[object] = []
    monkeypatch.setattr(damage, "find_damage", lambda database: looked.append(database) or "")
    open_desk(str(tmp_path / "desk.sqlite3"))
    try:
        for _fault in range(3):
            assert explain(KeyError("a fault in the program")) is None
    finally:
        close_desk()
    assert len(looked) == 1


def test_damage_that_trips_the_probe_itself_is_still_called_damage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def malformed(database: object) -> str:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(damage, "find_damage", malformed)
    open_desk(str(tmp_path / "desk.sqlite3"))
    try:
        explained = explain(ValueError("Invalid isoformat string: '2026-0\x10-07'"))
    finally:
        close_desk()
    assert isinstance(explained, DatabaseFailureError)
    assert str(explained).startswith("The database is damaged (database disk image is malformed)")
