"""Compensation offers: staff propose, someone entitled decides, nothing beyond authority.

"Make the customer satisfied, but do not give everything away." Each role may give up to
its limit (settings; the owner has none), counted over the case's total — every offer on
it approved or waiting — and over the proposer's own offers to the same customer in the
last `compensation.period_days`, so splitting an amount into small offers gains nothing.
Within the limit an offer is approved at once; above it, it waits — the case is "awaiting
approval" — for a manager or the owner whose limit covers the case's total, who approves,
refuses or counters with a reason after typing their password again. A counter-offer
becomes a new offer when the proposer accepts it, once. The proposer hears of every
decision through a follow-up on their reminders.

Every decision is one transaction that reads the offer again and writes it only if it is
still in the state the decision expects (`UPDATE … WHERE status = …`): of two people
deciding at once, one wins and the other is told who decided first. Decisions on the
offers of one customer take turns (a lock on PostgreSQL; SQLite's writers take turns
anyway), so the totals they count are the totals as they stand.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from peewee import IntegrityError, PostgresqlDatabase, fn

from app.errors import ConflictError, InputError, NotFoundError, RuleError
from app.i18n import Text
from app.models import CompensationOffer, Complaint, User, database_proxy
from app.services import audit, settings
from app.services.casework import cases, followups, workflow
from app.services.labels import OFFER_KINDS, OFFER_STATUSES, lookup
from app.services.permissions import Permission, allowed, confirm_actor, require
from app.services.text import checked_text, parse_amount, when, yuan
from app.services.users import check_password

PROPOSABLE = ("in_progress", "reopened", "awaiting_approval")
NON_MATERIAL = ("apology",)
COUNTED = ("approved", "proposed")  # what a case's total and a proposer's total count
UNLIMITED = None
OFFER_LOCK = 15  # the first key of PostgreSQL's advisory lock on a customer's offers
_REASON = Text("Reason", "理由")
DECIDED = {"approved": Text("approved", "已批准"), "refused": Text("refused", "被拒绝"),
           "countered": Text("countered", "被还价")}
WRONG_PASSWORD = Text("Wrong password: the decision was not recorded.", "密码错误，审批未保存。")


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


def case_total_fen(case_id: int) -> int:
    """What the case's offers add up to: those approved and those waiting, in fen."""
    return _sum((CompensationOffer.complaint == case_id) & CompensationOffer.status.in_(COUNTED))


def proposer_total_fen(requester_id: int, customer_id: int, *, now: datetime) -> int:
    """What `requester_id`'s own offers to the customer (on any case) add up to over the
    settings' period: approved and waiting, in fen."""
    since = now - timedelta(days=int(settings.get("compensation.period_days")))
    cases_of = Complaint.select(Complaint.id).where(Complaint.customer == customer_id)
    return _sum((CompensationOffer.requester == requester_id)
                & CompensationOffer.complaint.in_(cases_of)
                & CompensationOffer.status.in_(COUNTED) & (CompensationOffer.created_at >= since))


