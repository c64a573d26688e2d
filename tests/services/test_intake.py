"""Intake: numbers, customers matched by phone, deadlines, checks, solved on the spot."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import AccessError, FormError, InputError, MissingFieldsError
from app.i18n import ZH, set_language
from app.models import Category, Complaint, Customer, Event, User
from app.services import catalog
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.customers import directory
from tests.conftest import NOW

MakeCase = Callable[..., Complaint]


def test_numbers_count_up_per_year_without_gaps(make_case: MakeCase) -> None:
    first, second = make_case(), make_case(phone="13900000001")
    last_year = make_case(received_at=datetime(2025, 12, 30, 15, 0), phone="13900000002")
    assert [first.number, second.number] == ["TS-2026-000001", "TS-2026-000002"]
    assert last_year.number == "TS-2025-000001"


def test_a_refused_form_uses_no_number(make_case: MakeCase) -> None:
    make_case()
    with pytest.raises(FormError):
        make_case(description="")
    assert make_case(phone="13900000001").number == "TS-2026-000002"


def test_repeat_customer_is_matched_by_phone_typed_any_way(make_case: MakeCase) -> None:
    make_case(phone="138 0013 8000")
    make_case(phone="+86 138-0013-8000", description="第二次投诉：送货延误")
    assert Customer.select().count() == 1
    history = directory.earlier_cases(Customer.get().id)
    assert [case.number for case in history] == ["TS-2026-000002", "TS-2026-000001"]
    assert directory.find_by_phone("１３８００１３８０００").name == "张三"  # full-width digits


def test_a_changed_name_for_a_known_phone_is_kept_and_logged(make_case: MakeCase) -> None:
    make_case()
    second = make_case(customer_name="张三丰")
    assert Customer.get().name == "张三丰"
    event = Event.get((Event.complaint == second.id) & (Event.field == "customer.name"))
    assert (event.old_value, event.new_value) == ("张三", "张三丰")


def test_shop_deadlines_first_answer_today_decision_in_seven_days(make_case: MakeCase) -> None:
    case = make_case()
    assert case.first_response_due == datetime(2026, 3, 4, 18, 0)
    assert case.resolution_due == datetime(2026, 3, 11, 18, 0)
    assert case.next_due_at == case.first_response_due
    assert case.profile == "shop"


def test_after_hours_complaint_is_due_the_next_business_day(make_case: MakeCase) -> None:
    case = make_case(received_at=datetime(2026, 3, 3, 19, 30))
    assert case.first_response_due == datetime(2026, 3, 4, 18, 0)


def test_financial_category_gets_fifteen_days(make_case: MakeCase) -> None:
    case = make_case(category="理赔", description="理赔申请二十天无答复")
    assert case.profile == "financial"
    assert case.resolution_due == datetime(2026, 3, 19, 18, 0)


def test_promised_time_typed_at_intake_replaces_the_default(make_case: MakeCase) -> None:
    case = make_case(promised_at=datetime(2026, 3, 4, 12, 30))
    assert case.first_response_due == datetime(2026, 3, 4, 12, 30)
    with pytest.raises(FormError, match="after the complaint was received"):
        make_case(promised_at=datetime(2026, 3, 4, 9, 0))


def test_every_bad_field_is_reported_at_once_in_form_order(make_case: MakeCase) -> None:
    with pytest.raises(FormError) as caught:
        make_case(phone="12", customer_name=" ", channel="fax", category="",
                  description="", severity="extreme")
    assert [e.field for e in caught.value.errors] == [
        "phone", "customer_name", "channel", "category", "severity", "description"]
    assert "not a phone number" in caught.value.by_field()["phone"].text.en
    assert Complaint.select().count() == 0


def test_messages_read_in_chinese(make_case: MakeCase) -> None:
    set_language(ZH)
    with pytest.raises(FormError) as caught:
        make_case(description="")
    assert str(caught.value) == "请填写投诉事件。"


def test_over_long_text_is_refused(make_case: MakeCase) -> None:
    with pytest.raises(FormError, match="too long: 5001 characters, at most 5000"):
        make_case(description="很" * 5001)
    assert Complaint.select().count() == 0


@pytest.mark.parametrize("received", [NOW + timedelta(days=1), datetime(1999, 12, 31)])
def test_absurd_received_dates_are_refused(make_case: MakeCase, received: datetime) -> None:
    with pytest.raises(FormError) as caught:
        make_case(received_at=received)
    assert caught.value.errors[0].field == "received_at"


def test_channels_and_flags_by_either_name(make_case: MakeCase) -> None:
    case = make_case(channel="微信", flags=["群体投诉", "risk"], severity="重大")
    assert (case.channel, case.severity) == ("wechat", "critical")
    assert case.flag_group and case.flag_risk and not case.flag_management


def test_switched_off_category_cannot_be_chosen(make_case: MakeCase, owner: User) -> None:
    catalog.set_active(catalog.find(Category, "delivery"), active=False, actor=owner, now=NOW)
    with pytest.raises(FormError, match="switched off"):
        make_case(category="delivery")


def test_solved_on_the_spot_is_closed_in_one_save(make_case: MakeCase) -> None:
    case = make_case(on_the_spot=True, on_the_spot_values={
        "root_cause": "RC05", "resolution": "退还多收的 12 元", "feedback": "当场退款，客户满意"})
    assert case.status == "closed"
    assert case.closed_at == case.resolved_at == case.first_response_at == NOW
    assert case.next_due_at is None
    statuses = [e.new_value for e in Event.select().where(Event.field == "status")]
    assert statuses == ["closed"]


def test_solved_on_the_spot_without_a_root_cause_records_nothing(make_case: MakeCase) -> None:
    with pytest.raises(MissingFieldsError) as caught:
        make_case(on_the_spot=True, on_the_spot_values={"resolution": "退款"})
    assert caught.value.missing == ("root_cause", "feedback")
    assert Complaint.select().count() == 0 and Customer.select().count() == 0


def test_a_person_complained_about_is_recorded(make_case: MakeCase, staff2: User) -> None:
    assert make_case(subject="staff2").subject_user == staff2
    with pytest.raises(FormError, match="no user"):
        make_case(subject="nobody")


def test_an_inactive_account_cannot_take_complaints(make_case: MakeCase, owner: User,
                                                    staff: User) -> None:
    from app.services import users

    users.set_active(user=staff, active=False, actor=owner, now=NOW)
    with pytest.raises(AccessError):
        make_case(actor=User.get_by_id(staff.id))


def test_phone_is_required(make_case: MakeCase) -> None:
    with pytest.raises(InputError, match="Phone number is required"):
        record_complaint(IntakeForm("张三", "", "phone", "billing", "多收钱"),
                         actor=User.get(User.username == "staff1"), now=NOW)
