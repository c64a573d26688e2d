"""Paying out approved compensation: once, never more than approved, and shown everywhere."""

from collections.abc import Callable
from datetime import timedelta
from functools import partial

import pytest

from app.errors import InputError, RuleError
from app.models import Complaint, Payment, User
from app.services.casework import workflow
from app.services.casework.view import CaseDetails
from app.services.compensation import figures, offers, payments
from app.services.register import listing
from tests.conftest import NOW, PASSWORD
from tests.races import at_once, split

MakeCase = Callable[..., Complaint]
ROUNDS = 20


def _approved(make_case: MakeCase, staff: User, owner: User, amount: str = "800",
              phone: str = "13800138000") -> int:
    case = workflow.move(make_case(phone=phone).id, "in_progress", actor=staff, now=NOW,
                         expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    offer = offers.propose(case.id, expected_version=case.version, kind="refund",
                           amount=amount, reason="退款", actor=staff, now=NOW)
    if offer.status == "proposed":
        offers.decide(offer.id, decision="approve", reason="属实", password=PASSWORD,
                      actor=owner, now=NOW)
    return offer.id


def test_an_approved_offer_is_paid_once(make_case: MakeCase, staff: User, owner: User) -> None:
    offer_id = _approved(make_case, staff, owner)
    paid = payments.pay(offer_id, method="微信支付", reference="WX-20260304-01", actor=staff,
                        now=NOW + timedelta(hours=1), paid_at=NOW + timedelta(minutes=30))
    assert (paid.amount_fen, paid.method, paid.paid_by_id) == (80000, "wechat", staff.id)
    with pytest.raises(RuleError, match="already paid: ¥800.00 by 张小芳 on 2026-03-04 10:30 "
                                        r"\(receipt WX-20260304-01\)"):
        payments.pay(offer_id, method="cash", reference="R-2", actor=owner, now=NOW)
    assert Payment.select().count() == 1


def test_more_than_approved_is_refused(make_case: MakeCase, staff: User, owner: User) -> None:
    offer_id = _approved(make_case, staff, owner)
    with pytest.raises(RuleError, match="more than the ¥800.00 approved"):
        payments.pay(offer_id, method="cash", reference="R-1", amount="800.01", actor=staff,
                     now=NOW)
    assert payments.pay(offer_id, method="cash", reference="R-1", amount="750", actor=staff,
                        now=NOW).amount_fen == 75000


def test_only_approved_material_offers_are_paid(make_case: MakeCase, staff: User,
                                                owner: User) -> None:
    case = workflow.move(make_case().id, "in_progress", actor=staff, now=NOW, expected_version=1,
                         values={"department": "after_sales", "handler": "staff1"})
    waiting = offers.propose(case.id, expected_version=case.version, kind="refund",
                             amount="900", reason="退款", actor=staff, now=NOW)
    with pytest.raises(RuleError, match="only an approved offer is paid"):
        payments.pay(waiting.id, method="cash", reference="R", actor=staff, now=NOW)
    case = Complaint.get_by_id(case.id)
    apology = offers.propose(case.id, expected_version=case.version, kind="apology",
                             amount="0", reason="致歉", actor=staff, now=NOW)
    with pytest.raises(RuleError, match="nothing to pay"):
        payments.pay(apology.id, method="other", reference="R", actor=staff, now=NOW)
    offer_id = _approved(make_case, staff, owner, phone="13900000000")
    for method, reference, message in (("cash", " ", "Receipt or voucher number is required"),
                                       ("bitcoin", "R", "Unknown way of paying")):
        with pytest.raises(InputError, match=message):
            payments.pay(offer_id, method=method, reference=reference, actor=staff, now=NOW)
    with pytest.raises(InputError, match="between the approval"):
        payments.pay(offer_id, method="cash", reference="R", actor=staff, now=NOW,
                     paid_at=NOW + timedelta(days=1))


def test_two_people_paying_at_once_pay_once(make_case: MakeCase, staff: User, staff2: User,
                                            owner: User) -> None:
    for round_ in range(ROUNDS):
        offer_id = _approved(make_case, staff, owner, phone=f"135{round_:08d}")
        done, refused = split(at_once([
            partial(payments.pay, offer_id, method="cash", reference=f"A-{round_}",
                    actor=staff, now=NOW),
            partial(payments.pay, offer_id, method="transfer", reference=f"B-{round_}",
                    actor=staff2, now=NOW)]))
        assert len(done) == 1 and len(refused) == 1, refused
        assert isinstance(refused[0], RuleError) and "already paid" in str(refused[0])
        assert Payment.select().where(Payment.offer == offer_id).count() == 1


def test_approved_and_paid_show_in_the_case_the_register_and_the_list(
        make_case: MakeCase, staff: User, owner: User) -> None:
    offer_id = _approved(make_case, staff, owner)
    payments.pay(offer_id, method="transfer", reference="T-9", amount="600", actor=staff,
                 now=NOW)
    case_id = offers.CompensationOffer.get_by_id(offer_id).complaint_id
    shown = CaseDetails.load_id(case_id).offers[0]
    assert (shown.paid, shown.paid_how, shown.paid_ref) == (600, "transfer", "T-9")
    row = listing.fetch_page(listing.CaseQuery(), now=NOW)[0]
    assert (row.approved_fen, row.paid_fen) == (80000, 60000)
    assert row.to_json(NOW)["paid"] == 600.0
    listed = figures.offers(offer_id=offer_id)[0].to_json()
    assert (listed["amount"], listed["paid"], listed["paid_how"], listed["paid_ref"]) == (
        800.0, 600.0, "transfer", "T-9")
    assert figures.paid_fen(case_id=case_id) == 60000
