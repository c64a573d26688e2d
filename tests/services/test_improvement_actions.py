"""Corrective actions: starting one from cases, who may change what, the states and what each
needs, links both ways, and every change on the action's own timeline."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from app.errors import AccessError, ConflictError, FormError, MissingFieldsError, RuleError
from app.models import Complaint, CorrectiveAction, Event, User
from app.services import settings
from app.services.casework import cases
from app.services.casework.view import CaseDetails
from app.services.improvement import actions, lifecycle, listing
from app.services.improvement.actions import ActionForm
from app.services.improvement.view import ActionDetails
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]
DUE = date(2026, 3, 31)


def _start(manager: User, owner: User | str, **fields: object) -> CorrectiveAction:
    values: dict[str, object] = {"title": "电饭煲来货抽检", "owner": owner, "due_on": DUE,
                                 "root_causes": ["RC03"]}
    values.update(fields)
    return actions.create_action(ActionForm(**values), actor=manager, now=NOW)  # type: ignore[arg-type]


def _ready(action: CorrectiveAction, actor: User) -> CorrectiveAction:
    return actions.update_action(action.id, values={
        "cause_analysis": "为什么 1：内胆变形\n根本原因：供应商模具磨损",
        "measure": "每批来货开箱抽检十台"}, expected_version=action.version, actor=actor,
        now=NOW)


def _move(action: CorrectiveAction, target: str, actor: User, *, at=NOW, note: str = "",
          ) -> CorrectiveAction:
    return lifecycle.move_action(action.id, target, expected_version=action.version,
                                 actor=actor, now=at, note=note)


def test_an_action_starts_from_cases_with_its_causes(make_case: MakeCase, manager: User,
                                                     staff: User) -> None:
    first, second = make_case(), make_case(phone="13900000002")
    action = _start(manager, "staff1", categories=["product_quality"],
                    case_ids=[first.id, second.id, first.id], department="after_sales",
                    containment="暂停销售该批次")
    details = ActionDetails.load(action.id, reader=manager, now=NOW)
    assert (details.status, details.owner, details.due_on) == ("open", "staff1", DUE)
    assert [c.number for c in details.cases] == [first.number, second.number]
    assert [e.code for e in details.root_causes] == ["RC03"]
    assert [e.code for e in details.categories] == ["product_quality"]
    assert details.department is not None and details.department.code == "after_sales"
    fields = [entry.field for entry in details.timeline]
    assert fields[0] == "action.created" and fields.count("action.link") == 2
    assert "action.containment" in fields and "action.owner" in fields
    case_view = CaseDetails.load_id(first.id)
    linked = [e for e in case_view.timeline if e.field == "action.link"]
    assert [e.describe() for e in linked] == [
        f"Linked to corrective action: #{action.id} 电饭煲来货抽检"]


def test_a_new_action_reports_every_bad_field_at_once(manager: User) -> None:
    with pytest.raises(FormError) as refused:
        actions.create_action(ActionForm(title=" ", owner="nobody", due_on="2026-03-01",
                                         root_causes=["RC404"]), actor=manager, now=NOW)
    assert set(refused.value.by_field()) == {"title", "owner", "due_on", "root_causes"}
    assert not CorrectiveAction.select().exists()


def test_only_managers_and_the_owner_start_actions(staff: User, owner: User) -> None:
    with pytest.raises(AccessError):
        _start(staff, "staff1")
    assert _start(owner, "staff1").status == "open"


def test_the_owner_of_an_action_works_it_through_to_done(manager: User, staff: User,
                                                        staff2: User) -> None:
    action = _start(manager, staff)
    with pytest.raises(AccessError):
        _move(action, "in_progress", staff2)  # not theirs
    action = _move(action, "in_progress", staff)
    with pytest.raises(MissingFieldsError) as missing:
        _move(action, "done", staff)
    assert set(missing.value.missing) == {"cause_analysis", "measure"}
    action = _move(_ready(action, staff), "done", staff, at=NOW + timedelta(days=3))
    assert action.done_at == NOW + timedelta(days=3)
    assert action.check_on == (NOW + timedelta(days=3, weeks=8)).date()
    with pytest.raises(AccessError):
        _move(action, "verified", staff)  # the verdict is a manager's


def test_the_check_date_follows_the_setting(manager: User, staff: User, owner: User) -> None:
    settings.set_value("improvement.check_weeks", 4, actor=owner, now=NOW)
    action = _ready(_move(_start(manager, staff), "in_progress", staff), staff)
    assert _move(action, "done", staff).check_on == (NOW + timedelta(weeks=4)).date()


def test_done_needs_a_cause_or_category_to_measure_by(manager: User, staff: User) -> None:
    action = _ready(_move(_start(manager, staff, root_causes=[]), "in_progress", staff), staff)
    with pytest.raises(MissingFieldsError) as missing:
        _move(action, "done", staff)
    assert missing.value.missing == ("root_causes",)


def test_the_verdict_waits_for_the_check_date_and_keeps_the_comparison(
        manager: User, staff: User) -> None:
    action = _move(_ready(_move(_start(manager, staff), "in_progress", staff), staff), "done",
                   staff)
    check = NOW + timedelta(weeks=8)
    with pytest.raises(RuleError, match="checked on 2026-04-29"):
        _move(action, "verified", manager, at=check - timedelta(days=1))
    action = _move(action, "verified", manager, at=check)
    assert (action.status, action.verdict_at) == ("verified", check)
    measured = Event.get((Event.action == action.id) & (Event.field == "action.measured"))
    assert measured.new_value == "before=0;after=0;days=56;before_total=0;after_total=0"
    with pytest.raises(RuleError, match="can no longer be changed"):
        actions.add_note(action.id, "再看看", actor=manager, now=check)


def test_not_effective_goes_back_to_work_and_is_measured_again(manager: User,
                                                               staff: User) -> None:
    action = _move(_ready(_move(_start(manager, staff), "in_progress", staff), staff), "done",
                   staff)
    check = NOW + timedelta(weeks=8)
    with pytest.raises(Exception, match="required"):
        _move(action, "not_effective", manager, at=check)
    action = _move(action, "not_effective", manager, at=check, note="同类投诉仍在增加")
    action = _move(action, "in_progress", staff, at=check)
    assert action.check_on is None
    action = _move(action, "done", staff, at=check + timedelta(days=7))
    assert action.check_on == (check + timedelta(days=7, weeks=8)).date()


def test_cancelling_needs_a_reason_and_a_manager(manager: User, staff: User) -> None:
    action = _start(manager, staff)
    with pytest.raises(AccessError):
        _move(action, "cancelled", staff, note="不做了")
    with pytest.raises(Exception, match="required"):
        _move(action, "cancelled", manager)
    assert _move(action, "cancelled", manager, note="与第 2 号重复").status == "cancelled"
    assert lifecycle.next_states(CorrectiveAction.get_by_id(action.id), manager) == []


def test_steps_not_in_the_table_are_refused(manager: User, staff: User) -> None:
    action = _start(manager, staff)
    with pytest.raises(RuleError, match="cannot go to"):
        _move(action, "verified", manager)
    assert lifecycle.next_states(action, staff) == ["in_progress"]
    assert lifecycle.next_states(action, manager) == ["in_progress", "cancelled"]


def test_a_stale_change_is_refused_naming_who_changed_it(manager: User, staff: User) -> None:
    action = _start(manager, staff)
    stale = action.version
    actions.update_action(action.id, values={"title": "来货抽检（电饭煲、电压力锅）"},
                          expected_version=stale, actor=manager, now=NOW)
    with pytest.raises(ConflictError, match="李经理") as refused:
        lifecycle.move_action(action.id, "in_progress", expected_version=stale, actor=staff,
                              now=NOW)
    assert refused.value.current_version == stale + 1
    assert CorrectiveAction.get_by_id(action.id).status == "open"


def test_the_owner_records_progress_but_managers_change_the_rest(manager: User, staff: User,
                                                                 staff2: User) -> None:
    action = _start(manager, staff)
    with pytest.raises(AccessError):
        actions.update_action(action.id, values={"due_on": "2026-04-30"},
                              expected_version=action.version, actor=staff, now=NOW)
    with pytest.raises(AccessError):
        actions.add_note(action.id, "已通知供应商", actor=staff2, now=NOW)
    actions.add_note(action.id, "已通知供应商", actor=staff, now=NOW)
    action = actions.update_action(action.id, values={"containment": "暂停该批次销售"},
                                   expected_version=action.version, actor=staff, now=NOW)
    action = actions.update_action(action.id, values={"owner": "staff2", "due_on": "2026-04-30",
                                                      "root_causes": ["RC03", "RC08"]},
                                   expected_version=action.version, actor=manager, now=NOW)
    timeline = ActionDetails.load(action.id, reader=manager, now=NOW).timeline
    words = [entry.describe() for entry in timeline[-4:]]
    assert words == ["Containment: 暂停该批次销售", "Action owner: 张小芳 → 刘明",
                     "Due: 2026-03-31 → 2026-04-30",
                     "Root causes addressed: Product defect → Product defect, Supplier problem"]
    assert timeline[-5].note == "已通知供应商"


def test_anyone_working_cases_links_them_and_may_undo_their_own_link(
        make_case: MakeCase, manager: User, staff: User, staff2: User) -> None:
    case, other = make_case(), make_case(phone="13900000002")
    action = _start(manager, staff, case_ids=[other.id])
    assert actions.link_cases(action.id, [case.id], actor=staff2, now=NOW) == [case.id]
    assert actions.link_cases(action.id, [case.id], actor=staff2, now=NOW) == []  # once
    assert [row.id for row in listing.actions_of_case(case.id)] == [action.id]
    with pytest.raises(AccessError, match="whoever linked"):  # the manager linked that one
        actions.unlink_case(action.id, other.id, actor=staff2, now=NOW)
    actions.unlink_case(action.id, case.id, actor=staff2, now=NOW)  # a mistake undone
    assert listing.actions_of_case(case.id) == []
    on_case = [e.field for e in CaseDetails.load_id(case.id).timeline]
    assert on_case[-2:] == ["action.link", "action.unlink"]
    actions.link_cases(action.id, [case.id], actor=manager, now=NOW)
    with pytest.raises(AccessError):  # linked again, by someone else: no longer theirs
        actions.unlink_case(action.id, case.id, actor=staff2, now=NOW)
    actions.unlink_case(action.id, other.id, actor=staff, now=NOW)  # the action's owner


def test_a_closed_action_takes_no_more_cases(make_case: MakeCase, manager: User,
                                             staff: User) -> None:
    action = _move(_start(manager, staff), "cancelled", manager, note="重复")
    with pytest.raises(RuleError):
        actions.link_cases(action.id, [make_case().id], actor=manager, now=NOW)


def test_staff_see_the_actions_that_concern_them(make_case: MakeCase, manager: User,
                                                 staff: User, staff2: User) -> None:
    case = make_case()
    cases.update_fields(case.id, values={"handler": "staff2"}, actor=staff, now=NOW,
                        expected_version=case.version)
    mine = _start(manager, staff)
    theirs = _start(manager, manager, title="客服话术培训", case_ids=[case.id])
    other = _start(manager, manager, title="价签核对")
    assert [row.id for row in listing.list_actions(actor=staff)] == [mine.id]
    assert [row.id for row in listing.list_actions(actor=staff2)] == [theirs.id]
    assert {row.id for row in listing.list_actions(actor=manager)} == {mine.id, theirs.id,
                                                                      other.id}
    with pytest.raises(AccessError):
        ActionDetails.load(other.id, reader=staff, now=NOW)


def test_open_actions_on_a_cause_are_offered_to_a_case_resolved_with_it(
        make_case: MakeCase, manager: User, staff: User) -> None:
    case = make_case()
    working = _start(manager, staff)
    _move(_start(manager, staff, title="已取消"), "cancelled", manager, note="重复")
    _start(manager, staff, title="别的原因", root_causes=["RC01"])
    cause_id = "RC03"
    assert [row.id for row in listing.open_actions_on_cause(cause_id)] == [working.id]
    actions.link_cases(working.id, [case.id], actor=staff, now=NOW)
    assert listing.open_actions_on_cause(cause_id, not_linked_to=case.id) == []


def test_json_keeps_the_stable_keys(make_case: MakeCase, manager: User, staff: User) -> None:
    case = make_case()
    action = _start(manager, staff, case_ids=[case.id])
    data = ActionDetails.load(action.id, reader=manager, now=NOW).to_json()
    assert {"id", "title", "status", "owner", "due", "cases", "root_causes", "check_due",
            "before_count", "after_count"} <= set(data)
    assert (data["owner"], data["due"], data["cases"], data["root_causes"]) == (
        "staff1", "2026-03-31", [case.number], ["RC03"])
    assert data["check_due"] is None and data["before_count"] is None


def test_an_action_from_cases_starts_with_their_causes(make_case: MakeCase,
                                                       staff: User) -> None:
    from app.services.improvement.prefill import causes_of

    made = [make_case(phone=f"1390000{n:04d}", category=category)
            for n, category in enumerate(("product_quality", "repair", "repair"))]
    for case, cause in zip(made, ("RC03", "RC08", "RC03"), strict=True):
        cases.update_fields(case.id, values={"root_cause": cause}, actor=staff, now=NOW,
                            expected_version=case.version)
    assert causes_of([c.id for c in made]) == (["RC03", "RC08"], ["repair", "product_quality"])
    assert causes_of([]) == ([], [])


def test_a_link_reads_as_words_on_the_case_timeline(make_case: MakeCase, manager: User,
                                                    staff: User) -> None:
    from app.i18n import ZH, speaking
    from app.services.labels import EVENT_KINDS, label

    case = make_case()
    action = _start(manager, staff, case_ids=[case.id])
    (linked,) = [e for e in CaseDetails.load_id(case.id).timeline if e.field == "action.link"]
    with speaking(ZH):
        assert (label(EVENT_KINDS, linked.kind), linked.describe()) == (
            "整改措施", f"关联整改措施：#{action.id} 电饭煲来货抽检")
