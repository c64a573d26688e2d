"""Opening the desk's database: connect, create or upgrade, add missing settings and lists."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from app.models import Category, database_proxy
from app.models.connection import (
    OpenedDatabase,
    close_database,
    display_url,
    open_database,
)
from app.services import settings
from app.services.desk.seed import seed_reference_data
from app.services.documents.letter_templates import ensure_letter_templates
from app.services.improvement.rules import ensure_rules


def open_desk(url: str, *, now: datetime | None = None, create: bool = True) -> OpenedDatabase:
    """Opens `url`, creating (when `create`) or upgrading its schema, and fills what a new
    one lacks. Without `create` a missing or empty database is refused, nothing made."""
    opened = open_database(url, create=create)
    settings.ensure_defaults()
    if not Category.select().exists():
        with database_proxy.atomic():
            seed_reference_data(now or datetime.now())
    ensure_letter_templates(now or datetime.now())
    ensure_rules(now or datetime.now())
    return opened


def location() -> str:
    """The open database as people should see it: its file, or the server and database
    name (never the password)."""
    database = database_proxy.obj
    if isinstance(database, SqliteDatabase):
        return str(Path(database.database).resolve())
    # A server database is opened from its URL, which peewee keeps as the database name.
    return display_url(str(database.database))


def database_file() -> Path | None:
    """The open SQLite file, or None when the database is on a server (or none is open)."""
    database = database_proxy.obj
    return Path(database.database).resolve() if isinstance(database, SqliteDatabase) else None


def server_url() -> str | None:
    """The open server database's URL, password included (never show it), or None."""
    database = database_proxy.obj
    if database is None or isinstance(database, SqliteDatabase):
        return None
    return str(database.database)


def is_open() -> bool:
    """True while a database is open (timers check before they query)."""
    return database_proxy.obj is not None


def close_thread_connection() -> None:
    """Closes this thread's connection (a background job's), leaving the others open."""
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def close_desk() -> None:
    """Closes the database connection."""
    close_database()
