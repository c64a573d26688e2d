"""Copies of a SQLite database that are whole or absent, and what a copy holds.

A copy is written with SQLite's online backup API (a consistent image of a live database,
pages still in its WAL file included) to a temporary name in the target's folder, switched
to a self-contained single file, flushed to disk and checked; only then is it renamed to
its real name. A copy interrupted at any point (a kill, a power cut, a full disk) leaves at
most a `.partial` file, which a later copy into the same folder clears away — never a
short file under the name people look for.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

PARTIAL_SUFFIX = ".partial"
# A partial file this old belongs to a copy that was interrupted (a copy of a large
# database takes seconds to minutes, never this long).
STALE_PARTIAL_SECONDS = 30 * 60


class CopyCheckError(Exception):
    """The copy was written but does not check out; it has been removed."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class CopyFacts:
    """What a copy holds: its size, schema version, cases and the newest one, and the
    result of SQLite's integrity check ('' when it passed)."""

    path: Path
    size: int
    schema_version: int | None
    cases: int
    newest_case: str
    newest_at: datetime | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        """True when the integrity check passed and the file is a Complaint Desk database."""
        return not self.problem


def copy_database(source: sqlite3.Connection, target: Path, *,
                  on_written: Callable[[], None] | None = None) -> CopyFacts:
    """Copies the database open on `source` to `target`, checked, or raises.

    `on_written` is called once the temporary copy is complete, before it is checked (for
    progress). Raises CopyCheckError when the copy does not check out, and whatever the
    disk raises (sqlite3.Error, OSError) when it cannot be written; no `target` appears in
    either case.
    """
    clear_stale_partials(target.parent)
    partial = target.with_name(f"{target.name}.{os.getpid()}{PARTIAL_SUFFIX}")
    try:
        with contextlib.closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)  # one step: a consistent image even while others write
            # The source's WAL mode came along with its pages: a backup must be one file.
            copy.execute("PRAGMA journal_mode=DELETE").fetchone()
            copy.commit()
        _flush(partial)
        if on_written is not None:
            on_written()
        facts = inspect_copy(partial)
        if not facts.ok:
            raise CopyCheckError(facts.problem)
        os.replace(partial, target)
    finally:
        _remove_quietly(partial)
    _flush_folder(target.parent)
    return _moved(facts, target)


def inspect_copy(path: Path, *, full_check: bool = True) -> CopyFacts:
    """Opens `path` read-only and reports what it holds; `problem` says what is wrong.

    `full_check` runs SQLite's integrity check (seconds on a large file); without it only
    the header and the case table are read (for listing many copies quickly).
    """
    size = path.stat().st_size
    if size == 0:
        return CopyFacts(path, 0, None, 0, "", None, "the file is empty (0 bytes)")
    try:
        with contextlib.closing(open_read_only(path)) as conn:
            problem = _integrity(conn) if full_check else ""
            version, cases, newest, newest_at = _contents(conn)
    except sqlite3.Error as error:
        return CopyFacts(path, size, None, 0, "", None, str(error) or type(error).__name__)
    if version is None and not problem:
        problem = "it is not a Complaint Desk database (no schema version)"
    return CopyFacts(path, size, version, cases, newest, newest_at, problem)


def clear_stale_partials(folder: Path, *, now: float | None = None) -> list[Path]:
    """Removes the leftovers of interrupted copies in `folder`; returns what it removed.

    A partial file whose copying process has ended (or that is older than any copy takes)
    is a leftover. On Windows a file still being written cannot be removed, so trying is
    safe there.
    """
    moment = time.time() if now is None else now
    removed = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"*{PARTIAL_SUFFIX}"):
            with contextlib.suppress(OSError):
                fresh = moment - path.stat().st_mtime <= STALE_PARTIAL_SECONDS
                if fresh and _writer_alive(path):
                    continue
                path.unlink()
                removed.append(path)
    return removed


def _writer_alive(partial: Path) -> bool:
    """True when the process named in the partial file's name may still be writing it."""
    pid_text = partial.name.removesuffix(PARTIAL_SUFFIX).rsplit(".", 1)[-1]
    if not pid_text.isdigit():
        return True
    if int(pid_text) == os.getpid():
        return True
    if os.name != "posix":
        return False  # Windows refuses to remove a file still open
    try:
        os.kill(int(pid_text), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, not even its journal mode."""
    return sqlite3.connect(read_only_uri(str(path.resolve())), uri=True)


def read_only_uri(path: str, *, windows: bool = os.name == "nt") -> str:
    """SQLite's read-only URI for a full path: `/srv/a.db`, `C:\\a.db` or a network share's
    `\\\\server\\share\\a.db` (SQLite takes no host name in a URI, so a share is written
    `file:////server/share/a.db`, its path beginning with two slashes)."""
    text = path.replace("\\", "/") if windows else path  # elsewhere a backslash is a letter
    if not text.startswith("/"):
        text = "/" + text  # a drive letter: file:///C:/…
    return "file://" + quote(text, safe="/:") + "?mode=ro"


def _integrity(conn: sqlite3.Connection) -> str:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    return "" if rows == ["ok"] else "; ".join(rows[:5])


def _contents(conn: sqlite3.Connection) -> tuple[int | None, int, str, datetime | None]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"schema_version", "complaint"} <= tables:
        return None, 0, "", None
    row = conn.execute("SELECT version FROM schema_version ORDER BY id LIMIT 1").fetchone()
    cases = conn.execute("SELECT count(*) FROM complaint").fetchone()[0]
    # The newest case is the last one recorded (imported cases keep their older dates).
    newest = conn.execute(
        "SELECT number, received_at FROM complaint ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0] if row else None, cases, newest[0] if newest else "",
            _moment(newest[1]) if newest else None)


def _moment(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _moved(facts: CopyFacts, target: Path) -> CopyFacts:
    return CopyFacts(target, facts.size, facts.schema_version, facts.cases, facts.newest_case,
                     facts.newest_at, facts.problem)


def _flush(path: Path) -> None:
    """Forces the file's bytes to the disk, so a power cut after the rename keeps them."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _flush_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX; Windows has no folder handles to flush)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        Path(f"{path}-journal").unlink(missing_ok=True)