def propose(case_id: int, *, expected_version: int, kind: str, amount: str | int | float,
            reason: str, actor: User, now: datetime, description: str = "",
            ) -> CompensationOffer:
    """Records an offer on the case last read at `expected_version`; within the proposer's
    limit (case total and own period total) it is approved at once, otherwise the case
    waits for approval."""
    require(actor, Permission.WORK_CASES)
    code, fen, why, what = _checked_offer(kind, amount, reason, description)
    with database_proxy.atomic():
        case = lock_case_offers(case_id)
        _expect_version(case, expected_version)
        if case.status not in PROPOSABLE:
            raise RuleError(Text("Compensation is proposed while the case is being handled "
                                 "(assign it first).",
                                 "补偿方案须在处理过程中提出（请先指派处理）。"))
        offer = CompensationOffer.create(complaint=case, kind=code, amount_fen=fen,
                                         description=what, reason=why, requester=actor,
                                         created_at=now)
        _log(case, actor, now, offer, "proposed", why)
        if not fen or covers(actor, max(case_total_fen(case.id),  # an apology gives nothing
                                        proposer_total_fen(actor.id, case.customer_id,
                                                           now=now))):
            _settle(offer, "proposed", actor, now, status="approved",
                    reason=str(Text("Within the proposer's own limit", "在提出人自己的权限内")))
            _log(case, actor, now, offer, "approved", offer.decision_reason)
        elif case.status != "awaiting_approval":
            workflow.move(case.id, "awaiting_approval", actor=actor, now=now,
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
    why = checked_text(reason, field="reason", label=_REASON, max_length=2000, required=True)
    status = _status_of(decision)
    counter_fen = _counter_amount(offer, counter) if status == "countered" else None
    # The slow password check runs before the transaction; the transaction then reads the
    # account (confirm_actor) and the offer again, so nothing decided meanwhile is missed.
    confirm_actor(actor)
    check_password(actor, password, now=now, wrong=WRONG_PASSWORD)
    with database_proxy.atomic():
        case = lock_case_offers(offer.complaint_id)
        confirm_actor(actor)
        offer = _still(offer_id, "proposed")
        if status != "refused":
            total = case_total_fen(case.id) - offer.amount_fen + (counter_fen or offer.amount_fen)
            _must_cover(actor, total)
        _settle(offer, "proposed", actor, now, status=status, reason=why,
                counter_fen=counter_fen)
        _log(case, actor, now, offer, status, why)
        _tell_requester(offer, actor, now)
        _release_case(offer.complaint_id, actor, now)
    return CompensationOffer.get_by_id(offer.id)


def accept_counter(offer_id: int, *, actor: User, now: datetime) -> CompensationOffer:
    """The proposer takes the approver's counter-offer: it becomes a new, approved offer.
    A counter-offer is accepted once; a second acceptance is refused."""
    _must_be_requester(_offer(offer_id, ("countered",)), actor)
    note = str(Text("Counter-offer accepted", "接受还价"))
    with database_proxy.atomic():
        case = lock_case_offers(CompensationOffer.get_by_id(offer_id).complaint_id)
        confirm_actor(actor)
        offer = _still(offer_id, "countered")
        approver = User.get_by_id(offer.approver_id)
        _must_cover(approver, case_total_fen(case.id) + (offer.counter_fen or 0), acting=False)
        try:
            with database_proxy.atomic():  # the unique parent: the database's own guard
                accepted = CompensationOffer.create(
                    complaint=case, kind=offer.kind, amount_fen=offer.counter_fen,
                    description=offer.description, reason=offer.reason, requester=actor,
                    parent=offer, created_at=now, status="approved", approver=approver,
                    decided_at=now, decision_reason=note)
        except IntegrityError:
            raise _decided_first(_still(offer_id, "countered")) from None
        _log(case, actor, now, accepted, "approved", note)
    return CompensationOffer.get_by_id(accepted.id)


def withdraw(offer_id: int, *, reason: str, actor: User, now: datetime) -> CompensationOffer:
    """Takes back an offer not yet given (proposed, or countered and not accepted)."""
    offer = _offer(offer_id, ("proposed", "countered"))
    if not allowed(actor, Permission.APPROVE_COMPENSATION):
        _must_be_requester(offer, actor)
    why = checked_text(reason, field="reason", label=_REASON, max_length=2000, required=True)
    with database_proxy.atomic():
        case = lock_case_offers(offer.complaint_id)
        confirm_actor(actor)
        offer = _still(offer_id, "proposed", "countered")
        if offer.status == "countered":
            # The counter-offer itself stays as it was made; only its status changes.
            _settle(offer, "countered", actor, now, status="withdrawn")
        else:
            _settle(offer, "proposed", actor, now, status="withdrawn", reason=why)
        _log(case, actor, now, offer, "withdrawn", why)
        _release_case(offer.complaint_id, actor, now)
    return CompensationOffer.get_by_id(offer.id)


def _checked_offer(kind: str, amount: str | int | float, reason: str,
                   description: str) -> tuple[str, int, str, str]:
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
    return code, fen, why, what


def _status_of(decision: str) -> str:
    statuses = {"approve": "approved", "refuse": "refused", "counter": "countered"}
    if decision not in statuses:
        raise InputError(Text("Decide approve, refuse or counter.", "请选择批准、拒绝或还价。"))
    return statuses[decision]


def lock_case_offers(case_id: int) -> Complaint:
    """The case as stored now, once no other decision on the offers of the same customer's
    cases is under way: on PostgreSQL locks held to the end of the transaction (call inside
    one); SQLite's IMMEDIATE transactions already take turns.

    The case's row is locked too, before any event is appended: a transaction appending
    events holds the chain's head (services.audit), so it must not wait afterwards for a
    case another writer holds while that writer waits for the head.
    """
    case = Complaint.get_or_none(Complaint.id == case_id)
    if case is None:
        raise NotFoundError(Text("There is no case with id {id}.", "没有编号为 {id} 的投诉。")
                            .format(id=case_id))
    database = database_proxy.obj
    if isinstance(database, PostgresqlDatabase):
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)",
                             (OFFER_LOCK, case.customer_id))
        # Read after the locks: what others committed meanwhile.
        case = (Complaint.select().where(Complaint.id == case_id)
                .for_update("FOR NO KEY UPDATE").get())  # type: ignore[arg-type]
    cases.refuse_merged(case)
    return case


