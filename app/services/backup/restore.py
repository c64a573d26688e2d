"""Restoring a SQLite database from a backup, losing nothing on the way.

In two steps, because the window must close its own connection in between:
`prepare` checks the backup in full, copies the current database aside (with the backup
API, checked) and makes a checked copy of the backup beside the database; `finish` — once
every connection is closed — makes sure no other program has the database open, swaps the
copy in, opens it and records the restore. A database that cannot be opened at all (the
usual reason to restore) is moved aside as it is, and whoever restores signs in against
the backup instead.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import AccessError, DeskError, InputError
from app.i18n import Text
from app.models import BackupRecord, Complaint, User, database_proxy
from app.models.migrations import CURRENT_VERSION
from app.models.snapshot import (
    CopyCheckError,
    CopyFacts,
    copy_database,
    inspect_copy,
    open_read_only,
)
from app.services import audit, users
from app.services.backup import places
from app.services.desk import store
from app.services.permissions import Permission, require

INCOMING_SUFFIX = ".restoring"
LOCK_TIMEOUT_SECONDS = 2


@dataclass(frozen=True)
class PreparedRestore:
    """A restore ready to swap in: the checked copy of the backup beside the database."""

    database: Path
    backup: CopyFacts
    incoming: Path
    aside: Path | None  # where the current database is (or will be) kept
    copied_aside: bool  # True: a checked copy; False: the unusable file is moved there
    username: str
    now: datetime


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did."""

    database: Path
    backup: CopyFacts
    aside: Path | None

    def as_json(self) -> dict[str, object]:
        """Stable English keys, for `restore --json`."""
        made = self.backup.newest_at
        return {"restored": str(self.backup.path), "database": str(self.database),
                "previous_kept_at": str(self.aside) if self.aside else None,
                "cases": self.backup.cases, "newest_case": self.backup.newest_case or None,
                "newest_received_at": made.isoformat(timespec="seconds") if made else None,
                "schema_version": self.backup.schema_version}


@dataclass(frozen=True)
class Choice:
    """A copy in the backup folder that could be restored, and what it holds."""

    path: Path
    made_at: datetime
    facts: CopyFacts


def cases_now() -> int:
    """How many cases the database in use holds (what a restore would replace)."""
    return Complaint.select().count()


def choices() -> list[Choice]:
    """The copies of the open database in its backup folder, newest first (a quick look at
    each; the one chosen is checked in full before it is restored)."""
    database = store.database_file()
    folder = places.backup_folder(database)
    if database is None or folder is None:
        return []
    found = []
    for copy in places.find_copies(folder, database.stem):
        with contextlib.suppress(OSError):
            found.append(Choice(copy.path, copy.made_at, inspect_copy(copy.path,
                                                                       full_check=False)))
    return found


def describe(backup: Path, *, full_check: bool = False) -> CopyFacts:
    """What `backup` holds (its date is in its name and file time); refused when it cannot
    be restored."""
    try:
        facts = inspect_copy(backup, full_check=full_check)
    except OSError as error:
        raise InputError(Text("{file} cannot be read: {reason}", "无法读取 {file}：{reason}")
                         .format(file=backup, reason=error.strerror or error)) from error
    if not facts.ok:
        raise InputError(Text("{file} cannot be restored: {problem}.",
                              "{file} 无法恢复：{problem}。").format(file=backup,
                                                                 problem=facts.problem))
    if facts.schema_version is not None and facts.schema_version > CURRENT_VERSION:
        raise InputError(Text(
            "{file} was saved by a newer Complaint Desk (schema {found}); update Complaint "
            "Desk to restore it.", "{file} 由更新版本的投诉台保存（结构版本 {found}），"
            "请先升级投诉台再恢复。").format(file=backup, found=facts.schema_version))
    return facts


def prepare(backup: Path, *, database: Path, actor: User | None, now: datetime,
            username: str = "", password: str = "") -> PreparedRestore:
    """Checks `backup`, keeps the current database aside and copies the backup in place
    beside it, ready for `finish`.

    `actor` is the user signed in to the current database (an owner or administrator).
    When the current database cannot be opened, there is nobody signed in to it: then
    `username` and `password` must be an owner's or administrator's in the backup.
    """
    if actor is not None:
        require(actor, Permission.RESTORE)
    facts = describe(backup, full_check=True)
    database.parent.mkdir(parents=True, exist_ok=True)  # restoring onto a new PC
    incoming = database.with_name(database.name + INCOMING_SUFFIX)
    _copy_checked(backup, incoming)
    try:
        if actor is None:
            _sign_in_to_copy(incoming, username, password)
        aside, copied = _keep_aside(database, now, usable=actor is not None)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    return PreparedRestore(database, facts, incoming, aside, copied,
                           actor.username if actor else username, now)


