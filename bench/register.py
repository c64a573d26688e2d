"""The register on 100,000 cases: a filtered page, a count, searches, `show` of one case.

Each peewee query is also run as the identical SQL through a bare sqlite3 connection in
the same run, so the figures read as a ratio to what SQLite itself needs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from app.i18n import ZH, set_language
from app.models import Category, Complaint
from app.services.casework.view import CaseDetails
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing, search_hits
from app.services.register.listing import CaseQuery
from bench.common import best_of, demo_database, demo_now, report

SEARCHES = (
    ("search 4 chars “屏幕碎裂”, first page and total", "屏幕碎裂"),
    ("search 3 chars “不耐烦”, first page and total", "不耐烦"),
    ("search 2 chars “态度”, first page and total", "态度"),
    ("search 1 char “王”, first page and total", "王"),
    ("search 1 char with no match “猫”", "猫"),
    ("search 2 chars with no match “火箭”", "火箭"),
)


def _versus_raw(name: str, action: Callable[[], object], conn: sqlite3.Connection,
                select: object) -> tuple[str, float, str]:
    """Times `action`, then the same SQL on a bare sqlite3 connection."""
    sql, params = select.sql()  # type: ignore[attr-defined]
    ours = best_of(action)
    bare = best_of(lambda: conn.execute(sql, params).fetchall())
    return name, ours, f"raw sqlite3 {bare:.2f} ms, ratio {ours / bare:.1f}x (target < 10 ms, < 5x)"


def run() -> list[tuple[str, float, str]]:
    """Times the register's queries; returns rows for the report."""
    path, demo_seconds = demo_database()
    now = demo_now(path)
    set_language(ZH)
    open_desk(str(path))
    raw = sqlite3.connect(path)
    rows = []
    if demo_seconds is not None:
        rows.append(("`demo --cases 100000`", demo_seconds * 1000, "target < 60 s"))
    category = Category.get(Category.code == "product_quality").id
    filtered = CaseQuery(statuses=("in_progress",), category_id=category)
    rows.append(_versus_raw("page of 100, status + category filter",
                            lambda: listing.fetch_page(filtered, now=now),
                            raw, listing.page_select(filtered, now=now)))
    rows.append(_versus_raw("count, same filter", lambda: listing.count(filtered, now=now),
                            raw, listing.count_select(filtered, now=now)))
    for name, text in SEARCHES:
        query = CaseQuery(search=text)

        def first_page(q: CaseQuery = query) -> object:
            search_hits.forget()  # a new search, not one remembered from the last run
            return listing.first_page(q, now=now)

        millis = best_of(first_page, runs=5)
        target = "< 50 ms" if len(text) >= 3 else "< 150 ms"
        rows.append((name, millis, f"target {target}"))
    number = Complaint.select(Complaint.number).order_by(Complaint.id.desc()).scalar()
    rows.append(("`show` of one case (all fields + timeline)",
                 best_of(lambda: CaseDetails.load(number).to_json()), ""))
    raw.close()
    close_desk()
    return rows


if __name__ == "__main__":
    report(run())
