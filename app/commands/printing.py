"""`print`: a receipt, a summary or a letter as PDF; or letters for many cases at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.context import Context
from app.errors import DeskError, InputError
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
    """Writes one PDF, or one per case into a folder; says how many and where."""
    language = args.lang or current_language()
    if args.number:
        target = Path(args.out)
        target.parent.mkdir(parents=True, exist_ok=True)
        path = write_document(args.kind, args.number, target, language, ctx)
        print(path)
        return 0
    if not args.status:
        raise InputError(Text("Name a case, or give --status to print many.",
                              "请指定投诉编号，或用 --status 批量打印。"))
    status = lookup(STATUSES, args.status, what=Text("state", "状态"))
    since = parse_datetime(args.since, field="since", label=Text("--since", "--since")) \
        if args.since else None
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = papers.decided_numbers(status=status, since=since)
    if args.kind == "letter":
        run = print_jobs.letters_in_folder(numbers, folder, language=language, now=ctx.now)
        written, refused = len(run.files), run.refusals()
    else:
        written, refused = _each_document(args.kind, numbers, folder, language, ctx)
    for line in refused:
        print(line)
    print(str(Text("{n} file(s) written to {folder}; {r} refused.",
                   "已写入 {n} 个文件到 {folder}；{r} 件未能生成。").format(
        n=written, folder=folder, r=len(refused))))
    return 0 if not refused else 1


def _each_document(kind: str, numbers: list[str], folder: Path, language: str,
                   ctx: Context) -> tuple[int, list[str]]:
    written, refused = 0, []
    for number in numbers:
        try:
            write_document(kind, number, folder / f"{number}-{kind}.pdf", language, ctx)
            written += 1
        except DeskError as error:
            refused.append(f"{number}: {error}")
    return written, refused


def write_document(kind: str, number: str, path: Path, language: str, ctx: Context) -> Path:
    """Builds one document of one case into `path`."""
    return print_jobs.write_document(kind, number, path, language=language, now=ctx.now)
