"""The full-text index over cases (SQLite FTS5 with the trigram tokenizer).

Triggers keep it in step with `complaint` and `customer`, so every path that writes a
case (intake, import, demo data) is indexed. Trigram matching finds any Chinese or
English substring of three or more characters; shorter queries are searched on the base
tables instead (see services.register). PostgreSQL has no such table: it searches with
ILIKE.
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

SEARCH_TABLE = "complaint_search"
SEARCH_COLUMNS = ("number", "customer", "phone", "description", "wish")  # c0…c4 in _content

_ROW = (
    "SELECT {case}.id, {case}.number, c.name, c.phone, {case}.description, {case}.wish "
    "FROM customer c WHERE c.id = {case}.customer_id"
)

_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
    "number, customer, phone, description, wish, tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS complaint_search_insert AFTER INSERT ON complaint BEGIN "
    f"INSERT INTO {SEARCH_TABLE}(rowid, number, customer, phone, description, wish) "
    f"{_ROW.format(case='new')}; END",
    f"CREATE TRIGGER IF NOT EXISTS complaint_search_update "
    f"AFTER UPDATE OF number, customer_id, description, wish ON complaint BEGIN "
    f"DELETE FROM {SEARCH_TABLE} WHERE rowid = old.id; "
    f"INSERT INTO {SEARCH_TABLE}(rowid, number, customer, phone, description, wish) "
    f"{_ROW.format(case='new')}; END",
    f"CREATE TRIGGER IF NOT EXISTS customer_search_update "
    f"AFTER UPDATE OF name, phone ON customer BEGIN "
    f"UPDATE {SEARCH_TABLE} SET customer = new.name, phone = new.phone "
    f"WHERE rowid IN (SELECT id FROM complaint WHERE customer_id = new.id); END",
)


def uses_search_table(database: Database) -> bool:
    """True when the database has the FTS5 index (SQLite); False for PostgreSQL."""
    return isinstance(database, SqliteDatabase)


def install_search_index(database: Database) -> None:
    """Creates the index and its triggers, and indexes the cases already there."""
    if not uses_search_table(database):
        return
    for statement in _DDL:
        database.execute_sql(statement)
    database.execute_sql(
        f"INSERT INTO {SEARCH_TABLE}(rowid, number, customer, phone, description, wish) "
        "SELECT k.id, k.number, c.name, c.phone, k.description, k.wish "
        "FROM complaint k JOIN customer c ON c.id = k.customer_id"
    )


def check_search_index(database: Database) -> None:
    """Raises when the index is inconsistent (FTS5's own integrity check)."""
    if uses_search_table(database):
        table = SEARCH_TABLE
        database.execute_sql(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
