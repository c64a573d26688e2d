"""Retention and erasure: no personal datum left in the database's files (the raw bytes of
the file and its write-ahead log are searched), the figures still count the cases, the
record still proves itself, held and reviewable cases are passed by, and only the owner may
do it."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import AccessError, RuleError
from app.models import (
    AttachmentData,
    Complaint,
    Customer,
    Event,
    User,
    chain,
    database_proxy,
)
from app.services import settings
from app.services.analysis.filters import Filters
from app.services.analysis.slices import Slice
from app.services.analysis.tally import count
from app.services.casework import attachments, cases, followups, hold, merging, workflow
from app.services.casework.view import CaseDetails
from app.services.compensation import offers, payments
from app.services.customers import details, joining, retention
from app.services.desk import integrity
from app.services.register import listing
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
OLD = datetime(2022, 5, 10, 10, 0)  # closed nearly four years before NOW
SECRETS = ("13911112222", "13933334444", "欧阳娜娜", "西湖区保俶路", "邻居家的狗",
           "ORDER-778899", "周末再来电", "现金交给欧阳女士", "她的收据照片")


def _close(case: Complaint, staff: User, at: datetime) -> Complaint:
    if case.status != "in_progress":
        case = workflow.move(case.id, "in_progress", actor=staff, now=at,
                             expected_version=case.version,
                             values={"department": "after_sales", "handler": "staff1"})
    case = workflow.move(case.id, "resolved", actor=staff, now=at, expected_version=case.version,
                         values={"root_cause": "RC03", "resolution": "更换新品"})
    return workflow.move(case.id, "closed", actor=staff, now=at, expected_version=case.version,
                         values={"feedback": "已电话告知客户"})


@pytest.fixture
def old_case(make_case: MakeCase, staff: User) -> Complaint:
    """A customer's case closed in 2022 with everything personal a case can hold."""
    case = make_case(customer_name="欧阳娜娜", phone="139-1111-2222", address="西湖区保俶路 9 号",
                     description="电饭煲冒烟，邻居家的狗被吓到", reference="ORDER-778899", at=OLD)
    details.correct(case.customer_id, phone="13933334444", actor=staff, now=OLD)
    case = workflow.move(case.id, "in_progress", actor=staff, now=OLD, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(case.id, expected_version=case.version, kind="cash", amount="80",
                           reason="补偿邻居家的狗受惊", actor=staff, now=OLD)
    payments.pay(offer.id, method="cash", reference="R-1", note="现金交给欧阳女士", actor=staff,
                 now=OLD)
    followups.add_follow_up(case.id, due_at=OLD + timedelta(days=2), note="周末再来电",
                            actor=staff, now=OLD)
    attachments.add_attachment(case.id, file_name="她的收据照片.jpg", data=b"JPEG-BYTES-0xC0FFEE",
                               actor=staff, now=OLD)
    return _close(Complaint.get_by_id(case.id), staff, OLD + timedelta(days=3))


@pytest.fixture
def kept_case(make_case: MakeCase) -> Complaint:
    """Another customer's case, still open."""
    return make_case(customer_name="李雷", phone="13855556666")


def _sqlite_file(db: str) -> Path:
    """The test's database file (the raw bytes are SQLite's; the server's are its own)."""
    if db.startswith("postgresql"):
        pytest.skip("the bytes of a SQLite file")
    return Path(db)


def _file_bytes(path: Path) -> bytes:
    """The file's bytes and those of its write-ahead log, its index and any rollback journal."""
    beside = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
    return path.read_bytes() + b"".join(p.read_bytes() for p in beside if p.exists())


def _counts() -> tuple[int, int, int]:
    whole = Slice("received", date(2020, 1, 1), NOW.date())
    closed = Slice("closed", date(2020, 1, 1), NOW.date())
    return Complaint.select().count(), count(whole, Filters()), count(closed, Filters())


def _run(owner: User, before: date = date(2023, 1, 1)) -> retention.RetentionRun:
    return retention.run(before, actor=owner, now=NOW)


def test_retention_leaves_no_personal_datum_in_the_file(
        db: str, old_case: Complaint, kept_case: Complaint, owner: User) -> None:
    path = _sqlite_file(db)
    raw = _file_bytes(path)
    assert all(secret.encode() in raw for secret in ("13933334444", "欧阳娜娜"))
    before = _counts()
    done = _run(owner)
    assert done.removal is not None and done.removal.cases == 1
    assert done.removal.scrubbed is not None and done.removal.scrubbed.log_emptied
    raw = _file_bytes(path)
    for secret in SECRETS:
        assert secret.encode() not in raw, secret
    assert b"JPEG-BYTES" not in raw
    assert b"13855556666" in raw and "李雷".encode() in raw  # the open case keeps its data
    assert _counts() == before
    assert [r.name.en for r in integrity.run_checks() if not r.ok] == []


def test_what_stays_is_what_the_figures_need(db: str, old_case: Complaint, owner: User) -> None:
    _run(owner)
    case = Complaint.get_by_id(old_case.id)
    assert (case.status, case.root_cause_id is not None, case.redacted_at) == ("closed", True, NOW)
    assert (case.description, case.resolution, case.answer) == (chain.REMOVED, chain.REMOVED, "")
    d = CaseDetails.load(old_case.number)
    assert d.customer == chain.REMOVED and d.phone == chain.REMOVED
    statuses = [(e.old, e.new) for e in d.timeline if e.field == "status"]
    assert statuses[-1] == ("resolved", "closed")  # codes and dates stay
    assert all(e.new == chain.REMOVED for e in d.timeline if e.field == "customer.phone")
    assert d.timeline[-1].kind == "personal_data"
    assert bytes(AttachmentData.get().data) == b"" and d.attachments[0].size > 0
    assert d.offers[0].amount == 80 and d.offers[0].paid == 80
    assert listing.count(listing.CaseQuery(search="欧阳"), now=NOW) == 0
    assert Event.select().where(Event.original_digest != "").count() > 5
    assert integrity.verify_chain().problem() == ""


def test_held_and_reviewable_cases_are_passed_by(make_case: MakeCase, old_case: Complaint,
                                                 owner: User, manager: User,
                                                 staff: User) -> None:
    held = _close(make_case(phone="13700001111", at=OLD), staff, OLD)
    hold.set_legal_hold(held.id, hold=True, reason="诉讼中", actor=manager, now=NOW,
                        expected_version=held.version)
    recent = _close(make_case(phone="13700002222", at=NOW - timedelta(days=9)), staff,
                    NOW - timedelta(days=8))
    plan = retention.plan(NOW.date() + timedelta(days=1), now=NOW)
    assert (plan.cases, plan.held, plan.reviewable) == (1, 1, 1)
    dry = retention.run(NOW.date(), actor=owner, now=NOW, dry_run=True)
    assert dry.removal is None and Complaint.get_by_id(old_case.id).redacted_at is None
    retention.run(NOW.date(), actor=owner, now=NOW)
    assert [c.redacted_at is not None for c in (Complaint.get_by_id(i) for i in (
        old_case.id, held.id, recent.id))] == [True, False, False]
    assert Event.select().where(Event.kind == "retention").get().new_value == "1"


def test_a_customer_with_a_kept_case_keeps_their_details(make_case: MakeCase,
                                                         old_case: Complaint, staff: User,
                                                         owner: User) -> None:
    again = make_case(customer_name="欧阳娜娜", phone="13933334444", description="又来投诉")
    _run(owner)
    customer = Customer.get_by_id(again.customer_id)
    assert (customer.name, customer.phone) == ("欧阳娜娜", "13933334444")
    assert Complaint.get_by_id(old_case.id).customer_id != customer.id  # detached
    assert CaseDetails.load(again.number).customer == "欧阳娜娜"


def test_a_merged_duplicate_goes_with_its_case(make_case: MakeCase, staff: User,
                                               manager: User, owner: User) -> None:
    kept = make_case(phone="13911112222", at=OLD)
    duplicate = make_case(phone="13911112222", description="邻居家的狗又叫", at=OLD)
    merging.merge(duplicate.id, kept.id, actor=manager, now=OLD, merged_version=1,
                  into_version=1)
    _close(Complaint.get_by_id(kept.id), staff, OLD)
    _run(owner)
    assert Complaint.get_by_id(duplicate.id).description == chain.REMOVED
    assert cases.get_case(duplicate.number).id == kept.id


def test_retention_and_erasure_are_the_owners(old_case: Complaint, staff: User, manager: User,
                                             owner: User) -> None:
    for actor in (staff, manager):
        with pytest.raises(AccessError):
            _run(actor)
        with pytest.raises(AccessError):
            joining.erase(old_case.customer_id, actor=actor, now=NOW)
    assert Complaint.get_by_id(old_case.id).redacted_at is None
    assert settings.get("retention.years") == 3
    assert retention.default_before(NOW) == date(2023, 3, 4)


def test_erasure_on_request(db: str, old_case: Complaint, make_case: MakeCase,
                            staff: User, owner: User) -> None:
    open_case = make_case(phone="13933334444", description="新的问题")
    with pytest.raises(RuleError, match=open_case.number):
        joining.erase(old_case.customer_id, actor=owner, now=NOW)
    _close(open_case, staff, NOW)
    done = joining.erase(old_case.customer_id, actor=owner, now=NOW)
    assert done.cases == 2
    if not db.startswith("postgresql"):
        raw = _file_bytes(_sqlite_file(db))
        assert not any(secret.encode() in raw for secret in SECRETS)
    assert details.describe(old_case.customer_id).removed
    assert database_proxy.obj is not None and integrity.verify_chain().problem() == ""
