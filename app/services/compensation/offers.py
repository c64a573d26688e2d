"""Compensation offers: staff propose, someone entitled decides, nothing beyond authority.

"Make the customer satisfied, but do not give everything away." Each role may give up to
its limit (settings; the owner has none). An offer within the proposer's limit is
approved at once; above it, it waits — the case is "awaiting approval" — for a manager or
the owner whose limit covers it, who approves, refuses or counters with a reason after
typing their password again. A counter-offer becomes a new offer when the proposer
accepts it. The proposer hears of every decision through a follow-up on their reminders.
"""

from __future__ import annotations

from datetime import datetime

from app.errors import InputError, NotFoundError, RuleError, SignInError
from app.i18n import Text
from app.models import CompensationOffer, Complaint, User, database_proxy
from app.services import audit, settings
from app.services.casework import cases, followups, workflow
from app.services.labels import OFFER_KINDS, OFFER_STATUSES, lookup
from app.services.permissions import Permission, allowed, require
from app.services.text import checked_text, parse_amount, yuan
from app.services.users import verify_password

PROPOSABLE = ("in_progress", "reopened", "awaiting_approval")
NON_MATERIAL = ("apology",)
UNLIMITED = None
_REASON = Text("Reason", "理由")
DECIDED = {"approved": Text("approved", "已批准"), "refused": Text("refused", "被拒绝"),
           "countered": Text("countered", "被还价")}


def limit_fen(user: User) -> int | None:
    """How much `user` may give or approve, in fen; None for no limit (the owner)."""
    if user.role == "owner":
        return UNLIMITED
    if user.role == "manager":
        return int(settings.get("compensation.limit.manager")) * 100
    if user.role == "staff":
        return int(settings.get("compensation.limit.staff")) * 100
    return 0  # administrators look after the system, not the money


def covers(user: User, amount_fen: int) -> bool:
    """True when `amount_fen` is within `user`'s own limit."""
    limit = limit_fen(user)
    return limit is UNLIMITED or amount_fen <= limit


def propose(case: Complaint, *, kind: str, amount: str | int | float, reason: str,
            actor: User, now: datetime, description: str = "") -> CompensationOffer:
    """Records an offer; within the proposer's limit it is approved at once, otherwise the
    case waits for approval."""
    require(actor, Permission.WORK_CASES)
    if case.status not in PROPOSABLE:
        raise RuleError(Text("Compensation is proposed while the case is being handled "
                             "(assign it first).", "补偿方案须在处理过程中提出（请先指派处理）。"))
    code = lookup(OFFER_KINDS, kind, what=Text("kind of compensation", "补偿类型"))
    fen = parse_amount(amount)
    if code in NON_MATERIAL and fen:
        raise InputError(Text("An apology has no amount.", "道歉类补偿金额应为 0。"),
                         field="amount")
    if code not in NON_MATERIAL and not fen:
        raise InputError(Text("Give the amount (or choose an apology).",
                              "请填写金额（或选择道歉）。"), field="amount")
    why = checked_text(reason, field="reason", label=_REASON, max_length=2000, required=True)
    what = checked_text(description, field="description", max_length=2000,
                        label=Text("What exactly", "具体内容"))
    with database_proxy.atomic():
        offer = CompensationOffer.create(complaint=case, kind=code, amount_fen=fen,
                                         description=what, reason=why, requester=actor,
                                         created_at=now)
        _log(case, actor, now, offer, "proposed", why)
        if covers(actor, fen):
            _decide(offer, "approved", actor, now,
                    str(Text("Within the proposer's own limit", "在提出人自己的权限内")))
        elif case.status != "awaiting_approval":
            workflow.move(case, "awaiting_approval", actor=actor, now=now,
                          expected_version=case.version, by_rules=True)
    return CompensationOffer.get_by_id(offer.id)


def decide(offer_id: int, *, decision: str, reason: str, password: str, actor: User,
           now: datetime, counter: str | int | float | None = None) -> CompensationOffer:
    """Approves, refuses or counters a waiting offer (managers and the owner)."""
    require(actor, Permission.APPROVE_COMPENSATION)
    offer = _offer(offer_id, ("proposed",))
    if offer.requester_id == actor.id:
        raise RuleError(Text("You proposed this offer: someone else must decide on it.",
                             "该补偿方案是您提出的，须由其他人审批。"))
    if not verify_password(password, actor.password_hash):
        raise SignInError(Text("Wrong password: the decision was not recorded.",
                               "密码错误，审批未保存。"))
    why = checked_text(reason, field="reason", label=_REASON, max_length=2000, required=True)
    if decision == "approve":
        _must_cover(actor, offer.amount_fen)
        status = "approved"
    elif decision == "refuse":
        status = "refused"
    elif decision == "counter":
        offer.counter_fen = _counter_amount(actor, offer, counter)
        status = "countered"
    else:
        raise InputError(Text("Decide approve, refuse or counter.", "请选择批准、拒绝或还价。"))
    with database_proxy.atomic():
        _decide(offer, status, actor, now, why)
        _tell_requester(offer, actor, now)
        _release_case(offer.complaint_id, actor, now)
    return CompensationOffer.get_by_id(offer.id)


