"""Cases whose text contains a search term, found once and reused (SQLite only).

Three characters or more are found through the trigram index; one or two through the table
of each text's single characters and pairs (models.search). The page, the total and the
counts per state all need the same matches: they are kept in a temporary table of ids for
as long as the database has not changed. Any commit, by this program or by another PC,
makes them stale.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from typing import cast

from peewee import SQL, Expression, NodeList, SqliteDatabase

from app.models import database_proxy
from app.models.search import SEARCH_COLUMNS, SEARCH_TABLE, SHORT_TABLE, short_token

KEPT = 4  # searches remembered; typing refines a term, so only the last few matter
TRIGRAM = 3  # the trigram index finds substrings of at least three characters
# A page of a search not yet counted looks at the text of this many newest cases at most:
# the newest matches at once, the rest when the count (run on the worker) has found them all.
NEWEST = 20_000

_state = threading.local()  # peewee gives each thread its own connection, and temp tables


def hits_table(term: str) -> str:
    """The name of a temporary table holding the ids of cases whose text contains `term`:
    found through the trigram index for three characters or more, else through the table of
    characters and pairs."""
    database: SqliteDatabase = database_proxy.obj
    connection: sqlite3.Connection = database.connection()
    tables: dict[str, str] = _tables_for(connection)
    if term not in tables:
        name = f"search_hits_{getattr(_state, 'serial', 0)}"
        _state.serial = getattr(_state, "serial", 0) + 1
        # Through peewee, on this thread's connection: what runs is what benchmarks record.
        database.execute_sql(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
        if len(term) >= TRIGRAM:
            database.execute_sql(f"INSERT INTO temp.{name} SELECT rowid FROM {SEARCH_TABLE} "
                                 f"WHERE {SEARCH_TABLE} MATCH ?", ['"' + term.replace(
                                     '"', '""') + '"'])
        else:
            database.execute_sql(f"INSERT INTO temp.{name} SELECT rowid FROM {SHORT_TABLE} "
                                 f"WHERE {SHORT_TABLE} MATCH ?", [short_token(term)])
        _sizes()[term] = database.execute_sql(f"SELECT count(*) FROM temp.{name}").fetchone()[0]
        tables[term] = name
        _forget_oldest(connection, tables)
        _state.stamp = _stamp(connection)  # our own temp writes do not make the hits stale
    return tables[term]


def size(term: str) -> int:
    """How many cases match `term` (its table is made if need be)."""
    hits_table(term)
    return _sizes()[term]


def _sizes() -> dict[str, int]:
    if not hasattr(_state, "sizes"):
        _state.sizes = {}
    return _state.sizes


def kept_table(term: str) -> str | None:
    """The temporary table of `term`'s matches if one is kept and still true, else None."""
    database: SqliteDatabase = database_proxy.obj
    return _tables_for(database.connection()).get(term)


def contains(case_id: object, term: str) -> Expression:
    """A condition true when `case_id` (a column) is one of the NEWEST cases and its text
    contains `term`: looked up case by case, so a page stops as soon as it is full, and never
    reads more than NEWEST texts (a term found nowhere would otherwise read them all)."""
    matches = " OR ".join(f"s.c{i} LIKE ? ESCAPE '\\'" for i in range(len(SEARCH_COLUMNS)))
    newest = NodeList((case_id, SQL("> (SELECT max(rowid) FROM complaint) - ?", [NEWEST])))
    found = NodeList((
        SQL(f"EXISTS (SELECT 1 FROM {SEARCH_TABLE}_content s WHERE s.id ="), case_id,
        SQL(f"AND ({matches}))", [_pattern(term)] * len(SEARCH_COLUMNS))))
    # The range of ids first: the database reads those cases alone, whatever the order.
    return cast(Expression, NodeList((newest, SQL("AND"), found)))


def matches(term: str) -> list[int]:
    """The ids of every case whose text contains `term` (found once, then kept)."""
    database: SqliteDatabase = database_proxy.obj
    return [row[0] for row in
            database.execute_sql(f"SELECT id FROM temp.{hits_table(term)}").fetchall()]


def adopt(term: str, ids: list[int]) -> None:
    """Keeps `ids`, found on another thread, as this thread's matches of `term`."""
    database: SqliteDatabase = database_proxy.obj
    connection: sqlite3.Connection = database.connection()
    tables = _tables_for(connection)
    if term in tables:
        return
    name = f"search_hits_{getattr(_state, 'serial', 0)}"
    _state.serial = getattr(_state, "serial", 0) + 1
    database.execute_sql(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
    # One statement for all the ids (a row each took the window's thread 140 ms for 50,000).
    connection.execute(f"INSERT INTO temp.{name} (id) SELECT value FROM json_each(?)",
                       [json.dumps(ids)])
    _sizes()[term] = len(ids)
    tables[term] = name
    _forget_oldest(connection, tables)
    _state.stamp = _stamp(connection)


def _pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _tables_for(connection: sqlite3.Connection) -> dict[str, str]:
    """The remembered tables, emptied when the database changed or the connection is new."""
    stamp = _stamp(connection)
    if getattr(_state, "stamp", None) != stamp:
        for name in getattr(_state, "tables", {}).values():
            if getattr(_state, "connection", None) is connection:
                connection.execute(f"DROP TABLE IF EXISTS temp.{name}")
        _state.tables, _state.stamp, _state.connection = {}, stamp, connection
    return _state.tables


def _forget_oldest(connection: sqlite3.Connection, tables: dict[str, str]) -> None:
    while len(tables) > KEPT:
        oldest = next(iter(tables))
        connection.execute(f"DROP TABLE IF EXISTS temp.{tables.pop(oldest)}")


def _stamp(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """Changes whenever anyone commits: other connections (data_version) or this one."""
    version = connection.execute("PRAGMA data_version").fetchone()[0]
    return id(connection), version, connection.total_changes


def forget() -> None:
    """Drops the remembered matches of this thread (benchmarks time a fresh search)."""
    _state.stamp = None
