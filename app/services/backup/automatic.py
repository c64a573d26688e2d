"""Backups nobody has to remember: the first start of each day and closing the window, and
what the window should warn about (no recent good copy, copies on the database's own disk,
a copy that failed).

A server database is backed up by whoever keeps the server (and `complaint-desk backup`):
the PCs sharing it make no automatic copies of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.i18n import Text
from app.services.backup import places, records
from app.services.backup.copies import Step, back_up
from app.services.backup.records import BackupInfo
from app.services.desk import store

ON_EXIT_AFTER = timedelta(hours=4)  # closing the window copies again after this long
STALE_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class BackupWarning:
    """Something about the backups the user should know. `key` is the same for as long as
    it is the same news, so the window says it once."""

    code: str  # stale | same_disk | failed
    key: str
    text: Text  # the whole news: what happened and what to do
    headline: Text  # a few words, for a one-line strip


def due(reason: str, now: datetime) -> bool:
    """True when an automatic copy is due: `daily` when there is no good copy from today
    yet, `on_exit` when the newest good one is older than a few hours."""
    if store.database_file() is None:
        return False
    good = records.latest(good_only=True)
    if good is None:
        return True
    if reason == "daily":
        return good.started_at.date() < now.date()
    return now - good.started_at >= ON_EXIT_AFTER


def run_automatic(reason: str, now: datetime, step: Step | None = None) -> BackupInfo | None:
    """Makes the copy when `due` (None when it was not)."""
    return back_up(kind=reason, now=now, step=step) if due(reason, now) else None


def warnings(now: datetime) -> list[BackupWarning]:
    """What is wrong with this database's backups now (nothing for a server database)."""
    database = store.database_file()
    if database is None:
        return []
    found = []
    last = records.latest()
    if last is not None and not last.ok:
        found.append(BackupWarning("failed", f"failed:{last.started_at.isoformat()}", Text(
            "The last backup ({when}) failed. {why}", "最近一次备份（{when}）失败。{why}").format(
            when=last.started_at.strftime("%Y-%m-%d %H:%M"), why=last.problem_text()),
            Text("The last backup failed", "最近一次备份失败")))
    good = records.latest(good_only=True)
    if good is None or now - good.started_at > STALE_AFTER:
        found.append(_stale(good, now))
    folder = places.backup_folder(database)
    if folder is not None and places.same_disk(folder, database):
        found.append(BackupWarning("same_disk", f"same_disk:{folder}", Text(
            "The backups are on the same disk as the database ({folder}): a broken disk or "
            "a stolen PC takes both. Choose a USB stick or a network folder in Settings › "
            "Backups.",
            "备份与数据库在同一磁盘上（{folder}）：磁盘损坏或电脑丢失会同时失去两者。请在"
            "“设置 › 备份”中选择 U 盘或网络文件夹。").format(folder=folder),
            Text("The backups are on the database's own disk", "备份与数据库在同一磁盘上")))
    return found


def _stale(good: BackupInfo | None, now: datetime) -> BackupWarning:
    if good is None:
        none = Text("There is no good backup of this database yet.", "该数据库还没有成功的备份。")
        return BackupWarning("stale", "stale:none", none, none)
    days = (now - good.started_at).days
    return BackupWarning("stale", f"stale:{good.started_at.isoformat()}", Text(
        "The newest good backup is {days} days old ({when}).",
        "最新的有效备份已是 {days} 天前（{when}）。").format(
        days=days, when=good.started_at.strftime("%Y-%m-%d %H:%M")),
        Text("No good backup for {days} days", "已有 {days} 天没有有效备份").format(days=days))
