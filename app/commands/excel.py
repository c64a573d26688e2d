"""`export`: the register, under the same filters as `list`, to an Excel workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.cases import add_filter_arguments, case_query
from app.commands.context import Context
from app.errors import InputError
from app.i18n import Text, current_language
from app.services import register_export


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds `export` to the parser."""
    export = commands.add_parser("export", parents=[common],
                                 help="write the register (filtered like list) to Excel")
    export.add_argument("--out", required=True, metavar="FILE.xlsx")
    add_filter_arguments(export)
    export.add_argument("--events", action="store_true",
                        help="add a sheet with every case's timeline")
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    """Writes the workbook and says how many cases (and events) went into it."""
    path = Path(args.out)
    if path.suffix.lower() != ".xlsx":
        raise InputError(Text("The file name must end in .xlsx (“{name}”).",
                              "文件名须以 .xlsx 结尾（“{name}”）。").format(name=path.name))
    path.parent.mkdir(parents=True, exist_ok=True)
    result = register_export.export_register(
        case_query(args), path, now=ctx.now, language=args.lang or current_language(),
        events=args.events, on_progress=_progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    message = Text("{n} case(s) written to {path}.", "已导出 {n} 件投诉到 {path}。")
    if result.events is not None:
        message = Text("{n} case(s) and {e} timeline event(s) written to {path}.",
                       "已导出 {n} 件投诉、{e} 条处理记录到 {path}。")
    print(str(message.format(n=result.cases, e=result.events, path=path)))
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
