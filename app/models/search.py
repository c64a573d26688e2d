"""The full-text indexes over cases (SQLite FTS5).

Triggers keep them in step with `complaint` and `customer`, so every path that writes a
case (intake, import, demo data, another program on the shared file) is indexed. Trigram
matching finds any Chinese or English substring of three or more characters. One or two
characters are found in a second table (schema step 10) fed with each text cut into its
single characters and pairs: each a token of its own, the hexadecimal of its UTF-8 with
ASCII letters lower-cased (as LIKE compares), which FTS5's plain `ascii` tokenizer keeps
whole; it records only which cases hold a token (`detail='none'`) and keeps no copy of the
texts (contentless: a change deletes the old tokens, cut again from the old values). The
cutting is SQL, over a table of positions, so the triggers need nothing from Python.
PostgreSQL has neither table: it searches with ILIKE.
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
    """Raises when an index is inconsistent (FTS5's own integrity check; of the table of
    one and two characters, which keeps no texts, its structure alone)."""
    if uses_search_table(database):
        for table in (SEARCH_TABLE, SHORT_TABLE):
            database.execute_sql(f"INSERT INTO {table}({table}) VALUES('integrity-check')")


SHORT_TABLE = "complaint_short"
# The positions a text is cut at: every text the program takes is this long at most (a
# description); a longer one written some other way is found by its first LONGEST characters.
POSITIONS = "complaint_short_position"
LONGEST = 5000


def _cut(text: str) -> str:
    """SQL: the tokens of `text` (an SQL expression): each character's and each pair's."""
    return ("ifnull((SELECT group_concat(hex(substr(v, n, 1)) || ' ' || hex(substr(v, n, 2)), "
            f"' ') FROM (SELECT lower({text}) AS v) JOIN {POSITIONS} ON n <= length(v)), '')")


def _tokens(case: str, customer: str) -> str:
    """SQL: the tokens of a case's searched texts (`case`, `customer`: the rows' names)."""
    texts = (f"{case}.number", f"{customer}.name", f"{customer}.phone", f"{case}.description",
             f"{case}.wish")
    return " || ' ' || ".join(_cut(text) for text in texts)


# A case's tokens added, and (a contentless table keeps no texts) the tokens it had taken away.
_SHORT_ROW = f"INSERT INTO {SHORT_TABLE}(rowid, t) SELECT {{case}}.id, {{tokens}} "
_SHORT_GONE = (f"INSERT INTO {SHORT_TABLE}({SHORT_TABLE}, rowid, t) "
               "SELECT 'delete', {case}.id, {tokens} ")
# Each case's tokens follow its texts, whoever writes them.
SHORT_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS complaint_short_insert AFTER INSERT ON complaint BEGIN "
    f"{_SHORT_ROW.format(case='new', tokens=_tokens('new', 'c'))}"
    f"FROM customer c WHERE c.id = new.customer_id; END",
    f"CREATE TRIGGER IF NOT EXISTS complaint_short_update "
    f"AFTER UPDATE OF number, customer_id, description, wish ON complaint BEGIN "
    f"{_SHORT_GONE.format(case='old', tokens=_tokens('old', 'c'))}"
    f"FROM customer c WHERE c.id = old.customer_id; "
    f"{_SHORT_ROW.format(case='new', tokens=_tokens('new', 'c'))}"
    f"FROM customer c WHERE c.id = new.customer_id; END",
    f"CREATE TRIGGER IF NOT EXISTS customer_short_update "
    f"AFTER UPDATE OF name, phone ON customer BEGIN "
    f"{_SHORT_GONE.format(case='k', tokens=_tokens('k', 'old'))}"
    f"FROM complaint k WHERE k.customer_id = new.id; "
    f"{_SHORT_ROW.format(case='k', tokens=_tokens('k', 'new'))}"
    f"FROM complaint k WHERE k.customer_id = new.id; END",
)
_SHORT_DDL = (
    f"CREATE TABLE IF NOT EXISTS {POSITIONS} (n INTEGER PRIMARY KEY)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SHORT_TABLE} USING fts5("
    "t, content='', detail='none', tokenize='ascii')",
    *SHORT_TRIGGERS,
)


def install_short_index(database: Database) -> None:
    """Creates the table of one and two characters and its triggers, and indexes the cases
    already there (SQLite only)."""
    if not uses_search_table(database):
        return
    for statement in _SHORT_DDL:
        database.execute_sql(statement)
    database.execute_sql(
        f"WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {LONGEST}) "
        f"INSERT OR IGNORE INTO {POSITIONS} (n) SELECT n FROM p")
    database.execute_sql(f"{_SHORT_ROW.format(case='k', tokens=_tokens('k', 'c'))}"
                         "FROM complaint k JOIN customer c ON c.id = k.customer_id")


def short_token(term: str) -> str:
    """The MATCH expression that finds `term` (one or two characters) in the table."""
    folded = "".join(c.lower() if "A" <= c <= "Z" else c for c in term)
    return f'"{folded.encode().hex()}"'
