"""Follow-ups, satisfaction call-backs, escalation and the reminders query."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import AccessError, InputError, RuleError
from app.models import Complaint, FollowUp, User
from app.services import settings
from app.services.casework import escalations, followups, outcomes, reminders, workflow
from app.services.casework.reminders import reminders as reminders_of
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def test_follow_ups_are_added_snoozed_and_done(make_case: MakeCase, staff: User) -> None:
    case = make_case()
    due = NOW + timedelta(hours=2)
    row = followups.add_follow_up(case.id, due_at=due, note="联系厂家确认检测进度", actor=staff,
                                  now=NOW)
    assert row.assignee_id == staff.id
    assert Complaint.get_by_id(case.id).next_due_at == due  # before the 18:00 first answer
    followups.snooze_follow_up(row.id, until=NOW + timedelta(days=1), note="厂家明天回复",
                               actor=staff, now=NOW)
    assert Complaint.get_by_id(case.id).next_due_at == case.first_response_due
    outcomes.complete_follow_up(row.id, outcome="厂家确认是批次问题", actor=staff, now=NOW)
    with pytest.raises(RuleError, match="already done"):
        outcomes.complete_follow_up(row.id, outcome="again", actor=staff, now=NOW)


@pytest.mark.parametrize(("due", "note", "message"), [
    (NOW - timedelta(hours=1), "回电", "has already passed"),
    (NOW + timedelta(days=400), "回电", "more than a year"),
    (NOW + timedelta(hours=1), "  ", "What to do is required"),
])
def test_bad_follow_ups_are_refused(make_case: MakeCase, staff: User, due: datetime,
                                    note: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        followups.add_follow_up(make_case().id, due_at=due, note=note, actor=staff, now=NOW)
    assert FollowUp.select().count() == 0


def _resolve(case: Complaint, staff: User) -> Complaint:
    case = workflow.move(case.id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    return workflow.move(case.id, "resolved", actor=staff, now=NOW, expected_version=case.version,
                         values={"root_cause": "RC03", "resolution": "更换新品"})


def test_a_decision_schedules_the_satisfaction_call_back(make_case: MakeCase,
                                                         staff: User) -> None:
    case = _resolve(make_case(), staff)
    callback = FollowUp.get(FollowUp.kind == "callback")
    assert callback.due_at == datetime(2026, 3, 7, 18, 0)  # three days later, closing time
    outcomes.complete_follow_up(callback.id, outcome="客户表示满意", satisfaction="5",
                                 actor=staff, now=callback.due_at)
    case = Complaint.get_by_id(case.id)
    assert case.satisfaction == 5 and case.last_contact_at == callback.due_at


def test_an_unhappy_call_back_reopens_the_case(make_case: MakeCase, staff: User) -> None:
    case = _resolve(make_case(), staff)
    callback = FollowUp.get(FollowUp.kind == "callback")
    outcomes.complete_follow_up(callback.id, outcome="新机器同样问题", satisfaction=2,
                                 reopen=True, actor=staff, now=NOW + timedelta(days=3))
    case = Complaint.get_by_id(case.id)
    assert (case.status, case.satisfaction) == ("reopened", 2)


def test_risky_cases_reach_every_manager_and_owner(make_case: MakeCase, staff: User,
                                                   manager: User, owner: User) -> None:
    case = make_case(flags=["risk"], description="客户扬言要找媒体曝光")
    quiet = make_case(phone="13900000002")
    assert case.escalated_at == NOW and quiet.escalated_at is None
    for boss in (manager, owner):
        listed = reminders_of(user=boss, now=NOW).items["escalated"]
        assert [r.number for r in listed] == [case.number]
        assert "Escalation risk" in listed[0].reason
    assert reminders_of(user=staff, now=NOW).counts["escalated"] == 0
    with pytest.raises(AccessError):
        escalations.acknowledge(case.id, actor=staff, now=NOW, expected_version=case.version)
    escalations.acknowledge(case.id, actor=manager, now=NOW, expected_version=case.version)
    assert reminders_of(user=owner, now=NOW).counts["escalated"] == 0


def test_raising_severity_to_critical_escalates_later(make_case: MakeCase, staff: User,
                                                       owner: User) -> None:
    from app.services.casework import cases

    case = make_case()
    cases.update_fields(case.id, values={"severity": "critical"}, actor=staff, now=NOW,
                        expected_version=case.version)
    assert [e.number for e in escalations.pending()] == [case.number]


def test_reminders_group_by_urgency_with_reasons(make_case: MakeCase, staff: User,
                                                 staff2: User) -> None:
    old = make_case(received_at=NOW - timedelta(days=9), at=NOW - timedelta(days=9))
    today = make_case(phone="13900000002")
    soon = make_case(phone="13900000003", received_at=NOW - timedelta(hours=30),
                     at=NOW - timedelta(hours=30), promised_at=NOW + timedelta(hours=20))
    followups.add_follow_up(today.id, due_at=NOW + timedelta(hours=3), note="回电确认型号",
                            actor=staff, now=NOW)
    mine = reminders_of(user=staff, now=NOW)
    overdue = [(r.number, r.kind) for r in mine.items["overdue"]]
    assert overdue[:2] == [(old.number, "first_answer"), (old.number, "progress")]
    assert (old.number, "decision") in overdue
    assert [(r.number, r.kind) for r in mine.items["today"]] == [
        (today.number, "follow_up"), (today.number, "first_answer")]
    assert [(r.number, r.kind) for r in mine.items["soon"]] == [(soon.number, "first_answer")]
    assert mine.items["overdue"][0].reason.startswith("First answer promised by 2026-02-23")
    assert reminders_of(user=staff2, now=NOW).total == 0  # nothing of theirs
    assert reminders_of(user=None, now=NOW).total == mine.total


def test_reminders_count_every_item_and_list_the_most_urgent(make_case: MakeCase,
                                                            staff: User, owner: User) -> None:
    case = make_case()
    for hours in (5, 1, 3, 2, 4):
        followups.add_follow_up(case.id, due_at=NOW - timedelta(hours=hours), note=f"{hours}h",
                                actor=staff, now=NOW - timedelta(days=1))
    for day in range(3):
        make_case(phone=f"1390000010{day}", flags=["risk"])
    found = reminders_of(user=staff, now=NOW, limit=2)
    assert found.counts["overdue"] == 5 and found.counts["today"] == 4  # first answers
    assert [r.reason for r in found.items["overdue"]] == ["5h", "4h"]
    escalated = reminders_of(user=owner, now=NOW, limit=2)
    assert escalated.counts["escalated"] == 3 and len(escalated.items["escalated"]) == 2


def test_the_due_soon_window_is_a_setting(make_case: MakeCase, staff: User,
                                          owner: User) -> None:
    make_case(promised_at=NOW + timedelta(hours=30))
    assert reminders_of(user=staff, now=NOW).counts["soon"] == 0
    settings.set_value("reminders.due_soon_hours", 48, actor=owner, now=NOW)
    assert reminders_of(user=staff, now=NOW).counts["soon"] == 1


def test_overdue_counts_per_handler_and_department(make_case: MakeCase, staff: User) -> None:
    case = make_case(received_at=NOW - timedelta(days=9), at=NOW - timedelta(days=9))
    workflow.move(case.id, "in_progress", actor=staff, now=NOW, expected_version=1,
                  values={"department": "after_sales", "handler": "staff1"})
    assert reminders.overdue_counts(NOW) == {"handler": {"张小芳": 1},
                                             "department": {"After-sales": 1}}
