"""Searches of one or two characters: on SQLite through the table of each text's single
characters and pairs, on PostgreSQL by comparing the columns. Either finds the cases whose
texts hold the term (ASCII letters in any case), the table follows every write, whoever
makes it, and keeps no trace of removed personal data."""

import sqlite3
from collections.abc import Callable

import pytest

from app.models import Complaint, Customer, User, database_proxy
from app.models.search import SHORT_TABLE
from app.services.customers import redaction
from app.services.desk import integrity
from app.services.register import listing
from app.services.register.listing import CaseQuery
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
TERMS = ("王", "态度", "Li", "lI", "01", "9", "-", "%", "_", "元", "猫", "度冷", "e5")


@pytest.fixture
def shop(make_case: MakeCase) -> list[Complaint]:
    return [
        make_case(customer_name="王芳", phone="13900000001", description="手机屏幕碎裂"),
        make_case(customer_name="Li Lei", phone="021-5555 0109", description="Parcel LATE",
                  wish="退款 50%"),
        make_case(customer_name="李雷", phone="13900000003", description="标价 99 元_结账"),
        make_case(customer_name="王建国", phone="13900000004", description="店员态度冷淡"),
    ]


def _expected(term: str) -> set[int]:
    """The cases a comparison of the texts finds (ASCII letters in any case)."""
    def folded(text: str) -> str:
        return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)

    rows = (Complaint.select(Complaint.id, Complaint.number, Customer.name, Customer.phone,
                             Complaint.description, Complaint.wish).join(Customer).tuples())
    return {case_id for case_id, *texts in rows
            if any(folded(term) in folded(text or "") for text in texts)}


def _found(term: str) -> set[int]:
    query = CaseQuery(search=term)
    ids = listing.ordered_ids(query, now=NOW)
    assert listing.count(query, now=NOW) == len(ids)
    return set(ids)


def _check_every_term() -> None:
    for term in TERMS:
        assert _found(term) == _expected(term), term


@pytest.mark.usefixtures("shop")
def test_one_or_two_characters_find_the_cases_whose_texts_hold_them() -> None:
    assert _expected("王") and _expected("lI") and _expected("%") and not _expected("猫")
    _check_every_term()


def test_the_table_follows_every_write(db: str, shop: list[Complaint], make_case: MakeCase,
                                       staff: User) -> None:
    if db.startswith("postgresql"):
        pytest.skip("the table is SQLite's")
    make_case(customer_name="猫先生", phone="13900000009", description="宠物店态度差")
    make_case(customer_name="王先生", phone="13900000001", description="又来了")  # renamed
    assert Customer.get(Customer.phone == "13900000001").name == "王先生"
    with sqlite3.connect(db) as other:  # another program on the shared file
        other.execute("UPDATE complaint SET description = '猫砂漏了' WHERE id = ?",
                      [shop[2].id])
        other.execute("UPDATE customer SET phone = '13911112222' WHERE name = 'Li Lei'")
    other.close()
    assert _found("猫") == {shop[2].id, Complaint.select(Complaint.id).where(
        Complaint.description == "宠物店态度差").scalar()}
    _check_every_term()
    assert [check.name.en for check in integrity.run_checks() if not check.ok] == []


def test_removed_personal_data_leaves_no_token(db: str, make_case: MakeCase,
                                               owner: User) -> None:
    if db.startswith("postgresql"):
        pytest.skip("the bytes of a SQLite file")
    case = make_case(customer_name="欧阳娜娜", phone="13933334444", description="欧阳女士的狗")
    kept = make_case(customer_name="李雷", phone="13855556666", description="欧阳路店")
    assert _found("欧阳") == {case.id, kept.id}
    redaction.remove([case.id], reason="erasure", actor=owner, now=NOW,
                     customers=[case.customer_id])
    assert _found("欧阳") == {kept.id} and _found("娜") == set()
    # The table merged into one segment (one leaf page, so small): the older segments that
    # held the removed texts' tokens are gone from the file, not only marked deleted.
    leaves = database_proxy.obj.execute_sql(
        f"SELECT count(*) FROM {SHORT_TABLE}_data WHERE id > 10").fetchone()[0]
    assert leaves == 1
    assert [check.name.en for check in integrity.run_checks() if not check.ok] == []


def test_the_check_notices_a_case_missing_from_the_table(db: str, shop: list[Complaint]) -> None:
    if db.startswith("postgresql"):
        pytest.skip("the table is SQLite's")
    database_proxy.obj.execute_sql(f"DELETE FROM {SHORT_TABLE}_docsize WHERE id = ?",
                                   [shop[0].id])
    failed = [check for check in integrity.run_checks() if not check.ok]
    assert failed and any(SHORT_TABLE in check.detail for check in failed)
