"""Demo data follows the rules and is deterministic; `check` finds real problems."""

from datetime import datetime
from pathlib import Path

import pytest

from app.errors import RuleError
from app.models import (
    CaseCounter,
    CompensationOffer,
    Complaint,
    Customer,
    Event,
    FollowUp,
    User,
    database_proxy,
)
from app.services.demo import generate
from app.services.desk import integrity
from app.services.desk.store import close_desk, open_desk
from app.services.labels import STATUSES

DEMO_NOW = datetime(2026, 11, 20, 16, 30)


def _fill(url: str, cases: int = 400, seed: int = 7) -> None:
    open_desk(url)
    generate.fill_demo(cases=cases, seed=seed, now=DEMO_NOW)


def _snapshot() -> list[tuple]:
    return list(Complaint.select(Complaint.number, Complaint.status, Complaint.description,
                                 Customer.name, Complaint.received_at)
                .join(Customer).order_by(Complaint.id).tuples())


def test_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    _fill(str(tmp_path / "a.sqlite3"))
    first = _snapshot()
    close_desk()
    _fill(str(tmp_path / "b.sqlite3"))
    assert _snapshot() == first
    close_desk()
    _fill(str(tmp_path / "c.sqlite3"), seed=8)
    assert _snapshot() != first
    close_desk()


def test_demo_cases_follow_the_rules(db: str) -> None:
    generate.fill_demo(cases=400, seed=3, now=DEMO_NOW)
    assert {c.status for c in Complaint.select(Complaint.status)} == set(STATUSES)
    for case in Complaint.select():
        assert case.received_at <= DEMO_NOW
        if case.status in ("in_progress", "awaiting_approval", "resolved", "closed"):
            assert case.department_id and case.handler_id, case.number
        if case.status == "resolved" or (case.status == "closed" and not case.answer):
            assert case.root_cause_id and case.resolution, case.number
        if case.status == "rejected":
            assert case.answer, case.number
        if case.status == "closed":
            assert case.feedback and case.closed_at and case.next_due_at is None, case.number
        elif case.status == "merged":  # a duplicate: what is owed, the case kept owes
            survivor = Complaint.get_by_id(case.merged_into_id)
            assert case.next_due_at is None and survivor.next_due_at, case.number
        else:
            assert case.next_due_at is not None, case.number
    assert Event.select().where(Event.kind == "created").count() == 400
    assert CompensationOffer.select().where(CompensationOffer.status == "proposed").count() == \
        Complaint.select().where(Complaint.status == "awaiting_approval").count()
    assert FollowUp.select().count() > 0
    assert Customer.select().count() < 400  # some customers complain more than once
    assert {u.username for u in User.select()} == {"owner", "manager", "staff1", "staff2"}
    assert all(result.ok for result in integrity.run_checks())


def test_demo_refuses_a_database_with_data(db: str) -> None:
    generate.fill_demo(cases=5, seed=1, now=DEMO_NOW)
    with pytest.raises(RuleError, match="already has users or cases"):
        generate.fill_demo(cases=5, seed=1, now=DEMO_NOW)


def test_new_cases_after_demo_data_continue_the_numbers(db: str) -> None:
    from app.services.casework.intake import IntakeForm, record_complaint

    generate.fill_demo(cases=50, seed=1, now=DEMO_NOW)
    last = CaseCounter.get(CaseCounter.year == 2026).last_number
    case = record_complaint(IntakeForm("新客户", "13011112222", "phone", "billing", "多收费"),
                            actor=User.get(User.username == "staff1"), now=DEMO_NOW)
    assert case.number == f"TS-2026-{last + 1:06d}"


def test_check_finds_a_broken_counter(db: str) -> None:
    generate.fill_demo(cases=20, seed=1, now=DEMO_NOW)
    assert all(r.ok for r in integrity.run_checks())
    CaseCounter.update(last_number=CaseCounter.last_number + 3).execute()
    failed = [r for r in integrity.run_checks() if not r.ok]
    assert [r.name.en for r in failed] == ["Case numbers without gaps"]


def test_check_finds_a_stale_search_index(sqlite_db: Path) -> None:
    generate.fill_demo(cases=20, seed=1, now=DEMO_NOW)
    database_proxy.execute_sql("DELETE FROM complaint_search WHERE rowid = 1")
    failed = [r.name.en for r in integrity.run_checks() if not r.ok]
    assert failed == ["Search index"]


def test_check_finds_counts_per_state_out_of_step(db: str) -> None:
    generate.fill_demo(cases=20, seed=1, now=DEMO_NOW)
    database_proxy.execute_sql("UPDATE status_count SET cases = cases + 1 WHERE status = 'new'")
    failed = [r.name.en for r in integrity.run_checks() if not r.ok]
    assert failed == ["Counts per state"]


def test_check_finds_broken_links(sqlite_db: Path) -> None:
    generate.fill_demo(cases=5, seed=1, now=DEMO_NOW)
    database_proxy.execute_sql("PRAGMA foreign_keys = OFF")
    database_proxy.execute_sql("UPDATE follow_up SET complaint_id = 999")
    failed = [r.name.en for r in integrity.run_checks() if not r.ok]
    assert failed == ["Links between records"]
