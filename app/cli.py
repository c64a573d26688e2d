"""The `complaint-desk` command: the window with no arguments, headless sub-commands otherwise.

Sub-commands use the same services as the window. Qt is imported only to open the window.
Exit codes: 0 done, 1 refused by a rule or a check, 2 bad usage or bad input; every
refusal is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime

import peewee
import platformdirs

from app import __version__
from app.commands import admin, cases
from app.commands.context import Context
from app.errors import DeskError
from app.i18n import LANGUAGES, Text, set_language, system_language
from app.models.connection import resolve_database_url
from app.services.desk import close_desk, open_desk

PROG = "complaint-desk"
COMMAND_GROUPS = (cases, admin)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Called by argparse on bad usage."""
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> Parser:
    """The parser for every sub-command; global options work before or after the command."""
    parser = Parser(prog=PROG, description="Complaint Desk / 投诉处理台")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _add_global_options(parser, default=None)
    common = Parser(add_help=False)
    _add_global_options(common, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in COMMAND_GROUPS:
        group.add_commands(commands, common)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument("--db", default=default, metavar="PATH|URL",
                        help="database file or postgresql:// URL (or COMPLAINT_DESK_DB)")
    parser.add_argument("--lang", default=default, choices=LANGUAGES,
                        help="language of messages (default: the system's)")
    parser.add_argument("--user", default=default, metavar="NAME",
                        help="acting user for commands that change data")


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command and returns its exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a console without CJK must not crash us
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang or system_language())
    if args.command is None:
        return start_window(parser)
    return run_command(args.run, args)


def run_command(handler: Callable[[argparse.Namespace, Context], int],
                args: argparse.Namespace) -> int:
    """Opens the database, runs `handler`, and turns every failure into one line."""
    try:
        if not getattr(args, "opens_itself", False):
            open_desk(resolve_database_url(args.db))
        return handler(args, Context(args))
    except DeskError as error:
        return _fail(str(error), error.exit_code)
    except peewee.DatabaseError as error:
        return _fail(str(Text("The database refused the operation: {e}. Nothing was changed.",
                              "数据库拒绝了该操作：{e}。数据未作修改。").format(e=error)), 1)
    except KeyboardInterrupt:
        return _fail(str(Text("Interrupted; nothing was changed.", "已中断，数据未作修改。")), 130)
    except Exception:  # the last resort: log the details, say where they are
        log = _write_crash_log()
        return _fail(str(Text("Unexpected error; the details are in {log}.",
                              "发生意外错误，详情见 {log}。").format(log=log)), 1)
    finally:
        close_desk()


def start_window(parser: argparse.ArgumentParser) -> int:
    """Opens the window, or explains how to when there is no display."""
    if sys.platform.startswith("linux") and not _has_display():
        print(str(Text(
            "No display found: run `xvfb-run -a make run` for a virtual screen, "
            "or use the command line below.",
            "未检测到显示器：可运行 `xvfb-run -a make run` 使用虚拟屏幕，或使用下面的命令行。")))
    parser.print_help()
    return 0


def _has_display() -> bool:
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def _write_crash_log() -> str:
    folder = platformdirs.user_log_path("ComplaintDesk", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "complaint-desk-errors.log"
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {datetime.now().isoformat()} {PROG} {__version__}\n")
        log.write(traceback.format_exc())
    return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
