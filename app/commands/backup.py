"""`backup`, `restore` and `migrate`: copies that check out, putting one back, and moving the
desk to a shared server."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import output
from app.commands.context import Context, read_password
from app.errors import BackupError, DatabaseUnusableError
from app.i18n import Text
from app.location import is_postgres, resolve_database_url
from app.models import User
from app.models.connection import sqlite_path
from app.services.backup import copies, dumps, migrate, restore
from app.services.backup.records import BackupInfo
from app.services.desk.store import close_desk, open_desk


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds the backup, restore and migrate commands to the parser."""
    backup = commands.add_parser("backup", parents=[common],
                                 help="make a checked copy of the database (pg_dump on a server)")
    backup.add_argument("--to", metavar="DIR",
                        help="folder for the copy (default: the backup folder in the settings)")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(run=run_backup)

    back = commands.add_parser("restore", parents=[common],
                               help="replace the database with a backup (owner or admin)")
    back.add_argument("file", metavar="FILE")
    back.add_argument("--json", action="store_true")
    back.set_defaults(run=run_restore, opens_itself=True)

    move = commands.add_parser("migrate", parents=[common],
                               help="copy this SQLite database to an empty PostgreSQL database")
    move.add_argument("--to", required=True, metavar="postgresql://…")
    move.add_argument("--json", action="store_true")
    move.set_defaults(run=run_migrate)


def run_backup(args: argparse.Namespace, ctx: Context) -> int:
    """Makes and checks one copy; exit 1 with the reason when it failed."""
    actor = ctx.actor() if args.user else None  # recorded as who made it, if named
    info = copies.back_up(kind="manual", now=ctx.now, actor=actor,
                          to=copies.require_folder(args.to))
    if args.json:
        output.print_json(info.as_json())
    elif info.ok:
        print(str(describe_backup(info)))
    if not info.ok:
        raise copies_failed(info)
    return 0


def describe_backup(info: BackupInfo) -> Text:
    """One line saying what the copy holds and where it is."""
    line = Text("Backup made and checked: {file} ({size}), {cases} cases, the newest {newest}.",
                "备份已完成并通过检查：{file}（{size}），共 {cases} 件投诉，最新为 {newest}。"
                ).format(file=info.path, size=_size(info.size), cases=info.cases,
                         newest=info.newest_case or "—")
    if info.removed:
        line = Text(f"{line.en} {{n}} older copies removed (7 daily, 4 weekly and 12 "
                    "monthly are kept).",
                    f"{line.zh}已删除 {{n}} 个较早的副本（保留 7 个每日、4 个每周、12 个每月"
                    "副本）。").format(n=len(info.removed))
    return line


def copies_failed(info: BackupInfo) -> BackupError:
    """The failure of a copy as the command's refusal (exit 1)."""
    return BackupError(Text("The backup failed: {why}", "备份失败：{why}")
                       .format(why=info.problem_text()))


def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    """Puts a backup in place of the database; the one replaced is kept aside."""
    url = resolve_database_url(args.db)
    backup = Path(args.file).expanduser()
    if is_postgres(url):
        result = dumps.restore_dump(backup, url=url, now=ctx.now)
        _print_restored(args, result, Text(
            "Restored {restored} into {database}: {cases} cases.",
            "已将 {restored} 恢复到 {database}：共 {cases} 件投诉。"))
        return 0
    actor, password = _who_restores(url, ctx)
    prepared = restore.prepare(backup, database=sqlite_path(url).resolve(), actor=actor,
                               now=ctx.now, username=args.user or "", password=password)
    close_desk()  # nobody may hold the file while it is swapped
    restored = restore.finish(prepared)
    text = Text("Restored {restored}: {cases} cases, the newest {newest_case}.",
                "已恢复 {restored}：共 {cases} 件投诉，最新为 {newest_case}。")
    if restored.aside is not None:
        text = Text(text.en + " The database replaced is kept at {previous_kept_at}.",
                    text.zh + "被替换的数据库保存在 {previous_kept_at}。")
    _print_restored(args, restored.as_json(), text)
    return 0


def _who_restores(url: str, ctx: Context) -> tuple[User | None, str]:
    """The owner or administrator signed in to the database being replaced; when it cannot
    be opened (damaged, missing), nobody: then the name and password are checked against
    the backup."""
    try:
        open_desk(url, now=ctx.now, create=False)
    except DatabaseUnusableError:
        close_desk()
        if not ctx.args.user:
            ctx.actor()  # says that --user is needed
        return None, read_password(ctx.args.user)
    return ctx.actor(), ""


def _print_restored(args: argparse.Namespace, result: dict[str, object], text: Text) -> None:
    if args.json:
        output.print_json(result)
    else:
        print(str(text.format(**{k: "—" if v is None else v for k, v in result.items()})))


def run_migrate(args: argparse.Namespace, ctx: Context) -> int:
    """Copies the database to the server, compares the counts and runs check there."""
    result = migrate.migrate_to_server(args.to, actor=ctx.actor())
    if args.json:
        output.print_json(result.as_json())
        return 0
    headers = [str(text) for text in (Text("Table", "数据表"), Text("File", "文件"),
                                      Text("Server", "服务器"))]
    output.table(headers, [[c.table, str(c.source), str(c.target)] for c in result.counts],
                 limits=[24, 10, 10])
    for check in result.checks:
        print(f"{'OK  ' if check.ok else 'FAIL'}  {check.name}")
    print(str(Text(
        "Copied to {server} in {seconds:.1f} s; the file was left as it was. Now point each "
        "PC at the server: Settings › Database › Connect this PC to a server (or "
        "COMPLAINT_DESK_DB).",
        "已在 {seconds:.1f} 秒内复制到 {server}；原文件保持不变。现在请让每台电脑使用服务器："
        "“设置 › 数据库 › 本机连接服务器”（或设置 COMPLAINT_DESK_DB）。").format(
        server=result.address, seconds=result.seconds)))
    return 0


def _size(size: int | None) -> str:
    if size is None:
        return "—"
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"
