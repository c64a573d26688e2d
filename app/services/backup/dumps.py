"""Backing up and restoring a server database with PostgreSQL's own pg_dump and pg_restore.

The dump is taken from an exported snapshot, so the cases counted for its record are the
cases in the file; it is written to a temporary name, read back with `pg_restore --list`,
and only then renamed. Restoring goes into an empty database, in one transaction.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from peewee import PostgresqlDatabase

from app.errors import DeskError, InputError
from app.i18n import Text
from app.models import User
from app.models.snapshot import PARTIAL_SUFFIX, clear_stale_partials
from app.services.backup import places, records, retention, server
from app.services.backup.records import BackupInfo
from app.services.desk import store

TIMEOUT_SECONDS = 6 * 3600
INSTALL = Text(
    "{tool}, PostgreSQL's own backup program, is not installed on this PC. Install the "
    "PostgreSQL {version} client tools: on Windows, run the PostgreSQL {version} installer "
    "from https://www.postgresql.org/download/windows/ with only “Command Line Tools” ticked, "
    "and add its bin folder (C:\\Program Files\\PostgreSQL\\{version}\\bin) to PATH; on Debian "
    "or Ubuntu, `sudo apt-get install postgresql-client-{version}`. Then try again.",
    "本机未安装 PostgreSQL 自带的备份程序 {tool}。请安装 PostgreSQL {version} 客户端工具："
    "Windows 上运行 https://www.postgresql.org/download/windows/ 提供的 PostgreSQL {version} "
    "安装程序，只勾选“Command Line Tools”，并把其 bin 文件夹（C:\\Program Files\\PostgreSQL\\"
    "{version}\\bin）加入 PATH；Debian 或 Ubuntu 上运行 "
    "`sudo apt-get install postgresql-client-{version}`。然后重试。")
_LIBPQ = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD",
          "dbname": "PGDATABASE", "sslmode": "PGSSLMODE", "connect_timeout": "PGCONNECT_TIMEOUT"}


def dump_server(*, kind: str, now: datetime, actor: User | None, to: Path | None,
                ) -> BackupInfo:
    """Dumps the open server database into `to` (or the backup folder), checked and
    recorded."""
    url = store.server_url()
    assert url is not None
    folder = to or places.backup_folder(None)
    if folder is None:
        raise InputError(Text(
            "The database is on a server: name the folder for the copy with --to DIR (or "
            "choose a backup folder in the settings).",
            "数据库在服务器上：请用 --to 文件夹 指定副本存放位置（或在设置中选择备份文件夹）。"))
    name = _libpq_env(url).get("PGDATABASE", "desk")
    target = places.copy_path(folder, name, now, places.DUMP_SUFFIX)
    started = time.monotonic()
    info = _dump(url, target, kind, now)
    finished = now + timedelta(seconds=round(time.monotonic() - started))
    pruned = info.ok and folder == places.backup_folder(None)  # copies elsewhere are yours
    info = BackupInfo(info.kind, now, finished, info.path, info.ok, info.size, info.cases,
                      info.newest_case, info.newest_at, info.problem, info.detail,
                      _prune(folder, name) if pruned else ())
    return records.record(info, user=actor)


def _dump(url: str, target: Path, kind: str, now: datetime) -> BackupInfo:
    tool = shutil.which("pg_dump")
    if tool is None:
        return BackupInfo(kind, now, now, str(target), False, problem="no_pg_dump",
                          detail=str(missing_tool("pg_dump", url)))
    target.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_partials(target.parent)
    partial = target.with_name(f"{target.name}.{os.getpid()}{PARTIAL_SUFFIX}")
    database = server.connect(url)
    try:
        database.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = database.execute_sql("SELECT pg_export_snapshot()").fetchone()[0]
        cases, newest, newest_at = _contents(database)
        done = _run([tool, "--format=custom", f"--file={partial}", f"--snapshot={snapshot}",
                     "--no-password"], url)
        if done.returncode == 0:
            done = _run([shutil.which("pg_restore") or "pg_restore", "--list", str(partial)],
                        url, check_output="TABLE DATA public complaint")
        if done.returncode != 0:
            return BackupInfo(kind, now, now, str(target), False, problem="pg_dump",
                              detail=_first_lines(done.stderr))
        size = partial.stat().st_size
        os.replace(partial, target)
    finally:
        with contextlib.suppress(Exception):
            database.execute_sql("ROLLBACK")
            database.close()
        partial.unlink(missing_ok=True)
    return BackupInfo(kind, now, now, str(target), True, size, cases, newest, newest_at)


def restore_dump(dump: Path, *, url: str, now: datetime) -> dict[str, object]:
    """Restores `dump` into the empty server database `url` and opens it.

    Raises:
        DeskError: pg_restore is missing, the database is not empty, or the restore failed
            (then the database is left empty: it runs in one transaction).
    """
    tool = shutil.which("pg_restore")
    if tool is None:
        raise DeskError(missing_tool("pg_restore", url))
    if not dump.is_file():
        raise InputError(Text("{file} does not exist.", "{file} 不存在。").format(file=dump))
    facts = server.test_server(url)
    if not facts.empty:
        raise DeskError(Text(
            "{address} is not empty: a dump is restored into an empty database only. Create "
            "one (for example `createdb desk2`) and name it with --db.",
            "{address} 不是空数据库：转储文件只能恢复到空数据库。请新建一个数据库"
            "（例如 `createdb desk2`）并用 --db 指定。").format(address=facts.address))
    done = _run([tool, "--no-owner", "--no-privileges", "--exit-on-error",
                 "--single-transaction", "--no-password", "--dbname", _dbname(url),
                 str(dump)], url)
    if done.returncode != 0:
        raise DeskError(Text("pg_restore could not restore {file}: {reason}",
                             "pg_restore 无法恢复 {file}：{reason}").format(
            file=dump, reason=_first_lines(done.stderr)))
    store.open_desk(url, now=now, create=False)
    restored = server.test_server(url)
    return {"restored": str(dump), "database": restored.address,
            "cases": restored.cases, "schema_version": restored.schema_version}


def missing_tool(tool: str, url: str) -> Text:
    """What to install to get `tool`, for the server's version of PostgreSQL."""
    version = "16"
    with contextlib.suppress(DeskError):
        version = server.test_server(url).version.split(".")[0].split()[0]
    return INSTALL.format(tool=tool, version=version)


