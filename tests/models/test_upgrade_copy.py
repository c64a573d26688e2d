"""The copy made before an upgrade: whole and checked or not there at all, and never made
for a version no Complaint Desk wrote."""

import contextlib
import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from app.errors import DatabaseUnusableError
from app.models.migrations import CURRENT_VERSION
from app.models.snapshot import PARTIAL_SUFFIX, inspect_copy
from app.services.desk.store import close_desk, open_desk
from tests.models.test_snapshot import add_ballast, kill_when_partial_appears

FIXTURES = Path(__file__).parent.parent / "fixtures"
OLDEST = sorted(FIXTURES.glob("schema-v*.sqlite3"))[0]


def _old_database(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite3"
    shutil.copy(OLDEST, path)
    return path


def _version(path: Path) -> object:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT version FROM schema_version").fetchone()[0]


def test_the_copy_before_an_upgrade_is_one_checked_file(tmp_path: Path) -> None:
    old = _old_database(tmp_path)
    found = _version(old)
    opened = open_desk(str(old))
    close_desk()
    assert opened.backup is not None and opened.backup.suffix == ".bak"
    facts = inspect_copy(opened.backup)
    assert facts.ok and facts.schema_version == found
    with contextlib.closing(sqlite3.connect(opened.backup)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(tmp_path.glob(f"*{PARTIAL_SUFFIX}"))


@pytest.mark.parametrize("version", ["0", "-3", "'four'", "X'00'"])
def test_a_version_no_desk_writes_is_refused_without_copying(tmp_path: Path,
                                                             version: str) -> None:
    path = _old_database(tmp_path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"UPDATE schema_version SET version = {version}")
        conn.commit()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for _start in range(3):  # every start says the same and copies nothing
        with pytest.raises(DatabaseUnusableError, match="which no Complaint Desk writes"):
            open_desk(str(path))
        close_desk()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_empty_version_table_is_refused_too(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM schema_version")
        conn.commit()
    with pytest.raises(DatabaseUnusableError, match="schema version 0"):
        open_desk(str(path))
    close_desk()
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.slow
def test_an_upgrade_killed_during_its_copy_leaves_no_bak_and_upgrades_next_time(
        tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    found = _version(path)
    add_ballast(path, 60)
    killed = kill_when_partial_appears(
        [sys.executable, "-m", "app", "--db", str(path), "list"], tmp_path, after=0.005)
    assert killed, "the upgrade finished before it could be killed"
    assert not list(tmp_path.glob("*.bak")), "a kill during the copy left a .bak behind"
    assert _version(path) == found  # not upgraded: the copy comes first
    opened = open_desk(str(path))  # the next start copies again, whole, and upgrades
    close_desk()
    assert _version(path) == CURRENT_VERSION
    assert list(tmp_path.glob("*.bak")) == [opened.backup]
    facts = inspect_copy(opened.backup)
    assert facts.ok and facts.schema_version == found
    assert not list(tmp_path.glob(f"*{PARTIAL_SUFFIX}"))  # the killed copy's leftover went