def finish(prepared: PreparedRestore) -> RestoreResult:
    """Swaps the copy in and opens it; every connection to the database must be closed.

    Raises:
        DeskError: another program still has the database open (nothing was changed).
    """
    database = prepared.database
    try:
        if prepared.copied_aside:
            _release(database)
        elif prepared.aside is not None:
            _move_with_journal(database, prepared.aside)
        os.replace(prepared.incoming, database)
    except BaseException:
        prepared.incoming.unlink(missing_ok=True)
        raise
    for leftover in ("-wal", "-shm"):
        Path(f"{database}{leftover}").unlink(missing_ok=True)
    store.open_desk(str(database), now=prepared.now, create=False)
    _record(prepared)
    return RestoreResult(database, prepared.backup, prepared.aside)


def abandon(prepared: PreparedRestore) -> None:
    """Removes the prepared copy when the restore does not go ahead."""
    prepared.incoming.unlink(missing_ok=True)


def _copy_checked(source: Path, target: Path) -> None:
    try:
        with contextlib.closing(open_read_only(source)) as conn:
            copy_database(conn, target)
    except CopyCheckError as failed:
        raise InputError(Text("{file} cannot be restored: {problem}.",
                              "{file} 无法恢复：{problem}。").format(file=source,
                                                                 problem=failed.problem)
                         ) from failed


def _keep_aside(database: Path, now: datetime, *, usable: bool) -> tuple[Path | None, bool]:
    if not database.exists():
        return None, False  # a new PC: nothing to keep
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.stem}.before-restore-{stamp}{database.suffix}")
    if not usable:
        return aside, False  # moved there as it is when the copy is swapped in
    with contextlib.closing(sqlite3.connect(database, timeout=LOCK_TIMEOUT_SECONDS)) as conn:
        copy_database(conn, aside)
    return aside, True


def _sign_in_to_copy(copy: Path, username: str, password: str) -> None:
    """Checks the name and password against the accounts in the backup."""
    with contextlib.closing(open_read_only(copy)) as conn:
        row = conn.execute('SELECT display_name, role, active, password_hash FROM "user" '
                           "WHERE username = ?", (username.strip(),)).fetchone()
    if row is None or not row[2] or not users.verify_password(password, row[3]):
        raise AccessError(Text(
            "The database cannot be opened, so whoever restores signs in as an owner or "
            "administrator of the backup: wrong user name or password for it.",
            "当前数据库无法打开，恢复者须以备份中的负责人或管理员身份登录：用户名或密码错误。"))
    require(User(username=username, display_name=row[0], role=row[1], active=True),
            Permission.RESTORE)


def _release(database: Path) -> None:
    """Takes the database out of WAL mode, which SQLite refuses while any other
    connection has it open: then nobody is left writing to the file being replaced."""
    try:
        with contextlib.closing(sqlite3.connect(database,
                                                timeout=LOCK_TIMEOUT_SECONDS)) as conn:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        mode = "wal"
    if str(mode).lower() != "delete":
        raise DeskError(Text(
            "The database is still open in another Complaint Desk window or command on this "
            "PC (or another PC); nothing was changed. Close them, then restore again.",
            "数据库仍在本机（或其他电脑）的另一个投诉台窗口或命令中打开，数据未作修改。"
            "请关闭它们后再恢复。"))


def _move_with_journal(database: Path, aside: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{aside}{suffix}"))


def _record(prepared: PreparedRestore) -> None:
    actor = User.get_or_none(User.username == prepared.username)
    facts = prepared.backup
    with database_proxy.atomic():
        _carry_history(prepared.aside if prepared.copied_aside else None)
        BackupRecord.create(kind="restored", started_at=prepared.now,
                            finished_at=prepared.now, path=str(facts.path), ok=True,
                            size=facts.size, cases=facts.cases, newest_case=facts.newest_case,
                            newest_at=facts.newest_at,
                            detail=str(prepared.aside or ""), user=actor)
        audit.record(None, actor, prepared.now, kind="restored", field="database",
                     old=prepared.aside.name if prepared.aside else "",
                     new=facts.path.name)


def _carry_history(aside: Path | None) -> None:
    """Brings over the record of backups made after this one, from the database replaced:
    the copies are still there, and the warnings must know of them."""
    if aside is None:
        return
    newest = BackupRecord.select(BackupRecord.started_at).order_by(
        BackupRecord.started_at.desc()).scalar()
    columns = ("kind", "started_at", "finished_at", "path", "ok", "size", "cases",
               "newest_case", "newest_at", "problem", "detail")
    try:
        with contextlib.closing(open_read_only(aside)) as conn:
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM backup_record "
                                "WHERE started_at > ? ORDER BY id",
                                (str(newest or ""),)).fetchall()
    except sqlite3.Error:
        return  # an older database without the record: nothing to bring
    if rows:
        BackupRecord.insert_many([dict(zip(columns, row, strict=True)) for row in rows]
                                 ).execute()
