"""Early warnings: each rule fires exactly once for its cases, when a case is recorded or
changes and by the full check, not again until new cases join them; waiting warnings reach
managers and the owner once, are dismissed with a note, and can start a corrective action."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from app.errors import AccessError, RuleError
from app.models import Complaint, EarlyWarning, Event, User, WarningRule
from app.services.casework import cases, reminders, workflow
from app.services.improvement import actions, rules, warning_view, warnings
from app.services.improvement.actions import ActionForm
from app.services.improvement.view import ActionDetails
from app.services.improvement.warning_view import open_warnings
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
DAY = timedelta(days=1)


def _only(kind: str, dimension: str = "", **numbers: int) -> WarningRule:
    """Switches every rule off but one (its numbers changed as given)."""
    WarningRule.update(active=False).execute()
    rule = WarningRule.get((WarningRule.kind == kind) & (WarningRule.dimension == dimension))
    WarningRule.update(active=True, **numbers).where(WarningRule.id == rule.id).execute()
    return WarningRule.get_by_id(rule.id)


def _fired() -> list[tuple[str, int]]:
    return [(w.subject, w.size) for w in EarlyWarning.select().order_by(EarlyWarning.id)]


def _cases(make_case: MakeCase, count: int, *, start: int = 0, at: datetime = NOW,
           **fields: object) -> list[Complaint]:
    return [make_case(phone=f"1390000{start + n:04d}", received_at=at, at=at, **fields)
            for n in range(count)]


def test_a_category_piling_up_fires_once_until_as_many_new_cases_join(make_case: MakeCase,
                                                                      staff: User) -> None:
    _only("count", "category", threshold=3, days=7)
    made = _cases(make_case, 2, at=NOW - 3 * DAY)
    assert _fired() == []
    made += _cases(make_case, 1, start=2)
    assert _fired() == [("category:6", 3)]  # product quality is the sixth category
    cases.update_fields(made[0].id, values={"facts": "同批次"}, actor=staff, now=NOW,
                        expected_version=made[0].version)
    assert warnings.check_all(now=NOW) == [] and len(_fired()) == 1
    _cases(make_case, 2, start=3)
    assert len(_fired()) == 1  # two new cases: not yet
    _cases(make_case, 1, start=5)
    assert _fired() == [("category:6", 3), ("category:6", 6)]
    statuses = [w.status for w in EarlyWarning.select().order_by(EarlyWarning.id)]
    assert statuses == ["superseded", "open"]


def test_cases_older_than_the_window_do_not_count(make_case: MakeCase) -> None:
    rule = _only("count", "category", threshold=3, days=7)
    WarningRule.update(active=False).execute()  # recorded while nobody watched
    _cases(make_case, 2, at=NOW - 7 * DAY - timedelta(seconds=1))
    _cases(make_case, 1, start=2, at=NOW - 7 * DAY)
    WarningRule.update(active=True).where(WarningRule.id == rule.id).execute()
    assert warnings.check_all(now=NOW) == []  # one case in the window, at its first moment
    _cases(make_case, 1, start=3)
    assert _fired() == []
    _cases(make_case, 1, start=4)
    assert _fired() == [("category:6", 3)]


def test_the_full_check_finds_what_the_changes_did_not(make_case: MakeCase) -> None:
    rule = _only("count", "category", threshold=3, days=7)
    WarningRule.update(active=False).where(WarningRule.id == rule.id).execute()
    _cases(make_case, 3)
    assert _fired() == []
    WarningRule.update(active=True).where(WarningRule.id == rule.id).execute()
    fired = warnings.check_all(now=NOW)
    assert [(f.subject, len(f.case_ids)) for f in fired] == [("category:6", 3)]
    assert warnings.check_all(now=NOW + DAY) == []


def test_a_root_cause_and_a_reference_fire_as_they_are_found(make_case: MakeCase,
                                                             staff: User) -> None:
    _only("count", "root_cause", threshold=2, days=14)
    first, second = _cases(make_case, 2, reference="SKU-RC100")
    for case in (first, second):
        cases.update_fields(case.id, values={"root_cause": "RC03"}, actor=staff, now=NOW,
                            expected_version=case.version)
    assert _fired() == [("root_cause:3", 2)]
    _only("count", "reference", threshold=2, days=30)
    assert [f.subject for f in warnings.check_all(now=NOW)] == ["reference:SKU-RC100"]


def test_a_customer_back_within_the_window_is_a_repeat(make_case: MakeCase) -> None:
    _only("repeat", threshold=2, days=30)
    make_case(phone="13911112222", received_at=NOW - 31 * DAY, at=NOW - 31 * DAY)
    make_case(phone="13911113333", received_at=NOW - 30 * DAY, at=NOW - 30 * DAY)
    make_case(phone="13911112222")  # 31 days after the first: not a repeat
    assert _fired() == []
    make_case(phone="13911113333")  # exactly 30 days: a repeat
    assert [(s.split(":")[0], n) for s, n in _fired()] == [("customer", 2)]
    make_case(phone="13911113333", received_at=NOW + DAY, at=NOW + DAY)
    assert [n for _s, n in _fired()] == [2, 3]


def test_a_low_score_fires_once_for_its_case(make_case: MakeCase, staff: User) -> None:
    _only("low_score", threshold=2, days=30)
    case = make_case()
    case = cases.update_fields(case.id, values={"satisfaction": 3}, actor=staff, now=NOW,
                               expected_version=case.version)
    assert _fired() == []
    case = cases.update_fields(case.id, values={"satisfaction": 2}, actor=staff, now=NOW,
                               expected_version=case.version)
    assert _fired() == [(f"case:{case.id}", 1)]
    cases.update_fields(case.id, values={"satisfaction": 1}, actor=staff, now=NOW + DAY,
                        expected_version=case.version)
    assert len(_fired()) == 1 and warnings.check_all(now=NOW + DAY) == []


def test_a_department_falling_behind_fires_with_its_late_cases(make_case: MakeCase,
                                                               staff: User) -> None:
    _only("on_time", threshold=80, days=30, minimum=5)
    late = []
    for number in range(6):
        case = make_case(phone=f"1390000{number:04d}", received_at=NOW - 20 * DAY,
                         at=NOW - 20 * DAY)
        case = workflow.move(case.id, "in_progress", actor=staff, now=NOW - 20 * DAY,
                             expected_version=case.version,
                             values={"department": "after_sales", "handler": "staff1"})
        decided = NOW - (20 - 2 if number < 4 else 20 - 10) * DAY  # two decided after day 7
        workflow.move(case.id, "resolved", actor=staff, now=decided,
                      expected_version=case.version,
                      values={"root_cause": "RC03", "resolution": "换新"})
        if number >= 4:
            late.append(case.id)
    (warning,) = EarlyWarning.select()
    assert (warning.subject, warning.size, warning.value) == ("department:3", 2, 66)
    assert warnings.case_ids(warning.id) == sorted(late)
    assert warnings.check_all(now=NOW) == []


def test_waiting_warnings_reach_managers_once_and_are_dismissed_with_a_note(
        make_case: MakeCase, staff: User, manager: User, owner: User) -> None:
    _only("count", "category", threshold=2, days=7)
    _cases(make_case, 2)
    for boss in (manager, owner):
        listed = reminders.reminders(user=boss, now=NOW).items["warning"]
        assert [item.reason for item in listed] == ["2 cases of Product quality within 7 days"]
    assert reminders.reminders(user=staff, now=NOW).counts["warning"] == 0
    (warning,) = EarlyWarning.select()
    with pytest.raises(AccessError):
        warnings.dismiss(warning.id, note="已知", actor=staff, now=NOW)
    with pytest.raises(Exception, match="required"):
        warnings.dismiss(warning.id, note=" ", actor=manager, now=NOW)
    warnings.dismiss(warning.id, note="同一批次，已在处理", actor=manager, now=NOW)
    with pytest.raises(RuleError, match="李经理"):
        warnings.dismiss(warning.id, note="再次", actor=owner, now=NOW)
    assert open_warnings(reader=None) == ([], 0)
    kinds = [e.field for e in Event.select().where(Event.kind == "warning").order_by(Event.id)]
    assert kinds == ["warning.fired", "warning.dismissed"]


def test_a_warning_starts_a_corrective_action_with_its_cases(make_case: MakeCase,
                                                             manager: User) -> None:
    _only("count", "category", threshold=2, days=7)
    made = _cases(make_case, 2)
    (warning,) = EarlyWarning.select()
    action = actions.create_action(ActionForm(
        title="产品质量集中投诉", owner=manager, due_on=date(2026, 3, 20),
        categories=["product_quality"], case_ids=warnings.case_ids(warning.id),
        warning_id=warning.id), actor=manager, now=NOW)
    warning = EarlyWarning.get_by_id(warning.id)
    assert (warning.status, warning.action_id) == ("acted", action.id)
    details = ActionDetails.load(action.id, reader=manager, now=NOW)
    assert [c.id for c in details.cases] == [c.id for c in made]
    said = [entry.describe() for entry in details.timeline]
    assert (f"Started from an early warning: #{warning.id} 2 cases of Product quality within "
            "7 days") in said


def test_rules_are_edited_by_managers_within_limits(manager: User, staff: User) -> None:
    rule = WarningRule.get(WarningRule.kind == "on_time")
    with pytest.raises(AccessError):
        rules.update_rule(rule.id, values={"threshold": 90}, actor=staff, now=NOW)
    with pytest.raises(Exception, match="between 1 and 100"):
        rules.update_rule(rule.id, values={"threshold": 120}, actor=manager, now=NOW)
    rule = rules.update_rule(rule.id, values={"threshold": 90, "active": False},
                             actor=manager, now=NOW)
    assert (rule.threshold, rule.active) == (90, False)
    assert str(rules.describe_rule(rule)).startswith("A department's decisions on time under 90%")
    added = rules.add_rule(kind="count", dimension="reference", threshold=2, days=3,
                           actor=manager, now=NOW)
    assert added.active and Event.select().where(Event.kind == "warning_rule").count() == 3


def test_only_managers_and_the_owner_see_warnings(make_case: MakeCase, staff: User,
                                                 manager: User, owner: User) -> None:
    _only("count", "category", threshold=2, days=7)
    _cases(make_case, 2)
    (warning,) = EarlyWarning.select()
    for reading in (lambda: open_warnings(reader=staff),
                    lambda: warning_view.warnings_fired(reader=staff),
                    lambda: warning_view.warning(warning.id, reader=staff),
                    lambda: warning_view.cases_of(warning.id, reader=staff)):
        with pytest.raises(AccessError, match="for managers and the owner"):
            reading()
    for reader in (manager, owner):
        assert open_warnings(reader=reader)[1] == 1
        assert len(warning_view.cases_of(warning.id, reader=reader)) == 2
