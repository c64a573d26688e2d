"""Copies of a live database that are whole or absent: written under a temporary name,
checked, then renamed; killed half-way they leave no file under the real name."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.models import snapshot
from app.models.snapshot import (
    PARTIAL_SUFFIX,
    CopyCheckError,
    clear_stale_partials,
    copy_database,
    inspect_copy,
)
from app.services.desk.store import close_desk, open_desk
from tests.conftest import NOW


def _new_desk(path: Path) -> None:
    open_desk(str(path), now=NOW)
    close_desk()


def add_ballast(path: Path, megabytes: int) -> None:
    """Makes the file big enough that copying it takes a moment (a table the desk ignores)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE ballast (data BLOB)")
        conn.executemany("INSERT INTO ballast VALUES (?)",
                         [(os.urandom(1024 * 1024),) for _ in range(megabytes)])
        conn.commit()


def test_a_copy_is_one_checked_file_with_what_the_database_holds(db: str, make_case,
                                                                 tmp_path: Path) -> None:
    if db.startswith("postgresql"):
        pytest.skip("SQLite files only")
    first, second = make_case(), make_case(description="第二件投诉，还在处理")
    target = tmp_path / "copies" / "desk-copy.sqlite3"
    target.parent.mkdir()
    with contextlib.closing(sqlite3.connect(db)) as live:
        facts = copy_database(live, target)
    assert facts.ok and facts.path == target and facts.size == target.stat().st_size
    assert (facts.cases, facts.newest_case) == (2, second.number) and first.number
    assert facts.newest_at == second.received_at
    assert not Path(f"{target}-wal").exists()  # one self-contained file
    with contextlib.closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert list(target.parent.iterdir()) == [target]


def test_a_copy_that_does_not_check_out_is_removed(sqlite_db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def damaged(path: Path, **_kw: object) -> snapshot.CopyFacts:
        return snapshot.CopyFacts(path, 1, 4, 0, "", None, "row 7 missing from index")

    monkeypatch.setattr(snapshot, "inspect_copy", damaged)
    target = tmp_path / "out" / "copy.sqlite3"
    target.parent.mkdir()
    with contextlib.closing(sqlite3.connect(sqlite_db)) as live, \
            pytest.raises(CopyCheckError, match="row 7 missing"):
        copy_database(live, target)
    assert list(target.parent.iterdir()) == []


def test_what_a_copy_holds_is_read_without_changing_it(sqlite_db: Path) -> None:
    close_desk()
    before = sqlite_db.read_bytes()
    facts = inspect_copy(sqlite_db)
    assert facts.ok and facts.cases == 0 and facts.schema_version is not None
    assert sqlite_db.read_bytes() == before


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "empty"), (b"SQLite format 3\x00" + b"\xff" * 5000, "not a database"),
])
def test_a_broken_copy_says_what_is_wrong(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    facts = inspect_copy(path)
    assert not facts.ok and problem in facts.problem


def test_another_programs_database_is_not_a_good_copy(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    assert "not a Complaint Desk database" in inspect_copy(path).problem


def test_leftovers_of_interrupted_copies_are_cleared_but_not_a_copy_in_progress(
        tmp_path: Path) -> None:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    dead = tmp_path / f"a.sqlite3.{ended.stdout.strip()}{PARTIAL_SUFFIX}"
    mine = tmp_path / f"b.sqlite3.{os.getpid()}{PARTIAL_SUFFIX}"
    old = tmp_path / f"c.sqlite3.{os.getpid()}{PARTIAL_SUFFIX}"
    for path in (dead, mine, old):
        path.write_bytes(b"half a copy")
    stale = time.time() - snapshot.STALE_PARTIAL_SECONDS - 60
    os.utime(old, (stale, stale))
    assert sorted(clear_stale_partials(tmp_path)) == sorted([dead, old])
    assert mine.exists()


COPY_SCRIPT = """
import sqlite3, sys
from pathlib import Path
from app.models.snapshot import copy_database
copy_database(sqlite3.connect(sys.argv[1]), Path(sys.argv[2]))
"""


def kill_when_partial_appears(command: list[str], folder: Path, *, after: float = 0.0,
                              timeout: float = 60) -> bool:
    """Starts `command`, and SIGKILLs it `after` seconds once a partial copy appears in
    `folder`; True when it was killed before it finished."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if any(folder.glob(f"*{PARTIAL_SUFFIX}")):
                time.sleep(after)
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    return True
            time.sleep(0.001)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_a_copy_killed_half_way_leaves_no_file_under_its_name(tmp_path: Path) -> None:
    source = tmp_path / "desk.sqlite3"
    _new_desk(source)
    add_ballast(source, 60)
    caught = 0
    for attempt, delay in enumerate((0.0, 0.01, 0.03, 0.06)):
        out = tmp_path / f"run{attempt}"
        out.mkdir()
        target = out / "copy.sqlite3"
        killed = kill_when_partial_appears(
            [sys.executable, "-c", COPY_SCRIPT, str(source), str(target)], out, after=delay)
        if target.exists():  # finished before the kill: then it is whole
            assert inspect_copy(target).ok
        caught += killed and not target.exists()
        leftovers = list(out.glob(f"*{PARTIAL_SUFFIX}"))
        assert clear_stale_partials(out) == leftovers  # the writer is gone
    assert caught, "no copy was killed half-way"


@pytest.mark.parametrize(("path", "windows", "uri"), [
    ("/srv/desk/a b#1.sqlite3", False, "file:///srv/desk/a%20b%231.sqlite3?mode=ro"),
    ("/srv/a\\b.sqlite3", False, "file:///srv/a%5Cb.sqlite3?mode=ro"),
    ("C:\\Users\\店长\\desk.sqlite3", True,
     "file:///C:/Users/%E5%BA%97%E9%95%BF/desk.sqlite3?mode=ro"),
    ("\\\\nas\\backup\\desk.sqlite3", True, "file:////nas/backup/desk.sqlite3?mode=ro"),
])
def test_copies_on_a_drive_or_a_network_share_are_opened_read_only(path: str, windows: bool,
                                                                   uri: str) -> None:
    assert snapshot.read_only_uri(path, windows=windows) == uri
