"""Why an operation failed, in words a shop worker can act on: one answer for the window and
the command line.

`explain` takes whatever an operation raised. A refusal (`DeskError`) is returned as it
is; a file that cannot be read or written (`OSError`) becomes a `FileAccessError` naming the
file; a database that cannot do what was asked — busy, read-only, full, damaged, out of
reach — becomes a `DatabaseFailureError` saying what happened and what to do. Anything else
is a fault in the program itself — unless the open database turns out to be damaged (a
value no program wrote, a link to a missing row), which the models register a probe for:
then it is the damage that is explained. Otherwise `explain` returns None, and the caller
shows the fault with its details (the window's error dialog, the command line's error log).
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import peewee

from app.errors import DatabaseFailureError, DeskError, FileAccessError
from app.i18n import Text
from app.location import POSTGRES_SCHEMES, in_use, read_only_reason

# What the database said, by kind: SQLSTATE prefixes (PostgreSQL) and words of the message
# (SQLite has no SQLSTATE, and a driver's error may reach us without one).
_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("damaged", ("XX001", "XX002"),
     ("malformed", "file is not a database", "file is encrypted", "corrupt",
      "could not decode to utf-8")),
    ("full", ("53100",), ("database or disk is full", "no space left", "disk full")),
    ("read_only", ("25006",), ("readonly database", "read-only", "read only")),
    ("busy", ("40001", "40P01", "55P03", "55006"),
     ("database is locked", "database table is locked", "deadlock", "lock timeout")),
    ("no_server", ("08", "57P01", "57P02", "57P03"),
     ("could not connect", "connection refused", "connection failed", "server closed the",
      "terminating connection", "connection timed out", "connection is closed",
      "connection already closed", "connection is lost")),
    ("no_file", (), ("unable to open database file", "disk i/o error")),
)

_DATABASE_TEXTS = {
    "damaged": Text(
        "The database is damaged ({reason}); nothing was changed. Run `complaint-desk check`; "
        "if it reports damage, restore the latest backup.",
        "数据库已损坏（{reason}），数据未作修改。请运行 `complaint-desk check`；"
        "如检查发现损坏，请恢复最近的备份。"),
    "full": Text(
        "The disk holding the database is full; nothing was changed. Free some space (or ask "
        "whoever looks after the PC or the server), then try again.",
        "数据库所在的磁盘已满，数据未作修改。请释放一些空间（或联系电脑、服务器的管理人员）后重试。"),
    "read_only": Text(
        "The database is read-only; nothing was changed. Make sure this Windows user may "
        "change the database file and its folder (not read-only, not on a CD or a read-only "
        "share), or that the server account may write, then try again.",
        "数据库为只读，数据未作修改。请确认当前 Windows 用户可以修改数据库文件及其所在文件夹"
        "（不是只读文件，也不在光盘或只读共享上），或服务器账户有写入权限，然后重试。"),
    "read_only_where": Text(
        "The database {path} is read-only: {where}. Nothing was changed; make it writable "
        "(or copy it to a folder you may change), then try again.",
        "数据库 {path} 为只读：{where}。数据未作修改；请使其可写（或复制到您可修改的文件夹），"
        "然后重试。"),
    "busy": Text(
        "The database is busy: another PC or program is saving to it. Nothing was changed; "
        "try again in a moment.",
        "数据库正忙：另一台电脑或程序正在保存。数据未作修改，请稍后再试。"),
    "no_server": Text(
        "Cannot reach the database server ({reason}); nothing was changed. Check the network "
        "and that the server is running, then try again.",
        "无法连接数据库服务器（{reason}），数据未作修改。请检查网络以及服务器是否在运行，然后重试。"),
    "no_file": Text(
        "The database file cannot be read or written ({reason}); nothing was changed. Check "
        "that the disk or network share holding it is connected, then try again; if this goes "
        "on, run `complaint-desk check`.",
        "无法读写数据库文件（{reason}），数据未作修改。请确认存放它的磁盘或网络共享已连接，"
        "然后重试；如问题持续，请运行 `complaint-desk check`。"),
    "other": Text("The database refused the operation: {reason}. Nothing was changed.",
                  "数据库拒绝了该操作：{reason}。数据未作修改。"),
}

_FILE_TEXTS = {
    "denied": Text(
        "Permission denied: {file} cannot be read or written. If it is open in another "
        "program (Excel, a PDF viewer), close it and try again; otherwise choose a folder "
        "you may use.",
        "没有权限：无法读写 {file}。如文件正被其他程序（Excel、PDF 阅读器）打开，请关闭后重试；"
        "否则请选择您有权使用的文件夹。"),
    "full": Text("The disk is full: {file} could not be written. Free some space or choose "
                 "another disk, then try again.",
                 "磁盘已满：无法写入 {file}。请释放一些空间或选择其他磁盘后重试。"),
    "read_only": Text("{file} is on a read-only disk or share and cannot be written; choose "
                      "another folder.",
                      "{file} 位于只读磁盘或只读共享上，无法写入，请选择其他文件夹。"),
    "missing": Text("{file} does not exist (it may have been moved, renamed or deleted).",
                    "{file} 不存在（可能已被移动、改名或删除）。"),
    "other": Text("Cannot read or write {file}: {reason}", "无法读写 {file}：{reason}"),
}
_FILE_KINDS = {errno.EACCES: "denied", errno.EPERM: "denied", errno.ENOSPC: "full",
               getattr(errno, "EDQUOT", errno.ENOSPC): "full", errno.EROFS: "read_only",
               errno.ENOENT: "missing"}


# Asked when an error has no explanation of its own: what damage, if any, the open database
# shows ('' for none). The models register it (app.models.damage); this module cannot
# import them.
_damage_probes: list[Callable[[], str]] = []


def add_damage_probe(probe: Callable[[], str]) -> None:
    """Registers `probe`, asked whether the open database is damaged when an error has no
    explanation of its own."""
    if probe not in _damage_probes:
        _damage_probes.append(probe)


def explain(error: BaseException) -> DeskError | None:
    """The message that explains `error` to the user, or None for a fault in the program."""
    if isinstance(error, DeskError):
        return error
    if isinstance(error, _database_errors()):
        return DatabaseFailureError(database_text(error))
    if isinstance(error, OSError):
        return FileAccessError(file_text(error))
    damage = _damage_found()
    if damage:  # the program tripped over data no program wrote
        return DatabaseFailureError(_DATABASE_TEXTS["damaged"].format(reason=damage))
    return None


def database_kind(error: BaseException) -> str:
    """What kind of database failure `error` is: damaged, full, read_only, busy, no_server,
    no_file or other.

    A failure can hide behind the one raised while cleaning up after it (a full disk makes
    SQLite end the transaction itself, and the rollback that follows fails with "cannot
    rollback - no transaction is active"): the errors it happened during count too.
    """
    return _classify(error)[0]


def database_text(error: BaseException, *, where: str | None = None) -> Text:
    """What a database error means and what to do about it; a read-only database is named,
    with what is read-only (`where` is the database's URL, else the one in use)."""
    kind, driver = _classify(error)
    if kind == "read_only":
        named = _read_only_where(where or in_use())
        if named is not None:
            return named
    return _DATABASE_TEXTS[kind].format(reason=_first_line(driver))


def _classify(error: BaseException) -> tuple[str, BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen and len(seen) < 8:
        seen.append(current)
        driver = getattr(current, "orig", None) or current  # peewee keeps the driver's error
        state = str(getattr(driver, "sqlstate", None) or "")
        message = str(driver).lower()
        for kind, states, words in _KINDS:
            if (states and state.startswith(states)) or any(w in message for w in words):
                return kind, driver
        current = current.__cause__ or current.__context__
    return "other", getattr(error, "orig", None) or error


def _read_only_where(url: str | None) -> Text | None:
    if not url or url.startswith(POSTGRES_SCHEMES):
        return None
    path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
    reason = read_only_reason(path)
    if reason is None:
        return None
    return _DATABASE_TEXTS["read_only_where"].format(path=path, where=reason)


def _damage_found() -> str:
    for probe in _damage_probes:
        try:
            found = probe()
        except Exception:  # a probe must never hide the error it was asked about
            continue
        if found:
            return found
    return ""


def file_text(error: OSError) -> Text:
    """What went wrong with a file, naming it."""
    kind = "denied" if isinstance(error, PermissionError) else _FILE_KINDS.get(
        error.errno or 0, "other")
    name = error.filename if error.filename is not None else Text("the file", "该文件")
    return _FILE_TEXTS[kind].format(file=name, reason=error.strerror or _first_line(error))


def _database_errors() -> tuple[type[BaseException], ...]:
    classes: list[type[BaseException]] = [peewee.DatabaseError, peewee.InterfaceError,
                                          sqlite3.Error]
    # Only a loaded driver can have raised: never import one just to compare with it.
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(getattr(psycopg, "Error", None), type):
        classes.append(psycopg.Error)
    return tuple(classes)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
