"""A shared PostgreSQL server: its address, a connection test, and this PC's choice.

Each PC keeps its own choice of database (app.location): the file in the user's data
folder, or a server named here. The connection test reads what the server holds without
changing anything, so a shop can try the address before the PC uses it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from peewee import ImproperlyConfigured, PostgresqlDatabase

from app.errors import DeskError, InputError
from app.failures import explain
from app.i18n import Text
from app.location import choose_database, is_postgres
from app.models.connection import display_url
from app.models.migrations import CURRENT_VERSION

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 8
NO_DRIVER = Text(
    "PostgreSQL support is not installed in this copy of Complaint Desk: install it with "
    "`pip install complaint-desk[postgres]` (the Windows setup program includes it).",
    "此投诉台未安装 PostgreSQL 支持：请用 `pip install complaint-desk[postgres]` 安装"
    "（Windows 安装程序已包含）。")


@dataclass(frozen=True)
class ServerFacts:
    """What a connection test found on the server."""

    address: str  # without the password
    version: str
    tables: int
    schema_version: int | None
    cases: int | None

    @property
    def empty(self) -> bool:
        """True when the database holds no tables at all: ready to receive a copy."""
        return self.tables == 0

    @property
    def holds_desk(self) -> bool:
        """True when it holds a Complaint Desk database."""
        return self.schema_version is not None


def address(*, host: str, port: int, database: str, user: str, password: str) -> str:
    """The `postgresql://` URL for these parts (each quoted as a URL needs)."""
    for value, name in ((host, Text("server", "服务器")), (database, Text("database", "数据库")),
                        (user, Text("user", "用户"))):
        if not value.strip():
            raise InputError(Text("Please fill in the {what}.", "请填写{what}。")
                             .format(what=name))
    login = quote(user.strip(), safe="")
    if password:
        login += ":" + quote(password, safe="")
    return f"postgresql://{login}@{host.strip()}:{port}/{quote(database.strip(), safe='')}"


def parts(url: str) -> dict[str, object]:
    """The parts of a `postgresql://` URL, for a form to show (empty ones for anything else)."""
    if not is_postgres(url):
        return {"host": "", "port": DEFAULT_PORT, "database": "", "user": "", "password": ""}
    split = urlsplit(url)
    return {"host": split.hostname or "", "port": split.port or DEFAULT_PORT,
            "database": unquote(split.path.lstrip("/")), "user": unquote(split.username or ""),
            "password": unquote(split.password or "")}


def connect(url: str) -> PostgresqlDatabase:
    """An open connection to the server database `url`, its failures explained."""
    if not is_postgres(url):
        raise InputError(Text("{url} is not a postgresql:// address.",
                              "{url} 不是 postgresql:// 地址。").format(url=url))
    database = PostgresqlDatabase(url.replace("postgres://", "postgresql://", 1),
                                  connect_timeout=CONNECT_TIMEOUT_SECONDS)
    try:
        database.connect()
    except Exception as error:
        raise _explained(error) from error
    return database


def test_server(url: str) -> ServerFacts:
    """Connects to `url` and reports what it holds; changes nothing."""
    database = connect(url)
    try:
        version = str(database.execute_sql("SHOW server_version").fetchone()[0])
        tables = database.get_tables()
        found, cases = None, None
        if "schema_version" in tables:
            row = database.execute_sql("SELECT version FROM schema_version LIMIT 1").fetchone()
            found = row[0] if row else 0
        if "complaint" in tables:
            cases = database.execute_sql("SELECT count(*) FROM complaint").fetchone()[0]
    except Exception as error:
        raise _explained(error) from error
    finally:
        with contextlib.suppress(Exception):
            database.close()
    return ServerFacts(display_url(url), version, len(tables), found, cases)


def use_server(url: str) -> ServerFacts:
    """Makes the server this PC's database, after testing it holds one this program uses."""
    facts = test_server(url)
    if not facts.holds_desk:
        raise DeskError(Text(
            "{address} holds no Complaint Desk database yet: move one there first (Settings › "
            "Database › Move to the server, or `complaint-desk migrate`); this PC keeps its "
            "database.",
            "{address} 上还没有投诉台数据库：请先迁移（“设置 › 数据库 › 迁移到服务器”或 "
            "`complaint-desk migrate`）；本机仍使用原来的数据库。").format(address=facts.address))
    if facts.schema_version and facts.schema_version > CURRENT_VERSION:
        raise DeskError(Text(
            "{address} was saved by a newer Complaint Desk (schema {found}): update Complaint "
            "Desk on this PC first.",
            "{address} 由更新版本的投诉台保存（结构版本 {found}）：请先升级本机的投诉台。"
            ).format(address=facts.address, found=facts.schema_version))
    choose_database(url)
    return facts


def use_own_file() -> None:
    """Makes this PC use its own database file again (the default)."""
    choose_database(None)


def _explained(error: BaseException) -> DeskError:
    if isinstance(error, ImproperlyConfigured | ImportError):
        return DeskError(NO_DRIVER)
    explained = explain(error)
    if explained is None:
        return DeskError(Text("Cannot connect to the server: {reason}",
                              "无法连接服务器：{reason}").format(reason=error))
    return explained
