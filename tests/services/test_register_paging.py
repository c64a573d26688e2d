"""The register read by key, a page at a time: every sort, ties, the last page, far jumps,
and cases added or leaving the filter between two pages (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from peewee import fn

from app.models import Complaint, StatusCount, database_proxy
from app.models.tallies import counts_by_status
from app.services.demo.generate import fill_demo
from app.services.register import listing
from app.services.register.listing import CaseQuery
from app.services.register.paging import SORTS
from tests.conftest import NOW, Seed

PAGE = 7


@pytest.fixture
def desk(seeded: Seed, db: str) -> str:
    """120 demo cases; a fifth of them share one received time (ties in the sort key)."""
    seeded(_demo_with_ties)
    return db


def _demo_with_ties() -> None:
    fill_demo(cases=120, seed=3, now=NOW)
    tied = [row.id for row in Complaint.select(Complaint.id).order_by(Complaint.id)][::5]
    Complaint.update(received_at=NOW - timedelta(days=3)).where(
        Complaint.id.in_(tied)).execute()


def _walk(query: CaseQuery, size: int = PAGE) -> list[int]:
    """Every id, page after page, each page read after the last row of the one before."""
    seen: list[int] = []
    page = listing.read_page(query, now=NOW, limit=size)
    while page.rows:
        seen += [row.id for row in page.rows]
        page = listing.read_page(query, now=NOW, after=page.cursors[-1], limit=size)
    return seen


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_by_key_give_every_case_once_in_order(desk: str, sort: str,
                                                    descending: bool) -> None:
    query = CaseQuery(sort=sort, descending=descending)
    walked = _walk(query)
    assert walked == listing.ordered_ids(query, now=NOW)
    assert sorted(walked) == sorted(c.id for c in Complaint.select(Complaint.id))
    assert walked[:PAGE * 2] == [row.id for row in listing.fetch_page(query, now=NOW,
                                                                      limit=PAGE * 2)]


def test_ties_in_the_sort_key_are_ordered_by_id(desk: str) -> None:
    walked = _walk(CaseQuery(sort="received_at", descending=True))
    tied_at = NOW - timedelta(days=3)
    times = dict(Complaint.select(Complaint.id, Complaint.received_at).tuples())
    tied = [case_id for case_id in walked if times[case_id] == tied_at]
    assert len(tied) >= 24 and tied == sorted(tied, reverse=True)
    keys = [(times[case_id], case_id) for case_id in walked]
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize("sort", ["received_at", "status", "handler", "next_due_at"])
def test_the_last_page_read_from_the_end_and_far_jumps(desk: str, sort: str) -> None:
    query = CaseQuery(sort=sort)
    everything = listing.ordered_ids(query, now=NOW)
    last = listing.read_page(query, now=NOW, from_end=True, limit=PAGE)
    assert [row.id for row in last.rows] == everything[-PAGE:]
    assert listing.read_page(query, now=NOW, after=last.cursors[-1]).rows == []
    short = listing.read_page(query, now=NOW, from_end=True, skip=3, limit=PAGE)
    assert [row.id for row in short.rows] == everything[-PAGE - 3:-3]
    middle = listing.read_page(query, now=NOW, skip=55, limit=PAGE)
    assert [row.id for row in middle.rows] == everything[55:55 + PAGE]
    before = listing.read_page(query, now=NOW, before=middle.cursors[0], skip=10, limit=PAGE)
    assert [row.id for row in before.rows] == everything[55 - 10 - PAGE:55 - 10]
    places = listing.anchors(query, now=NOW, every=25)
    assert sorted(places) == [24, 49, 74, 99]
    for position, cursor in places.items():
        assert cursor.id == everything[position]


def test_cases_added_between_pages_neither_repeat_nor_hide_a_row(desk: str) -> None:
    query = CaseQuery()  # newest first
    first = listing.read_page(query, now=NOW, limit=PAGE)
    before = listing.ordered_ids(query, now=NOW)
    _add_cases(newest=NOW + timedelta(hours=1), oldest=NOW - timedelta(days=400))
    rest = _walk_after(query, first.cursors[-1])
    seen = [row.id for row in first.rows] + rest
    assert len(seen) == len(set(seen))
    added = set(listing.ordered_ids(query, now=NOW)) - set(before)
    assert set(before) <= set(seen) and len(added & set(rest)) == 1  # only the older one


def test_cases_leaving_the_filter_between_pages(desk: str) -> None:
    query = CaseQuery(statuses=("closed", "resolved"), sort="customer")
    everything = listing.ordered_ids(query, now=NOW)
    first = listing.read_page(query, now=NOW, limit=PAGE)
    gone_before, gone_after = everything[2], everything[PAGE + 3]
    Complaint.update(status="reopened").where(
        Complaint.id.in_([gone_before, gone_after])).execute()
    rest = _walk_after(query, first.cursors[-1])
    assert rest == [case_id for case_id in everything[PAGE:] if case_id != gone_after]


def _walk_after(query: CaseQuery, cursor: object) -> list[int]:
    seen: list[int] = []
    while True:
        page = listing.read_page(query, now=NOW, after=cursor, limit=PAGE)  # type: ignore[arg-type]
        if not page.rows:
            return seen
        seen += [row.id for row in page.rows]
        cursor = page.cursors[-1]


def _add_cases(*, newest: datetime, oldest: datetime) -> None:
    """Two cases copied from the first one, received at `newest` and at `oldest`."""
    model = Complaint.get_by_id(1)
    for number, received in (("TS-2099-000001", newest), ("TS-2099-000002", oldest)):
        values = {field.name: getattr(model, field.name) for field in Complaint._meta.sorted_fields
                  if field.name != "id"}
        values.update(number=number, received_at=received)
        Complaint.create(**values)


def test_counts_per_state_are_kept_by_the_database(desk: str) -> None:
    counted = dict(Complaint.select(Complaint.status, fn.COUNT(Complaint.id))
                   .group_by(Complaint.status).tuples())
    assert {k: v for k, v in counts_by_status(database_proxy.obj).items() if v} == counted
    some = Complaint.select().where(Complaint.status == "new").first()
    Complaint.update(status="closed").where(Complaint.id == some.id).execute()
    kept = {row.status: row.cases for row in StatusCount.select()}
    assert kept["new"] == counted["new"] - 1
    assert kept["closed"] == counted.get("closed", 0) + 1
    assert listing.count(CaseQuery(statuses=("new",)), now=NOW) == counted["new"] - 1
    assert listing.count(CaseQuery(), now=NOW) == sum(counted.values())


@pytest.mark.parametrize("descending", [False, True])
def test_a_value_no_list_knows_comes_last_and_is_never_lost(desk: str, descending: bool,
                                                             ) -> None:
    odd = Complaint.select(Complaint.id).order_by(Complaint.id).first().id
    Complaint.update(severity="extreme").where(Complaint.id == odd).execute()
    walked = _walk(CaseQuery(sort="severity", descending=descending))
    assert walked[-1] == odd and len(walked) == len(set(walked)) == 120
    last = listing.read_page(CaseQuery(sort="severity", descending=descending), now=NOW,
                             from_end=True, limit=1)
    assert [row.id for row in last.rows] == [odd]
