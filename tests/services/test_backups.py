"""Backups: checked copies in the backup folder, their record, retention, the automatic
copies and what the window warns about."""

import errno
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.errors import AccessError
from app.models import BackupRecord, Complaint, User
from app.models.snapshot import inspect_copy
from app.services import settings
from app.services.backup import automatic, copies, places, records, retention
from app.services.backup.places import FoundCopy
from tests.conftest import NOW


@pytest.fixture
def desk(sqlite_db: Path, owner: User) -> Path:
    """A SQLite desk (backups of a file; the server's are in test_server_database)."""
    return sqlite_db


@pytest.fixture
def owner(sqlite_db: Path) -> User:  # noqa: F811 (the SQLite-only owner for these tests)
    from app.services import users

    return users.create_user(username="owner", display_name="王老板", role="owner",
                             password="secret", actor=None, now=NOW)


def test_a_backup_is_a_checked_copy_in_the_folder_beside_the_database(
        desk: Path, owner: User, make_case: Callable[..., Complaint]) -> None:
    make_case()
    newest = make_case(description="门店空调不制冷")
    info = copies.back_up(kind="manual", now=NOW, actor=owner)
    assert info.ok and not info.problem
    expected = desk.parent / "Backups" / f"{desk.stem}-2026-03-04-100000.sqlite3"
    assert info.path == str(expected) and expected.is_file()
    assert (info.cases, info.newest_case, info.size) == (2, newest.number,
                                                         expected.stat().st_size)
    assert inspect_copy(expected).ok
    row = BackupRecord.get()
    assert (row.kind, row.ok, row.cases, row.user_id) == ("manual", True, 2, owner.id)
    assert records.latest() == records.latest(good_only=True) == info


def test_a_backup_goes_where_the_settings_say(desk: Path, owner: User, tmp_path: Path) -> None:
    stick = tmp_path / "USB stick" / "店里备份"
    settings.set_value("backup.folder", str(stick), actor=owner, now=NOW)
    info = copies.back_up(kind="daily", now=NOW)
    assert Path(info.path).parent == stick and info.ok
    with pytest.raises(Exception, match="not a valid value"):
        settings.set_value("backup.folder", "relative/folder", actor=owner, now=NOW)


def test_only_those_allowed_make_backups_by_hand(desk: Path, staff: User) -> None:
    with pytest.raises(AccessError, match="may not make backups"):
        copies.back_up(kind="manual", now=NOW, actor=staff)
    assert not BackupRecord.select().exists()


