"""`init`, `user`, `demo` and `check`: setting up a database and looking after it."""

from __future__ import annotations

import argparse
import time

from app.commands import output
from app.commands.arguments import MAX_ID, whole_number
from app.commands.context import Context, read_password
from app.errors import DatabaseUnusableError
from app.i18n import Text, current_language
from app.models.connection import POSTGRES_SCHEMES, resolve_database_url, sqlite_path
from app.services import settings, users
from app.services.demo import generate
from app.services.desk import integrity
from app.services.desk.store import open_desk
from app.services.labels import ROLE_NAMES, label

NEW_PASSWORD_VAR = "COMPLAINT_DESK_NEW_PASSWORD"
MAX_DEMO_CASES = 10_000_000  # ten times what the benchmarks generate
CASES = Text("a number of cases", "投诉件数")
SEED = Text("a seed", "随机种子")


def add_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Adds the set-up and maintenance commands to the parser."""
    init = commands.add_parser("init", parents=[common],
                               help="set up a new database: the business and its owner")
    init.add_argument("--owner", required=True, metavar="USERNAME")
    init.add_argument("--name", default="", help="the owner's full name")
    init.add_argument("--business", default="", help="business name")
    init.add_argument("--address", default="")
    init.add_argument("--phone", default="")
    init.set_defaults(run=run_init, creates=True)

    user = commands.add_parser("user", parents=[common], help="list or add user accounts")
    actions = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", parents=[common], help="list user accounts")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_user_list)
    add = actions.add_parser("add", parents=[common], help="add a user account")
    add.add_argument("username")
    add.add_argument("--role", required=True, help="staff|manager|owner|admin")
    add.add_argument("--name", default="", help="full name")
    add.set_defaults(run=run_user_add)
    role = actions.add_parser("role", parents=[common], help="give an account another role")
    role.add_argument("username")
    role.add_argument("--role", required=True, help="staff|manager|owner|admin")
    role.set_defaults(run=run_user_role)

    fill = commands.add_parser("demo", parents=[common],
                               help="fill an empty database with demo data")
    fill.add_argument("--cases", type=whole_number(0, MAX_DEMO_CASES, what=CASES), default=500)
    fill.add_argument("--seed", type=whole_number(0, MAX_ID, what=SEED), default=1)
    fill.set_defaults(run=run_demo, creates=True)

    check = commands.add_parser("check", parents=[common],
                                help="integrity, links, schema; exit 1 if anything is wrong")
    check.set_defaults(run=run_check, opens_itself=True)


def run_init(args: argparse.Namespace, ctx: Context) -> int:
    """Creates the owner's account on an empty database and records the business details."""
    password = read_password(args.owner, variable=NEW_PASSWORD_VAR,
                             prompt=f"{args.owner} new password / 新密码: ")
    owner = users.create_user(username=args.owner, display_name=args.name or args.owner,
                              role="owner", password=password, actor=None, now=ctx.now)
    for key, value in (("business.name", args.business), ("business.address", args.address),
                       ("business.phone", args.phone)):
        if value:
            settings.set_value(key, value, actor=owner, now=ctx.now)
    print(str(Text("Owner account {name} created.", "已创建负责人账户 {name}。")
              .format(name=owner.username)))
    return 0


def run_user_list(args: argparse.Namespace, ctx: Context) -> int:
    """Prints the active accounts."""
    accounts = users.list_users()
    if args.json:
        output.print_json([{"username": u.username, "name": u.display_name, "role": u.role}
                           for u in accounts])
        return 0
    headers = [str(t) for t in (Text("User", "用户名"), Text("Name", "姓名"), Text("Role", "角色"))]
    rows = [[u.username, u.display_name, label(ROLE_NAMES, u.role)] for u in accounts]
    output.table(headers, rows, limits=[40, 30, 12])
    return 0


def run_user_add(args: argparse.Namespace, ctx: Context) -> int:
    """Adds an account; its password comes from COMPLAINT_DESK_NEW_PASSWORD or a prompt."""
    actor = ctx.actor()
    password = read_password(args.username, variable=NEW_PASSWORD_VAR,
                             prompt=f"{args.username} new password / 新密码: ")
    user = users.create_user(username=args.username, display_name=args.name, role=args.role,
                             password=password, actor=actor, now=ctx.now)
    print(str(Text("User {name} added.", "已添加用户 {name}。").format(name=user.username)))
    return 0


def run_user_role(args: argparse.Namespace, ctx: Context) -> int:
    """Gives an account another role (within what the acting user may manage)."""
    actor = ctx.actor()
    account = users.find_user(args.username)
    users.set_role(user=account, role=args.role, actor=actor, now=ctx.now)
    print(str(Text("{name} is now {role}.", "{name} 现为{role}。").format(
        name=account.username, role=ROLE_NAMES[account.role])))
    return 0


def run_demo(args: argparse.Namespace, ctx: Context) -> int:
    """Fills an empty database with demo data and prints the accounts to sign in with."""
    started = time.perf_counter()
    # The demo speaks the language of the messages (--lang, else the system's).
    summary = generate.fill_demo(cases=args.cases, seed=args.seed, now=ctx.now,
                                 language=current_language())
    print(str(Text(
        "Demo data: {cases} cases, {customers} customers in {seconds:.1f} s.\n"
        "Sign in as {users} with the password “{password}”.",
        "示范数据：{cases} 件投诉、{customers} 位客户，用时 {seconds:.1f} 秒。\n"
        "可用账户 {users} 登录，密码均为“{password}”。").format(
        cases=summary.cases, customers=summary.customers,
        seconds=time.perf_counter() - started, users=", ".join(summary.users),
        password=summary.password)))
    return 0


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    """Runs every check; prints one line each; exit 1 if any failed."""
    url = resolve_database_url(args.db)
    if not url.startswith(POSTGRES_SCHEMES) and not sqlite_path(url).exists():
        missing = Text("No database file at {url}.", "找不到数据库文件 {url}。").format(url=url)
        print(f"FAIL  {missing}")
        return 1
    try:
        open_desk(url, create=False)
    except DatabaseUnusableError as error:
        print(f"FAIL  {error}")
        return 1
    results = integrity.run_checks()
    for result in results:
        mark = "OK  " if result.ok else "FAIL"
        detail = f"  ({result.detail})" if result.detail else ""
        print(f"{mark}  {result.name}{detail}")
    return 0 if all(result.ok for result in results) else 1
