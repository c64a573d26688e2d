"""`report`: the analysis of a period — its figures as JSON, the monthly review pack (PDF or
Excel) or the period return (Excel or JSON)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from app.commands import output
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text, current_language
from app.models import Category, Department, User
from app.services import catalog, users
from app.services.analysis.filters import Filters
from app.services.analysis.names import KIND_NAMES
from app.services.analysis.period import Period, parse_period
from app.services.labels import CHANNELS, lookup
from app.services.text import parse_datetime

HEADLINE = ("received", "decided", "closed", "open_at_end", "reopened",
            "first_answer_on_time_pct", "decision_on_time_pct", "median_days_to_decision",
            "overdue_now", "upheld", "not_upheld", "satisfaction_avg", "repeat_customers")


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `report` to the parser."""
    report = commands.add_parser(
        "report", parents=[common],
        help="the figures of a period: JSON, the monthly review pack or the period return")
    add_period_arguments(report)
    report.add_argument("--kind", choices=("review", "return"), default="review",
                        help="review: monthly review pack (PDF or Excel); return: the period "
                             "return (Excel or JSON)")
    report.add_argument("--category")
    report.add_argument("--department", help="handling department")
    report.add_argument("--channel")
    report.add_argument("--handler", metavar="USER")
    report.add_argument("--out", metavar="FILE.pdf|FILE.xlsx")
    report.add_argument("--json", action="store_true", help="the figures with stable keys")
    report.set_defaults(run=run_report)


def add_period_arguments(parser: argparse.ArgumentParser) -> None:
    """`--period` or `--from`/`--to` (default: the last whole month)."""
    parser.add_argument("--period", help="2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-20")
    parser.add_argument("--from", dest="date_from", metavar="DATE")
    parser.add_argument("--to", dest="date_to", metavar="DATE")


def chosen_period(args: argparse.Namespace, today: date) -> Period:
    """The period the options name; the last whole month when none is given."""
    if args.period and (args.date_from or args.date_to):
        raise InputError(Text("Give --period or --from/--to, not both.",
                              "请指定 --period 或 --from/--to，不要同时指定。"))
    if args.period:
        return parse_period(args.period)
    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise InputError(Text("--from needs --to (and --to needs --from).",
                                  "--from 与 --to 须同时指定。"))
        return Period.between(_day(args.date_from, "--from"), _day(args.date_to, "--to"))
    return Period.containing(today.replace(day=1) - timedelta(days=1))


def _day(value: str, option: str) -> date:
    return parse_datetime(value, field=option, label=Text(option, option)).date()


def chosen_filters(args: argparse.Namespace) -> Filters:
    """The narrowing the options name."""
    return Filters(
        category_id=catalog.find(Category, args.category).id if args.category else None,
        department_id=catalog.find(Department, args.department).id if args.department else None,
        channel=lookup(CHANNELS, args.channel, what=Text("channel", "渠道"))
        if args.channel else None,
        handler_id=users.find_user(args.handler).id if args.handler else None)


def _actor(ctx: Context) -> User | None:
    """The signed-in user when --user is given (staff then see their own figures)."""
    return ctx.actor() if ctx.args.user else None


def run_report(args: argparse.Namespace, ctx: Context) -> int:
    """Prints the figures, or writes the review pack or the return to --out."""
    period = chosen_period(args, ctx.now.date())
    filters, actor = chosen_filters(args), _actor(ctx)
    if args.kind == "return":
        return _period_return(args, ctx, period, filters, actor)
    from app.services.analysis.as_json import overview_json
    from app.services.analysis.overview import analyse

    view = analyse(period, filters, actor=actor, now=ctx.now)
    if args.out:
        from app.services.analysis.review_files import write_review

        path = write_review(view, Path(args.out), language=args.lang or current_language())
        print(str(Text("The review of {p} is in {path}.", "{p}的分析报告已保存到 {path}。")
                  .format(p=period.label(), path=path)))
    if args.json:
        output.print_json(overview_json(view))
    elif not args.out:
        _print_headline(view)
    return 0


def _print_headline(view: object) -> None:
    from app.services.analysis.overview import Overview

    assert isinstance(view, Overview)
    print(str(view.period.label()))
    rows = []
    for key in HEADLINE:
        figure = view.current[key]
        change = view.change(key).difference
        name = KIND_NAMES.get(key) or _NAMES.get(key, Text(key, key))
        rows.append([str(name), "—" if figure.value is None else f"{figure.value:g}",
                     "" if change is None else f"{change:+g}"])
    output.table(["", "", ""], rows, limits=[40, 12, 10])


_NAMES = {
    "first_answer_on_time_pct": Text("First answers on time (%)", "初步答复按时率（%）"),
    "decision_on_time_pct": Text("Decisions on time (%)", "按时作出决定率（%）"),
    "median_days_to_decision": Text("Median business days to decision", "处理天数中位数（工作日）"),
    "satisfaction_avg": Text("Average satisfaction", "平均满意度"),
    "repeat_customers": Text("Repeat customers", "重复投诉客户"),
}


def _period_return(args: argparse.Namespace, ctx: Context, period: Period, filters: Filters,
                   actor: User | None) -> int:
    from app.services.analysis.period_return import period_return

    found = period_return(period, filters, actor=actor, now=ctx.now)
    if args.out:
        from app.services.analysis.review_files import write_return

        path = write_return(found, Path(args.out), language=args.lang or current_language())
        print(str(Text("The period return of {p} is in {path}.",
                       "{p}的投诉情况统计表已保存到 {path}。").format(p=period.label(), path=path)))
    if args.json or not args.out:
        output.print_json(found.to_json())
    return 0