def _contents(database: PostgresqlDatabase) -> tuple[int, str, datetime | None]:
    run = database.execute_sql
    cases = run("SELECT count(*) FROM complaint").fetchone()[0]
    newest = run("SELECT number, received_at FROM complaint ORDER BY id DESC LIMIT 1").fetchone()
    return cases, newest[0] if newest else "", newest[1] if newest else None


def _run(command: list[str], url: str, *, check_output: str = "",
         ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, env={**os.environ, **_libpq_env(url)}, capture_output=True,
                          text=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL)
    if done.returncode == 0 and check_output and check_output not in done.stdout:
        return subprocess.CompletedProcess(command, 1, done.stdout,
                                           f"the dump does not hold the cases ({check_output})")
    return done


def _libpq_env(url: str) -> dict[str, str]:
    """The URL's parts as libpq's environment variables: the password never appears on a
    command line another user could read."""
    split = urlsplit(url)
    values = {"host": split.hostname or "", "port": str(split.port or ""),
              "user": unquote(split.username or ""), "password": unquote(split.password or ""),
              "dbname": unquote(split.path.lstrip("/"))}
    values.update(parse_qsl(split.query))
    return {_LIBPQ[key]: value for key, value in values.items() if key in _LIBPQ and value}


def _dbname(url: str) -> str:
    return _libpq_env(url).get("PGDATABASE", "")


def _prune(folder: Path, name: str) -> tuple[str, ...]:
    copies = places.find_copies(folder, name, places.DUMP_SUFFIX)
    return tuple(str(path) for path in retention.prune(copies))


def _first_lines(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " ".join(lines[:2]) or "no output"
