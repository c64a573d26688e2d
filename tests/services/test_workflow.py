"""The state machine: each transition, the fields it needs, and what it records."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import InputError, MissingFieldsError, RuleError
from app.models import Complaint, Event, FollowUp, User
from app.services.casework import workflow
from app.services.casework.workflow import TRANSITIONS, available
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
LATER = NOW + timedelta(hours=2)


def _move(case: Complaint, target: str, actor: User, **kwargs: object) -> Complaint:
    return workflow.move(case.id, target, actor=actor, now=LATER, expected_version=case.version,
                         **kwargs)


def _to_in_progress(case: Complaint, staff: User) -> Complaint:
    case = _move(case, "acknowledged", staff)
    return _move(case, "in_progress", staff, values={"department": "after_sales",
                                                     "handler": "staff1"})


def test_the_whole_path_to_closed_leaves_every_step_in_the_timeline(make_case: MakeCase,
                                                                     staff: User) -> None:
    case = _to_in_progress(make_case(), staff)
    case = _move(case, "resolved", staff, values={"root_cause": "RC03", "resolution": "更换新品",
                                                  "facts": "检测确认主板故障"})
    case = _move(case, "closed", staff, values={"feedback": "电话告知客户，客户接受"})
    assert case.status == "closed" and case.version == 5
    assert (case.first_response_at, case.resolved_at, case.closed_at) == (LATER, LATER, LATER)
    assert case.feedback_at == LATER
    # The decision scheduled the satisfaction call-back three days later: still owed.
    callback = FollowUp.get(FollowUp.complaint == case.id)
    assert (callback.kind, callback.due_at) == ("callback", datetime(2026, 3, 7, 18, 0))
    assert case.next_due_at == callback.due_at
    statuses = [(e.old_value, e.new_value) for e in
                Event.select().where(Event.field == "status").order_by(Event.id)]
    assert statuses == [("new", "acknowledged"), ("acknowledged", "in_progress"),
                        ("in_progress", "resolved"), ("resolved", "closed")]
    fields = {e.field: e.new_value for e in Event.select().where(Event.kind == "field")}
    assert fields["root_cause"] == "RC03" and fields["handler"] == "staff1"


def test_resolution_needs_a_root_cause_and_a_solution(make_case: MakeCase, staff: User) -> None:
    case = _to_in_progress(make_case(), staff)
    with pytest.raises(MissingFieldsError) as caught:
        _move(case, "resolved", staff, values={"resolution": "退款"})
    assert caught.value.missing == ("root_cause",)
    assert "missing Root cause (set root_cause)" in caught.value.text.en
    assert Complaint.get_by_id(case.id).status == "in_progress"
    assert Complaint.get_by_id(case.id).resolution == ""


def test_not_upheld_needs_a_reasoned_answer(make_case: MakeCase, staff: User) -> None:
    case = _move(make_case(), "acknowledged", staff)
    with pytest.raises(MissingFieldsError, match="Reasoned answer"):
        _move(case, "rejected", staff)
    case = _move(case, "rejected", staff, values={"answer": "经查监控，商品售出时完好"})
    assert case.status == "rejected" and case.resolved_at == LATER


def test_closing_needs_feedback_to_the_customer(make_case: MakeCase, staff: User) -> None:
    case = _move(make_case(), "rejected", staff, values={"answer": "不属于质量问题"})
    with pytest.raises(MissingFieldsError, match="Feedback given to the customer"):
        _move(case, "closed", staff)


def test_reopen_needs_a_reason_and_clears_the_decision_dates(make_case: MakeCase,
                                                              staff: User) -> None:
    case = _move(make_case(), "rejected", staff, values={"answer": "不属于质量问题"})
    case = _move(case, "closed", staff, values={"feedback": "已电话告知"})
    with pytest.raises(InputError, match="reason for reopening"):
        _move(case, "reopened", staff)
    case = _move(case, "reopened", staff, note="客户提供了新的检测报告")
    assert case.status == "reopened" and case.closed_at is None and case.resolved_at is None
    assert Event.select().where(Event.note == "客户提供了新的检测报告").count() == 1
    assert case.next_due_at is not None


def test_an_impossible_step_is_refused_with_the_possible_ones(make_case: MakeCase,
                                                               staff: User) -> None:
    with pytest.raises(RuleError, match="cannot go to Resolved. Possible: acknowledged"):
        _move(make_case(), "resolved", staff)


def test_unknown_state_is_bad_input(make_case: MakeCase, staff: User) -> None:
    with pytest.raises(InputError, match="Unknown state “done”"):
        _move(make_case(), "done", staff)


def test_approval_states_are_taken_by_the_rules_not_by_users(make_case: MakeCase,
                                                             staff: User) -> None:
    case = _to_in_progress(make_case(), staff)
    with pytest.raises(RuleError):
        _move(case, "awaiting_approval", staff)
    assert _move(case, "awaiting_approval", staff, by_rules=True).status == "awaiting_approval"
    assert "awaiting_approval" not in {t.target for t in available("in_progress")}


def test_the_table_reaches_every_state() -> None:
    targets = {t.target for t in TRANSITIONS}
    assert targets == {"acknowledged", "in_progress", "awaiting_approval", "resolved",
                       "rejected", "closed", "reopened"}


def test_a_failed_check_on_the_way_changes_nothing(make_case: MakeCase, staff: User) -> None:
    case = _move(make_case(), "acknowledged", staff)
    with pytest.raises(InputError):
        _move(case, "in_progress", staff, values={"department": "after_sales",
                                                  "handler": "nobody"})
    stored = Complaint.get_by_id(case.id)
    assert stored.department is None and stored.version == case.version
