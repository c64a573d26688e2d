"""`print`: a receipt, a summary or a letter as PDF; or the documents of many cases at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import output
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text, current_language
from app.services.documents import papers, print_jobs
from app.services.labels import STATUSES, lookup
from app.services.text import parse_datetime


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `print` to the parser."""
    printing = commands.add_parser("print", parents=[common],
                                   help="write a receipt, summary or letter as PDF")
    printing.add_argument("number", nargs="?", help="the case (omit with --status for many)")
    printing.add_argument("--kind", required=True, choices=print_jobs.KINDS)
    printing.add_argument("--out", required=True, metavar="FILE.pdf|DIR")
    printing.add_argument("--status", help="with no number: every case in this state")
    printing.add_argument("--since", metavar="DATE", help="with --status: decided since")
    printing.set_defaults(run=run_print)


def run_print(args: argparse.Namespace, ctx: Context) -> int:
    """Writes one PDF, or one per case into a folder; says how many and where.

    In a batch, a case whose document cannot be made is listed with the reason and the
    others are printed; the exit code is then 1.
    """
    language = args.lang or current_language()
    if args.number:
        target = Path(args.out)
        target.parent.mkdir(parents=True, exist_ok=True)
        print(print_jobs.write_document(args.kind, args.number, target, language=language,
                                        now=ctx.now))
        return 0
    if not args.status:
        raise InputError(Text("Name a case, or give --status to print many.",
                              "请指定投诉编号，或用 --status 批量打印。"))
    status = lookup(STATUSES, args.status, what=Text("state", "状态"))
    since = parse_datetime(args.since, field="since", label=Text("--since", "--since")) \
        if args.since else None
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    run = print_jobs.documents_in_folder(args.kind, papers.decided_numbers(status=status,
                                                                           since=since),
                                         folder, language=language, now=ctx.now)
    for line in run.refusals():
        output.lines(line)
    print(str(Text("{n} file(s) written to {folder}; {r} refused.",
                   "已写入 {n} 个文件到 {folder}；{r} 件未能生成。").format(
        n=len(run.files), folder=folder, r=len(run.refused))))
    return 0 if not run.refused else 1
