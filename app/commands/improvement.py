"""`action add | list | show | link | unlink | move`: corrective actions (整改措施)."""

from __future__ import annotations

import argparse

from app.commands import output
from app.commands.arguments import record_id
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text
from app.services import users
from app.services.casework.cases import get_case
from app.services.improvement import actions, lifecycle, listing
from app.services.improvement.actions import ActionForm
from app.services.improvement.view import ActionDetails
from app.services.improvement.words import ACTION_STATUSES, FIELDS, joined, label
from app.services.labels import lookup
from app.services.text import when

T = Text
# What `--set NAME=VALUE` may name, and the action's field each stands for.
SETTABLE = {"title": "title", "owner": "owner", "department": "department", "due": "due_on",
            "containment": "containment", "analysis": "cause_analysis", "action": "measure",
            "root-causes": "root_causes", "categories": "categories"}
LISTS = ("root_causes", "categories")
# `action list` columns: wide enough for the English words whole ("Verified effective",
# "Effect checked on", "Action owner"); a title or an owner's name longer is cut.
LIST_LIMITS = [6, 30, 18, 16, 12, 17, 6]


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `action` and its sub-commands to the parser."""
    group = commands.add_parser("action", parents=[common],
                                help="corrective actions: the causes of complaints fixed")
    verbs = group.add_subparsers(dest="verb", required=True, metavar="VERB")
    add = verbs.add_parser("add", parents=[common], help="start an action, print its id")
    add.add_argument("--title", required=True)
    add.add_argument("--owner", required=True, metavar="USER")
    add.add_argument("--due", required=True, metavar="DATE")
    add.add_argument("--department")
    add.add_argument("--root-cause", action="append", default=[], metavar="CODE")
    add.add_argument("--category", action="append", default=[])
    add.add_argument("--case", action="append", default=[], metavar="NUMBER")
    add.add_argument("--containment", default="", help="what stops the harm meanwhile")
    add.add_argument("--analysis", default="", help="the cause analysis (5 whys)")
    add.add_argument("--action", default="", help="the corrective action itself")
    add.add_argument("--warning", type=record_id, help="the early warning it answers")
    add.add_argument("--json", action="store_true")
    add.set_defaults(run=run_add)
    listed = verbs.add_parser("list", parents=[common], help="actions, the latest first")
    listed.add_argument("--status", metavar="STATE")
    listed.add_argument("--owner", metavar="USER")
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(run=run_list)
    show = verbs.add_parser("show", parents=[common], help="an action, its effect, its timeline")
    show.add_argument("id", type=record_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)
    for verb, text in (("link", "link cases to an action"), ("unlink", "unlink cases")):
        linking = verbs.add_parser(verb, parents=[common], help=text)
        linking.add_argument("id", type=record_id)
        linking.add_argument("numbers", nargs="+", metavar="NUMBER")
        linking.set_defaults(run=run_link if verb == "link" else run_unlink)
    move = verbs.add_parser("move", parents=[common], help="take an action to another state")
    move.add_argument("id", type=record_id)
    move.add_argument("--to", required=True, metavar="STATE",
                      help="in_progress|done|verified|not_effective|cancelled")
    move.add_argument("--note", default="", help="the reason (cancelled, not effective)")
    move.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                      help="change a field first: " + ", ".join(SETTABLE))
    move.set_defaults(run=run_move)


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    """Starts an action and prints its id (or the action as JSON)."""
    form = ActionForm(title=args.title, owner=args.owner, due_on=args.due,
                      department=args.department, root_causes=args.root_cause,
                      categories=args.category,
                      case_ids=[get_case(number).id for number in args.case],
                      containment=args.containment, cause_analysis=args.analysis,
                      measure=args.action, warning_id=args.warning)
    action = actions.create_action(form, actor=ctx.actor(), now=ctx.now)
    if args.json:
        output.print_json(ActionDetails.load(action.id, reader=None, now=ctx.now).to_json())
    else:
        print(action.id)
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    """Prints the actions (those that concern `--user`, when named)."""
    reader = users.find_user(args.user) if args.user else None
    status = _state(args.status) if args.status else None
    owner = users.find_user(args.owner) if args.owner else None
    rows = listing.list_actions(actor=reader, status=status, owner=owner)
    if args.json:
        output.print_json([row.to_json() for row in rows])
        return 0
    headers = [str(t) for t in (T("ID", "编号"), T("Action", "整改措施"), T("State", "状态"),
                                FIELDS["action.owner"], FIELDS["action.due_on"],
                                FIELDS["action.check_on"], T("Cases", "投诉"))]
    today = ctx.now.date()
    output.table(headers, [[str(row.id), row.title, label(ACTION_STATUSES, row.status),
                            row.owner_name, row.due_on.isoformat() + ("!" if row.is_late(today)
                                                                       else ""),
                            row.check_on.isoformat() if row.check_on else "", str(row.cases)]
                           for row in rows], limits=LIST_LIMITS)
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    """Prints an action's fields, cases, effect and timeline."""
    reader = users.find_user(args.user) if args.user else None
    details = ActionDetails.load(args.id, reader=reader, now=ctx.now)
    if args.json:
        output.print_json(details.to_json())
        return 0
    output.pairs(_fields(details))
    print()
    print(str(T("Cases", "关联投诉")))
    for case in details.cases:
        print(f"  {case.number}  {when(case.received_at)}  {case.customer}  {case.root_cause}")
    print()
    print(str(T("Timeline", "处理记录")))
    for entry in details.timeline:
        note = f"  ({entry.note})" if entry.note else ""
        output.lines(f"{entry.what}  {entry.describe()}{note}", indent=" " * 4,
                     first=f"  {output.when(entry.at)}  {entry.actor_name or '-'}  ")
    return 0


