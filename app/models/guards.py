"""Triggers that make the record append-only in the database itself, whatever program writes.

Events, payments and the bytes of attachments are never changed or removed; a decided
offer is never changed (a proposed one only by its decision, a counter-offer only by its
withdrawal); cases, customers, offers, users, follow-ups and attachments are never deleted.
SQLite runs with `recursive_triggers` on (see connection.py) so `REPLACE INTO`, which
deletes before it inserts, meets the delete triggers too; PostgreSQL gets statement-level
triggers against TRUNCATE, which row triggers do not see.
"""

from __future__ import annotations

from peewee import Database, PostgresqlDatabase

# (table, operations refused for every row)
KEPT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("event", ("UPDATE", "DELETE")),
    ("payment", ("UPDATE", "DELETE")),
    ("attachment_data", ("UPDATE", "DELETE")),
    ("complaint", ("DELETE",)),
    ("customer", ("DELETE",)),
    ("compensation_offer", ("DELETE",)),
    ("user", ("DELETE",)),
    ("follow_up", ("DELETE",)),
    ("attachment", ("DELETE",)),
    ("event_chain", ("DELETE",)),
)
# What a proposal is, and who asked: fixed once the offer exists.
_OFFER_FIXED = ("id", "complaint_id", "kind", "amount_fen", "description", "reason",
                "requester_id", "parent_id", "created_at")
# The counter-offer itself: fixed once made (only its withdrawal changes the status).
_COUNTER_FIXED = ("approver_id", "decision_reason", "counter_fen", "decided_at")
OFFER_TRIGGER = "compensation_offer_decided"
PAYMENT_TRIGGER = "payment_within_approval"
# True when a new payment is for an approved offer and at most its amount.
_PAYABLE = ("EXISTS (SELECT 1 FROM compensation_offer o WHERE o.id = NEW.offer_id AND "
            "o.status = 'approved' AND NEW.amount_fen > 0 AND NEW.amount_fen <= o.amount_fen)")


def _offer_condition(differs: str) -> str:
    """SQL true when an UPDATE of compensation_offer would rewrite a decision."""
    fixed = " OR ".join(f"NEW.{c} {differs} OLD.{c}" for c in _OFFER_FIXED)
    counter = " OR ".join(f"NEW.{c} {differs} OLD.{c}" for c in _COUNTER_FIXED)
    return (f"OLD.status NOT IN ('proposed', 'countered') OR {fixed} OR "
            f"(OLD.status = 'countered' AND (NEW.status <> 'withdrawn' OR {counter}))")


def trigger_names(database: Database) -> set[str]:
    """The name of every guard trigger the schema must have."""
    if isinstance(database, PostgresqlDatabase):
        names = {f"{table}_keep" for table, _ in KEPT}
        names |= {f"{table}_no_truncate" for table, _ in KEPT}
    else:
        names = {f"{table}_no_{op.lower()}" for table, ops in KEPT for op in ops}
    return names | {OFFER_TRIGGER, PAYMENT_TRIGGER}


def install_guards(database: Database) -> None:
    """Creates every guard trigger (replacing those of the same name)."""
    if isinstance(database, PostgresqlDatabase):
        _install_postgres(database)
    else:
        _install_sqlite(database)


def _install_sqlite(database: Database) -> None:
    for table, operations in KEPT:
        for operation in operations:
            name = f"{table}_no_{operation.lower()}"
            database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
            database.execute_sql(
                f'CREATE TRIGGER {name} BEFORE {operation} ON "{table}" '
                f"BEGIN SELECT RAISE(ABORT, 'Complaint Desk keeps {table} rows'); END")
    database.execute_sql(f"DROP TRIGGER IF EXISTS {OFFER_TRIGGER}")
    database.execute_sql(
        f"CREATE TRIGGER {OFFER_TRIGGER} BEFORE UPDATE ON compensation_offer "
        f"WHEN {_offer_condition('IS NOT')} "
        "BEGIN SELECT RAISE(ABORT, 'Complaint Desk keeps decided offers'); END")
    database.execute_sql(f"DROP TRIGGER IF EXISTS {PAYMENT_TRIGGER}")
    database.execute_sql(
        f"CREATE TRIGGER {PAYMENT_TRIGGER} BEFORE INSERT ON payment WHEN NOT {_PAYABLE} "
        "BEGIN SELECT RAISE(ABORT, 'Complaint Desk pays approved offers, up to the amount "
        "approved'); END")


def _install_postgres(database: Database) -> None:
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION complaint_desk_refuse() RETURNS trigger AS $$ "
        # %% because the driver reads a lone % as a parameter placeholder.
        "BEGIN RAISE EXCEPTION 'Complaint Desk keeps %% rows: %% refused', "
        "TG_TABLE_NAME, TG_OP; END $$ LANGUAGE plpgsql")
    for table, operations in KEPT:
        for name, when in ((f"{table}_keep", f"{' OR '.join(operations)} ON \"{table}\" "
                                             "FOR EACH ROW"),
                           (f"{table}_no_truncate", f'TRUNCATE ON "{table}" '
                                                    "FOR EACH STATEMENT")):
            database.execute_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
            database.execute_sql(f"CREATE TRIGGER {name} BEFORE {when} "
                                 "EXECUTE FUNCTION complaint_desk_refuse()")
    database.execute_sql(f"DROP TRIGGER IF EXISTS {OFFER_TRIGGER} ON compensation_offer")
    database.execute_sql(
        f"CREATE TRIGGER {OFFER_TRIGGER} BEFORE UPDATE ON compensation_offer FOR EACH ROW "
        f"WHEN ({_offer_condition('IS DISTINCT FROM')}) "
        "EXECUTE FUNCTION complaint_desk_refuse()")
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION complaint_desk_payable() RETURNS trigger AS $$ "
        f"BEGIN IF NOT {_PAYABLE} THEN RAISE EXCEPTION 'Complaint Desk pays approved offers, "
        "up to the amount approved'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
    database.execute_sql(f"DROP TRIGGER IF EXISTS {PAYMENT_TRIGGER} ON payment")
    database.execute_sql(f"CREATE TRIGGER {PAYMENT_TRIGGER} BEFORE INSERT ON payment "
                         "FOR EACH ROW EXECUTE FUNCTION complaint_desk_payable()")


def drop_event_guards(database: Database) -> None:
    """Removes the triggers that keep events unchanged, for a schema step that must fill in
    a new column of every event; the step installs them again."""
    if isinstance(database, PostgresqlDatabase):
        database.execute_sql("DROP TRIGGER IF EXISTS event_keep ON event")
        return
    for name in ("event_no_update", "event_no_delete"):
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")


def missing_guards(database: Database) -> list[str]:
    """Names of guard triggers that are absent (or, on PostgreSQL, switched off)."""
    if isinstance(database, PostgresqlDatabase):
        rows = database.execute_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
    else:
        rows = database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    present = {row[0] for row in rows.fetchall()}
    return sorted(trigger_names(database) - present)
