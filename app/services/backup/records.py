"""The record of backups: written after every attempt, read for the warnings, the About box,
the settings and `backup --json`. Failures are stored as a code and the system's own words,
and worded in the reader's language when shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.i18n import Text
from app.models import BackupRecord, User
from app.models.snapshot import CopyFacts

BACKUP_KINDS = ("daily", "on_exit", "manual")
KIND_NAMES = {
    "daily": Text("daily", "每日"), "on_exit": Text("on closing", "退出时"),
    "manual": Text("made by hand", "手动"), "restored": Text("restore", "恢复"),
}
PROBLEMS = {
    "check": Text("The copy did not pass its check ({detail}) and was removed. The database "
                  "itself may be damaged: run `complaint-desk check`.",
                  "副本未通过检查（{detail}），已删除。数据库本身可能已损坏：请运行 "
                  "`complaint-desk check`。"),
    "disk_full": Text("The disk of the backup folder {folder} is full; no copy was made. Free "
                      "some space or choose another folder.",
                      "备份文件夹 {folder} 所在的磁盘已满，未制作副本。"
                      "请释放空间或选择其他文件夹。"),
    "read_only": Text("The backup folder {folder} is on a read-only disk; no copy was made. "
                      "Choose another folder.",
                      "备份文件夹 {folder} 位于只读磁盘上，未制作副本。请选择其他文件夹。"),
    "denied": Text("This user may not write in the backup folder {folder}; no copy was made. "
                   "Choose another folder, or ask whoever looks after the PC.",
                   "当前用户无权写入备份文件夹 {folder}，未制作副本。请选择其他文件夹，"
                   "或联系电脑管理人员。"),
    "unreachable": Text("The backup folder {folder} cannot be reached (is the USB stick or the "
                        "network folder connected?); no copy was made.",
                        "无法访问备份文件夹 {folder}（U 盘或网络文件夹是否已连接？），"
                        "未制作副本。"),
    "damaged": Text("The database could not be read to the end ({detail}): it may be damaged. "
                    "Run `complaint-desk check`.",
                    "无法完整读取数据库（{detail}），数据库可能已损坏。"
                    "请运行 `complaint-desk check`。"),
    "write": Text("The copy could not be written to {folder}: {detail}",
                  "无法将副本写入 {folder}：{detail}"),
    "no_pg_dump": Text("{detail}", "{detail}"),
    "pg_dump": Text("pg_dump could not back up the server database: {detail}",
                    "pg_dump 无法备份服务器数据库：{detail}"),
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup as recorded: where, when, whether it checked out and what it held."""

    kind: str
    started_at: datetime
    finished_at: datetime
    path: str
    ok: bool
    size: int | None = None
    cases: int | None = None
    newest_case: str = ""
    newest_at: datetime | None = None
    problem: str = ""
    detail: str = ""
    removed: tuple[str, ...] = field(default=())  # older copies retention let go

    @property
    def folder(self) -> str:
        """The folder the copy went (or should have gone) to."""
        return str(Path(self.path).parent) if self.path else ""

    def problem_text(self) -> Text:
        """Why it failed, in both languages ('' when it did not)."""
        if self.ok or not self.problem:
            return Text("", "")
        return PROBLEMS.get(self.problem, PROBLEMS["write"]).format(folder=self.folder,
                                                                     detail=self.detail)

    def as_json(self) -> dict[str, object]:
        """Stable English keys, for `--json`."""
        return {"ok": self.ok, "kind": self.kind, "file": self.path, "size": self.size,
                "cases": self.cases, "newest_case": self.newest_case or None,
                "newest_received_at": _iso(self.newest_at),
                "started_at": _iso(self.started_at), "finished_at": _iso(self.finished_at),
                "problem": self.problem or None, "detail": self.detail or None,
                "removed": list(self.removed)}


def record(info: BackupInfo, *, user: User | None = None) -> BackupInfo:
    """Writes `info` to the record and returns it."""
    BackupRecord.create(kind=info.kind, started_at=info.started_at,
                        finished_at=info.finished_at, path=info.path, ok=info.ok,
                        size=info.size, cases=info.cases, newest_case=info.newest_case,
                        newest_at=info.newest_at, problem=info.problem, detail=info.detail,
                        user=user)
    return info


def from_facts(kind: str, started: datetime, finished: datetime, facts: CopyFacts,
               removed: tuple[str, ...] = ()) -> BackupInfo:
    """A good copy's record."""
    return BackupInfo(kind, started, finished, str(facts.path), True, facts.size, facts.cases,
                      facts.newest_case, facts.newest_at, removed=removed)


def latest(*, good_only: bool = False) -> BackupInfo | None:
    """The newest backup attempt (or the newest good copy), if any."""
    query = BackupRecord.select().where(BackupRecord.kind.in_(BACKUP_KINDS))
    if good_only:
        query = query.where(BackupRecord.ok == True)  # noqa: E712 (SQL, not Python)
    row = query.order_by(BackupRecord.started_at.desc(), BackupRecord.id.desc()).first()
    return _info(row) if row else None


def history(limit: int = 20) -> list[BackupInfo]:
    """The newest entries of the record, restores included."""
    rows = BackupRecord.select().order_by(BackupRecord.started_at.desc(),
                                          BackupRecord.id.desc()).limit(limit)
    return [_info(row) for row in rows]


def _info(row: BackupRecord) -> BackupInfo:
    return BackupInfo(row.kind, row.started_at, row.finished_at, row.path, bool(row.ok),
                      row.size, row.cases, row.newest_case, row.newest_at, row.problem,
                      row.detail)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None
