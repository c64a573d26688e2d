"""The register: filters, counts per state, sorting, paging and substring search."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from app.models import Category, Complaint, User
from app.services import catalog
from app.services.casework import workflow
from app.services.register import listing
from app.services.register.listing import CaseQuery, count, count_by_status, fetch_page
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


@pytest.fixture
def shop(make_case: MakeCase, staff: User, staff2: User) -> dict[str, Complaint]:
    """Five cases of different kinds, states, ages and customers."""
    cases = {
        "screen": make_case(customer_name="王芳", phone="13900000001", severity="high",
                            description="手机屏幕碎裂，刚买三天", at=NOW - timedelta(days=2),
                            received_at=NOW - timedelta(days=2)),
        "late": make_case(customer_name="Alice Smith", phone="021-5555 0101", category="delivery",
                          description="Parcel arrived broken and LATE", flags=["group"],
                          received_at=NOW - timedelta(days=20), at=NOW - timedelta(days=20)),
        "price": make_case(customer_name="李雷", phone="13900000003", category="billing",
                           description="标价 99 元结账收 129 元", severity="low",
                           received_at=NOW - timedelta(hours=3)),
        "rude": make_case(customer_name="王建国", phone="13900000004", category="service",
                          description="店员态度冷淡", severity="critical", flags=["risk"]),
    }
    cases["rude"] = workflow.move(cases["rude"].id, "in_progress", actor=staff, now=NOW,
                                  expected_version=1,
                                  values={"department": "front_desk", "handler": "staff2"})
    return cases


def _numbers(query: CaseQuery, **kwargs: object) -> list[str]:
    return [row.number for row in fetch_page(query, now=NOW, **kwargs)]


def test_newest_first_by_default(shop: dict[str, Complaint]) -> None:
    assert _numbers(CaseQuery()) == [shop[k].number for k in ("rude", "price", "screen", "late")]


@pytest.mark.parametrize(("text", "expected"), [
    ("屏幕碎裂", ["screen"]),          # Chinese, trigram index
    ("态度", ["rude"]),                # two characters: fallback scan
    ("王", ["rude", "screen"]),        # one character, customer names
    ("late", ["late"]),                # English, any letter case
    ("alice", ["late"]),
    ("5555 0101", ["late"]),           # phone typed with a space: both parts match
    ("021-5555-0101", ["late"]),       # phone with dashes: stored as digits
    ("TS-2026-000003", ["price"]),     # case number
    ("99 元", ["price"]),
    ("找不到的内容", []),
    ('"quoted', []),                   # FTS syntax characters are plain text
])
def test_search_finds_substrings(shop: dict[str, Complaint], text: str,
                                 expected: list[str]) -> None:
    query = CaseQuery(search=text)
    assert _numbers(query) == [shop[k].number for k in expected]
    assert count(query, now=NOW) == len(expected)


def test_filters_combine(shop: dict[str, Complaint], staff2: User) -> None:
    delivery = catalog.find(Category, "delivery").id
    assert _numbers(CaseQuery(category_id=delivery)) == [shop["late"].number]
    assert _numbers(CaseQuery(handler_id=staff2.id)) == [shop["rude"].number]
    assert _numbers(CaseQuery(flagged=True)) == [shop["rude"].number, shop["late"].number]
    assert _numbers(CaseQuery(statuses=("in_progress",))) == [shop["rude"].number]
    assert _numbers(CaseQuery(received_from=date(2026, 3, 2), received_to=date(2026, 3, 2))) == [
        shop["screen"].number]
    assert _numbers(CaseQuery(search="王", statuses=("new",))) == [shop["screen"].number]


def test_overdue_means_something_was_due_before_now(shop: dict[str, Complaint]) -> None:
    overdue = _numbers(CaseQuery(overdue=True))
    assert overdue == [shop["screen"].number, shop["late"].number]
    row = fetch_page(CaseQuery(search="屏幕"), now=NOW)[0]
    assert row.is_overdue(NOW) and not row.is_overdue(datetime(2026, 3, 1))


def test_counts_per_state_ignore_the_state_filter(shop: dict[str, Complaint]) -> None:
    counts = count_by_status(CaseQuery(statuses=("new",)), now=NOW)
    assert counts["new"] == 3 and counts["in_progress"] == 1 and counts["closed"] == 0
    assert set(counts) == {"new", "acknowledged", "in_progress", "awaiting_approval",
                           "resolved", "rejected", "closed", "reopened", "merged"}


@pytest.mark.parametrize(("sort", "descending", "expected"), [
    ("severity", True, ["rude", "screen", "late", "price"]),
    ("customer", False, ["late", "price", "rude", "screen"]),
    ("number", False, ["screen", "late", "price", "rude"]),
    ("handler", False, ["rude", "screen", "late", "price"]),  # no handler: last, by id
])
def test_sorting_by_any_column(shop: dict[str, Complaint], sort: str, descending: bool,
                               expected: list[str]) -> None:
    query = CaseQuery(sort=sort, descending=descending)
    numbers = _numbers(query)
    if sort == "customer":  # collation of Chinese names differs by backend: check the Latin one
        assert numbers[0] == shop["late"].number
    else:
        assert numbers == [shop[k].number for k in expected]


def test_pages_do_not_overlap(shop: dict[str, Complaint]) -> None:
    first = _numbers(CaseQuery(), offset=0, limit=2)
    second = _numbers(CaseQuery(), offset=2, limit=2)
    assert len(first) == len(second) == 2 and not set(first) & set(second)


def test_rows_carry_names_in_the_current_language(shop: dict[str, Complaint]) -> None:
    from app.i18n import ZH, set_language

    set_language(ZH)
    row = fetch_page(CaseQuery(search="态度冷淡"), now=NOW)[0]
    assert (row.category, row.handler, row.flags) == ("服务不周", "刘明", ("risk",))
    assert (row.received_at, row.flag_risk, row.flag_group) == (NOW, True, False)
    assert isinstance(row.resolution_due, datetime) and row.next_due_at == row.first_response_due
    assert row.to_json(NOW)["category"] == "service"


def test_the_index_follows_edits_of_cases_and_customers(shop: dict[str, Complaint]) -> None:
    from app.models import Customer

    Customer.update(name="赵敏").where(Customer.name == "李雷").execute()
    assert _numbers(CaseQuery(search="赵敏")) == [shop["price"].number]
    Complaint.update(description="退款手续繁琐").where(Complaint.id == shop["price"].id).execute()
    assert _numbers(CaseQuery(search="手续繁琐")) == [shop["price"].number]
    assert _numbers(CaseQuery(search="结账收")) == []


@pytest.mark.parametrize("text", ["王", "态度", "屏幕碎", ""])
def test_first_page_gives_the_rows_and_the_total(shop: dict[str, Complaint], text: str) -> None:
    query = CaseQuery(search=text)
    rows, total = listing.first_page(query, now=NOW, limit=1)
    assert total == count(query, now=NOW)
    assert [r.number for r in rows] == _numbers(query)[:1]


def test_first_page_of_a_scan_finding_nothing(shop: dict[str, Complaint]) -> None:
    assert listing.first_page(CaseQuery(search="猫"), now=NOW) == ([], 0)


def test_short_term_matches_follow_every_change(shop: dict[str, Complaint], sqlite_db_path: str,
                                                ) -> None:
    import sqlite3

    from app.models import Customer

    assert _numbers(CaseQuery(search="赵")) == []
    Customer.update(name="赵敏").where(Customer.name == "李雷").execute()  # this program
    assert _numbers(CaseQuery(search="赵")) == [shop["price"].number]
    assert count(CaseQuery(search="赵"), now=NOW) == 1
    with sqlite3.connect(sqlite_db_path) as other:  # another PC sharing the file
        other.execute("UPDATE customer SET name = '钱多多' WHERE name = '赵敏'")
    other.close()
    assert _numbers(CaseQuery(search="赵")) == []
    assert _numbers(CaseQuery(search="多")) == [shop["price"].number]


@pytest.fixture
def sqlite_db_path(db: str) -> str:
    """The database file of this test (skips the PostgreSQL run)."""
    if db.startswith("postgresql://"):
        pytest.skip("shared-file change detection is SQLite's")
    return db
