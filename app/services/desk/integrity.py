"""`check`: is the database sound? Storage, links, schema, search index, case numbers, and
is the record whole: the guard triggers in place and the event hash chain unbroken."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from peewee import SQL, SqliteDatabase, fn

from app.i18n import Text
from app.models import CaseCounter, Complaint, EventChain, TupleRows, chain, database_proxy
from app.models.damage import MAX_REPORTED, unreadable_values
from app.models.guards import missing_guards
from app.models.migrations import CURRENT_VERSION, schema_version
from app.models.search import SEARCH_TABLE, SHORT_TABLE, check_search_index, uses_search_table
from app.models.tallies import counts_by_status


@dataclass(frozen=True)
class CheckResult:
    """One check: what was checked, whether it passed, and what was found."""

    name: Text
    ok: bool
    detail: str = ""


def run_checks() -> list[CheckResult]:
    """Every check, in order; a check that crashes counts as failed with its error."""
    results = []
    for name, check in CHECKS:
        try:
            problem = check()
        except Exception as error:  # a damaged file fails in many different ways
            problem = str(error) or type(error).__name__
        results.append(CheckResult(name, not problem, problem))
    return results


def _storage() -> str:
    database = database_proxy.obj
    if not isinstance(database, SqliteDatabase):
        return ""  # the server checks its own storage
    rows = [row[0] for row in database.execute_sql("PRAGMA integrity_check").fetchall()]
    return "" if rows == ["ok"] else "; ".join(rows[:5])


def _foreign_keys() -> str:
    database = database_proxy.obj
    if not isinstance(database, SqliteDatabase):
        return ""  # PostgreSQL enforces foreign keys on every write
    rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    return "" if not rows else f"{len(rows)} broken links, first in table {rows[0][0]}"


def _values() -> str:
    """Every column holds what its field writes: a damaged byte can leave SQLite's structure
    sound yet turn a date or a number into garbage."""
    return "; ".join(unreadable_values(database_proxy.obj)[:MAX_REPORTED])


def _schema() -> str:
    found = schema_version(database_proxy.obj)
    return "" if found == CURRENT_VERSION else f"version {found}, expected {CURRENT_VERSION}"


def _search_index() -> str:
    database = database_proxy.obj
    if not uses_search_table(database):
        return ""
    check_search_index(database)
    cases = Complaint.select().count()
    wrong = []
    for table in (SEARCH_TABLE, SHORT_TABLE):
        indexed = database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
        if indexed != cases:
            wrong.append(f"{indexed} indexed in {table}, {cases} cases")
    return "; ".join(wrong)


def _state_counts() -> str:
    """The counts kept per state (for the register) against the cases themselves."""
    kept = {status: cases for status, cases in counts_by_status(database_proxy.obj).items()
            if cases}
    found: dict[str, int] = dict(cast(TupleRows, Complaint.select(
        Complaint.status, fn.COUNT(SQL("*"))).group_by(Complaint.status).tuples()))
    wrong = [f"{status}: {kept.get(status, 0)} kept, {found.get(status, 0)} cases"
             for status in sorted(set(kept) | set(found))
             if kept.get(status, 0) != found.get(status, 0)]
    return "; ".join(wrong)


def _numbers() -> str:
    """Per year: as many cases as the counter handed out, and none above it (gap-free)."""
    year = fn.SUBSTR(Complaint.number, 4, 4)
    # Grouped by position: PostgreSQL does not match a parameterised expression to itself.
    counts: dict[str, int] = dict(cast(TupleRows, Complaint.select(year, fn.COUNT(Complaint.id))
                                       .group_by(SQL("1")).tuples()))
    counters = {str(c.year): c.last_number for c in CaseCounter.select()}
    wrong = [f"{y}: {counts.get(y, 0)} cases, counter {counters.get(y, 0)}"
             for y in sorted(set(counts) | set(counters)) if counts.get(y, 0) != counters.get(y, 0)]
    return "; ".join(wrong)


def _guards() -> str:
    """Every trigger that keeps the record append-only is there (and switched on)."""
    missing = missing_guards(database_proxy.obj)
    return f"missing: {', '.join(missing)}" if missing else ""


CHAIN_CHUNK = 100_000


def verify_chain() -> ChainReport:
    """Walks the event log in id order, checking each event's hash against its content (or,
    for an event whose personal texts were removed, the digest it kept of them) and the hash
    before it; stops at the first that does not follow."""
    database = database_proxy.obj
    mark = database.param
    if isinstance(database, SqliteDatabase):  # the database builds the content: faster
        content = chain.sqlite_content_sql()
        read = lambda rows: [row[3] for row in rows]  # noqa: E731
    else:
        content = ", ".join(f'"{c}"' for c in chain.COLUMNS)
        read = lambda rows: [chain.content(row[3:]) for row in rows]  # noqa: E731
    sql = (f"SELECT id, hash, original_digest, {content} FROM event WHERE id > {mark} "
           f"ORDER BY id LIMIT {CHAIN_CHUNK}")
    last, whole, last_id = chain.GENESIS, 0, None
    while rows := database.execute_sql(sql, (last_id or 0,)).fetchall():
        hashes = [row[1] for row in rows]
        kept = {i: row[2] for i, row in enumerate(rows) if row[2]}
        broken = chain.first_mismatch(last, hashes, read(rows), kept)
        if broken is not None:
            return ChainReport(whole + broken, rows[broken][0],
                               rows[broken - 1][0] if broken else last_id)
        last, whole, last_id = hashes[-1], whole + len(rows), rows[-1][0]
    head = EventChain.get_or_none(EventChain.id == 1)
    return ChainReport(whole, None, last_id, last, head.events if head else None,
                       head.last_hash if head else None)


@dataclass(frozen=True)
class ChainReport:
    """What walking the chain found: events that follow, the first that does not (and the
    one before it), and the head as recorded."""

    whole: int
    broken_at: int | None
    before: int | None
    last_hash: str = ""
    head_events: int | None = None
    head_hash: str | None = None

    def problem(self) -> str:
        """Empty when the chain is whole and ends where its head says; else what is wrong."""
        if self.broken_at is not None:
            after = f"event {self.before}" if self.before else "the start"
            return (f"the chain breaks at event {self.broken_at}: it was changed, or events "
                    f"between {after} and it were removed ({self.whole} events before it "
                    "follow)")
        if self.head_events != self.whole or self.head_hash != self.last_hash:
            return (f"{self.whole} events follow, but the chain's head records "
                    f"{self.head_events} ending {str(self.head_hash)[:12]}…: events were "
                    "removed from the end, or the head was changed")
        return ""


def _chain() -> str:
    return verify_chain().problem()


CHECKS: tuple[tuple[Text, Callable[[], str]], ...] = (
    (Text("Database file intact", "数据库文件完整"), _storage),
    (Text("Links between records", "记录之间的关联"), _foreign_keys),
    (Text("Values readable", "数据值可读"), _values),
    (Text("Schema version", "结构版本"), _schema),
    (Text("Search index", "搜索索引"), _search_index),
    (Text("Counts per state", "各状态件数"), _state_counts),
    (Text("Case numbers without gaps", "投诉编号连续"), _numbers),
    (Text("Record guards (triggers)", "记录防篡改触发器"), _guards),
    (Text("Event hash chain", "事件哈希链"), _chain),
)
