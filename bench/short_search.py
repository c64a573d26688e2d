"""Searches of one or two characters through an index that answers them directly, measured
before it is kept: a second FTS5 table fed with each case's texts cut into their single
characters and pairs, built on a copy of each demo database.

The register cannot answer one or two characters from the trigram index: its first page
looks at the newest cases' text and the total scans every case's text once. This measures,
on the same copy and in the same run: the file size the table adds and how long it takes
to build; what it adds to one intake (a case recorded with its texts) and to one edit of a
description, through the program with and without its triggers; and the searches 态度, 王
and 猫 (first page, total) on the current path and through the table (the program's own
path for three characters or more, the table in place of the trigram index; see
`_through_short_index`), each beside its bare SQL.

Each token is the hexadecimal UTF-8 of one character or one pair of a text, lower-cased as
LIKE compares (ASCII letters only), so FTS5's plain `ascii` tokenizer keeps every one whole;
`detail='none'`: which cases hold a token, nothing else. Cut in SQL (a table of positions),
so triggers feed it whoever writes the case.

    python -m bench.short_search [--quick]   # --quick: 100,000 cases only
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from app.i18n import ZH, set_language
from app.models import Complaint, Customer, User
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing, search_hits, searching
from app.services.register.listing import CaseQuery
from bench.common import demo_database, demo_now, isolate, median, report, sizes, timings, versus

TERMS = ("态度", "王", "猫")
TABLE = "complaint_short"
LONGEST = 5000  # the longest text the program takes (a description)
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
            started = time.perf_counter()
            with sqlite3.connect(source) as read, sqlite3.connect(copy) as write:
                read.backup(write)
            read.close()
            write.close()
            rows.append((f"{cases // 1000}k: copy of the demo database", _ms(started),
                         f"{copy.stat().st_size / 1e6:,.0f} MB, wall"))
            rows += measure(copy, f"{cases // 1000}k")
    return rows


def measure(path: Path, label: str) -> list[Row]:
    """The current path, the table's build, the table's path, its cost to intake and edit."""
    now = demo_now(path)
    open_desk(str(path))
    current = {term: listing.count(CaseQuery(search=term), now=now) for term in TERMS}
    rows = [row for term in TERMS for row in _search(path, f"{label}: current path", term,
                                                     now)]
    close_desk()
    rows += _build(path, label)
    open_desk(str(path))
    with _through_short_index():
        for term in TERMS:
            found = listing.count(CaseQuery(search=term), now=now)
            assert found == current[term], (term, found, current[term])
            rows += _search(path, f"{label}: through the table", term, now)
    rows += _writes(path, label, now)
    close_desk()
    return rows


def _search(path: Path, label: str, term: str, now: Any) -> list[Row]:
    query = CaseQuery(search=term)
    found = listing.count(query, now=now)
    return [
        versus(f"{label}, “{term}”: first page", lambda: listing.read_page(
            query, now=now, exact=False), path, 5, f"{found:,} matches",
            prepare=search_hits.forget),
        versus(f"{label}, “{term}”: the total", lambda: listing.count(query, now=now), path,
               5, "on the worker after the page", prepare=search_hits.forget),
    ]


# --- The table ----------------------------------------------------------------------------
def cut(text: str) -> str:
    """SQL: the tokens of `text` (an SQL expression): each character's and each pair's."""
    return ("ifnull((SELECT group_concat(hex(substr(v, n, 1)) || ' ' || hex(substr(v, n, 2)), "
            f"' ') FROM (SELECT lower({text}) AS v) JOIN short_position ON n <= length(v)), '')")


def tokens(case: str, customer: str) -> str:
    """SQL: the tokens of a case's five searched texts (`case`, `customer`: their aliases)."""
    return " || ' ' || ".join(cut(f"{alias}.{column}") for alias, column in (
        (case, "number"), (customer, "name"), (customer, "phone"), (case, "description"),
        (case, "wish")))


def token(term: str) -> str:
    """The MATCH expression of a term of one or two characters."""
    folded = "".join(c.lower() if "A" <= c <= "Z" else c for c in term)
    return f'"{folded.encode().hex()}"'


TRIGGERS = (
    f"CREATE TRIGGER short_insert AFTER INSERT ON complaint BEGIN "
    f"INSERT INTO {TABLE}(rowid, t) SELECT new.id, {tokens('new', 'c')} "
    f"FROM customer c WHERE c.id = new.customer_id; END",
    f"CREATE TRIGGER short_update AFTER UPDATE OF number, customer_id, description, wish "
    f"ON complaint BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, t) SELECT 'delete', old.id, {tokens('old', 'c')} "
    f"FROM customer c WHERE c.id = old.customer_id; "
    f"INSERT INTO {TABLE}(rowid, t) SELECT new.id, {tokens('new', 'c')} "
    f"FROM customer c WHERE c.id = new.customer_id; END",
    f"CREATE TRIGGER short_customer AFTER UPDATE OF name, phone ON customer BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, t) SELECT 'delete', k.id, {tokens('k', 'old')} "
    f"FROM complaint k WHERE k.customer_id = new.id; "
    f"INSERT INTO {TABLE}(rowid, t) SELECT k.id, {tokens('k', 'new')} "
    f"FROM complaint k WHERE k.customer_id = new.id; END",
)


