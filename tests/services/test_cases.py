"""Writing to a case: stale versions, recusal, closed cases, permissions."""

from collections.abc import Callable

import pytest

from app.errors import AccessError, ConflictError, InputError, RuleError
from app.models import Complaint, Event, User
from app.services.casework import cases, workflow
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def test_a_stale_write_is_refused_and_says_what_changed(make_case: MakeCase, staff: User,
                                                        staff2: User) -> None:
    case = make_case()
    mine = Complaint.get_by_id(case.id)  # two PCs read version 1
    theirs = Complaint.get_by_id(case.id)
    cases.update_fields(theirs.id, values={"facts": "对方先保存的调查结论"}, actor=staff2, now=NOW,
                        expected_version=theirs.version)
    with pytest.raises(ConflictError) as caught:
        cases.update_fields(mine.id, values={"facts": "我的调查结论"}, actor=staff, now=NOW,
                            expected_version=mine.version)
    assert caught.value.current_version == 2
    assert any("刘明: facts" in line and "对方先保存的调查结论" in line
               for line in caught.value.changes)
    assert Complaint.get_by_id(case.id).facts == "对方先保存的调查结论"
    assert Event.select().where(Event.new_value == "我的调查结论").count() == 0


def test_the_person_complained_about_cannot_handle_the_case(make_case: MakeCase, staff: User,
                                                             staff2: User) -> None:
    case = make_case(subject="staff2")
    with pytest.raises(RuleError, match="刘明 is the person this complaint is about"):
        cases.update_fields(case.id, values={"handler": "staff2"}, actor=staff, now=NOW,
                            expected_version=case.version)
    case = cases.update_fields(case.id, values={"handler": "staff1"}, actor=staff, now=NOW,
                               expected_version=case.version)
    with pytest.raises(RuleError, match="需要回避|person this complaint is about"):
        cases.update_fields(case.id, values={"subject": "staff1"}, actor=staff, now=NOW,
                            expected_version=case.version)


def test_closed_cases_take_only_a_satisfaction_score(make_case: MakeCase, staff: User) -> None:
    case = make_case(on_the_spot=True, on_the_spot_values={
        "root_cause": "RC05", "resolution": "退差价", "feedback": "当场告知"})
    with pytest.raises(RuleError, match="reopen it"):
        cases.update_fields(case.id, values={"resolution": "改写"}, actor=staff, now=NOW,
                            expected_version=case.version)
    case = cases.update_fields(case.id, values={"satisfaction": "5"}, actor=staff, now=NOW,
                               expected_version=case.version)
    assert case.satisfaction == 5


@pytest.mark.parametrize("score", ["0", "6", "很好", "4.5"])
def test_satisfaction_is_one_to_five(make_case: MakeCase, staff: User, score: str) -> None:
    case = make_case()
    with pytest.raises(InputError, match="1 to 5"):
        cases.update_fields(case.id, values={"satisfaction": score}, actor=staff, now=NOW,
                            expected_version=case.version)


def test_unknown_fields_and_references_are_named(make_case: MakeCase, staff: User) -> None:
    case = make_case()
    with pytest.raises(InputError, match="Unknown field “colour”"):
        cases.update_fields(case.id, values={"colour": "red"}, actor=staff, now=NOW,
                            expected_version=1)
    with pytest.raises(InputError, match="Unknown department “仓库”"):
        cases.update_fields(case.id, values={"department": "仓库"}, actor=staff, now=NOW,
                            expected_version=1)


def test_an_unchanged_value_writes_no_event_and_keeps_the_version(make_case: MakeCase,
                                                                  staff: User) -> None:
    case = make_case()
    before = Event.select().where(Event.complaint == case.id).count()
    same = cases.update_fields(case.id, values={"severity": "medium"}, actor=staff, now=NOW,
                               expected_version=case.version)
    assert same.version == 1
    assert Event.select().where(Event.complaint == case.id).count() == before


def test_admin_accounts_work_cases_but_deactivated_ones_do_not(make_case: MakeCase,
                                                               owner: User) -> None:
    from app.services import users

    clerk = users.create_user(username="it", display_name="IT", role="admin", password="secret",
                              actor=owner, now=NOW)
    case = make_case()
    case = workflow.move(case.id, "acknowledged", actor=clerk, now=NOW, expected_version=1)
    users.set_active(user=clerk, active=False, actor=owner, now=NOW)
    with pytest.raises(AccessError, match="may not work on cases"):
        workflow.move(case.id, "rejected", actor=User.get_by_id(clerk.id), now=NOW,
                      expected_version=case.version, values={"answer": "x"})


def test_unknown_case_number(db: str) -> None:
    from app.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no case TS-2026-999999"):
        cases.get_case("ts-2026-999999")
