"""`reminders`, `followup` and `followup-done`: what is owed, and the next steps."""

from __future__ import annotations

import argparse

from app.commands import output
from app.commands.arguments import LIMIT, MAX_LIMIT, record_id, whole_number
from app.commands.context import Context
from app.i18n import Text
from app.services import users
from app.services.casework import followups, outcomes, reminders
from app.services.casework.cases import get_case
from app.services.casework.reminders import GROUPS
from app.services.text import parse_datetime, when

DUE = Text("Due", "到期时间")


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds the reminder and follow-up commands to the parser."""
    due = commands.add_parser("reminders", parents=[common],
                              help="what is overdue, due today, due soon and escalated")
    due.add_argument("--at", metavar="ISO-DATETIME", help="as at this time (default: now)")
    due.add_argument("--limit", type=whole_number(1, MAX_LIMIT, what=LIMIT), default=50,
                     help="items listed per group")
    due.add_argument("--json", action="store_true")
    due.set_defaults(run=run_reminders)

    add = commands.add_parser("followup", parents=[common], help="add a follow-up to a case")
    add.add_argument("number")
    add.add_argument("--due", required=True, metavar="ISO-DATETIME")
    add.add_argument("--note", required=True)
    add.add_argument("--assign", metavar="USER", help="who does it (default: the handler)")
    add.set_defaults(run=run_followup)

    done = commands.add_parser("followup-done", parents=[common], help="mark a follow-up done")
    done.add_argument("id", type=record_id)
    done.add_argument("--outcome", required=True)
    done.add_argument("--satisfaction", help="1-5, from a satisfaction call-back")
    done.add_argument("--reopen", action="store_true", help="the problem is back: reopen")
    done.set_defaults(run=run_followup_done)


def run_reminders(args: argparse.Namespace, ctx: Context) -> int:
    """Prints each group with its count and most urgent items; always exit 0."""
    at = parse_datetime(args.at, field="at", label=Text("--at", "--at")) if args.at else ctx.now
    user = users.find_user(args.user) if args.user else None
    found = reminders.reminders(user=user, now=at, limit=args.limit)
    late = reminders.overdue_counts(at) if user is None else None
    if args.json:
        output.print_json({**found.to_json(), **({"overdue_by": late} if late else {})})
        return 0
    for group, title in GROUPS.items():
        print(f"{title} ({found.counts[group]})")
        rows = [[r.number, r.customer, when(r.due_at), r.reason]
                for r in found.items[group]]
        if rows:
            output.table(["", "", "", ""], rows, limits=[15, 10, 16, 70], indent="  ")
    if late is not None:
        for title, counts in ((Text("Overdue cases per handler", "各处理人逾期投诉"),
                               late["handler"]),
                              (Text("Overdue cases per department", "各部门逾期投诉"),
                               late["department"])):
            print(f"{title}: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    return 0


def run_followup(args: argparse.Namespace, ctx: Context) -> int:
    """Adds a follow-up and prints its id."""
    due = parse_datetime(args.due, field="due", label=DUE)
    assignee = users.find_user(args.assign) if args.assign else None
    row = followups.add_follow_up(get_case(args.number).id, due_at=due, note=args.note,
                                  assignee=assignee, actor=ctx.actor(), now=ctx.now)
    print(row.id)
    return 0


def run_followup_done(args: argparse.Namespace, ctx: Context) -> int:
    """Marks a follow-up done with its outcome."""
    row = outcomes.complete_follow_up(args.id, outcome=args.outcome,
                                       satisfaction=args.satisfaction, reopen=args.reopen,
                                       actor=ctx.actor(), now=ctx.now)
    print(str(Text("Follow-up {id} done.", "跟进 {id} 已完成。").format(id=row.id)))
    return 0

