"""Making a backup: a checked copy of the database, recorded, the folder kept in trim.

SQLite databases are copied with the backup API (app.models.snapshot); a server database
is dumped with pg_dump (app.services.backup.dumps). Every attempt is recorded, and a
copy that fails is a result to show, not an exception: the window's automatic copies warn
once, the command line exits 1.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from app.errors import InputError
from app.failures import database_kind
from app.i18n import Text
from app.models import User
from app.models.connection import BUSY_TIMEOUT_SECONDS
from app.models.snapshot import CopyCheckError, copy_database
from app.services.backup import places, records, retention
from app.services.backup.records import BackupInfo
from app.services.desk import store
from app.services.permissions import Permission, require

Step = Callable[[int, int, str], None]
_ERRNO_PROBLEMS = {errno.ENOSPC: "disk_full", errno.EROFS: "read_only", errno.EACCES: "denied",
                   errno.EPERM: "denied", errno.ENOENT: "unreachable"}
_SQLITE_PROBLEMS = {"full": "disk_full", "read_only": "read_only", "no_file": "unreachable",
                    "damaged": "damaged"}


def back_up(*, kind: str, now: datetime, actor: User | None = None, to: Path | None = None,
            step: Step | None = None) -> BackupInfo:
    """Copies the open database into `to` (default: the backup folder), checks and records
    the copy, and trims the backup folder to what retention keeps.

    `actor` is checked for the right to make backups when a person asks (automatic copies
    have none). The result says whether the copy checked out and, if not, why.
    """
    if actor is not None:
        require(actor, Permission.BACKUP)
    database = store.database_file()
    if database is None:
        from app.services.backup import dumps  # pg_dump, for a server database

        return dumps.dump_server(kind=kind, now=now, actor=actor, to=to)
    folder = to or places.backup_folder(database)
    assert folder is not None  # a file always has a folder beside it
    return records.record(_copy(database, folder, kind, now, step), user=actor)


def _copy(database: Path, folder: Path, kind: str, now: datetime, step: Step | None,
          ) -> BackupInfo:
    started = time.monotonic()
    target = places.copy_path(folder, database.stem, now)
    tell = step or (lambda _done, _total, _text: None)
    tell(0, 3, str(Text("Copying the database…", "正在复制数据库…")))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(database, timeout=BUSY_TIMEOUT_SECONDS)) as src:
            facts = copy_database(src, target, on_written=lambda: tell(
                1, 3, str(Text("Checking the copy…", "正在检查副本…"))))
    except CopyCheckError as failed:
        return _failed(kind, now, started, target, "check", failed.problem)
    except (sqlite3.Error, OSError) as error:
        return _failed(kind, now, started, target, _problem(error), _detail(error))
    tell(2, 3, str(Text("Removing old copies…", "正在清理旧副本…")))
    removed: tuple[str, ...] = ()
    if folder == places.backup_folder(database):  # copies elsewhere are the user's to keep
        removed = tuple(str(p) for p in retention.prune(places.find_copies(folder,
                                                                           database.stem)))
    return records.from_facts(kind, now, _finished(now, started), facts, removed)


def _failed(kind: str, now: datetime, started: float, target: Path, problem: str,
            detail: str) -> BackupInfo:
    return BackupInfo(kind, now, _finished(now, started), str(target), False,
                      problem=problem, detail=detail)


def _finished(now: datetime, started: float) -> datetime:
    return now + timedelta(seconds=round(time.monotonic() - started))


def _problem(error: BaseException) -> str:
    if isinstance(error, OSError):
        return _ERRNO_PROBLEMS.get(error.errno or 0, "write")
    return _SQLITE_PROBLEMS.get(database_kind(error), "write")


def _detail(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def require_folder(folder: str | None) -> Path | None:
    """`--to DIR` as a folder path, refused when it names a file."""
    if not folder:
        return None
    path = Path(folder).expanduser()
    if path.exists() and not path.is_dir():
        raise InputError(Text("{path} is a file; --to names a folder for the copy.",
                              "{path} 是文件；--to 应指定存放副本的文件夹。").format(path=path))
    return path
