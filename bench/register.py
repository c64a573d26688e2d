"""The register's services on 100,000 and 1,000,000 cases: a page by every sort (the first,
one far down, the last), counts, the overdue filter, searches, `show` of one case.

Every figure is beside the same SQL replayed through a bare sqlite3 connection in the same
run (`bench.common.versus`), and says how many cases the database and the answer hold.

    python -m bench.register [--quick]   # --quick: 100,000 cases only
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.i18n import ZH, set_language
from app.models import Complaint
from app.services.casework.view import CaseDetails
from app.services.desk.store import close_desk, open_desk
from app.services.register import listing, search_hits
from app.services.register.listing import CaseQuery
from app.services.register.paging import SORTS
from bench.common import case_count, demo_database, demo_now, isolate, report, sizes, versus

SEARCHES = ("屏幕碎裂", "不耐烦", "态度", "王", "猫")


def run() -> list[tuple[str, float, str]]:
    """Every figure, at each size."""
    isolate()
    rows = []
    for cases in sizes():
        path, _ = demo_database(cases)
        rows += measure(path, f"{cases // 1000}k")
    return rows


def measure(path: Path, label: str) -> list[tuple[str, float, str]]:
    """The register's figures on the database at `path`."""
    now = demo_now(path)
    set_language(ZH)
    open_desk(str(path))
    total = case_count(path)
    rows = [(f"{label}: the database holds {total:,} cases", 0.0, "checked with count(*)")]
    for sort in SORTS:
        rows += _sort(path, label, CaseQuery(sort=sort), now, total)
    everything = CaseQuery()
    rows.append(versus(f"{label}: the total", lambda: listing.count(everything, now=now),
                       path, 15, f"{listing.count(everything, now=now):,} (kept by triggers)"))
    rows.append(versus(f"{label}: the counts beside the states",
                       lambda: listing.count_by_status(everything, now=now), path, 15))
    overdue = CaseQuery(overdue=True)
    late = listing.count(overdue, now=now)
    rows.append(versus(f"{label}: overdue filter, first page", lambda: listing.read_page(
        overdue, now=now), path, 10, f"of {late:,}"))
    rows.append(versus(f"{label}: overdue filter, the total", lambda: listing.count(
        overdue, now=now), path, 5))
    rows.append(versus(f"{label}: overdue filter, counts beside the states",
                       lambda: listing.count_by_status(overdue, now=now), path, 3,
                       "counted on the worker after the rows"))
    for text in SEARCHES:
        rows += _search(path, label, text, now)
    number = Complaint.select(Complaint.number).order_by(Complaint.id.desc()).scalar()
    rows.append(versus(f"{label}: `show` of one case (all fields, timeline)",
                       lambda: CaseDetails.load(number).to_json(), path, 15))
    close_desk()
    return rows


def _sort(path: Path, label: str, query: CaseQuery, now: datetime,
          total: int) -> list[tuple[str, float, str]]:
    first = listing.read_page(query, now=now)
    assert len(first.rows) == 100
    places = listing.anchors(query, now=now, every=2000)
    middle = max(place for place in places if place < total // 2)
    return [
        versus(f"{label}: sorted by {query.sort}, first page", lambda: listing.read_page(
            query, now=now), path, 10),
        versus(f"{label}: sorted by {query.sort}, the page at row {total // 2:,}",
               lambda: listing.read_page(query, now=now, after=places[middle],
                                         skip=total // 2 - middle - 1), path, 10,
               "from the nearest of the rows placed on the worker"),
        versus(f"{label}: sorted by {query.sort}, the last page", lambda: listing.read_page(
            query, now=now, from_end=True), path, 10),
    ]


def _search(path: Path, label: str, text: str, now: datetime) -> list[tuple[str, float, str]]:
    query = CaseQuery(search=text)
    found = listing.count(query, now=now)
    return [
        versus(f"{label}: search “{text}”, first page", lambda: listing.read_page(
            query, now=now, exact=False), path, 3, f"{found:,} matches",
            prepare=search_hits.forget),
        versus(f"{label}: search “{text}”, the total", lambda: listing.count(
            query, now=now), path, 3, "counted on the worker after the rows",
            prepare=search_hits.forget),
    ]


if __name__ == "__main__":
    report(run())