def accept_counter(offer_id: int, *, actor: User, now: datetime) -> CompensationOffer:
    """The proposer takes the approver's counter-offer: it becomes a new, approved offer."""
    offer = _offer(offer_id, ("countered",))
    _must_be_requester(offer, actor)
    approver = User.get_by_id(offer.approver_id)
    with database_proxy.atomic():
        accepted = CompensationOffer.create(
            complaint=offer.complaint_id, kind=offer.kind, amount_fen=offer.counter_fen,
            description=offer.description, reason=offer.reason, requester=actor,
            parent=offer, created_at=now)
        _decide(accepted, "approved", approver, now,
                str(Text("Counter-offer accepted", "接受还价")))
        _log(Complaint.get_by_id(offer.complaint_id), actor, now, accepted, "approved",
             str(Text("Counter-offer accepted", "接受还价")))
    return CompensationOffer.get_by_id(accepted.id)


def withdraw(offer_id: int, *, reason: str, actor: User, now: datetime) -> CompensationOffer:
    """Takes back an offer not yet given (proposed, or countered and not accepted)."""
    offer = _offer(offer_id, ("proposed", "countered"))
    if not allowed(actor, Permission.APPROVE_COMPENSATION):
        _must_be_requester(offer, actor)
    why = checked_text(reason, field="reason", label=_REASON, max_length=2000, required=True)
    with database_proxy.atomic():
        _decide(offer, "withdrawn", actor, now, why)
        _release_case(offer.complaint_id, actor, now)
    return CompensationOffer.get_by_id(offer.id)


def _decide(offer: CompensationOffer, status: str, actor: User, now: datetime,
            reason: str) -> None:
    offer.status, offer.decided_at, offer.decision_reason = status, now, reason
    if status != "withdrawn":
        offer.approver = actor
    offer.save()
    _log(Complaint.get_by_id(offer.complaint_id), actor, now, offer, status, reason)


def _log(case: Complaint, actor: User, now: datetime, offer: CompensationOffer, status: str,
         note: str) -> None:
    amount = offer.counter_fen if status == "countered" else offer.amount_fen
    assert amount is not None  # a counter-offer always has its amount
    audit.record(case, actor, now, kind="compensation", field="offer",
                 new=f"{offer.kind} {amount / 100:.2f} {status}", note=note,
                 version=case.version)


def _tell_requester(offer: CompensationOffer, actor: User, now: datetime) -> None:
    """A follow-up for the proposer, due now: it reaches their reminders and their tray."""
    requester = User.get_by_id(offer.requester_id)
    amount = offer.counter_fen if offer.status == "countered" else offer.amount_fen
    assert amount is not None  # a counter-offer always has its amount
    note = Text("Compensation {status} by {who}: {kind} {amount}. Tell the customer.",
                "补偿方案{status}（{who}）：{kind} {amount}。请告知客户。").format(
        status=DECIDED[offer.status], who=actor.display_name, kind=OFFER_KINDS[offer.kind],
        amount=yuan(amount))
    followups.add_follow_up(Complaint.get_by_id(offer.complaint_id), due_at=now,
                            note=str(note), actor=actor, now=now, assignee=requester)


def _release_case(case_id: int, actor: User, now: datetime) -> None:
    """With nothing left waiting for approval, the case goes back to being worked on."""
    case = Complaint.get_by_id(case_id)
    waiting = CompensationOffer.select().where((CompensationOffer.complaint == case_id)
                                               & (CompensationOffer.status == "proposed"))
    if case.status == "awaiting_approval" and not waiting.exists():
        workflow.move(case, "in_progress", actor=actor, now=now, expected_version=case.version,
                      by_rules=True)
    cases.refresh_next_due(case_id)


def _offer(offer_id: int, states: tuple[str, ...]) -> CompensationOffer:
    offer = CompensationOffer.get_or_none(CompensationOffer.id == offer_id)
    if offer is None:
        raise NotFoundError(Text("There is no compensation offer {id}.",
                                 "没有编号为 {id} 的补偿方案。").format(id=offer_id))
    if offer.status not in states:
        raise RuleError(Text("Offer {id} is {status}; it cannot be changed now.",
                             "补偿方案 {id} 当前为“{status}”，不能再更改。").format(
            id=offer.id, status=OFFER_STATUSES[offer.status]))
    return offer


def _must_be_requester(offer: CompensationOffer, actor: User) -> None:
    if offer.requester_id != actor.id:
        raise RuleError(Text("Only the person who proposed the offer can do this.",
                             "只有提出该补偿方案的人可以这样做。"))


def _must_cover(actor: User, amount_fen: int) -> None:
    if not covers(actor, amount_fen):
        raise RuleError(Text("{amount} is above your limit of {limit}: the owner must decide.",
                             "{amount} 超出您的审批权限 {limit}，须由负责人审批。").format(
            amount=yuan(amount_fen), limit=yuan(limit_fen(actor) or 0)))


def _counter_amount(actor: User, offer: CompensationOffer,
                    counter: str | int | float | None) -> int:
    fen = parse_amount(counter, field="counter", label=Text("Counter-offer", "还价金额"))
    if not fen or fen == offer.amount_fen:
        raise InputError(Text("A counter-offer names a different amount.",
                              "还价须提出不同的金额。"), field="counter")
    _must_cover(actor, fen)
    return fen



def actions_allowed(*, status: str, requested_by: str | None, user: User) -> frozenset[str]:
    """What `user` may do now with an offer in `status` proposed by the user named
    `requested_by`: any of `withdraw`, `accept_counter` and `decide` (the rules of
    `withdraw`, `accept_counter` and `decide` above, for the window to offer only those).
    """
    mine = requested_by is not None and requested_by == user.username
    approver = allowed(user, Permission.APPROVE_COMPENSATION)
    rules = {
        "withdraw": status in ("proposed", "countered") and (mine or approver),
        "accept_counter": status == "countered" and mine,
        "decide": status == "proposed" and approver and not mine,
    }
    return frozenset(action for action, ok in rules.items() if ok)
