"""Binding the one database proxy to a SQLite file or a PostgreSQL server.

The database is named by a URL: a file path (SQLite, the default, in the user's data
folder) or `postgresql://user:password@host:port/name` when several PCs share a server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from app.errors import DatabaseUnusableError
from app.failures import add_damage_probe, database_kind, database_text
from app.i18n import Text
from app.location import (
    ENV_VAR,
    POSTGRES_SCHEMES,
    default_database_path,
    note_in_use,
    read_only_reason,
    resolve_database_url,
)
from app.models import damage
from app.models.base import database_proxy
from app.models.schema import CURRENT_VERSION, schema_version

__all__ = ["ENV_VAR", "OpenedDatabase", "close_database", "default_database_path",
           "display_url", "open_database", "resolve_database_url", "sqlite_path"]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10
# A fault with no explanation of its own may be the program tripping over damaged data.
add_damage_probe(damage.probe)


@dataclass(frozen=True)
class OpenedDatabase:
    """What `open_database` found: the URL, and whether it created or upgraded the schema."""

    url: str
    created: bool
    upgraded_from: int | None
    backup: Path | None

    @property
    def is_sqlite(self) -> bool:
        """True for a SQLite file, False for a PostgreSQL server."""
        return not self.url.startswith(POSTGRES_SCHEMES)


def sqlite_path(url: str) -> Path:
    """The file path of a SQLite URL (a plain path or `sqlite:///path`)."""
    return Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))


def open_database(url: str, *, create: bool = True) -> OpenedDatabase:
    """Connects, binds the proxy, and creates (when `create`) or upgrades the schema.

    Without `create`, a missing file or an empty database is refused and nothing is made:
    only setting up a desk (init, demo, the window's first run) creates one.

    Raises:
        DatabaseUnusableError: there is no database there, or it is not ours, read-only,
            damaged, or from a newer version.
    """
    database = _make_database(url, create=create)
    database_proxy.initialize(database)
    note_in_use(url)
    try:
        database.connect(reuse_if_open=True)
        created, upgraded_from, backup = _prepare_schema(database, url, create=create)
        _use_wal(database)
    except DatabaseUnusableError:
        close_database()
        raise
    except Exception as exc:
        close_database()
        raise _unreadable(url, exc) from exc
    return OpenedDatabase(url, created, upgraded_from, backup)


def _prepare_schema(database: Database, url: str, *,
                    create: bool) -> tuple[bool, int | None, Path | None]:
    """Whether the schema was created, the version it was upgraded from and the copy made
    before; refuses a database this program cannot use (models.migrations)."""
    if schema_version(database) == CURRENT_VERSION:
        return False, None, None  # the usual case: nothing to do, and no step is loaded
    from app.models import migrations

    outcome = migrations.prepare_schema(database, _backup_target(url), create=create)
    return outcome.created, outcome.upgraded_from, outcome.backup


def close_database() -> None:
    """Closes the connection, if any, and leaves the proxy unbound."""
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()
    database_proxy.initialize(None)


def _make_database(url: str, *, create: bool) -> Database:
    if url.startswith(POSTGRES_SCHEMES):
        return PostgresqlDatabase(url.replace("postgres://", "postgresql://", 1))
    path = sqlite_path(url)
    _check_sqlite_file(path, create=create)
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteDatabase(
        str(path),
        timeout=BUSY_TIMEOUT_SECONDS,
        # IMMEDIATE takes the write lock when a transaction starts, so two PCs writing at
        # once wait for each other instead of failing half-way with "database is locked".
        lock_type="IMMEDIATE",
        # No journal_mode here: WAL is written into the file, so it is set only once the
        # file is known to be ours (_use_wal), never on another program's database.
        pragmas={
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
            "synchronous": "normal",
            # REPLACE deletes the row it replaces; only with this on do the delete guards
            # (models/guards.py) see that delete and refuse it.
            "recursive_triggers": 1,
        },
    )


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuses, before SQLite touches it, a path that cannot be this desk's database."""
    if path.is_dir():
        raise DatabaseUnusableError(
            Text("{path} is a folder, not a database file.", "{path} 是文件夹，不是数据库文件。")
            .format(path=path)
        )
    if not path.exists():
        if not create:
            raise DatabaseUnusableError(NO_FILE.format(path=path))
    elif path.stat().st_size == 0:
        raise DatabaseUnusableError(EMPTY_FILE.format(path=path))
    else:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise DatabaseUnusableError(
                    Text(
                        "{path} is not a Complaint Desk database (it is some other kind of "
                        "file).",
                        "{path} 不是投诉台数据库（是其他类型的文件）。",
                    ).format(path=path)
                )
    where = read_only_reason(path)
    if where is not None:
        raise DatabaseUnusableError(READ_ONLY.format(path=path, where=where))


NO_FILE = Text(
    "There is no database at {path}; nothing was created. Check the path (--db or "
    "COMPLAINT_DESK_DB); `complaint-desk init` or `complaint-desk demo` sets up a new one.",
    "{path} 处没有数据库，未创建任何文件。请检查路径（--db 或 COMPLAINT_DESK_DB）；"
    "可用 `complaint-desk init` 或 `complaint-desk demo` 建立新数据库。")
EMPTY_FILE = Text(
    "{path} is empty (0 bytes): it is not a database, and it was left as it is. It may be "
    "what is left of an interrupted copy: restore a backup, or delete the file to start anew.",
    "{path} 是空文件（0 字节），不是数据库，已保持原样。它可能是中断的复制留下的："
    "请恢复备份，或删除该文件后重新建立。")
READ_ONLY = Text(
    "The database {path} is read-only: {where}. Complaint Desk must be able to change it; "
    "make it writable (or copy it to a folder you may change), then try again.",
    "数据库 {path} 为只读：{where}。投诉台需要修改它；请使其可写（或复制到您可修改的文件夹），"
    "然后重试。")


def _use_wal(database: Database) -> None:
    """Switches a SQLite database that is ours to WAL: readers and a writer at once."""
    if isinstance(database, SqliteDatabase):
        database.execute_sql("PRAGMA journal_mode=wal").fetchone()


def _backup_target(url: str) -> Path | None:
    return None if url.startswith(POSTGRES_SCHEMES) else sqlite_path(url)


def display_url(url: str) -> str:
    """The URL with any password replaced by `***`, safe to show and log."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _unreadable(url: str, exc: Exception) -> DatabaseUnusableError:
    kind = database_kind(exc)
    server = url.startswith(POSTGRES_SCHEMES)
    if kind not in ("damaged", "other") and not (server and kind == "no_server"):
        # busy, read-only, full, a file out of reach: say which, not "damaged"
        return DatabaseUnusableError(database_text(exc, where=None if server else url))
    if server:
        return DatabaseUnusableError(
            Text(
                "Cannot connect to the database server {url}: {reason}",
                "无法连接数据库服务器 {url}：{reason}",
            ).format(url=display_url(url), reason=_first_line(exc))
        )
    return DatabaseUnusableError(
        Text(
            "The database {url} cannot be read: it may be damaged ({reason}). "
            "Run `complaint-desk check` or restore a backup.",
            "无法读取数据库 {url}，文件可能已损坏（{reason}）。"
            "请运行 `complaint-desk check` 或恢复备份。",
        ).format(url=url, reason=_first_line(exc))
    )


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
