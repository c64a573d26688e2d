"""The `complaint-desk` command: the window with no arguments, headless sub-commands otherwise.

Sub-commands use the same services as the window. Qt is imported only to open the window,
and the window's start imports none of the sub-commands. Exit codes: 0 done, 1 refused by
a rule or a check, 2 bad usage or bad input; every refusal is one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from app.commands.arguments import check_readable
from app.errors import DeskError
from app.i18n import LANGUAGES, Text, set_language, system_language
from app.location import is_postgres, resolve_database_url, skip_postgres_driver
from app.services.text import printable

PROG = "complaint-desk"
SIGPIPE_EXIT = 141  # 128 + SIGPIPE: what a shell reports for a program whose reader left


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Called by argparse on bad usage (the arguments it quotes shown escaped)."""
        self.exit(2, f"{self.prog}: {printable(message, lines=False)} (see {self.prog} --help)\n")


def add_global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """`--db`, `--lang` and `--user`, accepted before or after the command."""
    parser.add_argument("--db", default=default, metavar="PATH|URL",
                        help="database file or postgresql:// URL (or COMPLAINT_DESK_DB)")
    parser.add_argument("--lang", default=default, choices=LANGUAGES,
                        help="language of messages (default: the system's)")
    parser.add_argument("--user", default=default, metavar="NAME",
                        help="acting user for commands that change data")


def build_parser() -> Parser:
    """The parser for every sub-command (importing the command modules)."""
    from app import __version__
    from app.commands import (
        admin,
        analysis,
        backup,
        cases,
        compensation,
        customers,
        excel,
        followups,
        improvement,
        printing,
        training,
    )

    parser = Parser(prog=PROG, description="Complaint Desk / 投诉处理台")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_global_options(parser, default=None)
    _add_smoke_test(parser)
    common = Parser(add_help=False)
    add_global_options(common, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in (cases, followups, compensation, printing, excel, analysis, improvement,
                  training, admin, backup, customers):
        group.add_commands(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command (or the window) and returns its exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a console without CJK must not crash us
    arguments = list(sys.argv[1:] if argv is None else argv)
    globals_only = Parser(add_help=False)
    add_global_options(globals_only, default=None)
    _add_smoke_test(globals_only)
    options, rest = globals_only.parse_known_args(arguments)
    set_language(options.lang or system_language())
    try:
        check_readable(arguments)
    except DeskError as error:
        return fail(str(error), error.exit_code)
    url = resolve_database_url(options.db)
    if not is_postgres(url) and not any(is_postgres(a) for a in arguments):  # migrate --to
        skip_postgres_driver()
    if options.smoke_test and not rest:
        return smoke_test(options, url)
    if not rest:
        return start_window(options, url)
    args = build_parser().parse_args(arguments)
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Opens the database, runs the command, and turns every failure into one line."""
    from app.commands.context import Context
    from app.failures import explain
    from app.services.desk.store import close_desk, open_desk

    try:
        if not getattr(args, "opens_itself", False):
            # Only setting a desk up makes a database: a mistyped path must not.
            open_desk(resolve_database_url(args.db), create=getattr(args, "creates", False))
        code = args.run(args, Context(args))
        if sys.stdout is not None:  # none in a windowed build
            sys.stdout.flush()  # a reader gone (`| head`) is found here, not at the exit
        return code
    except BrokenPipeError:
        return reader_gone()
    except KeyboardInterrupt:
        return fail(str(Text("Interrupted; nothing was changed.", "已中断，数据未作修改。")), 130)
    except Exception as error:
        explained = explain(error)  # the same words the window shows
        if explained is not None:
            return fail(str(explained), explained.exit_code)
        # The last resort: log the details, say where they are.
        return fail(str(Text("Unexpected error; the details are in {log}.",
                             "发生意外错误，详情见 {log}。").format(log=_crash_log())), 1)
    finally:
        close_desk()


def reader_gone() -> int:
    """The end of a command whose output nobody reads any more (`action list | head`): no
    message, and the exit code a shell gives a program that SIGPIPE stopped (128 + 13).
    What is still buffered goes nowhere, so the interpreter's last flush stays quiet."""
    with contextlib.suppress(AttributeError, OSError, ValueError):  # no real stdout: nothing
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return SIGPIPE_EXIT


def start_window(options: Any, url: str) -> int:
    """Opens the window, or explains how to when there is no display."""
    if sys.platform.startswith("linux") and not _has_display():
        print(str(Text(
            "No display found: run `xvfb-run -a make run` for a virtual screen, "
            "or use the command line below.",
            "未检测到显示器：可运行 `xvfb-run -a make run` 使用虚拟屏幕，或使用下面的命令行。")))
        build_parser().print_help()
        return 0
    from app.ui.app import run_window  # Qt is imported only when the window opens

    return run_window(database_url=url, language=options.lang, username=options.user)


def smoke_test(options: Any, url: str) -> int:
    """Opens the window, reports what it loaded and closes (see `app.ui.smoke`)."""
    if sys.platform.startswith("linux") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from app.ui.smoke import run_smoke_test

    return run_smoke_test(database_url=url, language=options.lang, username=options.user)


def _add_smoke_test(parser: argparse.ArgumentParser) -> None:
    # For checking an installed copy, not for daily use: left out of --help.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)


def _has_display() -> bool:
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def fail(message: str, code: int) -> int:
    """Prints a one-line refusal on stderr and returns the exit code.

    What the user typed may be quoted in it: control characters are shown as escapes, never
    sent to the terminal to obey, and a line break cannot make it two lines.
    """
    print(f"{PROG}: {printable(message, lines=False)}", file=sys.stderr)
    return code


def _crash_log() -> str:
    import traceback

    from app import crashlog

    return crashlog.append(traceback.format_exc())


if __name__ == "__main__":
    raise SystemExit(main())