def _expect_version(case: Complaint, expected_version: int) -> None:
    if case.version != expected_version:
        raise ConflictError(
            Text("Case {number} was changed by someone else (version {mine} → {theirs}). "
                 "Reload it to see their changes; your offer was not recorded.",
                 "投诉 {number} 已被他人修改（版本 {mine} → {theirs}）。请重新载入查看，"
                 "您的补偿方案未保存。").format(number=case.number, mine=expected_version,
                                        theirs=case.version),
            current_version=case.version,
            changes=cases.describe_conflict(case.id, expected_version))


def _settle(offer: CompensationOffer, expected: str, actor: User, now: datetime, *,
            status: str, reason: str | None = None, counter_fen: int | None = None) -> None:
    """Writes a decision only if the offer is still `expected` (else: who decided first)."""
    values: dict[str, object] = {"status": status}
    if reason is not None:  # a decision of its own, not the withdrawal of a counter-offer
        values.update(decided_at=now, decision_reason=reason, approver=actor.id)
        if counter_fen is not None:
            values["counter_fen"] = counter_fen
    done = (CompensationOffer.update(**values)
            .where((CompensationOffer.id == offer.id) & (CompensationOffer.status == expected))
            .execute())
    if done != 1:
        raise _decided_first(CompensationOffer.get_by_id(offer.id))
    for name, value in values.items():
        setattr(offer, "approver_id" if name == "approver" else name, value)


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
    followups.add_follow_up(offer.complaint_id, due_at=now,
                            note=str(note), actor=actor, now=now, assignee=requester)


def _release_case(case_id: int, actor: User, now: datetime) -> None:
    """With nothing left waiting for approval, the case goes back to being worked on."""
    case = Complaint.get_by_id(case_id)
    waiting = CompensationOffer.select().where((CompensationOffer.complaint == case_id)
                                               & (CompensationOffer.status == "proposed"))
    if case.status == "awaiting_approval" and not waiting.exists():
        workflow.move(case_id, "in_progress", actor=actor, now=now, expected_version=case.version,
                      by_rules=True)
    cases.refresh_next_due(case_id)


def _offer(offer_id: int, states: tuple[str, ...]) -> CompensationOffer:
    offer = CompensationOffer.get_or_none(CompensationOffer.id == offer_id)
    if offer is None:
        raise NotFoundError(Text("There is no compensation offer {id}.",
                                 "没有编号为 {id} 的补偿方案。").format(id=offer_id))
    if offer.status not in states:
        raise _decided_first(offer)
    return offer


