"""`add`, `list`, `show` and `move`: recording and following cases from the command line."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from app.commands import output
from app.commands.arguments import LIMIT, MAX_LIMIT, whole_number
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text
from app.models import Category, Department, RootCause
from app.services import catalog, users, vocabulary
from app.services.analysis import slices
from app.services.analysis.period import parse_period
from app.services.casework import workflow
from app.services.casework.cases import get_case, normal_number
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.casework.layout import all_fields
from app.services.casework.view import CaseDetails, explain
from app.services.labels import CHANNELS, EVENT_KINDS, SEVERITIES, STATUSES, label, lookup
from app.services.register import listing
from app.services.text import parse_datetime


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds the case commands to the parser."""
    add = commands.add_parser("add", parents=[common], help="record a complaint, print its number")
    for name in ("customer", "phone", "channel", "category", "description"):
        add.add_argument(f"--{name}", required=True)
    add.add_argument("--wish", default="")
    add.add_argument("--severity", default="medium", help="low|medium|high|critical")
    add.add_argument("--flag", action="append", default=[], help="group|risk|management")
    add.add_argument("--received", metavar="ISO-DATETIME", help="when it was received")
    add.add_argument("--reference", default="", help="order or policy number")
    add.add_argument("--address", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(run=run_add)

    list_parser = commands.add_parser("list", parents=[common], help="list cases")
    add_filter_arguments(list_parser)
    list_parser.add_argument("--limit", type=whole_number(1, MAX_LIMIT, what=LIMIT),
                             default=50)
    list_parser.add_argument("--json", action="store_true")
    list_parser.add_argument("--count", action="store_true", help="print only how many match")
    list_parser.set_defaults(run=run_list)

    show = commands.add_parser("show", parents=[common], help="all fields and the timeline")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)

    move = commands.add_parser("move", parents=[common], help="take a case to another state")
    move.add_argument("number")
    move.add_argument("--to", required=True, metavar="STATE")
    move.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    move.add_argument("--note", default="")
    move.set_defaults(run=run_move)


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    """Records a complaint and prints its number (or the case as JSON)."""
    received = (parse_datetime(args.received, field="received_at",
                               label=vocabulary.label("received_at"))
                if args.received else None)
    form = IntakeForm(
        customer_name=args.customer, phone=args.phone, channel=args.channel,
        category=args.category, description=args.description, wish=args.wish,
        severity=args.severity, flags=args.flag, received_at=received,
        reference=args.reference, address=args.address,
    )
    case = record_complaint(form, actor=ctx.actor(), now=ctx.now)
    if args.json:
        output.print_json(CaseDetails.load(case.number).to_json())
    else:
        print(case.number)
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    """Prints the matching cases, newest first."""
    query = case_query(args, ctx.now)
    if args.count:
        total = listing.count(query, now=ctx.now)
        if args.json:
            output.print_json({"count": total})
        else:
            print(total)
        return 0
    rows = listing.fetch_page(query, now=ctx.now, limit=args.limit)
    if args.json:
        output.print_json([row.to_json(ctx.now) for row in rows])
        return 0
    total = listing.count(query, now=ctx.now)
    named = vocabulary.label
    headers = [str(t) for t in (named("number"), named("received_at"), Text("Customer", "客户"),
                                named("category"), named("severity"), named("status"),
                                named("handler"), named("next_due_at"))]
    lines = [[row.number + ("!" if row.is_overdue(ctx.now) else "") + ("*" if row.flags else ""),
              output.when(row.received_at), row.customer, row.category,
              label(SEVERITIES, row.severity), label(STATUSES, row.status), row.handler or "",
              output.when(row.next_due_at)] for row in rows]
    output.table(headers, lines, limits=[17, 16, 12, 14, 8, 10, 10, 16])
    print(str(Text("{shown} of {total} cases (! overdue, * flagged)",
                   "显示 {shown} / 共 {total} 件（! 逾期，* 重点标记）").format(
        shown=len(rows), total=total)))
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    """Prints every field of a case and its timeline."""
    details = CaseDetails.load(args.number)
    if args.json:
        output.print_json(details.to_json())
        return 0
    if normal_number(args.number) != details.number:
        print(str(Text("{old} was merged into {number}:", "{old} 已合并至 {number}：").format(
            old=normal_number(args.number), number=details.number)))
    output.pairs(all_fields(details))
    print()
    print(str(Text("How the deadline was reached", "处理期限的由来")))
    for step in explain(details.timeline):
        note = f"  ({step.shown_note()})" if step.note else ""
        output.lines(f"{step.describe()}{note}", indent=" " * 4,
                     first=f"  {output.when(step.at)}  {step.actor_name or '-'}  ")
    print()
    print(str(Text("Timeline", "处理记录")))
    for entry in details.timeline:
        note = f"  ({entry.shown_note()})" if entry.note else ""
        output.lines(f"{label(EVENT_KINDS, entry.kind)}  {entry.describe()}{note}",
                     first=f"  {output.when(entry.at)}  {entry.actor_name or '-'}  ",
                     indent=" " * 4)
    return 0


