"""Paying out an approved offer: when, how, by whom, with the receipt or voucher number.

An offer is paid once, and never more than was approved: the service refuses it, and so
does the database (a unique payment per offer, and a trigger that takes a payment only for
an approved offer and up to its amount). A payment is never changed or removed.
"""

from __future__ import annotations

from datetime import datetime

from peewee import IntegrityError

from app.errors import InputError, RuleError
from app.i18n import Text
from app.models import CompensationOffer, Payment, User, database_proxy
from app.services import audit, notes
from app.services.compensation.offers import NON_MATERIAL, lock_case_offers
from app.services.labels import OFFER_STATUSES, PAYMENT_METHODS, lookup
from app.services.permissions import Permission, allowed, confirm_actor, require
from app.services.text import CLOCK_SKEW, checked_text, parse_amount, when, yuan


def pay(offer_id: int, *, method: str, reference: str, actor: User, now: datetime,
        paid_at: datetime | None = None, amount: str | int | float | None = None,
        note: str = "") -> Payment:
    """Records that the approved offer was paid or handed over (at `paid_at`, by default
    now); `amount` defaults to the amount approved and may not exceed it.

    Raises:
        RuleError: the offer is not approved, is an apology, or was paid already.
        InputError: no receipt number, an unknown way of paying, a wrong amount or date.
    """
    require(actor, Permission.WORK_CASES)
    how = lookup(PAYMENT_METHODS, method, what=Text("way of paying", "支付方式"))
    ref = checked_text(reference, field="reference", max_length=60, required=True,
                       label=Text("Receipt or voucher number", "收据或凭证号"))
    why = checked_text(note, field="note", max_length=500, label=Text("Note", "备注"))
    offer = _approved(offer_id)
    fen = offer.amount_fen if amount in (None, "") else parse_amount(amount)
    _check_amount(offer, fen)
    moment = _check_time(offer, paid_at or now, now)
    with database_proxy.atomic():
        case = lock_case_offers(offer.complaint_id)
        confirm_actor(actor)
        _not_paid_yet(offer_id)
        try:
            with database_proxy.atomic():  # the database's own guard, should two race here
                payment = Payment.create(offer=offer_id, amount_fen=fen, paid_at=moment,
                                         method=how, reference=ref, paid_by=actor,
                                         recorded_at=now, note=why)
        except IntegrityError:
            _not_paid_yet(offer_id)
            raise
        audit.record(case, actor, now, kind="compensation", field="offer",
                     new=f"{offer.kind} {fen / 100:.2f} paid",
                     note=notes.written("paid", how=how, ref=ref),
                     version=case.version)
    return payment


def may_pay(*, status: str, amount_fen: int, paid: bool, user: User) -> bool:
    """Whether `user` may record the payment of an offer in `status` worth `amount_fen`,
    `paid` or not yet: the rule `pay` applies, for the window to offer it only then."""
    return (status == "approved" and amount_fen > 0 and not paid
            and allowed(user, Permission.WORK_CASES))


def payment_of(offer_id: int) -> Payment | None:
    """The payment of an offer, if it was paid."""
    return Payment.get_or_none(Payment.offer == offer_id)


def _approved(offer_id: int) -> CompensationOffer:
    offer = CompensationOffer.get_or_none(CompensationOffer.id == offer_id)
    if offer is None:
        raise InputError(Text("There is no compensation offer {id}.",
                              "没有编号为 {id} 的补偿方案。").format(id=offer_id))
    if offer.status != "approved":
        raise RuleError(Text("Offer {id} is {status}: only an approved offer is paid.",
                             "补偿方案 {id} 当前为“{status}”，只有已批准的方案可以支付。").format(
            id=offer.id, status=OFFER_STATUSES[offer.status]))
    if offer.kind in NON_MATERIAL:
        raise RuleError(Text("An apology has nothing to pay.", "道歉无需支付。"))
    return offer


def _check_amount(offer: CompensationOffer, fen: int) -> None:
    if fen <= 0:
        raise InputError(Text("Give the amount paid.", "请填写支付金额。"), field="amount")
    if fen > offer.amount_fen:
        raise RuleError(Text("{amount} is more than the {approved} approved: nothing was paid.",
                             "{amount} 超过批准的 {approved}，未记录支付。").format(
            amount=yuan(fen), approved=yuan(offer.amount_fen)), field="amount")


def _check_time(offer: CompensationOffer, moment: datetime, now: datetime) -> datetime:
    if moment > now + CLOCK_SKEW or (offer.decided_at and moment < offer.decided_at):
        raise InputError(Text("It was paid between the approval ({approved}) and now.",
                              "支付时间应在批准（{approved}）之后、现在之前。").format(
            approved=when(offer.decided_at)), field="paid_at")
    return moment


def _not_paid_yet(offer_id: int) -> None:
    """Refuses a second payment, naming the first."""
    paid = payment_of(offer_id)
    if paid is not None:
        who = User.get_by_id(paid.paid_by_id).display_name
        raise RuleError(Text(
            "Offer {id} was already paid: {amount} by {who} on {at} (receipt {ref}).",
            "补偿方案 {id} 已于 {at} 由{who}支付 {amount}（凭证号 {ref}），不能重复支付。").format(
            id=offer_id, amount=yuan(paid.amount_fen), who=who, at=when(paid.paid_at),
            ref=paid.reference))