@pytest.mark.parametrize(("error", "problem", "words"), [
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full", "is full"),
    (OSError(errno.EROFS, "Read-only file system"), "read_only", "read-only disk"),
    (PermissionError(errno.EACCES, "Permission denied"), "denied", "may not write"),
    (FileNotFoundError(errno.ENOENT, "No such file"), "unreachable", "USB stick"),
])
def test_a_failed_backup_is_recorded_with_its_reason(desk: Path, owner: User,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     error: OSError, problem: str,
                                                     words: str) -> None:
    def fails(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(copies, "copy_database", fails)
    info = copies.back_up(kind="daily", now=NOW)
    assert not info.ok and info.problem == problem
    assert words in str(info.problem_text()) and str(desk.parent / "Backups") in str(
        info.problem_text())
    assert records.latest() == info and records.latest(good_only=True) is None
    assert not list((desk.parent / "Backups").glob("*.sqlite3"))


def test_a_copy_that_does_not_check_out_is_a_failure_not_a_file(
        desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.models import snapshot

    monkeypatch.setattr(snapshot, "_integrity", lambda _conn: "*** in database main ***")
    info = copies.back_up(kind="daily", now=NOW)
    assert not info.ok and info.problem == "check" and "complaint-desk check" in str(
        info.problem_text())
    assert list((desk.parent / "Backups").iterdir()) == []


def _copies(days: int, start: datetime) -> list[FoundCopy]:
    return [FoundCopy(Path(f"c{day}"), start - timedelta(days=day)) for day in range(days)]


def test_retention_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2026, 3, 4, 18, 0)  # a Wednesday
    found = _copies(500, start)
    kept = {copy.made_at for copy in found if copy.path in retention.to_keep(found)}
    daily = {start - timedelta(days=day) for day in range(7)}
    assert daily <= kept
    weeks = {(m.isocalendar()[0], m.isocalendar()[1]) for m in kept}
    months = {(m.year, m.month) for m in kept}
    assert len(months) == 12 and len(weeks) >= 4
    assert datetime(2025, 4, 30, 18, 0) in kept  # the newest of the 12th month back
    assert len(kept) <= 7 + 4 + 12
    older = [m for m in kept if m < datetime(2025, 4, 1)]
    assert older == []


def test_retention_counts_days_with_a_copy_and_keeps_the_newest_of_each() -> None:
    start = datetime(2026, 3, 4, 9, 0)
    found = [FoundCopy(Path("morning"), start), FoundCopy(Path("evening"),
                                                         start + timedelta(hours=9)),
             *[FoundCopy(Path(f"d{n}"), start - timedelta(days=30 + n)) for n in range(8)]]
    names = {path.name for path in retention.to_keep(found)}
    assert {"evening", "morning"} <= names  # every copy of the newest day stays
    assert {f"d{n}" for n in range(6)} <= names  # a month apart, still six more days
    later = [*found, FoundCopy(Path("next day"), start + timedelta(days=1, hours=10))]
    assert "morning" not in {path.name for path in retention.to_keep(later)}


def test_the_backup_folder_is_trimmed_and_other_folders_are_not(
        desk: Path, owner: User, tmp_path: Path) -> None:
    for day in reversed(range(20)):  # a copy a day for 20 days, up to Wednesday 4 March
        copies.back_up(kind="daily", now=NOW - timedelta(days=day))
    kept = {c.made_at.day for c in places.find_copies(desk.parent / "Backups", desk.stem)}
    # 7 days, and the newest of the two weeks before them (Sunday 22 and 15 February)
    assert kept == {4, 3, 2, 1, 28, 27, 26, 22, 15}
    mine = tmp_path / "mine"
    for day in range(3):
        copies.back_up(kind="manual", now=NOW + timedelta(minutes=day), to=mine)
    assert len(list(mine.iterdir())) == 3


def test_the_first_start_of_a_day_and_closing_after_a_few_hours_make_a_copy(desk: Path,
                                                                            ) -> None:
    assert automatic.due("daily", NOW) and automatic.due("on_exit", NOW)
    first = automatic.run_automatic("daily", NOW)
    assert first is not None and first.ok and first.kind == "daily"
    assert automatic.run_automatic("daily", NOW + timedelta(hours=5)) is None
    assert automatic.run_automatic("on_exit", NOW + timedelta(hours=1)) is None
    assert automatic.run_automatic("on_exit", NOW + timedelta(hours=5)).ok
    assert automatic.due("daily", NOW + timedelta(days=1))


def test_a_failed_daily_copy_is_tried_again_at_the_next_start(
        desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOENT, "No such file")

    monkeypatch.setattr(copies, "copy_database", fails)
    assert not automatic.run_automatic("daily", NOW).ok
    assert automatic.due("daily", NOW + timedelta(minutes=10))


def test_the_warnings_say_stale_same_disk_and_failed(desk: Path, owner: User, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    codes = {w.code for w in automatic.warnings(NOW)}
    assert codes == {"stale", "same_disk"}  # nothing yet, and Backups beside the database
    copies.back_up(kind="daily", now=NOW)
    assert {w.code for w in automatic.warnings(NOW + timedelta(days=1))} == {"same_disk"}
    stale = automatic.warnings(NOW + timedelta(days=3))
    assert "3 days old (2026-03-04 10:00)" in str(next(w for w in stale if w.code == "stale").text)
    monkeypatch.setattr(places, "same_disk", lambda folder, database: False)
    monkeypatch.setattr(copies, "copy_database", lambda *_a, **_k: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "No space left on device")))
    failed_at = NOW + timedelta(days=1)
    copies.back_up(kind="daily", now=failed_at)
    found = automatic.warnings(failed_at)
    assert [w.code for w in found] == ["failed"]
    assert found[0].key == f"failed:{failed_at.isoformat()}"
    assert "The last backup (2026-03-05 10:00) failed. The disk of the backup folder" in str(
        found[0].text)


def test_a_folder_on_another_disk_is_not_the_same_disk(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    database.write_bytes(b"")
    assert places.same_disk(tmp_path / "Backups" / "not yet made", database)
    if os.path.ismount("/dev/shm") and os.stat("/dev/shm").st_dev != os.stat(tmp_path).st_dev:
        assert not places.same_disk(Path("/dev/shm"), database)
