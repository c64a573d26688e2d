"""Searches of one or two characters through the table of each text's single characters and
pairs (models.search, schema step 10), on a copy of each demo database, beside what it
replaced, in the same run.

Measured: the table's size (its pages) and how long building it over every case takes;
what its triggers add to one intake of a new customer's case, and of a returning customer's
under a new name (their earlier cases' tokens change too), through the program with the
triggers and without them, taken in turn; the searches 态度, 王 and 猫, each beside its bare
SQL: the first page (which still looks at the newest cases' text until the worker has the
matches), the total through the table, and the scan of every case's text that found the
matches before the table (bare SQL: it ran at 0.9–1.0× its SQL), with the same matches.

    python -m bench.short_search [--quick]   # --quick: 100,000 cases only
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from peewee import SqliteDatabase

from app.i18n import ZH, set_language
from app.models import Complaint, Customer, TupleRows, User, database_proxy
from app.models.search import (
    POSITIONS,
    SEARCH_COLUMNS,
    SEARCH_TABLE,
    SHORT_TABLE,
    SHORT_TRIGGERS,
    install_short_index,
)
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing, search_hits
from app.services.register.listing import CaseQuery
from bench.common import demo_database, demo_now, isolate, median, report, sizes, timings, versus

TERMS = ("态度", "王", "猫")
Row = tuple[str, float, str]


def run() -> list[Row]:
    """Every figure, on a copy of each demo database (removed after)."""
    isolate()
    set_language(ZH)
    rows: list[Row] = []
    for cases in sizes():
        source, _ = demo_database(cases)
        with tempfile.TemporaryDirectory(prefix="short-search-") as folder:
            copy = Path(folder) / source.name
            with sqlite3.connect(source) as read, sqlite3.connect(copy) as write:
                read.backup(write)
            read.close()
            write.close()
            rows += measure(copy, f"{cases // 1000}k")
    return rows


def measure(path: Path, label: str) -> list[Row]:
    """The searches, the writes, then the table's size and its build (it is built again)."""
    now = demo_now(path)
    open_desk(str(path))
    rows = [row for term in TERMS for row in _search(path, label, term, now)]
    rows += _writes(label, now)
    close_desk()
    return [*rows, *_build(path, label)]


def _search(path: Path, label: str, term: str, now: datetime) -> list[Row]:
    query = CaseQuery(search=term)
    found = listing.count(query, now=now)
    matches = set(search_hits.matches(term))
    scanned, scan_ms = _scan(path, term)
    assert scanned == matches, "the table finds what the scan found"
    return [
        versus(f"{label}: search “{term}”, first page (the newest cases)", lambda: listing.
               read_page(query, now=now, exact=False), path, 5, f"{found:,} matches",
               prepare=search_hits.forget),
        versus(f"{label}: search “{term}”, the total (through the table)", lambda: listing.
               count(query, now=now), path, 5, "on the worker after the page",
               prepare=search_hits.forget),
        (f"{label}: search “{term}”, the scan of every text it replaced", scan_ms,
         f"bare SQL; {len(scanned):,} cases, the same as the table's"),
    ]


def _scan(path: Path, term: str) -> tuple[set[int], float]:
    """What found the matches before the table: LIKE over every case's texts."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    sql = (f"SELECT id FROM {SEARCH_TABLE}_content WHERE " + " OR ".join(
        f"c{i} LIKE ? ESCAPE '\\'" for i in range(len(SEARCH_COLUMNS))))
    params = [f"%{escaped}%"] * len(SEARCH_COLUMNS)
    with sqlite3.connect(path) as conn:
        found = {row[0] for row in conn.execute(sql, params)}
        cpu = median(timings(lambda: conn.execute(sql, params).fetchall(), 3)[1])
    conn.close()
    return found, cpu


# --- What the table costs ---------------------------------------------------------------
def _writes(label: str, now: datetime) -> list[Row]:
    """One intake of a new customer's case, and one of a returning customer's under a new
    name, with and without the table's triggers."""
    staff = User.get(User.username == "staff1")
    moments = (now + timedelta(minutes=minute) for minute in range(1, 100_000))
    serial = iter(range(1, 100_000))
    returning = iter([str(phone) for (phone,) in cast(TupleRows, Customer.select(
        Customer.phone).where(Customer.phone != "").order_by(Customer.id).limit(200).tuples())])

    def intake(phone: str, name: str = "王小猫") -> None:
        record_complaint(IntakeForm(
            customer_name=name, phone=phone, channel="phone", category="product_quality",
            description="店员服务态度差，电饭煲三天后无法开机", wish="更换新品"),
            actor=staff, now=next(moments))

    return [_with_and_without(f"{label}: one intake (a new customer's case)",
                              lambda: intake(f"139{next(serial):08d}")),
            _with_and_without(f"{label}: one intake of a returning customer under a new "
                              "name", lambda: intake(next(returning), "猫先生"))]


def _with_and_without(name: str, action: Callable[[], None]) -> Row:
    with_table: list[float] = []
    without: list[float] = []
    for _ in range(25):
        without += timings(action, 1, lambda: _triggers(False))[1]
        with_table += timings(action, 1, lambda: _triggers(True))[1]
    _triggers(True)
    last = Complaint.select(Complaint.id).order_by(Complaint.id.desc()).scalar()
    assert last in search_hits.matches("猫"), "the triggers fed the case just written"
    base = median(without)
    added = median(with_table) - base
    return (f"{name}, with the table", median(with_table),
            f"without {base:.1f} ms: +{added:.1f} ms CPU ({added / base:.0%})")


def _triggers(on: bool) -> None:
    """Installs or drops the table's triggers (on the program's connection)."""
    for statement in SHORT_TRIGGERS:
        database_proxy.obj.execute_sql(f"DROP TRIGGER IF EXISTS {statement.split()[5]}")
        if on:
            database_proxy.obj.execute_sql(statement)
    search_hits.forget()


def _build(path: Path, label: str) -> list[Row]:
    """The table's pages as the upgrade made them (with the cases the intakes added), then
    the table made again over every case, timed."""
    size = path.stat().st_size
    with sqlite3.connect(path) as conn:
        pages = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ? OR name = ?",
                             [f"{SHORT_TABLE}%", POSITIONS]).fetchone()[0]
        for statement in SHORT_TRIGGERS:
            conn.execute(f"DROP TRIGGER {statement.split()[5]}")
        conn.execute(f"DROP TABLE {SHORT_TABLE}")
        conn.execute(f"DROP TABLE {POSITIONS}")
    conn.close()
    database = SqliteDatabase(str(path))
    started, cpu = time.perf_counter(), time.process_time()
    with database.atomic():
        install_short_index(database)
    wall, used = time.perf_counter() - started, (time.process_time() - cpu) * 1000
    database.close()
    return [(f"{label}: the table's size", 0.0,
             f"{pages / 1e6:,.1f} MB in a file of {size / 1e6:,.0f} MB ({pages / size:.1%})"),
            (f"{label}: building the table over every case", used,
             f"CPU; wall {wall:,.1f} s (what schema step 10 adds to an upgrade)")]


if __name__ == "__main__":
    report(run())
