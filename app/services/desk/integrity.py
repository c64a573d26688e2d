"""`check`: is the database sound? Storage, links, schema, search index, case numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from peewee import SQL, SqliteDatabase, fn

from app.i18n import Text
from app.models import CaseCounter, Complaint, TupleRows, database_proxy
from app.models.damage import MAX_REPORTED, unreadable_values
from app.models.migrations import CURRENT_VERSION, schema_version
from app.models.search import SEARCH_TABLE, check_search_index, uses_search_table


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
    indexed = database.execute_sql(f"SELECT count(*) FROM {SEARCH_TABLE}").fetchone()[0]
    cases = Complaint.select().count()
    return "" if indexed == cases else f"{indexed} indexed, {cases} cases"


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


CHECKS: tuple[tuple[Text, Callable[[], str]], ...] = (
    (Text("Database file intact", "数据库文件完整"), _storage),
    (Text("Links between records", "记录之间的关联"), _foreign_keys),
    (Text("Values readable", "数据值可读"), _values),
    (Text("Schema version", "结构版本"), _schema),
    (Text("Search index", "搜索索引"), _search_index),
    (Text("Case numbers without gaps", "投诉编号连续"), _numbers),
)
