"""The deadline engine: pause and resume, new facts, complex cases, review requests."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import AccessError, InputError, RuleError
from app.i18n import ZH, speaking
from app.models import Complaint, User
from app.services.casework import clock, workflow
from app.services.casework.view import CaseDetails, explain
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def _reload(case: Complaint) -> Complaint:
    return Complaint.get_by_id(case.id)


def test_pause_and_resume_add_the_waiting_days(make_case: MakeCase, staff: User) -> None:
    case = make_case()  # decision due Wed 11 March 18:00
    case = clock.pause(case.id, reason="等待厂家检测报告", actor=staff, now=NOW,
                       expected_version=case.version)
    assert case.clock_paused_at == NOW
    assert case.next_due_at == case.first_response_due  # the decision no longer counts
    with pytest.raises(RuleError, match="already paused"):
        clock.pause(case.id, reason="again", actor=staff, now=NOW, expected_version=case.version)
    later = NOW + timedelta(days=5, hours=3)
    case = clock.resume(case.id, actor=staff, now=later, expected_version=case.version)
    assert case.clock_paused_at is None
    assert case.resolution_due == datetime(2026, 3, 16, 18, 0)  # five days later
    steps = explain(CaseDetails.load(case.number).timeline)
    assert [s.field for s in steps] == ["resolution_due", "clock_paused_at", "resolution_due",
                                        "clock_paused_at"]
    assert steps[0].new == "2026-03-11 18:00"
    assert steps[0].describe_note().startswith("Shop profile")
    assert steps[1].note == "等待厂家检测报告"
    assert (steps[2].old, steps[2].new) == ("2026-03-11 18:00", "2026-03-16 18:00")
    assert "5 day(s)" in steps[2].describe_note()
    assert steps[2].describe() == "Decision due: 2026-03-11 18:00 → 2026-03-16 18:00"


def test_new_facts_restart_the_whole_period(make_case: MakeCase, staff: User) -> None:
    case = make_case(category="claims")  # financial: 15 days
    assert case.resolution_due == datetime(2026, 3, 19, 18, 0)
    later = NOW + timedelta(days=10)
    case = clock.restart(case.id, facts="客户补交了医院证明", actor=staff, now=later,
                         expected_version=case.version)
    assert case.resolution_due == datetime(2026, 3, 29, 18, 0)
    assert case.last_contact_at == later
    with pytest.raises(InputError, match="New facts is required"):
        clock.restart(case.id, facts=" ", actor=staff, now=later, expected_version=case.version)


def test_new_facts_are_kept_when_the_deadline_comes_out_the_same(make_case: MakeCase,
                                                                 staff: User) -> None:
    case = make_case(category="claims")
    first = clock.restart(case.id, facts="客户补交了发票", actor=staff, now=NOW,
                          expected_version=case.version)
    again = clock.restart(case.id, facts="客户又补交了照片", actor=staff, now=NOW,
                          expected_version=first.version)
    assert again.resolution_due == first.resolution_due and again.version == first.version + 1
    told = [e for e in CaseDetails.load(case.number).timeline if e.field == "new_facts"]
    assert [e.new for e in told] == ["客户补交了发票", "客户又补交了照片"]
    assert told[1].describe() == "New facts from the customer: 客户又补交了照片"
    with speaking(ZH):
        assert told[1].describe() == "客户提供新情况：客户又补交了照片"


def test_a_complex_financial_case_gets_thirty_days(make_case: MakeCase, staff: User,
                                                   manager: User) -> None:
    case = make_case(category="claims")
    with pytest.raises(AccessError):
        clock.mark_complex(case.id, reason="涉及多方鉴定", actor=staff, now=NOW,
                           expected_version=case.version)
    case = clock.mark_complex(case.id, reason="涉及多方鉴定", actor=manager, now=NOW,
                              expected_version=case.version)
    assert case.complex_case and case.resolution_due == datetime(2026, 4, 3, 18, 0)
    with pytest.raises(RuleError):
        clock.mark_complex(case.id, reason="again", actor=manager, now=NOW,
                           expected_version=case.version)
    shop = make_case(phone="13900000009")
    with pytest.raises(RuleError, match="financial"):
        clock.mark_complex(shop.id, reason="x", actor=manager, now=NOW, expected_version=1)


def _decide(case: Complaint, staff: User, at: datetime) -> Complaint:
    return workflow.move(case.id, "rejected", values={"answer": "不属于理赔范围"}, actor=staff,
                         now=at, expected_version=case.version)


def test_a_review_within_30_days_reopens_with_its_own_deadline(make_case: MakeCase,
                                                                staff: User) -> None:
    case = _decide(make_case(category="claims"), staff, NOW)
    assert CaseDetails.load(case.number).review_until == NOW + timedelta(days=30)
    asked = NOW + timedelta(days=20)
    case = clock.request_review(case.id, reason="客户对拒赔理由有异议，申请核查", actor=staff,
                                now=asked, expected_version=case.version)
    assert case.status == "reopened"
    assert case.resolution_due == datetime(2026, 4, 8, 18, 0)  # 15 days from the request
    assert case.next_due_at is not None


def test_a_review_after_30_days_is_refused(make_case: MakeCase, staff: User) -> None:
    case = _decide(make_case(), staff, NOW)
    with pytest.raises(RuleError, match="30 days after the decision"):
        clock.request_review(case.id, reason="太晚了", actor=staff, now=NOW + timedelta(days=31),
                             expected_version=case.version)
    assert _reload(case).status == "rejected"


def test_the_clock_of_a_decided_case_does_not_move(make_case: MakeCase, staff: User) -> None:
    case = _decide(make_case(), staff, NOW)
    with pytest.raises(RuleError, match="no longer runs"):
        clock.pause(case.id, reason="x", actor=staff, now=NOW, expected_version=case.version)
