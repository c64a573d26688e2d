"""Finding damage in a SQLite database that SQLite itself may still read without complaint.

A few wrong bytes in a file can leave its structure intact yet turn a date into
`20\x0b6-11-29`, a number into text, or a link into the id of a row that is not there; the
program then trips over a value no program wrote. `find_damage` looks for all of that:
SQLite's quick check of the structure, its check of the links between rows, and every
column of every table holding the kind of value its field writes. `check` runs it, and a
failure that has no explanation of its own is explained by it (app.failures).

PostgreSQL types and checks its own columns and links: nothing to look for there.
"""

from __future__ import annotations

import sqlite3
import time

from peewee import AutoField, Database, DatabaseError, Field, SqliteDatabase

from app.models.base import BaseModel, database_proxy
from app.models.schema import ALL_MODELS

# (An id that is the table's own key is SQLite's rowid: always a whole number.)
_INTEGER_TYPES = {"INT", "BIGINT", "SMALLINT", "BOOL"}
_TEXT_TYPES = {"VARCHAR", "TEXT", "CHAR"}
# A datetime as peewee writes it: `YYYY-MM-DD HH:MM:SS` and perhaps `.ffffff`, a real moment
# (SQLite's datetime() returns NULL for month 13 and moves 31 February to March).
_DATETIME_OK = (
    "(typeof({c}) = 'text' AND {c} >= '0001' AND substr({c}, 1, 19) IS datetime({c}) "
    "AND (length({c}) = 19 OR substr({c}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]'))")
MAX_REPORTED = 5


# The probe reads the whole file (seconds on 100,000 cases): a database found sound is not
# read again for a while, so a run of faults in the program does not pay for it each time.
PROBE_AGAIN_AFTER_SECONDS = 600
_sound_since: dict[str, float] = {}


def probe() -> str:
    """What damage the open database shows ('' for none, or when none is open)."""
    database = database_proxy.obj
    if not isinstance(database, SqliteDatabase):
        return ""
    key = str(database.database)
    if time.monotonic() - _sound_since.get(key, -PROBE_AGAIN_AFTER_SECONDS) \
            < PROBE_AGAIN_AFTER_SECONDS:
        return ""
    try:
        found = find_damage(database)
    except (DatabaseError, sqlite3.DatabaseError) as error:
        found = str(error)  # the damage tripped the probe itself ("disk image is malformed")
    if found:
        _sound_since.pop(key, None)
    else:
        _sound_since[key] = time.monotonic()
    return found


def find_damage(database: Database) -> str:
    """'' when the database is sound; otherwise what is wrong, in a few words."""
    if not isinstance(database, SqliteDatabase):
        return ""
    problems = _structure(database) or _links(database) + unreadable_values(database)
    if not problems:
        # Values are read from indexes too (the reminders count and list through them), and
        # the quick check does not compare index entries with their rows: the full one does.
        problems = _index_entries(database)
    return "; ".join(problems[:MAX_REPORTED])


def _structure(database: Database) -> list[str]:
    rows = [row[0] for row in database.execute_sql("PRAGMA quick_check(5)").fetchall()]
    return [] if rows == ["ok"] else rows


def _index_entries(database: Database) -> list[str]:
    rows = [row[0] for row in database.execute_sql("PRAGMA integrity_check(5)").fetchall()]
    return [] if rows == ["ok"] else rows


def _links(database: Database) -> list[str]:
    rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return []
    tables = sorted({row[0] for row in rows})
    return [f"{len(rows)} links to missing rows (in {', '.join(tables[:3])})"]


def unreadable_values(database: Database) -> list[str]:
    """Per column, how many values its field would never have written (SQLite only)."""
    if not isinstance(database, SqliteDatabase):
        return []
    present = set(database.get_tables())
    found = []
    for model in ALL_MODELS:
        if model._meta.table_name in present:
            found += _bad_values(database, model)
    return found


def _bad_values(database: Database, model: type[BaseModel]) -> list[str]:
    """One scan of the table counting, per column, the values its field never writes."""
    checks = [(field.column_name, condition) for field in model._meta.sorted_fields
              if not isinstance(field, AutoField) and (condition := _wrong(field))]
    if not checks:
        return []
    sums = ", ".join(f"coalesce(sum({condition}), 0)" for _, condition in checks)
    counts = database.execute_sql(f'SELECT {sums} FROM "{model._meta.table_name}"').fetchone()
    return [f"{model._meta.table_name}.{column}: {count} unreadable value"
            + ("s" if count > 1 else "")
            for (column, _), count in zip(checks, counts, strict=True) if count]


def _wrong(field: Field) -> str:
    """SQL true for a value `field` would never have written ('' for a field not checked)."""
    column = f'"{field.column_name}"'
    kind = field.field_type
    if kind in _INTEGER_TYPES:
        good = f"typeof({column}) = 'integer'"
    elif kind in _TEXT_TYPES:
        good = f"typeof({column}) = 'text'"
    elif kind == "BLOB":
        good = f"typeof({column}) = 'blob'"
    elif kind == "DATETIME":
        good = _DATETIME_OK.format(c=column)
    else:
        return ""
    if field.null:
        good = f"{column} IS NULL OR {good}"
    return f"coalesce({good}, 0) = 0"  # NULL from a SQL function on garbage counts as wrong
