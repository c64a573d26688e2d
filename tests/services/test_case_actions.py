"""The case view's actions: offered by state and role, each taken through the services."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import AccessError, ConflictError, InputError, RuleError
from app.models import Complaint, User
from app.services import guidance
from app.services.audit import was_extended
from app.services.casework import actions
from app.services.casework.view import CaseDetails
from app.services.desk import setup
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def _codes(details: CaseDetails, user: User) -> list[str]:
    return [a.code for a in actions.available(details, user)]


def _do(code: str, details: CaseDetails, actor: User, **kwargs: object) -> CaseDetails:
    kwargs.setdefault("values", {})
    return actions.perform(code, details.id, expected_version=details.version, actor=actor,
                           now=NOW, **kwargs)


def test_actions_follow_the_state(make_case: MakeCase, staff: User) -> None:
    always_open = ["follow_up", "flags", "pause", "new_facts"]
    d = CaseDetails.load(make_case().number)
    assert _codes(d, staff) == ["acknowledge", "assign", "reject", "solve_now", *always_open]
    d = _do("acknowledge", d, staff, inputs={"reply": "已受理，三天内答复您。"})
    assert _codes(d, staff) == ["assign", "investigate", "reject", *always_open]
    d = _do("assign", d, staff, values={"department": "after_sales", "handler": "staff1"})
    assert _codes(d, staff) == ["reassign", "investigate", "propose", "resolve", "reject",
                                "follow_up", "compensate", *always_open[1:]]
    d = _do("investigate", d, staff, values={"facts": "主板故障", "fault_party": "供应商",
                                             "root_cause": "RC03"})
    d = _do("propose", d, staff, values={"resolution": "更换新品"})
    d = _do("resolve", d, staff, values={"root_cause": "RC03", "resolution": "更换新品"})
    assert _codes(d, staff) == ["feedback", "close", "reopen", "follow_up", "review"]
    d = _do("feedback", d, staff, values={"feedback": "电话告知"})
    d = _do("close", d, staff, values={"feedback": "电话告知", "satisfaction": "4"})
    assert _codes(d, staff) == ["satisfaction", "reopen", "follow_up", "review"]
    assert (d.status, d.satisfaction, d.fault_party) == ("closed", 4, "供应商")


def test_extension_is_offered_to_managers_once(make_case: MakeCase, staff: User,
                                               manager: User) -> None:
    d = CaseDetails.load(make_case().number)
    assert "extend" not in _codes(d, staff) and "extend" in _codes(d, manager)
    def extension(days: int, reason: str = "需要送厂家检测") -> dict[str, object]:
        return {"due": d.resolution_due + timedelta(days=days), "reason": reason,
                "told": "已电话告知客户"}

    with pytest.raises(AccessError):
        _do("extend", d, staff, inputs=extension(5))
    d = _do("extend", d, manager, inputs=extension(10))
    assert d.resolution_due == datetime(2026, 3, 21, 18, 0) and was_extended(d.id)
    assert "extend" not in _codes(d, manager)
    entry = d.timeline[-1]
    assert (entry.kind, entry.note) == ("extension", "需要送厂家检测 — 已电话告知客户")
    assert d.last_contact_at == NOW  # telling the customer is contact
    with pytest.raises(RuleError, match="already extended once"):
        _do("extend", d, manager, inputs=extension(1, "再延"))


@pytest.mark.parametrize(("days", "reason", "told", "message"), [
    (31, "太久", "电话", "at most 30 days"), (-1, "提前", "电话", "must be later"),
    (5, " ", "电话", "Reason is required"), (5, "检测", "", "How the customer was told"),
])
def test_extension_checks(make_case: MakeCase, manager: User, days: int, reason: str,
                          told: str, message: str) -> None:
    d = CaseDetails.load(make_case().number)
    with pytest.raises(InputError, match=message):
        _do("extend", d, manager, inputs={"due": d.resolution_due + timedelta(days=days),
                                          "reason": reason, "told": told})


def test_required_fields_are_named_before_anything_is_written(make_case: MakeCase,
                                                              staff: User) -> None:
    d = CaseDetails.load(make_case().number)
    with pytest.raises(InputError) as caught:
        _do("assign", d, staff, values={"department": "after_sales"})
    assert caught.value.field == "handler"
    assert CaseDetails.load(d.number).version == d.version


def test_an_action_on_a_stale_view_is_refused(make_case: MakeCase, staff: User,
                                              staff2: User) -> None:
    seen = CaseDetails.load(make_case().number)
    _do("acknowledge", seen, staff2, inputs={"reply": "已受理"})
    with pytest.raises(ConflictError):
        _do("reject", seen, staff, values={"answer": "不属于质量问题"})


def test_details_are_plain_values(make_case: MakeCase, staff: User) -> None:
    d = CaseDetails.load(make_case(flags=["risk"], subject="staff1").number)
    assert (d.category.code, d.category.name, d.flags) == ("product_quality", "Product quality",
                                                          ("risk",))
    assert (d.subject.username, d.received_by.name) == ("staff1", "张小芳")
    assert d.timeline[0].describe() == "TS-2026-000001"


def test_first_run_creates_owner_and_business(db: str) -> None:
    assert setup.needs_setup()
    owner = setup.set_up_business(name="惠民小店", address="文化路 8 号", phone="0571-1234",
                                  owner_username="boss", owner_name="王老板", password="secret",
                                  now=NOW)
    assert owner.role == "owner" and not setup.needs_setup()
    from app.services import settings

    assert settings.get("business.name") == "惠民小店"


def test_first_run_with_bad_details_creates_nothing(db: str) -> None:
    with pytest.raises(InputError):
        setup.set_up_business(name="店", address="", phone="", owner_username="boss",
                              owner_name="王老板", password="12", now=NOW)
    assert setup.needs_setup()


def test_guidance_fits_the_stage() -> None:
    assert [s.title.zh for s in guidance.for_case("new")] == ["耐心多一点", "态度好一点",
                                                              "动作快一点"]
    assert guidance.for_case("in_progress", flags=("group",))[0].title.zh == "层次高一点"
    assert len(guidance.STEPS) == 7