def _still(offer_id: int, *states: str) -> CompensationOffer:
    """The offer read again inside the transaction; refused, naming who decided first,
    unless it is still in one of `states` (a counter-offer: and not yet accepted)."""
    offer = CompensationOffer.get_by_id(offer_id)
    answered = CompensationOffer.get_or_none(CompensationOffer.parent == offer_id)
    if offer.status not in states or (offer.status == "countered" and answered is not None):
        raise _decided_first(offer)
    return offer


def _decided_first(offer: CompensationOffer) -> RuleError:
    """The refusal for the one who came second: what became of the offer, who, when."""
    answer = CompensationOffer.get_or_none(CompensationOffer.parent == offer.id)
    if offer.status == "countered" and answer is not None:
        return RuleError(Text(
            "The counter-offer on offer {id} was already accepted by {who} at {at} (offer "
            "{new}); it is accepted once.",
            "补偿方案 {id} 的还价已由{who}于 {at} 接受（方案 {new}），只能接受一次。").format(
            id=offer.id, who=_name(answer.requester_id), at=when(answer.created_at),
            new=answer.id))
    if offer.decided_at is None:  # still waiting: it is the action that does not fit
        return RuleError(Text("Offer {id} is {status}; it cannot be changed now.",
                              "补偿方案 {id} 当前为“{status}”，不能再更改。").format(
            id=offer.id, status=OFFER_STATUSES[offer.status]))
    return RuleError(Text(
        "Offer {id} was already decided: {status} by {who} at {at}; it cannot be changed now "
        "(nothing of yours was recorded).",
        "补偿方案 {id} 已由{who}于 {at} 处理（{status}），不能再更改，您的操作未保存。").format(
        id=offer.id, status=OFFER_STATUSES[offer.status], who=_name(offer.approver_id),
        at=when(offer.decided_at)))


def _name(user_id: int | None) -> str:
    user = User.get_or_none(User.id == user_id) if user_id else None
    return user.display_name if user else "—"


def _must_be_requester(offer: CompensationOffer, actor: User) -> None:
    if offer.requester_id != actor.id:
        raise RuleError(Text("Only the person who proposed the offer can do this.",
                             "只有提出该补偿方案的人可以这样做。"))


def _must_cover(user: User, total_fen: int, *, acting: bool = True) -> None:
    """Refuses unless `user`'s limit covers the case's total with this decision (`acting`:
    theirs; else the approver of a counter-offer being accepted)."""
    if covers(user, total_fen):
        return
    limit = yuan(limit_fen(user) or 0)
    if acting:
        raise RuleError(Text(
            "The case's offers would come to {amount}, above your limit of {limit}: the owner "
            "must decide.", "本案补偿合计将达 {amount}，超出您的审批权限 {limit}，须由负责人审批。"
        ).format(amount=yuan(total_fen), limit=limit))
    raise RuleError(Text(
        "The case's offers would now come to {amount}, above the limit of {limit} of {who}, "
        "who made the counter-offer: propose it again.",
        "本案补偿合计现将达 {amount}，超出还价人{who}的审批权限 {limit}，请重新提出。").format(
        amount=yuan(total_fen), limit=limit, who=user.display_name))


def _counter_amount(offer: CompensationOffer, counter: str | int | float | None) -> int:
    fen = parse_amount(counter, field="counter", label=Text("Counter-offer", "还价金额"))
    if not fen or fen == offer.amount_fen:
        raise InputError(Text("A counter-offer names a different amount.",
                              "还价须提出不同的金额。"), field="counter")
    return fen


def _sum(condition: object) -> int:
    total = (CompensationOffer.select(fn.COALESCE(fn.SUM(CompensationOffer.amount_fen), 0))
             .where(condition).scalar())
    return int(total or 0)


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
