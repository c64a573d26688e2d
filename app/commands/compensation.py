"""`compensation list | propose | decide | accept | withdraw | pay`."""

from __future__ import annotations

import argparse

from app.commands import output
from app.commands.arguments import record_id
from app.commands.context import Context
from app.i18n import Text
from app.services.casework.cases import get_case
from app.services.compensation import figures, offers, payments
from app.services.labels import OFFER_KINDS, OFFER_STATUSES, label
from app.services.text import parse_datetime, when, yuan


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `compensation` and its actions to the parser."""
    group = commands.add_parser("compensation", parents=[common],
                                help="compensation offers and their approval")
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="offers waiting (or all)")
    listing.add_argument("--pending", action="store_true", help="only those waiting")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    propose = actions.add_parser("propose", parents=[common], help="propose an offer")
    propose.add_argument("number")
    propose.add_argument("--kind", required=True, help="refund|replacement|repair|voucher|"
                                                       "gift|cash|apology|other")
    propose.add_argument("--amount", required=True, help="in CNY, for example 120.50")
    propose.add_argument("--reason", required=True)
    propose.add_argument("--description", default="")
    propose.set_defaults(run=run_propose)
    decide = actions.add_parser("decide", parents=[common], help="approve, refuse or counter")
    decide.add_argument("id", type=record_id)
    how = decide.add_mutually_exclusive_group(required=True)
    how.add_argument("--approve", action="store_true")
    how.add_argument("--refuse", action="store_true")
    how.add_argument("--counter", metavar="AMOUNT")
    decide.add_argument("--reason", required=True)
    decide.set_defaults(run=run_decide)
    accept = actions.add_parser("accept", parents=[common], help="accept a counter-offer")
    accept.add_argument("id", type=record_id)
    accept.set_defaults(run=run_accept)
    withdraw = actions.add_parser("withdraw", parents=[common], help="withdraw an offer")
    withdraw.add_argument("id", type=record_id)
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(run=run_withdraw)
    pay = actions.add_parser("pay", parents=[common],
                             help="record that an approved offer was paid or handed over")
    pay.add_argument("id", type=record_id)
    pay.add_argument("--how", required=True,
                     help="cash|transfer|wechat|alipay|card|voucher|goods|other")
    pay.add_argument("--ref", required=True, help="the receipt or voucher number")
    pay.add_argument("--amount", default=None, help="in CNY; by default the amount approved")
    pay.add_argument("--at", default=None, help="when it was paid, e.g. 2026-03-05 14:30")
    pay.add_argument("--note", default="")
    pay.set_defaults(run=run_pay)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    """Prints offers, oldest first: those waiting, or every offer."""
    rows = figures.offers(status="proposed" if args.pending else None)
    if args.json:
        output.print_json([row.to_json() for row in rows])
        return 0
    headers = [str(t) for t in (Text("ID", "编号"), Text("Case", "投诉"), Text("Kind", "类型"),
                                Text("Amount", "金额"), Text("State", "状态"),
                                Text("Proposed", "提出时间"), Text("Paid", "已支付"))]
    output.table(headers, [[str(r.id), r.number, label(OFFER_KINDS, r.kind),
                            yuan(r.amount_fen), label(OFFER_STATUSES, r.status),
                            when(r.created_at),
                            "" if r.paid_fen is None else yuan(r.paid_fen)] for r in rows],
                 limits=[6, 15, 14, 14, 12, 16, 14])
    return 0


def run_propose(args: argparse.Namespace, ctx: Context) -> int:
    """Proposes an offer; prints its id and whether it waits for approval."""
    actor = ctx.actor()
    case = get_case(args.number)
    offer = offers.propose(case.id, expected_version=case.version, kind=args.kind,
                           amount=args.amount, reason=args.reason,
                           description=args.description, actor=actor, now=ctx.now)
    print(f"{offer.id} {label(OFFER_STATUSES, offer.status)}")
    return 0


def run_decide(args: argparse.Namespace, ctx: Context) -> int:
    """Approves, refuses or counters; the acting user's password is checked again."""
    decision = "approve" if args.approve else "refuse" if args.refuse else "counter"
    offer = offers.decide(args.id, decision=decision, reason=args.reason,
                                counter=args.counter, password=ctx.password(),
                                actor=ctx.actor(), now=ctx.now)
    print(f"{offer.id} {label(OFFER_STATUSES, offer.status)}")
    return 0


def run_accept(args: argparse.Namespace, ctx: Context) -> int:
    """Accepts a counter-offer; prints the new offer's id."""
    offer = offers.accept_counter(args.id, actor=ctx.actor(), now=ctx.now)
    print(f"{offer.id} {label(OFFER_STATUSES, offer.status)}")
    return 0


def run_withdraw(args: argparse.Namespace, ctx: Context) -> int:
    """Withdraws a waiting offer."""
    offer = offers.withdraw(args.id, reason=args.reason, actor=ctx.actor(), now=ctx.now)
    print(f"{offer.id} {label(OFFER_STATUSES, offer.status)}")
    return 0


def run_pay(args: argparse.Namespace, ctx: Context) -> int:
    """Records the payment of an approved offer; prints the offer id and what was paid."""
    paid_at = parse_datetime(args.at, field="at",
                             label=Text("Paid at", "支付时间")) if args.at else None
    payment = payments.pay(args.id, method=args.how, reference=args.ref, amount=args.amount,
                           paid_at=paid_at, note=args.note, actor=ctx.actor(), now=ctx.now)
    print(f"{args.id} {label(OFFER_STATUSES, 'paid')} {yuan(payment.amount_fen)}")
    return 0
