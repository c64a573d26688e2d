"""Paging by key at its edges, checked against an order worked out in Python from every
case's values (not against the paging code's own walk): ties in every sort key, the last
page, cases added or leaving the filter between two pages, forwards and backwards, on
SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from itertools import count

import pytest

from app.models import Category, Complaint, Customer, User
from app.services.demo.generate import fill_demo
from app.services.labels import SEVERITIES, STATUSES
from app.services.register import listing
from app.services.register.listing import CaseQuery, Page
from app.services.register.paging import SORTS, Cursor
from tests.conftest import NOW, Seed

PAGE = 7
CASES = 120
FILTER = ("closed", "resolved")
_numbers = count(1)


@pytest.fixture
def desk(seeded: Seed, db: str) -> str:
    """120 demo cases with ties in every sort key: a fifth received at one time, a tenth due
    at one time, two customers of one name (each with several cases)."""
    seeded(_demo_with_ties)
    return db


def _demo_with_ties() -> None:
    fill_demo(cases=CASES, seed=5, now=NOW)
    ids = [row.id for row in Complaint.select(Complaint.id).order_by(Complaint.id)]
    Complaint.update(received_at=NOW - timedelta(days=3)).where(
        Complaint.id.in_(ids[::5])).execute()
    Complaint.update(next_due_at=NOW + timedelta(days=2)).where(
        Complaint.id.in_(ids[1::10])).execute()
    first, second = (Complaint.get_by_id(case_id).customer_id for case_id in ids[:2])
    Complaint.update(customer=first).where(Complaint.id.in_(ids[2:6])).execute()
    Complaint.update(customer=second).where(Complaint.id.in_(ids[6:10])).execute()
    Customer.update(name="同名客户").where(Customer.id.in_([first, second])).execute()


def _values() -> dict[int, tuple[object, ...]]:
    """Every case's sort values: number, received, customer name and id, category, severity,
    state, handler, next due."""
    select = (Complaint.select(Complaint.id, Complaint.number, Complaint.received_at,
                               Customer.name, Customer.id, Complaint.category,
                               Complaint.severity, Complaint.status, Complaint.handler,
                               Complaint.next_due_at)
              .join(Customer, on=Complaint.customer == Customer.id))
    return {row[0]: row[1:] for row in select.tuples()}


def _ranks(rows: list[tuple[int, str]]) -> dict[int, int]:
    """Ids ranked by name, then id (code point order, as both databases compare here)."""
    return {row_id: rank for rank, (name, row_id) in enumerate(sorted(
        (name, row_id) for row_id, name in rows))}


def _reference(sort: str, descending: bool) -> list[int]:
    """Every case's id in the order `sort`: by the sort's key then id, empty or unknown
    keys last in either direction (each in id order)."""
    categories = _ranks(list(Category.select(Category.id, Category.name_en).tuples()))
    handlers = _ranks(list(User.select(User.id, User.display_name).tuples()))
    rank = {"status": {code: i for i, code in enumerate(STATUSES)},
            "severity": {code: i for i, code in enumerate(SEVERITIES)}}
    valued, empty = [], []
    for case_id, (number, received, name, customer, category, severity, status, handler,
                  due) in _values().items():
        key = {"number": (number,), "received_at": (received,), "customer": (name, customer),
               "category": (categories[category],),
               "severity": _known(rank["severity"], severity),
               "status": _known(rank["status"], status),
               "handler": None if handler is None else (handlers[handler],),
               "next_due_at": None if due is None else (due,)}[sort]
        if key is None:
            empty.append(case_id)
        else:
            valued.append((key, case_id))
    ordered = [case_id for _, case_id in sorted(valued, reverse=descending)]
    return ordered + sorted(empty, reverse=descending)


def _known(ranks: dict[str, int], code: str) -> tuple[int] | None:
    return (ranks[code],) if code in ranks else None


def _statuses() -> dict[int, str]:
    return dict(Complaint.select(Complaint.id, Complaint.status).tuples())


def _pages(query: CaseQuery, after: Cursor | None, size: int = PAGE) -> Iterator[Page]:
    """The pages after `after` (from the top when None) until an empty one."""
    while (page := listing.read_page(query, now=NOW, after=after, limit=size)).rows:
        yield page
        after = page.cursors[-1]


def _ids(pages: Iterator[Page] | list[Page]) -> list[int]:
    return [row.id for page in pages for row in page.rows]


def _copy_of(case_id: int) -> int:
    """A new case with every sort value of case `case_id` (a later id, a later number)."""
    model = Complaint.get_by_id(case_id)
    values = {field.name: getattr(model, field.name)
              for field in Complaint._meta.sorted_fields if field.name != "id"}
    values["number"] = f"TS-2099-{next(_numbers):06d}"
    return Complaint.create(**values).id


ORDERS = [(sort, descending) for sort in SORTS for descending in (False, True)]


def test_the_demo_cases_have_ties_and_empty_keys_in_every_sort(desk: str) -> None:
    values = list(_values().values())
    for column in (1, 2, 4, 5, 6, 7, 8):  # received … next due: one value shared somewhere
        assert len({row[column] for row in values}) < len(values)
    assert len({row[3] for row in values if row[2] == "同名客户"}) == 2
    assert any(row[7] is None for row in values) and any(row[8] is None for row in values)


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_pages_follow_the_order_worked_out_from_the_values(desk: str, sort: str,
                                                           descending: bool) -> None:
    size = 10 if descending else PAGE  # 10: the last page is full (120 cases)
    query = CaseQuery(sort=sort, descending=descending)
    pages = list(_pages(query, None, size))
    assert _ids(pages) == _reference(sort, descending)
    assert [len(page.rows) for page in pages[:-1]] == [size] * (len(pages) - 1)
    assert 0 < len(pages[-1].rows) <= size and len(pages) == -(-CASES // size)


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_the_last_page_and_the_pages_before_it(desk: str, sort: str, descending: bool) -> None:
    query = CaseQuery(sort=sort, descending=descending)
    expected = _reference(sort, descending)
    last = listing.read_page(query, now=NOW, from_end=True, limit=PAGE)
    assert [row.id for row in last.rows] == expected[-PAGE:]
    assert listing.read_page(query, now=NOW, after=last.cursors[-1]).rows == []
    seen, page = [], last
    while page.rows:  # scrolling up from the end, page by page, to the top
        seen = [row.id for row in page.rows] + seen
        page = listing.read_page(query, now=NOW, before=page.cursors[0], limit=PAGE)
    assert seen == expected
    everything = listing.read_page(query, now=NOW, from_end=True, limit=CASES + 50)
    assert [row.id for row in everything.rows] == expected


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_cases_added_between_pages_tied_with_the_last_row_seen(desk: str, sort: str,
                                                               descending: bool) -> None:
    query = CaseQuery(sort=sort, descending=descending)
    first = listing.read_page(query, now=NOW, limit=PAGE * 2)
    last_seen = first.rows[PAGE].id
    added = {_copy_of(last_seen), _copy_of(first.rows[0].id)}
    rest = _ids(_pages(query, first.cursors[PAGE]))
    now_ordered = _reference(sort, descending)
    assert rest == now_ordered[now_ordered.index(last_seen) + 1:]
    seen = [row.id for row in first.rows[:PAGE + 1]] + rest
    assert len(seen) == len(set(seen)) and set(seen) | added == set(now_ordered)
    # A copy of the last row seen has a later id: after it ascending, before it descending.
    assert last_seen not in rest and bool(added & set(rest)) is not descending


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_cases_leaving_the_filter_between_pages_even_the_last_row_seen(
        desk: str, sort: str, descending: bool) -> None:
    query = CaseQuery(statuses=FILTER, sort=sort, descending=descending)
    before = [case_id for case_id in _reference(sort, descending)
              if _statuses()[case_id] in FILTER]
    assert len(before) > 3 * PAGE
    first = listing.read_page(query, now=NOW, limit=PAGE)
    assert [row.id for row in first.rows] == before[:PAGE]
    gone = [before[1], before[PAGE - 1], before[PAGE + 2], before[-1]]  # the last seen too
    Complaint.update(status="reopened").where(Complaint.id.in_(gone)).execute()
    rest = _ids(_pages(query, first.cursors[-1]))
    assert rest == [case_id for case_id in before[PAGE:] if case_id not in gone]
    assert listing.count(query, now=NOW) == len(before) - len(gone)


@pytest.mark.parametrize(("sort", "descending"), ORDERS)
def test_cases_added_and_leaving_while_scrolling_up(desk: str, sort: str,
                                                    descending: bool) -> None:
    query = CaseQuery(statuses=FILTER, sort=sort, descending=descending)
    last = listing.read_page(query, now=NOW, from_end=True, limit=PAGE)
    top_seen = last.rows[0].id
    _copy_of(last.rows[-1].id)
    _copy_of(top_seen)  # tied with the row the next page ends before
    ordered = [case_id for case_id in _reference(sort, descending)
               if _statuses()[case_id] in FILTER]
    Complaint.update(status="reopened").where(Complaint.id == top_seen).execute()
    above = ordered[:ordered.index(top_seen)]
    page = listing.read_page(query, now=NOW, before=last.cursors[0], limit=PAGE)
    assert [row.id for row in page.rows] == above[-PAGE:]


@pytest.mark.parametrize("narrowing", [{"overdue": True}, {"flagged": True}])
def test_counts_beside_the_states_under_the_overdue_and_flagged_filters(
        desk: str, narrowing: dict[str, bool]) -> None:
    rows = Complaint.select(Complaint.status, Complaint.next_due_at, Complaint.flag_group,
                            Complaint.flag_risk).tuples()
    wanted = [status for status, due, group, risk in rows
              if (not narrowing.get("overdue") or (due is not None and due < NOW))
              and (not narrowing.get("flagged") or group or risk)]
    assert wanted
    counts = listing.count_by_status(CaseQuery(statuses=("new",), **narrowing), now=NOW)
    assert counts == {status: wanted.count(status) for status in STATUSES}