def _build(path: Path, label: str) -> list[Row]:
    """Builds the table over every case; its size and time."""
    before = path.stat().st_size
    with sqlite3.connect(path) as conn:
        started, cpu = time.perf_counter(), time.process_time()
        conn.execute("CREATE TABLE short_position (n INTEGER PRIMARY KEY)")
        conn.executemany("INSERT INTO short_position VALUES (?)",
                         [(n,) for n in range(1, LONGEST + 1)])
        conn.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(t, content='', "
                     "detail='none', tokenize='ascii')")
        conn.execute(f"INSERT INTO {TABLE}(rowid, t) SELECT k.id, {tokens('k', 'c')} "
                     "FROM complaint k JOIN customer c ON c.id = k.customer_id")
        conn.commit()
        wall, used = _ms(started), (time.process_time() - cpu) * 1000
        conn.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
        conn.commit()
        pages = dict(conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE ? GROUP BY name",
            [f"{TABLE}%"]).fetchall())
        for trigger in TRIGGERS:
            conn.execute(trigger)
    conn.close()
    added = path.stat().st_size - before
    return [(f"{label}: build of the table (every case)", used,
             f"CPU; wall {wall / 1000:,.1f} s"),
             (f"{label}: file size added", 0.0,
              f"{added / 1e6:,.1f} MB of {before / 1e6:,.0f} MB ({added / before:.1%}); the "
              f"table's pages after `optimize` {sum(pages.values()) / 1e6:,.1f} MB")]


@contextmanager
def _through_short_index() -> Iterator[None]:
    """The register's search with the table in place: a term of one or two characters is
    found as three or more are through the trigram index (its matches in a temporary table,
    then the page or the count), and no page is provisional. Patched here, not in the
    program: this measures before it is kept."""
    original_fill = search_hits.hits_table

    def hits_table(term: str) -> str:
        if len(term) >= search_hits.TRIGRAM:
            return original_fill(term)
        return _short_hits(term)

    def contains(term: str, case: Any, customer: Any, *, paging: bool) -> Any:
        if len(term) >= search_hits.TRIGRAM:
            return original_contains(term, case, customer, paging=paging)
        return searching._among_matches(term, case.id, walk=paging)

    original_contains = searching._contains
    with mock.patch.object(search_hits, "hits_table", hits_table), \
            mock.patch.object(searching, "hits_table", hits_table), \
            mock.patch.object(searching, "_contains", contains), \
            mock.patch.object(listing, "provisional", lambda search: False), \
            mock.patch.object(listing, "keep_short_matches", lambda search: None):
        yield


def _short_hits(term: str) -> str:
    """A temporary table of the ids whose texts hold `term`, kept as search_hits keeps the
    trigram index's matches."""
    from app.models import database_proxy

    connection = database_proxy.obj.connection()
    tables = search_hits._tables_for(connection)
    if term not in tables:
        name = f"short_hits_{len(tables)}_{abs(hash(term))}"
        database_proxy.obj.execute_sql(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
        database_proxy.obj.execute_sql(f"INSERT INTO temp.{name} SELECT rowid FROM {TABLE} "
                                       f"WHERE {TABLE} MATCH ?", [token(term)])
        search_hits._sizes()[term] = database_proxy.obj.execute_sql(
            f"SELECT count(*) FROM temp.{name}").fetchone()[0]
        tables[term] = name
        search_hits._state.stamp = search_hits._stamp(connection)
    return tables[term]


# --- What it costs to write a case ------------------------------------------------------
def _writes(path: Path, label: str, now: Any) -> list[Row]:
    """One intake of a new customer's case, and one of a returning customer's under a new
    name (the name changes on their earlier cases too), with and without the table's
    triggers (taken in turn, so both see the same machine)."""
    staff = User.get(User.username == "staff1")
    moments = (now + timedelta(minutes=minute) for minute in range(1, 100_000))
    serial = iter(range(1, 100_000))
    returning = iter([phone for (phone,) in Customer.select(Customer.phone).where(
        Customer.phone != "").order_by(Customer.id).limit(200).tuples()])

    def intake(phone: str, name: str = "王小猫") -> None:
        record_complaint(IntakeForm(
            customer_name=name, phone=phone, channel="phone", category="product_quality",
            description="店员服务态度差，电饭煲三天后无法开机", wish="更换新品"),
            actor=staff, now=next(moments))

    return [_with_and_without(path, f"{label}: one intake (a new customer's case)",
                              lambda: intake(f"139{next(serial):08d}")),
            _with_and_without(path, f"{label}: one intake of a returning customer under a "
                              "new name", lambda: intake(next(returning), "猫先生"))]


def _with_and_without(path: Path, name: str, action: Any) -> Row:
    with_table: list[float] = []
    without: list[float] = []
    for _ in range(25):
        without += timings(action, 1, lambda: _triggers(path, False))[1]
        with_table += timings(action, 1, lambda: _triggers(path, True))[1]
        last = Complaint.select(Complaint.id).order_by(Complaint.id.desc()).scalar()
        assert last in _matches(path, "猫"), "the trigger fed the case just written"
    base = median(without)
    added = median(with_table) - base
    return (f"{name}, with the table", median(with_table),
            f"without {base:.1f} ms: +{added:.1f} ms CPU ({added / base:.0%})")


def _matches(path: Path, term: str) -> set[int]:
    with sqlite3.connect(path) as conn:
        found = {row[0] for row in conn.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?", [token(term)])}
    conn.close()
    return found


def _triggers(path: Path, on: bool) -> None:
    """Installs or drops the table's triggers (through the program's connection)."""
    from app.models import database_proxy

    for statement in TRIGGERS:
        name = statement.split()[2]
        database_proxy.obj.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
        if on:
            database_proxy.obj.execute_sql(statement)
    del path


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    report(run())
