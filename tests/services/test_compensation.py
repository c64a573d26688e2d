"""Compensation: limits per role, approval with a password, counters, withdrawal, totals."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.errors import AccessError, InputError, RuleError, SignInError
from app.models import CompensationOffer, Complaint, FollowUp, User
from app.services import notes, settings
from app.services.casework import workflow
from app.services.compensation import figures, offers
from app.services.compensation.offers import decide
from tests.conftest import NOW, PASSWORD

MakeCase = Callable[..., Complaint]


@pytest.fixture
def handled(make_case: MakeCase, staff: User) -> Complaint:
    """A case being handled by staff1."""
    case = make_case()
    return workflow.move(case, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})


def _case(case: Complaint) -> Complaint:
    return Complaint.get_by_id(case.id)


def propose(case: Complaint, **fields: object) -> CompensationOffer:
    """Proposes on the case as it stands now (the service takes its id and version)."""
    current = _case(case)
    return offers.propose(current.id, expected_version=current.version, **fields)


def test_within_the_staff_limit_is_approved_at_once(handled: Complaint, staff: User) -> None:
    offer = propose(handled, kind="代金券", amount="¥150", reason="补偿客户往返车费",
                    actor=staff, now=NOW)
    assert (offer.status, offer.amount_fen, offer.approver_id) == ("approved", 15000, staff.id)
    assert _case(handled).status == "in_progress"


def test_above_the_limit_the_case_waits_for_approval(handled: Complaint, staff: User,
                                                     manager: User, owner: User) -> None:
    offer = propose(handled, kind="refund", amount="1500", reason="退还全款",
                    description="电饭煲一台", actor=staff, now=NOW)
    assert offer.status == "proposed" and _case(handled).status == "awaiting_approval"
    assert [w.id for w in figures.waiting()] == [offer.id]
    with pytest.raises(AccessError):
        decide(offer.id, decision="approve", reason="同意", password=PASSWORD, actor=staff,
               now=NOW)
    with pytest.raises(SignInError, match="Wrong password"):
        decide(offer.id, decision="approve", reason="同意", password="guess", actor=manager,
               now=NOW)
    offer = decide(offer.id, decision="approve", reason="质量问题属实", password=PASSWORD,
                   actor=manager, now=NOW)
    assert (offer.status, offer.approver_id) == ("approved", manager.id)
    assert _case(handled).status == "in_progress"
    told = FollowUp.get(FollowUp.assignee == staff.id)
    assert told.kind == "notice" and "approved by 李经理" in str(notes.words(told.note))
    # Time to reach the customer: the end of the next business day (Thursday), not "now".
    assert told.due_at == datetime(2026, 3, 5, 18, 0)


def test_a_manager_cannot_approve_above_their_own_limit(handled: Complaint, staff: User,
                                                        manager: User, owner: User) -> None:
    offer = propose(handled, kind="cash", amount="5000", reason="误工损失", actor=staff, now=NOW)
    with pytest.raises(RuleError, match="above your limit of ¥2,000.00: the owner must"):
        decide(offer.id, decision="approve", reason="同意", password=PASSWORD, actor=manager,
               now=NOW)
    assert decide(offer.id, decision="approve", reason="同意", password=PASSWORD, actor=owner,
                  now=NOW).status == "approved"


def test_no_one_approves_their_own_offer_above_their_limit(handled: Complaint, manager: User,
                                                           ) -> None:
    offer = propose(handled, kind="refund", amount="3000", reason="全额退款", actor=manager,
                    now=NOW)
    assert offer.status == "proposed"
    with pytest.raises(RuleError, match="someone else must decide"):
        decide(offer.id, decision="approve", reason="我批准", password=PASSWORD, actor=manager,
               now=NOW)


def test_a_refusal_needs_a_reason(handled: Complaint, staff: User, owner: User) -> None:
    offer = propose(handled, kind="gift", amount="800", reason="安抚客户", actor=staff, now=NOW)
    with pytest.raises(InputError, match="Reason is required"):
        decide(offer.id, decision="refuse", reason=" ", password=PASSWORD, actor=owner, now=NOW)
    offer = decide(offer.id, decision="refuse", reason="已退款，不再额外赠送", password=PASSWORD,
                   actor=owner, now=NOW)
    assert offer.status == "refused" and _case(handled).status == "in_progress"


def test_a_counter_offer_accepted_becomes_a_new_approved_offer(handled: Complaint, staff: User,
                                                              owner: User) -> None:
    offer = propose(handled, kind="refund", amount="1000", reason="退款", actor=staff, now=NOW)
    offer = decide(offer.id, decision="counter", counter="600", reason="部分退款即可",
                   password=PASSWORD, actor=owner, now=NOW)
    assert (offer.status, offer.counter_fen) == ("countered", 60000)
    assert _case(handled).status == "in_progress"
    with pytest.raises(RuleError, match="Only the person who proposed"):
        offers.accept_counter(offer.id, actor=owner, now=NOW)
    accepted = offers.accept_counter(offer.id, actor=staff, now=NOW)
    assert (accepted.status, accepted.amount_fen, accepted.parent_id) == ("approved", 60000,
                                                                          offer.id)
    assert accepted.approver_id == owner.id
    assert figures.approved_fen(case_id=handled.id) == 60000


def test_a_waiting_offer_can_be_withdrawn(handled: Complaint, staff: User,
                                          staff2: User) -> None:
    offer = propose(handled, kind="refund", amount="900", reason="退款", actor=staff, now=NOW)
    with pytest.raises(RuleError, match="Only the person who proposed"):
        offers.withdraw(offer.id, reason="不是我的", actor=staff2, now=NOW)
    offer = offers.withdraw(offer.id, reason="客户改为换货", actor=staff, now=NOW)
    assert offer.status == "withdrawn" and _case(handled).status == "in_progress"
    with pytest.raises(RuleError, match="cannot be changed now"):
        offers.withdraw(offer.id, reason="again", actor=staff, now=NOW)


@pytest.mark.parametrize(("kind", "amount", "message"), [
    ("refund", "-50", "not an amount"), ("refund", "一百", "not an amount"),
    ("refund", "12.345", "not an amount"), ("refund", "2000000", "more than ¥1,000,000"),
    ("refund", "0", "Give the amount"), ("apology", "10", "apology has no amount"),
    ("bitcoin", "10", "Unknown kind of compensation"),
])
def test_bad_offers_are_refused(handled: Complaint, staff: User, kind: str, amount: str,
                                message: str) -> None:
    with pytest.raises(InputError, match=message):
        propose(handled, kind=kind, amount=amount, reason="理由", actor=staff, now=NOW)
    assert CompensationOffer.select().count() == 0


def test_offers_only_while_the_case_is_handled(make_case: MakeCase, staff: User) -> None:
    with pytest.raises(RuleError, match="assign it first"):
        propose(make_case(), kind="refund", amount="10", reason="x", actor=staff, now=NOW)


def test_limits_come_from_the_settings(handled: Complaint, staff: User, owner: User) -> None:
    settings.set_value("compensation.limit.staff", 50, actor=owner, now=NOW)
    assert propose(handled, kind="voucher", amount="80", reason="x", actor=staff,
                   now=NOW).status == "proposed"
    assert offers.limit_fen(owner) is None


def test_totals_per_case_customer_and_month(make_case: MakeCase, staff: User,
                                            owner: User) -> None:
    first = workflow.move(make_case(), "in_progress", actor=staff, now=NOW, expected_version=1,
                          values={"department": "after_sales", "handler": "staff1"})
    second = workflow.move(make_case(category="billing"), "in_progress", actor=staff, now=NOW,
                           expected_version=1,
                           values={"department": "finance", "handler": "staff1"})
    propose(first, kind="voucher", amount="100", reason="x", actor=staff, now=NOW)
    propose(second, kind="refund", amount="30.50", reason="x", actor=staff,
            now=NOW + timedelta(days=31))
    customer = first.customer_id
    assert figures.approved_fen(customer_id=customer) == 13050
    history = figures.customer_history(customer, exclude_case=second.id)
    assert history.cases[0][0] == first.number and history.approved_fen == 10000
    assert figures.monthly_totals() == [("2026-03", 10000), ("2026-04", 3050)]
    assert figures.category_average(first.category_id) == (10000, 1)
