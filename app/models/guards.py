"""Triggers that make the record append-only in the database itself, whatever program writes.

Events, payments and the bytes of attachments are never removed; a decided offer is never
changed (a proposed one only by its decision, a counter-offer only by its withdrawal);
cases, customers, offers, users, follow-ups and attachments are never deleted. SQLite runs
with `recursive_triggers` on (see connection.py) so `REPLACE INTO`, which deletes before it
inserts, meets the delete triggers too; PostgreSQL gets statement-level triggers against
TRUNCATE, which row triggers do not see.

Three changes are let through, each exactly and nothing beside it:
- personal data leaving a case whose removal is recorded (`complaint.redacted_at`, set by
  retention or a customer's erasure): an event's texts, an offer's texts and a payment's
  note become chain.REMOVED (an event keeping the digest of what it held, which the hash
  chain links), and an attachment's bytes become empty;
- an offer following its case into the case it was merged into, and back when the merge is
  undone (`complaint.merged_into_id` links the two while it moves).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peewee import Database, PostgresqlDatabase

from app.models.chain import REDACTABLE, REMOVED

# (table, operations refused for every row)
KEPT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("event", ("DELETE",)),
    ("payment", ("DELETE",)),
    ("attachment_data", ("DELETE",)),
    ("complaint", ("DELETE",)),
    ("customer", ("DELETE",)),
    ("compensation_offer", ("DELETE",)),
    ("user", ("DELETE",)),
    ("follow_up", ("DELETE",)),
    ("attachment", ("DELETE",)),
    ("event_chain", ("DELETE",)),
    ("case_merge", ("DELETE",)),
)
# What a proposal is, and who asked: fixed once the offer exists.
_OFFER_FIXED = ("id", "complaint_id", "kind", "amount_fen", "description", "reason",
                "requester_id", "parent_id", "created_at")
# The counter-offer itself: fixed once made (only its withdrawal changes the status).
_COUNTER_FIXED = ("approver_id", "decision_reason", "counter_fen", "decided_at")
_OFFER_COLUMNS = (*_OFFER_FIXED, "status", *_COUNTER_FIXED)
_OFFER_TEXTS = ("description", "reason", "decision_reason")
OFFER_TRIGGER = "compensation_offer_decided"
PAYMENT_TRIGGER = "payment_within_approval"
# True when a new payment is for an approved offer and at most its amount.
_PAYABLE = ("EXISTS (SELECT 1 FROM compensation_offer o WHERE o.id = NEW.offer_id AND "
            "o.status = 'approved' AND NEW.amount_fen > 0 AND NEW.amount_fen <= o.amount_fen)")
_MARK = "'" + REMOVED.replace("'", "''") + "'"


def _redacted_case(case_id: str) -> str:
    """SQL true when the case with id `case_id` has its removal of personal data recorded."""
    return f"EXISTS (SELECT 1 FROM complaint k WHERE k.id = {case_id} AND " \
           "k.redacted_at IS NOT NULL)"


def _same(columns: tuple[str, ...], same: str) -> str:
    return " AND ".join(f"NEW.{c} {same} OLD.{c}" for c in columns)


def _removed_or_same(columns: tuple[str, ...], same: str) -> str:
    return " AND ".join(f"(NEW.{c} {same} OLD.{c} OR NEW.{c} = {_MARK})" for c in columns)


def _event_redaction(same: str) -> str:
    """SQL true when an UPDATE of an event only removes its texts, once, keeping a digest."""
    fixed = ("id", "complaint_id", "at", "actor_id", "kind", "field", "case_version",
             "action_id", "hash")
    return (f"OLD.original_digest = '' AND length(NEW.original_digest) = 64 AND "
            f"{_same(fixed, same)} AND {_removed_or_same(REDACTABLE, same)} AND "
            f"{_redacted_case('OLD.complaint_id')}")


def _payment_redaction(same: str) -> str:
    fixed = ("id", "offer_id", "amount_fen", "paid_at", "method", "reference", "paid_by_id",
             "recorded_at")
    return (f"{_same(fixed, same)} AND {_removed_or_same(('note',), same)} AND "
            "EXISTS (SELECT 1 FROM compensation_offer o WHERE o.id = OLD.offer_id AND "
            f"{_redacted_case('o.complaint_id')})")


def _attachment_removal(same: str) -> str:
    return (f"{_same(('id', 'attachment_id'), same)} AND length(NEW.data) = 0 AND "
            "EXISTS (SELECT 1 FROM attachment a WHERE a.id = OLD.attachment_id AND "
            f"{_redacted_case('a.complaint_id')})")


def _offer_rewrite(differs: str) -> str:
    """SQL true when an UPDATE of compensation_offer would rewrite a decision."""
    fixed = " OR ".join(f"NEW.{c} {differs} OLD.{c}" for c in _OFFER_FIXED)
    counter = " OR ".join(f"NEW.{c} {differs} OLD.{c}" for c in _COUNTER_FIXED)
    return (f"OLD.status NOT IN ('proposed', 'countered') OR {fixed} OR "
            f"(OLD.status = 'countered' AND (NEW.status <> 'withdrawn' OR {counter}))")


def _offer_allowed(same: str, differs: str) -> str:
    """SQL true when an UPDATE of compensation_offer may go ahead: no decision rewritten, or
    only its texts removed from a redacted case, or only its case followed through a merge."""
    others = tuple(c for c in _OFFER_COLUMNS if c not in _OFFER_TEXTS)
    redaction = (f"{_same(others, same)} AND {_removed_or_same(_OFFER_TEXTS, same)} AND "
                 f"{_redacted_case('OLD.complaint_id')}")
    moved = tuple(c for c in _OFFER_COLUMNS if c != "complaint_id")
    merge = (f"{_same(moved, same)} AND EXISTS (SELECT 1 FROM complaint k WHERE "
             "(k.id = OLD.complaint_id AND k.merged_into_id = NEW.complaint_id) OR "
             "(k.id = NEW.complaint_id AND k.merged_into_id = OLD.complaint_id))")
    return f"NOT ({_offer_rewrite(differs)}) OR ({redaction}) OR ({merge})"


@dataclass(frozen=True)
class Allowance:
    """An UPDATE a table refuses unless `allowed` (given the SQL for "is the same as" and
    "differs from") holds; `message` says what the table keeps."""

    name: str
    table: str
    allowed: Callable[[str, str], str]
    message: str


ALLOWANCES = (
    Allowance("event_no_update", "event", lambda same, _: _event_redaction(same),
              "Complaint Desk keeps event rows"),
    Allowance("payment_no_update", "payment", lambda same, _: _payment_redaction(same),
              "Complaint Desk keeps payment rows"),
    Allowance("attachment_data_no_update", "attachment_data",
              lambda same, _: _attachment_removal(same),
              "Complaint Desk keeps attachment_data rows"),
    Allowance(OFFER_TRIGGER, "compensation_offer", _offer_allowed,
              "Complaint Desk keeps decided offers"),
)


def trigger_names(database: Database) -> set[str]:
    """The name of every guard trigger the schema must have."""
    if isinstance(database, PostgresqlDatabase):
        names = {f"{table}_keep" for table, _ in KEPT}
        names |= {f"{table}_no_truncate" for table, _ in KEPT}
    else:
        names = {f"{table}_no_{op.lower()}" for table, ops in KEPT for op in ops}
    return names | {allowance.name for allowance in ALLOWANCES} | {PAYMENT_TRIGGER}


def install_guards(database: Database) -> None:
    """Creates every guard trigger (replacing those of the same name) on the tables the
    schema has so far: a schema step that adds a table installs them again."""
    tables = set(database.get_tables())
    kept = [(table, operations) for table, operations in KEPT if table in tables]
    if isinstance(database, PostgresqlDatabase):
        _install_postgres(database, kept)
    else:
        _install_sqlite(database, kept)


def _install_sqlite(database: Database, kept: list[tuple[str, tuple[str, ...]]]) -> None:
    for table, operations in kept:
        for operation in operations:
            name = f"{table}_no_{operation.lower()}"
            database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
            database.execute_sql(
                f'CREATE TRIGGER {name} BEFORE {operation} ON "{table}" '
                f"BEGIN SELECT RAISE(ABORT, 'Complaint Desk keeps {table} rows'); END")
    for allowance in ALLOWANCES:
        database.execute_sql(f"DROP TRIGGER IF EXISTS {allowance.name}")
        database.execute_sql(
            f'CREATE TRIGGER {allowance.name} BEFORE UPDATE ON "{allowance.table}" '
            f"WHEN NOT ({allowance.allowed('IS', 'IS NOT')}) "
            f"BEGIN SELECT RAISE(ABORT, '{allowance.message}'); END")
    database.execute_sql(f"DROP TRIGGER IF EXISTS {PAYMENT_TRIGGER}")
    database.execute_sql(
        f"CREATE TRIGGER {PAYMENT_TRIGGER} BEFORE INSERT ON payment WHEN NOT {_PAYABLE} "
        "BEGIN SELECT RAISE(ABORT, 'Complaint Desk pays approved offers, up to the amount "
        "approved'); END")


def _install_postgres(database: Database, kept: list[tuple[str, tuple[str, ...]]]) -> None:
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION complaint_desk_refuse() RETURNS trigger AS $$ "
        # %% because the driver reads a lone % as a parameter placeholder.
        "BEGIN RAISE EXCEPTION 'Complaint Desk keeps %% rows: %% refused', "
        "TG_TABLE_NAME, TG_OP; END $$ LANGUAGE plpgsql")
    for table, operations in kept:
        for name, when in ((f"{table}_keep", f"{' OR '.join(operations)} ON \"{table}\" "
                                             "FOR EACH ROW"),
                           (f"{table}_no_truncate", f'TRUNCATE ON "{table}" '
                                                    "FOR EACH STATEMENT")):
            database.execute_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
            database.execute_sql(f"CREATE TRIGGER {name} BEFORE {when} "
                                 "EXECUTE FUNCTION complaint_desk_refuse()")
    for allowance in ALLOWANCES:
        _install_postgres_allowance(database, allowance)
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION complaint_desk_payable() RETURNS trigger AS $$ "
        f"BEGIN IF NOT {_PAYABLE} THEN RAISE EXCEPTION 'Complaint Desk pays approved offers, "
        "up to the amount approved'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
    database.execute_sql(f"DROP TRIGGER IF EXISTS {PAYMENT_TRIGGER} ON payment")
    database.execute_sql(f"CREATE TRIGGER {PAYMENT_TRIGGER} BEFORE INSERT ON payment "
                         "FOR EACH ROW EXECUTE FUNCTION complaint_desk_payable()")


def _install_postgres_allowance(database: Database, allowance: Allowance) -> None:
    """A trigger function per allowance: PostgreSQL's WHEN clauses take no subqueries."""
    condition = allowance.allowed("IS NOT DISTINCT FROM", "IS DISTINCT FROM")
    database.execute_sql(
        f"CREATE OR REPLACE FUNCTION {allowance.name}() RETURNS trigger AS $$ BEGIN "
        f"IF NOT ({condition.replace('%', '%%')}) THEN "
        f"RAISE EXCEPTION '{allowance.message}: UPDATE refused'; END IF; RETURN NEW; END $$ "
        "LANGUAGE plpgsql")
    database.execute_sql(f'DROP TRIGGER IF EXISTS {allowance.name} ON "{allowance.table}"')
    database.execute_sql(f'CREATE TRIGGER {allowance.name} BEFORE UPDATE ON "{allowance.table}" '
                         f"FOR EACH ROW EXECUTE FUNCTION {allowance.name}()")


def drop_event_guards(database: Database) -> None:
    """Removes the triggers that keep events unchanged, for a schema step that must fill in
    a new column of every event; the step installs them again."""
    if isinstance(database, PostgresqlDatabase):
        for name in ("event_keep", "event_no_update"):
            database.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON event")
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