def run_move(args: argparse.Namespace, ctx: Context) -> int:
    """Takes one transition and prints the new state."""
    values = dict(_split_assignment(item) for item in args.set)
    case = get_case(args.number)
    case = workflow.move(case.id, args.to, values=values, note=args.note, actor=ctx.actor(),
                         now=ctx.now, expected_version=case.version)
    print(f"{case.number}: {label(STATUSES, case.status)}")
    return 0


def _split_assignment(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise InputError(Text("--set needs FIELD=VALUE, not “{item}”.",
                              "--set 的格式应为 字段=值，而不是“{item}”。").format(item=item))
    return name.strip(), value


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The register's filters as options (`list`, `export`)."""
    parser.add_argument("--status", action="append", default=[], help="state (repeatable)")
    parser.add_argument("--category")
    parser.add_argument("--department")
    parser.add_argument("--handler", metavar="USER")
    parser.add_argument("--open", action="store_true", help="only cases not yet decided")
    parser.add_argument("--overdue", action="store_true")
    parser.add_argument("--flagged", action="store_true", help="group or escalation-risk cases")
    parser.add_argument("--search", default="")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="received from")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="received up to")
    parser.add_argument("--channel")
    parser.add_argument("--root-cause", metavar="CODE")
    parser.add_argument("--fault-department", metavar="DEPARTMENT", help="department at fault")
    parser.add_argument("--decided-late", action="store_true",
                        help="decided after the decision deadline")
    parser.add_argument("--figure", metavar="KIND", choices=slices.KINDS,
                        help="the cases behind a figure of `report` (with --period): "
                             + ", ".join(slices.KINDS))
    parser.add_argument("--period", help="the figure's period: 2026-11, 2026-Q4, 2026 or "
                                         "2026-11-01..2026-11-20")


def case_query(args: argparse.Namespace, now: datetime | None = None) -> listing.CaseQuery:
    """The query the filter options describe (`now` for figures that look at overdue)."""
    statuses = tuple(lookup(STATUSES, part, what=Text("state", "状态"))
                     for item in args.status for part in item.split(",") if part.strip())
    return listing.CaseQuery(
        statuses=statuses,
        category_id=catalog.find(Category, args.category).id if args.category else None,
        department_id=catalog.find(Department, args.department).id if args.department else None,
        handler_id=users.find_user(args.handler).id if args.handler else None,
        open_only=args.open, overdue=args.overdue, flagged=args.flagged, search=args.search,
        received_from=_date(args.date_from, "--from"), received_to=_date(args.date_to, "--to"),
        channel=lookup(CHANNELS, args.channel, what=Text("channel", "渠道"))
        if args.channel else None,
        root_cause_id=catalog.find(RootCause, args.root_cause).id if args.root_cause else None,
        fault_department_id=catalog.find(Department, args.fault_department).id
        if args.fault_department else None,
        decided_late=args.decided_late, figure=_figure(args, now),
    )


def _figure(args: argparse.Namespace, now: datetime | None) -> slices.Slice | None:
    """The slice of a figure of `report`, for checking a figure against the register."""
    if not args.figure and not args.period:
        return None
    if not (args.figure and args.period):
        raise InputError(Text("--figure and --period go together.",
                              "--figure 与 --period 须同时指定。"))
    period = parse_period(args.period)
    return slices.Slice(args.figure, period.first, period.last, now=now)


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    return parse_datetime(value, field=option, label=Text(option, option)).date()
