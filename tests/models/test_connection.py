"""Opening databases: pragmas, refusing files that are not ours, the append-only guards."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee
import pytest

from app.errors import DatabaseUnusableError
from app.models import Complaint, Event, SchemaVersion, database_proxy
from app.models.connection import (
    ENV_VAR,
    default_database_path,
    display_url,
    open_database,
    resolve_database_url,
)
from app.models.migrations import CURRENT_VERSION
from app.services.desk.store import close_desk, open_desk


def test_new_sqlite_database_uses_wal_foreign_keys_and_a_busy_timeout(sqlite_db: Path) -> None:
    def pragma(name: str) -> object:
        return database_proxy.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 5000
    assert SchemaVersion.get().version == CURRENT_VERSION


def test_url_comes_from_option_then_environment_then_default(monkeypatch: pytest.MonkeyPatch,
                                                            ) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_database_url(None) == str(default_database_path())
    monkeypatch.setenv(ENV_VAR, "/data/shop.sqlite3")
    assert resolve_database_url(None) == "/data/shop.sqlite3"
    assert resolve_database_url("other.sqlite3") == "other.sqlite3"


def test_password_is_hidden_in_displayed_urls() -> None:
    assert display_url("postgresql://desk:s3cret@server/shop") == "postgresql://desk:***@server/shop"


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseUnusableError, match="not a Complaint Desk database"):
        open_database(str(notes))
    assert notes.read_text(encoding="utf-8") == "这不是数据库"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnusableError, match="is a folder"):
        open_database(str(tmp_path))


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(DatabaseUnusableError, match="another program"):
        open_database(str(path))


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_desk(str(path))
    SchemaVersion.update(version=CURRENT_VERSION + 1).execute()
    close_desk()
    with pytest.raises(DatabaseUnusableError, match="newer Complaint Desk"):
        open_database(str(path))


def test_a_damaged_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_desk(str(path))
    close_desk()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnusableError, match="damaged"):
        open_database(str(path))


def test_events_cannot_be_changed_or_deleted(make_case: Callable[..., Complaint]) -> None:
    case = make_case()
    with pytest.raises(peewee.DatabaseError):
        Event.update(note="rewritten").execute()
    with pytest.raises(peewee.DatabaseError):
        Event.delete().execute()
    with pytest.raises(peewee.DatabaseError):
        Complaint.delete().where(Complaint.id == case.id).execute()
    assert Complaint.select().count() == 1
