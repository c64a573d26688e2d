"""Customers: joined into one history, corrected with every change recorded; the legal hold;
intake's likely duplicates and adding the new words to the open case."""

from collections.abc import Callable
from datetime import timedelta

import pytest

from app.errors import AccessError, InputError, RuleError
from app.models import Complaint, Customer, Event, User
from app.services.casework import duplicates, hold, workflow
from app.services.casework.view import CaseDetails
from app.services.customers import details, directory, joining
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def test_joined_customers_are_one_history(make_case: MakeCase, manager: User,
                                          staff: User) -> None:
    first = make_case(customer_name="王芳", phone="13911112222")
    second = make_case(customer_name="王 芳", phone="13533334444")
    with pytest.raises(AccessError):
        joining.join(first.customer_id, second.customer_id, actor=staff, now=NOW)
    joining.join(first.customer_id, second.customer_id, actor=manager, now=NOW)
    known = directory.lookup("135 3333 4444")
    assert known is not None and known.id == first.customer_id
    assert {case.number for case in known.earlier} == {first.number, second.number}
    record = details.describe(second.customer_id)
    assert (record.phone, record.other_phones) == ("13911112222", ("13533334444",))
    assert Event.get(Event.field == "customer.joined").new_value == str(first.customer_id)
    with pytest.raises(RuleError, match="already the same customer"):
        joining.join(second.customer_id, first.customer_id, actor=manager, now=NOW)


def test_a_correction_is_recorded_on_the_newest_case(make_case: MakeCase, staff: User) -> None:
    make_case(phone="13911112222", at=NOW - timedelta(days=3))
    newest = make_case(phone="13911112222")
    make_case(customer_name="李四", phone="13855556666")
    customer = details.customer_by_phone("13911112222")
    details.correct(customer.id, name="张三丰", address="西湖区", actor=staff, now=NOW)
    changes = {(e.field, e.old_value, e.new_value) for e in Event.select().where(
        (Event.complaint == newest.id) & (Event.kind == "customer"))}
    assert {("customer.name", "张三", "张三丰"), ("customer.address", "", "西湖区")} <= changes
    with pytest.raises(InputError, match="another customer"):
        details.correct(customer.id, phone="13855556666", actor=staff, now=NOW)
    details.correct(customer.id, phone="139-0000-1111", actor=staff, now=NOW)
    assert Customer.get_by_id(customer.id).phone == "13900001111"


def test_the_legal_hold_is_set_by_managers_with_a_reason(make_case: MakeCase, staff: User,
                                                         manager: User) -> None:
    case = make_case()
    with pytest.raises(AccessError):
        hold.set_legal_hold(case.id, hold=True, reason="诉讼", actor=staff, now=NOW,
                            expected_version=1)
    with pytest.raises(InputError):
        hold.set_legal_hold(case.id, hold=True, reason=" ", actor=manager, now=NOW,
                            expected_version=1)
    held = hold.set_legal_hold(case.id, hold=True, reason="客户已起诉", actor=manager, now=NOW,
                               expected_version=1)
    assert held.legal_hold and CaseDetails.load(case.number).legal_hold
    event = Event.get(Event.field == "legal_hold")
    assert (event.old_value, event.new_value, event.note) == ("no", "yes", "客户已起诉")
    with pytest.raises(RuleError, match="already on legal hold"):
        hold.set_legal_hold(case.id, hold=True, reason="x", actor=manager, now=NOW,
                            expected_version=held.version)


def test_intake_finds_the_open_case_a_new_complaint_repeats(make_case: MakeCase,
                                                            staff: User) -> None:
    open_case = make_case(phone="13911112222", at=NOW - timedelta(days=3))
    make_case(phone="13911112222", category="delivery", at=NOW - timedelta(days=2))
    old = make_case(phone="13911112222", at=NOW - timedelta(days=40))
    closed = make_case(phone="13911112222", at=NOW - timedelta(days=1), on_the_spot=True,
                       on_the_spot_values={"root_cause": "RC03", "resolution": "换货",
                                           "feedback": "已告知"})
    found = duplicates.likely_duplicates("139 1111 2222", "product_quality", now=NOW)
    assert [case.number for case in found] == [open_case.number]
    assert old.number and closed.number  # too old, and closed: not offered
    assert duplicates.likely_duplicates("139", "product_quality", now=NOW) == []
    assert duplicates.likely_duplicates("13911112222", "", now=NOW) == []
    duplicates.add_words(open_case.id, description="还是不能开机，第二次来电", wish="退款",
                         actor=staff, now=NOW)
    event = Event.get(Event.field == "called_again")
    assert (event.new_value, event.note, event.complaint_id) == (
        "还是不能开机，第二次来电", "退款", open_case.id)
    assert Complaint.select().count() == 4
    workflow.move(open_case.id, "rejected", actor=staff, now=NOW,
                  expected_version=Complaint.get_by_id(open_case.id).version,
                  values={"answer": "非质量问题"})
    with pytest.raises(InputError, match="no longer open"):
        duplicates.add_words(open_case.id, description="x", wish="", actor=staff, now=NOW)