def _fields(details: ActionDetails) -> list[tuple[str, str]]:
    compared = details.comparison
    effect = "—" if compared is None else str(T(
        "{before} of {before_total} cases in the {days} days before, {after} of {after_total} "
        "since{open}", "完成前 {days} 天 {before} 件（共 {before_total} 件），完成后 {after} 件"
        "（共 {after_total} 件）{open}").format(
        before=compared.before, after=compared.after, days=compared.days,
        before_total=compared.before_total, after_total=compared.after_total,
        open="" if compared.complete else T(" (still counting)", "（统计中）")))
    return [(str(T("Action", "整改措施")), f"#{details.id} {details.title}"),
            (str(T("State", "状态")), label(ACTION_STATUSES, details.status)),
            (str(FIELDS["action.owner"]), details.owner_name),
            (str(FIELDS["action.department"]), details.department.name
             if details.department else "—"),
            (str(FIELDS["action.due_on"]), details.due_on.isoformat()),
            (str(FIELDS["action.root_causes"]), joined(e.name for e in details.root_causes)),
            (str(FIELDS["action.categories"]), joined(e.name for e in details.categories)),
            (str(FIELDS["action.containment"]), details.containment),
            (str(FIELDS["action.cause_analysis"]), details.cause_analysis),
            (str(FIELDS["action.measure"]), details.measure),
            (str(FIELDS["action.check_on"]), details.check_on.isoformat()
             if details.check_on else "—"),
            (str(T("Effect", "效果")), effect)]


def run_link(args: argparse.Namespace, ctx: Context) -> int:
    """Links cases; prints how many were newly linked, and those linked already."""
    found = {case.id: case.number for case in map(get_case, args.numbers)}
    linked = actions.link_cases(args.id, list(found), actor=ctx.actor(), now=ctx.now)
    if linked:
        print(str(T("{n} case(s) linked to action #{id}.", "{n} 件投诉已关联第 {id} 号整改措施。")
                  .format(n=len(linked), id=args.id)))
    already = [number for case_id, number in found.items() if case_id not in linked]
    if already:
        print(str(T("Already linked to action #{id}, not added again: {numbers}.",
                    "已关联第 {id} 号整改措施，未重复添加：{numbers}。").format(
            id=args.id, numbers=joined(already))))
    return 0


def run_unlink(args: argparse.Namespace, ctx: Context) -> int:
    """Takes cases off an action."""
    for number in args.numbers:
        actions.unlink_case(args.id, get_case(number).id, actor=ctx.actor(), now=ctx.now)
    done = T("{n} case(s) unlinked from action #{id}.", "{n} 件投诉已取消关联第 {id} 号整改措施。")
    print(str(done.format(n=len(args.numbers), id=args.id)))
    return 0


def run_move(args: argparse.Namespace, ctx: Context) -> int:
    """Takes one step and prints the new state."""
    target = _state(args.to)
    values = dict(_assignment(item) for item in args.set)
    seen = ActionDetails.load(args.id, reader=None, now=ctx.now).version
    action = lifecycle.move_action(args.id, target, expected_version=seen, actor=ctx.actor(),
                                   now=ctx.now, note=args.note, values=values)
    print(f"#{action.id}: {label(ACTION_STATUSES, action.status)}")
    return 0


def _state(value: str) -> str:
    return lookup(ACTION_STATUSES, value, what=T("State", "状态"))


def _assignment(item: str) -> tuple[str, object]:
    name, sep, value = item.partition("=")
    field = SETTABLE.get(name.strip())
    if not sep or field is None:
        raise InputError(T("--set needs FIELD=VALUE with FIELD one of {names}, not “{item}”.",
                           "--set 的格式应为 字段=值，字段可为 {names}，而不是“{item}”。").format(
            names=", ".join(SETTABLE), item=item))
    if field in LISTS:
        return field, [part.strip() for part in value.replace("，", ",").split(",")
                       if part.strip()]
    return field, value
