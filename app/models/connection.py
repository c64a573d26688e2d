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
from app.i18n import Text
from app.location import ENV_VAR, POSTGRES_SCHEMES, default_database_path, resolve_database_url
from app.models import migrations
from app.models.base import database_proxy

__all__ = ["ENV_VAR", "OpenedDatabase", "close_database", "default_database_path",
           "display_url", "open_database", "resolve_database_url", "sqlite_path"]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10


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


def open_database(url: str) -> OpenedDatabase:
    """Connects, binds the proxy, and creates or upgrades the schema as needed.

    Raises:
        DatabaseUnusableError: the file is not a database, is damaged, or is from a newer version.
    """
    database = _make_database(url)
    database_proxy.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        outcome = migrations.prepare_schema(database, _backup_target(url))
    except DatabaseUnusableError:
        close_database()
        raise
    except Exception as exc:
        close_database()
        raise _unreadable(url, exc) from exc
    return OpenedDatabase(url, outcome.created, outcome.upgraded_from, outcome.backup)


def close_database() -> None:
    """Closes the connection, if any, and leaves the proxy unbound."""
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()
    database_proxy.initialize(None)


def _make_database(url: str) -> Database:
    if url.startswith(POSTGRES_SCHEMES):
        return PostgresqlDatabase(url.replace("postgres://", "postgresql://", 1))
    path = sqlite_path(url)
    _check_sqlite_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteDatabase(
        str(path),
        timeout=BUSY_TIMEOUT_SECONDS,
        # IMMEDIATE takes the write lock when a transaction starts, so two PCs writing at
        # once wait for each other instead of failing half-way with "database is locked".
        lock_type="IMMEDIATE",
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_SECONDS * 1000,
            "synchronous": "normal",
        },
    )


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseUnusableError(
            Text("{path} is a folder, not a database file.", "{path} 是文件夹，不是数据库文件。")
            .format(path=path)
        )
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseUnusableError(
                Text(
                    "{path} is not a Complaint Desk database (it is some other kind of file).",
                    "{path} 不是投诉台数据库（是其他类型的文件）。",
                ).format(path=path)
            )


def _backup_target(url: str) -> Path | None:
    return None if url.startswith(POSTGRES_SCHEMES) else sqlite_path(url)


def display_url(url: str) -> str:
    """The URL with any password replaced by `***`, safe to show and log."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _unreadable(url: str, exc: Exception) -> DatabaseUnusableError:
    if url.startswith(POSTGRES_SCHEMES):
        return DatabaseUnusableError(
            Text(
                "Cannot connect to the database server {url}: {reason}",
                "无法连接数据库服务器 {url}：{reason}",
            ).format(url=display_url(url), reason=_first_line(exc))
        )
    return DatabaseUnusableError(
        Text(
            "The database {url} cannot be read: it may be damaged. "
            "Run `complaint-desk check` or restore a backup.",
            "无法读取数据库 {url}，文件可能已损坏。请运行 `complaint-desk check` 或恢复备份。",
        ).format(url=url)
    )


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
