"""`merge`, `unmerge`, `customer show|merge|correct|export|erase` and `retention`:
duplicates and personal data from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import output
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text, current_language
from app.services.casework import merging
from app.services.casework.cases import case_numbered, get_case
from app.services.customers import details, joining, retention
from app.services.documents import own_record
from app.services.labels import STATUSES, label
from app.services.text import parse_datetime, when


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds the merge, customer and retention commands to the parser."""
    merge = commands.add_parser("merge", parents=[common],
                                help="merge a duplicate case into the case kept (managers)")
    merge.add_argument("number", help="the duplicate")
    merge.add_argument("--into", required=True, metavar="NUMBER", help="the case kept")
    merge.add_argument("--different-customers", action="store_true",
                       help="confirm that cases of two customers are the same complaint")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(run=run_merge)
    unmerge = commands.add_parser("unmerge", parents=[common],
                                  help="undo a merge while neither case has changed since")
    unmerge.add_argument("number", help="the case that was merged")
    unmerge.set_defaults(run=run_unmerge)
    _customer_commands(commands, common)
    keep = commands.add_parser("retention", parents=[common],
                               help="remove the personal data of cases closed before a date "
                                    "(the owner)")
    keep.add_argument("--before", metavar="DATE",
                      help="closed before this day (default: the setting's years ago)")
    keep.add_argument("--dry-run", action="store_true", help="only say what it would remove")
    keep.add_argument("--json", action="store_true")
    keep.set_defaults(run=run_retention)


def _customer_commands(commands: argparse._SubParsersAction,
                       common: argparse.ArgumentParser) -> None:
    customer = commands.add_parser("customer", parents=[common],
                                   help="a customer's details, cases and personal data")
    actions = customer.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      parser_class=type(customer))
    show = actions.add_parser("show", parents=[common], help="the customer and their cases")
    show.add_argument("phone")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_customer_show)
    join = actions.add_parser("merge", parents=[common],
                              help="join a customer into another (the same person)")
    join.add_argument("phone", help="the customer joined")
    join.add_argument("--into", required=True, metavar="PHONE", help="the customer kept")
    join.set_defaults(run=run_customer_merge)
    correct = actions.add_parser("correct", parents=[common],
                                 help="correct a customer's details on request")
    correct.add_argument("phone")
    for option in ("--name", "--address", "--new-phone"):
        correct.add_argument(option)
    correct.set_defaults(run=run_customer_correct)
    export = actions.add_parser("export", parents=[common],
                                help="everything kept about the customer, as PDF and/or Excel")
    export.add_argument("phone")
    export.add_argument("--out", action="append", required=True, metavar="FILE",
                        help="a .pdf or .xlsx file (repeat for both)")
    export.set_defaults(run=run_customer_export)
    erase = actions.add_parser("erase", parents=[common],
                               help="erase the customer's personal data (the owner)")
    erase.add_argument("phone")
    erase.set_defaults(run=run_customer_erase)


def run_merge(args: argparse.Namespace, ctx: Context) -> int:
    """Merges the duplicate into the case kept and says what moved."""
    duplicate, kept = case_numbered(args.number), get_case(args.into)
    found = merging.preview(duplicate.id, kept.id)
    survivor = merging.merge(duplicate.id, kept.id, actor=ctx.actor(), now=ctx.now,
                             merged_version=duplicate.version, into_version=kept.version,
                             different_customers=args.different_customers)
    moved = {"events": found.events, "follow_ups": found.follow_ups, "offers": found.offers,
             "attachments": found.attachments}
    if args.json:
        output.print_json({"merged": duplicate.number, "into": survivor.number, **moved})
        return 0
    print(str(Text("{a} merged into {b}: {f} follow-up(s), {o} offer(s), {t} attachment(s) "
                   "moved; its {e} event(s) show in {b}'s timeline.",
                   "{a} 已合并至 {b}：移入跟进 {f} 条、补偿方案 {o} 项、附件 {t} 个；"
                   "其 {e} 条处理记录显示在 {b} 的处理记录中。").format(
        a=duplicate.number, b=survivor.number, f=found.follow_ups, o=found.offers,
        t=found.attachments, e=found.events)))
    return 0


def run_unmerge(args: argparse.Namespace, ctx: Context) -> int:
    """Undoes a merge and prints the case's state again."""
    case = merging.unmerge(args.number, actor=ctx.actor(), now=ctx.now)
    print(f"{case.number}: {label(STATUSES, case.status)}")
    return 0


