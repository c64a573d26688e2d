"""`training add | list` (培训) and `warnings` (预警): training given, early warnings."""

from __future__ import annotations

import argparse

from app.commands import output
from app.commands.arguments import record_id
from app.commands.context import Context
from app.i18n import Text
from app.services import users
from app.services.improvement import training, warning_view, warnings
from app.services.improvement.words import WARNING_STATUSES, joined, label
from app.services.text import parse_datetime, when

T = Text


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `training` and `warnings` to the parser."""
    group = commands.add_parser("training", parents=[common], help="training given to staff")
    verbs = group.add_subparsers(dest="verb", required=True, metavar="VERB")
    add = verbs.add_parser("add", parents=[common], help="record a training, print its id")
    add.add_argument("--date", required=True, metavar="DATE")
    add.add_argument("--topic", required=True)
    add.add_argument("--trainer", required=True, help="who gave it")
    add.add_argument("--attendee", action="append", default=[], metavar="USER",
                     help="who attended (repeatable, or several separated by commas)")
    add.add_argument("--notes", default="")
    add.add_argument("--action", type=record_id, help="the corrective action it was for")
    add.add_argument("--root-cause", metavar="CODE")
    add.set_defaults(run=run_training_add)
    listed = verbs.add_parser("list", parents=[common],
                              help="trainings (those --user attended, when named)")
    listed.add_argument("--attendee", metavar="USER", help="the history of one user")
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(run=run_training_list)

    check = commands.add_parser("warnings", parents=[common],
                                help="check the early-warning rules, list waiting warnings")
    check.add_argument("--at", metavar="ISO-DATETIME", help="as at this time (default: now)")
    check.add_argument("--all", action="store_true", help="every warning fired, not only those "
                                                         "waiting")
    check.add_argument("--dismiss", type=record_id, metavar="ID",
                       help="dismiss a waiting warning (with --note)")
    check.add_argument("--note", default="")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=run_warnings)


def run_training_add(args: argparse.Namespace, ctx: Context) -> int:
    """Records a training and prints its id."""
    people = [name.strip() for item in args.attendee for name in item.replace("，", ",")
              .split(",") if name.strip()]
    row = training.add_training(held_on=args.date, topic=args.topic, trainer=args.trainer,
                                attendees=people, notes=args.notes, action_id=args.action,
                                root_cause=args.root_cause, actor=ctx.actor(), now=ctx.now)
    print(row.id)
    return 0


def run_training_list(args: argparse.Namespace, ctx: Context) -> int:
    """Prints trainings, the latest first."""
    if args.attendee:
        reader = users.find_user(args.user) if args.user else users.find_user(args.attendee)
        found = training.history(users.find_user(args.attendee).id, actor=reader)
    elif args.user:
        found = training.trainings(actor=users.find_user(args.user))
    else:
        found = training.all_trainings()
    if args.json:
        output.print_json([info.to_json() for info in found])
        return 0
    headers = [str(t) for t in (T("ID", "编号"), training.DATE, training.TOPIC, training.TRAINER,
                                T("Attendees", "参训人员"), T("For", "针对"))]
    output.table(headers, [[str(t.id), t.held_on.isoformat(), t.topic, t.trainer,
                            joined(name for _u, name in t.attendees),
                            f"#{t.action_id}" if t.action_id else t.root_cause_name]
                           for t in found], limits=[5, 10, 30, 10, 30, 14])
    return 0


def run_warnings(args: argparse.Namespace, ctx: Context) -> int:
    """Checks the rules as at --at, records what fires, and prints the waiting warnings."""
    at = parse_datetime(args.at, field="at", label=T("--at", "--at")) if args.at else ctx.now
    reader = users.find_user(args.user) if args.user else None
    warning_view.may_see(reader)  # refused before anything is checked or fired
    if args.dismiss:
        warnings.dismiss(args.dismiss, note=args.note, actor=ctx.actor(), now=at)
    fired = warnings.check_all(now=at)
    shown = (warning_view.warnings_fired(reader=reader) if args.all
             else warning_view.open_warnings(reader=reader)[0])
    if args.json:
        output.print_json({"fired": [item.id for item in fired],
                           "warnings": [info.to_json() for info in shown]})
        return 0
    print(str(T("{n} new warning(s); {m} listed.", "新预警 {n} 条；列出 {m} 条。").format(
        n=len(fired), m=len(shown))))
    for info in shown:
        output.lines(str(info.text), first=f"  {info.id}  {when(info.fired_at)}  "
                     f"{label(WARNING_STATUSES, info.status)}  ", indent=" " * 6)
        output.lines(joined(info.numbers), first=" " * 6, indent=" " * 6)
    return 0
