"""What the desk writes itself is stored as a code with its values and worded in the reader's
language; telling the customer of a decision is due by the end of the next business day and
does not make a decided case overdue."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.i18n import EN, ZH, set_language, speaking
from app.models import Complaint, Event, FollowUp, User
from app.models.notes import MARK, coded, decoded
from app.services import notes
from app.services.casework import clock, intake, reminders, workflow
from app.services.casework.view import CaseDetails
from app.services.compensation import offers, payments
from app.services.register import listing
from app.services.register.listing import CaseQuery
from app.services.text import UNKEEPABLE
from tests.conftest import NOW, PASSWORD

MakeCase = Callable[..., Complaint]


def _stored(case: Complaint) -> list[tuple[str, str, str]]:
    return [(e.field, e.new_value, e.note) for e in
            Event.select().where(Event.complaint == case.id).order_by(Event.id)]


def test_a_coded_note_is_marked_by_what_nobody_can_type() -> None:
    stored = notes.written("rule_shop", days=7)
    assert stored.startswith(MARK) and UNKEEPABLE.match(MARK)
    assert decoded(stored) == ("rule_shop", {"days": 7})
    assert decoded("门店规则：当天初步答复") is None  # typed text is shown as it is
    assert notes.words("客户说下午再来") == ("客户说下午再来", "客户说下午再来")
    assert decoded(MARK + "not json") is None
    assert notes.words(coded("from_a_newer_version")) == ("from_a_newer_version",) * 2
    with pytest.raises(KeyError):
        notes.written("rule_shop")  # its value is missing


def test_the_deadline_rule_is_stored_as_a_code_and_read_in_either_language(
        make_case: MakeCase) -> None:
    set_language(ZH)  # whoever records the case, the rule is not stored in their words
    case = make_case()
    rule = next(note for field, _new, note in _stored(case) if field == "resolution_due")
    assert decoded(rule) == ("rule_shop", {"days": 7})
    entry = next(e for e in CaseDetails.load_id(case.id).timeline if e.note)
    assert entry.describe_note() == "门店规则：当天初步答复，7 天内处理完毕"
    set_language(EN)
    assert entry.describe_note() == ("Shop profile: first answer the same day, decision within "
                                     "7 days")
    assert entry.to_json()["note"].startswith("Shop profile")
    assert entry.to_json()["note_code"] == {"code": "rule_shop", "days": 7}
    assert "门店" not in str(CaseDetails.load_id(case.id).to_json())


def test_solved_on_the_spot_and_a_review_are_worded_for_the_reader(make_case: MakeCase,
                                                                  staff: User) -> None:
    case = make_case(on_the_spot=True, on_the_spot_values={
        "root_cause": "RC01", "resolution": "当场更换", "feedback": "客户满意"})
    closing = next(note for field, new, note in _stored(case) if new == "closed")
    assert decoded(closing) == ("solved_on_the_spot", {})
    case = clock.request_review(case.id, reason="对处理结果有异议", actor=staff,
                                now=NOW + timedelta(days=1), expected_version=case.version)
    review = next(e for e in CaseDetails.load_id(case.id).timeline if e.new == "reopened")
    assert review.describe_note() == "Review requested: 对处理结果有异议"
    with speaking(ZH):
        assert review.describe_note() == "客户申请核查：对处理结果有异议"


def test_a_resumed_clock_and_a_payment_keep_what_was_typed_inside_the_code(
        make_case: MakeCase, staff: User, manager: User) -> None:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    case = clock.pause(case.id, reason="等待检测", actor=staff, now=NOW,
                       expected_version=case.version)
    case = clock.resume(case.id, note="报告已到", actor=staff, now=NOW + timedelta(days=2),
                        expected_version=case.version)
    resumed = [e for e in CaseDetails.load_id(case.id).timeline if e.note][-1]
    assert resumed.describe_note() == "Resumed after 2 day(s). 报告已到"
    with speaking(ZH):
        assert resumed.describe_note() == "暂停 2 天后恢复计时。报告已到"
    offer = offers.propose(case.id, expected_version=case.version, kind="voucher",
                           amount="100", reason="补偿", actor=staff, now=NOW + timedelta(days=2))
    assert str(notes.words(offer.decision_reason)) == "Within the proposer's own limit"
    payments.pay(offer.id, method="wechat", reference="WX-9", actor=staff,
                 now=NOW + timedelta(days=2))
    paid = CaseDetails.load_id(case.id).timeline[-1]
    assert paid.describe_note() == "WeChat Pay WX-9"
    with speaking(ZH):
        assert paid.describe_note() == "微信支付 WX-9"
        assert CaseDetails.load_id(case.id).offers[0].describe_reason() == "在提出人自己的权限内"


def _approved_offer(make_case: MakeCase, staff: User, manager: User) -> Complaint:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(case.id, expected_version=case.version, kind="refund",
                           amount="1500", reason="退还全款", actor=staff, now=NOW)
    offers.decide(offer.id, decision="approve", reason="质量问题属实", password=PASSWORD,
                  actor=manager, now=NOW)
    return Complaint.get_by_id(case.id)


def test_telling_the_customer_is_a_coded_follow_up_due_by_the_next_closing(
        make_case: MakeCase, staff: User, manager: User) -> None:
    case = _approved_offer(make_case, staff, manager)
    told = FollowUp.get((FollowUp.complaint == case.id) & (FollowUp.kind == "notice"))
    assert decoded(told.note) == ("tell_customer", {"status": "approved", "who": "李经理",
                                                    "kind": "refund", "amount": 150000})
    assert told.due_at == datetime(2026, 3, 5, 18, 0)  # Thursday's closing, not "now"
    follow_up = CaseDetails.load_id(case.id).follow_ups[0]
    assert follow_up.describe() == ("Compensation approved by 李经理: Refund ¥1,500.00. "
                                    "Tell the customer.")
    with speaking(ZH):
        assert follow_up.describe() == "补偿方案已批准（李经理）：退款 ¥1,500.00。请告知客户。"
    logged = [e for e in CaseDetails.load_id(case.id).timeline if e.field == "follow_up"][-1]
    assert logged.describe() == ("Follow-up: 2026-03-05 18:00 张小芳: Compensation approved "
                                 "by 李经理: Refund ¥1,500.00. Tell the customer.")
    # The proposer hears of it at once: listed (due soon), though due only tomorrow evening.
    mine = reminders.reminders(user=staff, now=NOW)
    [notice] = [r for r in mine.all_items() if r.kind == "notice"]
    assert notice.group == "soon" and notice.reason.startswith("Compensation approved by 李经理")
    at_approval = listing.first_page(CaseQuery(), now=NOW + timedelta(minutes=1))[0][0]
    assert not at_approval.is_overdue(NOW + timedelta(minutes=1))


def test_a_decided_case_is_not_overdue_for_telling_the_customer(
        make_case: MakeCase, staff: User, manager: User) -> None:
    case = _approved_offer(make_case, staff, manager)
    friday = datetime(2026, 3, 6, 10, 0)
    open_row = listing.first_page(CaseQuery(), now=friday)[0][0]
    assert open_row.is_overdue(friday)  # still open and the customer not told: overdue
    workflow.move(case.id, "resolved", actor=staff, now=NOW + timedelta(hours=1),
                  expected_version=case.version,
                  values={"root_cause": "RC01", "resolution": "全额退款"})
    decided = listing.first_page(CaseQuery(), now=friday)[0][0]
    assert not decided.is_overdue(friday)
    assert not [r for r in reminders.reminders(user=staff, now=friday).all_items()
                if r.kind == "follow_up" and "Tell the customer" in r.reason]
    assert Complaint.get_by_id(case.id).next_due_at > friday  # the call-back, later


def test_profile_rule_is_the_stored_form() -> None:
    assert decoded(intake.profile_rule("financial")) == ("rule_financial", {})


def test_printed_and_exported_in_the_language_asked_for(make_case: MakeCase, staff: User,
                                                        manager: User) -> None:
    from app.services.documents.summary import summary
    from app.services.register.export import event_rows

    case = _approved_offer(make_case, staff, manager)
    set_language(ZH)  # the window in Chinese; the documents asked for in English
    english = summary(case.number, language=EN, now=NOW)
    cells = [cell for table in english.tables for row in table.rows for cell in row]
    assert "Shop profile: first answer the same day, decision within 7 days" in cells
    assert any(c.startswith("Compensation approved by 李经理") for c in cells)
    assert not any("门店规则" in c or "请告知客户" in c for c in cells)
    rows = list(event_rows([case.id], language=EN))
    assert "Shop profile: first answer the same day, decision within 7 days" in \
        [row[-1] for row in rows]
    chinese = list(event_rows([case.id], language=ZH))
    assert "门店规则：当天初步答复，7 天内处理完毕" in [row[-1] for row in chinese]
    assert any("请告知客户" in (row[6] or "") for row in chinese)
