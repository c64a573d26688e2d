"""Counts kept by the database itself, so the register never counts a million rows to show
how many cases are in each state.

`status_count` holds one row per state with its number of cases. Triggers on `complaint`
keep it exact inside the very transaction that adds a case or changes its state, whoever
writes (this program, an import, another PC), on SQLite and PostgreSQL alike. Cases are
never deleted (see migrations' guards), so inserts and changes of state are all there is.
"""

from __future__ import annotations

from peewee import CharField, Database, IntegerField, PostgresqlDatabase

from app.models.base import BaseModel


class StatusCount(BaseModel):
    """How many cases are in one state."""

    status = CharField(max_length=20, primary_key=True)
    cases = IntegerField(default=0)

    class Meta:
        table_name = "status_count"


_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS status_count_insert AFTER INSERT ON complaint BEGIN "
    "INSERT OR IGNORE INTO status_count (status, cases) VALUES (new.status, 0); "
    "UPDATE status_count SET cases = cases + 1 WHERE status = new.status; END",
    "CREATE TRIGGER IF NOT EXISTS status_count_update AFTER UPDATE OF status ON complaint "
    "WHEN old.status <> new.status BEGIN "
    "INSERT OR IGNORE INTO status_count (status, cases) VALUES (new.status, 0); "
    "UPDATE status_count SET cases = cases - 1 WHERE status = old.status; "
    "UPDATE status_count SET cases = cases + 1 WHERE status = new.status; END",
)
# One statement updates both rows of a change of state: PostgreSQL locks them in the
# index's order, so two changes in opposite directions cannot deadlock on the counts.
_POSTGRES_FUNCTION = (
    "CREATE OR REPLACE FUNCTION complaint_desk_count_status() RETURNS trigger AS $$ BEGIN "
    "IF TG_OP = 'TRUNCATE' THEN DELETE FROM status_count; RETURN NULL; END IF; "
    "INSERT INTO status_count (status, cases) VALUES (NEW.status, 0) "
    "ON CONFLICT (status) DO NOTHING; "
    "IF TG_OP = 'INSERT' THEN "
    "UPDATE status_count SET cases = cases + 1 WHERE status = NEW.status; "
    "ELSIF NEW.status IS DISTINCT FROM OLD.status THEN "
    "UPDATE status_count SET cases = cases + CASE WHEN status = NEW.status THEN 1 ELSE -1 END "
    "WHERE status IN (OLD.status, NEW.status); "
    "END IF; RETURN NULL; END $$ LANGUAGE plpgsql"
)
_POSTGRES_TRIGGERS = (
    "CREATE TRIGGER status_count_change AFTER INSERT OR UPDATE OF status ON complaint "
    "FOR EACH ROW EXECUTE FUNCTION complaint_desk_count_status()",
    # Row triggers do not fire on TRUNCATE: the counts are emptied with the cases.
    "CREATE TRIGGER status_count_truncate AFTER TRUNCATE ON complaint "
    "FOR EACH STATEMENT EXECUTE FUNCTION complaint_desk_count_status()",
)


def install_status_counts(database: Database) -> None:
    """Creates the triggers and counts the cases already there (the table must exist)."""
    if isinstance(database, PostgresqlDatabase):
        database.execute_sql(_POSTGRES_FUNCTION)
        for statement in _POSTGRES_TRIGGERS:
            database.execute_sql(statement)
    else:
        for statement in _SQLITE_TRIGGERS:
            database.execute_sql(statement)
    database.execute_sql("DELETE FROM status_count")
    database.execute_sql("INSERT INTO status_count (status, cases) "
                         "SELECT status, count(*) FROM complaint GROUP BY status")


def counts_by_status(database: Database) -> dict[str, int]:
    """The kept count of cases in each state (states never used are absent)."""
    cursor = database.execute_sql("SELECT status, cases FROM status_count")
    return {status: cases for status, cases in cursor.fetchall()}