def run_customer_show(args: argparse.Namespace, ctx: Context) -> int:
    """Prints the customer, the phones joined into them and every case."""
    record = details.describe(details.customer_by_phone(args.phone).id)
    if args.json:
        output.print_json(record.to_json())
        return 0
    output.pairs([(str(Text("Name", "姓名")), record.name), (str(Text("Phone", "电话")),
                  record.phone), (str(Text("Other phones", "其他电话")),
                                  ", ".join(record.other_phones) or "-"),
                  (str(Text("Address", "地址")), record.address or "-")])
    rows = [[c.number, when(c.received_at), label(STATUSES, c.status), c.description]
            for c in record.cases]
    output.table(["", "", "", ""], rows, limits=[15, 16, 10, 60], indent="  ")
    return 0


def run_customer_merge(args: argparse.Namespace, ctx: Context) -> int:
    """Joins one customer into another."""
    joined = details.customer_by_phone(args.phone)
    kept = details.customer_by_phone(args.into)
    joining.join(kept.id, joined.id, actor=ctx.actor(), now=ctx.now)
    print(str(Text("{a} is now one customer with {b}.", "{a} 已与 {b} 合并为同一客户。")
              .format(a=args.phone, b=args.into)))
    return 0


def run_customer_correct(args: argparse.Namespace, ctx: Context) -> int:
    """Corrects the details given; each change is recorded."""
    if args.name is None and args.address is None and args.new_phone is None:
        raise InputError(Text("Say what to correct: --name, --address or --new-phone.",
                              "请指定要更正的内容：--name、--address 或 --new-phone。"))
    customer = details.customer_by_phone(args.phone)
    details.correct(customer.id, name=args.name, address=args.address,
                    phone=args.new_phone, actor=ctx.actor(), now=ctx.now)
    print(str(Text("Corrected.", "已更正。")))
    return 0


def run_customer_export(args: argparse.Namespace, ctx: Context) -> int:
    """Writes the customer's own record to each file named and prints the paths."""
    paths = {Path(out).suffix.lower(): Path(out) for out in args.out}
    if not set(paths) <= {".pdf", ".xlsx"}:
        raise InputError(Text("--out takes a .pdf or an .xlsx file.",
                              "--out 应为 .pdf 或 .xlsx 文件。"))
    customer = details.customer_by_phone(args.phone)
    own_record.write(customer.id, pdf=paths.get(".pdf"), workbook=paths.get(".xlsx"),
                     language=current_language(), actor=ctx.actor(), now=ctx.now)
    for path in paths.values():
        print(path)
    return 0


def run_customer_erase(args: argparse.Namespace, ctx: Context) -> int:
    """Erases the customer's personal data and says how many cases it took."""
    customer = details.customer_by_phone(args.phone)
    done = joining.erase(customer.id, actor=ctx.actor(), now=ctx.now)
    print(str(Text("The personal data of {n} case(s) and their customer was erased.",
                   "已删除 {n} 件投诉及其客户的个人信息。").format(n=done.cases)))
    return 0


def run_retention(args: argparse.Namespace, ctx: Context) -> int:
    """Removes (or, with --dry-run, counts) the personal data past retention."""
    before = (parse_datetime(args.before, field="before", label=Text("--before", "--before"))
              .date() if args.before else retention.default_before(ctx.now))
    if args.dry_run and not args.user:  # reading only: as `list` does, no account needed
        found = retention.RetentionRun(retention.plan(before, now=ctx.now), None)
    else:
        found = retention.run(before, actor=ctx.actor(), now=ctx.now, dry_run=args.dry_run)
    removal = found.removal
    if args.json:
        done = {"removed": removal.cases, "customers": removal.customers,
                "events": removal.events, "attachments": removal.attachments} if removal else {}
        output.print_json({**found.plan.to_json(), "dry_run": removal is None, **done})
        return 0
    plan = found.plan
    words = (Text("{n} case(s) closed before {d} would lose their personal data",
                  "{d} 之前结案的 {n} 件投诉将删除个人信息") if removal is None else
             Text("The personal data of {n} case(s) closed before {d} was removed",
                  "已删除 {d} 之前结案的 {n} 件投诉的个人信息"))
    print(str(words.format(n=plan.cases, d=plan.before.isoformat())) + str(Text(
        "; passed by: {h} on legal hold, {r} still open to review.",
        "；未处理：法律保全 {h} 件，仍可申请核查 {r} 件。").format(h=plan.held, r=plan.reviewable)))
    return 0
